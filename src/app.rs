//! The app: layout, the page for each address, and the services every page
//! shares.

use crate::components::footer::Footer;
use crate::components::header::Header;
use crate::components::record_gate::RecordGate;
use crate::idle::dialog::IdleTimeout;
use crate::page_meta::RouteAnnouncer;
use crate::pages::{
    entry_detail::EntryDetail, help::HelpPage, home::HomePage, not_found::NotFoundPage,
    people::People, record_timeline::RecordTimeline, results_setting::ResultsSetting,
    sign_ins::SignIns, signed_out::SignedOutPage, turn_off_access::TurnOffAccess,
};
use crate::quick_exit::button::ExitThisPage;
use crate::quick_exit::exit::provide_quick_exit;
use crate::record::store::provide_record_store;
use crate::routing::route::Page;
use crate::routing::router::provide_router;
use crate::session::provide_session;
use leptos::prelude::*;

#[component]
pub fn App() -> impl IntoView {
    // Development builds only: the designer preview at /preview.
    #[cfg(feature = "preview")]
    {
        let path = window().location().pathname().unwrap_or_default();
        if crate::preview::is_preview_path(&path) {
            return view! { <crate::preview::PreviewPage /> }.into_any();
        }
        view! { <Shell /> }.into_any()
    }
    #[cfg(not(feature = "preview"))]
    view! { <Shell /> }
}

/// The services, the layout around every page, and the page itself.
#[component]
fn Shell() -> impl IntoView {
    provide_quick_exit();
    let router = provide_router();
    let session = provide_session();
    provide_record_store();
    // Keyed on the timeout alone, so that the idle clock starts once per
    // signed-in session, not on every change to the session.
    let idle_timeout = Memo::new(move |_| session.idle_timeout_seconds());
    view! {
        <RouteAnnouncer />
        <ExitThisPage />
        <Header />
        <div class="nhsuk-width-container">
            <main class="nhsuk-main-wrapper" id="maincontent">
                {move || page_view(router.page())}
            </main>
        </div>
        <Footer />
        {move || idle_timeout.get().map(|timeout_seconds| view! { <IdleTimeout timeout_seconds /> })}
    }
}

/// The page for an address. Pages that show record content stand behind
/// the record gate ([`Page::shows_record`] is the one rule for which).
fn page_view(page: Page) -> AnyView {
    if page.shows_record() {
        let page = StoredValue::new(page);
        view! { <RecordGate>{move || page_content(page.get_value())}</RecordGate> }.into_any()
    } else {
        page_content(page)
    }
}

/// The page itself; [`page_view`] puts the gate in front of it.
fn page_content(page: Page) -> AnyView {
    match page {
        Page::Home => view! { <HomePage /> }.into_any(),
        Page::SignedOut => view! { <SignedOutPage /> }.into_any(),
        Page::Help => view! { <HelpPage /> }.into_any(),
        Page::Record => view! { <RecordTimeline /> }.into_any(),
        Page::Entry(id) => view! { <EntryDetail id /> }.into_any(),
        Page::AskToHide(id) => view! { <EntryDetail id ask=true /> }.into_any(),
        Page::Account(step) => view! { <TurnOffAccess step /> }.into_any(),
        Page::People(step) => view! { <People step /> }.into_any(),
        Page::SignIns => view! { <SignIns /> }.into_any(),
        Page::ResultsSetting => view! { <ResultsSetting /> }.into_any(),
        Page::NotFound => view! { <NotFoundPage /> }.into_any(),
    }
}
