//! `GET /preferences` and `PUT /preferences`: the patient's account
//! settings, for now when new test results are released to them. Both
//! answer whether or not record access is on.
//!
//! The results release applies to results released from the moment it is
//! chosen. Choosing `after_conversation` keeps the results already
//! released (the ones not yet talked about with the patient are
//! remembered as released earlier); choosing `after_review` again
//! releases every held one at once.

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use axum::Json;
use record_access_contract::{Preferences, PreferencesRequest, ResultsRelease};

use super::idempotent::{first_answer, replay};
use super::scenario_of;
use crate::app::Shared;
use crate::extract::{Authed, IdempotencyKey, StrictJson};
use crate::problem::ApiError;
use crate::store::{Endpoint, EventKind};

pub async fn get_preferences(
    State(state): State<Shared>,
    auth: Authed,
) -> Result<Json<Preferences>, ApiError> {
    let scenario = scenario_of(&state, &auth);
    let stored = state
        .store
        .transaction(|tx| tx.results_release(&auth.session.bucket, &scenario.name))?;
    Ok(Json(Preferences {
        results_release: stored.unwrap_or(scenario.results_release),
    }))
}

/// Replaces the whole preference set; answers it as stored.
pub async fn put_preferences(
    State(state): State<Shared>,
    auth: Authed,
    IdempotencyKey(key): IdempotencyKey,
    StrictJson(req): StrictJson<PreferencesRequest>,
) -> Result<Response, ApiError> {
    let choice = req.results_release;
    if choice == ResultsRelease::Unknown {
        return Err(ApiError::invalid_request(
            "results_release must be \"after_review\" or \"after_conversation\".",
        ));
    }
    let scenario = scenario_of(&state, &auth);
    let request = serde_json::to_value(&req).map_err(|e| ApiError::internal(e.to_string()))?;
    let bucket = auth.session.bucket.as_str();
    state.store.transaction(|tx| {
        if let Some(answer) = replay(
            tx.idempotency(bucket, Endpoint::Preferences, &key),
            &request,
        ) {
            return answer;
        }
        let current = tx
            .results_release(bucket, &scenario.name)
            .unwrap_or(scenario.results_release);
        if current != choice {
            match choice {
                // What is released now stays released.
                ResultsRelease::AfterConversation => tx.set_released_earlier(
                    bucket,
                    &scenario.name,
                    scenario.awaiting_conversation(),
                ),
                _ => tx.set_released_earlier(bucket, &scenario.name, []),
            }
        }
        tx.set_results_release(bucket, &scenario.name, choice);
        tx.record(
            bucket,
            EventKind::ResultsReleaseChanged {
                results_release: choice,
            },
        );
        first_answer(
            tx,
            bucket,
            Endpoint::Preferences,
            &key,
            request,
            StatusCode::OK,
            &Preferences {
                results_release: choice,
            },
        )
    })?
}
