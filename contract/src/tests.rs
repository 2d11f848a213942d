use super::*;
use serde_json::json;

fn entry_json() -> serde_json::Value {
    json!({
        "id": "e-1",
        "kind": "test_result",
        "recorded_on": "2024-03-01T09:30:00Z",
        "title": "Full blood count",
        "summary": "Normal",
        "visibility": "visible",
        "details": [{"label": "Haemoglobin", "value": "140 g/L"}]
    })
}

#[test]
fn entry_decodes_and_ignores_unknown_fields() {
    let mut v = entry_json();
    v["colour"] = json!("blue");
    let e: Entry = serde_json::from_value(v).unwrap();
    assert_eq!(e.kind, EntryKind::TestResult);
    assert_eq!(e.visibility, Visibility::Visible);
    assert_eq!(e.details.unwrap()[0].label, "Haemoglobin");
    assert_eq!(e.clinician, None);
}

#[test]
fn unknown_or_missing_visibility_means_unknown() {
    let mut v = entry_json();
    v["visibility"] = json!("partly_visible");
    let e: Entry = serde_json::from_value(v.clone()).unwrap();
    assert_eq!(e.visibility, Visibility::Unknown);
    v.as_object_mut().unwrap().remove("visibility");
    let e: Entry = serde_json::from_value(v).unwrap();
    assert_eq!(e.visibility, Visibility::Unknown);
}

#[test]
fn unknown_kind_is_other() {
    let mut v = entry_json();
    v["kind"] = json!("referral");
    let e: Entry = serde_json::from_value(v).unwrap();
    assert_eq!(e.kind, EntryKind::Other);
}

#[test]
fn kind_names_round_trip() {
    for k in EntryKind::KNOWN {
        assert_eq!(EntryKind::parse(k.as_str()), Some(k));
        let wire = serde_json::to_value(k).unwrap();
        assert_eq!(wire, json!(k.as_str()));
    }
    assert_eq!(EntryKind::parse("other"), None);
    assert_eq!(EntryKind::parse(""), None);
}

#[test]
fn lenient_page_keeps_good_entries_and_marks_bad_ones() {
    let page = json!({
        "available_from": "2024-03-01",
        "entries": [entry_json(), {"id": 7, "title": "wrong id type"}, "not an object"],
        "next_cursor": null,
        "extra": true
    });
    let page: EntriesPage<Lenient<Entry>> = serde_json::from_value(page).unwrap();
    let valid: Vec<Entry> = page
        .entries
        .into_iter()
        .filter_map(Lenient::valid)
        .collect();
    assert_eq!(valid.len(), 1);
    assert_eq!(valid[0].id, "e-1");
    assert_eq!(page.next_cursor, None);
}

