//! One entry of the record on the timeline: date, kind, title (a link to
//! the entry's own page), summary, and who recorded it where, when known.
//! Text from the backend is always rendered as text.
//!
//! A page of the timeline shows 25 cards and changes them with every
//! letter typed in the search, so a card is built once and then takes new
//! texts in place ([`CardText`]), and is kept to the few elements it needs:
//! the card is its own content box, with no wrapper inside, and kind and
//! date sit on its first line without a paragraph of their own (styled as
//! one in `style/_app.scss`).

use crate::content::record as text;
use crate::dates;
use crate::record::ShownEntry;
use crate::routing::paths;
use leptos::prelude::*;

/// What a card shows of an entry.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CardText {
    pub kind: &'static str,
    pub date: String,
    pub href: String,
    pub title: String,
    pub summary: Option<String>,
    /// Who recorded it, where: "Dr Helen Marsh, Riverside Medical Practice".
    pub who_where: Option<String>,
}

impl CardText {
    pub fn of(entry: &ShownEntry) -> CardText {
        let who_where = match (entry.clinician(), entry.location()) {
            (Some(who), Some(place)) => Some(format!("{who}, {place}")),
            (Some(one), None) | (None, Some(one)) => Some(one.to_owned()),
            (None, None) => None,
        }
        .filter(|w| !w.is_empty());
        CardText {
            kind: text::kind_label(entry.kind()),
            date: dates::long_date(entry.date()),
            href: paths::entry(entry.id()),
            title: entry.title().to_owned(),
            summary: entry.summary().map(str::to_owned),
            who_where,
        }
    }
}

#[component]
pub fn EntryCard(#[prop(into)] card: Signal<CardText>) -> impl IntoView {
    let field = move |f: fn(&CardText) -> String| move || card.with(f);
    view! {
        <div class="nhsuk-card nhsuk-card--clickable nhsuk-card__content app-entry-card">
            <strong class="nhsuk-tag nhsuk-tag--grey app-entry-card__kind">{move || card.with(|c| c.kind)}</strong>
            " "
            <span class="app-entry-card__date">{field(|c| c.date.clone())}</span>
            <h4 class="nhsuk-card__heading nhsuk-heading-s">
                <a class="nhsuk-card__link" href=field(|c| c.href.clone())>{field(|c| c.title.clone())}</a>
            </h4>
            {move || card.with(|c| c.summary.clone()).map(|s| view! { <p class="nhsuk-card__description">{s}</p> })}
            {move || card.with(|c| c.who_where.clone()).map(|w| view! { <p class="nhsuk-body-s app-entry-card__who">{w}</p> })}
        </div>
    }
}
