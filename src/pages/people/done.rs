//! Step 3: sent. The backend's reference and what happens next. The
//! session goes on; this page holds nothing but what the address says.

use super::HelplinesLink;
use crate::content::people as text;
use crate::page_meta::use_page_title;
use crate::pages::not_found::NotFoundPage;
use crate::routing::paths;
use crate::routing::route::query_value;
use crate::submission::form::confirmation_panel;
use leptos::prelude::*;

#[component]
pub fn Done(query: String) -> impl IntoView {
    let Some(reference) = query_value(&query, "ref").filter(|r| !r.is_empty()) else {
        return view! { <NotFoundPage /> }.into_any();
    };
    use_page_title(text::TITLE_DONE);
    view! {
        {confirmation_panel(text::DONE_HEADING, reference)}
        <h2>{text::NEXT_HEADING}</h2>
        {text::NEXT.map(|p| view! { <p class="nhsuk-body">{p}</p> })}
        <p class="nhsuk-body">
            <a href=paths::ACCOUNT_PEOPLE data-replace="">{text::BACK_TO_LIST}</a>
        </p>
        <HelplinesLink />
    }
    .into_any()
}
