//! The inactivity warning: a modal dialog that takes focus, and that
//! Escape neither closes nor uses to extend the session.

use crate::support::*;
use leptos::prelude::*;
use record_access::idle::dialog::IdleTimeout;
use record_access::session::SessionState;
use record_access_contract::AccessStatus;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Event, EventInit, HtmlDialogElement};

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
async fn the_warning_takes_focus_and_escape_does_not_close_it() {
    // Ten seconds: the warning comes at eight.
    let m = mount_with_session(
        SessionState::SignedIn(signed_in_session(AccessStatus::Enabled)),
        || view! { <IdleTimeout timeout_seconds=10 /> },
    );
    let dialog: HtmlDialogElement = all(&m.root, "dialog")[0].clone().unchecked_into();
    assert!(!dialog.open(), "no warning while there is time");

    wait_until(9_500, || dialog.open()).await;
    assert!(
        dialog.matches(":modal").unwrap(),
        "modal: the page behind is inert"
    );
    let focused = document().active_element().unwrap();
    assert_eq!(focused.text_content().unwrap(), "Stay signed in");
    assert!(text_of(&m.root).contains("You will be signed out in"));
    assert!(
        !text_of(&m.root).contains("Amira"),
        "the dialog names nobody"
    );

    // Escape asks the dialog to cancel: refused.
    let init = EventInit::new();
    init.set_cancelable(true);
    let cancel = Event::new_with_event_init_dict("cancel", &init).unwrap();
    dialog.dispatch_event(&cancel).unwrap();
    assert!(cancel.default_prevented());
    // A browser that closes it anyway gets it back.
    // (The close event comes as a task of its own.)
    dialog.close();
    wait_until(1_000, || dialog.open()).await;
    drop(m);
}
