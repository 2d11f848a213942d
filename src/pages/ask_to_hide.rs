//! Asking the GP surgery to hide one entry: what happens, an optional note
//! with a live count, and a submission that never claims more than the
//! backend said. The reference is shown on screen only: nothing is sent to
//! an inbox someone else may read.

use crate::api::client;
use crate::components::back_link::BackLink;
use crate::components::error_summary::{ErrorMessage, ErrorSummary, FieldError};
use crate::components::warning_callout::callout;
use crate::content::{account, ask_to_hide as text, record};
use crate::page_meta::use_page_title;
use crate::paths;
use crate::session::use_session;
use crate::submission::Submission;
use crate::submitter::Submitter;
use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use record_access_contract::{Entry, RedactionRequest, REDACTION_NOTE_MAX_CHARS};
use std::time::Duration;

const NOTE: &str = "note";

#[component]
pub fn AskToHide(entry: Entry) -> impl IntoView {
    use_page_title(text::TITLE);
    let session = use_session();
    let submitter = Submitter::new();
    let id = StoredValue::new(entry.id.clone());
    let back = paths::entry(&entry.id);
    // Only being done replaces the form; other changes are the form's own.
    let done = Memo::new(move |_| submitter.reference());
    move || match done.get() {
        Some(reference) => view! {
            <div class="nhsuk-panel">
                <h1 class="nhsuk-panel__heading">{text::DONE_HEADING}</h1>
                <div class="nhsuk-panel__body">
                    {account::REFERENCE}<br /><strong data-testid="reference">{reference}</strong>
                </div>
            </div>
            <p class="nhsuk-body">{text::NEXT_BODY}</p>
            <p class="nhsuk-body"><a href=paths::RECORD>{record::BACK_TO_RECORD}</a></p>
        }
        .into_any(),
        None => view! {
            <BackLink href=back.clone() text=account::BACK />
            <Form title=entry.title.clone() id session submitter />
        }
        .into_any(),
    }
}

#[component]
fn Form(
    title: String,
    id: StoredValue<String>,
    session: crate::session::SessionService,
    submitter: Submitter,
) -> impl IntoView {
    let note = RwSignal::new(String::new());
    let left = Memo::new(move |_| {
        REDACTION_NOTE_MAX_CHARS as i64 - note.with(|n| n.chars().count()) as i64
    });
    // Screen readers hear the count once typing pauses, not every key.
    let spoken = RwSignal::new(text::characters_left(REDACTION_NOTE_MAX_CHARS as i64));
    let pending = StoredValue::new(None::<TimeoutHandle>);
    Effect::new(move |_| {
        let n = left.get();
        if let Some(h) = pending.get_value() {
            h.clear();
        }
        pending.set_value(
            set_timeout_with_handle(
                move || spoken.set(text::characters_left(n)),
                Duration::from_millis(1000),
            )
            .ok(),
        );
    });
    on_cleanup(move || {
        if let Some(h) = pending.get_value() {
            h.clear();
        }
    });
    let (errors, set_errors) = signal(Vec::<FieldError>::new());
    let has_error = move || errors.with(|e| !e.is_empty());
    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        if left.get_untracked() < 0 {
            set_errors.set(vec![(NOTE, text::NOTE_TOO_LONG)]);
            return;
        }
        set_errors.set(Vec::new());
        let request = RedactionRequest {
            entry_id: id.get_value(),
            note: Some(note.get_untracked().trim().to_owned()).filter(|n| !n.is_empty()),
        };
        submitter.submit(move |key| async move {
            let result = client::request_redaction(&key, &request).await;
            if let Err(error) = &result {
                session.handle_error(error);
            }
            result.map(|accepted| accepted.reference)
        });
    };
    let button_label = move || match submitter.state() {
        Submission::Sending { .. } => account::SENDING,
        Submission::Unconfirmed { .. } | Submission::Refused(_) => account::TRY_AGAIN,
        _ => text::SUBMIT,
    };
    view! {
        <ErrorSummary errors />
        <h1>{text::HEADING}</h1>
        <dl class="nhsuk-summary-list">
            <div class="nhsuk-summary-list__row">
                <dt class="nhsuk-summary-list__key">{text::ENTRY}</dt>
                <dd class="nhsuk-summary-list__value">{title}</dd>
            </div>
        </dl>
        {text::WHAT_HAPPENS.map(|p| view! { <p class="nhsuk-body">{p}</p> })}
        {move || match submitter.state() {
            Submission::Unconfirmed { .. } => Some(callout(
                text::NOT_CONFIRMED_HEADING,
                text::NOT_CONFIRMED_BODY.to_owned(),
            ).into_any()),
            Submission::Refused(_) => Some(callout(
                text::REFUSED_HEADING,
                account::REFUSED_BODY.to_owned(),
            ).into_any()),
            _ => None,
        }}
        <form novalidate autocomplete="off" on:submit=on_submit>
            <div class="nhsuk-form-group nhsuk-character-count" class:nhsuk-form-group--error=has_error>
                <label class="nhsuk-label nhsuk-label--s" for=NOTE>{text::NOTE_LABEL}</label>
                <div class="nhsuk-hint" id="note-hint">{text::NOTE_HINT}</div>
                <Show when=has_error>
                    <ErrorMessage id="note-error".to_owned() message=text::NOTE_TOO_LONG />
                </Show>
                <textarea
                    class="nhsuk-textarea"
                    class:nhsuk-textarea--error=move || left.get() < 0
                    id=NOTE
                    name=NOTE
                    rows="5"
                    autocomplete="off"
                    spellcheck="false"
                    aria-describedby=move || if has_error() { "note-hint note-error note-info" } else { "note-hint note-info" }
                    prop:value=move || note.get()
                    on:input=move |ev| {
                        note.set(event_target_value(&ev));
                        submitter.edit();
                    }
                ></textarea>
                <div
                    class="nhsuk-hint nhsuk-character-count__status"
                    class:nhsuk-error-message=move || left.get() < 0
                    aria-hidden="true"
                >
                    {move || text::characters_left(left.get())}
                </div>
                <div class="nhsuk-u-visually-hidden" id="note-info" aria-live="polite">{move || spoken.get()}</div>
            </div>
            <button
                class="nhsuk-button"
                type="submit"
                aria-disabled=move || submitter.is_sending().then_some("true")
            >
                {button_label}
            </button>
            <p class="nhsuk-u-visually-hidden" role="status">
                {move || submitter.is_sending().then_some(account::SENDING)}
            </p>
        </form>
    }
}
