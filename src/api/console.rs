//! `GET /console`: the web console for the people who run the service. Its three files
//! are compiled into the binary (no build step, nothing fetched at run time) and served
//! with a Content-Security-Policy that allows scripts, styles and calls from this origin
//! only. The console has no privilege of its own: the page calls the public API with the
//! JWT its user pastes, which it keeps in memory.

use axum::extract::Path;
use axum::http::header;
use axum::response::{IntoResponse, Response};

use crate::error::ApiError;

const PAGE: &str = include_str!("console/index.html");
const SCRIPT: &str = include_str!("console/console.js");
const STYLE: &str = include_str!("console/console.css");

/// Nothing inline, nothing from another host, no framing, no form posts: the page's own
/// script does everything through `fetch` to this origin.
const CONTENT_SECURITY_POLICY: &str = "default-src 'none'; script-src 'self'; \
    style-src 'self'; img-src 'self' data:; connect-src 'self'; form-action 'none'; \
    frame-ancestors 'none'; base-uri 'none'";

fn asset(content_type: &'static str, body: &'static str) -> Response {
    (
        [
            (header::CONTENT_TYPE, content_type),
            (header::CONTENT_SECURITY_POLICY, CONTENT_SECURITY_POLICY),
            (header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
            (header::X_FRAME_OPTIONS, "DENY"),
            (header::REFERRER_POLICY, "no-referrer"),
            // A new binary brings a new console: no cached copy outlives it.
            (header::CACHE_CONTROL, "no-store"),
        ],
        body,
    )
        .into_response()
}

/// `GET /console`.
pub(super) async fn page() -> Response {
    asset("text/html; charset=utf-8", PAGE)
}

/// `GET /console/{file}`: the script and the style sheet.
pub(super) async fn file(Path(name): Path<String>) -> Response {
    match name.as_str() {
        "console.js" => asset("text/javascript; charset=utf-8", SCRIPT),
        "console.css" => asset("text/css; charset=utf-8", STYLE),
        _ => ApiError::NotFound.into_response(),
    }
}
