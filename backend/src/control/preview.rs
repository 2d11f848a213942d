//! Scenario choice, reset and the audit list.

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use axum::Json;
use serde::{Deserialize, Serialize};

use super::{claim_bucket, with_cookie};
use crate::app::Shared;
use crate::extract::{Caller, StrictJson};
use crate::problem::ApiError;
use crate::store::{EndSource, Event, EventKind};

#[derive(Debug, Serialize)]
pub struct ScenarioList {
    scenarios: Vec<ScenarioInfo>,
    /// The scenario this browser signs in to.
    current: String,
}

#[derive(Debug, Serialize)]
struct ScenarioInfo {
    name: String,
    description: String,
    default: bool,
}

pub async fn scenarios(
    State(state): State<Shared>,
    caller: Caller,
) -> Result<Json<ScenarioList>, ApiError> {
    let default = state.scenarios.default_scenario().name.clone();
    let chosen = state
        .store
        .transaction(|tx| tx.chosen_scenario(&caller.bucket))?;
    Ok(Json(ScenarioList {
        scenarios: state
            .scenarios
            .all()
            .iter()
            .map(|s| ScenarioInfo {
                name: s.name.clone(),
                description: s.description.clone(),
                default: s.name == default,
            })
            .collect(),
        current: state
            .scenarios
            .get_or_default(chosen.as_deref())
            .name
            .clone(),
    }))
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ChooseScenario {
    scenario: String,
}

/// Chooses the scenario for this browser and signs it out, so that the
/// next sign-in is the new scenario's patient. What its patients did to
/// their test results is forgotten.
pub async fn choose_scenario(
    State(state): State<Shared>,
    caller: Caller,
    StrictJson(body): StrictJson<ChooseScenario>,
) -> Result<Response, ApiError> {
    let scenario = state.scenarios.get(&body.scenario).ok_or_else(|| {
        let names: Vec<&str> = state
            .scenarios
            .all()
            .iter()
            .map(|s| s.name.as_str())
            .collect();
        ApiError::invalid_request(format!(
            "Unknown scenario {:?}; the scenarios are {names:?}.",
            body.scenario
        ))
    })?;
    let (bucket, cookie) = claim_bucket(&caller, &state);
    state.store.transaction(|tx| {
        let own = caller
            .session_id
            .as_deref()
            .and_then(|id| tx.end_session(id))
            .is_some();
        let others = tx.end_bucket_sessions(&bucket);
        if own || others > 0 {
            tx.record(
                &bucket,
                EventKind::SessionEnd {
                    reason: None,
                    source: EndSource::ScenarioChange,
                    ended_session: true,
                },
            );
        }
        // Every choice starts the patient with their results as the file
        // has them: unopened ones unopened, the file's results release.
        tx.forget_results(&bucket);
        tx.choose_scenario(&bucket, &scenario.name);
    })?;
    Ok(with_cookie(StatusCode::NO_CONTENT, cookie))
}

/// Forgets this browser's scenario choice, faults, sessions, idempotency
/// records, access changes and events.
pub async fn reset(State(state): State<Shared>, caller: Caller) -> Result<StatusCode, ApiError> {
    state.store.transaction(|tx| {
        if let Some(id) = &caller.session_id {
            tx.end_session(id);
        }
        tx.reset(&caller.bucket);
    })?;
    Ok(StatusCode::NO_CONTENT)
}

#[derive(Debug, Serialize)]
pub struct EventList {
    events: Vec<Event>,
}

pub async fn events(
    State(state): State<Shared>,
    caller: Caller,
) -> Result<Json<EventList>, ApiError> {
    Ok(Json(EventList {
        events: state.store.transaction(|tx| tx.events(&caller.bucket))?,
    }))
}
