//! Signing out after inactivity, in the browser: the warning dialog and
//! what feeds the idle clock.
//!
//! Activity (a pointer, key or touch event in the app) is noted as it
//! happens and sends a keep-alive at most once a minute. A once-a-second
//! check compares the deadline with the wall clock, so a throttled
//! background tab still ends on time; it also runs when the tab becomes
//! visible again. The dialog is a modal `<dialog>` (focus stays inside),
//! names nobody and shows nothing from the record. Escape does not extend
//! the session: only "Stay signed in" does.

use super::clock::{IdleClock, IdleState};
use crate::api::{client, ApiError};
use crate::content::idle as text;
use crate::session::use_session;
use leptos::ev;
use leptos::html::Dialog;
use leptos::prelude::*;
use leptos::task::spawn_local;
use record_access_contract::EndReason;
use std::time::Duration;

#[component]
pub fn IdleTimeout(timeout_seconds: u32) -> impl IntoView {
    let session = use_session();
    let quick_exit = crate::quick_exit::exit::use_quick_exit();
    let clock = StoredValue::new_local(IdleClock::new(timeout_seconds, now_ms()));
    let seconds_left = RwSignal::new(None::<u32>);
    let dialog = NodeRef::<Dialog>::new();
    let stay_button = NodeRef::<leptos::html::Button>::new();
    let ending = StoredValue::new(false);

    let keep_alive = move |sent_at: f64| {
        spawn_local(async move {
            match client::keep_alive().await {
                Ok(()) => clock.update_value(|c| c.extended(sent_at)),
                Err(ApiError::SignedOut) => session.signed_out(),
                // A failed keep-alive is tried again with the next activity.
                Err(_) => {}
            }
        });
    };

    let check = move || {
        if ending.get_value() {
            return;
        }
        match clock.with_value(|c| c.state(now_ms())) {
            IdleState::Active => seconds_left.set(None),
            IdleState::Warning { seconds_left: s } => seconds_left.set(Some(s)),
            IdleState::Expired => {
                ending.set_value(true);
                seconds_left.set(None);
                spawn_local(async move {
                    // The backend's clock has ended it already, or this does.
                    let _ = client::end_session(EndReason::Timeout).await;
                    session.timed_out();
                });
            }
        }
    };

    let on_activity = move || {
        let now = now_ms();
        if clock.try_update_value(|c| c.activity(now)).unwrap_or(false) {
            keep_alive(now);
        }
    };
    let listeners = [
        window_event_listener(ev::pointerdown, move |_| on_activity()),
        window_event_listener(ev::keydown, move |_| on_activity()),
        window_event_listener(ev::touchstart, move |_| on_activity()),
        window_event_listener(ev::visibilitychange, move |_| check()),
    ];
    let ticker = set_interval_with_handle(check, Duration::from_secs(1)).ok();
    on_cleanup(move || {
        for l in listeners {
            l.remove();
        }
        if let Some(t) = ticker {
            t.clear();
        }
    });

    // Opens the dialog with focus on "Stay signed in".
    let open = move |d: &web_sys::HtmlDialogElement| {
        if !d.open() {
            let _ = d.show_modal();
        }
        if let Some(button) = stay_button.get_untracked() {
            let _ = button.focus();
        }
    };
    // Open and close the dialog with the warning.
    Effect::new(move |_| {
        let Some(d) = dialog.get() else { return };
        let warn = seconds_left.get().is_some();
        if warn && !d.open() {
            open(&d);
        } else if !warn && d.open() {
            d.close();
        }
    });

    let stay = move |_| {
        let now = now_ms();
        spawn_local(async move {
            match client::keep_alive().await {
                Ok(()) => {
                    clock.update_value(|c| c.extended(now));
                    seconds_left.set(None);
                }
                Err(ApiError::SignedOut) => session.signed_out(),
                Err(_) => {}
            }
        });
    };
    let sign_out = move |_| session.sign_out();
    // Escape would close the dialog without a choice: `closedby="none"`
    // stops that; where a browser closes it anyway, it opens again.
    let on_cancel = move |e: ev::Event| e.prevent_default();
    let on_close = move |_| {
        if seconds_left.get_untracked().is_some() {
            if let Some(d) = dialog.get_untracked() {
                open(&d);
            }
        }
    };

    view! {
        <dialog
            node_ref=dialog
            class="app-idle-dialog"
            closedby="none"
            aria-labelledby="idle-heading"
            aria-describedby="idle-body"
            on:cancel=on_cancel
            on:close=on_close
        >
            <h2 id="idle-heading" class="nhsuk-heading-m">{text::HEADING}</h2>
            <p id="idle-body" class="nhsuk-body">
                {move || seconds_left.get().map(text::time_left).unwrap_or_default()}
            </p>
            <p class="nhsuk-body">{text::WHY}</p>
            <div class="nhsuk-button-group">
                <button type="button" class="nhsuk-button" node_ref=stay_button on:click=stay autofocus>
                    {text::STAY}
                </button>
                <button type="button" class="nhsuk-button nhsuk-button--secondary" on:click=sign_out>
                    {text::SIGN_OUT}
                </button>
            </div>
            // The page behind a modal dialog is inert, its exit button
            // included: the dialog carries its own.
            <p class="nhsuk-body">
                <a
                    href=crate::routing::paths::exit()
                    rel="external"
                    class="app-idle-dialog__exit"
                    on:click=move |e: ev::MouseEvent| {
                        e.prevent_default();
                        quick_exit.leave();
                    }
                >
                    {crate::content::quick_exit::BUTTON}
                </a>
            </p>
        </dialog>
    }
}

fn now_ms() -> f64 {
    js_sys::Date::now()
}
