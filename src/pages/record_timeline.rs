//! The record timeline: newest first, under year and month headings, with
//! the patient's filters.
//!
//! Kinds and dates live in the URL query so that a view survives a reload;
//! the search text lives only in memory (the browser's history is what
//! someone checking the device reads). The list is shown a page at a time,
//! so that however long the record, only a few dozen cards are in the DOM
//! and keyboard and screen-reader order is simply the document order.

use crate::components::entry_card::EntryCard;
use crate::components::record_gate::AccessOff;
use crate::components::timeline_filters::TimelineFilters;
use crate::components::{loading::Loading, service_problem::ServiceProblem};
use crate::content::record as text;
use crate::dates;
use crate::page_meta::{focus_heading, use_page_title};
use crate::paths;
use crate::record::{by_month, UserFilters};
use crate::record_store::{use_record_store, LoadState};
use crate::router::use_router;
use leptos::prelude::*;

/// Cards on one page of the timeline.
pub const PER_PAGE: usize = 50;

#[component]
pub fn RecordTimeline() -> impl IntoView {
    use_page_title(text::TITLE);
    let store = use_record_store();
    store.ensure_loaded();
    let router = use_router();
    let query = Memo::new(move |_| router.query_pairs());

    // Kinds and dates from the URL, with notes on what could not be used.
    let from_url = Memo::new(move |_| {
        query.with(|q| UserFilters::from_query(q.iter().map(|(k, v)| (k.as_str(), v.as_str()))))
    });
    let filters = Memo::new(move |_| {
        let (mut f, _) = from_url.get();
        f.text = store.search().get();
        f
    });
    let page = Memo::new(move |_| {
        query.with(|q| {
            q.iter()
                .rev()
                .find(|(k, _)| k == "page")
                .and_then(|(_, p)| p.parse::<usize>().ok())
                .filter(|p| *p >= 1)
                .unwrap_or(1)
        })
    });
    let positions = Memo::new(move |_| {
        let f = filters.get();
        store.with(|r| r.map(|r| f.apply(r.entries())).unwrap_or_default())
    });
    let pages = Memo::new(move |_| positions.with(|p| p.len().div_ceil(PER_PAGE).max(1)));
    let start_date = Memo::new(move |_| store.with(|r| r.and_then(|r| r.start_date())));
    let total = Memo::new(move |_| store.with(|r| r.map_or(0, |r| r.entries().len())));

    let page_href = Callback::new(move |n: usize| paths::record(&from_url.get_untracked().0, n));

    let body = move || {
        let state = store.state();
        let loaded_any = total.get() > 0;
        match state {
            LoadState::AccessOff => return view! { <AccessOff /> }.into_any(),
            LoadState::Failed(error) if !loaded_any => {
                let retry = Callback::new(move |()| store.reload());
                return view! { <ServiceProblem error retry /> }.into_any();
            }
            LoadState::Idle | LoadState::Loading { pages: 0 } => {
                return view! { <Loading /> }.into_any()
            }
            _ => {}
        }
        view! {
            <RecordBanner start_date />
            <TimelineFilters from_url />
            <LoadProgress />
            {move || {
                if total.get() == 0 && !matches!(store.state(), LoadState::Loading { .. }) {
                    let since = start_date.get().map(dates::long_date);
                    let message = since.as_deref().map_or(text::NOTHING_YET.to_owned(), text::nothing_since);
                    view! { <p class="nhsuk-body">{message}</p> }.into_any()
                } else {
                    view! { <TimelineList positions page pages page_href /> }.into_any()
                }
            }}
        }
        .into_any()
    };

    view! {
        <h1>{text::HEADING}</h1>
        {body}
    }
}

/// When access started, and the one line about results awaiting review.
#[component]
fn RecordBanner(start_date: Memo<Option<record_access_contract::uk_time::Date>>) -> impl IntoView {
    move || {
        start_date.get().map(|date| {
            view! {
                <div class="nhsuk-inset-text">
                    <span class="nhsuk-u-visually-hidden">{text::INFORMATION}</span>
                    <p>{text::access_from(&dates::long_date(date))}</p>
                    <p>{text::RESULTS_AFTER_REVIEW}</p>
                </div>
            }
        })
    }
}

