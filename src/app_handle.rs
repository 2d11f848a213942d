//! The mounted app, held between start-up and leaving: start-up puts it
//! here once it has mounted, and the quick exit takes it out and drops it,
//! which unmounts the app and frees everything it held, record data
//! included. Nothing else reads it.

use std::any::Any;
use std::cell::RefCell;

/// The app and the element it is mounted in.
struct Mounted {
    app: Box<dyn Any>,
    element: web_sys::Element,
}

thread_local! {
    static MOUNTED: RefCell<Option<Mounted>> = const { RefCell::new(None) };
}

/// Start-up: keep the app mounted in `element` until [`drop_app`].
pub fn hold(app: impl Any, element: web_sys::Element) {
    let app = Box::new(app);
    MOUNTED.with(|m| *m.borrow_mut() = Some(Mounted { app, element }));
}

/// Unmounts the app, dropping all it holds, and empties the element it was
/// mounted in. Safe to call twice.
pub fn drop_app() {
    // Taken out first, so that nothing the app runs while it is dropped
    // finds it half gone.
    let Some(Mounted { app, element }) = MOUNTED.with(|m| m.borrow_mut().take()) else {
        return;
    };
    drop(app);
    element.replace_children_with_node_0();
}
