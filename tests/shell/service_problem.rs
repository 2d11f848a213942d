use crate::support::*;
use leptos::prelude::*;
use record_access::api::ApiError;
use record_access::components::service_problem::ServiceProblem;
use record_access::session::SessionState;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
async fn offers_try_again_once_then_other_help() {
    let tries = RwSignal::new(0u32);
    let retry = Callback::new(move |()| tries.update(|n| *n += 1));
    let m = mount_with_session(SessionState::SignedOut, move || {
        view! { <ServiceProblem error=ApiError::Timeout retry tries_left=1 /> }
    });
    settle().await;
    assert!(text_of(&m.root).contains("taking longer"));
    assert!(text_of(&m.root).contains("call 111"));
    find_by_text(&m.root, "button", "Try again")
        .expect("try again")
        .click();
    settle().await;
    assert_eq!(tries.get_untracked(), 1);
    drop(m);

    let m = mount_with_session(SessionState::SignedOut, move || {
        view! { <ServiceProblem error=ApiError::Network retry tries_left=0 /> }
    });
    settle().await;
    assert!(find_by_text(&m.root, "button", "Try again").is_none());
    assert!(text_of(&m.root).contains("internet connection"));
    assert!(text_of(&m.root).contains("call 111"));
}

#[wasm_bindgen_test]
async fn never_shows_what_the_backend_said() {
    let error = ApiError::Undecodable {
        status: 200,
        raw: "Diagnosis: something private".into(),
    };
    let m = mount_with_session(
        SessionState::SignedOut,
        move || view! { <ServiceProblem error /> },
    );
    settle().await;
    assert!(!text_of(&m.root).contains("private"));
}
