//! Recent sign-ins, and signing out everywhere else.
//!
//! The test server answers every API request with 404 and no body: the
//! list never arrives and signing out elsewhere is never confirmed, which
//! is what is tested here, with the page's words and links.

use crate::support::*;
use leptos::prelude::*;
use record_access::pages::sign_ins::SignIns;
use record_access::session::SessionState;
use record_access_contract::AccessStatus;
use wasm_bindgen_test::*;
use web_sys::HtmlElement;

wasm_bindgen_test_configure!(run_in_browser);

const HEADING: &str = "Recent sign-ins";
const LOAD_FAILED: &str = "We could not load this list";
const NOT_CONFIRMED: &str = "We could not confirm that you were signed out on other devices";
const SIGN_INS: &str = "/session/sign-ins";
const END_OTHERS: &str = "/session/end-others";

fn mount_page(state: SessionState) -> Mounted {
    mount_with_session(state, || view! { <SignIns /> })
}

/// The "sign out everywhere else" button (the list's "try again" is the
/// other button on the page).
fn sign_out_button(m: &Mounted) -> HtmlElement {
    let buttons = all(&m.root, "button.nhsuk-button--secondary");
    assert_eq!(buttons.len(), 1, "one sign-out-everywhere-else button");
    buttons[0].clone()
}

/// Waits until the list has failed to load, so that no request of this
/// test is still on its way when the next one starts.
async fn until_failed(m: &Mounted) {
    wait_until(5000, || text_of(&m.root).contains(LOAD_FAILED)).await;
}

#[wasm_bindgen_test]
async fn signed_out_the_page_asks_to_sign_in_and_shows_no_sign_ins() {
    let _at = AddressGuard::at("/account/sign-ins");
    forget_requests();
    let m = mount_page(SessionState::SignedOut);
    settle().await;
    assert_asks_to_sign_in(&m, "%2Faccount%2Fsign-ins");
    assert!(!text_of(&m.root).contains(HEADING));
    assert!(all(&m.root, "button, ul").is_empty());
    quiet_for(200).await;
    assert_eq!(requests_to(SIGN_INS), 0, "nothing is asked for");
}

#[wasm_bindgen_test]
async fn with_record_access_off_the_page_still_stands_and_no_pressure_warning_is_asked_for() {
    for status in [AccessStatus::Disabled, AccessStatus::Unknown] {
        let _at = AddressGuard::at("/account/sign-ins");
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
        until_failed(&m).await;
    }
}

#[wasm_bindgen_test]
async fn the_page_says_what_to_do_about_a_sign_in_you_do_not_recognise() {
    let _at = AddressGuard::at("/account/sign-ins");
    let m = mount_page(signed_in_as(AccessStatus::Enabled));
    // Straight after mounting: the request cannot have been answered yet.
    let loading = find_by_text(&m.root, "[role='status']", "Loading").expect("a loading status");
    assert_eq!(text_of(&loading), "Loading");
    settle().await;
    assert_eq!(h1(&m), HEADING);
    assert_eq!(
        document().title(),
        "Account settings: sign-ins – GP health record – NHS"
    );
    let text = text_of(&m.root);
    assert!(text.contains("in the last 30 days, newest first"));
    let inset = find_by_text(&m.root, ".nhsuk-inset-text", "do not recognise").unwrap();
    assert!(text_of(&inset).contains(
        "If you do not recognise a sign-in, someone else may know your NHS login details."
    ));

    let login_help = find_by_text(&m.root, "a", "NHS login help").unwrap();
    assert_eq!(href(&login_help), "https://help.login.nhs.uk/");
    let rel = login_help.get_attribute("rel").unwrap_or_default();
    assert!(rel.split(' ').any(|r| r == "external"), "{rel}");
    assert!(rel.split(' ').any(|r| r == "noopener"), "{rel}");
    let turn_off = find_by_text(&m.root, "a", "Turn off access to your record").unwrap();
    assert_eq!(href(&turn_off), "/account");
    let people = find_by_text(&m.root, "a", "See who has proxy access").unwrap();
    assert_eq!(href(&people), "/account/people");
    let help = find_by_text(&m.root, "a", "Get help if someone is pressuring you").unwrap();
    assert_eq!(href(&help), "/help");
    let back = find_by_text(&m.root, "a", "Back").unwrap();
    assert_eq!(href(&back), "/");

    let button = sign_out_button(&m);
    assert_eq!(text_of(&button).trim(), "Sign out everywhere else");
    assert_eq!(button.get_attribute("type").as_deref(), Some("button"));
    assert!(!button.has_attribute("aria-disabled"));
    assert!(text.contains("This signs you out on every device except this one."));
    until_failed(&m).await;
}

#[wasm_bindgen_test]
async fn a_list_that_fails_to_load_says_so_and_try_again_loads_it_again() {
    let _at = AddressGuard::at("/account/sign-ins");
    forget_requests();
    let m = mount_page(signed_in_as(AccessStatus::Enabled));
    until_failed(&m).await;
    let alert = find_by_text(&m.root, "[role='alert']", LOAD_FAILED).unwrap();
    assert!(text_of(&alert).contains("Something went wrong on our side"));
    assert!(
        !text_of(&m.root).contains("There have been no sign-ins"),
        "a failure is not an empty list"
    );
    assert!(all(&m.root, "ul[aria-label='Sign-ins']").is_empty());
    assert!(find_by_text(&m.root, "[role='status']", "Loading").is_none());
    assert_eq!(requests_to(SIGN_INS), 1);

    find_by_text(&alert, "button", "Try again").unwrap().click();
    wait_until(5000, || requests_to(SIGN_INS) == 2).await;
    until_failed(&m).await;
    assert!(!text_of(&m.root).contains("There have been no sign-ins"));
    assert_eq!(requests_to(END_OTHERS), 0, "loading signs nobody out");
}

#[wasm_bindgen_test]
async fn signing_out_elsewhere_unconfirmed_says_so_and_offers_to_try_again() {
    let _at = AddressGuard::at("/account/sign-ins");
    let m = mount_page(signed_in_as(AccessStatus::Enabled));
    until_failed(&m).await;
    forget_requests();

    // A double click: the second press comes while the first is sending.
    let button = sign_out_button(&m);
    button.click();
    button.click();
    wait_until(5000, || text_of(&m.root).contains(NOT_CONFIRMED)).await;
    quiet_for(300).await;
    assert_eq!(requests_to(END_OTHERS), 1, "a double click sends once");

    let callout = find_by_text(&m.root, "[role='alert']", NOT_CONFIRMED).unwrap();
    assert!(text_of(&callout).contains("it is safe to do this more than once"));
    assert!(!text_of(&m.root).contains("You are signed out on every other device"));
    let button = sign_out_button(&m);
    assert_eq!(text_of(&button).trim(), "Try again");
    assert!(!button.has_attribute("aria-disabled"));

    // Trying again sends it again, and is still not confirmed.
    button.click();
    wait_until(5000, || requests_to(END_OTHERS) == 2).await;
    wait_until(5000, || {
        text_of(&sign_out_button(&m)).trim() == "Try again"
            && text_of(&m.root).contains(NOT_CONFIRMED)
    })
    .await;
    quiet_for(300).await;
    assert_eq!(requests_to(END_OTHERS), 2);
    assert!(!text_of(&m.root).contains("You are signed out on every other device"));
    assert_eq!(
        requests_to(SIGN_INS),
        0,
        "the list is loaded again only when done"
    );
}
