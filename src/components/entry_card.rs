//! One entry of the record on the timeline: date, kind, title (a link to
//! the entry's own page), summary, and who recorded it where, when known.
//! Text from the backend is always rendered as text.

use crate::content::record as text;
use crate::dates;
use crate::routing::paths;
use leptos::prelude::*;
use record_access_contract::uk_time::parse_recorded_on;
use record_access_contract::Entry;

#[component]
pub fn EntryCard(entry: Entry) -> impl IntoView {
    let date = parse_recorded_on(&entry.recorded_on)
        .map(|r| dates::long_date(r.date))
        .unwrap_or_default();
    let href = paths::entry(&entry.id);
    let kind = text::kind_label(entry.kind);
    let who_where = [entry.clinician.clone(), entry.location.clone()]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(", ");
    view! {
        <div class="nhsuk-card nhsuk-card--clickable app-entry-card">
            <div class="nhsuk-card__content">
                <p class="nhsuk-body-s app-entry-card__meta">
                    <strong class="nhsuk-tag nhsuk-tag--grey app-entry-card__kind">{kind}</strong>
                    " "
                    <span class="app-entry-card__date">{date}</span>
                </p>
                <h4 class="nhsuk-card__heading nhsuk-heading-s">
                    <a class="nhsuk-card__link" href=href>{entry.title.clone()}</a>
                </h4>
                {entry.summary.clone().map(|s| view! { <p class="nhsuk-card__description">{s}</p> })}
                {(!who_where.is_empty()).then(|| view! { <p class="nhsuk-body-s app-entry-card__who">{who_where}</p> })}
            </div>
        </div>
    }
}
