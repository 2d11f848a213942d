//! Helpers shared by the component tests.

use leptos::prelude::*;
use record_access_contract::{AccessStatus, Patient, RecordAccess, Safeguarding, Session};
use wasm_bindgen::JsCast;
use web_sys::HtmlElement;

/// A fresh element in the document to mount one test's view into.
pub fn fresh_root() -> HtmlElement {
    let root: HtmlElement = document().create_element("div").unwrap().unchecked_into();
    document().body().unwrap().append_child(&root).unwrap();
    root
}

/// Lets Leptos run its pending effects and DOM updates.
pub async fn settle() {
    for _ in 0..3 {
        leptos::task::tick().await;
    }
}

/// Every element under `root` matching `selector`.
pub fn all(root: &HtmlElement, selector: &str) -> Vec<HtmlElement> {
    let list = root.query_selector_all(selector).unwrap();
    (0..list.length())
        .filter_map(|i| list.item(i))
        .map(|n| n.unchecked_into())
        .collect()
}

/// The element matching `selector` whose text contains `text`.
pub fn find_by_text(root: &HtmlElement, selector: &str, text: &str) -> Option<HtmlElement> {
    all(root, selector)
        .into_iter()
        .find(|e| e.text_content().unwrap_or_default().contains(text))
}

pub fn text_of(root: &HtmlElement) -> String {
    root.text_content().unwrap_or_default()
}

/// A signed-in session such as the reference backend's typical patient has.
pub fn signed_in_session(status: AccessStatus) -> Session {
    Session {
        patient: Patient {
            given_name: "Amira".into(),
            family_name: "Khan".into(),
        },
        record_access: RecordAccess {
            status,
            available_from: "2024-03-01".into(),
        },
        safeguarding: Safeguarding {
            acknowledged: false,
        },
        idle_timeout_seconds: 600,
    }
}

/// A signed-in state with the record access `status` (the pressure
/// warning not acknowledged).
pub fn signed_in_as(status: AccessStatus) -> record_access::session::SessionState {
    record_access::session::SessionState::SignedIn(signed_in_session(status))
}

/// The text of the first `h1` under `m`'s root, trimmed.
pub fn h1(m: &Mounted) -> String {
    all(&m.root, "h1")
        .first()
        .map(text_of)
        .unwrap_or_default()
        .trim()
        .to_owned()
}

/// The page asks to sign in, with a link that brings the patient back to
/// `return_to` (as the sign-in address encodes it).
pub fn assert_asks_to_sign_in(m: &Mounted, return_to: &str) {
    assert_eq!(h1(m), "Sign in to continue", "{return_to}");
    let link = find_by_text(&m.root, "a", "Continue to NHS login").expect("a sign-in link");
    assert_eq!(
        href(&link),
        format!("/api/v1/auth/login?return_to={return_to}")
    );
}

/// A link's `href` as written.
pub fn href(link: &HtmlElement) -> String {
    link.get_attribute("href").unwrap_or_default()
}

/// A view mounted inside a router with a session service in a given state.
/// Unmounted when dropped.
pub struct Mounted {
    pub root: HtmlElement,
    pub session: record_access::session::SessionService,
    _handle: Box<dyn std::any::Any>,
}

pub fn mount_with_session<V: IntoView + 'static>(
    state: record_access::session::SessionState,
    view: impl FnOnce() -> V + Send + 'static,
) -> Mounted {
    let root = fresh_root();
    let holder = StoredValue::new(None);
    let handle = leptos::mount::mount_to(root.clone(), move || {
        view! {
            {
                record_access::routing::router::provide_router();
                holder.set_value(Some(record_access::session::provide_session_state(state)));
                view()
            }
        }
    });
    let session = holder
        .get_value()
        .expect("the session service is provided while mounting");
    Mounted {
        root,
        session,
        _handle: Box::new(handle),
    }
}

/// Waits until `check` holds, looking every 50 ms, and fails after
/// `timeout_ms`.
pub async fn wait_until(timeout_ms: u32, mut check: impl FnMut() -> bool) {
    let start = js_sys::Date::now();
    loop {
        settle().await;
        if check() {
            return;
        }
        assert!(
            js_sys::Date::now() - start < f64::from(timeout_ms),
            "timed out after {timeout_ms} ms"
        );
        let pause = js_sys::Promise::new(&mut |resolve, _| {
            window()
                .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 50)
                .unwrap();
        });
        wasm_bindgen_futures::JsFuture::from(pause).await.unwrap();
    }
}

/// Puts the test page at an address of the app for one test (the router
/// reads it), and back where it was when dropped.
pub struct AddressGuard(String);

impl AddressGuard {
    pub fn at(path: &str) -> AddressGuard {
        let location = window().location();
        let was = format!(
            "{}{}",
            location.pathname().unwrap(),
            location.search().unwrap()
        );
        replace_address(path);
        AddressGuard(was)
    }
}

impl Drop for AddressGuard {
    fn drop(&mut self) {
        replace_address(&self.0);
    }
}

fn replace_address(path: &str) {
    window()
        .history()
        .unwrap()
        .replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(path))
        .unwrap();
}

/// Lets `ms` milliseconds go by, to show that something does NOT happen
/// (a request not sent, a second one not sent): there is no condition to
/// wait for when the point is that nothing comes. Never use it to wait for
/// something to happen; `wait_until` does that.
pub async fn quiet_for(ms: i32) {
    let pause = js_sys::Promise::new(&mut |resolve, _| {
        window()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(pause).await.unwrap();
}

fn performance() -> wasm_bindgen::JsValue {
    js_sys::Reflect::get(&window(), &"performance".into()).unwrap()
}

fn call_on_performance(method: &str, arg: Option<&str>) -> wasm_bindgen::JsValue {
    let performance = performance();
    let f: js_sys::Function = js_sys::Reflect::get(&performance, &method.into())
        .unwrap()
        .unchecked_into();
    match arg {
        Some(arg) => f.call1(&performance, &arg.into()),
        None => f.call0(&performance),
    }
    .unwrap()
}

/// Forgets the requests the page has made so far (see [`requests_to`]).
pub fn forget_requests() {
    call_on_performance("clearResourceTimings", None);
}

/// How many requests to the API address `path` (such as
/// "/access/proxies") the page has finished since [`forget_requests`], as
/// the browser's resource timing records them. The test server answers
/// every one of them with 404, so this is how a test sees what was sent.
pub fn requests_to(path: &str) -> usize {
    let url = format!("{}{path}", record_access_contract::API_PREFIX);
    let entries: js_sys::Array =
        call_on_performance("getEntriesByType", Some("resource")).unchecked_into();
    entries
        .iter()
        .filter_map(|e| js_sys::Reflect::get(&e, &"name".into()).ok())
        .filter_map(|name| name.as_string())
        .filter(|name| {
            let path_part = name.split('?').next().unwrap_or_default();
            path_part.ends_with(&url)
        })
        .count()
}
