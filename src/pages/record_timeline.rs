//! The record timeline: newest first, under year and month headings, with
//! the patient's filters.
//!
//! Kinds and dates live in the URL query so that a view survives a reload;
//! the search text lives only in memory (the browser's history is what
//! someone checking the device reads). The list is shown a page at a time,
//! so that however long the record, only a few dozen cards are in the DOM
//! and keyboard and screen-reader order is simply the document order.

use crate::api::client;
use crate::components::entry_card::{CardText, EntryCard};
use crate::components::load_failed::load_list;
use crate::components::record_gate::AccessOff;
use crate::components::timeline_filters::TimelineFilters;
use crate::components::{loading::Loading, service_problem::ServiceProblem};
use crate::content::record as text;
use crate::dates;
use crate::page_meta::{focus_heading, use_page_title};
use crate::record::store::{use_record_store, LoadState};
use crate::record::{by_month, ShownEntry, UserFilters};
use crate::routing::paths;
use crate::routing::route::page_number;
use crate::routing::router::use_router;
use leptos::prelude::*;
use record_access_contract::ResultsRelease;

/// Cards on one page of the timeline.
pub const PER_PAGE: usize = 25;

#[component]
pub fn RecordTimeline() -> impl IntoView {
    use_page_title(text::TITLE);
    let store = use_record_store();
    store.ensure_loaded();
    let router = use_router();

    // Kinds and dates from the URL, with notes on what could not be used.
    let from_url = Memo::new(move |_| UserFilters::from_query_string(&router.query()));
    let filters = Memo::new(move |_| {
        let (mut f, _) = from_url.get();
        f.text = store.applied_search().get();
        f
    });
    let page = Memo::new(move |_| page_number(&router.query()));
    let positions = Memo::new(move |_| {
        let f = filters.get();
        store.with(|r| r.map(|r| f.apply(r.entries())).unwrap_or_default())
    });
    let pages = Memo::new(move |_| positions.with(|p| p.len().div_ceil(PER_PAGE).max(1)));
    let start_date = Memo::new(move |_| store.with(|r| r.and_then(|r| r.start_date())));
    let total = Memo::new(move |_| store.with(|r| r.map_or(0, |r| r.entries().len())));

    let page_href = PageHref(from_url);

    // What the page shows, changing only when that changes: not with each
    // page of the record that arrives, so that nothing the patient is
    // reading or typing is rebuilt under them.
    let phase = Memo::new(move |_| match store.state() {
        LoadState::AccessOff => Phase::AccessOff,
        LoadState::Failed(error) if total.get() == 0 => Phase::Failed(error),
        LoadState::Idle | LoadState::Loading { pages: 0 } => Phase::Loading,
        _ => Phase::Shown,
    });
    let empty =
        Memo::new(move |_| total.get() == 0 && !matches!(store.state(), LoadState::Loading { .. }));

    move || {
        match phase.get() {
        Phase::AccessOff => view! { <AccessOff /> }.into_any(),
        Phase::Failed(error) => {
            let retry = Callback::new(move |()| store.reload());
            view! { <ServiceProblem error retry /> }.into_any()
        }
        Phase::Loading => view! { <h1>{text::HEADING}</h1> <Loading /> }.into_any(),
        Phase::Shown => view! {
            <h1>{text::HEADING}</h1>
            <RecordBanner start_date />
            <TimelineFilters from_url />
            <LoadProgress />
            {move || {
                if empty.get() {
                    let since = start_date.get().map(dates::long_date);
                    let message = since.as_deref().map_or(text::NOTHING_YET.to_owned(), text::nothing_since);
                    view! { <p class="nhsuk-body">{message}</p> }.into_any()
                } else {
                    view! { <TimelineList positions page pages page_href /> }.into_any()
                }
            }}
        }
        .into_any(),
    }
    }
}

