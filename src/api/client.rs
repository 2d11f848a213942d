//! Requests from the browser to the backend, sent with gloo-net.
//!
//! Every request: same-origin credentials (the session cookie), no HTTP
//! caching, and a time limit after which it is aborted and reported as
//! [`ApiError::Timeout`]. Each answer goes through [`super::decode`].
//!
//! Two requests must outlive the page when the patient leaves in a hurry,
//! which gloo-net cannot send: the beacon that ends the session and the
//! `keepalive` request that records "exit" as the answer to the pressure
//! warning. They are here too ([`end_session_on_leaving`],
//! [`record_exit_on_leaving`]), on web-sys.

use super::decode;
use super::error::ApiError;
use crate::routing::paths::encode_query_value;
use gloo_net::http::{Method, RequestBuilder};
use record_access_contract::{
    AccessDisabled, AcknowledgementRequest, DisableRequest, EndReason, EndSessionRequest,
    EntriesPage, Entry, Lenient, Preferences, PreferencesRequest, ProxyList, RedactionAccepted,
    RedactionRequest, RemovalAccepted, RemovalRequest, SafeguardingChoice, Session, SignInList,
    API_PREFIX,
};
use serde::de::DeserializeOwned;
use serde::Serialize;
use std::cell::Cell;
use std::rc::Rc;
use std::time::Duration;
use web_sys::{AbortController, RequestCache, RequestCredentials};

/// How long a request may take before the app gives up on it.
pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(15);

/// `GET /session`
pub async fn session() -> Result<Session, ApiError> {
    json(Call::get("/session".into())).await
}

/// `POST /session/keep-alive`
pub async fn keep_alive() -> Result<(), ApiError> {
    empty(Call::post("/session/keep-alive", None)).await
}

/// `POST /session/end`
pub async fn end_session(reason: EndReason) -> Result<(), ApiError> {
    let body = EndSessionRequest {
        reason: Some(reason),
    };
    empty(Call::post("/session/end", None).with_json(&body)).await
}

/// `POST /safeguarding/acknowledgements`
pub async fn acknowledge(choice: SafeguardingChoice) -> Result<(), ApiError> {
    let body = AcknowledgementRequest { choice };
    empty(Call::post("/safeguarding/acknowledgements", None).with_json(&body)).await
}

/// `GET /record/entries`: one page. Entries that do not have the shape of
/// an entry come back as [`Lenient::Invalid`] (see [`decode::entries_page`]).
pub async fn entries_page(
    cursor: Option<&str>,
    limit: u32,
) -> Result<EntriesPage<Lenient<Entry>>, ApiError> {
    let limit = limit.to_string();
    let mut query = vec![("limit", limit.as_str())];
    if let Some(cursor) = cursor {
        query.push(("cursor", cursor));
    }
    let call = Call::get("/record/entries".into()).with_query(query);
    let (status, content_type, body) = send(call).await?;
    decode::entries_page(status, content_type.as_deref(), &body)
}

/// `GET /record/entries/{id}`
pub async fn entry(id: &str) -> Result<Entry, ApiError> {
    json(Call::get(format!(
        "/record/entries/{}",
        encode_query_value(id)
    )))
    .await
}

/// `POST /record/entries/{id}/opened`: the patient opened a new result.
pub async fn mark_opened(id: &str) -> Result<(), ApiError> {
    let path = format!("/record/entries/{}/opened", encode_query_value(id));
    empty(Call::post(&path, None)).await
}

/// `GET /preferences`
pub async fn preferences() -> Result<Preferences, ApiError> {
    json(Call::get("/preferences".into())).await
}

/// `PUT /preferences`
pub async fn set_preferences(
    idempotency_key: &str,
    request: &PreferencesRequest,
) -> Result<Preferences, ApiError> {
    let call = Call {
        method: Method::PUT,
        ..Call::post("/preferences", Some(idempotency_key))
    };
    json(call.with_json(request)).await
}

/// `POST /record/redaction-requests`
pub async fn request_redaction(
    idempotency_key: &str,
    request: &RedactionRequest,
) -> Result<RedactionAccepted, ApiError> {
    json(Call::post("/record/redaction-requests", Some(idempotency_key)).with_json(request)).await
}

/// `POST /access/disable`
pub async fn disable_access(
    idempotency_key: &str,
    request: &DisableRequest,
) -> Result<AccessDisabled, ApiError> {
    json(Call::post("/access/disable", Some(idempotency_key)).with_json(request)).await
}

/// `GET /access/proxies`
pub async fn proxies() -> Result<ProxyList, ApiError> {
    json(Call::get("/access/proxies".into())).await
}

/// `POST /access/proxies/{id}/removal-requests`
pub async fn request_proxy_removal(
    idempotency_key: &str,
    proxy_id: &str,
) -> Result<RemovalAccepted, ApiError> {
    let path = format!(
        "/access/proxies/{}/removal-requests",
        encode_query_value(proxy_id)
    );
    json(Call::post(&path, Some(idempotency_key)).with_json(&RemovalRequest {})).await
}

/// `GET /session/sign-ins`
pub async fn sign_ins() -> Result<SignInList, ApiError> {
    json(Call::get("/session/sign-ins".into())).await
}

/// `POST /session/end-others`
pub async fn end_other_sessions() -> Result<(), ApiError> {
    empty(Call::post("/session/end-others", None)).await
}

