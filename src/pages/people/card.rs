//! What the pages show of one person with proxy access: their name as a
//! heading (text, never markup, wrapping at any length), then who they are
//! to the patient, what they can see and since when.

use crate::content::people as text;
use crate::people::describe::ProxyCard;
use leptos::prelude::*;

/// The summary rows of one person: relationship (when the GP surgery gave
/// one), what they can see, since when.
pub fn rows(card: &ProxyCard) -> impl IntoView {
    let rows = [
        card.relationship.clone().map(|r| (text::RELATIONSHIP, r)),
        Some((text::CAN_SEE, card.can_see.clone())),
        Some((text::SINCE, card.since.clone())),
    ];
    rows.into_iter()
        .flatten()
        .map(|(key, value)| {
            view! {
                <div class="nhsuk-summary-list__row">
                    <dt class="nhsuk-summary-list__key">{key}</dt>
                    <dd class="nhsuk-summary-list__value">{value}</dd>
                </div>
            }
        })
        .collect_view()
}
