//! When a signed-in session warns and ends for inactivity, and when to tell
//! the backend that the patient is still here.
//!
//! The backend's clock decides in the end (a keep-alive that answers 401
//! means signed out); this decides what the app shows meanwhile. Times are
//! wall-clock milliseconds passed in by the caller: background tabs throttle
//! timers, so deadlines are checked against the clock, never counted down.

/// Keep-alives go at most this often while the patient is active (more
/// often only for timeouts under two minutes: see
/// [`IdleClock::keep_alive_every_ms`]).
pub const KEEP_ALIVE_EVERY_MS: f64 = 60_000.0;

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum IdleState {
    Active,
    /// Show the warning; this many whole seconds remain (rounded up).
    Warning {
        seconds_left: u32,
    },
    /// The session is over.
    Expired,
}

#[derive(Debug, Clone)]
pub struct IdleClock {
    timeout_ms: f64,
    /// When the backend last extended the session (sign-in or keep-alive).
    extended_at_ms: f64,
    /// When the patient last did something in the app.
    active_at_ms: f64,
}

impl IdleClock {
    /// A session whose idle timeout is `timeout_seconds`, extended at `now_ms`.
    pub fn new(timeout_seconds: u32, now_ms: f64) -> Self {
        IdleClock {
            timeout_ms: f64::from(timeout_seconds.max(1)) * 1000.0,
            extended_at_ms: now_ms,
            active_at_ms: now_ms,
        }
    }

    /// How long before the end the warning appears: 60 seconds, or a fifth
    /// of the timeout when it is under five minutes.
    pub fn warning_lead_ms(&self) -> f64 {
        if self.timeout_ms < 300_000.0 {
            self.timeout_ms * 0.2
        } else {
            60_000.0
        }
    }

    /// When the session ends at the backend unless extended.
    pub fn deadline_ms(&self) -> f64 {
        self.extended_at_ms + self.timeout_ms
    }

    /// Once a minute, or every half timeout when that is shorter, so that
    /// an active patient is never signed out between two keep-alives.
    pub fn keep_alive_every_ms(&self) -> f64 {
        KEEP_ALIVE_EVERY_MS.min(self.timeout_ms / 2.0)
    }

    pub fn warning_at_ms(&self) -> f64 {
        self.deadline_ms() - self.warning_lead_ms()
    }

    pub fn state(&self, now_ms: f64) -> IdleState {
        if now_ms >= self.deadline_ms() {
            IdleState::Expired
        } else if now_ms >= self.warning_at_ms() {
            let left = ((self.deadline_ms() - now_ms) / 1000.0).ceil();
            IdleState::Warning {
                seconds_left: left as u32,
            }
        } else {
            IdleState::Active
        }
    }

    /// The patient did something. Returns true when a keep-alive should be
    /// sent now: activity counts only before the warning (once it shows,
    /// only "stay signed in" extends), and at most once a minute.
    pub fn activity(&mut self, now_ms: f64) -> bool {
        if self.state(now_ms) != IdleState::Active {
            return false;
        }
        self.active_at_ms = now_ms;
        now_ms - self.extended_at_ms >= self.keep_alive_every_ms()
    }

    /// The backend confirmed a keep-alive sent at `sent_at_ms`.
    pub fn extended(&mut self, sent_at_ms: f64) {
        if sent_at_ms > self.extended_at_ms {
            self.extended_at_ms = sent_at_ms;
        }
    }

    /// When the patient was last active.
    pub fn active_at_ms(&self) -> f64 {
        self.active_at_ms
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nhs_app_timing_warns_at_nine_minutes_and_ends_at_ten() {
        let c = IdleClock::new(600, 0.0);
        assert_eq!(c.state(539_999.0), IdleState::Active);
        assert_eq!(c.state(540_000.0), IdleState::Warning { seconds_left: 60 });
        assert_eq!(c.state(599_001.0), IdleState::Warning { seconds_left: 1 });
        assert_eq!(c.state(600_000.0), IdleState::Expired);
    }

    #[test]
    fn short_timeouts_warn_at_eighty_percent() {
        let c = IdleClock::new(30, 0.0);
        assert_eq!(c.state(23_999.0), IdleState::Active);
        assert_eq!(c.state(24_000.0), IdleState::Warning { seconds_left: 6 });
        assert_eq!(c.state(30_000.0), IdleState::Expired);
        // Exactly five minutes is not "under five minutes".
        assert_eq!(IdleClock::new(300, 0.0).warning_lead_ms(), 60_000.0);
        assert_eq!(IdleClock::new(299, 0.0).warning_lead_ms(), 59_800.0);
    }

    #[test]
    fn keep_alive_at_most_once_a_minute_while_active() {
        let mut c = IdleClock::new(600, 0.0);
        assert!(!c.activity(1_000.0));
        assert!(!c.activity(59_999.0));
        assert!(c.activity(60_000.0));
        c.extended(60_000.0);
        assert!(!c.activity(61_000.0));
        assert!(c.activity(120_000.0));
        assert_eq!(c.deadline_ms(), 660_000.0);
    }

    #[test]
    fn short_timeouts_keep_an_active_patient_signed_in() {
        let mut c = IdleClock::new(30, 0.0);
        assert!(!c.activity(14_999.0));
        assert!(c.activity(15_000.0));
        c.extended(15_000.0);
        assert_eq!(c.state(38_000.0), IdleState::Active);
    }

    #[test]
    fn activity_after_the_warning_does_not_extend() {
        let mut c = IdleClock::new(600, 0.0);
        assert!(!c.activity(550_000.0));
        assert_eq!(c.active_at_ms(), 0.0);
        c.extended(550_000.0); // "stay signed in"
        assert_eq!(c.state(560_000.0), IdleState::Active);
    }

    #[test]
    fn a_late_confirmation_of_an_older_keep_alive_does_not_shorten() {
        let mut c = IdleClock::new(600, 0.0);
        c.extended(120_000.0);
        c.extended(60_000.0);
        assert_eq!(c.deadline_ms(), 720_000.0);
    }

    #[test]
    fn a_zero_timeout_is_treated_as_one_second() {
        let c = IdleClock::new(0, 0.0);
        assert_eq!(c.state(999.0), IdleState::Warning { seconds_left: 1 });
        assert_eq!(c.state(1_000.0), IdleState::Expired);
    }
}
