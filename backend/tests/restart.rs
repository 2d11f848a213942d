//! What the `--store` file keeps across a restart: sessions, patients'
//! access state, idempotency records, removal requests, sign-ins and the
//! preview state. Each backend
//! here is its own process; a restart kills it as a crash would and starts
//! a new one on the same file.

mod common;

use std::time::Duration;

use common::*;
use reqwest::{Client, StatusCode};
use serde_json::{json, Value};

fn count(events: &[Value], kind: &str) -> usize {
    events.iter().filter(|e| e["type"] == kind).count()
}

#[tokio::test]
async fn disable_replay_after_a_restart_returns_the_first_result() {
    let store = store_file("disable-replay");
    let be = spawn(Some(&store), &[]);
    let b = browser();
    be.sign_in(&b).await;
    let body = record_access_off();
    let first = ok_json(disable(&be, &b, Some("key-1"), &body).await).await;

    let be = be.restart();
    let again = ok_json(disable(&be, &b, Some("key-1"), &body).await).await;
    assert_eq!(again, first);
    // The same key with another body is still a conflict...
    let other = json!({"scope": "nhs_login", "confirmed": true});
    assert_problem(
        disable(&be, &b, Some("key-1"), &other).await,
        409,
        "key_reused",
    )
    .await;
    // ...and a new key is told that access is already off, by which request.
    let p = assert_problem(
        disable(&be, &b, Some("key-2"), &body).await,
        409,
        "already_disabled",
    )
    .await;
    assert_eq!(p["reference"], first["reference"]);
    assert_eq!(count(&be.events(&b).await, "access_disabled"), 1);
}

#[tokio::test]
async fn redaction_replay_after_a_restart_returns_the_first_result() {
    let store = store_file("redaction-replay");
    let be = spawn(Some(&store), &[]);
    let b = browser();
    be.sign_in(&b).await;
    let body = json!({"entry_id": "t-mz73ml", "note": "Please hide this."});
    let first = accepted(ask(&be, &b, Some("r1"), &body).await).await;

    let be = be.restart();
    assert_eq!(accepted(ask(&be, &b, Some("r1"), &body).await).await, first);
    let other = json!({"entry_id": "t-902um8"});
    assert_problem(ask(&be, &b, Some("r1"), &other).await, 409, "key_reused").await;
    // A new request gets a new reference: the count survived the restart.
    let second = accepted(ask(&be, &b, Some("r2"), &other).await).await;
    assert_ne!(second["reference"], first["reference"]);
    assert_eq!(count(&be.events(&b).await, "redaction_request"), 2);
}

#[tokio::test]
async fn a_session_survives_a_restart() {
    let store = store_file("session");
    let be = spawn(Some(&store), &[]);
    let b = browser();
    be.sign_in(&b).await;
    let r = acknowledge(&be, &b, &json!({"choice": "continue"})).await;
    assert_eq!(r.status(), StatusCode::NO_CONTENT);
    let before = ok_json(be.session(&b).await).await;

    let be = be.restart();
    let after = ok_json(be.session(&b).await).await;
    assert_eq!(after, before);
    assert_eq!(after["safeguarding"]["acknowledged"], true);
    let r = b.post(be.api("/session/keep-alive")).send().await.unwrap();
    assert_eq!(r.status(), StatusCode::NO_CONTENT);
    assert!(!be.all_entries(&b, 500).await.is_empty());
    // Signing out still ends it, and that too is kept.
    b.post(be.api("/session/end")).send().await.unwrap();
    let be = be.restart();
    assert_problem(be.session(&b).await, 401, "signed_out").await;
}

#[tokio::test]
async fn the_idle_timeout_goes_on_while_the_backend_is_stopped() {
    let store = store_file("idle");
    let fixtures = two_second_fixtures();
    let fixtures = fixtures.to_str().unwrap();
    let be = spawn(Some(&store), &["--fixtures", fixtures]);
    let b = browser();
    be.sign_in(&b).await;
    // A quick restart keeps the session...
    let be = be.restart();
    ok_json(be.session(&b).await).await;
    // ...but one that outlasts the idle timeout ends it.
    let stopped = be.stop();
    tokio::time::sleep(Duration::from_millis(2300)).await;
    let be = stopped.start();
    assert_problem(be.session(&b).await, 401, "signed_out").await;
}

#[tokio::test]
async fn record_endpoints_answer_403_after_record_access_is_off_also_after_a_restart() {
    let store = store_file("record-403");
    let be = spawn(Some(&store), &[]);
    let b = browser();
    be.sign_in(&b).await;
    ok_json(disable(&be, &b, Some("k"), &record_access_off()).await).await;
    record_closed(&be, &b).await;
    let be = be.restart();
    record_closed(&be, &b).await;
}

