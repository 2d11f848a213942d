//! Asking the GP surgery to hide one entry: what happens, an optional note
//! with a live count, and a submission that never claims more than the
//! backend said. The reference is shown on screen only: nothing is sent to
//! an inbox someone else may read.

use crate::components::back_link::BackLink;
use crate::components::error_summary::{
    described_by, group_class, ErrorMessage, ErrorSummary, FieldError,
};
use crate::content::{ask_to_hide as text, record, submission};
use crate::dates;
use crate::page_meta::use_page_title;
use crate::routing::paths;
use crate::submission::form::{confirmation_panel, OutcomeText, SubmissionOutcome, SubmitButton};
use crate::submission::submitter::{Request, Submitter};
use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use record_access_contract::{Entry, RedactionRequest, REDACTION_NOTE_MAX_CHARS};
use std::time::Duration;

const NOTE: &str = "note";

const OUTCOMES: OutcomeText = OutcomeText {
    not_confirmed: (text::NOT_CONFIRMED_HEADING, text::NOT_CONFIRMED_BODY),
    refused: (text::REFUSED_HEADING, submission::REFUSED_BODY),
    already_done: (text::REFUSED_HEADING, submission::REFUSED_BODY),
    gone: (text::REFUSED_HEADING, submission::REFUSED_BODY),
};

#[component]
pub fn AskToHide(
    entry: Entry,
    /// A new result not opened yet: named by its date only.
    #[prop(optional)]
    unopened: bool,
) -> impl IntoView {
    use_page_title(text::TITLE);
    let submitter = Submitter::new();
    let id = StoredValue::new(entry.id.clone());
    let back = paths::entry(&entry.id);
    let title = if unopened {
        let date = dates::long_date_recorded(&entry.recorded_on).unwrap_or_default();
        text::unopened_entry(&date)
    } else {
        entry.title.clone()
    };
    // Only being done replaces the form; other changes are the form's own.
    let done = Memo::new(move |_| submitter.reference());
    move || match done.get() {
        Some(reference) => view! {
            {confirmation_panel(text::DONE_HEADING, reference)}
            <p class="nhsuk-body">{text::NEXT_BODY}</p>
            <p class="nhsuk-body"><a href=paths::RECORD>{record::BACK_TO_RECORD}</a></p>
        }
        .into_any(),
        None => view! {
            <BackLink href=back.clone() text=submission::BACK />
            <Form title=title.clone() id submitter />
        }
        .into_any(),
    }
}

#[component]
fn Form(title: String, id: StoredValue<String>, submitter: Submitter) -> impl IntoView {
    let note = StoredValue::new(String::new());
    let left = RwSignal::new(REDACTION_NOTE_MAX_CHARS as i64);
    // Screen readers hear the count once typing pauses, not every key.
    let spoken = RwSignal::new(text::characters_left(REDACTION_NOTE_MAX_CHARS as i64));
    let pending = StoredValue::new(None::<TimeoutHandle>);
    let on_input = move |ev: leptos::ev::Event| {
        let value = event_target_value(&ev);
        let n = REDACTION_NOTE_MAX_CHARS as i64 - value.chars().count() as i64;
        note.set_value(value);
        left.set(n);
        submitter.edit();
        if let Some(h) = pending.get_value() {
            h.clear();
        }
        let speak = move || {
            // The form may be gone by then.
            let _ = spoken.try_set(text::characters_left(n));
        };
        pending.set_value(set_timeout_with_handle(speak, Duration::from_millis(1000)).ok());
    };
    let (errors, set_errors) = signal(Vec::<FieldError>::new());
    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        if left.get_untracked() < 0 {
            set_errors.set(vec![(NOTE, text::NOTE_TOO_LONG)]);
            return;
        }
        set_errors.set(Vec::new());
        submitter.submit(Request::Hide(RedactionRequest {
            entry_id: id.get_value(),
            note: Some(note.with_value(|n| n.trim().to_owned())).filter(|n| !n.is_empty()),
        }));
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
        <SubmissionOutcome submitter words=OUTCOMES />
        <form novalidate autocomplete="off" on:submit=on_submit>
            <div class=group_class(errors, NOTE)>
                <label class="nhsuk-label nhsuk-label--s" for=NOTE>{text::NOTE_LABEL}</label>
                <div class="nhsuk-hint" id="note-hint">{text::NOTE_HINT}</div>
                <ErrorMessage errors field=NOTE />
                // Over the limit, the textarea and the count turn to the
                // error colour (style/_app.scss), as the NHS character
                // count does.
                <div class=move || if left.get() < 0 { "app-note app-note--over" } else { "app-note" }>
                    <textarea
                        class="nhsuk-textarea"
                        id=NOTE
                        name=NOTE
                        rows="5"
                        autocomplete="off"
                        spellcheck="false"
                        aria-describedby=described_by(errors, NOTE, "note-hint note-info")
                        on:input=on_input
                    ></textarea>
                    <div class="nhsuk-hint nhsuk-character-count__status" aria-hidden="true">
                        {move || text::characters_left(left.get())}
                    </div>
                </div>
                <div class="nhsuk-u-visually-hidden" id="note-info" aria-live="polite">{move || spoken.get()}</div>
            </div>
            <SubmitButton submitter label=text::SUBMIT class="nhsuk-button" />
        </form>
    }
}
