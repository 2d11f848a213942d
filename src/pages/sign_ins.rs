//! Recent sign-ins to the patient's NHS login: when, on what device,
//! which are still signed in, and this device marked. Then what the
//! patient can do about one they do not recognise: change the password,
//! sign out everywhere else, turn off access, get help. Behind sign-in
//! only: the page shows no record content.

use crate::api::client;
use crate::components::{
    back_link::BackLink,
    load_failed::{load_list, LoadFailed},
    loading::Loading,
    record_gate::RecordGate,
};
use crate::content::{help, problem, sign_ins as text, submission};
use crate::page_meta::{focus_when_shown, use_page_title};
use crate::people::describe::SignInRow;
use crate::people::sign_out_elsewhere::SignOutElsewhere;
use crate::routing::paths;
use crate::session::use_session;
use leptos::prelude::*;
use leptos::task::spawn_local;
use record_access_contract::SIGN_INS_DAYS;

#[component]
pub fn SignIns() -> impl IntoView {
    view! {
        <RecordGate warning=false access=false>
            <SignInsPage />
        </RecordGate>
    }
}

#[component]
fn SignInsPage() -> impl IntoView {
    use_page_title(text::TITLE);
    let (loaded, load) = load_list(client::sign_ins);
    let retry = Callback::new(move |()| load());
    view! {
        <BackLink href=paths::HOME.to_owned() text=submission::BACK />
        <h1>{text::HEADING}</h1>
        <p class="nhsuk-body">{text::intro(SIGN_INS_DAYS)}</p>
        <div class="nhsuk-inset-text">
            <span class="nhsuk-u-visually-hidden">"Information: "</span>
            <p>{text::NOT_RECOGNISED}</p>
        </div>
        {move || match loaded.get() {
            None => view! { <Loading /> }.into_any(),
            Some(Err(error)) => view! { <LoadFailed error retry /> }.into_any(),
            Some(Ok(list)) if list.sign_ins.is_empty() => {
                view! { <p class="nhsuk-body">{text::NONE}</p> }.into_any()
            }
            Some(Ok(list)) => view! {
                <ul class="nhsuk-list app-sign-ins" aria-label=text::LIST_LABEL>
                    {list.sign_ins.iter().map(|s| view! { <Row row=SignInRow::new(s) /> }).collect_view()}
                </ul>
            }
            .into_any(),
        }}
        <h2>{text::ACTIONS_HEADING}</h2>
        <h3>{text::PASSWORD_HEADING}</h3>
        <p class="nhsuk-body">{text::PASSWORD_BODY}</p>
        <p class="nhsuk-body">
            <a href=paths::NHS_LOGIN_HELP rel="external noopener">{help::LOGIN_LINK}</a>
        </p>
        <SignOutEverywhereElse on_done=Callback::new(move |()| load()) />
        <h3>{text::TURN_OFF_HEADING}</h3>
        <p class="nhsuk-body">{text::TURN_OFF_BODY}</p>
        <p class="nhsuk-body"><a href=paths::ACCOUNT>{text::TURN_OFF_LINK}</a></p>
        <h3>{text::HELP_HEADING}</h3>
        <ul class="nhsuk-list">
            <li><a href=paths::ACCOUNT_PEOPLE>{text::PEOPLE_LINK}</a></li>
            <li><a href=paths::HELP>{text::HELP_LINK}</a></li>
        </ul>
    }
}

#[component]
fn Row(row: SignInRow) -> impl IntoView {
    view! {
        <li class="app-sign-in">
            <p class="nhsuk-body nhsuk-u-margin-bottom-1">
                <strong>{row.when}</strong>
                {row.this_device.then(|| view! {
                    " "<strong class="nhsuk-tag nhsuk-tag--blue app-sign-in__tag">{text::THIS_DEVICE}</strong>
                })}
            </p>
            <p class="nhsuk-body nhsuk-u-margin-bottom-1 app-sign-in__device">{row.device}</p>
            <p class="nhsuk-body-s nhsuk-u-margin-bottom-0">{row.status}</p>
        </li>
    }
}

/// The button, what it will do, and what happened. `on_done` runs once
/// the backend says every other session has ended, so the list can show
/// them signed out.
const SIGNED_OUT_ELSEWHERE: &str = "app-signed-out-elsewhere";

#[component]
fn SignOutEverywhereElse(on_done: Callback<()>) -> impl IntoView {
    let session = use_session();
    let state = RwSignal::new(SignOutElsewhere::Ready);
    let press = move |_| {
        if !state.try_update(|s| s.press()).unwrap_or(false) {
            return;
        }
        spawn_local(async move {
            let result = client::end_other_sessions().await;
            if let Err(error) = &result {
                session.handle_error(error);
            }
            let _ = state.try_update(|s| s.answer(&result));
            if result.is_ok() {
                on_done.run(());
            }
        });
    };
    let sending = move || state.get() == SignOutElsewhere::Sending;
    // The button goes once it is done: focus goes to what happened.
    Effect::new(move |_| {
        if state.get() == SignOutElsewhere::Done {
            focus_when_shown(SIGNED_OUT_ELSEWHERE);
        }
    });
    view! {
        <h3>{text::SIGN_OUT_OTHERS_HEADING}</h3>
        {move || match state.get() {
            SignOutElsewhere::Done => view! {
                <div class="nhsuk-inset-text" role="status" id=SIGNED_OUT_ELSEWHERE tabindex="-1">
                    <span class="nhsuk-u-visually-hidden">"Information: "</span>
                    <p class="nhsuk-u-font-weight-bold" data-testid="signed-out-elsewhere">{text::SIGNED_OUT_OTHERS}</p>
                    <p>{text::SIGNED_OUT_OTHERS_BODY}</p>
                </div>
            }
            .into_any(),
            current => view! {
                <p class="nhsuk-body">{text::SIGN_OUT_OTHERS_BODY}</p>
                {(current == SignOutElsewhere::Unconfirmed).then(|| view! {
                    <div class="nhsuk-warning-callout" role="alert">
                        <h4 class="nhsuk-warning-callout__label">{text::NOT_CONFIRMED_HEADING}</h4>
                        <p>{text::NOT_CONFIRMED_BODY}</p>
                    </div>
                })}
                <button
                    type="button"
                    class="nhsuk-button nhsuk-button--secondary"
                    aria-disabled=move || sending().then_some("true")
                    on:click=press
                >
                    {move || match state.get() {
                        SignOutElsewhere::Sending => submission::SENDING,
                        SignOutElsewhere::Unconfirmed => problem::TRY_AGAIN,
                        _ => text::SIGN_OUT_OTHERS,
                    }}
                </button>
                <p class="nhsuk-u-visually-hidden" role="status">{move || sending().then_some(submission::SENDING)}</p>
            }
            .into_any(),
        }}
    }
}
