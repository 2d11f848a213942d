//! What can go wrong when the app talks to its backend.
//!
//! One typed error for every call, so that each page can say the right thing:
//! an offline phone, a slow network, a signed-out session and a backend fault
//! each get their own message ([`ApiError::message`]).

use crate::content::problem as words;
use record_access_contract::Problem;
use std::fmt;

/// How much of an undecodable body is kept for diagnosis.
pub const RAW_BODY_KEPT: usize = 2048;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ApiError {
    /// The request did not reach the backend, or its answer did not arrive
    /// (offline, connection refused or dropped, body cut off).
    Network,
    /// No answer within the time limit; the request was abandoned. The
    /// backend may still have acted on it.
    Timeout,
    /// 401: the session has ended.
    SignedOut,
    /// 403, with the problem the backend sent.
    Forbidden(Option<Box<Problem>>),
    /// 404, with the problem the backend sent.
    NotFound(Option<Box<Problem>>),
    /// 409, with the problem the backend sent.
    Conflict(Option<Box<Problem>>),
    /// Any other status that is not a success.
    Status {
        status: u16,
        problem: Option<Box<Problem>>,
    },
    /// A success whose body was not what the contract promises. `raw` keeps
    /// the start of the body for diagnosis; it is never shown to the patient
    /// or written to the console, as it may hold record data.
    Undecodable { status: u16, raw: String },
}

impl ApiError {
    /// The problem details the backend sent, if any.
    pub fn problem(&self) -> Option<&Problem> {
        match self {
            ApiError::Forbidden(p) | ApiError::NotFound(p) | ApiError::Conflict(p) => p.as_deref(),
            ApiError::Status { problem, .. } => problem.as_deref(),
            _ => None,
        }
    }

    /// The machine code of the problem, or "" when there is none.
    pub fn code(&self) -> &str {
        self.problem().map(|p| p.code.as_str()).unwrap_or("")
    }

    /// The sentence a page shows for this failure. Never includes anything
    /// the backend sent: problem details are for developers, not patients.
    pub fn message(&self) -> &'static str {
        match self {
            ApiError::Network => words::NETWORK,
            ApiError::Timeout => words::TIMEOUT,
            _ => words::SERVICE,
        }
    }

    /// Whether trying the same request again may succeed.
    pub fn is_retryable(&self) -> bool {
        match self {
            ApiError::Network | ApiError::Timeout | ApiError::Undecodable { .. } => true,
            ApiError::Status { status, .. } => *status >= 500 || *status == 429,
            _ => false,
        }
    }
}

impl fmt::Display for ApiError {
    /// A short description for developers. It names the kind of failure
    /// and the problem code, never the body or anything from the record.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ApiError::Network => f.write_str("network failure"),
            ApiError::Timeout => f.write_str("timed out"),
            ApiError::SignedOut => f.write_str("signed out (401)"),
            ApiError::Forbidden(_) => write!(f, "forbidden (403) {}", self.code()),
            ApiError::NotFound(_) => write!(f, "not found (404) {}", self.code()),
            ApiError::Conflict(_) => write!(f, "conflict (409) {}", self.code()),
            ApiError::Status { status, .. } => write!(f, "status {status} {}", self.code()),
            ApiError::Undecodable { status, raw } => {
                write!(f, "undecodable body (status {status}, {} bytes)", raw.len())
            }
        }
    }
}

impl std::error::Error for ApiError {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn error_messages_do_not_repeat_backend_text() {
        let e = ApiError::Status {
            status: 500,
            problem: Some(Box::new(record_access_contract::Problem {
                problem_type: "about:blank".into(),
                title: "Database on fire".into(),
                status: 500,
                detail: Some("secret".into()),
                code: "internal_error".into(),
                reference: None,
            })),
        };
        assert_eq!(e.message(), words::SERVICE);
        assert_eq!(ApiError::Network.message(), words::NETWORK);
        assert_eq!(ApiError::Timeout.message(), words::TIMEOUT);
    }
}
