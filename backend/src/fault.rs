//! Injected faults: rules that make matching `/api/...` and `/api/v1/auth/...`
//! requests fail in a chosen way, so that tests and the designer preview
//! can show every error state. Set through the control API, per preview
//! browser.

use serde::{Deserialize, Serialize};

use crate::reference::is_reference;

/// Longest delay or hold a fault may ask for: ten minutes.
pub const MAX_HOLD_MS: u64 = 600_000;

/// `POST /__control/faults` body.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FaultRule {
    /// An HTTP method, or `*` for any.
    pub method: String,
    /// A request path. A `*` at the end matches the rest of the path
    /// (`/api/v1/record/*`); a `*` anywhere else matches one path segment
    /// or part of one (`/api/v1/record/entries/*/opened`). Without `*`, the
    /// exact path.
    pub path: String,
    pub fault: Fault,
    /// How many matching requests fail; `null` or absent for all of them.
    #[serde(default)]
    pub times: Option<u32>,
}

/// What happens to a matching request.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
pub enum Fault {
    /// A problem answer with this status and code (the request is not
    /// carried out), and the `reference` member that `already_disabled`
    /// and `already_requested` carry, when given.
    Status {
        status: u16,
        #[serde(default = "internal_error")]
        code: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        reference: Option<String>,
    },
    /// The normal answer, this many milliseconds late.
    Delay { ms: u64 },
    /// The request is carried out at once; its answer is held back this
    /// many milliseconds (a client that gives up first never sees it: a
    /// timeout while the backend applied the request).
    Late { ms: u64 },
    /// No answer at all; the request is held for ten minutes, then the
    /// connection is closed.
    Timeout {},
    /// 200 with a body that is not JSON (not carried out).
    Undecodable {},
    /// 200 with this JSON body in place of the answer (not carried out):
    /// a backend that sends what the app does not expect, such as a
    /// preference value it does not know.
    Json { body: serde_json::Value },
    /// The request is carried out, then its answer is sent as a 200 whose
    /// JSON body stops half way (the connection is cut short of the
    /// announced `Content-Length`).
    Truncated {},
    /// The connection is closed without an answer (not carried out).
    Drop {},
}

fn internal_error() -> String {
    record_access_contract::codes::INTERNAL_ERROR.to_owned()
}

impl FaultRule {
    /// Checks the values serde cannot.
    pub fn validate(&self) -> Result<(), String> {
        if self.method != "*"
            && (self.method.is_empty() || !self.method.bytes().all(|b| b.is_ascii_alphabetic()))
        {
            return Err("method must be an HTTP method or \"*\"".to_owned());
        }
        if !self.path.starts_with('/') {
            return Err("path must start with /".to_owned());
        }
        if self.times == Some(0) {
            return Err("times must be at least 1, or null for always".to_owned());
        }
        match &self.fault {
            Fault::Status {
                status,
                code,
                reference,
            } => {
                if !(400..=599).contains(status) {
                    return Err("fault.status must be between 400 and 599".to_owned());
                }
                if code.is_empty() {
                    return Err("fault.code must not be empty".to_owned());
                }
                if reference.as_deref().is_some_and(|r| !is_reference(r)) {
                    return Err(
                        "fault.reference must look like RA-XXXXXXXX (eight of 0-9 and A-Z)"
                            .to_owned(),
                    );
                }
            }
            Fault::Delay { ms } | Fault::Late { ms } if *ms > MAX_HOLD_MS => {
                return Err(format!("fault.ms must be at most {MAX_HOLD_MS}"));
            }
            _ => {}
        }
        Ok(())
    }

    /// Whether this rule applies to a request.
    pub fn matches(&self, method: &str, path: &str) -> bool {
        let method_ok = self.method == "*" || self.method.eq_ignore_ascii_case(method);
        method_ok && path_matches(&self.path, path)
    }
}

