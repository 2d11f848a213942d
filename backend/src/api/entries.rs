//! `GET /record/entries` and `GET /record/entries/{id}`.
//!
//! Scenarios hold the record already through the safety filter (see
//! [`crate::safety`]), except the one that deliberately sends everything.
//! Pages keep the fixture's order: the API promises none.

use axum::extract::rejection::PathRejection;
use axum::extract::{Path, Query, State};
use axum::http::{header, Uri};
use axum::response::{IntoResponse, Response};
use axum::Json;
use record_access_contract::{
    EntriesPage, ENTRIES_LIMIT_DEFAULT, ENTRIES_LIMIT_MAX, ENTRIES_LIMIT_MIN,
};

use super::{cursor, record_scenario};
use crate::app::Shared;
use crate::extract::Authed;
use crate::problem::ApiError;
use record_access_contract::codes;
use serde_json::value::RawValue;

/// One page of the record.
pub async fn list(
    State(state): State<Shared>,
    auth: Authed,
    uri: Uri,
) -> Result<Response, ApiError> {
    let scenario = record_scenario(&state, &auth)?;
    let (cursor, limit) = page_query(&uri)?;
    let len = scenario.entries.len();
    let start = match cursor {
        None => 0,
        Some(c) => cursor::decode(&c, len).ok_or_else(|| {
            ApiError::new(
                axum::http::StatusCode::BAD_REQUEST,
                codes::INVALID_CURSOR,
                "The cursor is not one this server gave out.",
            )
        })?,
    };
    let end = (start + limit as usize).min(len);
    let page: EntriesPage<&RawValue> = EntriesPage {
        available_from: scenario.entries_available_from.clone(),
        entries: scenario.entries[start..end].iter().map(|e| &**e).collect(),
        next_cursor: (end < len).then(|| cursor::encode(end)),
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
    let scenario = record_scenario(&state, &auth)?;
    let not_found = || ApiError::not_found("There is no entry with this id.");
    let Path(id) = id.map_err(|_| not_found())?;
    let entry = scenario.entry(&id).ok_or_else(not_found)?;
    Ok((
        [(header::CONTENT_TYPE, "application/json")],
        entry.get().to_owned(),
    )
        .into_response())
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
