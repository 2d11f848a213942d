use crate::support::*;
use leptos::prelude::*;
use record_access::components::entry_card::{CardText, EntryCard};
use record_access::record::{SafeRecord, ShownEntry};
use record_access::session::SessionState;
use record_access_contract::{EntriesPage, Entry, EntryKind, Lenient, Visibility};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// The card of an entry as the record shows it.
fn entry(title: &str) -> CardText {
    CardText::of(&shown(title))
}

fn shown(title: &str) -> ShownEntry {
    let mut record = SafeRecord::new("2024-01-01");
    record.add_page(EntriesPage {
        available_from: "2024-01-01".into(),
        entries: vec![Lenient::Valid(sent(title))],
        next_cursor: None,
    });
    record.entries()[0].clone()
}

fn sent(title: &str) -> Entry {
    Entry {
        id: "t/ollvlk #9".into(),
        kind: EntryKind::TestResult,
        recorded_on: "2024-06-15T23:30:00Z".into(),
        title: title.into(),
        summary: Some("Within normal range".into()),
        clinician: Some("Dr Helen Marsh".into()),
        location: Some("Riverside Medical Practice".into()),
        visibility: Visibility::Visible,
        details: None,
        unopened: false,
    }
}

#[wasm_bindgen_test]
async fn a_card_shows_date_kind_title_and_who_in_uk_time() {
    let m = mount_with_session(
        SessionState::SignedOut,
        || view! { <EntryCard card=entry("Full blood count") /> },
    );
    settle().await;
    let text = text_of(&m.root);
    // 23:30 UTC in June is the next day in the UK.
    assert!(text.contains("16 June 2024"), "{text}");
    assert!(text.contains("Test result"));
    assert!(text.contains("Within normal range"));
    assert!(text.contains("Dr Helen Marsh, Riverside Medical Practice"));
    let link = find_by_text(&m.root, "a", "Full blood count").unwrap();
    assert_eq!(
        link.get_attribute("href").as_deref(),
        Some("/record/entries/t%2Follvlk%20%239")
    );
}

#[wasm_bindgen_test]
async fn text_from_the_backend_is_never_markup() {
    let m = mount_with_session(SessionState::SignedOut, || {
        view! { <EntryCard card=entry("<img src=x onerror=alert(1)>") /> }
    });
    settle().await;
    assert!(all(&m.root, "img").is_empty());
    assert!(text_of(&m.root).contains("<img src=x onerror=alert(1)>"));
}
