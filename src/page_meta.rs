//! What changes with every page: the document title, where focus goes, and
//! what a screen reader hears.
//!
//! Each page calls [`use_page_title`]. After a route change (not the first
//! load) the new page is shown from its top, as a page load would show it,
//! focus moves to its `h1`, which is made focusable for that, and the new
//! title is announced through a polite live region.

use crate::content;
use crate::routing::router::use_router;
use leptos::prelude::*;

/// Sets the document title for the page being shown.
pub fn use_page_title(page: &'static str) {
    let title = content::page_title(page);
    document().set_title(&title);
}

/// The live region and the focus handling, once, inside the router.
#[component]
pub fn RouteAnnouncer() -> impl IntoView {
    let message = RwSignal::new(String::new());
    let router = use_router();
    let first = StoredValue::new(true);
    Effect::new(move |_| {
        // A new page, not a new query on the same page (filters).
        let _ = router.page();
        if first.get_value() {
            first.set_value(false);
            return;
        }
        // Wait for the new page to be in the DOM before moving focus.
        request_animation_frame(move || {
            focus_heading();
            message.set(document().title());
        });
    });
    view! { <div class="nhsuk-u-visually-hidden" aria-live="polite" aria-atomic="true">{move || message.get()}</div> }
}

/// Shows the page from its top and moves focus to the main heading, as
/// after a page load. Without the scroll, a page reached from far down a
/// long one would open part-way down, its back link under the sticky exit
/// button.
pub fn focus_heading() {
    window().scroll_to_with_x_and_y(0.0, 0.0);
    let Ok(Some(h1)) = document().query_selector("#maincontent h1") else {
        return;
    };
    let _ = h1.set_attribute("tabindex", "-1");
    if let Ok(h1) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(h1) {
        let _ = h1.focus();
    }
}

/// Moves focus to the element with this id (made focusable by the caller
/// with `tabindex="-1"`), once it is in the DOM: for a message that takes
/// the place of the control that had focus, so focus is not lost to the
/// page's body.
pub fn focus_when_shown(id: &'static str) {
    request_animation_frame(move || {
        if let Some(el) = document()
            .get_element_by_id(id)
            .and_then(|el| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(el).ok())
        {
            let _ = el.focus();
        }
    });
}
