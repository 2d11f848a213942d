//! The pressure warning: shown before the record on the first record view
//! of every signed-in session, whatever address the patient arrived at.
//!
//! "Continue" lets the patient through at once and tells the backend in the
//! background (a failure to record it must not trap anyone). "Get help"
//! goes to the help page and does not count as acknowledging. The exit
//! button above the page is the third action; while this warning is shown,
//! an exit is recorded as the patient's choice too.

use crate::api::client;
use crate::components::warning_callout::WarningCallout;
use crate::content::pressure_warning as text;
use crate::page_meta::{focus_heading, use_page_title};
use crate::quick_exit::exit;
use crate::routing::paths;
use crate::session::use_session;
use leptos::prelude::*;
use leptos::task::spawn_local;
use record_access_contract::SafeguardingChoice;

#[component]
pub fn PressureWarning() -> impl IntoView {
    use_page_title(text::TITLE);
    let session = use_session();
    let quick_exit = exit::use_quick_exit();
    quick_exit.set_warning_open(true);
    on_cleanup(move || quick_exit.set_warning_open(false));

    let record_choice = move |choice: SafeguardingChoice| {
        spawn_local(async move {
            if let Err(error) = client::acknowledge(choice).await {
                session.handle_error(&error);
            }
        });
    };
    let on_continue = move |_| {
        session.mark_acknowledged();
        record_choice(SafeguardingChoice::Continue);
        // The address does not change, so move focus to the page that
        // replaces this one, as a route change would.
        request_animation_frame(focus_heading);
    };
    let on_help = move |_| record_choice(SafeguardingChoice::GetHelp);

    view! {
        <h1>{text::HEADING}</h1>
        <WarningCallout label=text::CALLOUT_LABEL>
            <p>{text::SENSITIVE}</p>
            <p>{text::NOBODY_CAN_MAKE_YOU}</p>
        </WarningCallout>
        <h2 class="nhsuk-heading-m">{text::IF_PRESSURED_HEADING}</h2>
        <ul class="nhsuk-list nhsuk-list--bullet">
            {text::IF_PRESSURED.map(|item| view! { <li>{item}</li> })}
            <li><a href=paths::ACCOUNT_PEOPLE>{text::IF_PRESSURED_PEOPLE}</a></li>
        </ul>
        <p class="nhsuk-body">
            <a href=paths::HELP on:click=on_help>{text::GET_HELP}</a>
        </p>
        <button type="button" class="nhsuk-button" on:click=on_continue>
            {text::CONTINUE}
        </button>
        <p class="nhsuk-body-s">{text::EXIT_HINT}</p>
    }
}
