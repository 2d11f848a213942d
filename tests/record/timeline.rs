//! The timeline page with a record already loaded: cards under year and
//! month headings, the patient's filters, and what goes into the address.

use crate::support::*;
use leptos::prelude::*;
use record_access::pages::record_timeline::RecordTimeline;
use record_access::record::store::provide_loaded_record_store;
use record_access::record::SafeRecord;
use record_access::session::SessionState;
use record_access_contract::{AccessStatus, EntriesPage, Entry, EntryKind, Lenient, Visibility};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{HtmlInputElement, InputEvent};

wasm_bindgen_test_configure!(run_in_browser);

fn entry(id: &str, kind: EntryKind, on: &str, title: &str) -> Entry {
    Entry {
        id: id.into(),
        kind,
        recorded_on: on.into(),
        title: title.into(),
        summary: Some(format!("Summary of {title}")),
        clinician: Some("Dr Ana Müller".into()),
        location: None,
        visibility: Visibility::Visible,
        details: None,
        unopened: false,
    }
}

fn record() -> SafeRecord {
    let mut record = SafeRecord::new("2024-03-01");
    record.add_page(EntriesPage {
        available_from: "2024-03-01".into(),
        entries: vec![
            Lenient::Valid(entry(
                "a",
                EntryKind::Consultation,
                "2025-01-10",
                "Asthma review",
            )),
            Lenient::Valid(entry(
                "b",
                EntryKind::TestResult,
                "2024-12-02",
                "Full blood count",
            )),
            Lenient::Valid(entry(
                "c",
                EntryKind::Medicine,
                "2024-12-01",
                "Salbutamol inhaler",
            )),
            Lenient::Valid(entry(
                "d",
                EntryKind::TestResult,
                "2024-03-05",
                "Café cholesterol",
            )),
        ],
        next_cursor: None,
    });
    record
}

/// Mounts the timeline at `/record` with `query`; the test page's address
/// is put back when the returned guard is dropped.
fn timeline(query: &str) -> (Mounted, AddressGuard) {
    let guard = AddressGuard::at(&format!("/record{query}"));
    let mut session = signed_in_session(AccessStatus::Enabled);
    session.safeguarding.acknowledged = true;
    let m = mount_with_session(SessionState::SignedIn(session), || {
        provide_loaded_record_store(record());
        view! { <RecordTimeline /> }
    });
    (m, guard)
}

fn titles(m: &Mounted) -> Vec<String> {
    all(&m.root, ".app-entry-card a")
        .iter()
        .map(text_of)
        .collect()
}

fn count(m: &Mounted) -> String {
    text_of(&all(&m.root, ".app-result-count")[0])
}

/// Opens "Filter by type and date", whose fields are drawn when it opens.
async fn open_more_filters(m: &Mounted) {
    find_by_text(&m.root, "summary", "Filter by type and date")
        .expect("the summary")
        .click();
    settle().await;
}

fn label_input(m: &Mounted, label: &str) -> HtmlInputElement {
    let label = find_by_text(&m.root, "label", label).expect("a label");
    let id = label.get_attribute("for").unwrap();
    document().get_element_by_id(&id).unwrap().unchecked_into()
}

#[wasm_bindgen_test]
async fn cards_come_newest_first_under_year_and_month_headings() {
    let (m, _guard) = timeline("");
    settle().await;
    assert_eq!(
        titles(&m),
        [
            "Asthma review",
            "Full blood count",
            "Salbutamol inhaler",
            "Café cholesterol"
        ]
    );
    let headings: Vec<String> = all(
        &m.root,
        "h2.app-timeline__year, h3.app-timeline__month-heading",
    )
    .iter()
    .map(text_of)
    .collect();
    assert_eq!(
        headings,
        [
            "2025",
            "January 2025",
            "2024",
            "December 2024",
            "March 2024"
        ]
    );
    assert_eq!(count(&m), "Showing 4 entries");
    assert!(text_of(&m.root).contains("You can see information added from 1 March 2024"));
    assert_eq!(document().title(), "Your record – GP health record – NHS");
}

