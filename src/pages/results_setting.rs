//! When new test results appear: after the GP surgery has reviewed them,
//! or only after someone there has talked to the patient about them. The
//! page shows no record content: it stands behind sign-in only, and works
//! with the patient's own access turned off (the setting also covers
//! anyone with proxy access).
//!
//! The stored choice is loaded first and never guessed: while it loads or
//! when it could not be loaded, no choice is offered. Saving follows the
//! rules of turning off access (one key an attempt, "we could not confirm"
//! with a retry on the same key, success only on the backend's word); the
//! session goes on afterwards.

use crate::api::client;
use crate::components::error_summary::{
    described_by, group_class, ErrorMessage, ErrorSummary, FieldError,
};
use crate::components::{
    back_link::BackLink,
    load_failed::{load_list, LoadFailed},
    loading::Loading,
    record_gate::RecordGate,
};
use crate::content::{results_setting as text, submission};
use crate::page_meta::{focus_when_shown, use_page_title};
use crate::pages::people::HelplinesLink;
use crate::results_setting::{from_wire, marked, saved, to_send, warns_of_release};
use crate::routing::paths;
use crate::submission::form::{OutcomeText, SubmissionOutcome, SubmitButton, OUTCOME};
use crate::submission::submitter::{Request, Submitter};
use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use record_access_contract::ResultsRelease;

const OUTCOMES: OutcomeText = OutcomeText {
    not_confirmed: (text::NOT_CONFIRMED_HEADING, text::NOT_CONFIRMED_BODY),
    refused: (text::REFUSED_HEADING, submission::REFUSED_BODY),
    already_done: (text::REFUSED_HEADING, submission::REFUSED_BODY),
    gone: (text::REFUSED_HEADING, text::GONE_BODY),
};

/// The id of the first choice, where the error summary sends focus.
const FIRST_CHOICE: &str = "results-after_review";
/// The sentence under the first choice while results are held back.
const RELEASES_HELD: &str = "results-releases-held";

#[component]
pub fn ResultsSetting() -> impl IntoView {
    view! {
        <RecordGate warning=false access=false>
            <SettingPage />
        </RecordGate>
    }
}

#[component]
fn SettingPage() -> impl IntoView {
    use_page_title(text::TITLE);
    let (loaded, load) = load_list(client::preferences);
    let retry = Callback::new(move |()| load());
    view! {
        <BackLink href=paths::HOME.to_owned() text=submission::BACK />
        {move || match loaded.get() {
            None => view! { <h1>{text::HEADING}</h1><Loading /> }.into_any(),
            Some(Err(error)) => view! {
                <h1>{text::HEADING}</h1>
                <LoadFailed error retry heading=text::LOAD_FAILED_HEADING />
            }
            .into_any(),
            Some(Ok(preferences)) => view! { <Form stored=preferences.results_release /> }.into_any(),
        }}
        <HelplinesLink />
    }
}

#[component]
fn Form(stored: ResultsRelease) -> impl IntoView {
    let submitter = Submitter::new();
    // What the backend holds: changes once it has saved something else.
    let stored = RwSignal::new(stored);
    let chosen = RwSignal::new(marked(stored.get_untracked()));
    // What the patient is told once saved, until they change their choice.
    let said = RwSignal::new(None::<&'static str>);
    let (errors, set_errors) = signal(Vec::<FieldError>::new());

    Effect::new(move |_| {
        if let Some(name) = submitter.reference() {
            let now = from_wire(&name);
            said.set(Some(saved(stored.get_untracked(), now)));
            stored.set(now);
            focus_when_shown(OUTCOME);
        }
    });

    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        match to_send(chosen.get_untracked()) {
            Some(body) => {
                set_errors.set(Vec::new());
                submitter.submit(Request::SetPreferences(body));
            }
            None => set_errors.set(vec![(FIRST_CHOICE, text::CHOOSE_ERROR)]),
        }
    };
    let option = move |choice: ResultsRelease, label: &'static str, hint: &'static str| {
        let id = format!("results-{}", choice.as_str());
        let hint_id = format!("{id}-hint");
        let first = choice == ResultsRelease::AfterReview;
        let warned = move || first && warns_of_release(stored.get());
        let describedby = {
            let hint_id = hint_id.clone();
            move || match warned() {
                true => format!("{hint_id} {RELEASES_HELD}"),
                false => hint_id.clone(),
            }
        };
        view! {
            <div class="nhsuk-radios__item">
                <input
                    class="nhsuk-radios__input"
                    id=id.clone()
                    name="results_release"
                    type="radio"
                    value=choice.as_str()
                    aria-describedby=describedby
                    checked=chosen.get_untracked() == Some(choice)
                    on:change=move |_| {
                        chosen.set(Some(choice));
                        said.set(None);
                        submitter.start_over();
                    }
                />
                <label class="nhsuk-label nhsuk-radios__label" for=id>{label}</label>
                <div class="nhsuk-hint nhsuk-radios__hint" id=hint_id>{hint}</div>
            </div>
            {move || warned().then(|| view! {
                <div class="nhsuk-radios__conditional" id=RELEASES_HELD>
                    <p class="nhsuk-body">{text::RELEASES_HELD}</p>
                </div>
            })}
        }
    };
    view! {
        <ErrorSummary errors />
        {move || said.get().map(|sentence| view! {
            <div
                class="nhsuk-notification-banner nhsuk-notification-banner--success"
                role="alert"
                aria-labelledby="app-outcome-title"
                id=OUTCOME
                tabindex="-1"
            >
                <div class="nhsuk-notification-banner__header">
                    <h2 class="nhsuk-notification-banner__title" id="app-outcome-title">{text::SAVED_TITLE}</h2>
                </div>
                <div class="nhsuk-notification-banner__content">
                    <p class="nhsuk-notification-banner__heading" data-testid="saved">{sentence}</p>
                </div>
            </div>
        })}
        <SubmissionOutcome submitter words=OUTCOMES />
        <form novalidate autocomplete="off" on:submit=on_submit>
            <div class=group_class(errors, FIRST_CHOICE)>
                <fieldset class="nhsuk-fieldset" aria-describedby=described_by(errors, FIRST_CHOICE, "")>
                    <legend class="nhsuk-fieldset__legend nhsuk-fieldset__legend--l">
                        <h1 class="nhsuk-fieldset__heading">{text::HEADING}</h1>
                    </legend>
                    <ErrorMessage errors field=FIRST_CHOICE />
                    <div class="nhsuk-radios">
                        {option(ResultsRelease::AfterReview, text::AFTER_REVIEW, text::AFTER_REVIEW_HINT)}
                        {option(ResultsRelease::AfterConversation, text::AFTER_CONVERSATION, text::AFTER_CONVERSATION_HINT)}
                    </div>
                </fieldset>
            </div>
            <SubmitButton submitter label=text::SAVE class="nhsuk-button" />
        </form>
    }
}
