//! What every form that sends something shows of its submission: a submit
//! button that shows progress and cannot send twice, the outcome when it
//! did not simply work, and the confirmation panel with the reference.

use crate::content::{problem, submission as text};
use crate::submission::state::{Refusal, Submission};
use crate::submission::submitter::Submitter;
use leptos::prelude::*;

/// The id of the outcome's callout, for a form that moves focus to it.
pub const OUTCOME: &str = "app-outcome";

/// The headings and sentences a form gives each outcome.
#[derive(Clone, Copy)]
pub struct OutcomeText {
    pub not_confirmed: (&'static str, &'static str),
    pub refused: (&'static str, &'static str),
    /// Done already: the backend sends the earlier reference.
    pub already_done: (&'static str, &'static str),
    /// What it was about is no longer there.
    pub gone: (&'static str, &'static str),
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
                Submission::Unconfirmed { .. } | Submission::Refused(Refusal::Problem) => problem::TRY_AGAIN,
                _ => label,
            }}
        </button>
        <p class="nhsuk-u-visually-hidden" role="status">{move || sending().then_some(text::SENDING)}</p>
    }
}

/// "We could not confirm", a refusal, "it was done already" (with the
/// earlier reference) or "it is no longer there", in a warning callout
/// that screen readers announce when it appears.
#[component]
pub fn SubmissionOutcome(submitter: Submitter, words: OutcomeText) -> impl IntoView {
    move || {
        let (heading, body) = match submitter.state() {
            Submission::Unconfirmed { .. } => {
                (words.not_confirmed.0, words.not_confirmed.1.to_owned())
            }
            Submission::Refused(Refusal::AlreadyDone { reference }) => (
                words.already_done.0,
                match reference {
                    Some(r) => format!("{} {}: {r}.", words.already_done.1, text::REFERENCE),
                    None => words.already_done.1.to_owned(),
                },
            ),
            Submission::Refused(Refusal::Gone) => (words.gone.0, words.gone.1.to_owned()),
            Submission::Refused(_) => (words.refused.0, words.refused.1.to_owned()),
            _ => return None,
        };
        Some(view! {
            <div class="nhsuk-warning-callout" role="alert" id=OUTCOME tabindex="-1">
                <h2 class="nhsuk-warning-callout__label">{heading}</h2>
                <p>{body}</p>
            </div>
        })
    }
}

/// The NHS confirmation panel: what was done, and the backend's reference.
pub fn confirmation_panel(heading: &'static str, reference: String) -> impl IntoView {
    view! {
        <div class="nhsuk-panel">
            <h1 class="nhsuk-panel__heading">{heading}</h1>
            <div class="nhsuk-panel__body">
                {text::REFERENCE}<br /><strong data-testid="reference">{reference}</strong>
            </div>
        </div>
    }
}