/// The address of a page of the timeline with the filters of the address
/// being shown.
#[derive(Clone, Copy)]
struct PageHref(Memo<(UserFilters, Vec<crate::record::QueryNote>)>);

impl PageHref {
    /// Tracked: an address in the page follows the filters.
    fn to(self, page: usize) -> String {
        self.0.with(|(filters, _)| paths::record(filters, page))
    }
}

/// One place on a page of the timeline: a card, and the year and month
/// headings before it when it is the first of its year or month.
#[derive(Clone, PartialEq)]
struct Place {
    year: Option<i32>,
    month: Option<String>,
    entry: ShownEntry,
}

#[derive(Clone, PartialEq)]
enum Phase {
    Loading,
    Shown,
    AccessOff,
    /// Nothing arrived before a failure.
    Failed(crate::api::ApiError),
}

/// When access started, and the one line about results not shown yet,
/// which follows the patient's choice of when new results appear.
#[component]
fn RecordBanner(start_date: Memo<Option<record_access_contract::uk_time::Date>>) -> impl IntoView {
    let (choice, _) = load_list(client::preferences);
    // Until the choice is read (or when it cannot be), the line that is
    // true under either choice.
    let results_line = move || match choice.get() {
        None | Some(Err(_)) => text::RESULTS_LATER,
        Some(Ok(p)) => match p.results_release {
            ResultsRelease::AfterReview => text::RESULTS_AFTER_REVIEW,
            ResultsRelease::AfterConversation => text::RESULTS_AFTER_CONVERSATION,
            ResultsRelease::Unknown => text::RESULTS_LATER,
        },
    };
    move || {
        start_date.get().map(|date| {
            view! {
                <div class="nhsuk-inset-text">
                    <span class="nhsuk-u-visually-hidden">{text::INFORMATION}</span>
                    <p>{text::access_from(&dates::long_date(date))}</p>
                    <p>{results_line}</p>
                    <p><a href=paths::ACCOUNT>{crate::content::account::RECORD_LINK}</a></p>
                </div>
            }
        })
    }
}

/// A quiet note while later pages arrive, and what to do if one failed.
#[component]
fn LoadProgress() -> impl IntoView {
    let store = use_record_store();
    // Only a change of state, not each page that arrives, renews the note.
    let loading = Memo::new(move |_| matches!(store.state(), LoadState::Loading { .. }));
    let failed = Memo::new(move |_| matches!(store.state(), LoadState::Failed(_)));
    move || {
        if loading.get() {
            view! {
                <p class="nhsuk-body-s app-load-progress" role="status">{text::LOADING_MORE}</p>
            }
            .into_any()
        } else if failed.get() {
            view! {
                <div class="nhsuk-warning-callout">
                    <p>{text::LOAD_FAILED_PART}</p>
                    <button type="button" class="nhsuk-button nhsuk-button--secondary" on:click=move |_| store.reload()>
                        {crate::content::problem::TRY_AGAIN}
                    </button>
                </div>
            }
            .into_any()
        } else {
            ().into_any()
        }
    }
}

