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
