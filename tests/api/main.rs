#![allow(
    unreachable_pub,
    reason = "items are shared between the modules of one test binary"
)]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::print_stderr,
    reason = "test helpers fail loudly"
)]

//! The one integration test binary: the service over HTTP, and the store's contract
//! through its traits, each on SQLite and Postgres (and on Citus when a cluster is named).

#[macro_use]
mod helpers;
mod anomaly;
mod audit;
mod auth;
mod chaos;
mod citus;
mod console;
mod deploy;
mod detection;
mod docs;
mod errors;
mod keys;
mod migrations;
mod policy;
mod process;
mod provider_mocks;
mod proxy;
mod proxy_apis;
mod schema;
mod storage;
mod store_contract;
mod tokenize;
mod traces;
