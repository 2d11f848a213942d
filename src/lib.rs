//! The patient-facing front-end for online GP record access.
//!
//! Plain-Rust modules hold the logic and are tested natively with
//! `cargo test`; the browser side (the Leptos app, its pages and components,
//! the HTTP client) compiles only for `wasm32` and is tested in real
//! browsers. A folder keeps both sides of one concept side by side (`api`,
//! `idle`, `quick_exit`, `record`, `routing`, `submission`); a plain
//! module of one page's rules sits at the top (`results_setting`).
//! `docs/architecture.md` has the map.

pub mod api;
pub mod content;
pub mod dates;
pub mod idle;
pub mod people;
pub mod quick_exit;
pub mod record;
pub mod results_setting;
pub mod routing;
pub mod submission;

#[cfg(target_arch = "wasm32")]
pub mod app;
#[cfg(target_arch = "wasm32")]
pub mod app_handle;
#[cfg(target_arch = "wasm32")]
pub mod components;
#[cfg(target_arch = "wasm32")]
pub mod page_meta;
#[cfg(target_arch = "wasm32")]
pub mod pages;
#[cfg(all(target_arch = "wasm32", feature = "preview"))]
pub mod preview;
#[cfg(target_arch = "wasm32")]
pub mod session;
#[cfg(target_arch = "wasm32")]
pub mod startup;
