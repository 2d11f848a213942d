//! Addresses: every address the app uses, what each one shows, and the
//! address bar as a signal.
//!
//! - [`paths`] builds every address, in neutral words (plain Rust).
//! - [`route`] reads an address back: which [`route::Page`] it shows and
//!   what its query says (plain Rust, the typed routes of the app).
//! - `router` (browser only) keeps the current address in a signal and
//!   moves between pages with the History API.
//!
//! Percent-encoding is the `percent-encoding` and `form_urlencoded` crates'
//! (the ones the `url` crate is built on).

pub mod paths;
pub mod route;

#[cfg(target_arch = "wasm32")]
pub mod router;
