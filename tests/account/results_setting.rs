//! When new test results appear: the setting and the ways in.
//!
//! The test server answers every API request with 404 and no body, so the
//! stored choice never arrives here: what is tested is the gate, what the
//! page says while it loads and when it fails (never a guessed choice),
//! and the links to it. Saving is tested end to end.

use crate::support::*;
use leptos::prelude::*;
use record_access::components::header::Header;
use record_access::pages::{help::HelpPage, home::HomePage, results_setting::ResultsSetting};
use record_access::session::SessionState;
use record_access_contract::AccessStatus;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const HEADING: &str = "When to show new test results";
const LOAD_FAILED: &str = "We could not load your setting";
const PREFERENCES: &str = "/preferences";
const TITLE: &str = "Account settings: results – GP health record – NHS";

fn mount_page(state: SessionState) -> Mounted {
    mount_with_session(state, || view! { <ResultsSetting /> })
}

/// Waits until the setting has failed to load, so that no request of this
/// test is still on its way when the next one starts.
async fn until_failed(m: &Mounted) {
    wait_until(5000, || text_of(&m.root).contains(LOAD_FAILED)).await;
}

/// No choice is offered, and nothing can be saved.
fn assert_no_choice(m: &Mounted) {
    assert!(all(&m.root, "input[type='radio'], form").is_empty());
    assert!(find_by_text(&m.root, "button", "Save").is_none());
}

#[wasm_bindgen_test]
async fn signed_out_it_asks_to_sign_in_back_to_the_same_address_and_loads_nothing() {
    let _at = AddressGuard::at("/account/results");
    forget_requests();
    let m = mount_page(SessionState::SignedOut);
    settle().await;
    assert_asks_to_sign_in(&m, "%2Faccount%2Fresults");
    assert!(!text_of(&m.root).contains(HEADING));
    assert_no_choice(&m);
    quiet_for(200).await;
    assert_eq!(requests_to(PREFERENCES), 0, "nothing is asked for");
}

#[wasm_bindgen_test]
async fn with_record_access_off_the_page_still_stands_and_no_pressure_warning_is_asked_for() {
    for status in [AccessStatus::Disabled, AccessStatus::Unknown] {
        let _at = AddressGuard::at("/account/results");
        // Not acknowledged: the record pages would show the warning first.
        let m = mount_page(signed_in_as(status));
        settle().await;
        assert_eq!(h1(&m), HEADING, "{status:?}");
        let text = text_of(&m.root);
        assert!(
            !text.contains("Access to your GP health record is turned off"),
            "{status:?}"
        );
        assert!(
            !text.contains("Nobody can make you share your record"),
            "{status:?}"
        );
        assert_eq!(document().title(), TITLE);
        until_failed(&m).await;
    }
}

#[wasm_bindgen_test]
async fn while_the_setting_loads_a_status_says_so_and_no_choice_is_offered() {
    let _at = AddressGuard::at("/account/results");
    let m = mount_page(signed_in_as(AccessStatus::Enabled));
    // Straight after mounting: the request cannot have been answered yet.
    let status = all(&m.root, "[role='status']");
    assert_eq!(status.len(), 1);
    assert_eq!(text_of(&status[0]), "Loading");
    assert_eq!(h1(&m), HEADING);
    assert_no_choice(&m);
    until_failed(&m).await;
}

#[wasm_bindgen_test]
async fn a_setting_that_fails_to_load_says_so_guesses_nothing_and_try_again_loads_it_again() {
    let _at = AddressGuard::at("/account/results");
    forget_requests();
    let m = mount_page(signed_in_as(AccessStatus::Enabled));
    until_failed(&m).await;
    assert_eq!(h1(&m), HEADING);
    let alert = find_by_text(&m.root, "[role='alert']", LOAD_FAILED).expect("an alert");
    assert!(text_of(&alert).contains("Something went wrong on our side"));
    assert_no_choice(&m);
    assert!(
        all(&m.root, "[role='status']").is_empty(),
        "no longer loading"
    );
    assert_eq!(requests_to(PREFERENCES), 1);

    let again = find_by_text(&alert, "button", "Try again").expect("try again");
    assert_eq!(again.get_attribute("type").as_deref(), Some("button"));
    again.click();
    wait_until(5000, || requests_to(PREFERENCES) == 2).await;
    until_failed(&m).await;
    assert_no_choice(&m);
    assert_eq!(
        all(&m.root, "[role='alert']").len(),
        1,
        "one failure, not two"
    );
    // The way to help is there whatever happened.
    let help = find_by_text(&m.root, "a", "Get help from a free, confidential helpline").unwrap();
    assert_eq!(href(&help), "/help");
    let back = find_by_text(&m.root, "a", "Back").unwrap();
    assert_eq!(href(&back), "/");
}

#[wasm_bindgen_test]
async fn home_links_to_the_setting_whether_or_not_record_access_is_on() {
    for status in [AccessStatus::Enabled, AccessStatus::Disabled] {
        let m = mount_with_session(signed_in_as(status), || view! { <HomePage /> });
        settle().await;
        let link = find_by_text(&m.root, "a", "Choose when to see new test results").unwrap();
        assert_eq!(href(&link), "/account/results", "{status:?}");
    }
}

#[wasm_bindgen_test]
async fn help_says_what_the_setting_does_and_links_to_it() {
    let m = mount_with_session(SessionState::SignedOut, || view! { <HelpPage /> });
    settle().await;
    assert!(find_by_text(&m.root, "h3", "Choose when you see new test results").is_some());
    let link = find_by_text(&m.root, "a", HEADING).unwrap();
    assert_eq!(href(&link), "/account/results");
}

#[wasm_bindgen_test]
async fn the_account_menu_links_to_the_setting() {
    let m = mount_with_session(signed_in_as(AccessStatus::Enabled), || view! { <Header /> });
    settle().await;
    let nav = &all(&m.root, "nav[aria-label='Account']")[0];
    let link = find_by_text(nav, "a", "When to show test results").unwrap();
    assert_eq!(href(&link), "/account/results");
}
