//! `POST /access/disable`: the patient turns off record access, or their
//! NHS login as a whole.
//!
//! The `Idempotency-Key` is the proof of an earlier attempt: the same key
//! and body get the same answer for 24 hours even after the session has
//! ended (disabling the NHS login ends it at once), so an app whose first
//! attempt timed out can learn that it worked.

use axum::extract::State;
use axum::http::{header, StatusCode};
use axum::response::Response;
use record_access_contract::{codes, AccessDisabled, DisableRequest, DisableScope};

use super::idempotent::{first_answer, replay};
use crate::app::Shared;
use crate::cookies::{self, SESSION_COOKIE};
use crate::extract::{Caller, IdempotencyKey, StrictJson};
use crate::problem::ApiError;
use crate::store::{EndSource, Endpoint, EventKind};

pub async fn disable(
    State(state): State<Shared>,
    caller: Caller,
    IdempotencyKey(key): IdempotencyKey,
    StrictJson(req): StrictJson<DisableRequest>,
) -> Result<Response, ApiError> {
    let request = serde_json::to_value(&req).map_err(|e| ApiError::internal(e.to_string()))?;
    let secure = state.secure_cookies();
    state.store.transaction(|tx| {
        let live = caller
            .session_id
            .as_deref()
            .and_then(|id| tx.touch_session(id).map(|s| (id.to_owned(), s)));
        let bucket = live
            .as_ref()
            .map_or(caller.bucket.clone(), |(_, s)| s.bucket.clone());

        let earlier = tx.idempotency(&bucket, Endpoint::Disable, &key);
        if let Some(answer) = replay(earlier, &request) {
            // Without a session, a key that does not prove this exact
            // request proves nothing.
            return match (answer, &live) {
                (Err(e), Some(_)) => Err(e),
                (Err(_), None) => Err(ApiError::signed_out()),
                (ok, _) => ok,
            };
        }
        let Some((session_id, session)) = live else {
            return Err(ApiError::signed_out());
        };
        if !req.confirmed {
            return Err(ApiError::new(
                StatusCode::UNPROCESSABLE_ENTITY,
                codes::NOT_CONFIRMED,
                "The patient has not confirmed that they want to turn access off.",
            ));
        }
        let scenario = state.scenarios.get_or_default(Some(&session.scenario));
        if let Some(reference) = tx.disabled_reference(
            &bucket,
            &scenario.name,
            scenario.disabled_reference.as_deref(),
        ) {
            return Err(ApiError::new(
                StatusCode::CONFLICT,
                codes::ALREADY_DISABLED,
                "Access is already turned off.",
            )
            .with_reference(reference));
        }

        let reference = tx.next_reference(&bucket);
        tx.set_disabled(&bucket, &scenario.name, &reference);
        tx.record(
            &bucket,
            EventKind::AccessDisabled {
                scope: req.scope,
                reference: reference.clone(),
            },
        );
        let mut response = first_answer(
            tx,
            &bucket,
            Endpoint::Disable,
            &key,
            request,
            StatusCode::OK,
            &AccessDisabled {
                reference,
                scope: req.scope,
                disabled_at: state.clock.now_rfc3339().to_owned(),
            },
        )?;
        if req.scope == DisableScope::NhsLogin {
            tx.end_session(&session_id);
            tx.record(
                &bucket,
                EventKind::SessionEnd {
                    reason: None,
                    source: EndSource::NhsLoginDisabled,
                    ended_session: true,
                },
            );
            response
                .headers_mut()
                .insert(header::SET_COOKIE, cookies::clear(SESSION_COOKIE, secure));
        }
        Ok(response)
    })?
}
