//! Who can see the record: the people with proxy access, and the ways in.
//!
//! The test server answers every API request with 404 and no body, so the
//! list never arrives here: what is tested is what the pages say while it
//! loads, when it fails, and what does not need the list at all (the
//! gate, the steps the address asks for, the last step, the links).

use crate::support::*;
use leptos::prelude::*;
use record_access::components::{header::Header, pressure_warning::PressureWarning};
use record_access::pages::{help::HelpPage, home::HomePage, people::People};
use record_access::routing::route::PeopleStep;
use record_access::session::SessionState;
use record_access_contract::AccessStatus;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const HEADING: &str = "People who can see your record";
const LOAD_FAILED: &str = "We could not load this list";
const NOBODY: &str = "Nobody has proxy access";
const PROXIES: &str = "/access/proxies";

fn mount_step(state: SessionState, step: PeopleStep) -> Mounted {
    mount_with_session(state, move || view! { <People step /> })
}

/// Waits until the list has failed to load, so that no request of this
/// test is still on its way when the next one starts.
async fn until_failed(m: &Mounted) {
    wait_until(5000, || text_of(&m.root).contains(LOAD_FAILED)).await;
}

#[wasm_bindgen_test]
async fn signed_out_every_step_asks_to_sign_in_back_to_the_same_address_and_shows_no_list() {
    for (step, address, return_to) in [
        (PeopleStep::List, "/account/people", "%2Faccount%2Fpeople"),
        (
            PeopleStep::Check,
            "/account/people/check?person=px-1",
            "%2Faccount%2Fpeople%2Fcheck%3Fperson%3Dpx-1",
        ),
        (
            PeopleStep::Done,
            "/account/people/done?ref=RA-1",
            "%2Faccount%2Fpeople%2Fdone%3Fref%3DRA-1",
        ),
    ] {
        let _at = AddressGuard::at(address);
        forget_requests();
        let m = mount_step(SessionState::SignedOut, step);
        settle().await;
        assert_asks_to_sign_in(&m, return_to);
        let text = text_of(&m.root);
        assert!(!text.contains(HEADING), "{step:?}");
        assert!(!text.contains("Request sent"), "{step:?}");
        assert!(!text.contains("RA-1"), "{step:?}");
        assert!(all(&m.root, "[data-testid='people'], form").is_empty());
        quiet_for(200).await;
        assert_eq!(requests_to(PROXIES), 0, "nothing is asked for: {step:?}");
    }
}

#[wasm_bindgen_test]
async fn with_record_access_off_the_list_still_stands_and_no_pressure_warning_is_asked_for() {
    for status in [AccessStatus::Disabled, AccessStatus::Unknown] {
        let _at = AddressGuard::at("/account/people");
        // Not acknowledged: the record pages would show the warning first.
        let m = mount_step(signed_in_as(status), PeopleStep::List);
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
        assert_eq!(
            document().title(),
            "Account settings: people – GP health record – NHS"
        );
        until_failed(&m).await;
    }
}

#[wasm_bindgen_test]
async fn while_the_list_loads_a_status_says_so_and_nobody_is_claimed() {
    let _at = AddressGuard::at("/account/people");
    let m = mount_step(signed_in_as(AccessStatus::Enabled), PeopleStep::List);
    // Straight after mounting: the request cannot have been answered yet.
    let status = all(&m.root, "[role='status']");
    assert_eq!(status.len(), 1);
    assert_eq!(text_of(&status[0]), "Loading");
    assert_eq!(h1(&m), HEADING);
    assert!(!text_of(&m.root).contains(NOBODY));
    until_failed(&m).await;
}

#[wasm_bindgen_test]
async fn a_list_that_fails_to_load_says_so_and_try_again_loads_it_again() {
    let _at = AddressGuard::at("/account/people");
    forget_requests();
    let m = mount_step(signed_in_as(AccessStatus::Enabled), PeopleStep::List);
    until_failed(&m).await;
    assert_eq!(h1(&m), HEADING);
    let alert = find_by_text(&m.root, "[role='alert']", LOAD_FAILED).expect("an alert");
    assert!(text_of(&alert).contains("Something went wrong on our side"));
    let text = text_of(&m.root);
    assert!(!text.contains(NOBODY), "a failure is not an empty list");
    assert!(all(&m.root, "[data-testid='nobody'], [data-testid='people']").is_empty());
    assert!(
        all(&m.root, "[role='status']").is_empty(),
        "no longer loading"
    );
    assert_eq!(requests_to(PROXIES), 1);

    let again = find_by_text(&alert, "button", "Try again").expect("try again");
    assert_eq!(again.get_attribute("type").as_deref(), Some("button"));
    again.click();
    wait_until(5000, || requests_to(PROXIES) == 2).await;
    until_failed(&m).await;
    assert!(!text_of(&m.root).contains(NOBODY));
    assert_eq!(
        all(&m.root, "[role='alert']").len(),
        1,
        "one failure, not two"
    );
}

