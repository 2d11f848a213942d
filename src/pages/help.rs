//! Help for someone who is being pressured: what it looks like, what they
//! can do, and who to call. Reachable signed out, and without passing the
//! pressure warning.

use crate::components::warning_callout::WarningCallout;
use crate::content::{help as text, people, results_setting, sign_ins};
use crate::page_meta::use_page_title;
use crate::routing::paths;
use leptos::prelude::*;

#[component]
pub fn HelpPage() -> impl IntoView {
    use_page_title(text::TITLE);
    view! {
        <h1>{text::HEADING}</h1>
        <p class="nhsuk-body-l">{text::INTRO}</p>
        <h2>{text::PRESSURE_HEADING}</h2>
        <p class="nhsuk-body">{text::PRESSURE_INTRO}</p>
        <ul class="nhsuk-list nhsuk-list--bullet">
            {text::PRESSURE_SIGNS.map(|sign| view! { <li>{sign}</li> })}
        </ul>

        <h2>{text::OPTIONS_HEADING}</h2>
        <h3>{text::TURN_OFF_HEADING}</h3>
        <p class="nhsuk-body">{text::TURN_OFF_BODY}</p>
        <p class="nhsuk-body">
            <a href=paths::ACCOUNT>{text::TURN_OFF_LINK}</a>
        </p>
        <h3>{text::HIDE_HEADING}</h3>
        <p class="nhsuk-body">{text::HIDE_BODY}</p>
        <h3>{text::LOGIN_HEADING}</h3>
        <p class="nhsuk-body">{text::LOGIN_BODY}</p>
        <p class="nhsuk-body">
            <a href=paths::NHS_LOGIN_HELP rel="external noopener">{text::LOGIN_LINK}</a>
        </p>
        <h3>{text::WHO_HEADING}</h3>
        <p class="nhsuk-body">{text::WHO_BODY}</p>
        <ul class="nhsuk-list">
            <li><a href=paths::ACCOUNT_PEOPLE>{people::HEADING}</a></li>
            <li><a href=paths::ACCOUNT_SIGN_INS>{sign_ins::HEADING}</a></li>
        </ul>
        <h3>{results_setting::HELP_HEADING}</h3>
        <p class="nhsuk-body">{results_setting::HELP_BODY}</p>
        <p class="nhsuk-body">
            <a href=paths::ACCOUNT_RESULTS>{results_setting::HEADING}</a>
        </p>

        <h2>{text::HELPLINES_HEADING}</h2>
        <p class="nhsuk-body">{text::HELPLINES_INTRO}</p>
        <ul class="nhsuk-list app-helplines">
            {text::HELPLINES.iter().map(|line| view! {
                <li>
                    <h3 class="nhsuk-heading-s nhsuk-u-margin-bottom-1">{line.name}</h3>
                    <p class="nhsuk-body nhsuk-u-margin-bottom-1">
                        <a href=text::tel_href(line.number)>{line.number}</a>
                    </p>
                    <p class="nhsuk-body-s">{line.who}</p>
                </li>
            }).collect_view()}
        </ul>

        <WarningCallout label=text::EMERGENCY_HEADING>
            <p>{text::EMERGENCY_999}" "<a href="tel:999">{text::CALL_999}</a></p>
            <p>{text::EMERGENCY_55}</p>
            <p>{text::URGENT_111}" "<a href="tel:111">{text::CALL_111}</a></p>
        </WarningCallout>

        <h2>{text::ONLINE_SAFETY_HEADING}</h2>
        <ul class="nhsuk-list nhsuk-list--bullet">
            {text::ONLINE_SAFETY.map(|tip| view! { <li>{tip}</li> })}
        </ul>
    }
}
