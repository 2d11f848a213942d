//! One entry of the record on the timeline: date, kind, title (a link to
//! the entry's own page), summary, and who recorded it where, when known.
//! Text from the backend is always rendered as text.
//!
//! A new result the patient has not opened shows only its kind and date,
//! a sentence of advice and a button: none of its text is in the page
//! until the patient asks for it, and the card then shows it in place.
//!
//! A page of the timeline shows 25 cards and changes them with every
//! letter typed in the search, so a card is built once and then takes new
//! texts in place ([`CardText`], worked out in plain Rust), and is kept to the few elements it needs:
//! the card is its own content box, with no wrapper inside, and kind and
//! date sit on its first line without a paragraph of their own (styled as
//! one in `style/_app.scss`).

use crate::content::record as text;
pub use crate::record::card::CardText;
use crate::record::store::RecordStore;
use crate::routing::paths;
use leptos::prelude::*;

#[component]
pub fn EntryCard(
    #[prop(into)] card: Signal<CardText>,
    /// The card's element, for a place of the timeline that keeps it while
    /// it has no entry to show.
    #[prop(optional)]
    node_ref: NodeRef<leptos::html::Div>,
) -> impl IntoView {
    let field = move |f: fn(&CardText) -> String| move || card.with(f);
    let unopened = Memo::new(move |_| card.with(|c| c.open_id.is_some()));
    // The record is in context wherever the app draws cards.
    let store = use_context::<RecordStore>();
    let open = move |_| {
        if let (Some(store), Some(id)) = (store, card.with_untracked(|c| c.open_id.clone())) {
            store.open(&id);
            focus_title(paths::entry(&id));
        }
    };
    view! {
        <div node_ref=node_ref class="nhsuk-card nhsuk-card__content app-entry-card" class:nhsuk-card--clickable=move || !unopened.get()>
            <strong class="nhsuk-tag nhsuk-tag--grey app-entry-card__kind">{move || card.with(|c| c.kind)}</strong>
            " "
            <span class="app-entry-card__date">{field(|c| c.date.clone())}</span>
            // Rebuilt only when the card changes between a new result and
            // any other entry; otherwise its texts change in place.
            {move || if unopened.get() {
                view! {
                    <h4 class="nhsuk-card__heading nhsuk-heading-s">{text::NEW_RESULT}</h4>
                    <p class="nhsuk-card__description nhsuk-u-margin-bottom-3">{text::NEW_RESULT_ADVICE}</p>
                    <button type="button" class="nhsuk-button nhsuk-button--secondary nhsuk-u-margin-bottom-0" on:click=open>
                        {text::OPEN_RESULT}
                        <span class="nhsuk-u-visually-hidden">{move || card.with(|c| text::open_result_context(&c.date))}</span>
                    </button>
                }
                .into_any()
            } else {
                view! {
                    <h4 class="nhsuk-card__heading nhsuk-heading-s">
                        <a class="nhsuk-card__link" href=field(|c| c.href.clone())>{field(|c| c.title.clone())}</a>
                    </h4>
                    {optional_line(card, "nhsuk-card__description", |c| c.summary.as_deref())}
                    {optional_line(card, "nhsuk-body-s app-entry-card__who", |c| c.who_where.as_deref())}
                }
                .into_any()
            }}
        </div>
    }
}

/// A line the card has only for some entries (summary, who and where):
/// drawn when it appears, its text changed in place while it stays. Drawn
/// afresh for each new text, its class would be set again each time, and
/// the browser would restyle it with every letter typed.
fn optional_line(
    card: Signal<CardText>,
    class: &'static str,
    line: fn(&CardText) -> Option<&str>,
) -> impl IntoView {
    let present = Memo::new(move |_| card.with(|c| line(c).is_some()));
    move || {
        present.get().then(|| {
            view! { <p class=class>{move || card.with(|c| line(c).unwrap_or_default().to_owned())}</p> }
        })
    }
}

/// Moves focus to the title of the card that links to `href`, once it is
/// drawn: the result just opened. Entry addresses are percent-encoded
/// ([`paths::entry`]), so one needs no escaping in a selector.
fn focus_title(href: String) {
    request_animation_frame(move || {
        let selector = format!(".app-entry-card a[href=\"{href}\"]");
        if let Some(link) = document()
            .query_selector(&selector)
            .ok()
            .flatten()
            .and_then(|el| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(el).ok())
        {
            let _ = link.focus();
        }
    });
}
