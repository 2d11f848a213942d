//! `GET /session`, `POST /session/keep-alive`, `POST /session/end`.

use axum::extract::{Request, State};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use record_access_contract::{
    AccessStatus, EndSessionRequest, RecordAccess, Safeguarding, Session,
};

use super::{disabled_reference, scenario_of};
use crate::app::Shared;
use crate::cookies::{self, SESSION_COOKIE};
use crate::extract::{read_body, Authed, Caller};
use crate::problem::ApiError;
use crate::store::{EndSource, EventKind};

/// Who is signed in, whether their record access is on, and whether they
/// have answered the pressure warning in this session.
pub async fn get_session(
    State(state): State<Shared>,
    auth: Authed,
) -> Result<Json<Session>, ApiError> {
    let scenario = scenario_of(&state, &auth);
    let status = if disabled_reference(&state, &auth)?.is_some() {
        AccessStatus::Disabled
    } else {
        AccessStatus::Enabled
    };
    Ok(Json(Session {
        patient: scenario.patient.clone(),
        record_access: RecordAccess {
            status,
            available_from: scenario.available_from.to_iso(),
        },
        safeguarding: Safeguarding {
            acknowledged: auth.session.acknowledged,
        },
        idle_timeout_seconds: scenario.idle_timeout_seconds,
    }))
}

/// Restarts the idle time (the [`Authed`] extractor did) and audits it.
pub async fn keep_alive(State(state): State<Shared>, auth: Authed) -> Result<StatusCode, ApiError> {
    state
        .store
        .transaction(|tx| tx.record(&auth.session.bucket, EventKind::KeepAlive))?;
    Ok(StatusCode::NO_CONTENT)
}

/// Ends the session. Sent as a beacon while the page unloads, so any
/// content type and an empty or unreadable body are accepted, and the
/// answer is 204 unless the store failed. The cookie is cleared either
/// way.
pub async fn end(State(state): State<Shared>, caller: Caller, req: Request) -> Response {
    let reason = match read_body(req).await {
        Ok(bytes) if !bytes.iter().all(u8::is_ascii_whitespace) => {
            serde_json::from_slice::<EndSessionRequest>(&bytes)
                .ok()
                .and_then(|r| r.reason)
        }
        _ => None,
    };
    let mut response = match caller.end_session(&state, reason, EndSource::Api) {
        Ok(()) => StatusCode::NO_CONTENT.into_response(),
        Err(e) => ApiError::from(e).into_response(),
    };
    response.headers_mut().insert(
        header::SET_COOKIE,
        cookies::clear(SESSION_COOKIE, state.secure_cookies()),
    );
    response
}
