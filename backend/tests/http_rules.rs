//! Rules for every response: no caching, security headers, problem bodies
//! for every error, strict input; and serving the built app.

mod common;

use common::*;
use reference_backend::Config;
use reqwest::Method;
use serde_json::json;

#[tokio::test]
async fn every_response_is_no_store_with_security_headers() {
    let be = start().await;
    let b = browser();
    let r = b.get(be.at("/api/v1/auth/login")).send().await.unwrap();
    assert_common_headers(&r);
    for (method, path) in [
        (Method::GET, "/api/v1/session"),
        (Method::POST, "/api/v1/session/keep-alive"),
        (Method::GET, "/api/v1/record/entries"),
        (Method::GET, "/api/v1/record/entries/t-bp-2024-11"),
        (Method::GET, "/api/v1/record/entries/missing"),
        (Method::GET, "/api/v1/nothing"),
        (Method::DELETE, "/api/v1/session"),
        (Method::GET, "/__control/scenarios"),
        (Method::GET, "/__control/events"),
        (Method::GET, "/elsewhere"),
        (Method::POST, "/api/v1/session/end"),
        (Method::GET, "/api/v1/auth/exit"),
    ] {
        let r = b.request(method.clone(), be.at(path)).send().await.unwrap();
        assert_common_headers(&r);
        assert_eq!(
            r.headers()["content-security-policy"],
            reference_backend::CSP,
            "{method} {path}"
        );
    }
}

#[tokio::test]
async fn unknown_paths_and_wrong_methods_are_problems() {
    let be = start().await;
    let b = browser();
    be.sign_in(&b).await;
    for path in [
        "/api/v1/nothing",
        "/api/v2/session",
        "/api",
        "/api/v1/record/entries/a/b",
        "/api/v1/auth/nothing",
        "/__control/nothing",
        "/index.html",
    ] {
        let r = b.get(be.at(path)).send().await.unwrap();
        assert_problem(r, 404, "not_found").await;
    }
    for (method, path) in [
        (Method::POST, "/api/v1/session"),
        (Method::DELETE, "/api/v1/session"),
        (Method::GET, "/api/v1/session/keep-alive"),
        (Method::GET, "/api/v1/access/disable"),
        (Method::PUT, "/api/v1/record/entries"),
        (Method::POST, "/api/v1/auth/login"),
        (Method::PUT, "/__control/faults"),
    ] {
        let r = b.request(method.clone(), be.at(path)).send().await.unwrap();
        assert_problem(r, 405, "method_not_allowed").await;
    }
}

