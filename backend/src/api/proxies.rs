//! `GET /access/proxies` and `POST /access/proxies/{id}/removal-requests`:
//! the people with proxy access to the patient's record, and asking the GP
//! surgery to remove one's access. The proxy is never told.
//!
//! Both answer whether or not the patient's own record access is on: a
//! proxy's access is separate from it.

use axum::extract::rejection::PathRejection;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum::Json;
use record_access_contract::{codes, ProxyList, RemovalAccepted, RemovalRequest, RemovalRequested};

use super::idempotent::{first_answer, replay};
use super::scenario_of;
use crate::app::Shared;
use crate::extract::{Authed, IdempotencyKey, StrictJson};
use crate::problem::ApiError;
use crate::store::{Endpoint, EventKind};

/// The scenario's proxies, in file order, each with the removal the
/// patient asked for, if any.
pub async fn list(State(state): State<Shared>, auth: Authed) -> Result<Json<ProxyList>, ApiError> {
    let scenario = scenario_of(&state, &auth);
    let removals = state
        .store
        .transaction(|tx| tx.proxy_removals(&auth.session.bucket, &scenario.name))?;
    let proxies = scenario
        .proxies
        .iter()
        .map(|p| {
            let mut p = p.clone();
            if let Some(r) = removals.get(&p.id) {
                p.removal_requested = Some(r.clone());
            }
            p
        })
        .collect();
    Ok(Json(ProxyList { proxies }))
}

/// Asks for a proxy's access to be removed. The body is `{}`; what the key
/// is compared with on a replay is the proxy's id, so the same key for
/// another proxy is `key_reused`.
pub async fn request_removal(
    State(state): State<Shared>,
    auth: Authed,
    id: Result<Path<String>, PathRejection>,
    IdempotencyKey(key): IdempotencyKey,
    StrictJson(RemovalRequest {}): StrictJson<RemovalRequest>,
) -> Result<Response, ApiError> {
    let not_found = || ApiError::not_found("Nobody with this id has proxy access.");
    let Path(id) = id.map_err(|_| not_found())?;
    let scenario = scenario_of(&state, &auth);
    let request = serde_json::json!({ "proxy_id": id });
    let bucket = auth.session.bucket.as_str();
    state.store.transaction(|tx| {
        if let Some(answer) = replay(
            tx.idempotency(bucket, Endpoint::ProxyRemoval, &key),
            &request,
        ) {
            return answer;
        }
        let proxy = scenario.proxy(&id).ok_or_else(not_found)?;
        let earlier = tx
            .proxy_removals(bucket, &scenario.name)
            .remove(&id)
            .or_else(|| proxy.removal_requested.clone());
        if let Some(earlier) = earlier {
            return Err(ApiError::new(
                StatusCode::CONFLICT,
                codes::ALREADY_REQUESTED,
                "The removal of this person's access is already requested.",
            )
            .with_reference(earlier.reference));
        }
        let reference = tx.next_reference(bucket);
        tx.put_proxy_removal(
            bucket,
            &scenario.name,
            &id,
            &RemovalRequested {
                reference: reference.clone(),
                requested_on: state.clock.today().to_iso(),
            },
        );
        tx.record(
            bucket,
            EventKind::ProxyRemovalRequest {
                proxy_id: id.clone(),
                reference: reference.clone(),
            },
        );
        first_answer(
            tx,
            bucket,
            Endpoint::ProxyRemoval,
            &key,
            request,
            StatusCode::ACCEPTED,
            &RemovalAccepted { reference },
        )
    })?
}
