use crate::support::*;
use leptos::prelude::*;
use record_access::components::record_gate::RecordGate;
use record_access::session::SessionState;
use record_access_contract::AccessStatus;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const SECRET: &str = "Record content behind the gate";

fn gated(state: SessionState) -> Mounted {
    mount_with_session(state, || {
        view! {
            <RecordGate>
                <p>{SECRET}</p>
            </RecordGate>
        }
    })
}

fn signed_in(acknowledged: bool, status: AccessStatus) -> SessionState {
    let mut session = signed_in_session(status);
    session.safeguarding.acknowledged = acknowledged;
    SessionState::SignedIn(session)
}

#[wasm_bindgen_test]
async fn the_warning_stands_before_the_record_and_continue_opens_it() {
    let m = gated(signed_in(false, AccessStatus::Enabled));
    settle().await;
    assert!(text_of(&m.root).contains("Nobody can make you share your record"));
    assert!(
        !text_of(&m.root).contains(SECRET),
        "no record content before continuing"
    );
    assert_eq!(
        document().title(),
        "Before you continue – GP health record – NHS"
    );
    let help = find_by_text(&m.root, "a", "Get help").expect("a help link");
    assert_eq!(help.get_attribute("href").as_deref(), Some("/help"));

    // The acknowledgement cannot be recorded here (no backend): the
    // patient still gets through.
    find_by_text(&m.root, "button", "Continue to your record")
        .unwrap()
        .click();
    settle().await;
    assert!(text_of(&m.root).contains(SECRET));
    assert!(m.session.acknowledged());
}

#[wasm_bindgen_test]
async fn an_acknowledged_session_goes_straight_to_the_record() {
    let m = gated(signed_in(true, AccessStatus::Enabled));
    settle().await;
    assert!(text_of(&m.root).contains(SECRET));
    assert!(!text_of(&m.root).contains("Before you continue"));
}

#[wasm_bindgen_test]
async fn access_off_or_unknown_shows_no_record() {
    for status in [AccessStatus::Disabled, AccessStatus::Unknown] {
        let m = gated(signed_in(true, status));
        settle().await;
        assert!(text_of(&m.root).contains("turned off"), "{status:?}");
        assert!(!text_of(&m.root).contains(SECRET), "{status:?}");
    }
}

#[wasm_bindgen_test]
async fn signed_out_visitors_are_asked_to_sign_in_and_come_back_here() {
    let m = gated(SessionState::SignedOut);
    settle().await;
    assert!(!text_of(&m.root).contains(SECRET));
    let link = find_by_text(&m.root, "a", "Continue to NHS login").unwrap();
    let href = link.get_attribute("href").unwrap();
    assert!(
        href.starts_with("/api/v1/auth/login?return_to=%2F"),
        "{href}"
    );
    assert_eq!(link.get_attribute("rel").as_deref(), Some("external"));
}

#[wasm_bindgen_test]
async fn while_checking_nothing_of_the_record_is_there() {
    let m = gated(SessionState::Checking);
    settle().await;
    assert!(!text_of(&m.root).contains(SECRET));
    assert_eq!(all(&m.root, "[role='status']").len(), 1);
}
