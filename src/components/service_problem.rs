//! The error page pattern of the NHS App: say what happened in plain words,
//! offer "try again" once, then other ways to get help.

use crate::api::ApiError;
use crate::content::problem as text;
use leptos::prelude::*;

/// `retry` is offered while `tries_left` is above zero; the caller counts.
#[component]
pub fn ServiceProblem(
    error: ApiError,
    #[prop(optional)] retry: Option<Callback<()>>,
    #[prop(default = 1)] tries_left: u8,
) -> impl IntoView {
    crate::page_meta::use_page_title(text::TITLE);
    let offer_retry = retry.filter(|_| tries_left > 0);
    view! {
        <h1>{text::HEADING}</h1>
        <p class="nhsuk-body">{error.message()}</p>
        {offer_retry.map(|retry| view! {
            <button type="button" class="nhsuk-button" on:click=move |_| retry.run(())>
                {text::TRY_AGAIN}
            </button>
        })}
        <h2 class="nhsuk-heading-m">{text::OTHER_HELP_HEADING}</h2>
        <p class="nhsuk-body">{text::NHS_111}</p>
    }
}
