//! Turning off access: what it means → what to turn off → check and
//! confirm → done, with the reference. Each step has its own address in
//! neutral words ("Account settings"), the choice rides in the query
//! (`option=app|login`), and moving between steps replaces the history
//! entry, so the history list does not tell what the patient did.

mod about;
mod check;
mod choose;
mod done;

use crate::components::record_gate::RecordGate;
use crate::routing::route::{account_option, AccountStep};
use crate::routing::router::use_router;
use leptos::prelude::*;

/// One step. Signed out, the patient is asked to sign in and comes back to
/// the same step; when access is off already, the page says so and how to
/// turn it back on, instead of offering to turn it off again.
#[component]
pub fn TurnOffAccess(step: AccountStep) -> impl IntoView {
    let query = untrack(|| use_router().query());
    let scope = account_option(&query);
    if step == AccountStep::Done {
        // The session has ended by now: this step needs none.
        return view! { <done::Done query /> }.into_any();
    }
    view! {
        <RecordGate warning=false>
            {move || match (step, scope) {
                (AccountStep::Check, Some(scope)) => view! { <check::Check scope /> }.into_any(),
                // Checking needs a choice first.
                (AccountStep::Choose | AccountStep::Check, _) => {
                    view! { <choose::Choose scope /> }.into_any()
                }
                _ => view! { <about::About /> }.into_any(),
            }}
        </RecordGate>
    }
    .into_any()
}
