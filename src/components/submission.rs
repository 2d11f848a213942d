//! What every form that sends something shows of its submission: a submit
//! button that shows progress and cannot send twice, and the outcome when
//! it did not simply work.

use crate::components::warning_callout::callout;
use crate::content::account as text;
use crate::submission::{Refusal, Submission};
use crate::submitter::Submitter;
use leptos::prelude::*;

/// The headings and sentences a form gives each outcome.
#[derive(Clone, Copy)]
pub struct OutcomeText {
    pub not_confirmed: (&'static str, &'static str),
    pub refused: (&'static str, &'static str),
}

/// The submit button. While a request is on its way it says so, is marked
/// `aria-disabled` (it keeps focus, unlike `disabled`) and sends nothing
/// more; after "could not confirm" or a refusal it reads "Try again".
#[component]
pub fn SubmitButton(
    submitter: Submitter,
    label: &'static str,
    class: &'static str,
) -> impl IntoView {
    let sending = move || submitter.is_sending();
    view! {
        <button class=class type="submit" aria-disabled=move || sending().then_some("true")>
            {move || match submitter.state() {
                Submission::Sending { .. } => text::SENDING,
                Submission::Unconfirmed { .. } | Submission::Refused(Refusal::Problem) => text::TRY_AGAIN,
                _ => label,
            }}
        </button>
        <p class="nhsuk-u-visually-hidden" role="status">{move || sending().then_some(text::SENDING)}</p>
    }
}

/// "We could not confirm", a refusal, or "it was done already".
#[component]
pub fn SubmissionOutcome(submitter: Submitter, words: OutcomeText) -> impl IntoView {
    move || {
        let (heading, body) = match submitter.state() {
            Submission::Unconfirmed { .. } => {
                (words.not_confirmed.0, words.not_confirmed.1.to_owned())
            }
            Submission::Refused(Refusal::AlreadyDone { reference }) => (
                text::ALREADY_DONE_HEADING,
                match reference {
                    Some(r) => format!("{} {}: {r}.", text::ALREADY_DONE_BODY, text::REFERENCE),
                    None => text::ALREADY_DONE_BODY.to_owned(),
                },
            ),
            Submission::Refused(_) => (words.refused.0, words.refused.1.to_owned()),
            _ => return None,
        };
        Some(callout(heading, body))
    }
}
