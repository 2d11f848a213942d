//! The application: shared state and the routes of every part.

use std::sync::Arc;

use axum::middleware::{from_fn_with_state, map_response_with_state};
use axum::routing::get;
use axum::Router;
use record_access_contract::API_PREFIX;

use crate::clock::FixedClock;
use crate::config::Config;
use crate::scenario::Scenarios;
use crate::store::Store;
use crate::{api, auth, control, headers, not_found};

/// What every handler can reach.
#[derive(Debug)]
pub struct AppState {
    pub config: Config,
    pub clock: FixedClock,
    pub scenarios: Scenarios,
    pub store: Store,
}

pub type Shared = Arc<AppState>;

impl AppState {
    /// Whether cookies get `Secure`.
    pub fn secure_cookies(&self) -> bool {
        !self.config.is_loopback()
    }
}

/// All routes: the API, sign-in and exit, the control API when enabled,
/// and the app's files (or a 404 problem) for everything else.
pub fn router(state: Shared) -> Router {
    let mut app = Router::new()
        .nest(API_PREFIX, api::router())
        .route(&format!("{API_PREFIX}/auth/login"), get(auth::login))
        .route(&format!("{API_PREFIX}/auth/exit"), get(auth::exit));
    if state.config.control {
        app = app.nest("/__control", control::router());
    }
    app.fallback(not_found::fallback)
        .method_not_allowed_fallback(not_found::method_not_allowed)
        .layer(from_fn_with_state(
            state.clone(),
            control::inject::inject_faults,
        ))
        .layer(map_response_with_state(
            state.clone(),
            headers::security_headers,
        ))
        .with_state(state)
}
