//! The designer preview, at `/preview` in development builds only (the
//! `preview` cargo feature, which `scripts/serve` turns on and release
//! builds leave out).
//!
//! Lists every flow and state of `preview/states.json` (the same list the
//! screenshot gallery and the end-to-end suite use) and opens each in the
//! real app: it sets the state's scenario and faults through the reference
//! backend's control API, signs in when needed, and goes to the address.
//! It also switches scenario and injects or clears faults by hand. It shows
//! the app's own pages; it is not a second implementation of them.

use crate::api::client::{send, Call};
use gloo_net::http::Method;
use leptos::prelude::*;
use leptos::task::spawn_local;
use serde::Deserialize;
use serde_json::{json, Value};

const STATES_JSON: &str = include_str!("../preview/states.json");
const CONTROL: &str = "/__control";

#[derive(Debug, Clone, Deserialize)]
struct States {
    states: Vec<State>,
}

#[derive(Debug, Clone, Deserialize)]
struct State {
    id: String,
    flow: String,
    state: String,
    scenario: String,
    sign_in: bool,
    /// Signed in with the pressure warning already acknowledged.
    #[serde(default)]
    acknowledged: bool,
    path: String,
    #[serde(default)]
    faults: Vec<Value>,
    #[serde(default)]
    action: Option<String>,
}

#[derive(Debug, Clone, Deserialize)]
struct Scenarios {
    scenarios: Vec<Scenario>,
    current: String,
}

#[derive(Debug, Clone, Deserialize)]
struct Scenario {
    name: String,
    description: String,
}

/// Whether this address is the preview page.
pub fn is_preview_path(path: &str) -> bool {
    path == "/preview"
}

#[component]
pub fn PreviewPage() -> impl IntoView {
    document().set_title("Designer preview – GP health record");
    let states = serde_json::from_str::<States>(STATES_JSON)
        .map(|s| s.states)
        .unwrap_or_default();
    let scenarios = RwSignal::new(None::<Scenarios>);
    let faults = RwSignal::new(String::new());
    let message = RwSignal::new(String::new());
    let refresh = move || {
        spawn_local(async move {
            scenarios.set(get_json::<Scenarios>("scenarios").await);
            faults.set(
                get_json::<Value>("faults")
                    .await
                    .map(|v| v["faults"].to_string())
                    .unwrap_or_default(),
            );
        });
    };
    refresh();

    let choose = move |name: String| {
        spawn_local(async move {
            let ok = post("scenario", Some(json!({ "scenario": name }))).await;
            message.set(if ok {
                format!("Scenario is now {name}. Sign in again to see it.")
            } else {
                "The backend refused that scenario.".into()
            });
            refresh();
        });
    };

    let fault_path = RwSignal::new("/api/v1/session".to_owned());
    let fault_method = RwSignal::new("GET".to_owned());
    let fault_kind = RwSignal::new("status".to_owned());
    let fault_status = RwSignal::new("500".to_owned());
    let add_fault = move |_| {
        let kind = fault_kind.get_untracked();
        let mut fault = json!({ "kind": kind });
        if kind == "status" {
            fault["status"] = json!(fault_status.get_untracked().parse::<u16>().unwrap_or(500));
            fault["code"] = json!("internal_error");
        } else if kind == "delay" || kind == "late" {
            fault["ms"] = json!(3000);
        }
        let body = json!({ "method": fault_method.get_untracked(), "path": fault_path.get_untracked(), "fault": fault, "times": null });
        spawn_local(async move {
            let ok = post("faults", Some(body)).await;
            message.set(if ok {
                "Fault added.".into()
            } else {
                "The backend refused that fault.".into()
            });
            refresh();
        });
    };
    let clear_faults = move |_| {
        spawn_local(async move {
            let _ = send_ok(Call::to_url(Method::DELETE, format!("{CONTROL}/faults"))).await;
            message.set("Faults cleared.".into());
            refresh();
        });
    };

    let mut flows: Vec<(String, Vec<State>)> = Vec::new();
    for s in states {
        match flows.iter_mut().find(|(f, _)| *f == s.flow) {
            Some((_, list)) => list.push(s),
            None => flows.push((s.flow.clone(), vec![s])),
        }
    }

    view! {
        <div class="nhsuk-width-container">
            <main class="nhsuk-main-wrapper" id="maincontent">
                <h1>"Designer preview"</h1>
                <p class="nhsuk-body">"Open any state of the app as a patient would see it. Only in development builds."</p>
                <p class="nhsuk-body" role="status">{move || message.get()}</p>

                <h2>"Flows and states"</h2>
                {flows
                    .into_iter()
                    .map(|(flow, list)| view! {
                        <h3>{flow}</h3>
                        <ul class="nhsuk-list">
                            {list
                                .into_iter()
                                .map(|s| {
                                    let label = s.state.clone();
                                    let note = s.action.as_deref().map(|a| match a {
                                        "wait_for_timeout_warning" => " (wait about 25 seconds for the warning)",
                                        "long_note_and_submit" => " (then write over 1,000 characters and send)",
                                        "confirm_and_submit" => " (then tick the box and send)",
                                        "choose_last_and_submit" => " (then choose the last option and save)",
                                        "sign_out_elsewhere" => " (then press “Sign out everywhere else”)",
                                        "search_record" => " (then search for “test”)",
                                        "open_first_result" => " (then press “Open this result” on the first new result)",
                                        _ => " (then press the main button)",
                                    });
                                    view! {
                                        <li>
                                            <button
                                                type="button"
                                                class="nhsuk-button nhsuk-button--secondary nhsuk-button--small"
                                                data-state=s.id.clone()
                                                on:click=move |_| open_state(s.clone(), message)
                                            >
                                                {label}
                                            </button>
                                            {note}
                                        </li>
                                    }
                                })
                                .collect_view()}
                        </ul>
                    })
                    .collect_view()}

                <h2>"Scenario"</h2>
                {move || scenarios.get().map(|list| {
                    let current = list.current.clone();
                    view! {
                        <p class="nhsuk-body">"Current: " <strong>{current}</strong></p>
                        <ul class="nhsuk-list">
                            {list.scenarios.into_iter().map(|s| {
                                let name = s.name.clone();
                                view! {
                                    <li>
                                        <button type="button" class="nhsuk-button nhsuk-button--secondary nhsuk-button--small" on:click=move |_| choose(name.clone())>
                                            {s.name.clone()}
                                        </button>
                                        " " {s.description}
                                    </li>
                                }
                            }).collect_view()}
                        </ul>
                    }
                })}

                <h2>"Faults"</h2>
                <p class="nhsuk-body">"Current: " <code>{move || faults.get()}</code></p>
                <TextField id="fault-method" label="Method" value=fault_method width="nhsuk-input--width-5" />
                <TextField id="fault-path" label="Path (end with * for a prefix)" value=fault_path width="" />
                <TextField
                    id="fault-kind"
                    label="Kind: status, delay, late, timeout, undecodable, truncated or drop"
                    value=fault_kind
                    width="nhsuk-input--width-10"
                />
                <TextField id="fault-status" label="Status (for kind status)" value=fault_status width="nhsuk-input--width-3" />
                <button type="button" class="nhsuk-button" on:click=add_fault>"Add fault"</button>
                " "
                <button type="button" class="nhsuk-button nhsuk-button--secondary" on:click=clear_faults>"Clear faults"</button>
            </main>
        </div>
    }
}

