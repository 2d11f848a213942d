//! Leaving at once. In this order, all synchronous so that nothing can
//! come between the steps: hide the page behind a neutral overlay, drop the
//! app and every piece of record data it holds, tell the backend to end the
//! session with a beacon (which survives the page unloading), and replace
//! the current history entry with a neutral page.

use crate::api::client;
use crate::content::quick_exit as text;
use crate::paths;
use wasm_bindgen::JsCast;

/// Where the exit goes: a neutral public page with nothing personal on it.
/// Set `RECORD_ACCESS_EXIT_URL` when building to change it.
pub const EXIT_URL: &str = match option_env!("RECORD_ACCESS_EXIT_URL") {
    Some(url) => url,
    None => "https://www.bbc.co.uk/weather",
};

/// The body class that marks a page that has been exited.
pub const EXITED_CLASS: &str = "app-exited";

thread_local! {
    static WARNING_OPEN: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// The pressure warning is on screen: an exit now is the patient's answer
/// to it, and is recorded as such.
pub fn set_warning_open(open: bool) {
    WARNING_OPEN.with(|w| w.set(open));
}

pub fn leave() {
    let document = leptos::prelude::document();
    let answer_warning = WARNING_OPEN.with(|w| w.replace(false));
    cover_page(&document);
    crate::startup::unmount();
    let window = leptos::prelude::window();
    if answer_warning {
        client::record_exit_on_leaving();
    }
    client::end_session_on_leaving();
    let _ = window.location().replace(EXIT_URL);
}

/// If the page comes back from the back/forward cache after an exit, the
/// session is already over: load it afresh, signed out.
pub fn reload_if_restored_after_exit(persisted: bool) {
    let document = leptos::prelude::document();
    let exited = document
        .body()
        .is_some_and(|b| b.class_list().contains(EXITED_CLASS));
    if persisted && exited {
        let _ = leptos::prelude::window()
            .location()
            .replace(paths::SIGNED_OUT);
    }
}

fn cover_page(document: &web_sys::Document) {
    let Some(body) = document.body() else { return };
    let _ = body.class_list().add_1(EXITED_CLASS);
    if let Ok(overlay) = document.create_element("div") {
        overlay.set_class_name("app-exit-overlay");
        let _ = overlay.set_attribute("role", "status");
        overlay.set_text_content(Some(text::LOADING));
        let _ = body.append_child(&overlay);
        if let Ok(overlay) = overlay.dyn_into::<web_sys::HtmlElement>() {
            let _ = overlay.focus();
        }
    }
}
