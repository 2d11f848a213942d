//! The app: layout, routes and the services every page shares.

use crate::components::footer::Footer;
use crate::components::header::Header;
use crate::idle::dialog::IdleTimeout;
use crate::page_meta::RouteAnnouncer;
use crate::pages::{
    help::HelpPage, home::HomePage, not_found::NotFoundPage, signed_out::SignedOutPage,
};
use crate::quick_exit::button::ExitThisPage;
use crate::session::provide_session;
use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;

#[component]
pub fn App() -> impl IntoView {
    // Development builds only: the designer preview at /preview.
    #[cfg(feature = "preview")]
    {
        let path = window().location().pathname().unwrap_or_default();
        if crate::preview::is_preview_path(&path) {
            return view! { <crate::preview::PreviewPage /> }.into_any();
        }
        view! {
            <Router>
                <Shell />
            </Router>
        }
        .into_any()
    }
    #[cfg(not(feature = "preview"))]
    view! {
        <Router>
            <Shell />
        </Router>
    }
}

/// Everything inside the router: services that navigate live here.
#[component]
fn Shell() -> impl IntoView {
    let session = provide_session();
    // Keyed on the timeout alone, so that the idle clock starts once per
    // signed-in session, not on every change to the session.
    let idle_timeout = Memo::new(move |_| session.idle_timeout_seconds());
    view! {
        <RouteAnnouncer />
        <ExitThisPage />
        <Header />
        <div class="nhsuk-width-container">
            <main class="nhsuk-main-wrapper" id="maincontent">
                <Routes fallback=NotFoundPage>
                    <Route path=path!("/") view=HomePage />
                    <Route path=path!("/signed-out") view=SignedOutPage />
                    <Route path=path!("/help") view=HelpPage />

                </Routes>
            </main>
        </div>
        <Footer />
        {move || idle_timeout.get().map(|timeout_seconds| view! { <IdleTimeout timeout_seconds /> })}
    }
}
