//! Idempotency records: the answer given to a request with an
//! `Idempotency-Key`, kept for 24 hours so that a retry gets the same
//! answer and never applies twice.

/// How long a key is remembered: 24 hours, in milliseconds of the wall
/// clock.
pub const RETENTION_MS: i64 = 24 * 60 * 60 * 1000;

/// The endpoints that take an `Idempotency-Key`; keys of one do not clash
/// with keys of the other.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Endpoint {
    Disable,
    RedactionRequest,
}

impl Endpoint {
    /// Its name in the store.
    pub fn as_str(self) -> &'static str {
        match self {
            Endpoint::Disable => "disable",
            Endpoint::RedactionRequest => "redaction_request",
        }
    }
}

/// What a key was first used for and what was answered. The store notes
/// when.
#[derive(Debug, Clone, PartialEq)]
pub struct IdempotencyRecord {
    /// The request body as parsed, compared with later uses of the key.
    pub request: serde_json::Value,
    pub status: u16,
    pub response: serde_json::Value,
}

/// Whether a record made at `created_ms` is still kept at `now_ms` (wall
/// clock). A clock that went back keeps it.
pub fn is_fresh(created_ms: i64, now_ms: i64) -> bool {
    now_ms.saturating_sub(created_ms) < RETENTION_MS
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn twenty_four_hours() {
        assert!(is_fresh(0, RETENTION_MS - 1));
        assert!(!is_fresh(0, RETENTION_MS));
        assert!(is_fresh(RETENTION_MS, 0));
    }
}
