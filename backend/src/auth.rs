//! Sign-in and the quick exit's plain link.
//!
//! A real deployment runs NHS login (OpenID Connect) here; the reference
//! backend signs in the current scenario's patient at once.

use axum::extract::{Query, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use record_access_contract::uk_time::format_rfc3339_utc;
use record_access_contract::EndReason;
use serde::Deserialize;

use crate::app::Shared;
use crate::cookies::{self, SESSION_COOKIE};
use crate::device;
use crate::extract::Caller;
use crate::problem::ApiError;
use crate::random;
use crate::return_to::safe_return_to;
use crate::store::{EndSource, EventKind};

/// `/api/v1/auth/login` query. Other parameters are ignored.
#[derive(Debug, Deserialize)]
pub struct LoginQuery {
    #[serde(default)]
    return_to: Option<String>,
}

/// Signs in this browser's scenario patient with a new session id (any
/// earlier session of the browser ends), notes the sign-in for the
/// patient's list of recent ones (at the fixed clock's now, with the
/// browser and device in plain words) and sends the browser back.
pub async fn login(
    State(state): State<Shared>,
    caller: Caller,
    headers: HeaderMap,
    query: Result<Query<LoginQuery>, axum::extract::rejection::QueryRejection>,
) -> Result<Response, ApiError> {
    let return_to = query.ok().and_then(|Query(q)| q.return_to);
    let location = safe_return_to(return_to.as_deref()).to_owned();
    let id = random::token(32);
    let device = device::describe(
        headers
            .get(header::USER_AGENT)
            .and_then(|v| v.to_str().ok()),
    );
    let at = format_rfc3339_utc(state.clock.now_seconds());
    state.store.transaction(|tx| {
        if let Some(old) = caller
            .session_id
            .as_deref()
            .and_then(|old| tx.end_session(old))
        {
            tx.record(
                &old.bucket,
                EventKind::SessionEnd {
                    reason: None,
                    source: EndSource::SignIn,
                    ended_session: true,
                },
            );
        }
        let chosen = tx.chosen_scenario(&caller.bucket);
        let scenario = state.scenarios.get_or_default(chosen.as_deref());
        tx.create_session(
            &id,
            &caller.bucket,
            &scenario.name,
            std::time::Duration::from_secs(u64::from(scenario.idle_timeout_seconds)),
        );
        tx.record_sign_in(&caller.bucket, &scenario.name, &id, &at, &device);
        tx.record(
            &caller.bucket,
            EventKind::SignIn {
                scenario: scenario.name.clone(),
            },
        );
    })?;
    Ok(redirect(
        &location,
        cookies::set(SESSION_COOKIE, &id, state.secure_cookies()),
    ))
}

/// Ends the session (if any) and sends the browser to the neutral exit
/// page. The static page's exit link points here, so it works before or
/// without the app.
pub async fn exit(State(state): State<Shared>, caller: Caller) -> Response {
    // Leaving comes first: if the store failed (it said so on stderr), the
    // browser still goes to the neutral page without its session cookie,
    // and the session runs out with its idle timeout.
    let _ = caller.end_session(&state, Some(EndReason::Exit), EndSource::AuthExit);
    redirect(
        &state.config.exit_url,
        cookies::clear(SESSION_COOKIE, state.secure_cookies()),
    )
}

fn redirect(location: &str, cookie: HeaderValue) -> Response {
    let location = HeaderValue::from_str(location).unwrap_or(HeaderValue::from_static("/"));
    (
        StatusCode::SEE_OTHER,
        [(header::LOCATION, location), (header::SET_COOKIE, cookie)],
    )
        .into_response()
}
