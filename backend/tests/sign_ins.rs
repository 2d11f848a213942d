//! Recent sign-ins and signing out everywhere else: what `/auth/login`
//! notes, the list's order, window and cap, and ending the patient's other
//! sessions.

mod common;

use std::time::Duration;

use common::*;
use serde_json::{json, Value};

#[tokio::test]
async fn sign_in_is_noted_with_the_device_in_plain_words() {
    let be = start().await;
    let b = browser_as(FIREFOX_ON_WINDOWS);
    be.sign_in(&b).await;
    assert_eq!(
        sign_ins(&be, &b).await,
        [
            json!({"at": "2026-11-02T10:00:00Z", "device": "Firefox on Windows", "current": true, "active": true}),
            // The typical patient's file: 2 days and 815 minutes ago, and
            // 12 days and 95 minutes ago.
            json!({"at": "2026-10-30T20:25:00Z", "device": "Chrome on Android", "current": false, "active": true}),
            json!({"at": "2026-10-21T08:25:00Z", "device": "Safari on iPhone", "current": false, "active": false}),
        ]
    );
}

#[tokio::test]
async fn a_browser_that_says_nothing_is_an_unknown_browser() {
    let be = start().await;
    let b = browser();
    be.sign_in_to(&b, "new-access").await;
    assert_eq!(
        sign_ins(&be, &b).await,
        [
            json!({"at": "2026-11-02T10:00:00Z", "device": "Unknown browser", "current": true, "active": true})
        ]
    );
    let b = browser_as("<script>alert(1)</script>");
    be.sign_in_to(&b, "new-access").await;
    assert_eq!(sign_ins(&be, &b).await[0]["device"], "Unknown browser");
}

#[tokio::test]
async fn newest_first_and_at_most_twenty() {
    let be = start().await;
    let b = browser_as(FIREFOX_ON_WINDOWS);
    let cookie = choose_scenario(&be, &b, "typical").await;
    for _ in 0..24 {
        be.sign_in(&b).await;
    }
    let phone = browser_in_bucket(&be, &cookie, CHROME_ON_ANDROID);
    be.sign_in(&phone).await;
    let list = sign_ins(&be, &b).await;
    assert_eq!(list.len(), 20);
    // The phone signed in last.
    assert_eq!(
        list[0],
        json!({"at": "2026-11-02T10:00:00Z", "device": "Chrome on Android", "current": false, "active": true})
    );
    // This browser's latest session; each sign-in ended the one before.
    assert_eq!(
        list[1],
        json!({"at": "2026-11-02T10:00:00Z", "device": "Firefox on Windows", "current": true, "active": true})
    );
    for s in &list[2..] {
        assert_eq!(s["device"], "Firefox on Windows");
        assert_eq!(s["current"], false);
        assert_eq!(s["active"], false);
    }
    // The phone sees the same list, with itself as the current one.
    let theirs = sign_ins(&be, &phone).await;
    assert_eq!(theirs[0]["current"], true);
    assert_eq!(theirs[1]["current"], false);
}

#[tokio::test]
async fn only_the_last_30_days() {
    let dir = temp_dir("sign-ins");
    std::fs::write(
        dir.join("windows.json"),
        r#"{"description": "window", "default": true,
            "patient": {"given_name": "Ann", "family_name": "Example"},
            "record_access": {"available_from": "2025-01-01"},
            "sign_ins": [
                {"days_ago": 31, "device": "Too old"},
                {"days_ago": 30, "device": "Thirty days"},
                {"days_ago": 29, "minutes_ago": 1439, "device": "Nearly thirty days"},
                {"minutes_ago": 1, "device": "A minute ago", "active": true}
            ]}"#,
    )
    .unwrap();
    let be = start_with(reference_backend::Config {
        control: true,
        fixtures: dir,
        ..Default::default()
    })
    .await;
    let b = browser_as(FIREFOX_ON_WINDOWS);
    be.sign_in(&b).await;
    let devices: Vec<Value> = sign_ins(&be, &b)
        .await
        .into_iter()
        .map(|s| s["device"].clone())
        .collect();
    assert_eq!(
        devices,
        [
            "Firefox on Windows",
            "A minute ago",
            "Nearly thirty days",
            "Thirty days"
        ]
    );
}