#[component]
fn TimelineList(
    positions: Memo<Vec<usize>>,
    page: Memo<usize>,
    pages: Memo<usize>,
    page_href: PageHref,
) -> impl IntoView {
    let store = use_record_store();
    let count = move || positions.with(Vec::len);
    // A search never finds a result not opened yet, and says so.
    let unopened_unsearched = Memo::new(move |_| {
        !store.applied_search().with(|s| s.trim().is_empty())
            && store.with(|r| r.is_some_and(|r| r.has_unopened()))
    });
    // The cards of the page being read, each with the headings before it.
    let places = Memo::new(move |_| {
        let page = page.get().min(pages.get());
        positions.with(|all| {
            let start = (page - 1) * PER_PAGE;
            let slice = all
                .get(start..(start + PER_PAGE).min(all.len()))
                .unwrap_or(&[]);
            store.with(|r| {
                let mut places = Vec::new();
                let Some(r) = r else { return places };
                let mut last_year = None;
                for g in by_month(r.entries(), slice) {
                    let year = (last_year != Some(g.year)).then_some(g.year);
                    last_year = Some(g.year);
                    let mut month = Some(g.label);
                    for &i in &g.entries {
                        places.push(Place {
                            year: month.is_some().then_some(year).flatten(),
                            month: month.take(),
                            entry: r.entries()[i].clone(),
                        });
                    }
                }
                places
            })
        })
    });
    // What is on screen, one signal for each place on the page, so that a
    // change redraws only the places whose card changed. Pages of the
    // record come in no promised order, so a later page can hold newer
    // entries than the first: while the patient is reading (has scrolled
    // down), a change that is not theirs (more of the record arriving) does
    // not change what they read. The list catches up at the top of the
    // page, or when the patient changes page or filters.
    let shown: Vec<RwSignal<Option<Place>>> = (0..PER_PAGE).map(|_| RwSignal::new(None)).collect();
    let shown = StoredValue::new(shown);
    let held = RwSignal::new(false);
    let reading = StoredValue::new(false);
    // The patient's view: page, filters in the address, search text.
    let router = crate::routing::router::use_router();
    let seen_view = StoredValue::new(None::<(usize, String, String, u32)>);
    let catch_up = move || {
        places.with_untracked(|places| {
            shown.with_value(|shown| {
                for (i, slot) in shown.iter().enumerate() {
                    let place = places.get(i);
                    slot.maybe_update(|now| {
                        let changed = now.as_ref() != place;
                        if changed {
                            *now = place.cloned();
                        }
                        changed
                    });
                }
            })
        });
        held.set(false);
    };
    Effect::new(move |_| {
        places.track();
        // Opening a result is the patient's own change too.
        let view = (
            page.get(),
            router.query(),
            store.applied_search().get(),
            store.opened_count(),
        );
        let same_view = seen_view.get_value().as_ref() == Some(&view);
        seen_view.set_value(Some(view));
        if same_view && reading.get_value() {
            held.set(true);
        } else {
            catch_up();
        }
    });
    let listener = window_event_listener(leptos::ev::scroll, move |_| {
        let now = window().scroll_y().unwrap_or(0.0) > 0.0;
        reading.set_value(now);
        if !now && held.get_untracked() {
            catch_up();
        }
    });
    on_cleanup(move || listener.remove());
    view! {
        <p class="nhsuk-body app-result-count" role="status" aria-live="polite">
            {move || text::result_count(count())}
        </p>
        {move || (count() == 0).then(|| view! { <p class="nhsuk-body">{text::NO_MATCHES_HINT}</p> })}
        {move || unopened_unsearched.get().then(|| view! { <p class="nhsuk-body">{text::UNOPENED_NOT_SEARCHED}</p> })}
        {move || held.get().then(|| view! {
            <p class="nhsuk-inset-text" role="status">{text::MORE_ARRIVED}</p>
        })}
        // A fixed set of places, each drawing whichever card falls to it:
        // when the list changes, the cards already in the DOM take the new
        // texts rather than being replaced, which is far less work for the
        // browser than 25 new cards for each letter typed.
        <div class="app-timeline">
            {shown.get_value().into_iter().map(|place| view! { <TimelinePlace place /> }).collect_view()}
        </div>
        <Pagination page pages page_href />
    }
}

