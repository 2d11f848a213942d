//! The NHS.UK footer.

use crate::content::footer as text;
use leptos::prelude::*;

#[component]
pub fn Footer() -> impl IntoView {
    view! {
        <footer class="nhsuk-footer" role="contentinfo">
            <div class="nhsuk-width-container">
                <div class="nhsuk-footer__meta">
                    <h2 class="nhsuk-u-visually-hidden">{text::LINKS_LABEL}</h2>
                    <p class="nhsuk-body-s">{text::COPYRIGHT}</p>
                </div>
            </div>
        </footer>
    }
}