#[tokio::test]
async fn a_sign_in_with_a_bad_date_is_still_listed() {
    let be = start().await;
    let b = browser_as(FIREFOX_ON_WINDOWS);
    be.sign_in_to(&b, "misbehaving").await;
    let list = sign_ins(&be, &b).await;
    assert_eq!(list.len(), 3);
    assert_eq!(list[0]["current"], true);
    assert_eq!(list[1]["at"], "2026-11-01T09:30:00Z");
    assert_eq!(
        list[2],
        json!({"at": "yesterday evening", "device": "Unknown browser", "current": false, "active": true})
    );
}

#[tokio::test]
async fn signing_out_everywhere_else_ends_the_others_and_keeps_this_one() {
    let be = start().await;
    let (laptop, phone) = laptop_and_phone(&be, "typical").await;
    // The same patient in another preview browser is someone else.
    let elsewhere = browser_as(FIREFOX_ON_WINDOWS);
    be.sign_in_to(&elsewhere, "typical").await;

    let before = sign_ins(&be, &laptop).await;
    assert_eq!(before[0]["device"], "Chrome on Android");
    assert_eq!(before[0]["active"], true);

    let r = end_others(&be, &laptop).await;
    assert_eq!(r.status(), 204);
    assert_common_headers(&r);
    // The phone's next call is signed out; the laptop goes on.
    assert_problem(be.session(&phone).await, 401, "signed_out").await;
    let r = phone.get(be.api("/access/proxies")).send().await.unwrap();
    assert_problem(r, 401, "signed_out").await;
    ok_json(be.session(&laptop).await).await;
    ok_json(be.session(&elsewhere).await).await;

    let after = sign_ins(&be, &laptop).await;
    let states: Vec<(Value, Value, Value)> = after
        .iter()
        .map(|s| {
            (
                s["device"].clone(),
                s["current"].clone(),
                s["active"].clone(),
            )
        })
        .collect();
    assert_eq!(
        states,
        [
            (json!("Chrome on Android"), json!(false), json!(false)),
            (json!("Firefox on Windows"), json!(true), json!(true)),
            // The file's phone, which was still signed in, is not now.
            (json!("Chrome on Android"), json!(false), json!(false)),
            (json!("Safari on iPhone"), json!(false), json!(false)),
        ]
    );

    // Again: harmless.
    let r = end_others(&be, &laptop).await;
    assert_eq!(r.status(), 204);
    ok_json(be.session(&laptop).await).await;
    let ended: Vec<Value> = be
        .events(&laptop)
        .await
        .into_iter()
        .filter(|e| e["type"] == "other_sessions_ended")
        .map(|e| e["sessions_ended"].clone())
        .collect();
    assert_eq!(ended, [json!(1), json!(0)]);
    // The phone signs in again: a new sign-in, signed in.
    be.sign_in(&phone).await;
    let list = sign_ins(&be, &phone).await;
    assert_eq!(list[0]["current"], true);
    assert_eq!(list[0]["active"], true);
}

#[tokio::test]
async fn a_session_past_its_idle_timeout_is_not_active() {
    let be = start_with(reference_backend::Config {
        control: true,
        fixtures: two_second_fixtures(),
        ..Default::default()
    })
    .await;
    let (laptop, _phone) = laptop_and_phone(&be, "quick").await;
    tokio::time::sleep(Duration::from_millis(1200)).await;
    let r = laptop
        .post(be.api("/session/keep-alive"))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 204);
    tokio::time::sleep(Duration::from_millis(1000)).await;
    let list = sign_ins(&be, &laptop).await;
    assert_eq!(list[0]["device"], "Chrome on Android");
    assert_eq!(list[0]["active"], false);
    assert_eq!(list[1]["active"], true);
}

#[tokio::test]
async fn without_a_session_both_are_signed_out() {
    let be = start().await;
    let b = browser();
    let r = b.get(be.api("/session/sign-ins")).send().await.unwrap();
    assert_problem(r, 401, "signed_out").await;
    assert_problem(end_others(&be, &b).await, 401, "signed_out").await;
    be.sign_in(&b).await;
    b.post(be.api("/session/end")).send().await.unwrap();
    assert_problem(end_others(&be, &b).await, 401, "signed_out").await;
}