/// A quiet note while later pages arrive, and what to do if one failed.
#[component]
fn LoadProgress() -> impl IntoView {
    let store = use_record_store();
    move || {
        match store.state() {
        LoadState::Loading { .. } => view! {
            <p class="nhsuk-body-s app-load-progress" role="status">{text::LOADING_MORE}</p>
        }
        .into_any(),
        LoadState::Failed(_) => view! {
            <div class="nhsuk-warning-callout">
                <p>{text::LOAD_FAILED_PART}</p>
                <button type="button" class="nhsuk-button nhsuk-button--secondary" on:click=move |_| store.reload()>
                    {crate::content::problem::TRY_AGAIN}
                </button>
            </div>
        }
        .into_any(),
        _ => ().into_any(),
    }
    }
}

#[component]
fn TimelineList(
    positions: Memo<Vec<usize>>,
    page: Memo<usize>,
    pages: Memo<usize>,
    page_href: Callback<usize, String>,
) -> impl IntoView {
    let store = use_record_store();
    let count = move || positions.with(Vec::len);
    let groups = move || {
        let page = page.get().min(pages.get());
        positions.with(|all| {
            let start = (page - 1) * PER_PAGE;
            let slice = all
                .get(start..(start + PER_PAGE).min(all.len()))
                .unwrap_or(&[]);
            store.with(|r| {
                let Some(r) = r else { return Vec::new() };
                by_month(r.entries(), slice)
                    .into_iter()
                    .map(|g| {
                        let cards: Vec<_> = g
                            .entries
                            .iter()
                            .map(|&i| r.entries()[i].entry().clone())
                            .collect();
                        (g.year, g.label, cards)
                    })
                    .collect::<Vec<_>>()
            })
        })
    };
    view! {
        <p class="nhsuk-body app-result-count" role="status" aria-live="polite">
            {move || text::result_count(count())}
        </p>
        {move || (count() == 0).then(|| view! { <p class="nhsuk-body">{text::NO_MATCHES_HINT}</p> })}
        <div class="app-timeline">
            {move || {
                let mut last_year = None;
                groups()
                    .into_iter()
                    .map(|(year, label, cards)| {
                        let year_heading = (last_year != Some(year)).then(|| {
                            last_year = Some(year);
                            view! { <h2 class="app-timeline__year">{year}</h2> }
                        });
                        view! {
                            {year_heading}
                            <section class="app-timeline__month">
                                <h3 class="app-timeline__month-heading">{label}</h3>
                                <ul class="nhsuk-list app-timeline__entries">
                                    <For each=move || cards.clone() key=|e| e.id.clone() let:entry>
                                        <li><EntryCard entry /></li>
                                    </For>
                                </ul>
                            </section>
                        }
                    })
                    .collect_view()
            }}
        </div>
        <Pagination page pages page_href />
    }
}

/// Previous and next, in the NHS.UK pagination style. Links, so that each
/// page of the timeline has its own address; focus goes to the heading as
/// on any new page.
#[component]
fn Pagination(
    page: Memo<usize>,
    pages: Memo<usize>,
    page_href: Callback<usize, String>,
) -> impl IntoView {
    let on_click = move |_| request_animation_frame(focus_heading);
    move || {
        let (page, pages) = (page.get().min(pages.get()), pages.get());
        (pages > 1).then(|| {
            view! {
                <nav class="nhsuk-pagination" role="navigation" aria-label=text::PAGINATION_LABEL>
                    <p class="nhsuk-body-s">{text::page_of(page, pages)}</p>
                    <ul class="nhsuk-list nhsuk-pagination__list">
                        {(page > 1).then(|| view! {
                            <li class="nhsuk-pagination-item--previous">
                                <a class="nhsuk-pagination__link nhsuk-pagination__link--prev" href=page_href.run(page - 1) on:click=on_click>
                                    <span class="nhsuk-pagination__title">{text::PREVIOUS}</span>
                                </a>
                            </li>
                        })}
                        {(page < pages).then(|| view! {
                            <li class="nhsuk-pagination-item--next">
                                <a class="nhsuk-pagination__link nhsuk-pagination__link--next" href=page_href.run(page + 1) on:click=on_click>
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
