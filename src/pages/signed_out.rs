//! Where every way of ending a session lands. Calm, and holding nothing
//! from the record.

use crate::content::{idle, problem, signed_out as text};
use crate::page_meta::use_page_title;
use crate::paths;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

#[component]
pub fn SignedOutPage() -> impl IntoView {
    use_page_title(text::TITLE);
    let (unconfirmed, timed_out) = use_query_map()
        .with_untracked(|q| (q.get("unconfirmed").is_some(), q.get("timeout").is_some()));
    view! {
        <h1>{text::HEADING}</h1>
        {timed_out.then(|| view! { <p class="nhsuk-body">{idle::SIGNED_OUT_BODY}</p> })}
        {unconfirmed.then(|| view! { <p class="nhsuk-body">{problem::SIGN_OUT_FAILED}</p> })}
        <p class="nhsuk-body">{text::BODY}</p>
        <p class="nhsuk-body">
            <a rel="external" href=paths::sign_in(paths::HOME)>{text::SIGN_IN_AGAIN}</a>
        </p>
    }
}