/// Whether `path` fits the pattern of [`FaultRule::path`].
fn path_matches(pattern: &str, path: &str) -> bool {
    match pattern.split_once('*') {
        None => pattern == path,
        Some((literal, "")) => path.starts_with(literal),
        Some((literal, rest)) => {
            let Some(after) = path.strip_prefix(literal) else {
                return false;
            };
            // The star takes some characters of this segment, none of the
            // next.
            let segment = after.find('/').unwrap_or(after.len());
            (0..=segment).any(|n| path_matches(rest, &after[n..]))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rule(json: &str) -> Result<FaultRule, serde_json::Error> {
        serde_json::from_str(json)
    }

    #[test]
    fn reads_every_kind() {
        for f in [
            r#"{"kind":"status","status":500,"code":"internal_error"}"#,
            r#"{"kind":"status","status":503}"#,
            r#"{"kind":"status","status":409,"code":"already_requested","reference":"RA-3F8QW2LT"}"#,
            r#"{"kind":"late","ms":10}"#,
            r#"{"kind":"delay","ms":10}"#,
            r#"{"kind":"timeout"}"#,
            r#"{"kind":"undecodable"}"#,
            r#"{"kind":"truncated"}"#,
            r#"{"kind":"drop"}"#,
        ] {
            let r = rule(&format!(
                r#"{{"method":"GET","path":"/api/v1/session","fault":{f},"times":null}}"#
            ))
            .unwrap();
            r.validate().unwrap();
        }
        assert!(rule(r#"{"method":"GET","path":"/","fault":{"kind":"drop","x":1}}"#).is_err());
        assert!(rule(r#"{"method":"GET","path":"/","fault":{"kind":"melt"}}"#).is_err());
    }

    #[test]
    fn matching() {
        let r =
            rule(r#"{"method":"GET","path":"/api/v1/record/*","fault":{"kind":"drop"}}"#).unwrap();
        assert!(r.matches("GET", "/api/v1/record/entries"));
        assert!(r.matches("get", "/api/v1/record/entries/x"));
        assert!(!r.matches("POST", "/api/v1/record/entries"));
        assert!(!r.matches("GET", "/api/v1/session"));
        let r = rule(r#"{"method":"*","path":"/api/v1/session","fault":{"kind":"drop"}}"#).unwrap();
        assert!(r.matches("POST", "/api/v1/session"));
        assert!(!r.matches("POST", "/api/v1/session/end"));
        let r = rule(
            r#"{"method":"POST","path":"/api/v1/record/entries/*/opened","fault":{"kind":"drop"}}"#,
        )
        .unwrap();
        assert!(r.matches("POST", "/api/v1/record/entries/t-6dfge7/opened"));
        assert!(r.matches("POST", "/api/v1/record/entries/t%2Follvlk%20%239/opened"));
        assert!(!r.matches("POST", "/api/v1/record/entries/a/b/opened"));
        assert!(!r.matches("POST", "/api/v1/record/entries/x"));
        assert!(!r.matches("POST", "/api/v1/record/entries/x/opened/more"));
        assert!(!r.matches("GET", "/api/v1/record/entries/x/opened"));
        let r = rule(r#"{"method":"PUT","path":"/api/v1/preferences","fault":{"kind":"drop"}}"#)
            .unwrap();
        assert!(r.matches("PUT", "/api/v1/preferences"));
        assert!(r.matches("put", "/api/v1/preferences"));
        assert!(!r.matches("GET", "/api/v1/preferences"));
    }

    #[test]
    fn validation() {
        for bad in [
            r#"{"method":"GET","path":"api","fault":{"kind":"drop"}}"#,
            r#"{"method":"G T","path":"/","fault":{"kind":"drop"}}"#,
            r#"{"method":"GET","path":"/","fault":{"kind":"drop"},"times":0}"#,
            r#"{"method":"GET","path":"/","fault":{"kind":"status","status":200}}"#,
            r#"{"method":"GET","path":"/","fault":{"kind":"delay","ms":700000}}"#,
            r#"{"method":"GET","path":"/","fault":{"kind":"status","status":409,"reference":"x"}}"#,
        ] {
            assert!(rule(bad).unwrap().validate().is_err(), "{bad}");
        }
    }
}
