//! The form that asks the GP surgery to hide an entry.

use crate::support::*;
use leptos::prelude::*;
use record_access::pages::ask_to_hide::AskToHide;
use record_access::session::SessionState;
use record_access_contract::{AccessStatus, Entry, EntryKind, Visibility};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Event, EventInit, HtmlTextAreaElement};

wasm_bindgen_test_configure!(run_in_browser);

fn entry() -> Entry {
    Entry {
        id: "e-1".into(),
        kind: EntryKind::Consultation,
        recorded_on: "2025-01-10".into(),
        title: "Asthma review".into(),
        summary: None,
        clinician: None,
        location: None,
        visibility: Visibility::Visible,
        details: None,
        unopened: false,
    }
}

fn type_into(area: &HtmlTextAreaElement, text: &str) {
    area.set_value(text);
    let init = EventInit::new();
    init.set_bubbles(true);
    area.dispatch_event(&Event::new_with_event_init_dict("input", &init).unwrap())
        .unwrap();
}

#[wasm_bindgen_test]
async fn the_note_has_a_live_count_and_a_limit() {
    let state = SessionState::SignedIn(signed_in_session(AccessStatus::Enabled));
    let m = mount_with_session(state, || view! { <AskToHide entry=entry() /> });
    settle().await;
    assert!(
        text_of(&m.root).contains("Asthma review"),
        "says which entry"
    );
    assert_eq!(
        document().title(),
        "Ask your GP surgery – GP health record – NHS"
    );
    let count = || text_of(&all(&m.root, ".nhsuk-character-count__status")[0]);
    assert_eq!(count(), "You have 1000 characters remaining");

    let area: HtmlTextAreaElement = all(&m.root, "textarea")[0].clone().unchecked_into();
    assert_eq!(area.get_attribute("autocomplete").as_deref(), Some("off"));
    type_into(&area, "é".repeat(999).as_str());
    settle().await;
    assert_eq!(
        count(),
        "You have 1 character remaining",
        "characters, not bytes"
    );
    type_into(&area, &"a".repeat(1002));
    settle().await;
    assert_eq!(count(), "You have 2 characters too many");
    assert_eq!(
        area.value().chars().count(),
        1002,
        "the note is kept while typing"
    );

    let submit = find_by_text(&m.root, "button", "Send request").unwrap();
    submit.click();
    wait_until(2000, || {
        document()
            .active_element()
            .is_some_and(|e| e.class_list().contains("nhsuk-error-summary"))
    })
    .await;
    let link = find_by_text(
        &m.root,
        ".nhsuk-error-summary a",
        "1,000 characters or fewer",
    )
    .unwrap();
    link.click();
    settle().await;
    assert_eq!(
        document().active_element().map(|e| e.id()).as_deref(),
        Some("note")
    );
    assert_eq!(area.value().len(), 1002, "nothing lost");
}
