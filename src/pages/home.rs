//! The start page: sign in when signed out, the patient's home when signed in.

use crate::components::{loading::Loading, service_problem::ServiceProblem};
use crate::content::{home as text, people, results_setting, sign_ins, start};
use crate::dates;
use crate::page_meta::use_page_title;
use crate::routing::paths;
use crate::session::{use_session, SessionState};
use leptos::prelude::*;
use record_access_contract::{AccessStatus, Session};

#[component]
pub fn HomePage() -> impl IntoView {
    let session = use_session();
    let tries_left = RwSignal::new(1u8);
    let retry = Callback::new(move |()| {
        tries_left.update(|n| *n = n.saturating_sub(1));
        session.refresh();
    });
    move || match session.state() {
        SessionState::Checking => view! { <Loading /> }.into_any(),
        SessionState::SignedOut => view! { <SignIn /> }.into_any(),
        SessionState::SignedIn(s) => view! { <Home session=s /> }.into_any(),
        SessionState::Unavailable(error) => {
            view! { <ServiceProblem error retry tries_left=tries_left.get_untracked() /> }
                .into_any()
        }
    }
}

#[component]
fn SignIn() -> impl IntoView {
    use_page_title(start::TITLE);
    view! {
        <h1>{start::HEADING}</h1>
        <p class="nhsuk-body-l">{start::INTRO}</p>
        <p class="nhsuk-body">{start::SIGN_IN_HINT}</p>
        <a class="nhsuk-button" role="button" draggable="false" rel="external" href=paths::sign_in(paths::HOME)>
            {start::SIGN_IN}
        </a>
    }
}

#[component]
fn Home(session: Session) -> impl IntoView {
    use_page_title(text::TITLE);
    let enabled = session.record_access.status == AccessStatus::Enabled;
    let access = if enabled {
        dates::long_date_from_iso(&session.record_access.available_from)
            .map(|date| text::access_from(&date))
            .unwrap_or_default()
    } else {
        text::ACCESS_OFF.to_owned()
    };
    view! {
        <h1>{text::heading(&session.patient.given_name)}</h1>
        <p class="nhsuk-body">{access}</p>
        {enabled.then(|| view! {
            <div class="nhsuk-card nhsuk-card--clickable">
                <div class="nhsuk-card__content">
                    <h2 class="nhsuk-card__heading nhsuk-heading-m">
                        <a class="nhsuk-card__link" href=paths::RECORD>{text::RECORD_LINK}</a>
                    </h2>
                    <p class="nhsuk-card__description">{text::RECORD_LINK_HINT}</p>
                </div>
            </div>
        })}
        <h2 class="nhsuk-heading-m">{text::ACCOUNT_HEADING}</h2>
        <ul class="nhsuk-list">
            <li><a href=paths::ACCOUNT_PEOPLE>{people::HOME_LINK}</a></li>
            <li><a href=paths::ACCOUNT_SIGN_INS>{sign_ins::HOME_LINK}</a></li>
            <li><a href=paths::ACCOUNT_RESULTS>{results_setting::HOME_LINK}</a></li>
            <li><a href=paths::HELP>{text::HELP_LINK}</a></li>
        </ul>
    }
}
