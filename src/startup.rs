//! Starting the app in the page that `index.html` provides.
//!
//! `index.html` holds a static message for when the app cannot start, and a
//! plain exit link that works without the app. Once the app is mounted the
//! loading message is removed; if the app ever panics (release builds abort
//! on panic) the app is removed and the static message shown again, with no
//! detail of the panic: a message could hold record data.

use crate::app::App;
use wasm_bindgen::JsCast;

/// The element the app renders into.
pub const MOUNT_ID: &str = "app";
/// The static "could not load" message in `index.html`.
pub const FAILED_ID: &str = "app-failed";

pub fn start() {
    std::panic::set_hook(Box::new(|_| show_failure()));
    let document = leptos::prelude::document();
    let Some(mount) = document.get_element_by_id(MOUNT_ID).and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    else {
        return;
    };
    mount.set_inner_html("");
    if let Some(failed) = document.get_element_by_id(FAILED_ID) {
        failed.remove();
    }
    leptos::mount::mount_to(mount, App).forget();
}

fn show_failure() {
    let document = leptos::prelude::document();
    if let Some(mount) = document.get_element_by_id(MOUNT_ID) {
        mount.set_inner_html(crate::content::startup::CRASHED_HTML);
    }
}
