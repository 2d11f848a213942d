//! The steps of turning off access, and the error summary they share.

use crate::support::*;
use leptos::prelude::*;
use record_access::pages::turn_off_access::TurnOffAccess;
use record_access::routing::route::AccountStep;
use record_access::session::SessionState;
use record_access_contract::AccessStatus;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{HtmlElement, HtmlInputElement};

wasm_bindgen_test_configure!(run_in_browser);

fn signed_in() -> SessionState {
    SessionState::SignedIn(signed_in_session(AccessStatus::Enabled))
}

fn mount_step(state: SessionState, step: AccountStep) -> Mounted {
    mount_with_session(state, move || view! { <TurnOffAccess step /> })
}

fn active_element() -> Option<web_sys::Element> {
    document().active_element()
}

fn press(el: &HtmlElement) {
    el.click();
}

fn submit_button(m: &Mounted) -> HtmlElement {
    all(&m.root, "button[type='submit']")
        .into_iter()
        .next()
        .expect("a submit button")
}

fn address() -> String {
    let l = window().location();
    format!("{}{}", l.pathname().unwrap(), l.search().unwrap())
}

#[wasm_bindgen_test]
async fn the_first_step_explains_and_continues_in_the_same_history_entry() {
    let _at = AddressGuard::at("/account");
    let m = mount_step(signed_in(), AccountStep::About);
    settle().await;
    assert_eq!(h1(&m), "Turn off access to your GP health record");
    assert!(text_of(&m.root).contains("contact your GP surgery"));
    let next = find_by_text(&m.root, "a", "Continue").expect("continue");
    assert_eq!(
        next.get_attribute("href").as_deref(),
        Some("/account/choose")
    );
    assert!(
        next.has_attribute("data-replace"),
        "steps replace the history entry"
    );
    assert_eq!(
        document().title(),
        "Account settings – GP health record – NHS"
    );
}

#[wasm_bindgen_test]
async fn choosing_nothing_shows_the_error_summary_and_its_link_focuses_the_field() {
    let _at = AddressGuard::at("/account/choose");
    let m = mount_step(signed_in(), AccountStep::Choose);
    settle().await;
    assert_eq!(h1(&m), "What do you want to turn off?");
    assert!(all(&m.root, ".nhsuk-error-summary").is_empty());

    press(&submit_button(&m));
    wait_until(2000, || {
        active_element().is_some_and(|e| e.class_list().contains("nhsuk-error-summary"))
    })
    .await;
    let summary = &all(&m.root, ".nhsuk-error-summary")[0];
    assert!(text_of(summary).contains("There is a problem"));
    assert_eq!(all(&m.root, ".nhsuk-form-group--error").len(), 1);
    let message = &all(&m.root, "#option-app-error")[0];
    assert!(text_of(message).contains("Select what you want to turn off"));
    let fieldset = &all(&m.root, "fieldset")[0];
    assert_eq!(
        fieldset.get_attribute("aria-describedby").as_deref(),
        Some("option-app-error")
    );
    assert_eq!(
        address(),
        "/account/choose",
        "nothing chosen, nowhere to go"
    );

    let link = find_by_text(summary, "a", "Select what you want to turn off").unwrap();
    assert_eq!(link.get_attribute("href").as_deref(), Some("#option-app"));
    press(&link);
    settle().await;
    assert_eq!(
        active_element().map(|e| e.id()).as_deref(),
        Some("option-app")
    );
    assert_eq!(
        address(),
        "/account/choose",
        "the link does not change the address"
    );

    // A second failed submit moves focus back to the summary.
    let _ = link.blur();
    press(&submit_button(&m));
    wait_until(2000, || {
        active_element().is_some_and(|e| e.class_list().contains("nhsuk-error-summary"))
    })
    .await;
}

#[wasm_bindgen_test]
async fn the_choice_goes_into_the_address_and_on_to_the_check_step() {
    let _at = AddressGuard::at("/account/choose");
    let m = mount_step(signed_in(), AccountStep::Choose);
    settle().await;
    let login: HtmlInputElement = all(&m.root, "#option-login")[0].clone().unchecked_into();
    login.click();
    settle().await;
    assert_eq!(address(), "/account/choose?option=login");
    press(&submit_button(&m));
    settle().await;
    assert_eq!(address(), "/account/check?option=login");
}