#[wasm_bindgen_test]
async fn search_ignores_case_and_accents_and_stays_out_of_the_address() {
    let (m, _guard) = timeline("");
    settle().await;
    let search = label_input(&m, "Search your record");
    search.set_value("CAFE");
    search
        .dispatch_event(&InputEvent::new("input").unwrap())
        .unwrap();
    // The list follows the field once the browser has painted the key.
    wait_until(2000, || titles(&m).len() == 1).await;
    assert_eq!(titles(&m), ["Café cholesterol"]);
    assert_eq!(count(&m), "Showing 1 entry");
    assert_eq!(
        window().location().search().unwrap(),
        "",
        "never in the address"
    );

    search.set_value("müller asthma");
    search
        .dispatch_event(&InputEvent::new("input").unwrap())
        .unwrap();
    wait_until(2000, || titles(&m) != ["Café cholesterol"]).await;
    assert_eq!(
        titles(&m),
        ["Asthma review"],
        "clinician and title, all words"
    );
}

#[wasm_bindgen_test]
async fn a_search_that_finds_nothing_leaves_no_card_and_clearing_it_brings_the_same_cards_back() {
    let (m, _guard) = timeline("");
    settle().await;
    let before = all(&m.root, ".app-entry-card");
    assert_eq!(before.len(), 4);
    let search = label_input(&m, "Search your record");
    let type_text = |text: &str| {
        search.set_value(text);
        search
            .dispatch_event(&InputEvent::new("input").unwrap())
            .unwrap();
    };

    type_text("xyz");
    wait_until(2000, || count(&m) == "No entries match your filters.").await;
    settle().await;
    assert!(
        all(&m.root, ".app-entry-card").is_empty(),
        "no card, not even an empty one"
    );
    assert!(all(&m.root, "h2, h3")
        .iter()
        .all(|h| !h.class_name().contains("app-timeline")));

    type_text("");
    wait_until(2000, || titles(&m).len() == 4).await;
    assert_eq!(
        titles(&m),
        [
            "Asthma review",
            "Full blood count",
            "Salbutamol inhaler",
            "Café cholesterol"
        ]
    );
    let after = all(&m.root, ".app-entry-card");
    assert!(
        before
            .iter()
            .zip(&after)
            .all(|(b, a)| b.is_same_node(Some(a))),
        "the cards are taken back, in order, not drawn afresh"
    );
}

#[wasm_bindgen_test]
async fn kinds_and_dates_go_into_the_address_and_come_back_from_it() {
    let (m, _guard) = timeline("");
    settle().await;
    assert!(
        find_by_text(&m.root, "label", "Test result").is_none(),
        "drawn only when opened"
    );
    open_more_filters(&m).await;
    label_input(&m, "Test result").click();
    settle().await;
    assert_eq!(window().location().search().unwrap(), "?kind=test_result");
    assert_eq!(titles(&m), ["Full blood count", "Café cholesterol"]);
    label_input(&m, "Medicine").click();
    settle().await;
    assert_eq!(
        window().location().search().unwrap(),
        "?kind=medicine,test_result"
    );
    drop(m);

    // The same address, opened afresh: the same view.
    let (m, _guard2) = timeline("?kind=test_result&from=2024-12-01");
    settle().await;
    assert_eq!(titles(&m), ["Full blood count"]);
    open_more_filters(&m).await;
    assert!(label_input(&m, "Test result").checked());
    assert_eq!(label_input(&m, "From").value(), "2024-12-01");

    find_by_text(&m.root, "button", "Clear filters")
        .unwrap()
        .click();
    settle().await;
    assert_eq!(window().location().search().unwrap(), "");
    assert_eq!(titles(&m).len(), 4);
}

#[wasm_bindgen_test]
async fn a_malformed_address_is_ignored_with_a_note() {
    let (m, _guard) = timeline("?kind=x-ray&from=2024-02-30");
    settle().await;
    assert!(text_of(&m.root).contains("could not be used"));
    assert_eq!(titles(&m).len(), 4, "nothing was filtered by it");
}
