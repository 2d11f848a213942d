//! The record access API under `/api/v1`, as the product brief's "Backend
//! contract" defines it.

mod cursor;
mod disable;
mod entries;
mod idempotent;
mod preferences;
mod proxies;
mod redaction;
mod safeguarding;
mod session;
mod sign_ins;

use axum::routing::{get, post};
use axum::Router;

use crate::app::{AppState, Shared};
use crate::extract::Authed;
use crate::not_found;
use crate::problem::ApiError;
use crate::scenario::{PatientView, Scenario};
use crate::store::Tx;

pub fn router() -> Router<Shared> {
    Router::new()
        .route("/session", get(session::get_session))
        .route("/session/keep-alive", post(session::keep_alive))
        .route("/session/end", post(session::end))
        .route("/session/sign-ins", get(sign_ins::list))
        .route("/session/end-others", post(sign_ins::end_others))
        .route(
            "/safeguarding/acknowledgements",
            post(safeguarding::acknowledge),
        )
        .route("/record/entries", get(entries::list))
        .route("/record/entries/{id}", get(entries::one))
        .route("/record/entries/{id}/opened", post(entries::opened))
        .route("/record/redaction-requests", post(redaction::create))
        .route("/access/disable", post(disable::disable))
        .route(
            "/preferences",
            get(preferences::get_preferences).put(preferences::put_preferences),
        )
        .route("/access/proxies", get(proxies::list))
        .route(
            "/access/proxies/{id}/removal-requests",
            post(proxies::request_removal),
        )
        .fallback(not_found_problem)
        .method_not_allowed_fallback(not_found::method_not_allowed)
}

async fn not_found_problem() -> ApiError {
    ApiError::not_found("There is no such API endpoint.")
}

/// The signed-in patient's scenario.
fn scenario_of<'a>(state: &'a AppState, auth: &Authed) -> &'a Scenario {
    state.scenarios.get_or_default(Some(&auth.session.scenario))
}

/// The reference that turned the signed-in patient's access off, if it is
/// off.
fn disabled_reference(state: &AppState, auth: &Authed) -> Result<Option<String>, ApiError> {
    let scenario = scenario_of(state, auth);
    Ok(state.store.transaction(|tx| {
        tx.disabled_reference(
            &auth.session.bucket,
            &scenario.name,
            scenario.disabled_reference.as_deref(),
        )
    })?)
}

/// The signed-in patient's scenario, or 403 when their record access is
/// off.
fn record_scenario<'a>(state: &'a AppState, auth: &Authed) -> Result<&'a Scenario, ApiError> {
    if disabled_reference(state, auth)?.is_some() {
        return Err(ApiError::record_access_disabled());
    }
    Ok(scenario_of(state, auth))
}

/// What the signed-in patient's record looks like now (see
/// [`PatientView`]), read in the caller's transaction.
fn patient_view(tx: &mut Tx<'_>, scenario: &Scenario, bucket: &str) -> PatientView {
    PatientView {
        results_release: tx
            .results_release(bucket, &scenario.name)
            .unwrap_or(scenario.results_release),
        released_earlier: tx.released_earlier(bucket, &scenario.name),
        opened: tx.opened_entries(bucket, &scenario.name),
    }
}

/// The signed-in patient's scenario and what their record looks like now,
/// or 403 when their record access is off.
fn record_view<'a>(
    state: &'a AppState,
    auth: &Authed,
) -> Result<(&'a Scenario, PatientView), ApiError> {
    let scenario = record_scenario(state, auth)?;
    let view = state
        .store
        .transaction(|tx| patient_view(tx, scenario, &auth.session.bucket))?;
    Ok((scenario, view))
}
