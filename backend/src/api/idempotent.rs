//! The shared rule of the endpoints that take an `Idempotency-Key`:
//! the same key with the same body gets the first answer again; the same
//! key with another body is a conflict.

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use record_access_contract::codes;
use serde::Serialize;

use crate::problem::ApiError;
use crate::store::{Endpoint, IdempotencyRecord, Tx};

/// What to answer when the key has been seen: the stored answer, or 409
/// `key_reused`. `None` when the key is new.
pub fn replay(
    earlier: Option<IdempotencyRecord>,
    request: &serde_json::Value,
) -> Option<Result<Response, ApiError>> {
    let earlier = earlier?;
    if &earlier.request != request {
        return Some(Err(key_reused()));
    }
    let status = StatusCode::from_u16(earlier.status).unwrap_or(StatusCode::OK);
    Some(Ok((status, Json(earlier.response)).into_response()))
}

/// Keeps a new key's answer, for [`replay`] to give again, and returns it.
pub fn first_answer(
    tx: &mut Tx<'_>,
    bucket: &str,
    endpoint: Endpoint,
    key: &str,
    request: serde_json::Value,
    status: StatusCode,
    body: &impl Serialize,
) -> Result<Response, ApiError> {
    let body = serde_json::to_value(body).map_err(|e| ApiError::internal(e.to_string()))?;
    tx.put_idempotency(
        bucket,
        endpoint,
        key,
        IdempotencyRecord {
            request,
            status: status.as_u16(),
            response: body.clone(),
        },
    );
    Ok((status, Json(body)).into_response())
}

pub fn key_reused() -> ApiError {
    ApiError::new(
        StatusCode::CONFLICT,
        codes::KEY_REUSED,
        "This Idempotency-Key was already used with a different request.",
    )
}
