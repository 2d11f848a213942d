//! Asking the GP surgery to hide an entry.

mod common;

use common::*;

use serde_json::{json, Value};

#[tokio::test]
async fn accepted_with_a_reference_and_replayed() {
    let be = start().await;
    let b = browser();
    be.sign_in(&b).await;
    let body = json!({"entry_id": "t-mz73ml", "note": "Please hide this."});
    let first = accepted(ask(&be, &b, Some("r1"), &body).await).await;
    let reference = first["reference"].as_str().unwrap();
    assert!(reference.starts_with("RA-") && reference.len() == 11);
    assert_eq!(accepted(ask(&be, &b, Some("r1"), &body).await).await, first);
    // Without a note, and for an id that needs encoding.
    let other = accepted(ask(&be, &b, Some("r2"), &json!({"entry_id": "t/ollvlk #9"})).await).await;
    assert_ne!(other, first);
    let events = be.events(&b).await;
    let asked: Vec<&Value> = events
        .iter()
        .filter(|e| e["type"] == "redaction_request")
        .collect();
    assert_eq!(asked.len(), 2);
}

#[tokio::test]
async fn conflicts_and_bad_requests() {
    let be = start().await;
    let b = browser();
    be.sign_in(&b).await;
    accepted(ask(&be, &b, Some("k"), &json!({"entry_id": "t-mz73ml"})).await).await;
    let r = ask(&be, &b, Some("k"), &json!({"entry_id": "t-902um8"})).await;
    assert_problem(r, 409, "key_reused").await;
    let r = ask(&be, &b, None, &json!({"entry_id": "t-mz73ml"})).await;
    assert_problem(r, 400, "invalid_request").await;
    let long = "a".repeat(1001);
    let r = ask(
        &be,
        &b,
        Some("k2"),
        &json!({"entry_id": "t-mz73ml", "note": long}),
    )
    .await;
    assert_problem(r, 400, "invalid_request").await;
    // 1000 characters (not bytes) is fine.
    let r = ask(
        &be,
        &b,
        Some("k3"),
        &json!({"entry_id": "t-mz73ml", "note": "é".repeat(1000)}),
    )
    .await;
    accepted(r).await;
    for body in [
        json!({"entry": "x"}),
        json!({"entry_id": 5}),
        json!({"entry_id": "x", "note": null, "why": 1}),
    ] {
        assert_problem(
            ask(&be, &b, Some("k4"), &body).await,
            400,
            "invalid_request",
        )
        .await;
    }
    for id in ["no-such-entry", "t-51cea9", "t-sk6kj8"] {
        let r = ask(&be, &b, Some(&format!("k-{id}")), &json!({"entry_id": id})).await;
        assert_problem(r, 404, "not_found").await;
    }
}
