//! A calm loading message that screen readers announce.

use crate::content::loading as text;
use leptos::prelude::*;

#[component]
pub fn Loading() -> impl IntoView {
    view! {
        <p class="nhsuk-body" role="status" aria-live="polite">{text::TEXT}</p>
    }
}
