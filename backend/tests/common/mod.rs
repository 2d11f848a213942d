//! Shared helpers: a backend started in-process on 127.0.0.1:0, an HTTP
//! client with a cookie jar per simulated browser, and problem checks.

#![allow(dead_code)]

use std::path::PathBuf;

use reference_backend::{serve, Config, Running};
use reqwest::header::{CACHE_CONTROL, CONTENT_TYPE};
use reqwest::{Client, Response, StatusCode};
use serde_json::Value;

pub struct Backend {
    pub running: Running,
    pub url: String,
}

/// The bundled fixtures with the control API on.
pub async fn start() -> Backend {
    start_with(Config {
        control: true,
        ..Config::default()
    })
    .await
}

pub async fn start_with(config: Config) -> Backend {
    let running = serve(config).await.expect("the backend starts");
    let url = running.url();
    Backend { running, url }
}

/// A browser: its own cookie jar, redirects not followed.
pub fn browser() -> Client {
    Client::builder()
        .cookie_store(true)
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap()
}

impl Backend {
    pub fn api(&self, path: &str) -> String {
        format!("{}/api/v1{path}", self.url)
    }

    pub fn at(&self, path: &str) -> String {
        format!("{}{path}", self.url)
    }

    pub async fn sign_in(&self, b: &Client) {
        let r = b
            .get(self.at("/api/v1/auth/login?return_to=/"))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), StatusCode::SEE_OTHER);
    }

    /// Chooses a scenario for this browser and signs in to it.
    pub async fn sign_in_to(&self, b: &Client, scenario: &str) {
        let r = b
            .post(self.at("/__control/scenario"))
            .json(&serde_json::json!({ "scenario": scenario }))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), StatusCode::NO_CONTENT, "choosing {scenario}");
        self.sign_in(b).await;
    }

    pub async fn session(&self, b: &Client) -> Response {
        b.get(self.api("/session")).send().await.unwrap()
    }

    /// Every entry of the record, following cursors with this page size.
    pub async fn all_entries(&self, b: &Client, limit: u32) -> Vec<Value> {
        let mut out = Vec::new();
        let mut cursor: Option<String> = None;
        loop {
            let mut req = b
                .get(self.api("/record/entries"))
                .query(&[("limit", limit.to_string())]);
            if let Some(c) = &cursor {
                req = req.query(&[("cursor", c)]);
            }
            let page: Value = ok_json(req.send().await.unwrap()).await;
            out.extend(page["entries"].as_array().unwrap().iter().cloned());
            match page["next_cursor"].as_str() {
                Some(c) => cursor = Some(c.to_owned()),
                None => return out,
            }
        }
    }

    pub async fn events(&self, b: &Client) -> Vec<Value> {
        let v: Value = ok_json(b.get(self.at("/__control/events")).send().await.unwrap()).await;
        v["events"].as_array().unwrap().clone()
    }

    pub async fn add_fault(&self, b: &Client, rule: Value) {
        let r = b
            .post(self.at("/__control/faults"))
            .json(&rule)
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), StatusCode::NO_CONTENT, "{:?}", r.text().await);
    }
}

/// Asserts the headers every response carries.
pub fn assert_common_headers(r: &Response) {
    assert_eq!(r.headers()[CACHE_CONTROL], "no-store", "{}", r.url());
    assert_eq!(r.headers()["x-content-type-options"], "nosniff");
    assert_eq!(r.headers()["referrer-policy"], "no-referrer");
    assert!(r.headers().contains_key("content-security-policy"));
}

/// A 200 JSON body.
pub async fn ok_json(r: Response) -> Value {
    assert_common_headers(&r);
    let status = r.status();
    let text = r.text().await.unwrap();
    assert_eq!(status, StatusCode::OK, "{text}");
    serde_json::from_str(&text).unwrap()
}

/// Asserts a problem answer with this status and code; returns the body.
pub async fn assert_problem(r: Response, status: u16, code: &str) -> Value {
    assert_common_headers(&r);
    let url = r.url().clone();
    assert_eq!(
        r.headers()[CONTENT_TYPE],
        "application/problem+json",
        "{url}"
    );
    let got = r.status().as_u16();
    let body: Value = r.json().await.unwrap();
    assert_eq!(got, status, "{url}: {body}");
    assert_eq!(body["status"], status, "{body}");
    assert_eq!(body["code"], code, "{body}");
    assert!(body["type"].is_string() && body["title"].is_string() && body["detail"].is_string());
    body
}

/// The bundled fixtures directory.
pub fn fixtures_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("fixtures")
}

/// A fresh temporary directory.
pub fn temp_dir(tag: &str) -> PathBuf {
    let n = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_nanos();
    let d = std::env::temp_dir().join(format!("ra-backend-test-{tag}-{}-{n}", std::process::id()));
    std::fs::create_dir_all(&d).unwrap();
    d
}
