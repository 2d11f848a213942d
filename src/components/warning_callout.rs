//! The NHS warning callout, announced when it appears: for outcomes the
//! patient must not miss ("we could not confirm ...").

use leptos::prelude::*;

pub fn callout(heading: &'static str, body: String) -> impl IntoView {
    view! {
        <div class="nhsuk-warning-callout" role="alert">
            <h2 class="nhsuk-warning-callout__label">{heading}</h2>
            <p>{body}</p>
        </div>
    }
}
