//! Turning off access: what it means → what to turn off → check and
//! confirm → done, with the reference. Each step has its own address in
//! neutral words ("Account settings"), the choice rides in the query
//! (`option=app|login`), and moving between steps replaces the history
//! entry, so the history list does not tell what the patient did.

mod about;
mod check;
mod choose;
mod done;

use crate::api::ApiError;
use crate::components::{loading::Loading, service_problem::ServiceProblem};
use crate::content::account as text;
use crate::page_meta::use_page_title;
use crate::paths;
use crate::route::{account_option, AccountStep};
use crate::router::use_router;
use crate::session::{use_session, SessionState};
use leptos::prelude::*;
use record_access_contract::AccessStatus;

/// What the session allows before a step can be shown.
#[derive(Clone, PartialEq)]
enum Gate {
    Checking,
    SignedOut,
    Unavailable(ApiError),
    AlreadyOff,
    Open,
}

#[component]
pub fn TurnOffAccess(step: AccountStep) -> impl IntoView {
    let session = use_session();
    let query = untrack(|| use_router().query());
    if step == AccountStep::Done {
        // The session has ended by now: this step needs none.
        return view! { <done::Done query /> }.into_any();
    }
    let gate = Memo::new(move |_| match session.state() {
        SessionState::Checking => Gate::Checking,
        SessionState::SignedOut => Gate::SignedOut,
        SessionState::Unavailable(error) => Gate::Unavailable(error),
        SessionState::SignedIn(s) if s.record_access.status == AccessStatus::Disabled => {
            Gate::AlreadyOff
        }
        SessionState::SignedIn(_) => Gate::Open,
    });
    let scope = account_option(&query);
    (move || match gate.get() {
        Gate::Checking => view! { <Loading /> }.into_any(),
        Gate::SignedOut => view! { <SignInNeeded /> }.into_any(),
        Gate::Unavailable(error) => {
            let retry = Callback::new(move |()| session.refresh());
            view! { <ServiceProblem error retry /> }.into_any()
        }
        Gate::AlreadyOff => view! { <AlreadyOff /> }.into_any(),
        Gate::Open => match (step, scope) {
            (AccountStep::Check, Some(scope)) => view! { <check::Check scope /> }.into_any(),
            // Checking needs a choice first.
            (AccountStep::Choose | AccountStep::Check, _) => {
                view! { <choose::Choose scope /> }.into_any()
            }
            _ => view! { <about::About /> }.into_any(),
        },
    })
    .into_any()
}

/// Access is off already: say so, and how to turn it back on.
#[component]
fn AlreadyOff() -> impl IntoView {
    use_page_title(text::TITLE_ABOUT);
    view! {
        <h1>{text::ALREADY_OFF_HEADING}</h1>
        <p class="nhsuk-body">{text::ALREADY_OFF_BODY}</p>
    }
}

/// Signed out: the flow needs the session, so sign in first and come back.
#[component]
fn SignInNeeded() -> impl IntoView {
    use_page_title(text::TITLE_ABOUT);
    view! {
        <h1>{text::ABOUT_HEADING}</h1>
        <p class="nhsuk-body">{text::SIGN_IN_NEEDED}</p>
        <a class="nhsuk-button" rel="external" href=paths::sign_in(paths::ACCOUNT)>{text::SIGN_IN}</a>
    }
}
