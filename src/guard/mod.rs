//! Abuse controls, shared by every instance through the store: rate limits per caller and
//! tenant, anomaly alerts on reveals (rate jumps, never-seen tokens, honey tokens) with
//! caller blocks, and the honey tokens themselves. The HTTP side (429s, 403s for blocked
//! callers) is `api/guard.rs`.

pub mod anomaly;
pub mod honey;
pub mod ratelimit;
