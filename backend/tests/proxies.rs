//! The people with proxy access, and asking the GP surgery to remove one's
//! access: listing (with the patient's own access on and off), the keyed
//! request, its replay and its conflicts.

mod common;

use common::*;
use serde_json::{json, Value};

fn count(events: &[Value], kind: &str) -> usize {
    events.iter().filter(|e| e["type"] == kind).count()
}

#[tokio::test]
async fn the_typical_patient_has_one_proxy() {
    let be = start().await;
    let b = browser();
    be.sign_in(&b).await;
    assert_eq!(
        proxies(&be, &b).await,
        [json!({
            "id": "px-partner",
            "name": "Mark Hartley",
            "relationship": "Partner",
            "can_see": ["record"],
            // 540 days before the fixed clock's 2026-11-02.
            "since": "2025-05-11"
        })]
    );
}

#[tokio::test]
async fn proxies_are_listed_whether_or_not_the_patients_own_access_is_on() {
    let be = start().await;
    let off = browser();
    be.sign_in_to(&off, "access-off").await;
    let list = proxies(&be, &off).await;
    assert_eq!(list.len(), 1);
    assert_eq!(list[0]["name"], "Carys Pryce");
    assert_eq!(list[0]["can_see"], json!(["record", "appointments"]));
    // And the patient can still act on it.
    let r = remove_proxy(&be, &off, "px-mother", Some("k")).await;
    assert!(accepted(r).await["reference"].is_string());

    // Turning one's own access off changes nothing about the proxies.
    let b = browser();
    be.sign_in_to(&b, "typical").await;
    let before = proxies(&be, &b).await;
    ok_json(disable(&be, &b, Some("d"), &record_access_off()).await).await;
    record_closed(&be, &b).await;
    assert_eq!(proxies(&be, &b).await, before);
}

#[tokio::test]
async fn nobody_for_a_new_patient() {
    let be = start().await;
    let b = browser();
    be.sign_in_to(&b, "new-access").await;
    assert_eq!(proxies(&be, &b).await, Vec::<Value>::new());
}

#[tokio::test]
async fn the_misbehaving_backend_sends_poor_data_as_it_is() {
    let be = start().await;
    let b = browser();
    be.sign_in_to(&b, "misbehaving").await;
    let list = proxies(&be, &b).await;
    assert_eq!(list.len(), 3);
    assert_eq!(
        list[0]["can_see"],
        json!(["record", "online_consultations"])
    );
    assert_eq!(list[1]["can_see"], json!([]));
    assert_eq!(list[1]["since"], "not known");
    let name = list[2]["name"].as_str().unwrap();
    assert_eq!(name.chars().count(), 5000);
    assert!(
        name.contains("<b>") && name.contains("<script>"),
        "{name:.80}"
    );
    // The contract's types still read every one of them.
    let typed: record_access_contract::ProxyList =
        serde_json::from_value(json!({ "proxies": list })).unwrap();
    assert_eq!(typed.proxies[1].since_date(), None);
}

#[tokio::test]
async fn a_removal_request_with_replay_and_conflicts() {
    let be = start().await;
    let b = browser();
    be.sign_in(&b).await;
    let first = accepted(remove_proxy(&be, &b, "px-partner", Some("key-1")).await).await;
    let reference = first["reference"].as_str().unwrap().to_owned();
    assert!(reference.starts_with("RA-") && reference.len() == 11);

    // The same key: the same answer.
    let again = accepted(remove_proxy(&be, &b, "px-partner", Some("key-1")).await).await;
    assert_eq!(again, first);
    // Listed as waiting, asked today on the fixed clock.
    let list = proxies(&be, &b).await;
    assert_eq!(
        list[0]["removal_requested"],
        json!({"reference": reference, "requested_on": "2026-11-02"})
    );
    // A new key while it waits: already requested, by which request.
    let r = remove_proxy(&be, &b, "px-partner", Some("key-2")).await;
    let p = assert_problem(r, 409, "already_requested").await;
    assert_eq!(p["reference"], reference.as_str());
    // The key of that request for another proxy: key_reused.
    let r = remove_proxy(&be, &b, "px-someone-else", Some("key-1")).await;
    assert_problem(r, 409, "key_reused").await;
    // Nobody with that id.
    let r = remove_proxy(&be, &b, "px-someone-else", Some("key-3")).await;
    assert_problem(r, 404, "not_found").await;
    let r = remove_proxy(&be, &b, "px partner/#1", Some("key-4")).await;
    assert_problem(r, 404, "not_found").await;

    // Applied once; the session goes on.
    assert_eq!(
        count(&be.events(&b).await, "proxy_removal_request"),
        1,
        "applied once"
    );
    let removal = be
        .events(&b)
        .await
        .into_iter()
        .find(|e| e["type"] == "proxy_removal_request")
        .unwrap();
    assert_eq!(removal["proxy_id"], "px-partner");
    assert_eq!(removal["reference"], reference.as_str());
    ok_json(be.session(&b).await).await;
}

