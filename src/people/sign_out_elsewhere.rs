//! "Sign out everywhere else": where it stands, and what the page may say.
//!
//! Sending it again is harmless (the backend ends whatever other sessions
//! there are), so it needs no idempotency key: every press after "we could
//! not confirm" simply sends it again. It is done only on the backend's
//! word; anything else, a refusal included, is "we could not confirm",
//! with a retry.

use crate::api::ApiError;

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum SignOutElsewhere {
    #[default]
    Ready,
    /// On its way: a second press sends nothing.
    Sending,
    /// The backend said every other session has ended.
    Done,
    /// It may or may not have happened: try again.
    Unconfirmed,
}

impl SignOutElsewhere {
    /// The patient pressed the button: whether to send the request now.
    pub fn press(&mut self) -> bool {
        match self {
            SignOutElsewhere::Ready | SignOutElsewhere::Unconfirmed => {
                *self = SignOutElsewhere::Sending;
                true
            }
            SignOutElsewhere::Sending | SignOutElsewhere::Done => false,
        }
    }

    /// The answer to the request. A 401 is the session ending, which the
    /// session service handles for every request; here it is unconfirmed
    /// like any other failure.
    pub fn answer(&mut self, result: &Result<(), ApiError>) {
        if *self != SignOutElsewhere::Sending {
            return;
        }
        *self = match result {
            Ok(()) => SignOutElsewhere::Done,
            Err(_) => SignOutElsewhere::Unconfirmed,
        };
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_press_sends_once_and_done_is_only_the_backends_word() {
        let mut s = SignOutElsewhere::default();
        assert!(s.press());
        assert!(!s.press(), "a double click sends nothing more");
        s.answer(&Ok(()));
        assert_eq!(s, SignOutElsewhere::Done);
        assert!(!s.press());
    }

    #[test]
    fn every_failure_is_unconfirmed_with_a_retry() {
        for error in [
            ApiError::Network,
            ApiError::Timeout,
            ApiError::Status {
                status: 500,
                problem: None,
            },
            ApiError::Status {
                status: 400,
                problem: None,
            },
        ] {
            let mut s = SignOutElsewhere::default();
            s.press();
            s.answer(&Err(error));
            assert_eq!(s, SignOutElsewhere::Unconfirmed);
            assert!(s.press(), "a retry sends again");
            s.answer(&Ok(()));
            assert_eq!(s, SignOutElsewhere::Done);
        }
    }

    #[test]
    fn an_answer_to_nothing_is_ignored() {
        let mut s = SignOutElsewhere::default();
        s.answer(&Ok(()));
        assert_eq!(s, SignOutElsewhere::Ready);
    }
}
