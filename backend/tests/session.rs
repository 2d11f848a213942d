//! Sign-in, the session, keep-alive, ending it, the exit link and the
//! pressure warning's acknowledgements.

mod common;

use std::time::Duration;

use common::*;
use reqwest::StatusCode;
use serde_json::{json, Value};

#[tokio::test]
async fn sign_in_sets_a_strict_cookie_and_returns_to_the_path() {
    let be = start().await;
    let b = browser();
    let r = b
        .get(be.at("/api/v1/auth/login?return_to=%2Frecord%2Fentry%2Fa%252Fb%3Fkind%3Dmedicine"))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    assert_common_headers(&r);
    assert_eq!(r.headers()["location"], "/record/entry/a%2Fb?kind=medicine");
    let cookie = r.headers()["set-cookie"].to_str().unwrap().to_owned();
    assert!(cookie.starts_with("ra_session="), "{cookie}");
    let parts: Vec<&str> = cookie.split("; ").collect();
    assert!(
        parts.contains(&"HttpOnly")
            && parts.contains(&"SameSite=Strict")
            && parts.contains(&"Path=/")
    );
    // Bound to loopback: plain http works, so no Secure.
    assert!(!parts.contains(&"Secure"), "{cookie}");
    let id = parts[0].trim_start_matches("ra_session=");
    assert!(id.len() >= 32);

    let s = ok_json(be.session(&b).await).await;
    assert_eq!(
        s,
        json!({
            "patient": {"given_name": "Joanne", "family_name": "Hartley"},
            "record_access": {"status": "enabled", "available_from": "2024-11-01"},
            "safeguarding": {"acknowledged": false},
            "idle_timeout_seconds": 600
        })
    );
}

#[tokio::test]
async fn each_sign_in_gets_a_new_session_id() {
    let be = start().await;
    let b = browser();
    let first = b.get(be.at("/api/v1/auth/login")).send().await.unwrap();
    let second = b.get(be.at("/api/v1/auth/login")).send().await.unwrap();
    assert_ne!(
        first.headers()["set-cookie"],
        second.headers()["set-cookie"]
    );
    // The first session ended with the second sign-in.
    let old = first.headers()["set-cookie"]
        .to_str()
        .unwrap()
        .split(';')
        .next()
        .unwrap()
        .to_owned();
    let r = reqwest::Client::new()
        .get(be.api("/session"))
        .header("cookie", old)
        .send()
        .await
        .unwrap();
    assert_problem(r, 401, "signed_out").await;
}

#[tokio::test]
async fn return_to_must_be_a_same_origin_path() {
    let be = start().await;
    for (given, expected) in [
        ("/record", "/record"),
        ("%2F%2Fevil.example", "/"),
        ("https%3A%2F%2Fevil.example%2F", "/"),
        ("%2F%5Cevil.example", "/"),
        ("javascript%3Aalert(1)", "/"),
        ("%2F%09%2Fevil.example", "/"),
        ("record", "/"),
    ] {
        let r = browser()
            .get(be.at(&format!("/api/v1/auth/login?return_to={given}")))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), StatusCode::SEE_OTHER);
        assert_eq!(r.headers()["location"], expected, "{given}");
    }
    let r = browser()
        .get(be.at("/api/v1/auth/login"))
        .send()
        .await
        .unwrap();
    assert_eq!(r.headers()["location"], "/");
}

#[tokio::test]
async fn without_a_session_every_authenticated_call_is_signed_out() {
    let be = start().await;
    let b = browser();
    assert_problem(be.session(&b).await, 401, "signed_out").await;
    let r = b.post(be.api("/session/keep-alive")).send().await.unwrap();
    assert_problem(r, 401, "signed_out").await;
    let r = b.get(be.api("/record/entries")).send().await.unwrap();
    assert_problem(r, 401, "signed_out").await;
    let r = b
        .get(be.api("/record/entries/t-mz73ml"))
        .send()
        .await
        .unwrap();
    assert_problem(r, 401, "signed_out").await;
    let r = acknowledge(&be, &b, &json!({"choice": "continue"})).await;
    assert_problem(r, 401, "signed_out").await;
    let r = ask(&be, &b, Some("k"), &json!({"entry_id": "t-mz73ml"})).await;
    assert_problem(r, 401, "signed_out").await;
    let r = disable(&be, &b, Some("k"), &record_access_off()).await;
    assert_problem(r, 401, "signed_out").await;
    // A made-up session id is no better.
    let r = reqwest::Client::new()
        .get(be.api("/session"))
        .header("cookie", "ra_session=made-up")
        .send()
        .await
        .unwrap();
    assert_problem(r, 401, "signed_out").await;
}

