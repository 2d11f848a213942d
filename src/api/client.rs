//! Requests from the browser to the backend.
//!
//! Every request: same-origin credentials (the session cookie), no HTTP
//! caching, and a time limit after which it is aborted and reported as
//! [`ApiError::Timeout`]. Each answer goes through [`super::decode`].

use super::decode;
use super::error::ApiError;
use crate::paths::encode_query_value;
use leptos::prelude::window;
use record_access_contract::{
    AccessDisabled, AcknowledgementRequest, DisableRequest, EndReason, EndSessionRequest,
    EntriesPage, Entry, Lenient, RedactionAccepted, RedactionRequest, SafeguardingChoice, Session,
    API_PREFIX,
};
use serde::de::DeserializeOwned;
use serde::Serialize;
use std::cell::Cell;
use std::rc::Rc;
use std::time::Duration;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{
    AbortController, AbortSignal, Headers, Request, RequestCache, RequestCredentials, RequestInit,
    Response,
};

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
    let mut path = format!("/record/entries?limit={limit}");
    if let Some(cursor) = cursor {
        path.push_str("&cursor=");
        path.push_str(&encode_query_value(cursor));
    }
    let (status, content_type, body) = send(Call::get(path)).await?;
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

/// What to send.
pub(crate) struct Call<'a> {
    method: &'static str,
    url: String,
    idempotency_key: Option<&'a str>,
    json_body: Option<String>,
}

impl<'a> Call<'a> {
    fn get(path: String) -> Self {
        Call::to_url("GET", format!("{API_PREFIX}{path}"))
    }

    fn post(path: &str, idempotency_key: Option<&'a str>) -> Self {
        Call {
            idempotency_key,
            ..Call::to_url("POST", format!("{API_PREFIX}{path}"))
        }
    }

    /// A request to any address of this origin (the designer preview's
    /// control API lives outside the API prefix).
    pub(crate) fn to_url(method: &'static str, url: String) -> Self {
        Call {
            method,
            url,
            idempotency_key: None,
            json_body: None,
        }
    }

    pub(crate) fn with_json<T: Serialize>(mut self, body: &T) -> Self {
        self.json_body = serde_json::to_string(body).ok();
        self
    }

    /// The browser request, with the abort signal part of it from the start.
    fn build(self, signal: &AbortSignal) -> Option<Request> {
        let init = RequestInit::new();
        init.set_method(self.method);
        init.set_credentials(RequestCredentials::SameOrigin);
        init.set_cache(RequestCache::NoStore);
        init.set_signal(Some(signal));
        let headers = Headers::new().ok()?;
        if let Some(key) = self.idempotency_key {
            headers.set("Idempotency-Key", key).ok()?;
        }
        if let Some(body) = &self.json_body {
            headers.set("Content-Type", "application/json").ok()?;
            init.set_body(&JsValue::from_str(body));
        }
        init.set_headers(&headers);
        Request::new_with_str_and_init(&self.url, &init).ok()
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
    let request = call.build(&controller.signal()).ok_or(ApiError::Network)?;
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
    let failed = || {
        if timed_out.get() {
            ApiError::Timeout
        } else {
            ApiError::Network
        }
    };
    let outcome = async {
        let response: Response = JsFuture::from(window().fetch_with_request(&request))
            .await
            .map_err(|_| failed())?
            .unchecked_into();
        let status = response.status();
        let content_type = response.headers().get("content-type").ok().flatten();
        let text = response.text().map_err(|_| failed())?;
        let body = JsFuture::from(text).await.map_err(|_| failed())?;
        Ok((status, content_type, body.as_string().unwrap_or_default()))
    }
    .await;
    if let Some(timer) = timer {
        timer.clear();
    }
    outcome
}
