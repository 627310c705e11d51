//! Passwords inside URLs and DSNs: `scheme://user:PASSWORD@host`, Go's
//! `user:pass@tcp(host)/db`.

use super::*;

/// `scheme://user:password@host`: the password, for the `:` of `://` at `colon`.
/// A Go MySQL DSN, a string that opens with `user:password@tcp(` or `@unix(` and has no
/// scheme: `"facturacion:F4ctur4s-2024@tcp(10.1.2.3:3306)/facturacion"`.
pub(super) fn go_dsn(text: &str, colon: usize, out: &mut Vec<Finding>) {
    let bytes = text.as_bytes();
    let user = bytes[..colon]
        .iter()
        .rev()
        .take(33)
        .take_while(|&&b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'-' | b'.'))
        .count();
    let user_start = colon - user;
    if user == 0 || user > 32 || user_start == 0 {
        return;
    }
    if !matches!(bytes[user_start - 1], b'"' | b'\'' | b'`') {
        return;
    }
    let start = colon + 1;
    let Some(len) = bytes[start..]
        .iter()
        .take(129)
        .position(|&b| b == b'@' || b.is_ascii_whitespace() || matches!(b, b'"' | b'\'' | b'`'))
    else {
        return;
    };
    let at = start + len;
    let rest = &bytes[at..];
    if len == 0 || !(rest.starts_with(b"@tcp(") || rest.starts_with(b"@unix(")) {
        return;
    }
    if let Some(value) = text.get(start..at) {
        if let Some(conf) = score(value, Kind::Password, Ctx::Strong, true) {
            push(out, start, at, conf);
        }
    }
}

/// The `@` before the host of the URL whose authority starts at `auth`: the last one
/// before the path (a password may hold `@`, `/`, `#`), within the URL token (up to white
/// space, a quote or an angle bracket).
fn host_at(bytes: &[u8], auth: usize) -> Option<usize> {
    let limit = (auth + 256).min(bytes.len());
    let mut token_end = auth;
    let mut first_at = None;
    while token_end < limit {
        let b = bytes[token_end];
        if b.is_ascii_whitespace() || matches!(b, b'"' | b'\'' | b'`' | b'<' | b'>') {
            break;
        }
        if b == b'@' && first_at.is_none() {
            first_at = Some(token_end);
        }
        token_end += 1;
    }
    let first_at = first_at?;
    let path = bytes
        .get(first_at..token_end)
        .and_then(|r| r.iter().position(|&b| matches!(b, b'/' | b'?' | b'#')))
        .map_or(token_end, |k| first_at + k);
    bytes
        .get(first_at..path)
        .and_then(|r| r.iter().rposition(|&b| b == b'@'))
        .map(|k| first_at + k)
}

pub(super) fn url_password(text: &str, colon: usize, out: &mut Vec<Finding>) {
    let bytes = text.as_bytes();
    // A scheme: letters first, then letters, digits, `+`, `-`, `.`.
    let scheme_start = {
        let mut j = colon;
        while j > 0
            && bytes
                .get(j - 1)
                .is_some_and(|&b| b.is_ascii_alphanumeric() || matches!(b, b'+' | b'-' | b'.'))
            && colon - j < 32
        {
            j -= 1;
        }
        j
    };
    if colon - scheme_start < 2 || !bytes.get(scheme_start).is_some_and(u8::is_ascii_alphabetic) {
        return;
    }
    let auth = colon + 3;
    if bytes
        .get(auth..)
        .is_some_and(|r| r.starts_with(b"hooks.slack.com/services/"))
    {
        slack_webhook(text, auth, out);
        return;
    }
    let Some(at) = host_at(bytes, auth) else {
        return;
    };
    if !bytes
        .get(at + 1)
        .is_some_and(|&b| b.is_ascii_alphanumeric() || b == b'[' || b >= 0x80)
    {
        return;
    }
    let Some(userinfo) = bytes.get(auth..at) else {
        return;
    };
    let Some(sep) = userinfo.iter().position(|&b| b == b':') else {
        return;
    };
    if userinfo[..sep].contains(&b'/') {
        return;
    }
    let start = auth + sep + 1;
    let Some(pw) = text.get(start..at) else {
        return;
    };
    if find_bytes(userinfo, b"://").is_some() {
        return;
    }
    // `https://host:443/@user`: a port and a path, not a password.
    let port = pw
        .split_once('/')
        .is_some_and(|(head, _)| head.bytes().all(|b| b.is_ascii_digit()));
    if pw.is_empty() || port || is_placeholder(pw) {
        return;
    }
    let shape = Shape::of(pw.as_bytes());
    let confidence = if shape.chars >= 6 && shape.classes() >= 2 && !shape.wordy() {
        URL_PASSWORD
    } else if shape.chars >= 4 {
        SETTING
    } else {
        return;
    };
    push(out, start, at, confidence);
}