#[tokio::test]
async fn keep_alive_extends_and_idleness_ends_the_session() {
    let be = start_with(reference_backend::Config {
        control: true,
        fixtures: two_second_fixtures(),
        ..Default::default()
    })
    .await;
    let b = browser();
    be.sign_in(&b).await;
    for _ in 0..3 {
        tokio::time::sleep(Duration::from_millis(1000)).await;
        let r = b.post(be.api("/session/keep-alive")).send().await.unwrap();
        assert_eq!(r.status(), StatusCode::NO_CONTENT);
        assert_common_headers(&r);
    }
    // 3 s after sign-in, still signed in thanks to the keep-alives.
    ok_json(be.session(&b).await).await;
    tokio::time::sleep(Duration::from_millis(2300)).await;
    let r = b.post(be.api("/session/keep-alive")).send().await.unwrap();
    assert_problem(r, 401, "signed_out").await;
    assert_problem(be.session(&b).await, 401, "signed_out").await;
    let events = be.events(&b).await;
    let kinds: Vec<&str> = events.iter().map(|e| e["type"].as_str().unwrap()).collect();
    assert_eq!(
        kinds,
        [
            "sign_in",
            "keep_alive",
            "keep_alive",
            "keep_alive",
            "session_expired"
        ]
    );
}

#[tokio::test]
async fn other_calls_extend_the_session_too() {
    let be = start_with(reference_backend::Config {
        control: true,
        fixtures: two_second_fixtures(),
        ..Default::default()
    })
    .await;
    let b = browser();
    be.sign_in(&b).await;
    for _ in 0..3 {
        tokio::time::sleep(Duration::from_millis(1000)).await;
        ok_json(b.get(be.api("/record/entries")).send().await.unwrap()).await;
    }
    ok_json(be.session(&b).await).await;
}

