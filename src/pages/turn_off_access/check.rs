//! Step 3: check the answer, confirm with a checkbox, and send. The
//! outcome is said exactly as the backend gave it: done (then the session
//! ends and the patient sees the reference), "could not confirm" with a
//! retry that cannot turn anything off twice, or a refusal.

use crate::api::client;
use crate::components::back_link::BackLink;
use crate::components::error_summary::{ErrorMessage, ErrorSummary, FieldError};
use crate::components::warning_callout::callout;
use crate::content::account as text;
use crate::page_meta::use_page_title;
use crate::paths;
use crate::router::use_router;
use crate::session::use_session;
use crate::submission::{Refusal, Submission};
use crate::submitter::Submitter;
use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use record_access_contract::{DisableRequest, DisableScope};

const CONFIRM: &str = "confirm";

#[component]
pub fn Check(scope: DisableScope) -> impl IntoView {
    use_page_title(text::TITLE_CHECK);
    let router = use_router();
    let session = use_session();
    let submitter = Submitter::new();
    let confirmed = RwSignal::new(false);
    let (errors, set_errors) = signal(Vec::<FieldError>::new());
    let has_error = move || errors.with(|e| !e.is_empty());
    let change = paths::account_step(paths::ACCOUNT_CHOOSE, Some(scope));

    // Done: show the reference on the last step, then end the session here
    // and at the backend, dropping everything held.
    Effect::new(move |_| match submitter.state() {
        Submission::Done { reference } => {
            router.navigate(&paths::account_done(scope, &reference), true);
            session.end_after_turning_off();
        }
        Submission::Refused(Refusal::NotConfirmed) => {
            set_errors.set(vec![(CONFIRM, text::CONFIRM_ERROR)]);
        }
        _ => {}
    });

    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        if !confirmed.get_untracked() {
            set_errors.set(vec![(CONFIRM, text::CONFIRM_ERROR)]);
            return;
        }
        set_errors.set(Vec::new());
        submitter.submit(move |key| async move {
            let request = DisableRequest {
                scope,
                confirmed: true,
            };
            let result = client::disable_access(&key, &request).await;
            if let Err(error) = &result {
                session.handle_error(error);
            }
            result.map(|done| done.reference)
        });
    };
    let (confirm_label, submit_label) = match scope {
        DisableScope::RecordAccess => (text::CONFIRM_RECORD_ACCESS, text::SUBMIT_RECORD_ACCESS),
        DisableScope::NhsLogin => (text::CONFIRM_NHS_LOGIN, text::SUBMIT_NHS_LOGIN),
    };
    let button_label = move || match submitter.state() {
        Submission::Sending { .. } => text::SENDING,
        Submission::Unconfirmed { .. } | Submission::Refused(Refusal::Problem) => text::TRY_AGAIN,
        _ => submit_label,
    };
    view! {
        <BackLink href=change.clone() text=text::BACK replace=true />
        <ErrorSummary errors />
        <h1>{text::CHECK_HEADING}</h1>
        <dl class="nhsuk-summary-list">
            <div class="nhsuk-summary-list__row">
                <dt class="nhsuk-summary-list__key">{text::CHECK_KEY}</dt>
                <dd class="nhsuk-summary-list__value">{text::choice(scope)}</dd>
                <dd class="nhsuk-summary-list__actions">
                    <a href=change data-replace="">
                        {text::CHANGE}
                        <span class="nhsuk-u-visually-hidden">{text::CHANGE_HIDDEN}</span>
                    </a>
                </dd>
            </div>
        </dl>
        <Outcome submitter />
        <form novalidate autocomplete="off" on:submit=on_submit>
            <div class="nhsuk-form-group" class:nhsuk-form-group--error=has_error>
                <fieldset
                    class="nhsuk-fieldset"
                    aria-describedby=move || has_error().then_some("confirm-error")
                >
                    <legend class="nhsuk-fieldset__legend nhsuk-fieldset__legend--m">
                        <h2 class="nhsuk-fieldset__heading">{text::CONFIRM_LEGEND}</h2>
                    </legend>
                    <Show when=has_error>
                        <ErrorMessage id="confirm-error".to_owned() message=text::CONFIRM_ERROR />
                    </Show>
                    <div class="nhsuk-checkboxes">
                        <div class="nhsuk-checkboxes__item">
                            <input
                                class="nhsuk-checkboxes__input"
                                id=CONFIRM
                                name=CONFIRM
                                type="checkbox"
                                prop:checked=move || confirmed.get()
                                on:change=move |ev| confirmed.set(event_target_checked(&ev))
                            />
                            <label class="nhsuk-label nhsuk-checkboxes__label" for=CONFIRM>
                                {confirm_label}
                            </label>
                        </div>
                    </div>
                </fieldset>
            </div>
            <button
                class="nhsuk-button nhsuk-button--warning"
                type="submit"
                aria-disabled=move || submitter.is_sending().then_some("true")
            >
                {button_label}
            </button>
            <p class="nhsuk-u-visually-hidden" role="status">
                {move || submitter.is_sending().then_some(text::SENDING)}
            </p>
        </form>
    }
}

/// What happened to the last attempt, when it did not simply work.
#[component]
fn Outcome(submitter: Submitter) -> impl IntoView {
    move || match submitter.state() {
        Submission::Unconfirmed { .. } => Some(callout(
            text::NOT_CONFIRMED_HEADING,
            text::NOT_CONFIRMED_BODY.to_owned(),
        )),
        Submission::Refused(Refusal::Problem) => Some(callout(
            text::REFUSED_HEADING,
            text::REFUSED_BODY.to_owned(),
        )),
        Submission::Refused(Refusal::AlreadyDone { reference }) => Some(callout(
            text::ALREADY_DONE_HEADING,
            match reference {
                Some(r) => format!("{} {}: {r}.", text::ALREADY_DONE_BODY, text::REFERENCE),
                None => text::ALREADY_DONE_BODY.to_owned(),
            },
        )),
        _ => None,
    }
}
