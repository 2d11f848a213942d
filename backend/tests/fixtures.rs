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