#[tokio::test]
async fn end_accepts_a_text_plain_beacon_and_records_the_reason() {
    let be = start().await;
    let b = browser();
    be.sign_in(&b).await;
    let r = b
        .post(be.api("/session/end"))
        .header("content-type", "text/plain;charset=UTF-8")
        .body(r#"{"reason":"exit"}"#)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::NO_CONTENT);
    assert_common_headers(&r);
    assert!(r.headers()["set-cookie"]
        .to_str()
        .unwrap()
        .contains("Max-Age=0"));
    assert_problem(be.session(&b).await, 401, "signed_out").await;
    let events = be.events(&b).await;
    let end = events.last().unwrap();
    assert_eq!(end["type"], "session_end");
    assert_eq!(end["reason"], "exit");
    assert_eq!(end["ended_session"], true);
}

#[tokio::test]
async fn end_accepts_empty_and_odd_bodies_and_is_always_204() {
    let be = start().await;
    for (ct, body) in [
        (None, ""),
        (Some("application/json"), r#"{"reason":"sign_out"}"#),
        (Some("application/json"), r#"{"reason":"timeout"}"#),
        (Some("text/plain"), "not json"),
        (Some("application/x-www-form-urlencoded"), "reason=exit"),
        (Some("application/json"), r#"{"reason":"bored"}"#),
    ] {
        let b = browser();
        be.sign_in(&b).await;
        let mut req = b.post(be.api("/session/end")).body(body);
        if let Some(ct) = ct {
            req = req.header("content-type", ct);
        }
        let r = req.send().await.unwrap();
        assert_eq!(r.status(), StatusCode::NO_CONTENT, "{body}");
        assert_problem(be.session(&b).await, 401, "signed_out").await;
        // Ending again, or with no session at all, is still fine.
        let r = b.post(be.api("/session/end")).send().await.unwrap();
        assert_eq!(r.status(), StatusCode::NO_CONTENT);
    }
    let r = browser()
        .post(be.api("/session/end"))
        .body(vec![b'x'; 40_000])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::NO_CONTENT);
    let b = browser();
    let events = be.events(&b).await;
    let reasons: Vec<Value> = events
        .iter()
        .filter(|e| e["type"] == "session_end" && e["ended_session"] == true)
        .map(|e| e["reason"].clone())
        .collect();
    assert_eq!(
        reasons,
        [
            Value::Null,
            json!("sign_out"),
            json!("timeout"),
            Value::Null,
            Value::Null,
            Value::Null
        ]
    );
}

#[tokio::test]
async fn exit_link_ends_the_session_and_goes_to_the_neutral_page() {
    let be = start().await;
    let b = browser();
    be.sign_in(&b).await;
    let r = b.get(be.at("/api/v1/auth/exit")).send().await.unwrap();
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    assert_common_headers(&r);
    assert_eq!(r.headers()["location"], "https://www.bbc.co.uk/weather");
    assert_problem(be.session(&b).await, 401, "signed_out").await;
    let end = be.events(&b).await.pop().unwrap();
    assert_eq!(end["type"], "session_end");
    assert_eq!(end["reason"], "exit");
    assert_eq!(end["source"], "auth_exit");

    let be = start_with(reference_backend::Config {
        exit_url: "https://example.org/neutral".to_owned(),
        ..Default::default()
    })
    .await;
    let r = browser()
        .get(be.at("/api/v1/auth/exit"))
        .send()
        .await
        .unwrap();
    assert_eq!(r.headers()["location"], "https://example.org/neutral");
}

#[tokio::test]
async fn only_continue_acknowledges_the_warning() {
    let be = start().await;
    let b = browser();
    be.sign_in(&b).await;
    for choice in ["get_help", "exit"] {
        let r = acknowledge(&be, &b, &json!({ "choice": choice })).await;
        assert_eq!(r.status(), StatusCode::NO_CONTENT);
        let s = ok_json(be.session(&b).await).await;
        assert_eq!(s["safeguarding"]["acknowledged"], false, "{choice}");
    }
    let r = acknowledge(&be, &b, &json!({ "choice": "continue" })).await;
    assert_eq!(r.status(), StatusCode::NO_CONTENT);
    let s = ok_json(be.session(&b).await).await;
    assert_eq!(s["safeguarding"]["acknowledged"], true);
    // A new session asks again.
    be.sign_in(&b).await;
    let s = ok_json(be.session(&b).await).await;
    assert_eq!(s["safeguarding"]["acknowledged"], false);

    let choices: Vec<Value> = be
        .events(&b)
        .await
        .into_iter()
        .filter(|e| e["type"] == "acknowledgement")
        .map(|e| e["choice"].clone())
        .collect();
    assert_eq!(
        choices,
        [json!("get_help"), json!("exit"), json!("continue")]
    );
}

#[tokio::test]
async fn invalid_acknowledgements_are_400() {
    let be = start().await;
    let b = browser();
    be.sign_in(&b).await;
    let url = be.api("/safeguarding/acknowledgements");
    for body in [
        r#"{"choice":"skip"}"#,
        r#"{"choice":"continue","extra":1}"#,
        r#"{"choice":1}"#,
        r#"{}"#,
        r#"{"choice":"continue""#,
        r#"[]"#,
        "",
    ] {
        let r = b
            .post(&url)
            .header("content-type", "application/json")
            .body(body)
            .send()
            .await
            .unwrap();
        assert_problem(r, 400, "invalid_request").await;
    }
    let r = b
        .post(&url)
        .header("content-type", "text/plain")
        .body(r#"{"choice":"continue"}"#)
        .send()
        .await
        .unwrap();
    assert_problem(r, 400, "invalid_request").await;
    let s = ok_json(be.session(&b).await).await;
    assert_eq!(s["safeguarding"]["acknowledged"], false);
}
