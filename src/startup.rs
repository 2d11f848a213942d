//! Starting the app in the page that `index.html` provides.
//!
//! `index.html` holds a static message for when the app cannot start, and a
//! plain exit link that works without the app. Once the app is mounted the
//! loading message is removed; if the app ever panics (release builds abort
//! on panic) the app is removed and the static message shown again, with no
//! detail of the panic: a message could hold record data.

use crate::app::App;
use crate::app_handle;
use wasm_bindgen::JsCast;

/// The element the app renders into.
pub const MOUNT_ID: &str = "app";
/// The static "could not load" message in `index.html`.
pub const FAILED_ID: &str = "app-failed";
/// The static exit link in `index.html`, hidden while the app runs (the
/// app has its own exit button) and shown again if the app stops.
pub const STATIC_EXIT_ID: &str = "static-exit";

pub fn start() {
    std::panic::set_hook(Box::new(|_| show_failure()));
    let document = leptos::prelude::document();
    let Some(mount) = document
        .get_element_by_id(MOUNT_ID)
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    else {
        return;
    };
    mount.replace_children_with_node_0();
    if let Some(failed) = document.get_element_by_id(FAILED_ID) {
        failed.remove();
    }
    set_static_exit_hidden(true);
    watch_for_restore_after_exit();
    let element: web_sys::Element = mount.clone().into();
    app_handle::hold(leptos::mount::mount_to(mount, App), element);
}

/// The panic hook: Leptos can no longer render, so the message is static
/// markup (the one use of inner HTML in the app).
fn show_failure() {
    let document = leptos::prelude::document();
    if let Some(mount) = document.get_element_by_id(MOUNT_ID) {
        mount.set_inner_html(crate::content::startup::CRASHED_HTML);
    }
    set_static_exit_hidden(false);
}

fn set_static_exit_hidden(hidden: bool) {
    if let Some(exit) = leptos::prelude::document().get_element_by_id(STATIC_EXIT_ID) {
        let _ = if hidden {
            exit.set_attribute("hidden", "")
        } else {
            exit.remove_attribute("hidden")
        };
    }
}

/// A page restored from the back/forward cache after an exit comes back
/// signed out (the listener outlives the app, which the exit unmounted).
fn watch_for_restore_after_exit() {
    let listener = wasm_bindgen::closure::Closure::<dyn Fn(web_sys::PageTransitionEvent)>::new(
        |e: web_sys::PageTransitionEvent| {
            crate::quick_exit::exit::reload_if_restored_after_exit(e.persisted())
        },
    );
    let _ = leptos::prelude::window()
        .add_event_listener_with_callback("pageshow", listener.as_ref().unchecked_ref());
    listener.forget();
}
