//! The patient's preferences: when new test results are released to them,
//! and results held until a conversation.

mod common;

use common::*;
use reqwest::Client;
use serde_json::{json, Value};

/// `PUT /preferences` with the idempotency key when there is one.
async fn put(be: &Backend, b: &Client, key: Option<&str>, body: &Value) -> reqwest::Response {
    let mut req = b.put(be.api("/preferences")).json(body);
    if let Some(k) = key {
        req = req.header("idempotency-key", k);
    }
    req.send().await.unwrap()
}

async fn choice(be: &Backend, b: &Client) -> Value {
    ok_json(b.get(be.api("/preferences")).send().await.unwrap()).await["results_release"].clone()
}

fn after(choice: &str) -> Value {
    json!({ "results_release": choice })
}

async fn listed(be: &Backend, b: &Client, id: &str) -> bool {
    be.all_entries(b, 7).await.iter().any(|e| e["id"] == id)
}

async fn status_of(be: &Backend, b: &Client, id: &str) -> u16 {
    let r = b
        .get(be.api(&format!("/record/entries/{id}")))
        .send()
        .await
        .unwrap();
    r.status().as_u16()
}

/// The result of redactions-and-results that is reviewed but not yet
/// talked about with the patient.
const HELD: &str = "rr-028";

#[tokio::test]
async fn the_default_is_after_review_and_a_choice_is_kept_and_replayed() {
    let be = start().await;
    let b = browser();
    be.sign_in(&b).await;
    assert_eq!(choice(&be, &b).await, "after_review");
    let first = ok_json(put(&be, &b, Some("p1"), &after("after_conversation")).await).await;
    assert_eq!(first, after("after_conversation"));
    assert_eq!(choice(&be, &b).await, "after_conversation");
    // The same key and body: the same answer, applied once.
    let again = ok_json(put(&be, &b, Some("p1"), &after("after_conversation")).await).await;
    assert_eq!(again, first);
    let changed: Vec<Value> = be
        .events(&b)
        .await
        .into_iter()
        .filter(|e| e["type"] == "results_release_changed")
        .collect();
    assert_eq!(changed.len(), 1);
    assert_eq!(changed[0]["results_release"], "after_conversation");
    // The same key with another body.
    let r = put(&be, &b, Some("p1"), &after("after_review")).await;
    assert_problem(r, 409, "key_reused").await;
    assert_eq!(choice(&be, &b).await, "after_conversation");
    ok_json(put(&be, &b, Some("p2"), &after("after_review")).await).await;
    assert_eq!(choice(&be, &b).await, "after_review");
}

#[tokio::test]
async fn bad_requests_and_signed_out() {
    let be = start().await;
    let b = browser();
    be.sign_in(&b).await;
    let r = put(&be, &b, None, &after("after_review")).await;
    assert_problem(r, 400, "invalid_request").await;
    for body in [
        after("whenever"),
        json!({"results_release": "after_review", "colour": "blue"}),
        json!({}),
        json!({"results_release": null}),
        json!({"results_release": 1}),
    ] {
        let r = put(&be, &b, Some("k"), &body).await;
        assert_problem(r, 400, "invalid_request").await;
    }
    let r = b
        .put(be.api("/preferences"))
        .header("idempotency-key", "k")
        .header("content-type", "application/json")
        .body("{\"results_release\": ")
        .send()
        .await
        .unwrap();
    assert_problem(r, 400, "invalid_request").await;
    // None of that was kept, nor the key used.
    assert_eq!(choice(&be, &b).await, "after_review");
    ok_json(put(&be, &b, Some("k"), &after("after_conversation")).await).await;

    let out = browser();
    let r = out.get(be.api("/preferences")).send().await.unwrap();
    assert_problem(r, 401, "signed_out").await;
    let r = put(&be, &out, Some("k"), &after("after_review")).await;
    assert_problem(r, 401, "signed_out").await;
}

