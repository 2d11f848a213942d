//! One entry on its own page, at an address made of its opaque id.
//!
//! Taken from the loaded record when it is there; fetched on its own when
//! the patient arrives by a deep link. Either way it passes the same
//! fail-closed safety filter, and anything that does not pass, like a 404,
//! reads "This entry is not available": hidden and missing look the same.
//!
//! A new result the patient has not opened is not shown until they ask,
//! in the same words as on the timeline; asking to hide it does not open
//! it.

use crate::api::{client, ApiError};
use crate::components::{back_link::BackLink, loading::Loading, service_problem::ServiceProblem};
use crate::content::{ask_to_hide as ask_text, record as text};
use crate::dates;
use crate::page_meta::{focus_heading, use_page_title};
use crate::pages::ask_to_hide::AskToHide;
use crate::record::store::use_record_store;
use crate::record::SafeRecord;
use crate::routing::paths;
use crate::session::use_session;
use leptos::prelude::*;
use leptos::task::spawn_local;
use record_access_contract::{EntriesPage, Entry, Lenient};

#[component]
pub fn EntryDetail(
    /// The entry's opaque id, from its address.
    id: String,
    /// Show the form that asks the GP surgery to hide the entry, in place
    /// of the entry itself.
    #[prop(optional)]
    ask: bool,
) -> impl IntoView {
    let store = use_record_store();
    let session = use_session();
    let id = StoredValue::new(id);
    let from_store = move || {
        store.with(|r| r.and_then(|r| id.with_value(|id| r.find(id)).map(|s| s.to_entry())))
    };
    // Fetched only when the loaded record does not have it (a deep link).
    // A plain signal rather than a resource: the async machinery of
    // resources costs more wasm than this page is worth.
    let fetched = RwSignal::new(None::<Result<Option<Entry>, ApiError>>);
    let fetch = move || {
        fetched.set(None);
        let id = id.get_value();
        let available_from = session
            .session()
            .map(|s| s.record_access.available_from)
            .unwrap_or_default();
        spawn_local(async move {
            let result = client::entry(&id)
                .await
                .map(|e| safe_single(&available_from, e));
            if let Err(error) = &result {
                session.handle_error(error);
            }
            fetched.set(Some(result));
        });
    };
    Effect::new(move |_| {
        if untrack(from_store).is_none() {
            fetch();
        }
    });

    let show = move |entry: Entry| {
        // The record's copy knows whether it was opened; a copy fetched on
        // its own asks the store.
        let unopened = entry.unopened && !store.is_opened(&entry.id);
        if ask {
            view! { <AskToHide entry unopened /> }.into_any()
        } else if unopened {
            view! { <AskFirst entry /> }.into_any()
        } else {
            view! { <EntryView entry /> }.into_any()
        }
    };
    move || {
        store.opened_count();
        if let Some(entry) = from_store() {
            return show(entry);
        }
        match fetched.get() {
            None => view! { <Loading /> }.into_any(),
            Some(Ok(Some(entry))) => show(entry),
            Some(Ok(None)) | Some(Err(ApiError::NotFound(_))) => {
                view! { <NotAvailable /> }.into_any()
            }
            Some(Err(error)) => {
                let retry = Callback::new(move |()| fetch());
                view! { <ServiceProblem error retry /> }.into_any()
            }
        }
    }
}

/// The one entry, if the safety filter lets it through.
fn safe_single(available_from: &str, entry: Entry) -> Option<Entry> {
    let mut record = SafeRecord::new(available_from);
    record.add_page(EntriesPage {
        available_from: available_from.to_owned(),
        entries: vec![Lenient::Valid(entry)],
        next_cursor: None,
    });
    record.entries().first().map(|s| s.to_entry())
}

#[component]
fn EntryView(entry: Entry) -> impl IntoView {
    use_page_title(text::ENTRY_TITLE);
    let date = dates::long_date_recorded(&entry.recorded_on).unwrap_or_default();
    let rows = [
        Some((text::DATE.to_owned(), date)),
        entry
            .clinician
            .clone()
            .map(|c| (text::CLINICIAN.to_owned(), c)),
        entry
            .location
            .clone()
            .map(|l| (text::LOCATION.to_owned(), l)),
    ]
    .into_iter()
    .flatten()
    .chain(
        entry
            .details
            .clone()
            .unwrap_or_default()
            .into_iter()
            .map(|d| (d.label, d.value)),
    )
    .collect::<Vec<_>>();
    view! {
        <BackToRecord />
        <span class="nhsuk-caption-l">{text::kind_label(entry.kind)}</span>
        <h1>{entry.title.clone()}</h1>
        {entry.summary.clone().map(|s| view! { <p class="nhsuk-body-l">{s}</p> })}
        <dl class="nhsuk-summary-list">
            {rows
                .into_iter()
                .map(|(label, value)| view! {
                    <div class="nhsuk-summary-list__row">
                        <dt class="nhsuk-summary-list__key">{label}</dt>
                        <dd class="nhsuk-summary-list__value">{value}</dd>
                    </div>
                })
                .collect_view()}
        </dl>
        <p class="nhsuk-body">
            <a href=paths::ask_to_hide(&entry.id)>{ask_text::LINK}</a>
        </p>
    }
}

/// A new result not opened yet: only its kind and date, and the choice to
/// open it now.
#[component]
fn AskFirst(entry: Entry) -> impl IntoView {
    use_page_title(text::ENTRY_TITLE);
    let store = use_record_store();
    let date = dates::long_date_recorded(&entry.recorded_on).unwrap_or_default();
    let id = StoredValue::new(entry.id.clone());
    let open = move |_| {
        id.with_value(|id| store.open(id));
        request_animation_frame(focus_heading);
    };
    view! {
        <BackToRecord />
        <span class="nhsuk-caption-l">{text::kind_label(entry.kind)}</span>
        <h1>{text::NEW_RESULT}</h1>
        <p class="nhsuk-body">{text::added_on(&date)}</p>
        <p class="nhsuk-body">{text::NEW_RESULT_ADVICE}</p>
        <button type="button" class="nhsuk-button" on:click=open>{text::OPEN_RESULT}</button>
        <p class="nhsuk-body">
            <a href=paths::ask_to_hide(&entry.id)>{ask_text::LINK}</a>
        </p>
    }
}

#[component]
fn NotAvailable() -> impl IntoView {
    use_page_title(text::NOT_AVAILABLE_TITLE);
    view! {
        <BackToRecord />
        <h1>{text::NOT_AVAILABLE}</h1>
        <p class="nhsuk-body">{text::NOT_AVAILABLE_BODY}</p>
    }
}

#[component]
fn BackToRecord() -> impl IntoView {
    view! { <BackLink href=paths::RECORD.to_owned() text=text::BACK_TO_RECORD /> }
}
