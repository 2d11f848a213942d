//! What stands before every page that shows record content: signed in,
//! access on, and the pressure warning acknowledged in this session. The
//! steps of turning off access stand behind it too, without the warning;
//! the people and sign-ins pages stand behind sign-in alone. Until what a
//! page needs holds, none of its content is created, so no record content
//! reaches the DOM.

use crate::components::{
    loading::Loading, pressure_warning::PressureWarning, service_problem::ServiceProblem,
};
use crate::content::record_gate as text;
use crate::page_meta::use_page_title;
use crate::routing::paths;
use crate::routing::router::use_router;
use crate::session::{use_session, SessionState};
use leptos::prelude::*;
use record_access_contract::AccessStatus;

#[derive(Debug, Clone, PartialEq)]
enum Gate {
    Checking,
    SignIn,
    Unavailable(crate::api::ApiError),
    AccessOff,
    Warning,
    Open,
}

/// With `warning` false (turning off access), the pressure warning is not
/// asked for: the page shows no record content. With `access` false too
/// (people and sign-ins), neither is record access: a patient who turned
/// their own access off must still see and act on who else has it.
#[component]
pub fn RecordGate(
    children: ChildrenFn,
    #[prop(default = true)] warning: bool,
    #[prop(default = true)] access: bool,
) -> impl IntoView {
    let session = use_session();
    let gate = Memo::new(move |_| match session.state() {
        SessionState::Checking => Gate::Checking,
        SessionState::SignedOut => Gate::SignIn,
        SessionState::Unavailable(e) => Gate::Unavailable(e),
        SessionState::SignedIn(s) if access && s.record_access.status != AccessStatus::Enabled => {
            Gate::AccessOff
        }
        SessionState::SignedIn(s) if warning && !s.safeguarding.acknowledged => Gate::Warning,
        SessionState::SignedIn(_) => Gate::Open,
    });
    let retry = Callback::new(move |()| session.refresh());
    move || match gate.get() {
        Gate::Checking => view! { <Loading /> }.into_any(),
        Gate::SignIn => view! { <SignInToContinue /> }.into_any(),
        Gate::Unavailable(error) => view! { <ServiceProblem error retry /> }.into_any(),
        Gate::AccessOff => view! { <AccessOff /> }.into_any(),
        Gate::Warning => view! { <PressureWarning /> }.into_any(),
        Gate::Open => children().into_any(),
    }
}

#[component]
fn SignInToContinue() -> impl IntoView {
    use_page_title(text::SIGN_IN_TITLE);
    let here = use_router().here();
    view! {
        <h1>{text::SIGN_IN_HEADING}</h1>
        <p class="nhsuk-body">{text::SIGN_IN_BODY}</p>
        <a class="nhsuk-button" role="button" draggable="false" rel="external" href=paths::sign_in(&here)>
            {crate::content::start::SIGN_IN}
        </a>
    }
}

/// Access to the record is off: say so, and how to turn it back on.
#[component]
pub fn AccessOff() -> impl IntoView {
    use_page_title(text::ACCESS_OFF_TITLE);
    view! {
        <h1>{text::ACCESS_OFF_HEADING}</h1>
        <p class="nhsuk-body">{text::ACCESS_OFF_BODY}</p>
        <p class="nhsuk-body">
            <a href=paths::HELP>{crate::content::help::TITLE}</a>
        </p>
    }
}
