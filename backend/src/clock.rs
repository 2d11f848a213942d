//! The fixed clock of the fixtures.
//!
//! Fixture data is absolute-dated and "now" is one configured instant, so
//! that every run, screenshot and test sees the same record and the same
//! `disabled_at`. Session idle timeouts and how long an idempotency key is
//! remembered are measured with the real clock instead ([`WallClock`]),
//! kept by [`crate::store`] as milliseconds since the Unix epoch so that
//! they go on counting across a restart (an `Instant` would not).

use std::fmt::Debug;
use std::time::{SystemTime, UNIX_EPOCH};

use record_access_contract::uk_time::{parse_recorded_on, parse_rfc3339_utc, Date};

/// The instant the fixtures treat as now.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FixedClock {
    now: String,
    /// `now` in seconds since the Unix epoch, UTC.
    now_seconds: i64,
    today: Date,
}

impl FixedClock {
    /// `now` is an RFC 3339 timestamp; `None` when it is not one.
    pub fn new(now: &str) -> Option<FixedClock> {
        let parsed = parse_recorded_on(now)?;
        Some(FixedClock {
            now: now.to_owned(),
            now_seconds: parse_rfc3339_utc(now)?,
            today: parsed.date,
        })
    }

    /// Now, as RFC 3339 (exactly as configured).
    pub fn now_rfc3339(&self) -> &str {
        &self.now
    }

    /// Now, in seconds since the Unix epoch (UTC).
    pub fn now_seconds(&self) -> i64 {
        self.now_seconds
    }

    /// Today's date in the UK.
    pub fn today(&self) -> Date {
        self.today
    }
}

/// The real clock, as the store reads it.
pub trait WallClock: Debug + Send + Sync {
    /// Milliseconds since the Unix epoch.
    fn now_ms(&self) -> i64;
}

/// The operating system's clock.
#[derive(Debug, Clone, Copy, Default)]
pub struct SystemClock;

impl WallClock for SystemClock {
    fn now_ms(&self) -> i64 {
        // A clock set before 1970 reads as 1970; one past the year
        // 292 million as that year.
        SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map_or(0, |d| i64::try_from(d.as_millis()).unwrap_or(i64::MAX))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn today_is_the_uk_date() {
        let c = FixedClock::new("2026-06-30T23:30:00Z").unwrap();
        assert_eq!(c.today().to_iso(), "2026-07-01");
        assert_eq!(c.now_rfc3339(), "2026-06-30T23:30:00Z");
        assert_eq!(
            c.now_seconds(),
            Date::parse("2026-06-30").unwrap().days_since_epoch() * 86_400 + 23 * 3600 + 1800
        );
        assert!(FixedClock::new("2026-06-30").is_none());
    }

    #[test]
    fn the_system_clock_is_after_2025() {
        assert!(SystemClock.now_ms() > 1_735_689_600_000);
    }
}
