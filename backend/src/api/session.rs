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
use crate::store::{EndSource, EventKind};

/// Who is signed in, whether their record access is on, and whether they
/// have answered the pressure warning in this session.
pub async fn get_session(State(state): State<Shared>, auth: Authed) -> Json<Session> {
    let scenario = scenario_of(&state, &auth);
    let status = if disabled_reference(&state, &auth).is_some() {
        AccessStatus::Disabled
    } else {
        AccessStatus::Enabled
    };
    Json(Session {
        patient: scenario.patient.clone(),
        record_access: RecordAccess {
            status,
            available_from: scenario.available_from.to_iso(),
        },
        safeguarding: Safeguarding {
            acknowledged: auth.session.acknowledged,
        },
        idle_timeout_seconds: scenario.idle_timeout_seconds,
    })
}

/// Restarts the idle time (the [`Authed`] extractor did) and audits it.
pub async fn keep_alive(State(state): State<Shared>, auth: Authed) -> StatusCode {
    state
        .store
        .transaction(|tx| tx.record(&auth.session.bucket, EventKind::KeepAlive));
    StatusCode::NO_CONTENT
}

/// Ends the session. Sent as a beacon while the page unloads, so any
/// content type and an empty or unreadable body are accepted, and the
/// answer is always 204.
pub async fn end(State(state): State<Shared>, caller: Caller, req: Request) -> Response {
    let reason = match read_body(req).await {
        Ok(bytes) if !bytes.iter().all(u8::is_ascii_whitespace) => {
            serde_json::from_slice::<EndSessionRequest>(&bytes)
                .ok()
                .and_then(|r| r.reason)
        }
        _ => None,
    };
    caller.end_session(&state, reason, EndSource::Api);
    (
        StatusCode::NO_CONTENT,
        [(
            header::SET_COOKIE,
            cookies::clear(SESSION_COOKIE, state.secure_cookies()),
        )],
    )
        .into_response()
}
