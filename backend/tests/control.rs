//! The control API: scenarios per preview browser, injected faults, reset
//! and the audit list.

mod common;

use std::time::{Duration, Instant};

use common::*;
use reference_backend::Config;
use serde_json::{json, Value};

#[tokio::test]
async fn lists_scenarios() {
    let be = start().await;
    let v = ok_json(
        browser()
            .get(be.at("/__control/scenarios"))
            .send()
            .await
            .unwrap(),
    )
    .await;
    let names: Vec<&str> = v["scenarios"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["name"].as_str().unwrap())
        .collect();
    for n in [
        "typical",
        "new-access",
        "long-record",
        "redactions-and-results",
        "access-off",
        "misbehaving",
        "short-timeout",
    ] {
        assert!(names.contains(&n), "{n}");
    }
    assert_eq!(v["current"], "typical");
    let defaults: Vec<&Value> = v["scenarios"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|s| s["default"] == true)
        .collect();
    assert_eq!(defaults.len(), 1);
    assert!(v["scenarios"][0]["description"].as_str().unwrap().len() > 10);
}

#[tokio::test]
async fn scenario_is_chosen_per_browser_and_signs_it_out() {
    let be = start().await;
    let one = browser();
    let two = browser();
    be.sign_in(&one).await;
    // Choosing gives the browser its preview cookie.
    let r = one
        .post(be.at("/__control/scenario"))
        .json(&json!({"scenario": "short-timeout"}))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 204);
    let cookie = r.headers()["set-cookie"].to_str().unwrap();
    assert!(
        cookie.starts_with("ra_preview=")
            && cookie.contains("HttpOnly")
            && cookie.contains("SameSite=Strict")
    );
    // The scenario change signed this browser out.
    assert_problem(be.session(&one).await, 401, "signed_out").await;
    be.sign_in(&one).await;
    be.sign_in(&two).await;
    let s1 = ok_json(be.session(&one).await).await;
    let s2 = ok_json(be.session(&two).await).await;
    assert_eq!(s1["patient"]["given_name"], "Imran");
    assert_eq!(s1["idle_timeout_seconds"], 30);
    assert_eq!(s2["patient"]["given_name"], "Joanne");
    let v = ok_json(one.get(be.at("/__control/scenarios")).send().await.unwrap()).await;
    assert_eq!(v["current"], "short-timeout");
    // A second choice keeps the cookie.
    let r = one
        .post(be.at("/__control/scenario"))
        .json(&json!({"scenario": "new-access"}))
        .send()
        .await
        .unwrap();
    assert!(r.headers().get("set-cookie").is_none());
    assert_problem(be.session(&one).await, 401, "signed_out").await;
    ok_json(be.session(&two).await).await;
    // Unknown scenarios and bad bodies.
    let r = one
        .post(be.at("/__control/scenario"))
        .json(&json!({"scenario": "nobody"}))
        .send()
        .await
        .unwrap();
    assert_problem(r, 400, "invalid_request").await;
    let r = one
        .post(be.at("/__control/scenario"))
        .json(&json!({"name": "typical"}))
        .send()
        .await
        .unwrap();
    assert_problem(r, 400, "invalid_request").await;
}

#[tokio::test]
async fn reset_forgets_the_browser() {
    let be = start().await;
    let b = browser();
    be.sign_in_to(&b, "long-record").await;
    be.add_fault(
        &b,
        json!({"method": "GET", "path": "/api/v1/record/entries", "fault": {"kind": "drop"}}),
    )
    .await;
    let r = b.post(be.at("/__control/reset")).send().await.unwrap();
    assert_eq!(r.status(), 204);
    assert_problem(be.session(&b).await, 401, "signed_out").await;
    assert_eq!(be.events(&b).await, Vec::<Value>::new());
    be.sign_in(&b).await;
    let s = ok_json(be.session(&b).await).await;
    assert_eq!(s["patient"]["given_name"], "Joanne");
    ok_json(b.get(be.api("/record/entries")).send().await.unwrap()).await;
}

