//! Turning access off: idempotency, conflicts, confirmation and what
//! happens afterwards.

mod common;

use common::*;
use serde_json::{json, Value};

fn is_reference(r: &str) -> bool {
    r.len() == 11
        && r.starts_with("RA-")
        && r[3..]
            .bytes()
            .all(|c| c.is_ascii_digit() || c.is_ascii_uppercase())
}

#[tokio::test]
async fn record_access_turned_off_with_replay_and_conflicts() {
    let be = start().await;
    let b = browser();
    be.sign_in(&b).await;
    let body = record_access_off();
    let first = ok_json(disable(&be, &b, Some("key-1"), &body).await).await;
    assert_eq!(first["scope"], "record_access");
    assert_eq!(first["disabled_at"], "2026-11-02T10:00:00Z");
    let reference = first["reference"].as_str().unwrap().to_owned();
    assert!(is_reference(&reference), "{reference}");

    // Same key, same body: the same answer.
    let again = ok_json(disable(&be, &b, Some("key-1"), &body).await).await;
    assert_eq!(again, first);
    // Same key, other body: a conflict.
    let r = disable(
        &be,
        &b,
        Some("key-1"),
        &json!({"scope": "nhs_login", "confirmed": true}),
    )
    .await;
    assert_problem(r, 409, "key_reused").await;
    // A new key while access is off: already disabled, with the reference.
    let r = disable(&be, &b, Some("key-2"), &body).await;
    let p = assert_problem(r, 409, "already_disabled").await;
    assert_eq!(p["reference"], reference);

    // The session goes on, the record is closed.
    record_closed(&be, &b).await;

    // After the session has ended, the key still proves the request.
    b.post(be.api("/session/end")).send().await.unwrap();
    let replay = ok_json(disable(&be, &b, Some("key-1"), &body).await).await;
    assert_eq!(replay, first);
    // But nothing else works without a session.
    let r = disable(
        &be,
        &b,
        Some("key-1"),
        &json!({"scope": "nhs_login", "confirmed": true}),
    )
    .await;
    assert_problem(r, 401, "signed_out").await;
    let r = disable(&be, &b, Some("key-3"), &body).await;
    assert_problem(r, 401, "signed_out").await;

    let events = be.events(&b).await;
    let disabled: Vec<&Value> = events
        .iter()
        .filter(|e| e["type"] == "access_disabled")
        .collect();
    assert_eq!(disabled.len(), 1, "applied once");
    assert_eq!(disabled[0]["reference"], reference);
}

#[tokio::test]
async fn nhs_login_ends_the_session() {
    let be = start().await;
    let b = browser();
    be.sign_in(&b).await;
    let body = json!({"scope": "nhs_login", "confirmed": true});
    let r = disable(&be, &b, Some("k"), &body).await;
    assert!(r.headers()["set-cookie"]
        .to_str()
        .unwrap()
        .contains("Max-Age=0"));
    let first = ok_json(r).await;
    assert_eq!(first["scope"], "nhs_login");
    assert_problem(be.session(&b).await, 401, "signed_out").await;
    let r = b.get(be.api("/record/entries")).send().await.unwrap();
    assert_problem(r, 401, "signed_out").await;
    let r = b.post(be.api("/session/keep-alive")).send().await.unwrap();
    assert_problem(r, 401, "signed_out").await;
    // The replay works after the session ended.
    assert_eq!(
        ok_json(disable(&be, &b, Some("k"), &body).await).await,
        first
    );
    let end = be.events(&b).await.pop().unwrap();
    assert_eq!(end["type"], "session_end");
    assert_eq!(end["source"], "nhs_login_disabled");
}

#[tokio::test]
async fn bad_disable_requests() {
    let be = start().await;
    let b = browser();
    be.sign_in(&b).await;
    let good = record_access_off();
    assert_problem(disable(&be, &b, None, &good).await, 400, "invalid_request").await;
    assert_problem(
        disable(&be, &b, Some(""), &good).await,
        400,
        "invalid_request",
    )
    .await;
    for body in [
        json!({"scope": "everything", "confirmed": true}),
        json!({"scope": "record_access"}),
        json!({"scope": "record_access", "confirmed": "yes"}),
        json!({"scope": "record_access", "confirmed": true, "reason": "x"}),
    ] {
        assert_problem(
            disable(&be, &b, Some("k"), &body).await,
            400,
            "invalid_request",
        )
        .await;
    }
    let r = disable(
        &be,
        &b,
        Some("k"),
        &json!({"scope": "record_access", "confirmed": false}),
    )
    .await;
    assert_problem(r, 422, "not_confirmed").await;
    // Nothing was applied: the key is still free.
    let s = ok_json(be.session(&b).await).await;
    assert_eq!(s["record_access"]["status"], "enabled");
    ok_json(disable(&be, &b, Some("k"), &good).await).await;
}

#[tokio::test]
async fn access_off_scenario_answers_already_disabled() {
    let be = start().await;
    let b = browser();
    be.sign_in_to(&b, "access-off").await;
    let r = disable(&be, &b, Some("k"), &record_access_off()).await;
    let p = assert_problem(r, 409, "already_disabled").await;
    assert_eq!(p["reference"], "RA-7K4M2Q9D");
}

#[tokio::test]
async fn double_submission_applies_once() {
    let be = start().await;
    let b = browser();
    be.sign_in(&b).await;
    let body = record_access_off();
    let (a, c) = tokio::join!(
        disable(&be, &b, Some("same"), &body),
        disable(&be, &b, Some("same"), &body)
    );
    let (a, c) = (ok_json(a).await, ok_json(c).await);
    assert_eq!(a, c);
}

#[tokio::test]
async fn turning_off_is_per_preview_browser() {
    let be = start().await;
    let one = browser();
    let two = browser();
    be.sign_in_to(&one, "typical").await;
    be.sign_in_to(&two, "typical").await;
    ok_json(disable(&be, &one, Some("k"), &record_access_off()).await).await;
    let s = ok_json(be.session(&two).await).await;
    assert_eq!(s["record_access"]["status"], "enabled");
    // A reset turns it back on.
    let r = one.post(be.at("/__control/reset")).send().await.unwrap();
    assert_eq!(r.status(), 204);
    be.sign_in(&one).await;
    let s = ok_json(be.session(&one).await).await;
    assert_eq!(s["record_access"]["status"], "enabled");
}