#[component]
fn TextField(
    id: &'static str,
    label: &'static str,
    value: RwSignal<String>,
    width: &'static str,
) -> impl IntoView {
    view! {
        <div class="nhsuk-form-group">
            <label class="nhsuk-label" for=id>{label}</label>
            <input
                class=format!("nhsuk-input {width}")
                id=id
                autocomplete="off"
                prop:value=value
                on:input=move |e| value.set(event_target_value(&e))
            />
        </div>
    }
}

/// Resets this browser's bucket, sets the state's scenario and faults, then
/// opens it (through sign-in when it needs a session).
fn open_state(state: State, message: RwSignal<String>) {
    spawn_local(async move {
        let ok = post("reset", None).await
            && post("scenario", Some(json!({ "scenario": state.scenario }))).await;
        let mut all_ok = ok;
        for fault in &state.faults {
            all_ok &= post("faults", Some(fault.clone())).await;
        }
        if !all_ok {
            message.set(format!(
                "Could not set up {}: is the reference backend running with --control?",
                state.id
            ));
            return;
        }
        // Sign in (and acknowledge the warning) with the real API, so that
        // the page then opens as it would for a patient.
        if state.sign_in {
            let signed_in = send_ok(Call::to_url(
                Method::GET,
                crate::routing::paths::sign_in(&state.path),
            ))
            .await;
            let acknowledged = !state.acknowledged
                || crate::api::client::acknowledge(
                    record_access_contract::SafeguardingChoice::Continue,
                )
                .await
                .is_ok();
            if !(signed_in && acknowledged) {
                message.set(format!("Could not sign in for {}.", state.id));
                return;
            }
        }
        let target = state.path.clone();
        let _ = window().location().assign(&target);
    });
}

async fn get_json<T: serde::de::DeserializeOwned>(path: &str) -> Option<T> {
    let (status, _, body) = send(Call::to_url(Method::GET, format!("{CONTROL}/{path}")))
        .await
        .ok()?;
    (200..300)
        .contains(&status)
        .then(|| serde_json::from_str(&body).ok())
        .flatten()
}

async fn post(path: &str, body: Option<Value>) -> bool {
    let call = Call::to_url(Method::POST, format!("{CONTROL}/{path}"));
    send_ok(match body {
        Some(body) => call.with_json(&body),
        None => call,
    })
    .await
}

async fn send_ok(call: Call<'_>) -> bool {
    send(call)
        .await
        .is_ok_and(|(status, _, _)| (200..300).contains(&status))
}
