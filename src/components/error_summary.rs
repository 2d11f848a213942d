//! The NHS error summary: what is wrong, above the form, with a link to
//! each field. Focus moves to it whenever the patient submits answers with
//! an error, so that screen-reader and keyboard users hear it first.

use crate::content::error_summary as text;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// One error: the id of the field it is about, and the message.
pub type FieldError = (&'static str, &'static str);

/// Shown while `errors` is not empty. Every change to `errors` (each
/// submit that fails, even with the same errors) moves focus to it.
#[component]
pub fn ErrorSummary(errors: ReadSignal<Vec<FieldError>>) -> impl IntoView {
    let summary = NodeRef::<leptos::html::Div>::new();
    Effect::new(move |_| {
        if errors.with(|e| !e.is_empty()) {
            request_animation_frame(move || {
                if let Some(el) = summary.get_untracked() {
                    let _ = el.focus();
                }
            });
        }
    });
    view! {
        <Show when=move || errors.with(|e| !e.is_empty())>
            <div class="nhsuk-error-summary" tabindex="-1" node_ref=summary>
                <div role="alert">
                    <h2 class="nhsuk-error-summary__heading">{text::HEADING}</h2>
                    <div class="nhsuk-error-summary__body">
                        <ul class="nhsuk-list nhsuk-error-summary__list">
                            {move || errors.get().into_iter().map(|(field, message)| view! {
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
        </Show>
    }
}

/// Focuses a field and scrolls its label or legend into view with it.
fn focus_field(id: &str) {
    let Some(field) = document()
        .get_element_by_id(id)
        .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok())
    else {
        return;
    };
    let _ = field.focus();
    let label = field
        .closest("fieldset, .nhsuk-form-group")
        .ok()
        .flatten()
        .unwrap_or_else(|| field.clone().into());
    label.scroll_into_view();
}

/// The message beside a field, read with it by screen readers (`id` is the
/// field's id followed by `-error`).
#[component]
pub fn ErrorMessage(id: String, message: &'static str) -> impl IntoView {
    view! {
        <span class="nhsuk-error-message" id=id>
            <span class="nhsuk-u-visually-hidden">"Error: "</span>
            {message}
        </span>
    }
}
