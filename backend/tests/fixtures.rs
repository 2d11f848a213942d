//! Start-up with the bundled fixtures and with broken ones.

mod common;

use common::*;
use reference_backend::{serve, Config, StartError};

fn with_files(files: &[(&str, &str)]) -> std::path::PathBuf {
    let d = temp_dir("fixtures");
    for (name, body) in files {
        std::fs::write(d.join(name), body).unwrap();
    }
    d
}

const GOOD: &str = r#"{"description": "ok", "default": true,
    "patient": {"given_name": "Ann", "family_name": "Example"},
    "record_access": {"available_from": "2025-01-01"},
    "entries": [{"id": "a", "kind": "consultation", "recorded_on": "2025-02-01", "title": "Seen"}]}"#;

async fn start_error(files: &[(&str, &str)]) -> String {
    let config = Config {
        fixtures: with_files(files),
        ..Default::default()
    };
    match serve(config).await {
        Err(e @ StartError::Fixtures(_)) => e.to_string(),
        other => panic!("expected a fixture error, got {other:?}"),
    }
}

#[tokio::test]
async fn the_bundled_fixtures_load() {
    let be = start().await;
    drop(be);
}

#[tokio::test]
async fn a_bad_fixture_names_the_file_and_the_field() {
    let e = start_error(&[
        ("good.json", GOOD),
        (
            "broken.json",
            &GOOD
                .replace("\"default\": true,", "")
                .replace("\"Seen\"", "\"Seen\", \"visibility\": \"secret\""),
        ),
    ])
    .await;
    assert!(
        e.contains("broken.json") && e.contains("entries[0].visibility") && e.contains("secret"),
        "{e}"
    );

    let e = start_error(&[("good.json", &GOOD.replace("\"2025-02-01\"", "\"1 Feb\""))]).await;
    assert!(
        e.contains("good.json") && e.contains("entries[0].recorded_on"),
        "{e}"
    );

    let e = start_error(&[(
        "typo.json",
        &GOOD.replace("\"given_name\"", "\"givenname\""),
    )])
    .await;
    assert!(
        e.contains("typo.json") && e.contains("patient") && e.contains("givenname"),
        "{e}"
    );

    let e = start_error(&[(
        "types.json",
        &GOOD.replace(
            "\"entries\": [",
            "\"idle_timeout_seconds\": \"ten\", \"entries\": [",
        ),
    )])
    .await;
    assert!(
        e.contains("types.json") && e.contains("idle_timeout_seconds"),
        "{e}"
    );

    let e = start_error(&[("syntax.json", "{\"description\": ")]).await;
    assert!(e.contains("syntax.json"), "{e}");

    let e = start_error(&[("a.json", GOOD), ("b.json", GOOD)]).await;
    assert!(e.contains("b.json") && e.contains("default"), "{e}");

    let e = start_error(&[("gen.json", &GOOD.replace(
        "\"entries\": [",
        "\"generate\": {\"count\": 3, \"seed\": 1, \"id_prefix\": \"g\", \"clinicians\": [\"Dr A\"], \"locations\": [\"S\"], \"templates\": [{\"kind\": \"consultation\", \"title\": \"T\", \"visibility\": \"maybe\"}]}, \"entries\": [",
    ))]).await;
    assert!(
        e.contains("gen.json") && e.contains("generate.templates[0].visibility"),
        "{e}"
    );
}

#[tokio::test]
async fn other_start_errors() {
    let bad_now = serve(Config {
        now: "yesterday".to_owned(),
        ..Default::default()
    })
    .await;
    assert!(matches!(bad_now, Err(StartError::Config(_))));
    let missing = serve(Config {
        fixtures: "/nonexistent/fixtures".into(),
        ..Default::default()
    })
    .await;
    assert!(matches!(missing, Err(StartError::Fixtures(_))));
}

#[tokio::test]
async fn now_moves_generated_dates_and_disabled_at() {
    let be = start_with(Config {
        now: "2030-01-15T12:00:00Z".to_owned(),
        ..Default::default()
    })
    .await;
    let b = browser();
    be.sign_in(&b).await;
    let all = be.all_entries(&b, 500).await;
    assert!(all
        .iter()
        .any(|e| e["recorded_on"].as_str().unwrap() > "2027"));
    let r = b
        .post(be.api("/access/disable"))
        .header("idempotency-key", "k")
        .json(&serde_json::json!({"scope": "record_access", "confirmed": true}))
        .send()
        .await
        .unwrap();
    assert_eq!(ok_json(r).await["disabled_at"], "2030-01-15T12:00:00Z");
}

