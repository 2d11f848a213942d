//! The "Exit this page" button and its Shift ×3 shortcut, wired into the
//! page. The component tests are built with the exit going to `#exited`
//! (`RECORD_ACCESS_EXIT_URL`, set by scripts/test), so that leaving
//! changes only the address's fragment instead of unloading the tests.

use crate::support::*;
use leptos::prelude::*;
use record_access::quick_exit::button::ExitThisPage;
use record_access::quick_exit::exit::EXITED_CLASS;
use record_access::session::SessionState;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{EventTarget, KeyboardEvent, KeyboardEventInit};

wasm_bindgen_test_configure!(run_in_browser);

fn mounted() -> Mounted {
    reset_exit();
    mount_with_session(SessionState::SignedOut, || view! { <ExitThisPage /> })
}

fn key(target: &EventTarget, kind: &str, key: &str) {
    let init = KeyboardEventInit::new();
    init.set_key(key);
    init.set_bubbles(true);
    let event = KeyboardEvent::new_with_keyboard_event_init_dict(kind, &init).unwrap();
    target.dispatch_event(&event).unwrap();
}

/// A lone press: Shift down and up with nothing in between.
fn shift(target: &EventTarget) {
    key(target, "keydown", "Shift");
    key(target, "keyup", "Shift");
}

fn announced(m: &Mounted) -> String {
    text_of(&all(&m.root, "[role=status]")[0])
}

fn exited() -> bool {
    let body = document().body().unwrap();
    body.class_list().contains(EXITED_CLASS) && window().location().hash().unwrap() == "#exited"
}

/// Undoes an exit, so that the next test starts on a normal page.
fn reset_exit() {
    let body = document().body().unwrap();
    let _ = body.class_list().remove_1(EXITED_CLASS);
    for overlay in all(&body, ".app-exit-overlay") {
        overlay.remove();
    }
    let _ = window().location().set_hash("");
}

fn window_target() -> EventTarget {
    window().unchecked_into()
}

#[wasm_bindgen_test]
async fn two_lone_presses_are_announced_and_do_not_exit() {
    let m = mounted();
    settle().await;
    shift(&window_target());
    settle().await;
    assert_eq!(announced(&m), "Shift, press 2 more times to exit.");
    shift(&window_target());
    settle().await;
    assert_eq!(announced(&m), "Shift, press 1 more time to exit.");
    assert!(!exited());
}

#[wasm_bindgen_test]
async fn three_lone_presses_exit_even_from_a_text_field() {
    let m = mounted();
    let input = document().create_element("input").unwrap();
    m.root.append_child(&input).unwrap();
    settle().await;
    for _ in 0..3 {
        shift(&input);
    }
    settle().await;
    assert!(exited(), "the page was covered and left");
    let overlay = all(&document().body().unwrap(), ".app-exit-overlay");
    assert_eq!(overlay.len(), 1, "a neutral overlay hides the page");
    reset_exit();
}

#[wasm_bindgen_test]
async fn shift_with_a_letter_or_another_key_starts_again() {
    let m = mounted();
    settle().await;
    let target = window_target();
    shift(&target);
    shift(&target);
    // A capital letter: Shift held with another key.
    key(&target, "keydown", "Shift");
    key(&target, "keydown", "A");
    key(&target, "keyup", "A");
    key(&target, "keyup", "Shift");
    settle().await;
    assert_eq!(announced(&m), "Exit this page expired.");
    shift(&target);
    shift(&target);
    key(&target, "keydown", "Enter");
    key(&target, "keyup", "Enter");
    shift(&target);
    settle().await;
    assert!(!exited(), "the count started again after each other key");
    assert_eq!(announced(&m), "Shift, press 2 more times to exit.");
}

#[wasm_bindgen_test]
async fn a_gap_of_over_five_seconds_starts_again() {
    let m = mounted();
    settle().await;
    shift(&window_target());
    shift(&window_target());
    settle().await;
    wait_until(7_000, || announced(&m) == "Exit this page expired.").await;
    shift(&window_target());
    settle().await;
    assert!(!exited());
    assert_eq!(announced(&m), "Shift, press 2 more times to exit.");
}

#[wasm_bindgen_test]
async fn the_button_exits_and_is_a_plain_link_too() {
    let m = mounted();
    settle().await;
    let button = find_by_text(&m.root, "a", "Exit this page").expect("the button");
    assert_eq!(
        button.get_attribute("href").as_deref(),
        Some("/api/v1/auth/exit"),
        "it leaves even without the app"
    );
    button.click();
    settle().await;
    assert!(exited());
    reset_exit();
}
