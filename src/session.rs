//! The signed-in session, shared by every page through context.
//!
//! The session is held in one signal so that signing out, being signed out
//! (any 401) or timing out drops it, and everything that depends on it,
//! at once. Nothing of it is written to browser storage.

use crate::api::{client, ApiError};
use crate::routing::paths;
use crate::routing::router::{use_router, Router};
use leptos::prelude::*;
use leptos::task::spawn_local;
use record_access_contract::{EndReason, Session};

#[derive(Debug, Clone, PartialEq)]
pub enum SessionState {
    /// Asking the backend who is signed in.
    Checking,
    SignedIn(Session),
    SignedOut,
    /// The backend could not say (network, timeout or a fault).
    Unavailable(ApiError),
}

/// App-wide session handle. Cheap to copy.
#[derive(Clone, Copy)]
pub struct SessionService {
    state: RwSignal<SessionState>,
    signing_out: RwSignal<bool>,
    /// The router, captured where the service is created: a session can
    /// end in an async task, outside any component.
    router: Router,
}

/// Creates the session service, asks the backend for the session and makes
/// the service available to every component below. Call inside the router.
pub fn provide_session() -> SessionService {
    let service = provide_session_state(SessionState::Checking);
    service.refresh();
    service
}

/// Provides a session service that starts in `state` without asking the
/// backend: for component tests and the designer preview.
pub fn provide_session_state(state: SessionState) -> SessionService {
    let router = use_router();
    let service = SessionService {
        state: RwSignal::new(state),
        signing_out: RwSignal::new(false),
        router,
    };
    provide_context(service);
    service
}

/// The session service provided by [`provide_session`].
pub fn use_session() -> SessionService {
    expect_context::<SessionService>()
}

impl SessionService {
    /// The current state (tracked).
    pub fn state(&self) -> SessionState {
        self.state.get()
    }

    /// The signed-in session, if any (tracked).
    pub fn session(&self) -> Option<Session> {
        self.state.with(|s| match s {
            SessionState::SignedIn(session) => Some(session.clone()),
            _ => None,
        })
    }

    pub fn is_signing_out(&self) -> bool {
        self.signing_out.get()
    }

    /// Asks the backend again who is signed in.
    pub fn refresh(&self) {
        let state = self.state;
        state.set(SessionState::Checking);
        spawn_local(async move {
            let next = match client::session().await {
                Ok(session) => SessionState::SignedIn(session),
                Err(ApiError::SignedOut) => SessionState::SignedOut,
                Err(error) => SessionState::Unavailable(error),
            };
            state.set(next);
        });
    }

    /// Whether the pressure warning has been acknowledged in this session.
    pub fn acknowledged(&self) -> bool {
        self.state.with(
            |s| matches!(s, SessionState::SignedIn(session) if session.safeguarding.acknowledged),
        )
    }

    /// Records locally that the patient chose to continue past the
    /// pressure warning (the backend keeps it for the session too).
    pub fn mark_acknowledged(&self) {
        self.state.update(|s| {
            if let SessionState::SignedIn(session) = s {
                session.safeguarding.acknowledged = true;
            }
        });
    }

    /// Handles an error from any request: a 401 means the session is over.
    pub fn handle_error(&self, error: &ApiError) {
        if *error == ApiError::SignedOut {
            self.signed_out();
        }
    }

    /// The session is over: drop it and show the signed-out page.
    pub fn signed_out(&self) {
        self.state.set(SessionState::SignedOut);
        self.go(paths::SIGNED_OUT);
    }

    /// The session ended for inactivity: drop it and say why.
    pub fn timed_out(&self) {
        self.state.set(SessionState::SignedOut);
        self.go(&format!("{}?timeout=1", paths::SIGNED_OUT));
    }

    /// How long the signed-in session may sit idle, in seconds (tracked).
    pub fn idle_timeout_seconds(&self) -> Option<u32> {
        self.state.with(|s| match s {
            SessionState::SignedIn(session) => Some(session.idle_timeout_seconds),
            _ => None,
        })
    }

    /// Access has just been turned off: drop the session and everything
    /// that depends on it now, and end it at the backend too (after
    /// `nhs_login` the backend has ended it already and answers 401).
    pub fn end_after_turning_off(&self) {
        self.state.set(SessionState::SignedOut);
        spawn_local(async move {
            let _ = client::end_session(EndReason::SignOut).await;
        });
    }

    /// Navigates, replacing the current history entry.
    fn go(&self, path: &str) {
        self.router.navigate(path, true);
    }

    /// Ends the session at the backend, then drops it here. If the backend
    /// cannot be reached the local state is dropped all the same, and the
    /// signed-out page says that the patient should close the window.
    pub fn sign_out(&self) {
        if self.signing_out.get_untracked() {
            return;
        }
        self.signing_out.set(true);
        let this = *self;
        spawn_local(async move {
            let result = client::end_session(EndReason::SignOut).await;
            this.state.set(SessionState::SignedOut);
            this.signing_out.set(false);
            let target = match result {
                Ok(()) | Err(ApiError::SignedOut) => paths::SIGNED_OUT.to_owned(),
                Err(_) => format!("{}?unconfirmed=1", paths::SIGNED_OUT),
            };
            this.go(&target);
        });
    }
}
