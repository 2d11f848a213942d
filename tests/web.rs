//! Component tests in real browsers (headless Chromium and Firefox, see
//! README.md). Each test mounts into a fresh element, interacts, waits for
//! Leptos to update the DOM with `tick().await`, and asserts on what a
//! patient would see, finding elements by role, text or label.
#![cfg(target_arch = "wasm32")]

mod support;

mod account;
mod record;
mod safeguarding;
mod shell;
