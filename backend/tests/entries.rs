//! The record: pagination, the safety filter, misbehaving data on purpose,
//! single entries.

mod common;

use std::collections::HashSet;

use common::*;
use record_access_contract::uk_time::{parse_recorded_on, Date};
use record_access_contract::{EntriesPage, Entry};
use serde_json::Value;

fn ids(entries: &[Value]) -> Vec<String> {
    entries
        .iter()
        .map(|e| e["id"].as_str().unwrap().to_owned())
        .collect()
}

#[tokio::test]
async fn long_record_pages_cover_all_10000_entries_once() {
    let be = start().await;
    let b = browser();
    be.sign_in_to(&b, "long-record").await;
    let all = be.all_entries(&b, 500).await;
    assert_eq!(all.len(), 10_000);
    let unique: HashSet<String> = ids(&all).into_iter().collect();
    assert_eq!(unique.len(), 10_000);
    // Every entry has the contract's shape.
    for e in &all {
        let entry: Entry = serde_json::from_value(e.clone()).unwrap();
        assert_eq!(e["visibility"], "visible");
        assert!(
            parse_recorded_on(&entry.recorded_on).unwrap().date
                >= Date::parse("2014-04-01").unwrap()
        );
    }
    // The default page size is 100 and the last page has no cursor.
    let page: EntriesPage = serde_json::from_value(
        ok_json(b.get(be.api("/record/entries")).send().await.unwrap()).await,
    )
    .unwrap();
    assert_eq!(page.entries.len(), 100);
    assert_eq!(page.available_from, "2014-04-01");
    assert!(page.next_cursor.is_some());
    // Another page size gives the same set.
    let again = be.all_entries(&b, 333).await;
    assert_eq!(ids(&again).into_iter().collect::<HashSet<_>>(), unique);
}

#[tokio::test]
async fn limit_and_cursor_errors() {
    let be = start().await;
    let b = browser();
    be.sign_in(&b).await;
    for q in [
        "limit=0",
        "limit=501",
        "limit=ten",
        "limit=",
        "limit=-1",
        "limit=1.5",
        "limit=1&limit=2",
        "page=2",
    ] {
        let r = b
            .get(be.api(&format!("/record/entries?{q}")))
            .send()
            .await
            .unwrap();
        assert_problem(r, 400, "invalid_request").await;
    }
    for c in [
        "garbage",
        "",
        "ZW50cmllcy52MTo5OTk5OTk",
        "%FF",
        "ZW50cmllcy52MTotMQ",
    ] {
        let r = b
            .get(be.api(&format!("/record/entries?cursor={c}")))
            .send()
            .await
            .unwrap();
        assert_problem(r, 400, "invalid_cursor").await;
    }
    for limit in ["1", "500"] {
        let page = ok_json(
            b.get(be.api(&format!("/record/entries?limit={limit}")))
                .send()
                .await
                .unwrap(),
        )
        .await;
        assert_eq!(
            page["entries"].as_array().unwrap().len(),
            limit.parse::<usize>().unwrap().min(300)
        );
    }
}

/// What the fixture file says about each entry of redactions-and-results:
/// shown, or hidden (redacted, awaiting review, before access started, or
/// held until a conversation for a patient who asked for that).
fn fixture_ids(file: &str) -> (HashSet<String>, HashSet<String>) {
    let text = std::fs::read_to_string(fixtures_dir().join(file)).unwrap();
    let v: Value = serde_json::from_str(&text).unwrap();
    let from = Date::parse(v["record_access"]["available_from"].as_str().unwrap()).unwrap();
    let after_conversation = v["results_release"] == "after_conversation";
    let mut shown = HashSet::new();
    let mut hidden = HashSet::new();
    for e in v["entries"].as_array().unwrap() {
        let id = e["id"].as_str().unwrap().to_owned();
        let visible = e.get("visibility").is_none_or(|v| v == "visible");
        let date = parse_recorded_on(e["recorded_on"].as_str().unwrap())
            .unwrap()
            .date;
        let held = after_conversation && e["discussed"] == false;
        if visible && date >= from && !held {
            shown.insert(id);
        } else {
            hidden.insert(id);
        }
    }
    (shown, hidden)
}

#[tokio::test]
async fn redactions_results_and_pre_access_entries_never_come_back() {
    let be = start().await;
    let b = browser();
    be.sign_in_to(&b, "redactions-and-results").await;
    let (shown, hidden) = fixture_ids("redactions-and-results.json");
    assert!(
        hidden.len() >= 12 && shown.len() >= 15,
        "{} {}",
        hidden.len(),
        shown.len()
    );
    for limit in [1, 7, 500] {
        let all = be.all_entries(&b, limit).await;
        let got: HashSet<String> = ids(&all).into_iter().collect();
        assert_eq!(got, shown);
        assert!(all.iter().all(|e| e["visibility"] == "visible"));
    }
    // The UK-time edges: 23:30 UTC on 31 May is 1 June in BST, shown; 00:30
    // at UTC+2 on 1 June is 31 May in the UK, hidden.
    assert!(shown.contains("rr-edge-bst-evening"));
    assert!(hidden.contains("rr-edge-offset-before"));
    // Reviewed, but not yet talked about with the patient.
    assert!(hidden.contains("rr-028"));
    for id in &hidden {
        let r = b
            .get(be.api(&format!("/record/entries/{id}")))
            .send()
            .await
            .unwrap();
        assert_problem(r, 404, "not_found").await;
    }
}

