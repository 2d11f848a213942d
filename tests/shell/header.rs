use crate::support::*;
use leptos::prelude::*;
use record_access::components::header::Header;
use record_access::session::SessionState;
use record_access_contract::AccessStatus;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn signed_in() -> SessionState {
    SessionState::SignedIn(signed_in_session(AccessStatus::Enabled))
}

#[wasm_bindgen_test]
async fn signed_in_header_names_the_patient_and_offers_sign_out() {
    let m = mount_with_session(signed_in(), || view! { <Header /> });
    settle().await;
    let nav = all(&m.root, "nav[aria-label='Account']");
    assert_eq!(nav.len(), 1, "one account menu");
    assert!(text_of(&nav[0]).contains("Amira Khan"));
    let button = find_by_text(&m.root, "button", "Sign out").expect("a sign out button");
    assert_eq!(button.get_attribute("type").as_deref(), Some("button"));
}

#[wasm_bindgen_test]
async fn signed_out_header_shows_no_name_or_menu() {
    let m = mount_with_session(SessionState::SignedOut, || view! { <Header /> });
    settle().await;
    assert!(all(&m.root, "nav").is_empty());
    assert!(!text_of(&m.root).contains("Amira"));
    let home = all(&m.root, "a.nhsuk-header__service-logo");
    assert_eq!(home[0].get_attribute("href").as_deref(), Some("/"));
    assert_eq!(all(&m.root, "svg[role='img'][aria-label='NHS']").len(), 1);
}

#[wasm_bindgen_test]
async fn the_name_goes_when_the_session_ends() {
    let m = mount_with_session(signed_in(), || view! { <Header /> });
    settle().await;
    assert!(text_of(&m.root).contains("Amira Khan"));
    m.session.signed_out();
    settle().await;
    assert!(!text_of(&m.root).contains("Amira"));
    assert!(m.session.session().is_none());
}