#[test]
fn requests_reject_unknown_fields() {
    assert!(
        serde_json::from_str::<AcknowledgementRequest>(r#"{"choice":"continue","x":1}"#).is_err()
    );
    assert!(serde_json::from_str::<DisableRequest>(
        r#"{"scope":"nhs_login","confirmed":true,"why":"x"}"#
    )
    .is_err());
    assert!(serde_json::from_str::<RedactionRequest>(r#"{"entry_id":"a","notes":"x"}"#).is_err());
    assert!(serde_json::from_str::<EndSessionRequest>(r#"{"reason":"exit","at":1}"#).is_err());
    assert_eq!(
        serde_json::from_str::<EndSessionRequest>("{}").unwrap(),
        EndSessionRequest { reason: None }
    );
    assert!(serde_json::from_str::<AcknowledgementRequest>(r#"{"choice":"later"}"#).is_err());
}

#[test]
fn problem_decodes_with_missing_optional_parts() {
    let p: Problem = serde_json::from_str(
        r#"{"type":"https://example.test/p","title":"Already off","status":409,"code":"already_disabled","reference":"REF-1"}"#,
    )
    .unwrap();
    assert_eq!(p.code, codes::ALREADY_DISABLED);
    assert_eq!(p.reference.as_deref(), Some("REF-1"));
    let p: Problem = serde_json::from_str(r#"{"status":500}"#).unwrap();
    assert_eq!(p.problem_type, "about:blank");
    assert_eq!(p.code, "");
}

#[test]
fn session_decodes_and_unknown_status_is_unknown() {
    let s: Session = serde_json::from_value(json!({
        "patient": {"given_name": "Amira", "family_name": "Khan"},
        "record_access": {"status": "paused", "available_from": "2024-03-01"},
        "safeguarding": {"acknowledged": false},
        "idle_timeout_seconds": 600
    }))
    .unwrap();
    assert_eq!(s.record_access.status, AccessStatus::Unknown);
    assert_eq!(s.idle_timeout_seconds, 600);
}

fn proxy_json() -> serde_json::Value {
    json!({
        "id": "p-1",
        "name": "Mark Hartley",
        "relationship": "Partner",
        "can_see": ["record", "appointments"],
        "since": "2025-09-14",
        "removal_requested": {"reference": "RA-7K4M2Q9D", "requested_on": "2026-10-31"}
    })
}

#[test]
fn proxies_round_trip() {
    let list: ProxyList = serde_json::from_value(json!({"proxies": [proxy_json()]})).unwrap();
    let p = &list.proxies[0];
    assert_eq!(p.relationship.as_deref(), Some("Partner"));
    assert_eq!(
        p.services(),
        [ProxyService::Record, ProxyService::Appointments]
    );
    assert_eq!(p.since_date().unwrap().to_iso(), "2025-09-14");
    let pending = p.removal_requested.as_ref().unwrap();
    assert_eq!(pending.reference, "RA-7K4M2Q9D");
    assert_eq!(
        pending.requested_on_date().map(|d| d.to_iso()).as_deref(),
        Some("2026-10-31")
    );
    assert_eq!(
        serde_json::to_value(&list).unwrap(),
        json!({"proxies": [proxy_json()]})
    );
    assert_eq!(
        serde_json::from_value::<ProxyList>(json!({"proxies": []}))
            .unwrap()
            .proxies,
        []
    );
}

#[test]
fn a_proxy_with_poor_data_still_decodes() {
    let p: Proxy = serde_json::from_value(json!({
        "id": "p-2",
        "name": "<b>Someone</b>",
        "can_see": ["record", "online_consultations"],
        "since": "last spring",
        "extra": {"ignored": true}
    }))
    .unwrap();
    assert_eq!(p.relationship, None);
    assert_eq!(p.removal_requested, None);
    assert_eq!(p.services(), [ProxyService::Record, ProxyService::Other]);
    assert_eq!(p.can_see[1], "online_consultations");
    assert_eq!(p.since, "last spring");
    assert_eq!(p.since_date(), None);
    // Optional members are left out when written.
    let v = serde_json::to_value(&p).unwrap();
    assert!(v.get("relationship").is_none() && v.get("removal_requested").is_none());

    let mut v = proxy_json();
    v["can_see"] = json!([]);
    v["relationship"] = serde_json::Value::Null;
    v["removal_requested"]["requested_on"] = json!("31/10/2026");
    let p: Proxy = serde_json::from_value(v).unwrap();
    assert!(p.services().is_empty());
    assert_eq!(p.relationship, None);
    assert_eq!(p.removal_requested.unwrap().requested_on_date(), None);
}

#[test]
fn proxy_service_names() {
    for s in ProxyService::KNOWN {
        assert_eq!(ProxyService::parse(s.as_str()), s);
        assert_eq!(serde_json::to_value(s).unwrap(), json!(s.as_str()));
    }
    assert_eq!(ProxyService::parse("other"), ProxyService::Other);
    assert_eq!(ProxyService::parse(""), ProxyService::Other);
    assert_eq!(
        serde_json::from_value::<ProxyService>(json!("repeat_medicines")).unwrap(),
        ProxyService::Other
    );
}

#[test]
fn removal_requests_are_empty_objects() {
    assert_eq!(
        serde_json::from_str::<RemovalRequest>("{}").unwrap(),
        RemovalRequest {}
    );
    assert_eq!(serde_json::to_string(&RemovalRequest {}).unwrap(), "{}");
    assert!(serde_json::from_str::<RemovalRequest>(r#"{"reason":"x"}"#).is_err());
    let a: RemovalAccepted = serde_json::from_str(r#"{"reference":"RA-00000001"}"#).unwrap();
    assert_eq!(
        serde_json::to_value(&a).unwrap(),
        json!({"reference": "RA-00000001"})
    );
}

#[test]
fn sign_ins_round_trip_and_keep_a_bad_date() {
    let v = json!({"sign_ins": [
        {"at": "2026-11-02T10:00:00Z", "device": "Firefox on Windows", "current": true, "active": true},
        {"at": "2026-10-30T21:47:00+00:00", "device": "Chrome on Android", "current": false, "active": true},
        {"at": "the other day", "device": "Unknown browser", "current": false, "active": false}
    ]});
    let list: SignInList = serde_json::from_value(v.clone()).unwrap();
    assert_eq!(serde_json::to_value(&list).unwrap(), v);
    let at = list.sign_ins[1].at_uk().unwrap();
    assert_eq!(at.date.to_iso(), "2026-10-30");
    assert_eq!(at.seconds, Some(21 * 3600 + 47 * 60));
    assert_eq!(list.sign_ins[2].at, "the other day");
    assert_eq!(list.sign_ins[2].at_uk(), None);
    // A plain date is not a time of sign-in.
    let mut s = list.sign_ins[0].clone();
    s.at = "2026-11-02".to_owned();
    assert_eq!(s.at_uk(), None);
}

#[test]
fn already_requested_carries_the_reference() {
    let p: Problem = serde_json::from_str(
        r#"{"type":"about:blank","title":"Conflict","status":409,"detail":"x","code":"already_requested","reference":"RA-00000002"}"#,
    )
    .unwrap();
    assert_eq!(p.code, codes::ALREADY_REQUESTED);
    assert_eq!(p.reference.as_deref(), Some("RA-00000002"));
}

#[test]
fn unopened_is_read_fail_closed() {
    let decode = |value: Option<serde_json::Value>| {
        let mut v = entry_json();
        if let Some(value) = value {
            v["unopened"] = value;
        }
        serde_json::from_value::<Entry>(v).map(|e| e.unopened)
    };
    assert!(!decode(None).unwrap());
    assert!(!decode(Some(json!(false))).unwrap());
    for value in [
        json!(true),
        json!(null),
        json!("yes"),
        json!("false"),
        json!(0),
        json!(1.5),
        json!([false]),
        json!({"opened": true}),
    ] {
        assert!(decode(Some(value.clone())).unwrap(), "{value}");
    }
}

#[test]
fn unopened_is_sent_only_when_true() {
    let mut e: Entry = serde_json::from_value(entry_json()).unwrap();
    assert!(serde_json::to_value(&e).unwrap().get("unopened").is_none());
    e.unopened = true;
    assert_eq!(serde_json::to_value(&e).unwrap()["unopened"], json!(true));
}

#[test]
fn preferences_round_trip_and_unknown_choice_is_unknown() {
    for choice in ResultsRelease::CHOICES {
        let body = json!({"results_release": choice.as_str()});
        let p: Preferences = serde_json::from_value(body.clone()).unwrap();
        assert_eq!(p.results_release, choice);
        assert_eq!(serde_json::to_value(&p).unwrap(), body);
        let r: PreferencesRequest = serde_json::from_value(body).unwrap();
        assert_eq!(r.results_release, choice);
    }
    let p: Preferences =
        serde_json::from_value(json!({"results_release": "never", "theme": "dark"})).unwrap();
    assert_eq!(p.results_release, ResultsRelease::Unknown);
    assert!(serde_json::from_value::<PreferencesRequest>(
        json!({"results_release": "after_review", "theme": "dark"})
    )
    .is_err());
}
