//! Sending something that must happen once, and telling the patient the
//! outcome truthfully: turning off access, asking for an entry to be
//! hidden.
//!
//! - [`state`]: the rules, in plain Rust: one idempotency key an attempt,
//!   retries reuse it, success only on the backend's word.
//! - `submitter` (browser only): the state in a signal, a key from
//!   `crypto.randomUUID` for each attempt, the request run in a task.
//! - `form` (browser only): what every such form shows of it: the submit
//!   button, the outcome, the confirmation panel.

pub mod state;

#[cfg(target_arch = "wasm32")]
pub mod form;
#[cfg(target_arch = "wasm32")]
pub mod submitter;
