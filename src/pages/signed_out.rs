//! Where every way of ending a session lands. Calm, and holding nothing
//! from the record.

use crate::content::{idle, problem, signed_out as text};
use crate::page_meta::use_page_title;
use crate::routing::paths;
use crate::routing::route::query_has;
use crate::routing::router::use_router;
use leptos::prelude::*;

#[component]
pub fn SignedOutPage() -> impl IntoView {
    use_page_title(text::TITLE);
    let query = untrack(|| use_router().query());
    let (unconfirmed, timed_out) = (
        query_has(&query, "unconfirmed"),
        query_has(&query, "timeout"),
    );
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