/// Every authenticated call made with this raw session cookie answers 401.
async fn all_signed_out(be: &Backend, cookie: &str) {
    let c = Client::new();
    let calls = [
        c.get(be.api("/session")),
        c.post(be.api("/session/keep-alive")),
        c.get(be.api("/record/entries")),
        c.get(be.api("/record/entries/t-mz73ml")),
        c.post(be.api("/safeguarding/acknowledgements"))
            .json(&json!({"choice": "continue"})),
        c.post(be.api("/record/redaction-requests"))
            .header("idempotency-key", "new-r")
            .json(&json!({"entry_id": "t-mz73ml"})),
        c.post(be.api("/access/disable"))
            .header("idempotency-key", "new-d")
            .json(&record_access_off()),
    ];
    for call in calls {
        let r = call.header("cookie", cookie).send().await.unwrap();
        assert_problem(r, 401, "signed_out").await;
    }
}

#[tokio::test]
async fn after_nhs_login_every_call_answers_401_and_the_disable_replays_also_after_a_restart() {
    let store = store_file("nhs-login");
    let be = spawn(Some(&store), &[]);
    let b = browser();
    let r = b.get(be.at("/api/v1/auth/login")).send().await.unwrap();
    // The session cookie as sent, kept to try it again after it was
    // cleared (as a copied cookie would be).
    let cookie = r.headers()["set-cookie"]
        .to_str()
        .unwrap()
        .split(';')
        .next()
        .unwrap()
        .to_owned();
    let body = json!({"scope": "nhs_login", "confirmed": true});
    let first = ok_json(disable(&be, &b, Some("k"), &body).await).await;
    assert_eq!(first["scope"], "nhs_login");
    all_signed_out(&be, &cookie).await;

    let be = be.restart();
    all_signed_out(&be, &cookie).await;
    // The key is the proof: the replay is answered with the first result,
    // with no session and with the ended one.
    assert_eq!(
        ok_json(disable(&be, &b, Some("k"), &body).await).await,
        first
    );
    let with_old_cookie = Client::new()
        .post(be.api("/access/disable"))
        .header("idempotency-key", "k")
        .header("cookie", &cookie)
        .json(&body)
        .send()
        .await
        .unwrap();
    assert_eq!(ok_json(with_old_cookie).await, first);
    // Without a session, a key that does not prove this exact request
    // proves nothing.
    let other = record_access_off();
    assert_problem(disable(&be, &b, Some("k"), &other).await, 401, "signed_out").await;
}

#[tokio::test]
async fn preview_state_survives_a_restart_and_reset_forgets_it() {
    let store = store_file("preview");
    let be = spawn(Some(&store), &[]);
    let b = browser();
    be.sign_in_to(&b, "long-record").await;
    be.add_fault(
        &b,
        json!({"method": "GET", "path": "/api/v1/record/entries/none*",
               "fault": {"kind": "status", "status": 503}, "times": 3}),
    )
    .await;
    let r = b
        .get(be.api("/record/entries/none-1"))
        .send()
        .await
        .unwrap();
    assert_problem(r, 503, "internal_error").await;
    let body = record_access_off();
    ok_json(disable(&be, &b, Some("k"), &body).await).await;
    let events = be.events(&b).await;

    let be = be.restart();
    let v = ok_json(b.get(be.at("/__control/scenarios")).send().await.unwrap()).await;
    assert_eq!(v["current"], "long-record");
    let v = ok_json(b.get(be.at("/__control/faults")).send().await.unwrap()).await;
    assert_eq!(v["faults"][0]["remaining"], 2);
    assert_eq!(be.events(&b).await, events);
    // Sequence numbers go on from where they were.
    b.post(be.api("/session/keep-alive")).send().await.unwrap();
    let last = be.events(&b).await.pop().unwrap();
    assert!(last["seq"].as_u64() > events.last().unwrap()["seq"].as_u64());

    let r = b.post(be.at("/__control/reset")).send().await.unwrap();
    assert_eq!(r.status(), StatusCode::NO_CONTENT);
    let be = be.restart();
    assert_problem(be.session(&b).await, 401, "signed_out").await;
    assert_eq!(be.events(&b).await, Vec::<Value>::new());
    let v = ok_json(b.get(be.at("/__control/faults")).send().await.unwrap()).await;
    assert_eq!(v["faults"], json!([]));
    be.sign_in(&b).await;
    let s = ok_json(be.session(&b).await).await;
    assert_eq!(s["patient"]["given_name"], "Joanne");
    assert_eq!(s["record_access"]["status"], "enabled");
    // The key is free again: another body is not a conflict.
    let r = disable(
        &be,
        &b,
        Some("k"),
        &json!({"scope": "record_access", "confirmed": false}),
    )
    .await;
    assert_problem(r, 422, "not_confirmed").await;
}

