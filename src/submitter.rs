//! The browser side of [`crate::submission`]: the state in a signal, a
//! fresh idempotency key from `crypto.randomUUID` for each attempt, and the
//! request run in a task.

use crate::api::ApiError;
use crate::submission::{outcome, Submission};
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::future::Future;

/// One form's submission. Cheap to copy.
#[derive(Clone, Copy)]
pub struct Submitter {
    state: RwSignal<Submission>,
}

impl Submitter {
    pub fn new() -> Self {
        Submitter {
            state: RwSignal::new(Submission::Ready),
        }
    }

    /// Where it stands (tracked).
    pub fn state(&self) -> Submission {
        self.state.get()
    }

    pub fn is_sending(&self) -> bool {
        self.state.with(Submission::is_sending)
    }

    /// The patient confirmed: sends with `send(key)` unless a request is on
    /// its way or it is done. `send` gives the backend's reference.
    pub fn submit<F, Fut>(&self, send: F)
    where
        F: FnOnce(String) -> Fut + 'static,
        Fut: Future<Output = Result<String, ApiError>> + 'static,
    {
        let state = self.state;
        let Some(key) = state.try_update(|s| s.confirm(new_key)).flatten() else {
            return;
        };
        spawn_local(async move {
            let result = send(key.clone()).await;
            state.update(|s| s.answer(&key, outcome(result)));
        });
    }

    /// The patient changed their answers.
    /// Tells nobody when nothing changed (every keystroke in a form calls
    /// this).
    pub fn edit(&self) {
        self.state.maybe_update(|s| {
            let before = s.clone();
            s.edit();
            *s != before
        });
    }

    /// The backend's reference once done (tracked).
    pub fn reference(&self) -> Option<String> {
        self.state.with(|s| match s {
            Submission::Done { reference } => Some(reference.clone()),
            _ => None,
        })
    }
}

impl Default for Submitter {
    fn default() -> Self {
        Submitter::new()
    }
}

/// A new idempotency key: a random UUID where the browser offers one (a
/// secure context), otherwise random hex from `Math.random` and the clock,
/// which is unique enough for a key that only has to tell attempts apart.
fn new_key() -> String {
    if let Ok(crypto) = window().crypto() {
        // Outside a secure context the method is missing, and calling it
        // would throw.
        if js_sys::Reflect::has(&crypto, &"randomUUID".into()).unwrap_or(false) {
            return crypto.random_uuid();
        }
    }
    format!(
        "{:x}-{:x}",
        js_sys::Date::now() as u64,
        (js_sys::Math::random() * 9.007e15) as u64
    )
}
