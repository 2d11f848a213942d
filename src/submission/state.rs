//! Sending something that must happen once and whose outcome the patient
//! must be told truthfully: turning off access, asking for an entry to be
//! hidden, asking for someone's proxy access to be removed.
//!
//! One attempt gets an idempotency key when the patient confirms; every
//! retry of that attempt sends the same key, so the backend applies it at
//! most once. A second press while a request is on its way sends nothing.
//! Success is shown only when the backend said so; a timeout or a dropped
//! connection is "we could not confirm", never "done" and never "failed".
//! Answers to an earlier attempt (another key) are ignored.

use crate::api::ApiError;
use record_access_contract::codes;

/// Where a submission stands.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub enum Submission {
    /// Nothing sent for the answers on screen.
    #[default]
    Ready,
    /// A request with this key is on its way.
    Sending { key: String },
    /// The request with this key may or may not have been applied: try
    /// again with the same key.
    Unconfirmed { key: String },
    /// The backend refused it; the patient can change their answers or
    /// try again as a new attempt.
    Refused(Refusal),
    /// Done: the backend's reference.
    Done { reference: String },
}

/// Why the backend refused a submission, in the terms the page explains.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    /// It had been done already, with this earlier reference (409
    /// `already_disabled`, or `already_requested` for removing someone's
    /// access).
    AlreadyDone { reference: Option<String> },
    /// What it was about is no longer there (404): the entry, or the
    /// person's proxy access.
    Gone,
    /// The confirmation was missing (422 `not_confirmed`).
    NotConfirmed,
    /// Any other problem (400, 409 `key_reused`, 5xx).
    Problem,
}

/// What came back for a request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    Success {
        reference: String,
    },
    /// Timeout or network failure: the request may have been applied.
    NoAnswer,
    Refused(Refusal),
}

impl Submission {
    /// The patient confirms (or, after a refusal, confirms again). Returns
    /// the key to send with, or `None` when nothing is to be sent (a
    /// request is already on its way, or it is done). After "we could not
    /// confirm", confirming again is a retry with the same key.
    pub fn confirm(&mut self, new_key: impl FnOnce() -> String) -> Option<String> {
        let key = match self {
            Submission::Ready | Submission::Refused(_) => new_key(),
            Submission::Unconfirmed { key } => key.clone(),
            Submission::Sending { .. } | Submission::Done { .. } => return None,
        };
        *self = Submission::Sending { key: key.clone() };
        Some(key)
    }

    /// An answer for the request sent with `key`. Answers for another key
    /// are ignored. A success counts even after "we could not confirm" was
    /// shown: the backend applied it.
    pub fn answer(&mut self, key: &str, outcome: Outcome) {
        let current = match self {
            Submission::Sending { key } | Submission::Unconfirmed { key } => key.as_str(),
            _ => return,
        };
        if current != key {
            return;
        }
        let waiting = matches!(self, Submission::Sending { .. });
        *self = match outcome {
            Outcome::Success { reference } => Submission::Done { reference },
            Outcome::NoAnswer => Submission::Unconfirmed {
                key: key.to_owned(),
            },
            // A late refusal after "could not confirm" changes nothing:
            // the retry with the same key will say what happened.
            Outcome::Refused(_) if !waiting => return,
            Outcome::Refused(refusal) => Submission::Refused(refusal),
        };
    }

    /// The patient changed their answers: a new attempt, with a new key.
    /// Not while a request is on its way, and not once done.
    pub fn edit(&mut self) {
        if !matches!(self, Submission::Sending { .. } | Submission::Done { .. }) {
            *self = Submission::Ready;
        }
    }

    /// The patient changed a setting that can be saved any number of
    /// times: a new attempt, with a new key, even once done (unlike
    /// [`Submission::edit`], as saving a setting twice does no harm). Not
    /// while a request is on its way.
    pub fn start_over(&mut self) {
        if !self.is_sending() {
            *self = Submission::Ready;
        }
    }

    /// Whether the submit button shows progress and cannot be pressed.
    pub fn is_sending(&self) -> bool {
        matches!(self, Submission::Sending { .. })
    }
}

