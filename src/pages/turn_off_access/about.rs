//! Step 1: what turning off means, and how to turn it back on.

use crate::components::back_link::BackLink;
use crate::content::{account as text, submission};
use crate::page_meta::use_page_title;
use crate::routing::paths;
use leptos::prelude::*;

#[component]
pub fn About() -> impl IntoView {
    use_page_title(text::TITLE_ABOUT);
    view! {
        <BackLink href=paths::HOME.to_owned() text=submission::BACK />
        <h1>{text::ABOUT_HEADING}</h1>
        {text::ABOUT_BODY.map(|p| view! { <p class="nhsuk-body">{p}</p> })}
        <a class="nhsuk-button" href=paths::ACCOUNT_CHOOSE data-replace="">{text::CONTINUE}</a>
    }
}
