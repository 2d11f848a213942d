use crate::support::*;
use leptos::prelude::*;
use record_access::pages::{home::HomePage, not_found::NotFoundPage, signed_out::SignedOutPage};
use record_access::session::SessionState;
use record_access_contract::AccessStatus;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn h1(m: &Mounted) -> String {
    all(&m.root, "h1").first().map(text_of).unwrap_or_default()
}

#[wasm_bindgen_test]
async fn signed_out_visitors_get_a_sign_in_link_to_the_backend() {
    let m = mount_with_session(SessionState::SignedOut, || view! { <HomePage /> });
    settle().await;
    assert_eq!(h1(&m), "Your GP health record");
    let link = find_by_text(&m.root, "a", "Continue to NHS login").expect("a sign-in link");
    assert_eq!(
        link.get_attribute("href").as_deref(),
        Some("/api/v1/auth/login?return_to=%2F")
    );
    assert_eq!(document().title(), "Sign in – GP health record – NHS");
}

#[wasm_bindgen_test]
async fn signed_in_home_greets_by_given_name_and_says_when_access_starts() {
    let state = SessionState::SignedIn(signed_in_session(AccessStatus::Enabled));
    let m = mount_with_session(state, || view! { <HomePage /> });
    settle().await;
    assert_eq!(h1(&m), "Hello, Amira");
    assert!(text_of(&m.root).contains("from 1 March 2024"));
    assert_eq!(document().title(), "Home – GP health record – NHS");
}

#[wasm_bindgen_test]
async fn home_says_when_access_is_off() {
    for status in [AccessStatus::Disabled, AccessStatus::Unknown] {
        let state = SessionState::SignedIn(signed_in_session(status));
        let m = mount_with_session(state, || view! { <HomePage /> });
        settle().await;
        assert!(text_of(&m.root).contains("turned off"), "{status:?}");
        assert!(!text_of(&m.root).contains("1 March 2024"), "{status:?}");
    }
}

#[wasm_bindgen_test]
async fn checking_shows_a_status_message() {
    let m = mount_with_session(SessionState::Checking, || view! { <HomePage /> });
    settle().await;
    let status = all(&m.root, "[role='status']");
    assert_eq!(status.len(), 1);
    assert_eq!(text_of(&status[0]), "Loading");
}

#[wasm_bindgen_test]
async fn not_found_and_signed_out_pages_have_their_own_titles() {
    let m = mount_with_session(SessionState::SignedOut, || view! { <NotFoundPage /> });
    settle().await;
    assert_eq!(h1(&m), "Page not found");
    assert_eq!(
        document().title(),
        "Page not found – GP health record – NHS"
    );
    drop(m);
    let m = mount_with_session(SessionState::SignedOut, || view! { <SignedOutPage /> });
    settle().await;
    assert_eq!(h1(&m), "You have been signed out");
    assert_eq!(document().title(), "Signed out – GP health record – NHS");
    assert!(find_by_text(&m.root, "a", "Sign in again").is_some());
}

#[wasm_bindgen_test]
async fn links_to_the_backend_are_left_to_the_browser() {
    // The router would otherwise treat them as app pages.
    let m = mount_with_session(SessionState::SignedOut, || view! { <HomePage /> });
    settle().await;
    let link = find_by_text(&m.root, "a", "Continue to NHS login").unwrap();
    assert_eq!(link.get_attribute("rel").as_deref(), Some("external"));
}
