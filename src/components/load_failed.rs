//! A list that could not be loaded, in place of the list: what happened
//! and "try again". Never an empty list: "nobody" would reassure falsely.

use crate::api::ApiError;
use crate::content::{people as text, problem};
use leptos::prelude::*;

#[component]
pub fn LoadFailed(error: ApiError, retry: Callback<()>) -> impl IntoView {
    view! {
        <div class="nhsuk-warning-callout" role="alert">
            <h2 class="nhsuk-warning-callout__label">{text::LOAD_FAILED_HEADING}</h2>
            <p>{error.message()}</p>
            <button type="button" class="nhsuk-button nhsuk-u-margin-bottom-0" on:click=move |_| retry.run(())>
                {problem::TRY_AGAIN}
            </button>
        </div>
    }
}