#[tokio::test]
async fn typical_has_a_few_hundred_entries_and_filters_its_hidden_ones() {
    let be = start().await;
    let b = browser();
    be.sign_in(&b).await;
    let all = be.all_entries(&b, 100).await;
    assert_eq!(all.len(), 300);
    let got: HashSet<String> = ids(&all).into_iter().collect();
    assert!(!got.contains("t-51cea9"));
    assert!(!got.contains("t-sk6kj8"));
    let kinds: HashSet<&str> = all.iter().map(|e| e["kind"].as_str().unwrap()).collect();
    for k in [
        "consultation",
        "test_result",
        "medicine",
        "allergy",
        "immunisation",
        "document",
        "problem",
    ] {
        assert!(kinds.contains(k), "{k}");
    }
}

#[tokio::test]
async fn new_access_is_empty() {
    let be = start().await;
    let b = browser();
    be.sign_in_to(&b, "new-access").await;
    let page = ok_json(b.get(be.api("/record/entries")).send().await.unwrap()).await;
    assert_eq!(page["entries"], serde_json::json!([]));
    assert_eq!(page["next_cursor"], Value::Null);
    assert_eq!(page["available_from"], "2026-10-26");
}

#[tokio::test]
async fn misbehaving_sends_what_a_correct_backend_never_would() {
    let be = start().await;
    let b = browser();
    be.sign_in_to(&b, "misbehaving").await;
    let session = ok_json(be.session(&b).await).await;
    let all = be.all_entries(&b, 4).await;
    let page = ok_json(b.get(be.api("/record/entries")).send().await.unwrap()).await;
    // A later start date in entry pages than in the session.
    assert!(page["available_from"].as_str() > session["record_access"]["available_from"].as_str());
    let vis: Vec<&str> = all
        .iter()
        .filter_map(|e| e.get("visibility").and_then(Value::as_str))
        .collect();
    assert!(
        vis.contains(&"redacted")
            && vis.contains(&"awaiting_review")
            && vis.contains(&"pending_legal_review")
    );
    assert!(all
        .iter()
        .any(|e| e.is_object() && e.get("visibility").is_none()));
    assert!(all.iter().any(|e| e["recorded_on"]
        .as_str()
        .is_some_and(|d| parse_recorded_on(d).is_none())));
    let from = Date::parse(session["record_access"]["available_from"].as_str().unwrap()).unwrap();
    assert!(all.iter().any(|e| e["recorded_on"]
        .as_str()
        .and_then(parse_recorded_on)
        .is_some_and(|r| r.date < from)));
    let string_ids: Vec<&str> = all.iter().filter_map(|e| e["id"].as_str()).collect();
    let unique: HashSet<&&str> = string_ids.iter().collect();
    assert!(unique.len() < string_ids.len(), "duplicate ids");
    assert!(all.iter().any(|e| !e.is_object()));
    // Hidden entries can be fetched one by one here too.
    let r = b
        .get(be.api("/record/entries/mb-redacted"))
        .send()
        .await
        .unwrap();
    assert_eq!(ok_json(r).await["visibility"], "redacted");
}

#[tokio::test]
async fn single_entries_by_id_including_ids_that_need_encoding() {
    let be = start().await;
    let b = browser();
    be.sign_in(&b).await;
    let r = b
        .get(be.api("/record/entries/t-mz73ml"))
        .send()
        .await
        .unwrap();
    let e = ok_json(r).await;
    assert_eq!(e["id"], "t-mz73ml");
    assert_eq!(e["title"], "Blood pressure check");
    let r = b
        .get(be.api("/record/entries/t%2Follvlk%20%239"))
        .send()
        .await
        .unwrap();
    assert_eq!(ok_json(r).await["id"], "t/ollvlk #9");
    for id in ["nope", "t-51cea9", "t-sk6kj8", "t%2Follvlk", "%FF%FE"] {
        let r = b
            .get(be.api(&format!("/record/entries/{id}")))
            .send()
            .await
            .unwrap();
        assert_problem(r, 404, "not_found").await;
    }
    // Every listed entry can be fetched by its id.
    for e in be.all_entries(&b, 500).await.iter().take(40) {
        let id = e["id"].as_str().unwrap();
        let enc: String = id
            .bytes()
            .map(|c| {
                if c.is_ascii_alphanumeric() || c == b'-' {
                    (c as char).to_string()
                } else {
                    format!("%{c:02X}")
                }
            })
            .collect();
        let r = b
            .get(be.api(&format!("/record/entries/{enc}")))
            .send()
            .await
            .unwrap();
        assert_eq!(&ok_json(r).await, e);
    }
}

#[tokio::test]
async fn access_off_answers_403_for_the_record() {
    let be = start().await;
    let b = browser();
    be.sign_in_to(&b, "access-off").await;
    let s = ok_json(be.session(&b).await).await;
    assert_eq!(s["record_access"]["status"], "disabled");
    assert_eq!(s["patient"]["given_name"], "Rhiannon");
    let r = b.get(be.api("/record/entries")).send().await.unwrap();
    assert_problem(r, 403, "record_access_disabled").await;
    let r = b
        .get(be.api("/record/entries/ao-001"))
        .send()
        .await
        .unwrap();
    assert_problem(r, 403, "record_access_disabled").await;
    let r = b
        .post(be.api("/record/redaction-requests"))
        .header("idempotency-key", "k1")
        .json(&serde_json::json!({"entry_id": "ao-001"}))
        .send()
        .await
        .unwrap();
    assert_problem(r, 403, "record_access_disabled").await;
}