fn bundled(name: &str) -> serde_json::Value {
    let text = std::fs::read_to_string(fixtures_dir().join(format!("{name}.json"))).unwrap();
    serde_json::from_str(&text).unwrap()
}

fn written(v: &serde_json::Value) -> &Vec<serde_json::Value> {
    v["entries"].as_array().unwrap()
}

/// Ids appear in addresses and in the browser's history, so they must not
/// say anything about the entry: `t-` and six lower-case letters or digits
/// (one, to test percent-encoding, `t/`, six, ` #` and a digit).
#[test]
fn typical_ids_carry_no_meaning() {
    let v = bundled("typical");
    let six = |s: &str| {
        s.len() == 6
            && s.bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
    };
    let mut ids = std::collections::HashSet::new();
    for e in written(&v) {
        let id = e["id"].as_str().unwrap();
        let opaque = match id.strip_prefix("t-") {
            Some(rest) => six(rest),
            None => id
                .strip_prefix("t/")
                .and_then(|r| r.split_once(" #"))
                .is_some_and(|(a, n)| six(a) && n.len() == 1 && n.as_bytes()[0].is_ascii_digit()),
        };
        assert!(opaque, "{id} is not an opaque id");
        assert!(ids.insert(id.to_owned()), "{id} twice");
    }
    assert!(ids.iter().any(|id| id.contains(' ')));
    // Generated ones are numbered, which says nothing either.
    assert_eq!(v["generate"]["id_prefix"], "t-gen-");
}

#[test]
fn typical_has_two_unopened_test_results() {
    let v = bundled("typical");
    let unopened: Vec<&serde_json::Value> = written(&v)
        .iter()
        .filter(|e| e.get("unopened").is_some())
        .collect();
    assert_eq!(unopened.len(), 2);
    for e in unopened {
        assert_eq!(e["unopened"], true);
        assert_eq!(e["kind"], "test_result");
        assert!(e.get("visibility").is_none_or(|v| v == "visible"));
    }
    assert!(v.get("results_release").is_none_or(|r| r == "after_review"));
}

#[test]
fn redactions_and_results_holds_one_result_until_a_conversation() {
    let v = bundled("redactions-and-results");
    assert_eq!(v["results_release"], "after_conversation");
    let held: Vec<&serde_json::Value> = written(&v)
        .iter()
        .filter(|e| e.get("discussed").is_some())
        .collect();
    assert_eq!(held.len(), 1);
    assert_eq!(held[0]["discussed"], false);
    assert_eq!(held[0]["kind"], "test_result");
    assert!(held[0].get("visibility").is_none_or(|v| v == "visible"));
}

#[test]
fn misbehaving_sends_unopened_values_that_are_not_booleans_and_a_canary() {
    let v = bundled("misbehaving");
    let all: Vec<&serde_json::Value> = written(&v)
        .iter()
        .chain(v["raw_entries"].as_array().unwrap())
        .collect();
    let by_id = |id: &str| *all.iter().find(|e| e["id"] == id).unwrap();
    assert_eq!(by_id("mb-unopened-yes")["unopened"], "yes");
    let null = by_id("mb-unopened-null");
    assert!(null.as_object().unwrap().contains_key("unopened") && null["unopened"].is_null());
    let canary = by_id("mb-canary");
    assert_eq!(canary["unopened"], true);
    assert_eq!(canary["kind"], "test_result");
    assert_eq!(canary["title"], "CANARY-TITLE-7Q2");
    assert_eq!(canary["summary"], "CANARY-SUMMARY-7Q2");
    assert!(canary["details"].to_string().contains("CANARY"));
}

#[tokio::test]
async fn unopened_and_discussed_are_checked() {
    let entry = r#""title": "Seen""#;
    for (with, field) in [
        (
            r#""title": "Seen", "unopened": true"#,
            "entries[0].unopened",
        ),
        (
            r#""title": "Seen", "discussed": false"#,
            "entries[0].discussed",
        ),
    ] {
        let e = start_error(&[("good.json", &GOOD.replace(entry, with))]).await;
        assert!(e.contains(field), "{e}");
    }
    let e = start_error(&[(
        "good.json",
        &GOOD.replace(
            "\"entries\": [",
            "\"results_release\": \"sometimes\", \"entries\": [",
        ),
    )])
    .await;
    assert!(e.contains("results_release"), "{e}");
}
