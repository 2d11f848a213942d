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

use crate::api::{client, ApiError};
pub(super) use crate::components::load_failed::LoadFailed;
use crate::components::record_gate::RecordGate;
use crate::content::people as text;
use crate::routing::paths;
use crate::routing::route::{person, PeopleStep};
use crate::routing::router::use_router;
use crate::session::use_session;
use leptos::prelude::*;
use leptos::task::spawn_local;
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

/// The list of people with proxy access: `None` while it loads.
type Loaded = RwSignal<Option<Result<ProxyList, ApiError>>>;

/// Loads the list now, and again whenever the returned closure is called.
/// A 401 ends the session, as anywhere else.
fn load_proxies() -> (Loaded, impl Fn() + Copy) {
    let session = use_session();
    let loaded: Loaded = RwSignal::new(None);
    let load = move || {
        loaded.set(None);
        spawn_local(async move {
            let result = client::proxies().await;
            if let Err(error) = &result {
                session.handle_error(error);
            }
            let _ = loaded.try_set(Some(result));
        });
    };
    load();
    (loaded, load)
}

/// The link to the helplines, on every step.
#[component]
fn HelplinesLink() -> impl IntoView {
    view! {
        <p class="nhsuk-body">
            <a href=paths::HELP>{text::HELPLINES_LINK}</a>
        </p>
    }
}
