//! The patient's filters: search (in memory only), kinds and dates (in the
//! URL query). Not a form: nothing here can be submitted or remembered by
//! the browser, and every change applies at once.

use crate::content::record as text;
use crate::record::store::use_record_store;
use crate::record::{QueryNote, UserFilters};
use crate::routing::paths;
use crate::routing::router::use_router;
use leptos::prelude::*;
use record_access_contract::uk_time::Date;
use record_access_contract::EntryKind;

#[component]
pub fn TimelineFilters(from_url: Memo<(UserFilters, Vec<QueryNote>)>) -> impl IntoView {
    let store = use_record_store();
    let search = store.search();
    let router = use_router();
    // Kind and date changes replace the history entry: the list of past
    // filter settings is nobody's business.
    let apply = move |change: &dyn Fn(&mut UserFilters)| {
        let (mut f, _) = from_url.get_untracked();
        change(&mut f);
        router.navigate(&paths::record(&f, 1), true);
    };
    let apply = StoredValue::new_local(apply);
    let toggle_kind = move |kind: EntryKind, on: bool| {
        apply.with_value(|apply| {
            apply(&|f: &mut UserFilters| {
                if on {
                    f.kinds.insert(kind);
                } else {
                    f.kinds.remove(kind);
                }
            })
        })
    };
    let set_date = move |which: DateField, value: String| {
        let date = Date::parse(&value);
        apply.with_value(|apply| {
            apply(&|f: &mut UserFilters| match which {
                DateField::From => f.from = date,
                DateField::To => f.to = date,
            })
        })
    };
    let clear = move |_| {
        store.set_search_now(String::new());
        apply.with_value(|apply| apply(&|f: &mut UserFilters| *f = UserFilters::default()));
    };
    let date_value = move |which: DateField| {
        from_url
            .with(|(f, _)| match which {
                DateField::From => f.from,
                DateField::To => f.to,
            })
            .map(Date::to_iso)
            .unwrap_or_default()
    };

    let opened = RwSignal::new(false);

    view! {
        <div class="app-filters" role="search" aria-labelledby="filters-heading">
            <h2 class="nhsuk-heading-m" id="filters-heading">{text::FILTERS_HEADING}</h2>
            {move || from_url.with(|(_, notes)| !notes.is_empty()).then(|| view! {
                <p class="nhsuk-body-s app-filters__note">{text::QUERY_NOTE}</p>
            })}
            <div class="nhsuk-form-group">
                <label class="nhsuk-label" for="record-search">{text::SEARCH_LABEL}</label>
                <div class="nhsuk-hint" id="record-search-hint">{text::SEARCH_HINT}</div>
                <input
                    class="nhsuk-input"
                    id="record-search"
                    type="search"
                    autocomplete="off"
                    spellcheck="false"
                    aria-describedby="record-search-hint"
                    prop:value=move || search.get()
                    on:input=move |e| store.type_search(event_target_value(&e))
                />
            </div>
            // Drawn the first time the patient opens it: until then its
            // two dozen elements would only weigh on every page.
            <details class="nhsuk-details" on:toggle=move |_| opened.set(true)>
                <summary class="nhsuk-details__summary" on:click=move |_| opened.set(true)>
                    <span class="nhsuk-details__summary-text">{text::MORE_FILTERS}</span>
                </summary>
                {move || opened.get().then(|| view! {
                    <div class="nhsuk-details__text">
                        <fieldset class="nhsuk-fieldset">
                            <legend class="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">{text::KINDS_LEGEND}</legend>
                            <div class="nhsuk-checkboxes nhsuk-checkboxes--small">
                                {EntryKind::KNOWN
                                    .into_iter()
                                    .map(|kind| {
                                        let id = format!("kind-{}", kind.as_str());
                                        let checked = move || from_url.with(|(f, _)| f.kinds.contains(kind));
                                        view! {
                                            <div class="nhsuk-checkboxes__item">
                                                <input
                                                    class="nhsuk-checkboxes__input"
                                                    id=id.clone()
                                                    type="checkbox"
                                                    prop:checked=checked
                                                    on:change=move |e| toggle_kind(kind, event_target_checked(&e))
                                                />
                                                <label class="nhsuk-label nhsuk-checkboxes__label" for=id>
                                                    {text::kind_label(kind)}
                                                </label>
                                            </div>
                                        }
                                    })
                                    .collect_view()}
                            </div>
                        </fieldset>
                        <fieldset class="nhsuk-fieldset">
                            <legend class="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">{text::DATES_LEGEND}</legend>
                            {[(DateField::From, "record-from", text::FROM_LABEL), (DateField::To, "record-to", text::TO_LABEL)]
                                .map(|(which, id, label)| view! {
                                    <div class="nhsuk-form-group app-filters__date">
                                        <label class="nhsuk-label" for=id>{label}</label>
                                        <input
                                            class="nhsuk-input nhsuk-input--width-10"
                                            id=id
                                            type="date"
                                            autocomplete="off"
                                            prop:value=move || date_value(which)
                                            on:change=move |e| set_date(which, event_target_value(&e))
                                        />
                                    </div>
                                })}
                        </fieldset>
                    </div>
                })}
            </details>
            <button type="button" class="nhsuk-button nhsuk-button--secondary nhsuk-button--small" on:click=clear>
                {text::CLEAR_FILTERS}
            </button>
        </div>
    }
}

#[derive(Clone, Copy)]
enum DateField {
    From,
    To,
}
