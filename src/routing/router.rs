//! The address bar as a signal: which page is shown, and moving between
//! pages without reloading the app.
//!
//! A small router of our own: the app has a handful of fixed addresses
//! ([`crate::routing::route::Page`]), so matching them is a plain function, and the
//! browser's History API does the rest. Clicks on links to this app's
//! pages are handled here; links with `rel="external"` (the backend's
//! sign-in and exit), `download` or a `target`, links to another origin,
//! and links to a fragment of the page being shown are left to the browser.

use crate::routing::route::Page;
use leptos::ev;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{HtmlAnchorElement, MouseEvent};

/// The address being shown: path and query (with its `?`, or empty).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Address {
    pub path: String,
    pub query: String,
}

impl Address {
    fn current() -> Address {
        let location = window().location();
        Address {
            path: location.pathname().unwrap_or_default(),
            query: location.search().unwrap_or_default(),
        }
    }
}

/// The app's router, shared through context.
#[derive(Clone, Copy)]
pub struct Router {
    address: RwSignal<Address>,
    page: Memo<Page>,
}

/// Creates the router for the app: reads the address, follows Back and
/// Forward, and handles clicks on the app's own links. Call once, at the
/// top of the app.
pub fn provide_router() -> Router {
    let address = RwSignal::new(Address::current());
    let page = Memo::new(move |_| address.with(|a| Page::from_path(&a.path)));
    let router = Router { address, page };
    provide_context(router);
    // Back and Forward: the browser has changed the address already.
    let popstate = window_event_listener(ev::popstate, move |_| address.set(Address::current()));
    let click = window_event_listener(ev::click, move |event| router.follow_link(&event));
    on_cleanup(move || {
        popstate.remove();
        click.remove();
    });
    router
}

pub fn use_router() -> Router {
    expect_context::<Router>()
}

impl Router {
    /// The page being shown (tracked; changes only when the page does, not
    /// with the query).
    pub fn page(&self) -> Page {
        self.page.get()
    }

    /// The query of the address (tracked), with its `?`, or empty.
    pub fn query(&self) -> String {
        self.address.with(|a| a.query.clone())
    }

    /// Path and query of the address, as a `return_to` for sign-in.
    pub fn here(&self) -> String {
        self.address
            .with_untracked(|a| format!("{}{}", a.path, a.query))
    }

    /// Shows `href` (a path of this app, with any query): a new history
    /// entry scrolled to the top, or, with `replace`, the same entry (for
    /// changes the patient should not find in the history list, such as
    /// filters and the steps of turning off access), scrolled to the top
    /// only when the page changes.
    pub fn navigate(&self, href: &str, replace: bool) {
        let Ok(history) = window().history() else {
            // No History API: let the browser load the page.
            let _ = window().location().set_href(href);
            return;
        };
        let result = if replace {
            history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(href))
        } else {
            history.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(href))
        };
        if result.is_err() {
            let _ = window().location().set_href(href);
            return;
        }
        let before = self.page.get_untracked();
        self.address.set(Address::current());
        if !replace || self.page.get_untracked() != before {
            window().scroll_to_with_x_and_y(0.0, 0.0);
        }
    }

    /// Handles a click on a link to one of the app's pages.
    fn follow_link(&self, event: &MouseEvent) {
        if event.default_prevented()
            || event.button() != 0
            || event.meta_key()
            || event.alt_key()
            || event.ctrl_key()
            || event.shift_key()
        {
            return;
        }
        let Some(link) = event
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|el| el.closest("a[href]").ok().flatten())
            .and_then(|el| el.dyn_into::<HtmlAnchorElement>().ok())
        else {
            return;
        };
        let external = link
            .get_attribute("rel")
            .is_some_and(|rel| rel.split_ascii_whitespace().any(|r| r == "external"));
        let same_origin = window().location().origin().ok() == Some(link.origin());
        if external || link.has_attribute("download") || !link.target().is_empty() || !same_origin {
            return;
        }
        let (path, query) = (link.pathname(), link.search());
        let same_page = self
            .address
            .with_untracked(|a| a.path == path && a.query == query);
        if same_page && !link.hash().is_empty() {
            return; // a fragment of this page, such as the skip link
        }
        event.prevent_default();
        // Steps of one flow (`data-replace`) share a history entry.
        let replace = link.has_attribute("data-replace");
        self.navigate(&format!("{path}{query}"), replace);
    }
}
