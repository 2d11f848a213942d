//! Who can see the record: everyone with proxy access → check one person
//! and ask the GP surgery to remove their access → sent, with the
//! reference. Each step has its own address under "Account settings", the
//! person rides in the query as their opaque id, and moving between steps
//! replaces the history entry, as in turning off access. These pages show
//! no record content: they stand behind sign-in, not behind the pressure
//! warning, and they work with the patient's own access turned off.

mod card;
mod check;
mod done;
mod list;

use crate::api::client;
pub(super) use crate::components::load_failed::LoadFailed;
use crate::components::load_failed::{load_list, Loaded};
use crate::components::record_gate::RecordGate;
use crate::content::people as text;
use crate::routing::paths;
use crate::routing::route::{person, PeopleStep};
use crate::routing::router::use_router;
use leptos::prelude::*;
use record_access_contract::ProxyList;

/// One step, signed in.
#[component]
pub fn People(step: PeopleStep) -> impl IntoView {
    let query = StoredValue::new(untrack(|| use_router().query()));
    view! {
        <RecordGate warning=false access=false>
            {move || match (step, query.with_value(|q| person(q))) {
                (PeopleStep::Check, Some(id)) => view! { <check::Check id /> }.into_any(),
                (PeopleStep::Done, _) => view! { <done::Done query=query.get_value() /> }.into_any(),
                // Checking needs a person: show everyone.
                _ => view! { <list::List /> }.into_any(),
            }}
        </RecordGate>
    }
}

/// Loads everyone with proxy access now, and again whenever the returned
/// closure is called.
fn load_proxies() -> (Loaded<ProxyList>, impl Fn() + Copy) {
    load_list(client::proxies)
}

/// The link to the helplines, on every step (and on the other account
/// settings that stand behind sign-in only).
#[component]
pub(crate) fn HelplinesLink() -> impl IntoView {
    view! {
        <p class="nhsuk-body">
            <a href=paths::HELP>{text::HELPLINES_LINK}</a>
        </p>
    }
}