/// What a request's result means for the submission. `Ok` holds the
/// backend's reference.
///
/// Only a 2xx with a readable reference is success. Anything that leaves
/// the outcome open (no answer, a body that could not be read, a 5xx, which
/// a proxy may send after the backend acted) is "could not confirm": the
/// retry with the same key is always safe.
pub fn outcome(result: Result<String, ApiError>) -> Outcome {
    let error = match result {
        Ok(reference) => return Outcome::Success { reference },
        Err(error) => error,
    };
    if error.is_retryable() {
        return Outcome::NoAnswer;
    }
    if matches!(error, ApiError::NotFound(_)) {
        return Outcome::Refused(Refusal::Gone);
    }
    Outcome::Refused(match error.code() {
        codes::ALREADY_DISABLED | codes::ALREADY_REQUESTED => Refusal::AlreadyDone {
            reference: error.problem().and_then(|p| p.reference.clone()),
        },
        codes::NOT_CONFIRMED => Refusal::NotConfirmed,
        _ => Refusal::Problem,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use record_access_contract::Problem;

    fn problem(status: u16, code: &str, reference: Option<&str>) -> Option<Box<Problem>> {
        Some(Box::new(Problem {
            problem_type: "about:blank".into(),
            title: String::new(),
            status,
            detail: None,
            code: code.into(),
            reference: reference.map(Into::into),
        }))
    }

    #[test]
    fn results_read_as_outcomes() {
        assert_eq!(outcome(Ok("RA-1".into())), done("RA-1"));
        for open in [
            ApiError::Network,
            ApiError::Timeout,
            ApiError::Undecodable {
                status: 200,
                raw: String::new(),
            },
            ApiError::Status {
                status: 500,
                problem: problem(500, "internal_error", None),
            },
            ApiError::Status {
                status: 502,
                problem: None,
            },
        ] {
            assert_eq!(outcome(Err(open.clone())), Outcome::NoAnswer, "{open}");
        }
        assert_eq!(
            outcome(Err(ApiError::Conflict(problem(
                409,
                "already_disabled",
                Some("RA-0")
            )))),
            Outcome::Refused(Refusal::AlreadyDone {
                reference: Some("RA-0".into())
            })
        );
        assert_eq!(
            outcome(Err(ApiError::Status {
                status: 422,
                problem: problem(422, "not_confirmed", None)
            })),
            Outcome::Refused(Refusal::NotConfirmed)
        );
        assert_eq!(
            outcome(Err(ApiError::Conflict(problem(
                409,
                "already_requested",
                Some("RA-3F8QW2LT")
            )))),
            Outcome::Refused(Refusal::AlreadyDone {
                reference: Some("RA-3F8QW2LT".into())
            })
        );
        for gone in [
            ApiError::NotFound(None),
            ApiError::NotFound(problem(404, "not_found", None)),
        ] {
            assert_eq!(outcome(Err(gone)), Outcome::Refused(Refusal::Gone));
        }
        for refused in [
            ApiError::Conflict(problem(409, "key_reused", None)),
            ApiError::Status {
                status: 400,
                problem: None,
            },
            ApiError::SignedOut,
        ] {
            assert_eq!(
                outcome(Err(refused.clone())),
                Outcome::Refused(Refusal::Problem),
                "{refused}"
            );
        }
    }

    fn keys() -> impl FnMut() -> String {
        let mut n = 0;
        move || {
            n += 1;
            format!("key-{n}")
        }
    }

    fn done(reference: &str) -> Outcome {
        Outcome::Success {
            reference: reference.into(),
        }
    }

    #[test]
    fn confirming_sends_once_with_a_new_key() {
        let mut next = keys();
        let mut s = Submission::default();
        assert_eq!(s.confirm(&mut next), Some("key-1".into()));
        assert!(s.is_sending());
        // A double click: nothing more is sent.
        assert_eq!(s.confirm(&mut next), None);
        s.answer("key-1", done("RA-1"));
        assert_eq!(
            s,
            Submission::Done {
                reference: "RA-1".into()
            }
        );
        assert_eq!(s.confirm(&mut next), None, "done is done");
    }

    #[test]
    fn no_answer_is_unconfirmed_and_a_retry_reuses_the_key() {
        let mut next = keys();
        let mut s = Submission::default();
        let key = s.confirm(&mut next).unwrap();
        s.answer(&key, Outcome::NoAnswer);
        assert_eq!(s, Submission::Unconfirmed { key: key.clone() });
        assert!(!s.is_sending());
        assert_eq!(s.confirm(&mut next), Some(key.clone()), "the same key");
        s.answer(&key, done("RA-1"));
        assert!(matches!(s, Submission::Done { .. }));
    }

    #[test]
    fn a_success_after_could_not_confirm_still_counts() {
        let mut next = keys();
        let mut s = Submission::default();
        let key = s.confirm(&mut next).unwrap();
        s.answer(&key, Outcome::NoAnswer);
        s.answer(&key, done("RA-9"));
        assert_eq!(
            s,
            Submission::Done {
                reference: "RA-9".into()
            }
        );
    }

    #[test]
    fn a_late_refusal_after_could_not_confirm_changes_nothing() {
        let mut next = keys();
        let mut s = Submission::default();
        let key = s.confirm(&mut next).unwrap();
        s.answer(&key, Outcome::NoAnswer);
        s.answer(&key, Outcome::Refused(Refusal::Problem));
        assert_eq!(s, Submission::Unconfirmed { key });
    }

    #[test]
    fn answers_for_another_attempt_are_ignored() {
        let mut next = keys();
        let mut s = Submission::default();
        let first = s.confirm(&mut next).unwrap();
        s.answer(&first, Outcome::Refused(Refusal::Problem));
        let second = s.confirm(&mut next).unwrap();
        assert_ne!(first, second, "a refusal ends the attempt");
        s.answer(&first, done("RA-OLD"));
        assert_eq!(s, Submission::Sending { key: second });
    }

    #[test]
    fn refusals_say_why() {
        let mut next = keys();
        for refusal in [
            Refusal::NotConfirmed,
            Refusal::Problem,
            Refusal::Gone,
            Refusal::AlreadyDone {
                reference: Some("RA-7".into()),
            },
        ] {
            let mut s = Submission::default();
            let key = s.confirm(&mut next).unwrap();
            s.answer(&key, Outcome::Refused(refusal.clone()));
            assert_eq!(s, Submission::Refused(refusal));
        }
    }

    #[test]
    fn editing_starts_a_new_attempt_but_not_mid_flight() {
        let mut next = keys();
        let mut s = Submission::default();
        let key = s.confirm(&mut next).unwrap();
        s.edit();
        assert!(s.is_sending(), "a request on its way is not forgotten");
        s.answer(&key, Outcome::NoAnswer);
        s.edit();
        assert_eq!(s, Submission::Ready);
        assert_eq!(s.confirm(&mut next), Some("key-2".into()));
        s.answer("key-2", done("RA-2"));
        s.edit();
        assert!(matches!(s, Submission::Done { .. }));
    }

    #[test]
    fn a_setting_changed_after_saving_is_a_new_attempt_but_not_mid_flight() {
        let mut next = keys();
        let mut s = Submission::default();
        let key = s.confirm(&mut next).unwrap();
        s.start_over();
        assert!(s.is_sending(), "a request on its way is not forgotten");
        s.answer(&key, done("after_review"));
        assert_eq!(s.confirm(&mut next), None, "saved: nothing more to send");
        s.start_over();
        assert_eq!(s, Submission::Ready);
        assert_eq!(s.confirm(&mut next), Some("key-2".into()), "a new key");
        s.answer("key-2", Outcome::NoAnswer);
        s.start_over();
        assert_eq!(s.confirm(&mut next), Some("key-3".into()));
    }

    #[test]
    fn nothing_but_a_confirmation_sends() {
        let mut s = Submission::default();
        s.answer("key-1", done("RA-1"));
        assert_eq!(s, Submission::Ready, "an answer to nothing is ignored");
    }
}
