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
        (Method::GET, "/api/v1/record/entries/t-mz73ml"),
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
            br#"{"entry_id":"t-mz73ml","unknown":true}"#.to_vec(),
        ),
        (json_ct, br#"{"entry_id":["t-mz73ml"]}"#.to_vec()),
        (json_ct, br#"{"entry_id":"t-mz73ml""#.to_vec()),
        (json_ct, b"\xff\xfe".to_vec()),
        (json_ct, br#"{"entry_id":"t-mz73ml"} trailing"#.to_vec()),
        (None, br#"{"entry_id":"t-mz73ml"}"#.to_vec()),
        (Some("text/plain"), br#"{"entry_id":"t-mz73ml"}"#.to_vec()),
        (
            Some("application/json; charset=iso-8859-1"),
            br#"{"entry_id":"t-mz73ml"}"#.to_vec(),
        ),
    ] {
        let r = send(ct, body.clone()).await.unwrap();
        assert_problem(r, 400, "invalid_request").await;
    }
    // Over 16 KiB, even when otherwise valid JSON.
    let big = serde_json::to_vec(&json!({"entry_id": "t-mz73ml", "note": "a".repeat(17 * 1024)}))
        .unwrap();
    let r = send(json_ct, big).await.unwrap();
    assert_problem(r, 400, "invalid_request").await;
    // Nothing above created anything.
    let events = be.events(&b).await;
    assert!(events.iter().all(|e| e["type"] != "redaction_request"));
}

/// A stand-in for Trunk's output directory: hashed files with their
/// precompressed copies, and files without a hash.
fn dist() -> std::path::PathBuf {
    let d = temp_dir("dist");
    std::fs::write(
        d.join("index.html"),
        "<!doctype html><html><head><script type=module src=\"/loader-0123456789abcdef.js\"></script>\
         </head><body><a href=\"/api/v1/auth/exit\">Exit this page</a></body></html>",
    )
    .unwrap();
    for (name, bytes) in [
        ("app-ae8182feaf8a354.js", b"export default 1;".to_vec()),
        ("app-ae8182feaf8a354.js.br", b"brotli of js".to_vec()),
        ("app-ae8182feaf8a354.js.gz", b"gzip of js".to_vec()),
        ("app-ae8182feaf8a354_bg.wasm", b"\0asm\x01\0\0\0".to_vec()),
        ("app-ae8182feaf8a354_bg.wasm.br", b"brotli of wasm".to_vec()),
        ("main-718ea578c2393ebb.css", b"body{}".to_vec()),
        ("main-718ea578c2393ebb.css.gz", b"gzip of css".to_vec()),
        ("loader-0123456789abcdef.js", b"import('/app.js')".to_vec()),
        ("logo.svg", b"<svg/>".to_vec()),
        ("icon.png", b"\x89PNG".to_vec()),
        ("favicon.ico", b"\0\0\x01\0".to_vec()),
        ("font.woff2", b"wOF2".to_vec()),
    ] {
        std::fs::write(d.join(name), bytes).unwrap();
    }
    std::fs::create_dir_all(d.join("assets")).unwrap();
    std::fs::write(d.join("assets/page.html"), "<p>x</p>").unwrap();
    d
}

#[tokio::test]
async fn serves_the_app_as_production_would() {
    let be = start_with(Config {
        dist: Some(dist()),
        ..Default::default()
    })
    .await;
    let b = browser();
    // The page, at any of the app's addresses: never stored.
    for path in [
        "/",
        "/record",
        "/record/entry/t%2Follvlk%20%239",
        "/help?x=1",
        "/missing.js",
        "/assets/page.html",
    ] {
        let r = b.get(be.at(path)).send().await.unwrap();
        assert_eq!(r.status(), 200, "{path}");
        assert_common_headers(&r);
        assert_eq!(r.headers()["content-type"], "text/html; charset=utf-8");
        assert!(r.headers().get("content-encoding").is_none());
    }

    // Files: their media type, their caching, and the copy the browser
    // accepts.
    let get = |path: &'static str, accept: &'static str| {
        let b = &b;
        let url = be.at(path);
        async move {
            let r = b
                .get(url)
                .header("accept-encoding", accept)
                .send()
                .await
                .unwrap();
            assert_eq!(r.status(), 200, "{path}");
            assert_security_headers(&r);
            r
        }
    };
    let header = |r: &reqwest::Response, name: &str| {
        r.headers()
            .get(name)
            .map(|v| v.to_str().unwrap().to_owned())
    };
    for (path, ct, cache) in [
        (
            "/app-ae8182feaf8a354.js",
            "text/javascript; charset=utf-8",
            reference_backend::IMMUTABLE,
        ),
        (
            "/app-ae8182feaf8a354_bg.wasm",
            "application/wasm",
            reference_backend::IMMUTABLE,
        ),
        (
            "/main-718ea578c2393ebb.css",
            "text/css; charset=utf-8",
            reference_backend::IMMUTABLE,
        ),
        (
            "/loader-0123456789abcdef.js",
            "text/javascript; charset=utf-8",
            reference_backend::IMMUTABLE,
        ),
        ("/logo.svg", "image/svg+xml", reference_backend::ONE_DAY),
        ("/icon.png", "image/png", reference_backend::ONE_DAY),
        ("/favicon.ico", "image/x-icon", reference_backend::ONE_DAY),
        ("/font.woff2", "font/woff2", reference_backend::ONE_DAY),
    ] {
        let r = get(path, "identity").await;
        assert_eq!(r.headers()["content-type"], ct, "{path}");
        assert_eq!(r.headers()["cache-control"], cache, "{path}");
    }
    for (path, accept, encoding, body) in [
        (
            "/app-ae8182feaf8a354.js",
            "gzip, deflate, br, zstd",
            Some("br"),
            "brotli of js",
        ),
        (
            "/app-ae8182feaf8a354.js",
            "gzip",
            Some("gzip"),
            "gzip of js",
        ),
        (
            "/app-ae8182feaf8a354.js",
            "br;q=0, gzip;q=0.8",
            Some("gzip"),
            "gzip of js",
        ),
        (
            "/app-ae8182feaf8a354.js",
            "identity",
            None,
            "export default 1;",
        ),
        (
            "/app-ae8182feaf8a354_bg.wasm",
            "gzip, br",
            Some("br"),
            "brotli of wasm",
        ),
        (
            "/app-ae8182feaf8a354_bg.wasm",
            "gzip",
            None,
            "\0asm\x01\0\0\0",
        ),
        ("/main-718ea578c2393ebb.css", "br", None, "body{}"),
        (
            "/main-718ea578c2393ebb.css",
            "br, gzip",
            Some("gzip"),
            "gzip of css",
        ),
    ] {
        let r = get(path, accept).await;
        assert_eq!(
            header(&r, "content-encoding").as_deref(),
            encoding,
            "{path} {accept}"
        );
        assert_eq!(
            header(&r, "vary").as_deref(),
            Some("Accept-Encoding"),
            "{path}"
        );
        assert_eq!(r.bytes().await.unwrap(), body.as_bytes(), "{path} {accept}");
    }
    let r = get("/logo.svg", "br, gzip").await;
    assert!(header(&r, "content-encoding").is_none());
    assert!(header(&r, "vary").is_none(), "nothing to vary on");

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