#[wasm_bindgen_test]
async fn the_check_step_without_a_person_shows_everyone() {
    for address in ["/account/people/check", "/account/people/check?person="] {
        let _at = AddressGuard::at(address);
        let m = mount_step(signed_in_as(AccessStatus::Enabled), PeopleStep::Check);
        settle().await;
        assert_eq!(h1(&m), HEADING, "{address}");
        assert!(find_by_text(&m.root, "button", "Send request").is_none());
        assert_eq!(
            document().title(),
            "Account settings: people – GP health record – NHS"
        );
        until_failed(&m).await;
    }
}

#[wasm_bindgen_test]
async fn the_check_step_whose_list_fails_offers_to_try_again_and_nothing_to_send() {
    let _at = AddressGuard::at("/account/people/check?person=px-1");
    let m = mount_step(signed_in_as(AccessStatus::Disabled), PeopleStep::Check);
    settle().await;
    assert_eq!(
        document().title(),
        "Account settings: people, check – GP health record – NHS"
    );
    until_failed(&m).await;
    assert_eq!(h1(&m), "Ask your GP surgery to remove their access");
    assert!(find_by_text(&m.root, "[role='alert'] button", "Try again").is_some());
    assert!(find_by_text(&m.root, "button", "Send request").is_none());
    assert!(all(&m.root, "form").is_empty());
    assert!(!text_of(&m.root).contains("no longer has proxy access"));
    let back = find_by_text(&m.root, "a", "Back").expect("a back link");
    assert_eq!(href(&back), "/account/people");
}

#[wasm_bindgen_test]
async fn the_done_step_shows_the_reference_from_the_address_and_without_one_is_not_found() {
    let _at = AddressGuard::at("/account/people/done?ref=RA-1");
    let m = mount_step(signed_in_as(AccessStatus::Enabled), PeopleStep::Done);
    settle().await;
    assert_eq!(h1(&m), "Request sent");
    assert_eq!(
        text_of(&all(&m.root, "[data-testid='reference']")[0]),
        "RA-1"
    );
    assert_eq!(
        document().title(),
        "Account settings: people, done – GP health record – NHS"
    );
    let back = find_by_text(&m.root, "a", "Back to people who can see your record").unwrap();
    assert_eq!(href(&back), "/account/people");
    drop(m);

    for address in ["/account/people/done", "/account/people/done?ref="] {
        let _at = AddressGuard::at(address);
        let m = mount_step(signed_in_as(AccessStatus::Enabled), PeopleStep::Done);
        settle().await;
        assert_eq!(
            h1(&m),
            "Page not found",
            "no reference, no claim: {address}"
        );
        assert!(!text_of(&m.root).contains("Request sent"));
    }
}

#[wasm_bindgen_test]
async fn home_links_to_the_people_and_sign_ins_pages() {
    for status in [AccessStatus::Enabled, AccessStatus::Disabled] {
        let m = mount_with_session(signed_in_as(status), || view! { <HomePage /> });
        settle().await;
        let people = find_by_text(&m.root, "a", "Check who can see your record").unwrap();
        assert_eq!(href(&people), "/account/people", "{status:?}");
        let sign_ins = find_by_text(&m.root, "a", "Check recent sign-ins").unwrap();
        assert_eq!(href(&sign_ins), "/account/sign-ins", "{status:?}");
    }
}

#[wasm_bindgen_test]
async fn help_links_to_the_people_and_sign_ins_pages() {
    let m = mount_with_session(SessionState::SignedOut, || view! { <HelpPage /> });
    settle().await;
    let people = find_by_text(&m.root, "a", HEADING).unwrap();
    assert_eq!(href(&people), "/account/people");
    let sign_ins = find_by_text(&m.root, "a", "Recent sign-ins").unwrap();
    assert_eq!(href(&sign_ins), "/account/sign-ins");
}

#[wasm_bindgen_test]
async fn the_account_menu_links_to_the_people_page() {
    let m = mount_with_session(signed_in_as(AccessStatus::Enabled), || view! { <Header /> });
    settle().await;
    let nav = &all(&m.root, "nav[aria-label='Account']")[0];
    let link = find_by_text(nav, "a", "Who can see your record").unwrap();
    assert_eq!(href(&link), "/account/people");
}

#[wasm_bindgen_test]
async fn the_pressure_warning_links_to_the_people_page() {
    let m = mount_with_session(signed_in_as(AccessStatus::Enabled), || {
        view! { <PressureWarning /> }
    });
    settle().await;
    let item = find_by_text(&m.root, "ul li", "check who else can see your record").unwrap();
    let link = &all(&item, "a")[0];
    assert_eq!(href(link), "/account/people");
    assert_eq!(text_of(link), "you can check who else can see your record");
}
