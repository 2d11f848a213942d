//! Shared helpers: a backend started in-process on 127.0.0.1:0 or run as
//! its own process (so that it can be stopped and started again on the same
//! `--store` file), an HTTP client with a cookie jar per simulated browser,
//! and problem checks.

#![allow(dead_code)]

use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdout, Command, ExitStatus, Stdio};
use std::time::{Duration, Instant};

use reference_backend::{serve, Config, Running};
use reqwest::header::{CACHE_CONTROL, CONTENT_TYPE};
use reqwest::{Client, Response, StatusCode};
use serde_json::Value;

pub struct Backend {
    pub url: String,
    handle: Handle,
}

enum Handle {
    InProcess(Running),
    Process(Process),
}

/// The built `reference-backend` program.
pub const PROGRAM: &str = env!("CARGO_BIN_EXE_reference-backend");

/// A running backend process and the arguments it was started with. Killed
/// when dropped, so a failing test leaves nothing running.
struct Process {
    child: Child,
    /// Kept open: the backend may write to it.
    _stdout: BufReader<ChildStdout>,
    args: Vec<String>,
}

impl Drop for Process {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A backend process that was stopped; [`Stopped::start`] starts a new one
/// with the same arguments (the same `--store` file).
pub struct Stopped {
    args: Vec<String>,
}

impl Stopped {
    pub fn start(self) -> Backend {
        spawn_args(self.args)
    }
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
    Backend {
        url,
        handle: Handle::InProcess(running),
    }
}

/// Runs the backend program with the control API on, on this `--store`
/// file (a temporary store when `None`), with more arguments after it.
/// Returns once it prints that it is listening.
pub fn spawn(store: Option<&Path>, more: &[&str]) -> Backend {
    let mut args: Vec<String> = ["--port", "0", "--control"].map(String::from).to_vec();
    if let Some(store) = store {
        args.push("--store".to_owned());
        args.push(store.display().to_string());
    }
    args.extend(more.iter().map(|a| a.to_string()));
    spawn_args(args)
}

fn spawn_args(args: Vec<String>) -> Backend {
    let mut child = Command::new(PROGRAM)
        .args(&args)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .expect("the backend program runs");
    let mut stdout = BufReader::new(child.stdout.take().unwrap());
    let mut line = String::new();
    stdout.read_line(&mut line).unwrap();
    // The first line on stdout, and the only one: the end-to-end harness
    // reads it.
    let Some(url) = line
        .trim_end()
        .strip_prefix("reference backend listening on ")
        .map(str::to_owned)
    else {
        let _ = child.kill();
        panic!("the backend did not start (args {args:?}); it printed {line:?}");
    };
    Backend {
        url,
        handle: Handle::Process(Process {
            child,
            _stdout: stdout,
            args,
        }),
    }
}

/// What a backend program that stopped by itself said.
pub struct Exited {
    pub status: ExitStatus,
    pub stdout: String,
    pub stderr: String,
}

/// Runs the backend program with these arguments and waits (at most ten
/// seconds) for it to stop by itself, as it does when it cannot start.
pub fn run_until_exit(args: &[&str]) -> Exited {
    let mut child = Command::new(PROGRAM)
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the backend program runs");
    let deadline = Instant::now() + Duration::from_secs(10);
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            let _ = child.wait();
            panic!("the backend kept running with {args:?}");
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    let mut stdout = String::new();
    let mut stderr = String::new();
    child
        .stdout
        .take()
        .unwrap()
        .read_to_string(&mut stdout)
        .unwrap();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut stderr)
        .unwrap();
    Exited {
        status,
        stdout,
        stderr,
    }
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
    /// Stops a backend process as a crash would (SIGKILL), so that nothing
    /// depends on a clean shutdown. Panics for an in-process backend.
    pub fn stop(self) -> Stopped {
        let Handle::Process(mut p) = self.handle else {
            panic!("only a backend started with spawn() can be stopped and started again");
        };
        p.child.kill().unwrap();
        p.child.wait().unwrap();
        Stopped {
            args: std::mem::take(&mut p.args),
        }
    }

