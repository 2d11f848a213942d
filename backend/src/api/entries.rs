//! `GET /record/entries`, `GET /record/entries/{id}` and
//! `POST /record/entries/{id}/opened`.
//!
//! Scenarios hold the record already through the safety filter (see
//! [`crate::safety`]), except the one that deliberately sends everything.
//! What each patient is sent of it depends on what they did (see
//! [`crate::scenario::PatientView`]): results held until a conversation
//! are left out, and an opened entry goes without its `unopened` field.
//! Pages keep the fixture's order: the API promises none.
//!
//! A cursor is the position in the scenario's whole record where the next
//! page starts, so a result released or held between two pages moves no
//! other entry to another page: nothing is sent twice or skipped.

use axum::extract::rejection::PathRejection;
use axum::extract::{Path, Query, State};
use axum::http::{header, StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use axum::Json;
use record_access_contract::{
    EntriesPage, ENTRIES_LIMIT_DEFAULT, ENTRIES_LIMIT_MAX, ENTRIES_LIMIT_MIN,
};

use super::{cursor, patient_view, record_scenario, record_view};
use crate::app::Shared;
use crate::extract::Authed;
use crate::problem::ApiError;
use crate::store::EventKind;
use record_access_contract::codes;
use serde_json::value::RawValue;

/// One page of the record.
pub async fn list(
    State(state): State<Shared>,
    auth: Authed,
    uri: Uri,
) -> Result<Response, ApiError> {
    let (scenario, view) = record_view(&state, &auth)?;
    let (cursor, limit) = page_query(&uri)?;
    let len = scenario.entries.len();
    let start = match cursor {
        None => 0,
        Some(c) => cursor::decode(&c, len).ok_or_else(|| {
            ApiError::new(
                StatusCode::BAD_REQUEST,
                codes::INVALID_CURSOR,
                "The cursor is not one this server gave out.",
            )
        })?,
    };
    let limit = limit as usize;
    let mut entries: Vec<&RawValue> = Vec::with_capacity(limit.min(len - start));
    let mut next = None;
    for (i, e) in scenario.entries[start..].iter().enumerate() {
        let Some(json) = e.for_patient(&view) else {
            continue;
        };
        if entries.len() == limit {
            next = Some(start + i);
            break;
        }
        entries.push(json);
    }
    let page: EntriesPage<&RawValue> = EntriesPage {
        available_from: scenario.entries_available_from.clone(),
        entries,
        next_cursor: next.map(cursor::encode),
    };
    Ok(Json(page).into_response())
}

/// `cursor` and `limit` from the query string; nothing else is accepted.
fn page_query(uri: &Uri) -> Result<(Option<String>, u32), ApiError> {
    let Query(pairs) = Query::<Vec<(String, String)>>::try_from_uri(uri)
        .map_err(|_| ApiError::invalid_request("The query string cannot be read."))?;
    let mut cursor = None;
    let mut limit = None;
    for (name, value) in pairs {
        let slot = match name.as_str() {
            "cursor" => &mut cursor,
            "limit" => &mut limit,
            _ => {
                return Err(ApiError::invalid_request(format!(
                    "Unknown query parameter {name:?}; only cursor and limit are accepted."
                )))
            }
        };
        if slot.replace(value).is_some() {
            return Err(ApiError::invalid_request(format!(
                "{name} is given more than once."
            )));
        }
    }
    let limit = match limit {
        None => ENTRIES_LIMIT_DEFAULT,
        Some(v) => v
            .parse::<u32>()
            .ok()
            .filter(|n| (ENTRIES_LIMIT_MIN..=ENTRIES_LIMIT_MAX).contains(n) && !v.starts_with('+'))
            .ok_or_else(|| {
                ApiError::invalid_request(format!(
                    "limit must be a whole number from {ENTRIES_LIMIT_MIN} to {ENTRIES_LIMIT_MAX}."
                ))
            })?,
    };
    Ok((cursor, limit))
}

/// One entry, or 404 for an id the patient may not see (hidden entries
/// look exactly like missing ones).
pub async fn one(
    State(state): State<Shared>,
    auth: Authed,
    id: Result<Path<String>, PathRejection>,
) -> Result<Response, ApiError> {
    let (scenario, view) = record_view(&state, &auth)?;
    let not_found = || ApiError::not_found("There is no entry with this id.");
    let Path(id) = id.map_err(|_| not_found())?;
    let entry = scenario.entry(&id, &view).ok_or_else(not_found)?;
    Ok((
        [(header::CONTENT_TYPE, "application/json")],
        entry.get().to_owned(),
    )
        .into_response())
}

/// The patient opened this entry (a new test result): from now on it is
/// sent without its `unopened` field. Sending it again changes nothing.
/// No body is read. 404 for an id the patient may not see, as for
/// [`one`].
pub async fn opened(
    State(state): State<Shared>,
    auth: Authed,
    id: Result<Path<String>, PathRejection>,
) -> Result<StatusCode, ApiError> {
    let scenario = record_scenario(&state, &auth)?;
    let not_found = || ApiError::not_found("There is no entry with this id.");
    let Path(id) = id.map_err(|_| not_found())?;
    let bucket = auth.session.bucket.as_str();
    state.store.transaction(|tx| {
        let view = patient_view(tx, scenario, bucket);
        if scenario.entry(&id, &view).is_none() {
            return Err(not_found());
        }
        tx.set_opened(bucket, &scenario.name, &id);
        tx.record(
            bucket,
            EventKind::ResultOpened {
                entry_id: id.clone(),
            },
        );
        Ok(StatusCode::NO_CONTENT)
    })?
}

#[cfg(test)]
mod tests {
    use super::*;

    fn q(s: &str) -> Result<(Option<String>, u32), ApiError> {
        page_query(&format!("/x{s}").parse().unwrap())
    }

    #[test]
    fn query_rules() {
        assert_eq!(q("").unwrap(), (None, 100));
        assert_eq!(q("?limit=1").unwrap(), (None, 1));
        assert_eq!(
            q("?limit=500&cursor=abc").unwrap(),
            (Some("abc".to_owned()), 500)
        );
        assert_eq!(q("?cursor=a%2Bb").unwrap().0.as_deref(), Some("a+b"));
        for bad in [
            "?limit=0",
            "?limit=501",
            "?limit=x",
            "?limit=",
            "?limit=+5",
            "?limit=1&limit=2",
            "?page=2",
            "?limit=-1",
        ] {
            assert!(q(bad).is_err(), "{bad}");
        }
    }
}