/// What to send.
pub(crate) struct Call<'a> {
    method: Method,
    url: String,
    query: Vec<(&'a str, &'a str)>,
    idempotency_key: Option<&'a str>,
    body: Body,
}

enum Body {
    None,
    Json(String),
    /// serde could not write it; the call is not sent.
    Unwritable,
}

impl<'a> Call<'a> {
    fn get(path: String) -> Self {
        Call::to_url(Method::GET, format!("{API_PREFIX}{path}"))
    }

    fn post(path: &str, idempotency_key: Option<&'a str>) -> Self {
        Call {
            idempotency_key,
            ..Call::to_url(Method::POST, format!("{API_PREFIX}{path}"))
        }
    }

    /// A request to any address of this origin (the designer preview's
    /// control API lives outside the API prefix).
    pub(crate) fn to_url(method: Method, url: String) -> Self {
        Call {
            method,
            url,
            query: Vec::new(),
            idempotency_key: None,
            body: Body::None,
        }
    }

    /// Query parameters, encoded by the browser's `URLSearchParams`.
    fn with_query(mut self, query: Vec<(&'a str, &'a str)>) -> Self {
        self.query = query;
        self
    }

    /// A JSON body, written by the contract's serde derives. A body that
    /// cannot be written is not sent: the call fails as a network failure
    /// would, before anything leaves the browser.
    pub(crate) fn with_json<T: Serialize>(mut self, body: &T) -> Self {
        self.body = match serde_json::to_string(body) {
            Ok(json) => Body::Json(json),
            Err(_) => Body::Unwritable,
        };
        self
    }

    /// The request, with the abort signal part of it from the start.
    fn build(self, controller: &AbortController) -> Option<gloo_net::http::Request> {
        let mut builder = RequestBuilder::new(&self.url)
            .method(self.method)
            .credentials(RequestCredentials::SameOrigin)
            .cache(RequestCache::NoStore)
            .abort_signal(Some(&controller.signal()));
        if !self.query.is_empty() {
            builder = builder.query(self.query);
        }
        if let Some(key) = self.idempotency_key {
            builder = builder.header("Idempotency-Key", key);
        }
        match self.body {
            Body::None => builder.build().ok(),
            Body::Json(json) => builder
                .header("Content-Type", "application/json")
                .body(json)
                .ok(),
            Body::Unwritable => None,
        }
    }
}

async fn json<T: DeserializeOwned>(call: Call<'_>) -> Result<T, ApiError> {
    let (status, content_type, body) = send(call).await?;
    decode::json(status, content_type.as_deref(), &body)
}

async fn empty(call: Call<'_>) -> Result<(), ApiError> {
    let (status, content_type, body) = send(call).await?;
    decode::empty(status, content_type.as_deref(), &body)
}

/// Sends the request and reads the whole body (status, content type,
/// text), or fails with `Network` or `Timeout`.
pub(crate) async fn send(call: Call<'_>) -> Result<(u16, Option<String>, String), ApiError> {
    let controller = AbortController::new().map_err(|_| ApiError::Network)?;
    let request = call.build(&controller).ok_or(ApiError::Network)?;
    let timed_out = Rc::new(Cell::new(false));
    let timer = {
        let timed_out = Rc::clone(&timed_out);
        let controller = controller.clone();
        leptos::prelude::set_timeout_with_handle(
            move || {
                timed_out.set(true);
                controller.abort();
            },
            DEFAULT_TIMEOUT,
        )
        .ok()
    };
    let failed = |_| {
        if timed_out.get() {
            ApiError::Timeout
        } else {
            ApiError::Network
        }
    };
    let outcome = async {
        let response = request.send().await.map_err(failed)?;
        let status = response.status();
        let content_type = response.headers().get("content-type");
        let body = response.text().await.map_err(failed)?;
        Ok((status, content_type, body))
    }
    .await;
    if let Some(timer) = timer {
        timer.clear();
    }
    outcome
}

/// Ends the session with a beacon, which the browser sends even as the
/// page unloads. Returns whether the browser queued it.
pub fn end_session_on_leaving() -> bool {
    let body = serde_json::to_string(&EndSessionRequest {
        reason: Some(EndReason::Exit),
    })
    .ok();
    leptos::prelude::window()
        .navigator()
        .send_beacon_with_opt_str(&format!("{API_PREFIX}/session/end"), body.as_deref())
        .unwrap_or(false)
}

/// Sends "exit" as the answer to the pressure warning with `keepalive`, so
/// that it outlives the page like the beacon does.
pub fn record_exit_on_leaving() {
    let Ok(body) = serde_json::to_string(&AcknowledgementRequest {
        choice: SafeguardingChoice::Exit,
    }) else {
        return;
    };
    let init = web_sys::RequestInit::new();
    init.set_method("POST");
    // web-sys has no setter for `keepalive` yet.
    let _ = js_sys::Reflect::set(&init, &"keepalive".into(), &true.into());
    init.set_credentials(RequestCredentials::SameOrigin);
    init.set_body(&wasm_bindgen::JsValue::from_str(&body));
    if let Ok(headers) = web_sys::Headers::new() {
        let _ = headers.set("Content-Type", "application/json");
        init.set_headers(&headers);
    }
    let url = format!("{API_PREFIX}/safeguarding/acknowledgements");
    let _ = leptos::prelude::window().fetch_with_str_and_init(&url, &init);
}
