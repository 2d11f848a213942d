//! Leaving at once. In this order, all synchronous so that nothing can
//! come between the steps: hide the page behind a neutral overlay, drop the
//! app and every piece of record data it holds, tell the backend to end the
//! session with a beacon (which survives the page unloading), and replace
//! the current history entry with a neutral page.
//!
//! Every way out (the button, Shift ×3, the timeout dialog's link) leaves
//! through the one [`QuickExit`] that the app provides by context. The
//! pressure warning tells it while it is on screen, so that leaving then is
//! recorded as the patient's answer to the warning.

use crate::api::client;
use crate::content::quick_exit as text;
use crate::routing::paths;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Where the exit goes: a neutral public page with nothing personal on it.
/// Set `RECORD_ACCESS_EXIT_URL` when building to change it.
pub const EXIT_URL: &str = match option_env!("RECORD_ACCESS_EXIT_URL") {
    Some(url) => url,
    None => "https://www.bbc.co.uk/weather",
};

/// The body class that marks a page that has been exited.
pub const EXITED_CLASS: &str = "app-exited";

/// The way out, shared by context. Cheap to copy.
#[derive(Clone, Copy)]
pub struct QuickExit {
    warning_open: StoredValue<bool>,
}

/// Provides the app's [`QuickExit`].
pub fn provide_quick_exit() -> QuickExit {
    let exit = QuickExit {
        warning_open: StoredValue::new(false),
    };
    provide_context(exit);
    exit
}

/// The app's [`QuickExit`]; a component mounted on its own (in a test) gets
/// one of its own.
pub fn use_quick_exit() -> QuickExit {
    use_context().unwrap_or_else(provide_quick_exit)
}

impl QuickExit {
    /// The pressure warning is on screen (or no longer): an exit while it
    /// is, is the patient's answer to it.
    pub fn set_warning_open(&self, open: bool) {
        // The warning may be cleaned up after the app that holds this.
        let _ = self.warning_open.try_set_value(open);
    }

    /// Leaves at once (see the module's description).
    pub fn leave(&self) {
        leave(self.warning_open.try_get_value().unwrap_or(false));
    }
}

fn leave(answer_warning: bool) {
    let document = document();
    cover_page(&document);
    crate::app_handle::drop_app();
    let window = window();
    if answer_warning {
        client::record_exit_on_leaving();
    }
    client::end_session_on_leaving();
    let _ = window.location().replace(EXIT_URL);
}

/// If the page comes back from the back/forward cache after an exit, the
/// session is already over: load it afresh, signed out.
pub fn reload_if_restored_after_exit(persisted: bool) {
    let document = document();
    let exited = document
        .body()
        .is_some_and(|b| b.class_list().contains(EXITED_CLASS));
    if persisted && exited {
        let _ = window().location().replace(paths::SIGNED_OUT);
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
