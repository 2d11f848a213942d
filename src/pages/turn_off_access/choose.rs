//! Step 2: turn off record access in this app, or disable the NHS login.
//! The choice goes into the address as soon as it is made, so a reload
//! keeps it.

use crate::components::back_link::BackLink;
use crate::components::error_summary::{
    described_by, group_class, ErrorMessage, ErrorSummary, FieldError,
};
use crate::content::{account as text, submission};
use crate::page_meta::use_page_title;
use crate::routing::paths;
use crate::routing::router::use_router;
use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use record_access_contract::DisableScope;

/// The id of the first option, where the error summary sends focus.
const FIRST_OPTION: &str = "option-app";

#[component]
pub fn Choose(scope: Option<DisableScope>) -> impl IntoView {
    use_page_title(text::TITLE_CHOOSE);
    let router = use_router();
    let chosen = RwSignal::new(scope);
    let (errors, set_errors) = signal(Vec::<FieldError>::new());
    let choose = move |scope: DisableScope| {
        chosen.set(Some(scope));
        router.navigate(
            &paths::account_step(paths::ACCOUNT_CHOOSE, Some(scope)),
            true,
        );
    };
    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        match chosen.get_untracked() {
            Some(scope) => router.navigate(
                &paths::account_step(paths::ACCOUNT_CHECK, Some(scope)),
                true,
            ),
            None => set_errors.set(vec![(FIRST_OPTION, text::CHOOSE_ERROR)]),
        }
    };
    let option = move |scope: DisableScope, hint: &'static str| {
        let id = format!("option-{}", paths::scope_word(scope));
        let hint_id = format!("{id}-hint");
        view! {
            <div class="nhsuk-radios__item">
                <input
                    class="nhsuk-radios__input"
                    id=id.clone()
                    name="option"
                    type="radio"
                    value=paths::scope_word(scope)
                    aria-describedby=hint_id.clone()
                    checked=chosen.get_untracked() == Some(scope)
                    on:change=move |_| choose(scope)
                />
                <label class="nhsuk-label nhsuk-radios__label" for=id>{text::choice(scope)}</label>
                <div class="nhsuk-hint nhsuk-radios__hint" id=hint_id>{hint}</div>
            </div>
        }
    };
    view! {
        <BackLink href=paths::ACCOUNT.to_owned() text=submission::BACK replace=true />
        <ErrorSummary errors />
        <form novalidate autocomplete="off" on:submit=on_submit>
            <div class=group_class(errors, FIRST_OPTION)>
                <fieldset class="nhsuk-fieldset" aria-describedby=described_by(errors, FIRST_OPTION, "")>
                    <legend class="nhsuk-fieldset__legend nhsuk-fieldset__legend--l">
                        <h1 class="nhsuk-fieldset__heading">{text::CHOOSE_HEADING}</h1>
                    </legend>
                    <ErrorMessage errors field=FIRST_OPTION />
                    <div class="nhsuk-radios">
                        {option(DisableScope::RecordAccess, text::RECORD_ACCESS_HINT)}
                        {option(DisableScope::NhsLogin, text::NHS_LOGIN_HINT)}
                    </div>
                </fieldset>
            </div>
            <button class="nhsuk-button" type="submit">{text::CONTINUE}</button>
        </form>
    }
}