#[tokio::test]
async fn a_removal_already_waiting_in_the_fixture() {
    let be = start().await;
    let b = browser();
    be.sign_in_to(&b, "redactions-and-results").await;
    let list = proxies(&be, &b).await;
    assert_eq!(
        list[0]["removal_requested"],
        json!({"reference": "RA-3F8QW2LT", "requested_on": "2026-10-29"})
    );
    let r = remove_proxy(&be, &b, "px-brother", Some("k")).await;
    let p = assert_problem(r, 409, "already_requested").await;
    assert_eq!(p["reference"], "RA-3F8QW2LT");
}

#[tokio::test]
async fn the_same_key_for_two_proxies_is_key_reused() {
    let be = start().await;
    let b = browser();
    be.sign_in_to(&b, "misbehaving").await;
    accepted(remove_proxy(&be, &b, "px-nothing", Some("k")).await).await;
    let r = remove_proxy(&be, &b, "px-long-name", Some("k")).await;
    assert_problem(r, 409, "key_reused").await;
    // Another key for the other one works.
    accepted(remove_proxy(&be, &b, "px-long-name", Some("k2")).await).await;
    let pending = proxies(&be, &b)
        .await
        .iter()
        .filter(|p| p.get("removal_requested").is_some())
        .count();
    assert_eq!(pending, 2);
}

#[tokio::test]
async fn bad_removal_requests() {
    let be = start().await;
    let b = browser();
    be.sign_in(&b).await;
    let url = be.api("/access/proxies/px-partner/removal-requests");
    let r = remove_proxy(&be, &b, "px-partner", None).await;
    assert_problem(r, 400, "invalid_request").await;
    let r = remove_proxy(&be, &b, "px-partner", Some("")).await;
    assert_problem(r, 400, "invalid_request").await;
    for (content_type, body) in [
        ("application/json", r#"{"reason":"x"}"#),
        ("application/json", r#"{"#),
        ("application/json", ""),
        ("text/plain", "{}"),
    ] {
        let r = b
            .post(&url)
            .header("idempotency-key", "k")
            .header("content-type", content_type)
            .body(body)
            .send()
            .await
            .unwrap();
        assert_problem(r, 400, "invalid_request").await;
    }
    // Nothing was applied: the key is still free.
    assert!(proxies(&be, &b).await[0].get("removal_requested").is_none());
    accepted(remove_proxy(&be, &b, "px-partner", Some("k")).await).await;
    let r = b.get(&url).send().await.unwrap();
    assert_problem(r, 405, "method_not_allowed").await;
}

#[tokio::test]
async fn without_a_session_both_are_signed_out() {
    let be = start().await;
    let b = browser();
    let r = b.get(be.api("/access/proxies")).send().await.unwrap();
    assert_problem(r, 401, "signed_out").await;
    let r = remove_proxy(&be, &b, "px-partner", Some("k")).await;
    assert_problem(r, 401, "signed_out").await;
    // Signed in, asked, signed out: the key does not answer without a
    // session either.
    be.sign_in(&b).await;
    accepted(remove_proxy(&be, &b, "px-partner", Some("k")).await).await;
    b.post(be.api("/session/end")).send().await.unwrap();
    let r = remove_proxy(&be, &b, "px-partner", Some("k")).await;
    assert_problem(r, 401, "signed_out").await;
}

#[tokio::test]
async fn double_submission_applies_once() {
    let be = start().await;
    let b = browser();
    be.sign_in(&b).await;
    let (one, two) = tokio::join!(
        remove_proxy(&be, &b, "px-partner", Some("same")),
        remove_proxy(&be, &b, "px-partner", Some("same"))
    );
    assert_eq!(accepted(one).await, accepted(two).await);
    assert_eq!(count(&be.events(&b).await, "proxy_removal_request"), 1);
}

#[tokio::test]
async fn removals_are_per_preview_browser_until_a_reset() {
    let be = start().await;
    let one = browser();
    let two = browser();
    be.sign_in_to(&one, "typical").await;
    be.sign_in_to(&two, "typical").await;
    accepted(remove_proxy(&be, &one, "px-partner", Some("k")).await).await;
    assert!(proxies(&be, &two).await[0]
        .get("removal_requested")
        .is_none());
    let r = one.post(be.at("/__control/reset")).send().await.unwrap();
    assert_eq!(r.status(), 204);
    be.sign_in(&one).await;
    assert!(proxies(&be, &one).await[0]
        .get("removal_requested")
        .is_none());
}