#[tokio::test]
async fn events_have_increasing_sequence_numbers() {
    let be = start().await;
    let b = browser();
    be.sign_in_to(&b, "typical").await;
    b.post(be.api("/session/keep-alive")).send().await.unwrap();
    acknowledge(&be, &b, &json!({"choice": "continue"})).await;
    b.post(be.api("/session/end"))
        .header("content-type", "text/plain")
        .body(r#"{"reason":"sign_out"}"#)
        .send()
        .await
        .unwrap();
    let events = be.events(&b).await;
    let kinds: Vec<&str> = events.iter().map(|e| e["type"].as_str().unwrap()).collect();
    assert_eq!(
        kinds,
        ["sign_in", "keep_alive", "acknowledgement", "session_end"]
    );
    assert_eq!(events[0]["scenario"], "typical");
    assert_eq!(events[3]["reason"], "sign_out");
    let seqs: Vec<u64> = events.iter().map(|e| e["seq"].as_u64().unwrap()).collect();
    assert!(seqs.windows(2).all(|w| w[0] < w[1]));
    // Another browser sees none of it.
    let other = browser();
    other
        .post(be.at("/__control/scenario"))
        .json(&json!({"scenario": "typical"}))
        .send()
        .await
        .unwrap();
    assert_eq!(be.events(&other).await, Vec::<Value>::new());
}

#[tokio::test]
async fn status_faults_with_times_and_prefixes() {
    let be = start().await;
    let b = browser();
    be.sign_in_to(&b, "typical").await;
    be.add_fault(
        &b,
        json!({"method": "GET", "path": "/api/v1/record/*", "fault": {"kind": "status", "status": 500, "code": "internal_error"}, "times": 2}),
    )
    .await;
    let list = ok_json(b.get(be.at("/__control/faults")).send().await.unwrap()).await;
    assert_eq!(list["faults"][0]["remaining"], 2);
    for path in ["/record/entries", "/record/entries/t-mz73ml"] {
        let r = b.get(be.api(path)).send().await.unwrap();
        assert_problem(r, 500, "internal_error").await;
    }
    ok_json(b.get(be.api("/record/entries")).send().await.unwrap()).await;
    // Other methods and paths are untouched; an exact path matches only itself.
    be.add_fault(&b, json!({"method": "POST", "path": "/api/v1/session/keep-alive", "fault": {"kind": "status", "status": 503, "code": "unavailable"}, "times": null})).await;
    for _ in 0..3 {
        let r = b.post(be.api("/session/keep-alive")).send().await.unwrap();
        assert_problem(r, 503, "unavailable").await;
    }
    ok_json(be.session(&b).await).await;
    // Another browser has no faults.
    let other = browser();
    be.sign_in(&other).await;
    assert_eq!(
        other
            .post(be.api("/session/keep-alive"))
            .send()
            .await
            .unwrap()
            .status(),
        204
    );
    // Clearing.
    let r = b.delete(be.at("/__control/faults")).send().await.unwrap();
    assert_eq!(r.status(), 204);
    assert_eq!(
        b.post(be.api("/session/keep-alive"))
            .send()
            .await
            .unwrap()
            .status(),
        204
    );
    // Bad rules.
    for rule in [
        json!({"method": "GET", "path": "/api", "fault": {"kind": "explode"}}),
        json!({"method": "GET", "path": "/api", "fault": {"kind": "drop"}, "times": 0}),
        json!({"method": "GET", "path": "api", "fault": {"kind": "drop"}}),
        json!({"method": "GET", "path": "/api", "fault": {"kind": "delay"}}),
        json!({"method": "GET", "path": "/api", "fault": {"kind": "drop"}, "extra": 1}),
    ] {
        let r = b
            .post(be.at("/__control/faults"))
            .json(&rule)
            .send()
            .await
            .unwrap();
        assert_problem(r, 400, "invalid_request").await;
    }
}

#[tokio::test]
async fn delay_answers_late_but_normally() {
    let be = start().await;
    let b = browser();
    be.sign_in_to(&b, "typical").await;
    be.add_fault(&b, json!({"method": "GET", "path": "/api/v1/session", "fault": {"kind": "delay", "ms": 400}, "times": 1})).await;
    let t = Instant::now();
    ok_json(be.session(&b).await).await;
    assert!(t.elapsed() >= Duration::from_millis(400));
    let list = ok_json(b.get(be.at("/__control/faults")).send().await.unwrap()).await;
    assert_eq!(list["faults"], json!([]), "used up");
}

#[tokio::test]
async fn late_carries_out_the_request_before_the_client_gives_up() {
    let be = start().await;
    let b = browser();
    be.sign_in_to(&b, "typical").await;
    be.add_fault(&b, json!({"method": "POST", "path": "/api/v1/access/disable", "fault": {"kind": "late", "ms": 60000}, "times": 1})).await;
    let r = b
        .post(be.api("/access/disable"))
        .header("idempotency-key", "k-late")
        .json(&record_access_off())
        .timeout(Duration::from_millis(700))
        .send()
        .await;
    assert!(r.unwrap_err().is_timeout());
    // Applied all the same: the record is closed, and the retry with the
    // same key gets the first result.
    assert_eq!(
        b.get(be.api("/record/entries"))
            .send()
            .await
            .unwrap()
            .status(),
        403
    );
    let replay = b
        .post(be.api("/access/disable"))
        .header("idempotency-key", "k-late")
        .json(&record_access_off())
        .send()
        .await
        .unwrap();
    assert_eq!(replay.status(), 200);
}

#[tokio::test]
async fn timeout_never_answers() {
    let be = start().await;
    let b = browser();
    be.sign_in_to(&b, "typical").await;
    be.add_fault(&b, json!({"method": "GET", "path": "/api/v1/session", "fault": {"kind": "timeout"}, "times": 1})).await;
    let r = b
        .get(be.api("/session"))
        .timeout(Duration::from_millis(700))
        .send()
        .await;
    assert!(r.unwrap_err().is_timeout());
    ok_json(be.session(&b).await).await;
}

#[tokio::test]
async fn undecodable_is_a_200_that_is_not_json() {
    let be = start().await;
    let b = browser();
    be.sign_in_to(&b, "typical").await;
    be.add_fault(&b, json!({"method": "GET", "path": "/api/v1/record/entries", "fault": {"kind": "undecodable"}, "times": 1})).await;
    let r = b.get(be.api("/record/entries")).send().await.unwrap();
    assert_eq!(r.status(), 200);
    assert_common_headers(&r);
    let text = r.text().await.unwrap();
    assert!(serde_json::from_str::<Value>(&text).is_err(), "{text}");
}

#[tokio::test]
async fn json_sends_the_body_given_and_does_not_carry_out_the_request() {
    let be = start().await;
    let b = browser();
    be.sign_in_to(&b, "typical").await;
    let body = json!({"results_release": "when_ready"});
    be.add_fault(&b, json!({"method": "PUT", "path": "/api/v1/preferences", "fault": {"kind": "json", "body": body}, "times": 1})).await;
    let r = b
        .put(be.api("/preferences"))
        .header("Idempotency-Key", "k-json-fault")
        .json(&json!({"results_release": "after_conversation"}))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    assert_common_headers(&r);
    assert_eq!(r.json::<Value>().await.unwrap(), body);
    let stored: Value = ok_json(b.get(be.api("/preferences")).send().await.unwrap()).await;
    assert_eq!(stored, json!({"results_release": "after_review"}));
}

#[tokio::test]
async fn truncated_cuts_the_body_short() {
    let be = start().await;
    let b = browser();
    be.sign_in_to(&b, "typical").await;
    be.add_fault(&b, json!({"method": "GET", "path": "/api/v1/record/entries", "fault": {"kind": "truncated"}, "times": 1})).await;
    let r = b.get(be.api("/record/entries")).send().await.unwrap();
    assert_eq!(r.status(), 200);
    assert_eq!(r.headers()["content-type"], "application/json");
    let announced: usize = r.headers()["content-length"]
        .to_str()
        .unwrap()
        .parse()
        .unwrap();
    assert!(announced > 100);
    assert!(r.bytes().await.is_err(), "the body must not arrive whole");
    ok_json(b.get(be.api("/record/entries")).send().await.unwrap()).await;
}

#[tokio::test]
async fn drop_closes_the_connection_without_an_answer() {
    let be = start().await;
    let b = browser();
    be.sign_in_to(&b, "typical").await;
    be.add_fault(&b, json!({"method": "POST", "path": "/api/v1/access/disable", "fault": {"kind": "drop"}, "times": 1})).await;
    let r = b
        .post(be.api("/access/disable"))
        .header("idempotency-key", "k")
        .json(&record_access_off())
        .send()
        .await;
    let e = r.unwrap_err();
    assert!(!e.is_timeout() && e.status().is_none(), "{e:?}");
    // Not carried out: access is still on, and the retry applies it.
    let s = ok_json(be.session(&b).await).await;
    assert_eq!(s["record_access"]["status"], "enabled");
    let r = disable(&be, &b, Some("k"), &record_access_off()).await;
    ok_json(r).await;
}

#[tokio::test]
async fn faults_apply_to_auth_too() {
    let be = start().await;
    let b = browser();
    be.add_fault(&b, json!({"method": "GET", "path": "/api/v1/auth/login", "fault": {"kind": "status", "status": 502, "code": "bad_gateway"}, "times": 1})).await;
    let r = b.get(be.at("/api/v1/auth/login")).send().await.unwrap();
    assert_problem(r, 502, "bad_gateway").await;
    be.sign_in(&b).await;
    // Control calls are never faulted.
    be.add_fault(
        &b,
        json!({"method": "*", "path": "/*", "fault": {"kind": "drop"}}),
    )
    .await;
    ok_json(b.get(be.at("/__control/scenarios")).send().await.unwrap()).await;
    assert!(b.get(be.api("/session")).send().await.is_err());
}

#[tokio::test]
async fn without_control_there_is_no_control_api() {
    let be = start_with(Config::default()).await;
    let b = browser();
    let r = b.get(be.at("/__control/scenarios")).send().await.unwrap();
    assert_problem(r, 404, "not_found").await;
    let r = b
        .post(be.at("/__control/scenario"))
        .json(&json!({"scenario": "long-record"}))
        .send()
        .await
        .unwrap();
    assert_problem(r, 404, "not_found").await;
    // A preview cookie is ignored: the default scenario applies.
    let r = b
        .get(be.at("/api/v1/auth/login"))
        .header("cookie", "ra_preview=abc")
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 303);
    let s = ok_json(be.session(&b).await).await;
    assert_eq!(s["patient"]["given_name"], "Joanne");
}

