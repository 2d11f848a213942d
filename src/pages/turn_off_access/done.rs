//! Step 4: done. The reference and what happens next. The session has
//! ended: this page holds nothing but what the address says.

use crate::content::account as text;
use crate::page_meta::use_page_title;
use crate::pages::not_found::NotFoundPage;
use crate::routing::route::{account_option, query_value};
use crate::submission::form::confirmation_panel;
use leptos::prelude::*;
use record_access_contract::DisableScope;

#[component]
pub fn Done(query: String) -> impl IntoView {
    let (Some(scope), Some(reference)) = (account_option(&query), query_value(&query, "ref"))
    else {
        return view! { <NotFoundPage /> }.into_any();
    };
    use_page_title(text::TITLE_DONE);
    let (heading, next) = match scope {
        DisableScope::RecordAccess => (text::DONE_RECORD_ACCESS, text::NEXT_RECORD_ACCESS),
        DisableScope::NhsLogin => (text::DONE_NHS_LOGIN, text::NEXT_NHS_LOGIN),
    };
    view! {
        {confirmation_panel(heading, reference)}
        <h2>{text::NEXT_HEADING}</h2>
        <p class="nhsuk-body">{next}</p>
        <p class="nhsuk-body">{text::NEXT_TURN_BACK_ON}</p>
    }
    .into_any()
}
