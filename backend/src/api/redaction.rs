//! `POST /record/redaction-requests`: asking the GP surgery to hide an
//! entry. The surgery decides later; the patient gets a reference.

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use record_access_contract::{RedactionAccepted, RedactionRequest, REDACTION_NOTE_MAX_CHARS};

use super::idempotent::{first_answer, replay};
use super::{patient_view, record_scenario};
use crate::app::Shared;
use crate::extract::{Authed, IdempotencyKey, StrictJson};
use crate::problem::ApiError;
use crate::store::{Endpoint, EventKind};

pub async fn create(
    State(state): State<Shared>,
    auth: Authed,
    IdempotencyKey(key): IdempotencyKey,
    StrictJson(req): StrictJson<RedactionRequest>,
) -> Result<Response, ApiError> {
    let scenario = record_scenario(&state, &auth)?;
    if req
        .note
        .as_ref()
        .is_some_and(|n| n.chars().count() > REDACTION_NOTE_MAX_CHARS)
    {
        return Err(ApiError::invalid_request(format!(
            "note must be at most {REDACTION_NOTE_MAX_CHARS} characters."
        )));
    }
    let request = serde_json::to_value(&req).map_err(|e| ApiError::internal(e.to_string()))?;
    let bucket = auth.session.bucket.as_str();
    state.store.transaction(|tx| {
        if let Some(answer) = replay(
            tx.idempotency(bucket, Endpoint::RedactionRequest, &key),
            &request,
        ) {
            return answer;
        }
        let view = patient_view(tx, scenario, bucket);
        if scenario.entry(&req.entry_id, &view).is_none() {
            return Err(ApiError::not_found("There is no entry with this id."));
        }
        let reference = tx.next_reference(bucket);
        tx.record(
            bucket,
            EventKind::RedactionRequest {
                entry_id: req.entry_id.clone(),
                reference: reference.clone(),
            },
        );
        first_answer(
            tx,
            bucket,
            Endpoint::RedactionRequest,
            &key,
            request,
            StatusCode::ACCEPTED,
            &RedactionAccepted { reference },
        )
    })?
}
