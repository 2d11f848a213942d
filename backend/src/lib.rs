//! Reference backend of the record access API.
//!
//! It implements the contract in the product brief with fixture patients
//! (scenarios), serves the built app as production would (compressed, cached by content hash, one CSP), and,
//! with `--control`, lets tests and the designer preview choose scenarios,
//! inject faults and read an audit list. Sessions, access changes,
//! idempotency records, removal requests and sign-ins are kept in SQLite,
//! in the `--store` file when one is given, so that they survive a
//! restart. Start it with [`serve`].

mod api;
mod app;
mod auth;
mod clock;
pub mod config;
mod control;
mod cookies;
mod device;
mod extract;
pub mod fault;
mod headers;
mod not_found;
mod problem;
mod random;
mod reference;
mod return_to;
mod safety;
pub mod scenario;
mod server;
mod static_files;
mod store;

pub use config::Config;
pub use headers::CSP;
pub use headers::{HSTS, PERMISSIONS_POLICY};
pub use server::{serve, Running, StartError};
pub use static_files::{IMMUTABLE, ONE_DAY};
