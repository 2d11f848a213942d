//! The fixed clock of the fixtures.
//!
//! Fixture data is absolute-dated and "now" is one configured instant, so
//! that every run, screenshot and test sees the same record and the same
//! `disabled_at`. Session idle timeouts are the one thing measured with the
//! real clock (see [`crate::store`]).

use record_access_contract::uk_time::{parse_recorded_on, Date};

/// The instant the fixtures treat as now.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FixedClock {
    now: String,
    today: Date,
}

impl FixedClock {
    /// `now` is an RFC 3339 timestamp; `None` when it is not one.
    pub fn new(now: &str) -> Option<FixedClock> {
        let parsed = parse_recorded_on(now)?;
        parsed.seconds?;
        Some(FixedClock {
            now: now.to_owned(),
            today: parsed.date,
        })
    }

    /// Now, as RFC 3339 (exactly as configured).
    pub fn now_rfc3339(&self) -> &str {
        &self.now
    }

    /// Today's date in the UK.
    pub fn today(&self) -> Date {
        self.today
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
        assert!(FixedClock::new("2026-06-30").is_none());
    }
}
