//! The OpenAI-compatible privacy proxy: requests are tokenized on the way to the model
//! provider, answers detokenized on the way back, streamed ones piece by piece. This
//! module holds the pieces that know the provider: its shapes (`messages`, `stream`), the
//! exchange with it (`upstream`), the stream pump, and the answer session that reveals
//! tokens; `api::proxy` authenticates the caller, applies the abuse controls, tokenizes
//! the request and audits the call.

pub mod call;
pub mod messages;
pub mod pump;
pub mod session;
pub mod stream;
pub mod tokens;
mod upstream;

pub use upstream::{Dialect, Upstream, UpstreamError};