/// One place on the page: its headings and its card, when the page has an
/// entry for it. The card is drawn once and kept, out of the document
/// while the place is empty.
#[component]
fn TimelinePlace(place: RwSignal<Option<Place>>) -> impl IntoView {
    let present = Memo::new(move |_| place.with(Option::is_some));
    let card = Memo::new(move |_| {
        place.with(|p| {
            p.as_ref()
                .map(|p| CardText::of(&p.entry))
                .unwrap_or_default()
        })
    });
    // A heading is drawn when the place gets one and then takes new words
    // in place, as the cards do.
    let year = Memo::new(move |_| place.with(|p| p.as_ref().and_then(|p| p.year)));
    let month = Memo::new(move |_| place.with(|p| p.as_ref().and_then(|p| p.month.clone())));
    let has_year = Memo::new(move |_| year.with(Option::is_some));
    let has_month = Memo::new(move |_| month.with(Option::is_some));
    let card_element = NodeRef::new();
    keep_card_while_absent(present, card_element);
    view! {
        {move || has_year.get().then(|| view! {
            <h2 class="app-timeline__year">{move || year.get().map(|y| y.to_string()).unwrap_or_default()}</h2>
        })}
        {move || has_month.get().then(|| view! {
            <h3 class="app-timeline__month-heading">{move || month.get().unwrap_or_default()}</h3>
        })}
        <EntryCard card node_ref=card_element />
    }
}

/// Takes a card out of the document while its place has no entry and puts
/// it back when the place gets one, in the same spot (a comment stands in
/// for it meanwhile). Drawing 25 cards afresh each time a search goes from
/// no results to some would take far longer than the texts they change.
fn keep_card_while_absent(present: Memo<bool>, card: NodeRef<leptos::html::Div>) {
    let stand_in = StoredValue::new_local(None::<web_sys::Comment>);
    Effect::new(move |_| {
        let present = present.get();
        let Some(card) = card.get() else { return };
        stand_in.update_value(|stand_in| match (present, stand_in.take()) {
            (false, None) => {
                let comment = document().create_comment("");
                if card.replace_with_with_node_1(&comment).is_ok() {
                    *stand_in = Some(comment);
                }
            }
            (true, Some(comment)) => {
                if comment.replace_with_with_node_1(&card).is_err() {
                    *stand_in = Some(comment);
                }
            }
            (_, kept) => *stand_in = kept,
        });
    });
    // The stand-in is not the view's own: it goes with the place.
    on_cleanup(move || {
        if let Some(Some(comment)) = stand_in.try_update_value(Option::take) {
            comment.remove();
        }
    });
}

/// Previous and next, in the NHS.UK pagination style. Links, so that each
/// page of the timeline has its own address; focus goes to the heading as
/// on any new page.
#[component]
fn Pagination(page: Memo<usize>, pages: Memo<usize>, page_href: PageHref) -> impl IntoView {
    let on_click = move |_| request_animation_frame(focus_heading);
    // Each part changes only when what it shows changes: a filter changes
    // the number of pages with almost every letter typed.
    let current = Memo::new(move |_| page.get().min(pages.get()));
    let several = Memo::new(move |_| pages.get() > 1);
    let has_previous = Memo::new(move |_| current.get() > 1);
    let has_next = Memo::new(move |_| current.get() < pages.get());
    move || {
        several.get().then(|| {
            view! {
                <nav class="nhsuk-pagination" role="navigation" aria-label=text::PAGINATION_LABEL>
                    <p class="nhsuk-body-s">{move || text::page_of(current.get(), pages.get())}</p>
                    <ul class="nhsuk-list nhsuk-pagination__list">
                        {move || has_previous.get().then(|| view! {
                            <li class="nhsuk-pagination-item--previous">
                                <a class="nhsuk-pagination__link nhsuk-pagination__link--prev" href=move || page_href.to(current.get().saturating_sub(1)) on:click=on_click>
                                    <span class="nhsuk-pagination__title">{text::PREVIOUS}</span>
                                </a>
                            </li>
                        })}
                        {move || has_next.get().then(|| view! {
                            <li class="nhsuk-pagination-item--next">
                                <a class="nhsuk-pagination__link nhsuk-pagination__link--next" href=move || page_href.to(current.get() + 1) on:click=on_click>
                                    <span class="nhsuk-pagination__title">{text::NEXT}</span>
                                </a>
                            </li>
                        })}
                    </ul>
                </nav>
            }
        })
    }
}
