//! The NHS.UK header, with the account menu when someone is signed in.
//!
//! The menu shows the patient's name; it is the one piece of personal
//! information outside the record pages, and it goes with the session.

use crate::content::{self, account, header as text, people, results_setting};
use crate::routing::paths;
use crate::session::use_session;
use leptos::prelude::*;

#[component]
pub fn Header() -> impl IntoView {
    let session = use_session();
    let name = move || {
        session
            .session()
            .map(|s| format!("{} {}", s.patient.given_name, s.patient.family_name))
    };
    view! {
        <header class="nhsuk-header" role="banner">
            <div class="nhsuk-header__container nhsuk-width-container">
                <div class="nhsuk-header__service">
                    <a class="nhsuk-header__service-logo" href=paths::HOME aria-label=text::HOME_LINK_LABEL>
                        <NhsLogo />
                        <span class="nhsuk-header__service-name">{content::SERVICE_NAME}</span>
                    </a>
                </div>
                <Show when=move || name().is_some()>
                    <nav class="nhsuk-header__account" aria-label=text::ACCOUNT_MENU_LABEL>
                        <ul class="nhsuk-header__account-list">
                            <li class="nhsuk-header__account-item" data-testid="account-name">
                                {name}
                            </li>
                            <li class="nhsuk-header__account-item">
                                <a class="nhsuk-header__account-link" href=paths::HELP>{account::MENU_HELP}</a>
                            </li>
                            <li class="nhsuk-header__account-item">
                                <a class="nhsuk-header__account-link" href=paths::ACCOUNT_PEOPLE>{people::MENU_LINK}</a>
                            </li>
                            <li class="nhsuk-header__account-item">
                                <a class="nhsuk-header__account-link" href=paths::ACCOUNT_RESULTS>{results_setting::MENU_LINK}</a>
                            </li>
                            <li class="nhsuk-header__account-item">
                                <a class="nhsuk-header__account-link" href=paths::ACCOUNT>{account::MENU_LINK}</a>
                            </li>
                            <li class="nhsuk-header__account-item">
                                <button
                                    type="button"
                                    class="nhsuk-header__account-button"
                                    disabled=move || session.is_signing_out()
                                    on:click=move |_| session.sign_out()
                                >
                                    {move || if session.is_signing_out() { text::SIGNING_OUT } else { text::SIGN_OUT }}
                                </button>
                            </li>
                        </ul>
                    </nav>
                </Show>
            </div>
        </header>
    }
}

/// The NHS logo, inline so that it needs no request.
#[component]
fn NhsLogo() -> impl IntoView {
    view! {
        <svg
            class="nhsuk-header__logo"
            xmlns="http://www.w3.org/2000/svg"
            viewBox="0 0 200 80"
            height="40"
            width="100"
            focusable="false"
            role="img"
            aria-label=content::NHS
        >
            <title>{content::NHS}</title>
            <path
                fill="currentcolor"
                d="M200 0v80H0V0h200Zm-27.5 5.5c-14.5 0-29 5-29 22 0 10.2 7.7 13.5 14.7 16.3l.7.3c5.4 2 10.1 3.9 10.1 8.4 0 6.5-8.5 7.5-14 7.5s-12.5-1.5-16-3.5L135 70c5.5 2 13.5 3.5 20 3.5 15.5 0 32-4.5 32-22.5 0-19.5-25.5-16.5-25.5-25.5 0-5.5 5.5-6.5 12.5-6.5a35 35 0 0 1 14.5 3l4-13.5c-4.5-2-12-3-20-3Zm-131 2h-22l-14 65H22l9-45h.5l13.5 45h21.5l14-65H64l-9 45h-.5l-13-45Zm63 0h-18l-13 65h17l6-28H117l-5.5 28H129l13.5-65H125L119.5 32h-20l5-24.5Z"
            ></path>
        </svg>
    }
}
