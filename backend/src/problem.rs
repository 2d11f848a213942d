//! Error answers: RFC 9457 problem details with the API's machine `code`.
//!
//! Every error the backend sends, from any route, is an [`ApiError`] turned
//! into an `application/problem+json` response, so that clients only ever
//! have one error shape to read.

use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use record_access_contract::{codes, Problem, PROBLEM_CONTENT_TYPE};

use crate::store::StoreError;

/// An error answer: status, machine code, a sentence for developers and,
/// for `already_disabled`, the reference of the earlier request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApiError {
    pub status: StatusCode,
    pub code: String,
    pub detail: String,
    pub reference: Option<String>,
}

impl ApiError {
    pub fn new(status: StatusCode, code: &str, detail: impl Into<String>) -> ApiError {
        ApiError {
            status,
            code: code.to_owned(),
            detail: detail.into(),
            reference: None,
        }
    }

    /// 400 `invalid_request`.
    pub fn invalid_request(detail: impl Into<String>) -> ApiError {
        ApiError::new(StatusCode::BAD_REQUEST, codes::INVALID_REQUEST, detail)
    }

    /// 401 `signed_out`.
    pub fn signed_out() -> ApiError {
        ApiError::new(
            StatusCode::UNAUTHORIZED,
            codes::SIGNED_OUT,
            "There is no signed-in session. Sign in again to continue.",
        )
    }

    /// 403 `record_access_disabled`.
    pub fn record_access_disabled() -> ApiError {
        ApiError::new(
            StatusCode::FORBIDDEN,
            codes::RECORD_ACCESS_DISABLED,
            "Access to the GP record is turned off for this patient.",
        )
    }

    /// 404 `not_found`.
    pub fn not_found(detail: impl Into<String>) -> ApiError {
        ApiError::new(StatusCode::NOT_FOUND, codes::NOT_FOUND, detail)
    }

    /// 405 `method_not_allowed`.
    pub fn method_not_allowed() -> ApiError {
        ApiError::new(
            StatusCode::METHOD_NOT_ALLOWED,
            "method_not_allowed",
            "This path does not accept that method.",
        )
    }

    /// 500 `internal_error`.
    pub fn internal(detail: impl Into<String>) -> ApiError {
        ApiError::new(
            StatusCode::INTERNAL_SERVER_ERROR,
            codes::INTERNAL_ERROR,
            detail,
        )
    }

    /// Adds the reference of an earlier request (`already_disabled`).
    pub fn with_reference(mut self, reference: impl Into<String>) -> ApiError {
        self.reference = Some(reference.into());
        self
    }

    /// The problem body. `type` stays `about:blank`, so `title` is the
    /// status's standard phrase; `code` tells the cases apart.
    pub fn problem(&self) -> Problem {
        Problem {
            problem_type: "about:blank".to_owned(),
            title: self.status.canonical_reason().unwrap_or("Error").to_owned(),
            status: self.status.as_u16(),
            detail: Some(self.detail.clone()),
            code: self.code.clone(),
            reference: self.reference.clone(),
        }
    }
}

/// The store failed (and said why on stderr); its transaction was rolled
/// back.
impl From<StoreError> for ApiError {
    fn from(_: StoreError) -> ApiError {
        ApiError::internal("The backend could not keep this request, so nothing was changed.")
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let body = serde_json::to_vec(&self.problem()).unwrap_or_default();
        let mut response = (self.status, body).into_response();
        response.headers_mut().insert(
            header::CONTENT_TYPE,
            HeaderValue::from_static(PROBLEM_CONTENT_TYPE),
        );
        response
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn problem_has_every_member() {
        let p = ApiError::signed_out().problem();
        assert_eq!(p.status, 401);
        assert_eq!(p.title, "Unauthorized");
        assert_eq!(p.code, "signed_out");
        assert!(p.detail.is_some());
        let json = serde_json::to_value(&p).unwrap();
        assert_eq!(json["type"], "about:blank");
        assert!(json.get("reference").is_none());
    }

    #[test]
    fn already_disabled_carries_the_reference() {
        let e = ApiError::new(StatusCode::CONFLICT, "already_disabled", "x")
            .with_reference("RA-ABCDEFGH");
        let json = serde_json::to_value(e.problem()).unwrap();
        assert_eq!(json["reference"], "RA-ABCDEFGH");
    }
}
