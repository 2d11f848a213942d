//! Idempotency records: the answer given to a request with an
//! `Idempotency-Key`, kept for 24 hours so that a retry gets the same
//! answer and never applies twice.

use std::time::{Duration, Instant};

/// How long a key is remembered.
pub const RETENTION: Duration = Duration::from_secs(24 * 60 * 60);

/// The endpoints that take an `Idempotency-Key`; keys of one do not clash
/// with keys of the other.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Endpoint {
    Disable,
    RedactionRequest,
}

/// What a key was first used for and what was answered.
#[derive(Debug, Clone, PartialEq)]
pub struct IdempotencyRecord {
    /// The request body as parsed, compared with later uses of the key.
    pub request: serde_json::Value,
    pub status: u16,
    pub response: serde_json::Value,
    pub created: Instant,
}

impl IdempotencyRecord {
    pub fn is_fresh(&self, now: Instant) -> bool {
        now.duration_since(self.created) < RETENTION
    }
}
