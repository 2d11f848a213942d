//! The setting of when new test results appear, in plain Rust: which
//! choice the page marks, what the form sends, and what the patient is told
//! once the backend has saved it.
//!
//! The page never guesses: a value this app does not know marks neither
//! choice, and only a choice the patient made is sent.

use crate::content::results_setting as text;
use record_access_contract::{PreferencesRequest, ResultsRelease};

/// The choice marked on the page for what the backend holds: `None` for a
/// value this app does not know.
pub fn marked(stored: ResultsRelease) -> Option<ResultsRelease> {
    (stored != ResultsRelease::Unknown).then_some(stored)
}

/// What the form sends for the patient's choice: `None` (and an error on
/// the page) when nothing is chosen.
pub fn to_send(chosen: Option<ResultsRelease>) -> Option<PreferencesRequest> {
    marked(chosen?).map(|results_release| PreferencesRequest { results_release })
}

/// Whether the page says, before the patient saves, that choosing the
/// first option shows every result held back: only while results are held
/// back until someone has talked to the patient.
pub fn warns_of_release(stored: ResultsRelease) -> bool {
    stored == ResultsRelease::AfterConversation
}

/// What the patient is told once the backend has saved `now` (its own
/// answer) in place of `before`.
pub fn saved(before: ResultsRelease, now: ResultsRelease) -> &'static str {
    match now {
        ResultsRelease::AfterConversation => text::SAVED_AFTER_CONVERSATION,
        ResultsRelease::AfterReview if before == ResultsRelease::AfterReview => {
            text::SAVED_AFTER_REVIEW
        }
        // Results held back (or perhaps held back, under a value this app
        // does not know) are shown now.
        ResultsRelease::AfterReview => text::SAVED_AFTER_REVIEW_RELEASED,
        ResultsRelease::Unknown => text::SAVED_UNKNOWN,
    }
}

/// The wire name back to the choice (the submission carries what the
/// backend saved as its wire name).
pub fn from_wire(name: &str) -> ResultsRelease {
    ResultsRelease::CHOICES
        .into_iter()
        .find(|c| c.as_str() == name)
        .unwrap_or(ResultsRelease::Unknown)
}

#[cfg(test)]
mod tests {
    use super::*;
    use ResultsRelease::*;

    #[test]
    fn marks_the_stored_choice_and_never_guesses_an_unknown_one() {
        assert_eq!(marked(AfterReview), Some(AfterReview));
        assert_eq!(marked(AfterConversation), Some(AfterConversation));
        assert_eq!(marked(Unknown), None);
    }

    #[test]
    fn sends_only_a_choice_the_patient_made() {
        assert_eq!(to_send(None), None);
        assert_eq!(to_send(Some(Unknown)), None, "unknown is never sent");
        for choice in ResultsRelease::CHOICES {
            assert_eq!(
                to_send(Some(choice)),
                Some(PreferencesRequest {
                    results_release: choice
                })
            );
        }
    }

    #[test]
    fn warns_of_released_results_only_while_results_are_held_back() {
        assert!(warns_of_release(AfterConversation));
        assert!(!warns_of_release(AfterReview));
        assert!(!warns_of_release(Unknown));
    }

    #[test]
    fn says_what_changed_in_plain_words() {
        assert_eq!(
            saved(AfterReview, AfterConversation),
            text::SAVED_AFTER_CONVERSATION
        );
        assert_eq!(
            saved(AfterConversation, AfterConversation),
            text::SAVED_AFTER_CONVERSATION
        );
        assert_eq!(saved(AfterReview, AfterReview), text::SAVED_AFTER_REVIEW);
        assert_eq!(
            saved(AfterConversation, AfterReview),
            text::SAVED_AFTER_REVIEW_RELEASED
        );
        assert_eq!(
            saved(Unknown, AfterReview),
            text::SAVED_AFTER_REVIEW_RELEASED
        );
        assert_eq!(saved(AfterReview, Unknown), text::SAVED_UNKNOWN);
        assert!(text::SAVED_AFTER_REVIEW_RELEASED.contains("held back are now shown"));
        assert!(!text::SAVED_AFTER_REVIEW.contains("held back"));
    }

    #[test]
    fn wire_names_round_trip() {
        for choice in ResultsRelease::CHOICES {
            assert_eq!(from_wire(choice.as_str()), choice);
        }
        assert_eq!(from_wire("when_ready"), Unknown);
        assert_eq!(from_wire(""), Unknown);
    }
}
