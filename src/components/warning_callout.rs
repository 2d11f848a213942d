//! The NHS warning callout: a label that screen readers hear as
//! "Important: {label}", read as one phrase, then the callout's content.

use crate::content::warning_callout::IMPORTANT;
use leptos::prelude::*;

#[component]
pub fn WarningCallout(label: &'static str, children: Children) -> impl IntoView {
    view! {
        <div class="nhsuk-warning-callout">
            <h2 class="nhsuk-warning-callout__label">
                <span role="text">
                    <span class="nhsuk-u-visually-hidden">{IMPORTANT}</span>
                    {label}
                </span>
            </h2>
            {children()}
        </div>
    }
}
