//! The patient-facing front-end for online GP record access.
//!
//! Plain-Rust modules (`api::decode`, `content`, `dates`, `paths`,
//! `route`, `record`, `submission`, `markup`) hold the logic and are tested natively with `cargo test`. The
//! browser side (the Leptos app, its pages and components, the HTTP client)
//! compiles only for `wasm32` and is tested in real browsers.
//! `docs/architecture.md` has the map.

pub mod api;
pub mod content;
pub mod dates;
pub mod idle;
pub mod markup;
pub mod paths;
pub mod quick_exit;
pub mod record;
pub mod route;
pub mod submission;

#[cfg(target_arch = "wasm32")]
pub mod app;
#[cfg(target_arch = "wasm32")]
pub mod components;
#[cfg(target_arch = "wasm32")]
pub mod page_meta;
#[cfg(target_arch = "wasm32")]
pub mod pages;
#[cfg(all(target_arch = "wasm32", feature = "preview"))]
pub mod preview;
#[cfg(target_arch = "wasm32")]
pub mod record_store;
#[cfg(target_arch = "wasm32")]
pub mod router;
#[cfg(target_arch = "wasm32")]
pub mod session;
#[cfg(target_arch = "wasm32")]
pub mod startup;
#[cfg(target_arch = "wasm32")]
pub mod submitter;