#[tokio::test]
async fn faults_apply_to_the_removal_request() {
    let be = start().await;
    let b = browser();
    be.sign_in_to(&b, "typical").await;
    let path = "/api/v1/access/proxies/px-partner/removal-requests";

    // A late answer: carried out all the same; the retry on the same key
    // answers the backend's reference.
    be.add_fault(
        &b,
        json!({"method": "POST", "path": path, "fault": {"kind": "late", "ms": 60000}, "times": 1}),
    )
    .await;
    let r = b
        .post(be.at(path))
        .header("idempotency-key", "k-late")
        .json(&json!({}))
        .timeout(Duration::from_millis(700))
        .send()
        .await;
    assert!(r.unwrap_err().is_timeout());
    let listed = proxies(&be, &b).await[0]["removal_requested"]["reference"].clone();
    assert!(listed.is_string());
    let retry = accepted(remove_proxy(&be, &b, "px-partner", Some("k-late")).await).await;
    assert_eq!(retry["reference"], listed);

    // "No longer has access", for the preview: a 404 by prefix, not
    // carried out.
    be.sign_in_to(&b, "access-off").await;
    be.add_fault(&b, json!({"method": "POST", "path": "/api/v1/access/proxies/*", "fault": {"kind": "status", "status": 404, "code": "not_found"}, "times": 1})).await;
    let r = remove_proxy(&be, &b, "px-mother", Some("k")).await;
    assert_problem(r, 404, "not_found").await;
    assert!(proxies(&be, &b).await[0].get("removal_requested").is_none());

    // A dropped connection: not carried out; the retry applies it.
    be.add_fault(&b, json!({"method": "POST", "path": "/api/v1/access/proxies/*", "fault": {"kind": "drop"}, "times": 1})).await;
    let e = remove_proxy_raw(&be, &b, "px-mother", "k")
        .await
        .unwrap_err();
    assert!(!e.is_timeout() && e.status().is_none(), "{e:?}");
    assert!(proxies(&be, &b).await[0].get("removal_requested").is_none());
    accepted(remove_proxy(&be, &b, "px-mother", Some("k")).await).await;

    // "Already requested" with the earlier reference, for the preview: a
    // status fault can carry it.
    be.add_fault(&b, json!({"method": "POST", "path": "/api/v1/access/proxies/*", "fault": {"kind": "status", "status": 409, "code": "already_requested", "reference": "RA-3F8QW2LT"}, "times": 1})).await;
    let r = remove_proxy(&be, &b, "px-mother", Some("k-new")).await;
    let p = assert_problem(r, 409, "already_requested").await;
    assert_eq!(p["reference"], "RA-3F8QW2LT");
    let bad = b
        .post(be.at("/__control/faults"))
        .json(&json!({"method": "POST", "path": "/api/*", "fault": {"kind": "status", "status": 409, "reference": "not one"}}))
        .send()
        .await
        .unwrap();
    assert_problem(bad, 400, "invalid_request").await;

    // The list failing to load.
    be.add_fault(&b, json!({"method": "GET", "path": "/api/v1/access/proxies", "fault": {"kind": "status", "status": 503, "code": "internal_error"}, "times": 1})).await;
    let r = b.get(be.api("/access/proxies")).send().await.unwrap();
    assert_problem(r, 503, "internal_error").await;
}

