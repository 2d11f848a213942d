//! A new result the patient has not opened: only its kind and date on the
//! timeline, never found by a search, and shown in place, with focus on
//! it and the backend told once, when the patient opens it.

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

const SECRET_TITLE: &str = "Canary biopsy";
const SECRET_SUMMARY: &str = "Canary summary";
const SECRET_WHO: &str = "Dr Canary";

fn entry(id: &str, title: &str, unopened: bool) -> Entry {
    Entry {
        id: id.into(),
        kind: EntryKind::TestResult,
        recorded_on: "2025-02-03".into(),
        title: title.into(),
        summary: Some(if unopened {
            SECRET_SUMMARY.into()
        } else {
            format!("Summary of {title}")
        }),
        clinician: Some(if unopened {
            SECRET_WHO.into()
        } else {
            "Dr Ana Müller".into()
        }),
        location: Some(if unopened {
            "Canary Surgery".into()
        } else {
            "Riverside Medical Practice".into()
        }),
        visibility: Visibility::Visible,
        details: None,
        unopened,
    }
}

fn timeline() -> (Mounted, AddressGuard) {
    let guard = AddressGuard::at("/record");
    let mut session = signed_in_session(AccessStatus::Enabled);
    session.safeguarding.acknowledged = true;
    let m = mount_with_session(SessionState::SignedIn(session), || {
        let mut record = SafeRecord::new("2024-03-01");
        record.add_page(EntriesPage {
            available_from: "2024-03-01".into(),
            entries: vec![
                Lenient::Valid(entry("r9x2", SECRET_TITLE, true)),
                Lenient::Valid(entry("k3q7", "Cholesterol", false)),
            ],
            next_cursor: None,
        });
        provide_loaded_record_store(record);
        view! { <RecordTimeline /> }
    });
    (m, guard)
}

fn assert_nothing_of_it_shown(m: &Mounted) {
    let html = m.root.inner_html();
    for secret in [SECRET_TITLE, SECRET_SUMMARY, SECRET_WHO, "Canary Surgery"] {
        assert!(!html.contains(secret), "{secret} is in the page");
    }
    assert!(!document().title().contains("Canary"));
    assert!(
        all(&m.root, "a").iter().all(|a| !href(a).contains("r9x2")),
        "no link to it"
    );
}

fn search(m: &Mounted, text: &str) {
    let label = find_by_text(&m.root, "label", "Search your record").expect("the search");
    let id = label.get_attribute("for").unwrap();
    let field: HtmlInputElement = document().get_element_by_id(&id).unwrap().unchecked_into();
    field.set_value(text);
    field
        .dispatch_event(&InputEvent::new("input").unwrap())
        .unwrap();
}

#[wasm_bindgen_test]
async fn an_unopened_result_shows_its_kind_and_date_and_nothing_else() {
    let (m, _guard) = timeline();
    settle().await;
    assert_nothing_of_it_shown(&m);
    let text = text_of(&m.root);
    assert!(
        text.contains("New result: open it when you are ready"),
        "{text}"
    );
    assert!(text.contains("You may want someone with you"), "{text}");
    assert!(text.contains("3 February 2025"));
    assert!(text.contains("Showing 2 entries"));
    let button = find_by_text(&m.root, "button", "Open this result").expect("a button");
    assert!(
        text_of(&button).contains("from 3 February 2025"),
        "named by its date"
    );
}

#[wasm_bindgen_test]
async fn a_search_never_finds_it_and_says_so() {
    let (m, _guard) = timeline();
    settle().await;
    search(&m, "canary");
    wait_until(2000, || text_of(&m.root).contains("No entries match")).await;
    assert!(text_of(&m.root).contains("Results you have not opened are not searched."));
    assert_nothing_of_it_shown(&m);

    search(&m, "");
    wait_until(2000, || text_of(&m.root).contains("Showing 2 entries")).await;
    assert!(!text_of(&m.root).contains("Results you have not opened are not searched."));
}

#[wasm_bindgen_test]
async fn opening_it_shows_it_in_place_moves_focus_and_tells_the_backend_once() {
    let (m, _guard) = timeline();
    settle().await;
    forget_requests();
    let button = find_by_text(&m.root, "button", "Open this result").expect("a button");
    button.click();
    wait_until(2000, || text_of(&m.root).contains(SECRET_TITLE)).await;
    assert!(text_of(&m.root).contains(SECRET_SUMMARY));
    let link = find_by_text(&m.root, "a", SECRET_TITLE).expect("its link");
    wait_until(2000, || {
        document()
            .active_element()
            .is_some_and(|el| el == *link.unchecked_ref::<web_sys::Element>())
    })
    .await;
    assert!(find_by_text(&m.root, "button", "Open this result").is_none());
    wait_until(2000, || requests_to("/record/entries/r9x2/opened") == 1).await;

    // Now a search finds it.
    search(&m, "canary biopsy");
    wait_until(2000, || text_of(&m.root).contains("Showing 1 entry")).await;
    assert!(!text_of(&m.root).contains("Results you have not opened are not searched."));
    assert_eq!(requests_to("/record/entries/r9x2/opened"), 1, "told once");
}
