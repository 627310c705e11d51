//! The privacy proxy for OpenAI's and Anthropic's APIs: requests are tokenized on the way
//! to the model provider, answers detokenized on the way back, streamed ones piece by
//! piece. This module holds the pieces that know the provider: its shapes (`messages` and
//! `stream` for chat completions, `anthropic`, `responses`, `held` for keyed streams), the
//! exchange with it (`upstream`), the stream pump, and the answer session that reveals
//! tokens; `api::proxy` authenticates the caller, applies the abuse controls, tokenizes
//! the request and audits the call.

pub mod anthropic;
pub mod call;
pub mod held;
pub mod messages;
pub mod pump;
pub mod responses;
pub mod session;
pub mod stream;
pub mod tokens;
mod upstream;

pub use upstream::{Dialect, Upstream, UpstreamError};
