//! Signed-in sessions.

use std::time::Duration;

/// A live session. The id is its key in the store, never kept here.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SessionRecord {
    /// The preview browser it belongs to.
    pub bucket: String,
    /// The scenario whose patient is signed in.
    pub scenario: String,
    /// Whether the pressure warning was answered with "continue".
    pub acknowledged: bool,
    pub idle_timeout: Duration,
    /// When the session was last used, in wall-clock milliseconds since the
    /// Unix epoch (see [`crate::clock::WallClock`]).
    pub last_seen_ms: i64,
}

impl SessionRecord {
    /// Ended by the idle timeout at `now_ms` on the wall clock. A clock
    /// that went back counts as no time passed.
    pub fn is_expired(&self, now_ms: i64) -> bool {
        now_ms.saturating_sub(self.last_seen_ms) >= self.idle_timeout_ms()
    }

    pub fn idle_timeout_ms(&self) -> i64 {
        i64::try_from(self.idle_timeout.as_millis()).unwrap_or(i64::MAX)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn expiry() {
        let s = SessionRecord {
            bucket: "b".to_owned(),
            scenario: "typical".to_owned(),
            acknowledged: false,
            idle_timeout: Duration::from_secs(600),
            last_seen_ms: 1_000_000,
        };
        assert!(!s.is_expired(1_000_000));
        assert!(!s.is_expired(1_599_999));
        assert!(s.is_expired(1_600_000));
        // The clock went back: not expired.
        assert!(!s.is_expired(0));
    }
}
