//! Signed-in sessions.

use std::time::{Duration, Instant};

/// A live session. The id is the map key, never stored here.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SessionRecord {
    /// The preview browser it belongs to.
    pub bucket: String,
    /// The scenario whose patient is signed in.
    pub scenario: String,
    /// Whether the pressure warning was answered with "continue".
    pub acknowledged: bool,
    pub idle_timeout: Duration,
    pub last_seen: Instant,
}

impl SessionRecord {
    /// Ended by the idle timeout, measured on the real clock.
    pub fn is_expired(&self, now: Instant) -> bool {
        now.duration_since(self.last_seen) >= self.idle_timeout
    }
}