async fn remove_proxy_raw(
    be: &common::Backend,
    b: &reqwest::Client,
    id: &str,
    key: &str,
) -> reqwest::Result<reqwest::Response> {
    b.post(be.api(&format!("/access/proxies/{id}/removal-requests")))
        .header("idempotency-key", key)
        .json(&json!({}))
        .send()
        .await
}

#[tokio::test]
async fn a_late_answer_to_signing_out_elsewhere_still_signed_them_out() {
    let be = start().await;
    let (laptop, phone) = laptop_and_phone(&be, "typical").await;
    be.add_fault(&laptop, json!({"method": "POST", "path": "/api/v1/session/end-others", "fault": {"kind": "late", "ms": 60000}, "times": 1})).await;
    let r = laptop
        .post(be.api("/session/end-others"))
        .timeout(Duration::from_millis(700))
        .send()
        .await;
    assert!(r.unwrap_err().is_timeout());
    assert_problem(be.session(&phone).await, 401, "signed_out").await;
    // The retry is harmless.
    assert_eq!(end_others(&be, &laptop).await.status(), 204);
    ok_json(be.session(&laptop).await).await;
}

#[tokio::test]
async fn faults_apply_to_preferences_and_to_opening_a_result() {
    let be = start().await;
    let b = browser();
    be.sign_in_to(&b, "typical").await;
    let status = |code: &str| json!({"kind": "status", "status": 503, "code": code});
    for (method, path) in [
        ("GET", "/api/v1/preferences"),
        ("PUT", "/api/v1/preferences"),
        ("POST", "/api/v1/record/entries/*/opened"),
    ] {
        be.add_fault(
            &b,
            json!({"method": method, "path": path, "fault": status("service_unavailable"), "times": 1}),
        )
        .await;
    }
    let get = || b.get(be.api("/preferences"));
    let put = || {
        b.put(be.api("/preferences"))
            .header("idempotency-key", "k")
            .json(&json!({"results_release": "after_conversation"}))
    };
    let open = || b.post(be.api("/record/entries/t-6dfge7/opened"));
    for req in [get(), put(), open()] {
        let r = req.send().await.unwrap();
        assert_problem(r, 503, "service_unavailable").await;
    }
    // Used up: the requests are carried out again, and the faulted PUT was
    // not.
    assert_eq!(
        ok_json(get().send().await.unwrap()).await["results_release"],
        "after_review"
    );
    assert_eq!(
        ok_json(put().send().await.unwrap()).await["results_release"],
        "after_conversation"
    );
    assert_eq!(open().send().await.unwrap().status(), 204);
}