#[tokio::test]
async fn strict_json_input() {
    let be = start().await;
    let b = browser();
    be.sign_in(&b).await;
    let url = be.api("/record/redaction-requests");
    let send = |ct: Option<&'static str>, body: Vec<u8>| {
        let mut req = b.post(&url).header("idempotency-key", "k").body(body);
        if let Some(ct) = ct {
            req = req.header("content-type", ct);
        }
        req.send()
    };
    let json_ct = Some("application/json");
    for (ct, body) in [
        (
            json_ct,
            br#"{"entry_id":"t-bp-2024-11","unknown":true}"#.to_vec(),
        ),
        (json_ct, br#"{"entry_id":["t-bp-2024-11"]}"#.to_vec()),
        (json_ct, br#"{"entry_id":"t-bp-2024-11""#.to_vec()),
        (json_ct, b"\xff\xfe".to_vec()),
        (json_ct, br#"{"entry_id":"t-bp-2024-11"} trailing"#.to_vec()),
        (None, br#"{"entry_id":"t-bp-2024-11"}"#.to_vec()),
        (
            Some("text/plain"),
            br#"{"entry_id":"t-bp-2024-11"}"#.to_vec(),
        ),
        (
            Some("application/json; charset=iso-8859-1"),
            br#"{"entry_id":"t-bp-2024-11"}"#.to_vec(),
        ),
    ] {
        let r = send(ct, body.clone()).await.unwrap();
        assert_problem(r, 400, "invalid_request").await;
    }
    // Over 16 KiB, even when otherwise valid JSON.
    let big =
        serde_json::to_vec(&json!({"entry_id": "t-bp-2024-11", "note": "a".repeat(17 * 1024)}))
            .unwrap();
    let r = send(json_ct, big).await.unwrap();
    assert_problem(r, 400, "invalid_request").await;
    // Nothing above created anything.
    let events = be.events(&b).await;
    assert!(events.iter().all(|e| e["type"] != "redaction_request"));
}

/// A stand-in for Trunk's output directory.
fn dist() -> std::path::PathBuf {
    let d = temp_dir("dist");
    std::fs::write(
        d.join("index.html"),
        "<!doctype html><html><head><script nonce=\"{{__TRUNK NONCE__}}\">boot()</script>\
         <link rel=\"modulepreload\" nonce=\"{{__TRUNK NONCE__}}\" href=\"/app.js\"></head>\
         <body><a href=\"/api/v1/auth/exit\">Exit this page</a></body></html>",
    )
    .unwrap();
    for (name, bytes) in [
        ("app.js", b"export default 1;".to_vec()),
        ("app_bg.wasm", b"\0asm\x01\0\0\0".to_vec()),
        ("style.css", b"body{}".to_vec()),
        ("logo.svg", b"<svg/>".to_vec()),
        ("icon.png", b"\x89PNG".to_vec()),
        ("favicon.ico", b"\0\0\x01\0".to_vec()),
        ("font.woff2", b"wOF2".to_vec()),
    ] {
        std::fs::write(d.join(name), bytes).unwrap();
    }
    std::fs::create_dir_all(d.join("assets")).unwrap();
    std::fs::write(
        d.join("assets/page.html"),
        "<p nonce=\"{{__TRUNK NONCE__}}\">x</p>",
    )
    .unwrap();
    d
}

#[tokio::test]
async fn serves_the_app_with_a_fresh_nonce_per_page() {
    let be = start_with(Config {
        dist: Some(dist()),
        ..Default::default()
    })
    .await;
    let b = browser();
    let mut nonces = Vec::new();
    for path in [
        "/",
        "/record",
        "/record/entry/doc%2F2025-03%20%231",
        "/help?x=1",
        "/missing.js",
    ] {
        let r = b.get(be.at(path)).send().await.unwrap();
        assert_eq!(r.status(), 200, "{path}");
        assert_common_headers(&r);
        assert_eq!(r.headers()["content-type"], "text/html; charset=utf-8");
        let csp = r.headers()["content-security-policy"]
            .to_str()
            .unwrap()
            .to_owned();
        let body = r.text().await.unwrap();
        assert!(!body.contains("{{__TRUNK NONCE__}}"));
        let nonce = csp
            .split("'nonce-")
            .nth(1)
            .unwrap()
            .split('\'')
            .next()
            .unwrap()
            .to_owned();
        assert!(nonce.len() >= 22);
        assert_eq!(
            body.matches(&format!("nonce=\"{nonce}\"")).count(),
            2,
            "{body}"
        );
        assert_eq!(
            csp,
            format!(
                "default-src 'none'; script-src 'self' 'nonce-{nonce}' 'wasm-unsafe-eval'; style-src 'self'; \
                 img-src 'self'; font-src 'self'; connect-src 'self'; manifest-src 'self'; base-uri 'none'; \
                 form-action 'self'; frame-ancestors 'none'"
            )
        );
        nonces.push(nonce);
    }
    nonces.sort();
    nonces.dedup();
    assert_eq!(nonces.len(), 5, "a new nonce every time");

    for (path, ct) in [
        ("/app.js", "text/javascript; charset=utf-8"),
        ("/app_bg.wasm", "application/wasm"),
        ("/style.css", "text/css; charset=utf-8"),
        ("/logo.svg", "image/svg+xml"),
        ("/icon.png", "image/png"),
        ("/favicon.ico", "image/x-icon"),
        ("/font.woff2", "font/woff2"),
    ] {
        let r = b.get(be.at(path)).send().await.unwrap();
        assert_eq!(r.status(), 200);
        assert_common_headers(&r);
        assert_eq!(r.headers()["content-type"], ct, "{path}");
        assert_eq!(
            r.headers()["content-security-policy"],
            reference_backend::CSP
        );
    }
    let r = b.get(be.at("/assets/page.html")).send().await.unwrap();
    assert!(r.headers()["content-security-policy"]
        .to_str()
        .unwrap()
        .contains("'nonce-"));
    assert!(!r.text().await.unwrap().contains("TRUNK"));
    // Outside the directory there is nothing to read: the app answers.
    for path in [
        "/../Cargo.toml",
        "/%2e%2e/Cargo.toml",
        "/assets/..%2f..%2fCargo.toml",
    ] {
        let r = b.get(be.at(path)).send().await.unwrap();
        assert_eq!(
            r.headers()["content-type"],
            "text/html; charset=utf-8",
            "{path}"
        );
    }
    // The API is never the app.
    let r = b.get(be.at("/api/v1/nothing")).send().await.unwrap();
    assert_problem(r, 404, "not_found").await;
    let r = b.post(be.at("/record")).send().await.unwrap();
    assert_problem(r, 405, "method_not_allowed").await;
}
