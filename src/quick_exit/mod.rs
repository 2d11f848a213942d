//! "Exit this page": leave at once, by button or by pressing Shift three
//! times, leaving nothing of the record behind.
//!
//! `shortcut` holds the key rules (plain Rust). In the browser, `exit` does
//! the leaving and `button` is the component.

pub mod shortcut;

#[cfg(target_arch = "wasm32")]
pub mod button;
#[cfg(target_arch = "wasm32")]
pub mod exit;