#[wasm_bindgen_test]
async fn a_choice_in_the_address_is_kept() {
    let _at = AddressGuard::at("/account/choose?option=app");
    let m = mount_step(signed_in(), AccountStep::Choose);
    settle().await;
    let app: HtmlInputElement = all(&m.root, "#option-app")[0].clone().unchecked_into();
    assert!(app.checked());
}

#[wasm_bindgen_test]
async fn the_check_step_needs_the_confirmation_before_anything_is_sent() {
    let _at = AddressGuard::at("/account/check?option=login");
    let m = mount_step(signed_in(), AccountStep::Check);
    settle().await;
    assert_eq!(h1(&m), "Check your answer");
    assert!(text_of(&m.root).contains("My NHS login"));
    let change = find_by_text(&m.root, "a", "Change").unwrap();
    assert_eq!(
        change.get_attribute("href").as_deref(),
        Some("/account/choose?option=login")
    );
    assert_eq!(text_of(&submit_button(&m)).trim(), "Disable my NHS login");

    press(&submit_button(&m));
    wait_until(2000, || {
        active_element().is_some_and(|e| e.class_list().contains("nhsuk-error-summary"))
    })
    .await;
    let link = find_by_text(
        &m.root,
        ".nhsuk-error-summary a",
        "Confirm that you understand",
    )
    .unwrap();
    press(&link);
    settle().await;
    assert_eq!(active_element().map(|e| e.id()).as_deref(), Some("confirm"));
    assert_eq!(
        text_of(&submit_button(&m)).trim(),
        "Disable my NHS login",
        "nothing was sent"
    );
    assert_eq!(
        document().title(),
        "Account settings: check – GP health record – NHS"
    );
}

#[wasm_bindgen_test]
async fn the_check_step_without_a_choice_asks_for_one() {
    let _at = AddressGuard::at("/account/check?option=everything");
    let m = mount_step(signed_in(), AccountStep::Check);
    settle().await;
    assert_eq!(h1(&m), "What do you want to turn off?");
}

#[wasm_bindgen_test]
async fn when_access_is_off_no_step_offers_to_turn_it_off() {
    for step in [AccountStep::About, AccountStep::Choose, AccountStep::Check] {
        let _at = AddressGuard::at("/account/check?option=app");
        let state = SessionState::SignedIn(signed_in_session(AccessStatus::Disabled));
        let m = mount_step(state, step);
        settle().await;
        assert_eq!(
            h1(&m),
            "Access to your GP health record is turned off",
            "{step:?}"
        );
        assert!(all(&m.root, "button, input").is_empty(), "{step:?}");
    }
}

#[wasm_bindgen_test]
async fn signed_out_the_flow_offers_sign_in_back_to_the_same_step() {
    let _at = AddressGuard::at("/account/check?option=login");
    let m = mount_step(SessionState::SignedOut, AccountStep::Check);
    settle().await;
    assert_eq!(h1(&m), "Sign in to continue");
    let link = find_by_text(&m.root, "a", "Continue to NHS login").unwrap();
    assert_eq!(
        link.get_attribute("href").as_deref(),
        Some("/api/v1/auth/login?return_to=%2Faccount%2Fcheck%3Foption%3Dlogin")
    );
    assert!(all(&m.root, "form").is_empty());
}

#[wasm_bindgen_test]
async fn the_last_step_shows_the_reference_from_the_address() {
    let _at = AddressGuard::at("/account/done?option=login&ref=RA-7F3K");
    let m = mount_step(SessionState::SignedOut, AccountStep::Done);
    settle().await;
    assert_eq!(h1(&m), "Your NHS login is disabled");
    assert_eq!(
        text_of(&all(&m.root, "[data-testid='reference']")[0]),
        "RA-7F3K"
    );
    assert_eq!(
        document().title(),
        "Account settings: done – GP health record – NHS"
    );

    let _at = AddressGuard::at("/account/done?option=app");
    let m = mount_step(SessionState::SignedOut, AccountStep::Done);
    settle().await;
    assert_eq!(h1(&m), "Page not found", "no reference, no claim");
}
