//! A list loaded from the backend when its page opens, and what shows in
//! its place when it could not be: what happened and "try again". Never an
//! empty list: "nobody" would reassure falsely.

use crate::api::ApiError;
use crate::content::{people as text, problem};
use crate::session::use_session;
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::future::Future;

/// A list as it loads: `None` until the backend answers.
pub type Loaded<T> = RwSignal<Option<Result<T, ApiError>>>;

/// Loads with `fetch` now, and again whenever the returned closure is
/// called. A 401 ends the session, as anywhere else.
pub fn load_list<T, F, Fut>(fetch: F) -> (Loaded<T>, impl Fn() + Copy)
where
    T: Send + Sync + 'static,
    F: Fn() -> Fut + Copy + 'static,
    Fut: Future<Output = Result<T, ApiError>> + 'static,
{
    let session = use_session();
    let loaded: Loaded<T> = RwSignal::new(None);
    let load = move || {
        loaded.set(None);
        spawn_local(async move {
            let result = fetch().await;
            if let Err(error) = &result {
                session.handle_error(error);
            }
            // The page may be gone by then.
            let _ = loaded.try_set(Some(result));
        });
    };
    load();
    (loaded, load)
}

/// What happened and "try again"; `heading` names what could not be
/// loaded (a list, unless said otherwise).
#[component]
pub fn LoadFailed(
    error: ApiError,
    retry: Callback<()>,
    #[prop(optional)] heading: Option<&'static str>,
) -> impl IntoView {
    view! {
        <div class="nhsuk-warning-callout" role="alert">
            <h2 class="nhsuk-warning-callout__label">{heading.unwrap_or(text::LOAD_FAILED_HEADING)}</h2>
            <p>{error.message()}</p>
            <button type="button" class="nhsuk-button nhsuk-u-margin-bottom-0" on:click=move |_| retry.run(())>
                {problem::TRY_AGAIN}
            </button>
        </div>
    }
}
