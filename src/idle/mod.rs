//! Signing out after inactivity: the rules (`clock`, plain Rust) and, in
//! the browser, the warning dialog that applies them.

pub mod clock;

#[cfg(target_arch = "wasm32")]
pub mod dialog;
