//! The app's one way to talk to its backend.
//!
//! `decode` and `error` are plain Rust, tested natively: every body is read
//! with serde through the contract's derives. `client` sends the requests
//! from the browser (gloo-net), with a time limit on each, cookies sent to
//! the same origin only, and no HTTP caching.

pub mod decode;
pub mod error;

#[cfg(target_arch = "wasm32")]
pub mod client;

pub use error::ApiError;
