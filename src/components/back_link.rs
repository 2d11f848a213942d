//! The NHS back link. Inside a flow (`replace`) it shares the history
//! entry with the step it leaves, like the steps themselves.

use leptos::prelude::*;

#[component]
pub fn BackLink(
    href: String,
    text: &'static str,
    #[prop(optional)] replace: bool,
) -> impl IntoView {
    view! {
        <a class="nhsuk-back-link" href=href data-replace=replace.then_some("")>{text}</a>
    }
}
