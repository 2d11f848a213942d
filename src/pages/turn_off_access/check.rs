//! Step 3: check the answer, confirm with a checkbox, and send. The
//! outcome is said exactly as the backend gave it: done (then the session
//! ends and the patient sees the reference), "could not confirm" with a
//! retry that cannot turn anything off twice, or a refusal.

use crate::components::back_link::BackLink;
use crate::components::error_summary::{
    described_by, group_class, ErrorMessage, ErrorSummary, FieldError,
};
use crate::content::{account as text, submission};
use crate::page_meta::use_page_title;
use crate::routing::paths;
use crate::routing::router::use_router;
use crate::session::use_session;
use crate::submission::form::{OutcomeText, SubmissionOutcome, SubmitButton};
use crate::submission::state::{Refusal, Submission};
use crate::submission::submitter::{Request, Submitter};
use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use record_access_contract::{DisableRequest, DisableScope};

const CONFIRM: &str = "confirm";

const OUTCOMES: OutcomeText = OutcomeText {
    not_confirmed: (text::NOT_CONFIRMED_HEADING, text::NOT_CONFIRMED_BODY),
    refused: (text::REFUSED_HEADING, submission::REFUSED_BODY),
    already_done: (text::ALREADY_DONE_HEADING, text::ALREADY_DONE_BODY),
    gone: (text::REFUSED_HEADING, submission::REFUSED_BODY),
};

#[component]
pub fn Check(scope: DisableScope) -> impl IntoView {
    use_page_title(text::TITLE_CHECK);
    let router = use_router();
    let session = use_session();
    let submitter = Submitter::new();
    let confirmed = StoredValue::new(false);
    let (errors, set_errors) = signal(Vec::<FieldError>::new());
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
        if !confirmed.get_value() {
            set_errors.set(vec![(CONFIRM, text::CONFIRM_ERROR)]);
            return;
        }
        set_errors.set(Vec::new());
        submitter.submit(Request::TurnOff(DisableRequest {
            scope,
            confirmed: true,
        }));
    };
    let (confirm_label, submit_label) = match scope {
        DisableScope::RecordAccess => (text::CONFIRM_RECORD_ACCESS, text::SUBMIT_RECORD_ACCESS),
        DisableScope::NhsLogin => (text::CONFIRM_NHS_LOGIN, text::SUBMIT_NHS_LOGIN),
    };
    view! {
        <BackLink href=change.clone() text=submission::BACK replace=true />
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
        <SubmissionOutcome submitter words=OUTCOMES />
        <form novalidate autocomplete="off" on:submit=on_submit>
            <div class=group_class(errors, CONFIRM)>
                <fieldset class="nhsuk-fieldset" aria-describedby=described_by(errors, CONFIRM, "")>
                    <legend class="nhsuk-fieldset__legend nhsuk-fieldset__legend--m">
                        <h2 class="nhsuk-fieldset__heading">{text::CONFIRM_LEGEND}</h2>
                    </legend>
                    <ErrorMessage errors field=CONFIRM />
                    <div class="nhsuk-checkboxes">
                        <div class="nhsuk-checkboxes__item">
                            <input
                                class="nhsuk-checkboxes__input"
                                id=CONFIRM
                                name=CONFIRM
                                type="checkbox"
                                on:change=move |ev| confirmed.set_value(event_target_checked(&ev))
                            />
                            <label class="nhsuk-label nhsuk-checkboxes__label" for=CONFIRM>
                                {confirm_label}
                            </label>
                        </div>
                    </div>
                </fieldset>
            </div>
            <SubmitButton submitter label=submit_label class="nhsuk-button nhsuk-button--warning" />
        </form>
    }
}