    /// Stops the process as a crash would and starts a new one with the
    /// same arguments. Its port differs; cookies are not bound to a port,
    /// so every browser keeps its cookies.
    pub fn restart(self) -> Backend {
        self.stop().start()
    }

    /// Stops a backend process with SIGTERM (as the end-to-end harness
    /// does) and waits for it; how it exited.
    pub fn terminate(self) -> ExitStatus {
        let Handle::Process(mut p) = self.handle else {
            panic!("only a backend started with spawn() can be terminated");
        };
        let pid = p.child.id().to_string();
        let sent = Command::new("kill").args(["-TERM", &pid]).status().unwrap();
        assert!(sent.success());
        p.child.wait().unwrap()
    }

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
/// Every API answer, redirect and page: never stored, and the production
/// header set.
pub fn assert_common_headers(r: &Response) {
    assert_eq!(r.headers()[CACHE_CONTROL], "no-store", "{}", r.url());
    assert_security_headers(r);
}

/// The headers of every response, files of the build included (on a
/// loopback address, so without HSTS).
pub fn assert_security_headers(r: &Response) {
    let h = r.headers();
    assert_eq!(h["x-content-type-options"], "nosniff");
    assert_eq!(h["referrer-policy"], "no-referrer");
    assert_eq!(h["content-security-policy"], reference_backend::CSP);
    assert_eq!(h["cross-origin-opener-policy"], "same-origin");
    assert_eq!(h["cross-origin-resource-policy"], "same-origin");
    assert_eq!(
        h["permissions-policy"],
        reference_backend::PERMISSIONS_POLICY
    );
    assert!(
        !h.contains_key("strict-transport-security"),
        "HSTS on loopback"
    );
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

/// A store file in a fresh temporary directory.
pub fn store_file(tag: &str) -> PathBuf {
    temp_dir(tag).join("store.sqlite3")
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

/// A fixtures directory with one scenario whose idle timeout is 2 seconds.
pub fn two_second_fixtures() -> std::path::PathBuf {
    let dir = temp_dir("idle");
    std::fs::write(
        dir.join("quick.json"),
        r#"{"description": "2 seconds", "default": true,
            "patient": {"given_name": "Ann", "family_name": "Example"},
            "record_access": {"available_from": "2025-01-01"},
            "idle_timeout_seconds": 2}"#,
    )
    .unwrap();
    dir
}

/// Signed in, access shown as off, and every record endpoint answers 403.
pub async fn record_closed(be: &Backend, b: &Client) {
    let s = ok_json(be.session(b).await).await;
    assert_eq!(s["record_access"]["status"], "disabled");
    let r = b.get(be.api("/record/entries")).send().await.unwrap();
    assert_problem(r, 403, "record_access_disabled").await;
    let r = b
        .get(be.api("/record/entries/t-mz73ml"))
        .send()
        .await
        .unwrap();
    assert_problem(r, 403, "record_access_disabled").await;
    let r = ask(
        be,
        b,
        Some("r"),
        &serde_json::json!({"entry_id": "t-mz73ml"}),
    )
    .await;
    assert_problem(r, 403, "record_access_disabled").await;
}

/// The body that turns off access to the record, confirmed.
pub fn record_access_off() -> Value {
    serde_json::json!({"scope": "record_access", "confirmed": true})
}

/// `POST /safeguarding/acknowledgements`.
pub async fn acknowledge(be: &Backend, b: &Client, body: &Value) -> Response {
    b.post(be.api("/safeguarding/acknowledgements"))
        .json(body)
        .send()
        .await
        .unwrap()
}

/// `POST /access/disable`, with the idempotency key when there is one.
pub async fn disable(be: &Backend, b: &Client, key: Option<&str>, body: &Value) -> Response {
    post_with_key(b, &be.api("/access/disable"), key, body).await
}

/// `POST /record/redaction-requests`, with the idempotency key when there
/// is one.
pub async fn ask(be: &Backend, b: &Client, key: Option<&str>, body: &Value) -> Response {
    post_with_key(b, &be.api("/record/redaction-requests"), key, body).await
}

async fn post_with_key(b: &Client, url: &str, key: Option<&str>, body: &Value) -> Response {
    let mut req = b.post(url).json(body);
    if let Some(k) = key {
        req = req.header("idempotency-key", k);
    }
    req.send().await.unwrap()
}

/// A 202 with the common headers: its body.
pub async fn accepted(r: Response) -> Value {
    assert_common_headers(&r);
    assert_eq!(r.status(), StatusCode::ACCEPTED);
    r.json().await.unwrap()
}

/// A browser that says this `User-Agent`.
pub fn browser_as(user_agent: &str) -> Client {
    Client::builder()
        .cookie_store(true)
        .user_agent(user_agent)
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap()
}

/// A browser that shares another's preview browser (its `ra_preview`
/// cookie) and so its patient: another device of the same patient.
pub fn browser_in_bucket(be: &Backend, preview_cookie: &str, user_agent: &str) -> Client {
    let jar = std::sync::Arc::new(reqwest::cookie::Jar::default());
    jar.add_cookie_str(
        &format!("ra_preview={preview_cookie}; Path=/"),
        &be.url.parse().unwrap(),
    );
    Client::builder()
        .cookie_provider(jar)
        .user_agent(user_agent)
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap()
}

/// Chooses a scenario for a new browser; the `ra_preview` cookie it was
/// given.
pub async fn choose_scenario(be: &Backend, b: &Client, scenario: &str) -> String {
    let r = b
        .post(be.at("/__control/scenario"))
        .json(&serde_json::json!({ "scenario": scenario }))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::NO_CONTENT, "choosing {scenario}");
    let cookie = r.headers()["set-cookie"].to_str().unwrap().to_owned();
    cookie
        .strip_prefix("ra_preview=")
        .and_then(|c| c.split(';').next())
        .expect("a new preview cookie")
        .to_owned()
}

/// The same patient signed in on two devices: a laptop (Firefox on
/// Windows) and then a phone (Chrome on Android), in one preview browser.
pub async fn laptop_and_phone(be: &Backend, scenario: &str) -> (Client, Client) {
    let laptop = browser_as(FIREFOX_ON_WINDOWS);
    let cookie = choose_scenario(be, &laptop, scenario).await;
    be.sign_in(&laptop).await;
    let phone = browser_in_bucket(be, &cookie, CHROME_ON_ANDROID);
    be.sign_in(&phone).await;
    (laptop, phone)
}

/// `GET /access/proxies`, answered 200: the list.
pub async fn proxies(be: &Backend, b: &Client) -> Vec<Value> {
    let v = ok_json(b.get(be.api("/access/proxies")).send().await.unwrap()).await;
    v["proxies"].as_array().unwrap().clone()
}

/// `POST /access/proxies/{id}/removal-requests` with the body `{}`, the id
/// percent-encoded, with the idempotency key when there is one.
pub async fn remove_proxy(be: &Backend, b: &Client, id: &str, key: Option<&str>) -> Response {
    let id = percent_encoding::utf8_percent_encode(id, percent_encoding::NON_ALPHANUMERIC);
    post_with_key(
        b,
        &be.api(&format!("/access/proxies/{id}/removal-requests")),
        key,
        &serde_json::json!({}),
    )
    .await
}

/// `GET /session/sign-ins`, answered 200: the list.
pub async fn sign_ins(be: &Backend, b: &Client) -> Vec<Value> {
    let v = ok_json(b.get(be.api("/session/sign-ins")).send().await.unwrap()).await;
    v["sign_ins"].as_array().unwrap().clone()
}

/// `POST /session/end-others`.
pub async fn end_others(be: &Backend, b: &Client) -> Response {
    b.post(be.api("/session/end-others")).send().await.unwrap()
}

pub const FIREFOX_ON_WINDOWS: &str =
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0";
pub const CHROME_ON_ANDROID: &str = "Mozilla/5.0 (Linux; Android 14; Pixel 8) \
    AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36";
