//! Step 2: one person's details, what will happen, and the request. The
//! submission follows the rules of turning off access: one key an attempt,
//! "we could not confirm" with a retry on the same key, and the outcome
//! said exactly as the backend gave it (sent; this person no longer has
//! access; already asked, with the earlier reference).

use super::{card, load_proxies, HelplinesLink, LoadFailed};
use crate::components::{back_link::BackLink, loading::Loading};
use crate::content::{people as text, submission};
use crate::page_meta::{focus_when_shown, use_page_title};
use crate::people::describe::ProxyCard;
use crate::routing::paths;
use crate::routing::router::use_router;
use crate::submission::form::{OutcomeText, SubmissionOutcome, SubmitButton, OUTCOME};
use crate::submission::state::{Refusal, Submission};
use crate::submission::submitter::{Request, Submitter};
use leptos::ev::SubmitEvent;
use leptos::prelude::*;

const OUTCOMES: OutcomeText = OutcomeText {
    not_confirmed: (text::NOT_CONFIRMED_HEADING, text::NOT_CONFIRMED_BODY),
    refused: (text::REFUSED_HEADING, submission::REFUSED_BODY),
    already_done: (text::ALREADY_HEADING, text::ALREADY_BODY),
    gone: (text::GONE_HEADING, text::GONE_BODY),
};

#[component]
pub fn Check(id: String) -> impl IntoView {
    use_page_title(text::TITLE_CHECK);
    let (loaded, load) = load_proxies();
    let retry = Callback::new(move |()| load());
    let id = StoredValue::new(id);
    view! {
        <BackLink href=paths::ACCOUNT_PEOPLE.to_owned() text=submission::BACK replace=true />
        {move || match loaded.get() {
            None => view! { <Loading /> }.into_any(),
            Some(Err(error)) => view! {
                <h1>{text::CHECK_HEADING}</h1>
                <LoadFailed error retry />
            }
            .into_any(),
            Some(Ok(list)) => {
                let found = id.with_value(|id| list.proxies.iter().find(|p| &p.id == id).map(ProxyCard::new));
                match found {
                    None => view! { <Gone /> }.into_any(),
                    Some(card) if card.pending.is_some() => view! { <AlreadyAsked card /> }.into_any(),
                    Some(card) => view! { <Form card /> }.into_any(),
                }
            }
        }}
        <HelplinesLink />
    }
}

#[component]
fn Form(card: ProxyCard) -> impl IntoView {
    let router = use_router();
    let submitter = Submitter::new();
    let id = StoredValue::new(card.id.clone());
    // Sent: the reference on the last step. The session goes on.
    Effect::new(move |_| {
        if let Some(reference) = submitter.reference() {
            router.navigate(&paths::people_done(&reference), true);
        }
    });
    // After "no longer has access" or "already asked" there is nothing to
    // send: the form gives way to the way back.
    let settled = move || {
        matches!(
            submitter.state(),
            Submission::Refused(Refusal::Gone | Refusal::AlreadyDone { .. })
        )
    };
    // The button goes with the form: focus goes to what happened.
    Effect::new(move |_| {
        if settled() {
            focus_when_shown(OUTCOME);
        }
    });
    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        submitter.submit(Request::RemoveProxy(id.get_value()));
    };
    view! {
        <h1>{text::CHECK_HEADING}</h1>
        <dl class="nhsuk-summary-list">
            <div class="nhsuk-summary-list__row">
                <dt class="nhsuk-summary-list__key">{text::NAME}</dt>
                <dd class="nhsuk-summary-list__value app-person__name">{card.name.clone()}</dd>
            </div>
            {card::rows(&card)}
        </dl>
        {text::WHAT_HAPPENS.map(|p| view! { <p class="nhsuk-body">{p}</p> })}
        <SubmissionOutcome submitter words=OUTCOMES />
        {move || if settled() {
            view! { <BackToList /> }.into_any()
        } else {
            view! {
                <form novalidate autocomplete="off" on:submit=on_submit>
                    <SubmitButton submitter label=text::SUBMIT class="nhsuk-button" />
                </form>
            }
            .into_any()
        }}
    }
}

/// The address named someone who is not on the list (any more).
#[component]
fn Gone() -> impl IntoView {
    view! {
        <h1>{text::GONE_HEADING}</h1>
        <p class="nhsuk-body">{text::GONE_BODY}</p>
        <BackToList />
    }
}

/// A request for this person is already waiting for the GP surgery.
#[component]
fn AlreadyAsked(card: ProxyCard) -> impl IntoView {
    view! {
        <h1>{text::ALREADY_HEADING}</h1>
        <p class="nhsuk-body">{card.pending.clone()}</p>
        <p class="nhsuk-body">{text::ALREADY_BODY}</p>
        <BackToList />
    }
}

#[component]
fn BackToList() -> impl IntoView {
    view! {
        <p class="nhsuk-body">
            <a href=paths::ACCOUNT_PEOPLE data-replace="">{text::BACK_TO_LIST}</a>
        </p>
    }
}