#[tokio::test]
async fn answered_while_record_access_is_off() {
    let be = start().await;
    let b = browser();
    be.sign_in_to(&b, "access-off").await;
    assert_eq!(choice(&be, &b).await, "after_review");
    let r = put(&be, &b, Some("k"), &after("after_conversation")).await;
    assert_eq!(ok_json(r).await, after("after_conversation"));
}

#[tokio::test]
async fn a_result_not_yet_talked_about_is_held_like_one_awaiting_review() {
    let be = start().await;
    let b = browser();
    be.sign_in_to(&b, "redactions-and-results").await;
    assert_eq!(choice(&be, &b).await, "after_conversation");
    assert!(!listed(&be, &b, HELD).await);
    assert_eq!(status_of(&be, &b, HELD).await, 404);
    let r = b
        .post(be.api(&format!("/record/entries/{HELD}/opened")))
        .send()
        .await
        .unwrap();
    assert_problem(r, 404, "not_found").await;
    let r = ask(&be, &b, Some("r"), &json!({ "entry_id": HELD })).await;
    assert_problem(r, 404, "not_found").await;

    // Back to after review: released at once, and without the file's
    // marker.
    ok_json(put(&be, &b, Some("1"), &after("after_review")).await).await;
    assert!(listed(&be, &b, HELD).await);
    let r = b
        .get(be.api(&format!("/record/entries/{HELD}")))
        .send()
        .await
        .unwrap();
    let e = ok_json(r).await;
    assert_eq!(e["title"], "Vitamin D");
    assert!(e.get("discussed").is_none(), "{e}");

    // Now after a conversation again: what was released stays released.
    ok_json(put(&be, &b, Some("2"), &after("after_conversation")).await).await;
    assert!(listed(&be, &b, HELD).await);
    assert_eq!(status_of(&be, &b, HELD).await, 200);
    // Choosing it again changes nothing.
    ok_json(put(&be, &b, Some("3"), &after("after_conversation")).await).await;
    assert_eq!(status_of(&be, &b, HELD).await, 200);
}

#[tokio::test]
async fn a_scenario_choice_and_a_reset_start_again_from_the_file() {
    let be = start().await;
    let b = browser();
    be.sign_in_to(&b, "redactions-and-results").await;
    ok_json(put(&be, &b, Some("1"), &after("after_review")).await).await;
    assert_eq!(status_of(&be, &b, HELD).await, 200);
    be.sign_in_to(&b, "redactions-and-results").await;
    assert_eq!(choice(&be, &b).await, "after_conversation");
    assert_eq!(status_of(&be, &b, HELD).await, 404);

    ok_json(put(&be, &b, Some("2"), &after("after_review")).await).await;
    let r = b.post(be.at("/__control/reset")).send().await.unwrap();
    assert_eq!(r.status(), 204);
    be.sign_in_to(&b, "redactions-and-results").await;
    assert_eq!(status_of(&be, &b, HELD).await, 404);
}

#[tokio::test]
async fn pages_stay_consistent_when_a_result_is_released_between_them() {
    let be = start().await;
    let b = browser();
    be.sign_in_to(&b, "redactions-and-results").await;
    let first: Value = ok_json(
        b.get(be.api("/record/entries?limit=5"))
            .send()
            .await
            .unwrap(),
    )
    .await;
    let mut ids: Vec<String> = first["entries"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["id"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(ids.len(), 5);
    ok_json(put(&be, &b, Some("1"), &after("after_review")).await).await;
    let mut cursor = first["next_cursor"].as_str().map(str::to_owned);
    while let Some(c) = cursor {
        let page: Value = ok_json(
            b.get(be.api("/record/entries"))
                .query(&[("limit", "5"), ("cursor", c.as_str())])
                .send()
                .await
                .unwrap(),
        )
        .await;
        for e in page["entries"].as_array().unwrap() {
            ids.push(e["id"].as_str().unwrap().to_owned());
        }
        cursor = page["next_cursor"].as_str().map(str::to_owned);
    }
    let every: Vec<String> = be
        .all_entries(&b, 500)
        .await
        .iter()
        .map(|e| e["id"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(ids, every, "nothing sent twice or skipped");
    assert!(ids.iter().any(|id| id == HELD));
}
