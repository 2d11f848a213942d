//! Any address the app does not know.

use crate::content::not_found as text;
use crate::page_meta::use_page_title;
use crate::routing::paths;
use leptos::prelude::*;

#[component]
pub fn NotFoundPage() -> impl IntoView {
    use_page_title(text::TITLE);
    view! {
        <h1>{text::HEADING}</h1>
        <p class="nhsuk-body">{text::BODY}</p>
        <p class="nhsuk-body">{text::BODY_PASTED}</p>
        <p class="nhsuk-body">
            <a href=paths::HOME>{text::HOME_LINK}</a>
        </p>
    }
}
