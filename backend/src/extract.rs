//! Reading requests strictly: JSON bodies, the `Idempotency-Key` header,
//! and who is calling (preview browser and session). Every rejection is a
//! problem answer, never a panic or a plain-text error.

use axum::body::Bytes;
use axum::extract::{FromRequest, FromRequestParts, Request};
use axum::http::request::Parts;
use axum::http::{header, HeaderMap};
use serde::de::DeserializeOwned;

use crate::app::Shared;
use crate::cookies::{self, PREVIEW_COOKIE, SESSION_COOKIE};
use crate::problem::ApiError;
use crate::store::{EndSource, EventKind, SessionRecord, StoreError, DEFAULT_BUCKET};
use record_access_contract::EndReason;

/// Largest request body read, in bytes.
pub const MAX_BODY_BYTES: usize = 16 * 1024;

/// The request body, at most [`MAX_BODY_BYTES`].
pub async fn read_body(req: Request) -> Result<Bytes, ApiError> {
    axum::body::to_bytes(req.into_body(), MAX_BODY_BYTES)
        .await
        .map_err(|_| {
            ApiError::invalid_request(format!(
                "The body is larger than {MAX_BODY_BYTES} bytes or could not be read."
            ))
        })
}

/// A JSON body of type `T`: `Content-Type: application/json` (UTF-8), at
/// most 16 KiB, no unknown fields (the request types deny them), right
/// types throughout.
#[derive(Debug, Clone)]
pub struct StrictJson<T>(pub T);

impl<T: DeserializeOwned> FromRequest<Shared> for StrictJson<T> {
    type Rejection = ApiError;

    async fn from_request(req: Request, _state: &Shared) -> Result<Self, ApiError> {
        check_json_content_type(req.headers())?;
        let bytes = read_body(req).await?;
        parse_json(&bytes).map(StrictJson)
    }
}

/// Parses a JSON body strictly.
pub fn parse_json<T: DeserializeOwned>(bytes: &[u8]) -> Result<T, ApiError> {
    serde_json::from_slice(bytes).map_err(|e| {
        ApiError::invalid_request(format!("The body is not valid for this request: {e}."))
    })
}

fn check_json_content_type(headers: &HeaderMap) -> Result<(), ApiError> {
    let wrong = || ApiError::invalid_request("The body must be sent as application/json.");
    let value = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .ok_or_else(wrong)?;
    let mut parts = value.split(';');
    let media = parts.next().unwrap_or("").trim();
    if !media.eq_ignore_ascii_case("application/json") {
        return Err(wrong());
    }
    for param in parts {
        let (k, v) = param.split_once('=').ok_or_else(wrong)?;
        if k.trim().eq_ignore_ascii_case("charset")
            && !v.trim().trim_matches('"').eq_ignore_ascii_case("utf-8")
        {
            return Err(wrong());
        }
    }
    Ok(())
}

/// The `Idempotency-Key` header: 1 to 255 visible ASCII characters.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IdempotencyKey(pub String);

impl FromRequestParts<Shared> for IdempotencyKey {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, _state: &Shared) -> Result<Self, ApiError> {
        let value = parts
            .headers
            .get("idempotency-key")
            .ok_or_else(|| ApiError::invalid_request("The Idempotency-Key header is missing."))?;
        let key = value.to_str().unwrap_or("");
        if key.is_empty() || key.len() > 255 || !key.bytes().all(|b| b.is_ascii_graphic()) {
            return Err(ApiError::invalid_request(
                "The Idempotency-Key header must be 1 to 255 visible ASCII characters.",
            ));
        }
        Ok(IdempotencyKey(key.to_owned()))
    }
}

/// Who is calling: the preview browser (always the default one unless the
/// control API is on) and the session cookie, if any.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Caller {
    pub bucket: String,
    /// Whether the request carried its own `ra_preview` cookie.
    pub has_preview_cookie: bool,
    pub session_id: Option<String>,
}

impl Caller {
    pub fn from_headers(headers: &HeaderMap, state: &Shared) -> Caller {
        let preview = if state.config.control {
            cookies::read(headers, PREVIEW_COOKIE)
        } else {
            None
        };
        Caller {
            has_preview_cookie: preview.is_some(),
            bucket: preview.unwrap_or_else(|| DEFAULT_BUCKET.to_owned()),
            session_id: cookies::read(headers, SESSION_COOKIE),
        }
    }
}

impl Caller {
    /// Ends the caller's session, if it has one, and records that in the
    /// audit events (under the session's own bucket when there was one).
    pub fn end_session(
        &self,
        state: &Shared,
        reason: Option<EndReason>,
        source: EndSource,
    ) -> Result<(), StoreError> {
        state.store.transaction(|tx| {
            let ended = self.session_id.as_deref().and_then(|id| tx.end_session(id));
            let bucket = ended
                .as_ref()
                .map_or(self.bucket.as_str(), |s| s.bucket.as_str());
            tx.record(
                bucket,
                EventKind::SessionEnd {
                    reason,
                    source,
                    ended_session: ended.is_some(),
                },
            );
        })
    }
}

impl FromRequestParts<Shared> for Caller {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &Shared) -> Result<Self, ApiError> {
        Ok(Caller::from_headers(&parts.headers, state))
    }
}

/// A live session; its idle time restarts with this request. Without one
/// the request is answered 401 `signed_out`.
#[derive(Debug, Clone)]
pub struct Authed {
    pub id: String,
    pub session: SessionRecord,
}

impl FromRequestParts<Shared> for Authed {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &Shared) -> Result<Self, ApiError> {
        let id = cookies::read(&parts.headers, SESSION_COOKIE).ok_or_else(ApiError::signed_out)?;
        let session = state
            .store
            .transaction(|tx| tx.touch_session(&id))?
            .ok_or_else(ApiError::signed_out)?;
        Ok(Authed { id, session })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;

    fn ct(v: &str) -> Result<(), ApiError> {
        let mut h = HeaderMap::new();
        h.insert(header::CONTENT_TYPE, HeaderValue::from_str(v).unwrap());
        check_json_content_type(&h)
    }

    #[test]
    fn content_types() {
        assert!(ct("application/json").is_ok());
        assert!(ct("application/json; charset=utf-8").is_ok());
        assert!(ct("Application/JSON;charset=\"UTF-8\"").is_ok());
        assert!(ct("text/plain").is_err());
        assert!(ct("application/json; charset=latin1").is_err());
        assert!(ct("application/jsonx").is_err());
        assert!(check_json_content_type(&HeaderMap::new()).is_err());
    }
}
