//! Adding, listing and clearing injected faults.

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use axum::Json;
use serde::Serialize;

use super::{claim_bucket, with_cookie};
use crate::app::Shared;
use crate::extract::{Caller, StrictJson};
use crate::fault::FaultRule;
use crate::problem::ApiError;
use crate::store::ActiveFault;

#[derive(Debug, Serialize)]
pub struct FaultList {
    faults: Vec<ActiveFault>,
}

pub async fn list(
    State(state): State<Shared>,
    caller: Caller,
) -> Result<Json<FaultList>, ApiError> {
    Ok(Json(FaultList {
        faults: state.store.transaction(|tx| tx.faults(&caller.bucket))?,
    }))
}

/// Adds a rule after the existing ones (the first matching rule applies).
pub async fn add(
    State(state): State<Shared>,
    caller: Caller,
    StrictJson(rule): StrictJson<FaultRule>,
) -> Result<Response, ApiError> {
    rule.validate().map_err(ApiError::invalid_request)?;
    let (bucket, cookie) = claim_bucket(&caller, &state);
    state.store.transaction(|tx| tx.add_fault(&bucket, rule))?;
    Ok(with_cookie(StatusCode::NO_CONTENT, cookie))
}

pub async fn clear(State(state): State<Shared>, caller: Caller) -> Result<StatusCode, ApiError> {
    state
        .store
        .transaction(|tx| tx.clear_faults(&caller.bucket))?;
    Ok(StatusCode::NO_CONTENT)
}
