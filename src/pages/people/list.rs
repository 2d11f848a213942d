//! Step 1: everyone with proxy access, what each can see and since when,
//! and for each either the way to ask for their access to be removed or
//! the request already made.

use super::{card, load_proxies, HelplinesLink, LoadFailed};
use crate::components::{back_link::BackLink, loading::Loading};
use crate::content::{people as text, submission};
use crate::page_meta::use_page_title;
use crate::people::describe::ProxyCard;
use crate::routing::paths;
use leptos::prelude::*;

#[component]
pub fn List() -> impl IntoView {
    use_page_title(text::TITLE);
    let (loaded, load) = load_proxies();
    let retry = Callback::new(move |()| load());
    view! {
        <BackLink href=paths::HOME.to_owned() text=submission::BACK />
        <h1>{text::HEADING}</h1>
        <p class="nhsuk-body">{text::INTRO}</p>
        {move || match loaded.get() {
            None => view! { <Loading /> }.into_any(),
            Some(Err(error)) => view! { <LoadFailed error retry /> }.into_any(),
            Some(Ok(list)) if list.proxies.is_empty() => view! {
                <p class="nhsuk-body-l" data-testid="nobody">{text::NOBODY}</p>
                <p class="nhsuk-body">
                    {text::LOGIN_STILL}" "
                    <a href=paths::ACCOUNT_SIGN_INS>{text::SIGN_INS_LINK}</a>
                </p>
            }
            .into_any(),
            Some(Ok(list)) => view! {
                <ul class="nhsuk-list" data-testid="people">
                    {list
                        .proxies
                        .iter()
                        .enumerate()
                        .map(|(n, p)| view! { <Person card=ProxyCard::new(p) n /> })
                        .collect_view()}
                </ul>
                {text::HONEST.map(|p| view! { <p class="nhsuk-body">{p}</p> })}
                <p class="nhsuk-body">
                    {text::LOGIN_STILL}" "
                    <a href=paths::ACCOUNT_SIGN_INS>{text::SIGN_INS_LINK}</a>
                </p>
            }
            .into_any(),
        }}
        <HelplinesLink />
    }
}

/// One person; `n` numbers them on the page, for the ids that tie each
/// link to the name it is about.
#[component]
fn Person(card: ProxyCard, n: usize) -> impl IntoView {
    let name_id = format!("person-{n}");
    let action = match card.pending.clone() {
        Some(pending) => {
            view! { <p class="nhsuk-body nhsuk-u-margin-bottom-0">{pending}</p> }.into_any()
        }
        None => view! {
            <p class="nhsuk-body nhsuk-u-margin-bottom-0">
                // The same words on every card: the name, read as the
                // link's description, says whose access it is about.
                <a href=paths::people_check(&card.id) data-replace="" aria-describedby=name_id.clone()>
                    {text::ASK_TO_REMOVE}
                </a>
            </p>
        }
        .into_any(),
    };
    view! {
        <li class="nhsuk-card app-person">
            <div class="nhsuk-card__content">
                <h2 class="nhsuk-card__heading nhsuk-heading-m app-person__name" id=name_id>{card.name.clone()}</h2>
                <dl class="nhsuk-summary-list">{card::rows(&card)}</dl>
                {action}
            </div>
        </li>
    }
}
