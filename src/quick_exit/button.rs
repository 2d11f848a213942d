//! The "Exit this page" button, and the Shift ×3 shortcut that does the
//! same, with its progress announced to screen-reader users.
//!
//! The button is a link to the backend's exit, so it leaves even if the
//! click handler never runs; when it does run, it leaves the faster way
//! (see [`super::exit`]).

use super::exit;
use super::shortcut::{Progress, ShiftShortcut, WINDOW_MS};
use crate::content::quick_exit as text;
use crate::routing::paths;
use leptos::ev;
use leptos::prelude::*;
use std::time::Duration;

#[component]
pub fn ExitThisPage() -> impl IntoView {
    let quick_exit = exit::use_quick_exit();
    let announcement = RwSignal::new(String::new());
    let shortcut = StoredValue::new_local(ShiftShortcut::new());
    let lapse_timer = StoredValue::new_local(None::<TimeoutHandle>);

    let react = move |progress: Progress| match progress {
        Progress::None => {}
        Progress::Remaining(n) => {
            announcement.set(text::presses_remaining(n));
            if let Some(timer) = lapse_timer.get_value() {
                timer.clear();
            }
            let timer = set_timeout_with_handle(
                move || {
                    let progress = shortcut
                        .try_update_value(|s| s.expire(now_ms()))
                        .unwrap_or(Progress::None);
                    if progress == Progress::Reset {
                        announcement.set(text::SHORTCUT_EXPIRED.to_owned());
                    }
                },
                Duration::from_millis(WINDOW_MS as u64 + 50),
            )
            .ok();
            lapse_timer.set_value(timer);
        }
        Progress::Reset => announcement.set(text::SHORTCUT_EXPIRED.to_owned()),
        Progress::Exit => {
            announcement.set(text::LOADING.to_owned());
            quick_exit.leave();
        }
    };

    // On the window, so that presses count wherever focus is, text fields
    // included.
    let down = window_event_listener(ev::keydown, move |e| {
        if let Some(p) = shortcut.try_update_value(|s| s.key_down(&e.key(), now_ms())) {
            react(p);
        }
    });
    let up = window_event_listener(ev::keyup, move |e| {
        if let Some(p) = shortcut.try_update_value(|s| s.key_up(&e.key(), now_ms())) {
            react(p);
        }
    });
    let blur = window_event_listener(ev::blur, move |_| {
        shortcut.update_value(ShiftShortcut::clear);
    });
    on_cleanup(move || {
        down.remove();
        up.remove();
        blur.remove();
    });

    let on_click = move |e: ev::MouseEvent| {
        // Let modified clicks (new tab, new window) do what the patient asked.
        if e.ctrl_key() || e.meta_key() || e.shift_key() || e.button() != 0 {
            return;
        }
        e.prevent_default();
        quick_exit.leave();
    };

    view! {
        <nav class="app-exit-this-page" aria-label=text::LANDMARK_LABEL>
            <a
                href=paths::exit()
                rel="external"
                role="button"
                draggable="false"
                class="nhsuk-button nhsuk-button--warning app-exit-this-page__button"
                on:click=on_click
            >
                <span class="nhsuk-u-visually-hidden">{text::BUTTON_HIDDEN_PREFIX}</span>
                {text::BUTTON}
            </a>
            <div class="nhsuk-u-visually-hidden" role="status" aria-live="polite" aria-atomic="true">
                {move || announcement.get()}
            </div>
        </nav>
    }
}

fn now_ms() -> f64 {
    js_sys::Date::now()
}
