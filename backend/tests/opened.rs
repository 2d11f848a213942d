//! New test results the patient has not opened yet: sent with
//! `unopened` until the patient says they opened them.

mod common;

use common::*;
use reqwest::Client;
use serde_json::Value;

/// The typical patient's two unopened results (ferritin, thyroid
/// function).
const UNOPENED: [&str; 2] = ["t-6dfge7", "t-e1ho6g"];

async fn open(be: &Backend, b: &Client, id: &str) -> reqwest::Response {
    let id = percent_encoding::utf8_percent_encode(id, percent_encoding::NON_ALPHANUMERIC);
    b.post(be.api(&format!("/record/entries/{id}/opened")))
        .send()
        .await
        .unwrap()
}

async fn one(be: &Backend, b: &Client, id: &str) -> Value {
    let r = b
        .get(be.api(&format!("/record/entries/{id}")))
        .send()
        .await
        .unwrap();
    ok_json(r).await
}

async fn listed(be: &Backend, b: &Client, id: &str) -> Value {
    let all = be.all_entries(b, 50).await;
    let found: Vec<&Value> = all.iter().filter(|e| e["id"] == id).collect();
    assert_eq!(found.len(), 1, "{id}");
    found[0].clone()
}

fn no_content(r: &reqwest::Response) {
    assert_common_headers(r);
    assert_eq!(r.status(), 204);
}

#[tokio::test]
async fn unopened_until_opened_in_the_list_and_on_its_own() {
    let be = start().await;
    let b = browser();
    be.sign_in(&b).await;
    let all = be.all_entries(&b, 100).await;
    let unopened: Vec<&str> = all
        .iter()
        .filter(|e| e.get("unopened").is_some())
        .map(|e| e["id"].as_str().unwrap())
        .collect();
    assert_eq!(unopened, UNOPENED);
    for id in UNOPENED {
        assert_eq!(listed(&be, &b, id).await["unopened"], true);
        assert_eq!(one(&be, &b, id).await["unopened"], true);
        assert_eq!(one(&be, &b, id).await["kind"], "test_result");
    }

    let r = open(&be, &b, UNOPENED[0]).await;
    no_content(&r);
    assert_eq!(r.text().await.unwrap(), "");
    assert!(listed(&be, &b, UNOPENED[0]).await.get("unopened").is_none());
    let e = one(&be, &b, UNOPENED[0]).await;
    assert!(e.get("unopened").is_none(), "{e}");
    assert_eq!(e["title"], "Ferritin (iron stores)");
    // The other one is still unopened.
    assert_eq!(one(&be, &b, UNOPENED[1]).await["unopened"], true);

    // Again: harmless.
    no_content(&open(&be, &b, UNOPENED[0]).await);
    assert!(one(&be, &b, UNOPENED[0]).await.get("unopened").is_none());
    // An entry that was never unopened, and one whose id needs encoding.
    no_content(&open(&be, &b, "t-mz73ml").await);
    no_content(&open(&be, &b, "t/ollvlk #9").await);
    assert_eq!(be.all_entries(&b, 100).await.len(), 300);

    let opened: Vec<Value> = be
        .events(&b)
        .await
        .into_iter()
        .filter(|e| e["type"] == "result_opened")
        .collect();
    assert_eq!(opened.len(), 4);
    assert_eq!(opened[0]["entry_id"], UNOPENED[0]);
}

#[tokio::test]
async fn not_found_signed_out_and_access_off() {
    let be = start().await;
    let b = browser();
    be.sign_in(&b).await;
    // Missing, redacted, before access started.
    for id in ["no-such-entry", "t-51cea9", "t-sk6kj8", "t%2Follvlk"] {
        let r = b
            .post(be.api(&format!("/record/entries/{id}/opened")))
            .send()
            .await
            .unwrap();
        assert_problem(r, 404, "not_found").await;
    }
    let r = open(&be, &browser(), UNOPENED[0]).await;
    assert_problem(r, 401, "signed_out").await;
    let r = b
        .get(be.api(&format!("/record/entries/{}/opened", UNOPENED[0])))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 405);

    let r = disable(&be, &b, Some("d"), &record_access_off()).await;
    ok_json(r).await;
    let r = open(&be, &b, UNOPENED[0]).await;
    assert_problem(r, 403, "record_access_disabled").await;

    let off = browser();
    be.sign_in_to(&off, "access-off").await;
    let r = open(&be, &off, "ao-001").await;
    assert_problem(r, 403, "record_access_disabled").await;
}

#[tokio::test]
async fn kept_per_patient_and_forgotten_on_a_scenario_choice_and_a_reset() {
    let be = start().await;
    let b = browser();
    be.sign_in_to(&b, "typical").await;
    no_content(&open(&be, &b, UNOPENED[0]).await);
    // Another preview browser's patient still has it unopened.
    let other = browser();
    be.sign_in_to(&other, "typical").await;
    assert_eq!(one(&be, &other, UNOPENED[0]).await["unopened"], true);

    be.sign_in_to(&b, "typical").await;
    assert_eq!(one(&be, &b, UNOPENED[0]).await["unopened"], true);

    no_content(&open(&be, &b, UNOPENED[0]).await);
    let r = b.post(be.at("/__control/reset")).send().await.unwrap();
    assert_eq!(r.status(), 204);
    be.sign_in_to(&b, "typical").await;
    assert_eq!(one(&be, &b, UNOPENED[0]).await["unopened"], true);
}

#[tokio::test]
async fn misbehaving_sends_unopened_as_written_until_opened() {
    let be = start().await;
    let b = browser();
    be.sign_in_to(&b, "misbehaving").await;
    let all = be.all_entries(&b, 500).await;
    let by_id = |id: &str| -> Value {
        all.iter()
            .find(|e| e["id"] == id)
            .cloned()
            .unwrap_or_else(|| panic!("{id}"))
    };
    assert_eq!(by_id("mb-unopened-yes")["unopened"], "yes");
    let null = by_id("mb-unopened-null");
    assert!(null.as_object().unwrap().contains_key("unopened"));
    assert_eq!(null["unopened"], Value::Null);
    let canary = by_id("mb-canary");
    assert_eq!(canary["unopened"], true);
    assert_eq!(canary["title"], "CANARY-TITLE-7Q2");
    assert_eq!(canary["summary"], "CANARY-SUMMARY-7Q2");
    assert_eq!(one(&be, &b, "mb-unopened-yes").await["unopened"], "yes");

    for id in ["mb-unopened-yes", "mb-unopened-null", "mb-canary"] {
        no_content(&open(&be, &b, id).await);
        let e = one(&be, &b, id).await;
        assert!(!e.as_object().unwrap().contains_key("unopened"), "{e}");
        let listed = be
            .all_entries(&b, 500)
            .await
            .into_iter()
            .find(|e| e["id"] == id)
            .unwrap();
        assert!(!listed.as_object().unwrap().contains_key("unopened"));
    }
    // Nothing else changed: as many entries as before.
    assert_eq!(be.all_entries(&b, 500).await.len(), all.len());
}
