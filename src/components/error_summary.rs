//! The NHS error summary, and the pieces of a form field that show its
//! error: the message beside it, the group's error class and the
//! `aria-describedby` that reads the message with the field.
//!
//! Focus moves to the summary whenever the patient submits answers with an
//! error, so that screen-reader and keyboard users hear it first. Every
//! form shares these components and closures, so their code is in the app
//! once, not once a form.

use crate::content::error_summary as text;
use crate::page_meta::focus_when_shown;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// One error: the id of the field it is about, and the message.
pub type FieldError = (&'static str, &'static str);

/// The errors of a form, as the patient last submitted it.
pub type Errors = ReadSignal<Vec<FieldError>>;

const SUMMARY: &str = "app-error-summary";

/// Shown while `errors` is not empty. Every change to `errors` (each
/// submit that fails, even with the same errors) moves focus to it.
#[component]
pub fn ErrorSummary(errors: Errors) -> impl IntoView {
    Effect::new(move |_| {
        if errors.with(|e| !e.is_empty()) {
            focus_when_shown(SUMMARY);
        }
    });
    move || {
        errors.with(|e| !e.is_empty()).then(|| {
            view! {
                <div class="nhsuk-error-summary" id=SUMMARY tabindex="-1">
                    <div role="alert">
                        <h2 class="nhsuk-error-summary__heading">{text::HEADING}</h2>
                        <div class="nhsuk-error-summary__body">
                            <ul class="nhsuk-list nhsuk-error-summary__list">
                                {errors.get().into_iter().map(|(field, message)| view! {
                                    <li>
                                        <a href=format!("#{field}") on:click=move |ev| {
                                            ev.prevent_default();
                                            focus_field(field);
                                        }>{message}</a>
                                    </li>
                                }).collect_view()}
                            </ul>
                        </div>
                    </div>
                </div>
            }
        })
    }
}

/// Focuses a field with its label or legend scrolled into view too, only
/// as far as needed: a question already on screen stays where it is,
/// rather than jumping to the top under the exit button.
fn focus_field(id: &str) {
    let Some(el) = document()
        .get_element_by_id(id)
        .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok())
    else {
        return;
    };
    let Some(group) = el.closest("fieldset, .nhsuk-form-group").ok().flatten() else {
        let _ = el.focus();
        return;
    };
    let focus = web_sys::FocusOptions::new();
    focus.set_prevent_scroll(true);
    let _ = el.focus_with_options(&focus);
    let scroll = web_sys::ScrollIntoViewOptions::new();
    scroll.set_block(web_sys::ScrollLogicalPosition::Nearest);
    group.scroll_into_view_with_scroll_into_view_options(&scroll);
}

fn message_for(errors: Errors, field: &'static str) -> Option<&'static str> {
    errors.with(|e| e.iter().find(|(f, _)| *f == field).map(|(_, m)| *m))
}

/// The message beside a field while it has an error (its id is the
/// field's id followed by `-error`).
#[component]
pub fn ErrorMessage(errors: Errors, field: &'static str) -> impl IntoView {
    move || {
        message_for(errors, field).map(|message| {
            view! {
                <span class="nhsuk-error-message" id=format!("{field}-error")>
                    <span class="nhsuk-u-visually-hidden">"Error: "</span>
                    {message}
                </span>
            }
        })
    }
}

/// The class of a field's form group, with the error modifier while the
/// field has an error.
pub fn group_class(errors: Errors, field: &'static str) -> impl Fn() -> &'static str + Copy {
    move || match message_for(errors, field) {
        Some(_) => "nhsuk-form-group nhsuk-form-group--error",
        None => "nhsuk-form-group",
    }
}

/// `aria-describedby` for a field: `always` (hints, counts), then the
/// error message while there is one.
pub fn described_by(
    errors: Errors,
    field: &'static str,
    always: &'static str,
) -> impl Fn() -> Option<String> + Copy {
    move || {
        let error = message_for(errors, field).map(|_| format!("{field}-error"));
        match (always.is_empty(), error) {
            (true, error) => error,
            (false, None) => Some(always.to_owned()),
            (false, Some(error)) => Some(format!("{always} {error}")),
        }
    }
}