#[tokio::test]
async fn without_a_store_a_restart_starts_afresh() {
    let be = spawn(None, &[]);
    let b = browser();
    be.sign_in(&b).await;
    let body = record_access_off();
    ok_json(disable(&be, &b, Some("k"), &body).await).await;
    let be = be.restart();
    assert_problem(be.session(&b).await, 401, "signed_out").await;
    assert_eq!(be.events(&b).await, Vec::<Value>::new());
    be.sign_in(&b).await;
    let s = ok_json(be.session(&b).await).await;
    assert_eq!(s["record_access"]["status"], "enabled");
}

#[tokio::test]
async fn sigterm_stops_the_backend_cleanly_and_keeps_the_store() {
    let store = store_file("sigterm");
    let be = spawn(Some(&store), &[]);
    let b = browser();
    be.sign_in(&b).await;
    assert!(be.terminate().success());
    // Closed cleanly: the write-ahead log was folded into the file.
    let wal = store.with_file_name("store.sqlite3-wal");
    assert!(!wal.exists(), "{}", wal.display());
    let be = spawn(Some(&store), &[]);
    ok_json(be.session(&b).await).await;
}

/// The one line a failed start-up printed on stderr.
fn failure_line(args: &[&str]) -> String {
    let exited = run_until_exit(args);
    assert!(!exited.status.success(), "{args:?}");
    assert!(!exited.stdout.contains("listening"), "{}", exited.stdout);
    let line = exited.stderr.trim_end();
    assert_eq!(line.lines().count(), 1, "{line}");
    line.to_owned()
}

#[test]
fn a_corrupt_store_file_stops_start_up_with_one_line_naming_it() {
    // Not a database at all.
    let garbage = store_file("garbage");
    std::fs::write(&garbage, "this is not a database\n".repeat(300)).unwrap();
    let path = garbage.to_str().unwrap();
    let line = failure_line(&["--store", path]);
    assert!(
        line.contains(path) && line.contains("not a database"),
        "{line}"
    );

    // A store whose pages were overwritten.
    let damaged = store_file("damaged");
    let path = damaged.to_str().unwrap();
    let be = spawn(Some(&damaged), &[]);
    assert!(be.terminate().success());
    let mut bytes = std::fs::read(&damaged).unwrap();
    assert!(bytes.len() > 8192);
    bytes[4096..].fill(0x5a);
    std::fs::write(&damaged, bytes).unwrap();
    let line = failure_line(&["--store", path]);
    assert!(line.contains(path), "{line}");
}

#[test]
fn an_unusable_store_path_stops_start_up_with_one_line_naming_it() {
    let dir = temp_dir("unusable");
    let folder = dir.to_str().unwrap();
    let line = failure_line(&["--store", folder]);
    assert!(line.contains(folder) && line.contains("folder"), "{line}");

    let missing = dir.join("missing").join("store.sqlite3");
    let missing = missing.to_str().unwrap();
    let line = failure_line(&["--store", missing]);
    assert!(
        line.contains(missing) && line.contains("does not exist"),
        "{line}"
    );

    // Another program's SQLite database is left alone.
    let other = dir.join("other.sqlite3");
    rusqlite::Connection::open(&other)
        .unwrap()
        .execute_batch("CREATE TABLE notes (text TEXT); INSERT INTO notes VALUES ('mine');")
        .unwrap();
    let before = std::fs::read(&other).unwrap();
    let other_path = other.to_str().unwrap();
    let line = failure_line(&["--store", other_path]);
    assert!(line.contains(other_path), "{line}");
    assert_eq!(std::fs::read(&other).unwrap(), before);
}

#[tokio::test]
async fn removal_requests_and_sign_ins_survive_a_restart() {
    let store = store_file("people");
    let be = spawn(Some(&store), &[]);
    let (laptop, phone) = laptop_and_phone(&be, "typical").await;
    let first = accepted(remove_proxy(&be, &laptop, "px-partner", Some("k")).await).await;
    let before = sign_ins(&be, &laptop).await;

    let be = be.restart();
    assert_eq!(
        accepted(remove_proxy(&be, &laptop, "px-partner", Some("k")).await).await,
        first
    );
    let p = assert_problem(
        remove_proxy(&be, &laptop, "px-partner", Some("k2")).await,
        409,
        "already_requested",
    )
    .await;
    assert_eq!(p["reference"], first["reference"]);
    assert_eq!(sign_ins(&be, &laptop).await, before);

    // Signing out everywhere else is kept too.
    assert_eq!(end_others(&be, &laptop).await.status(), 204);
    let be = be.restart();
    assert_problem(be.session(&phone).await, 401, "signed_out").await;
    let after = sign_ins(&be, &laptop).await;
    assert!(
        after.iter().all(|s| s["active"] == (s["current"] == true)),
        "{after:?}"
    );
}
