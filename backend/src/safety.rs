//! The backend's half of the safety filter: which entries a patient may be
//! sent at all.
//!
//! An entry goes out only when a GP has left it visible (not redacted, not
//! a result awaiting a clinician's review) and it was recorded on or after
//! the date the patient's access started, compared in UK time. A date that
//! does not parse fails closed. The app applies the same rules again.

use record_access_contract::uk_time::{parse_recorded_on, Date};
use record_access_contract::Visibility;

/// Whether an entry with this visibility and `recorded_on` may be sent to a
/// patient whose access started on `available_from`.
pub fn patient_may_see(visibility: Visibility, recorded_on: &str, available_from: Date) -> bool {
    visibility == Visibility::Visible
        && parse_recorded_on(recorded_on).is_some_and(|r| r.date >= available_from)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn from() -> Date {
        Date::parse("2024-06-01").unwrap()
    }

    #[test]
    fn only_visible_entries_from_the_start_date() {
        assert!(patient_may_see(Visibility::Visible, "2024-06-01", from()));
        assert!(!patient_may_see(Visibility::Visible, "2024-05-31", from()));
        assert!(!patient_may_see(Visibility::Redacted, "2024-07-01", from()));
        assert!(!patient_may_see(
            Visibility::AwaitingReview,
            "2024-07-01",
            from()
        ));
        assert!(!patient_may_see(Visibility::Unknown, "2024-07-01", from()));
        assert!(!patient_may_see(Visibility::Visible, "last week", from()));
    }

    #[test]
    fn timestamps_are_compared_in_uk_time() {
        // 23:30 UTC on 31 May is 00:30 on 1 June in British Summer Time.
        assert!(patient_may_see(
            Visibility::Visible,
            "2024-05-31T23:30:00Z",
            from()
        ));
        // 00:30 on 1 June at UTC+2 is 23:30 on 31 May in the UK.
        assert!(!patient_may_see(
            Visibility::Visible,
            "2024-06-01T00:30:00+02:00",
            from()
        ));
    }
}
