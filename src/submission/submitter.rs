//! The browser side of [`crate::submission`]: the state in a signal, a
//! fresh idempotency key from `crypto.randomUUID` for each attempt, and the
//! request run in a task.

use crate::api::client;
use crate::session::{use_session, SessionService};
use crate::submission::state::{outcome, Submission};
use leptos::prelude::*;
use leptos::task::spawn_local;
use record_access_contract::{DisableRequest, PreferencesRequest, RedactionRequest};

/// What a form sends. One request path for every form keeps one copy of
/// the sending code in the app.
pub enum Request {
    TurnOff(DisableRequest),
    Hide(RedactionRequest),
    /// Asking for this person's proxy access to be removed, by their id.
    RemoveProxy(String),
    /// Saving when new test results appear. A setting has no reference:
    /// success carries the wire name of what the backend saved instead.
    SetPreferences(PreferencesRequest),
}

/// One form's submission. Cheap to copy.
#[derive(Clone, Copy)]
pub struct Submitter {
    state: RwSignal<Submission>,
    session: SessionService,
}

impl Submitter {
    pub fn new() -> Self {
        Submitter {
            state: RwSignal::new(Submission::Ready),
            session: use_session(),
        }
    }

    /// Where it stands (tracked).
    pub fn state(&self) -> Submission {
        self.state.get()
    }

    pub fn is_sending(&self) -> bool {
        self.state.with(Submission::is_sending)
    }

    /// The patient confirmed: sends `request` unless a request is on its
    /// way or it is done. A 401 ends the session as anywhere else.
    pub fn submit(&self, request: Request) {
        let state = self.state;
        let session = self.session;
        let Some(key) = state.try_update(|s| s.confirm(new_key)).flatten() else {
            return;
        };
        spawn_local(async move {
            let result = match &request {
                Request::TurnOff(body) => client::disable_access(&key, body)
                    .await
                    .map(|done| done.reference),
                Request::Hide(body) => client::request_redaction(&key, body)
                    .await
                    .map(|accepted| accepted.reference),
                Request::RemoveProxy(id) => client::request_proxy_removal(&key, id)
                    .await
                    .map(|accepted| accepted.reference),
                Request::SetPreferences(body) => client::set_preferences(&key, body)
                    .await
                    .map(|saved| saved.results_release.as_str().to_owned()),
            };
            if let Err(error) = &result {
                session.handle_error(error);
            }
            state.update(|s| s.answer(&key, outcome(result)));
        });
    }

    /// Tells nobody when nothing changed (every keystroke in a form calls
    /// this).
    pub fn edit(&self) {
        self.state.maybe_update(|s| {
            let before = s.clone();
            s.edit();
            *s != before
        });
    }

    /// The patient changed a setting: a new attempt, even once saved.
    pub fn start_over(&self) {
        self.state.maybe_update(|s| {
            let before = s.clone();
            s.start_over();
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
