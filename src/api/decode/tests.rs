use super::*;
use record_access_contract::{
    AccessDisabled, AccessStatus, DisableScope, Lenient, RedactionAccepted, Session,
};

const JSON: Option<&str> = Some("application/json");
const PROBLEM: Option<&str> = Some("application/problem+json");

fn problem_body(status: u16, code: &str) -> String {
    format!(
        r#"{{"type":"https://example.test/problems/{code}","title":"T","status":{status},"detail":"D","code":"{code}"}}"#
    )
}

#[test]
fn session_decodes() {
    let body = r#"{"patient":{"given_name":"Amira","family_name":"Khan"},"record_access":{"status":"enabled","available_from":"2024-03-01"},"safeguarding":{"acknowledged":false},"idle_timeout_seconds":600,"new_field":[1]}"#;
    let s: Session = json(200, Some("application/json; charset=utf-8"), body).unwrap();
    assert_eq!(s.patient.given_name, "Amira");
    assert_eq!(s.record_access.status, AccessStatus::Enabled);
}

#[test]
fn entries_page_decodes_leniently() {
    let body = r#"{"available_from":"2024-03-01","entries":[{"id":"a","kind":"allergy","recorded_on":"2024-04-01","title":"Penicillin","visibility":"visible"},{"id":"b"}],"next_cursor":"abc=="}"#;
    let page = entries_page(200, JSON, body).unwrap();
    assert_eq!(page.entries.len(), 2);
    assert!(matches!(page.entries[0], Lenient::Valid(_)));
    assert!(matches!(page.entries[1], Lenient::Invalid(_)));
    assert_eq!(page.next_cursor.as_deref(), Some("abc=="));
}

#[test]
fn an_entries_page_that_is_not_a_page_is_undecodable() {
    let not_a_list = r#"{"available_from":"2024-03-01","entries":3}"#;
    assert!(matches!(
        entries_page(200, JSON, not_a_list),
        Err(ApiError::Undecodable { .. })
    ));
    let trailing_comma = r#"{"available_from":"2024-03-01","entries":[{"id":"x"},]}"#;
    assert!(matches!(
        entries_page(200, JSON, trailing_comma),
        Err(ApiError::Undecodable { .. })
    ));
    assert_eq!(
        entries_page(401, JSON, "{}").unwrap_err(),
        ApiError::SignedOut
    );
}

#[test]
fn submission_answers_decode() {
    let a: AccessDisabled = json(
        200,
        JSON,
        r#"{"reference":"RA-1","scope":"nhs_login","disabled_at":"2026-11-02T10:00:00Z"}"#,
    )
    .unwrap();
    assert_eq!(a.scope, DisableScope::NhsLogin);
    let r: RedactionAccepted = json(202, JSON, r#"{"reference":"RA-2"}"#).unwrap();
    assert_eq!(r.reference, "RA-2");
}

#[test]
fn empty_success_ignores_body() {
    assert_eq!(empty(204, None, ""), Ok(()));
    assert_eq!(empty(200, Some("text/plain"), "ok"), Ok(()));
}

#[test]
fn statuses_map_to_their_variants() {
    assert_eq!(
        empty(401, PROBLEM, &problem_body(401, "signed_out")),
        Err(ApiError::SignedOut)
    );
    // 401 means signed out whatever the body says.
    assert_eq!(
        json::<Session>(401, Some("text/html"), "<h1>no</h1>"),
        Err(ApiError::SignedOut)
    );

    let e =
        json::<Session>(403, PROBLEM, &problem_body(403, "record_access_disabled")).unwrap_err();
    assert!(matches!(e, ApiError::Forbidden(Some(_))));
    assert_eq!(e.code(), "record_access_disabled");

    let e = empty(404, PROBLEM, &problem_body(404, "not_found")).unwrap_err();
    assert!(matches!(e, ApiError::NotFound(Some(_))));

    let body = r#"{"type":"about:blank","title":"Already off","status":409,"code":"already_disabled","reference":"RA-OLD"}"#;
    let e = empty(409, PROBLEM, body).unwrap_err();
    assert_eq!(e.code(), "already_disabled");
    assert_eq!(e.problem().unwrap().reference.as_deref(), Some("RA-OLD"));

    let e = empty(422, PROBLEM, &problem_body(422, "not_confirmed")).unwrap_err();
    assert!(matches!(
        e,
        ApiError::Status {
            status: 422,
            problem: Some(_)
        }
    ));
    assert!(!e.is_retryable());

    let e = empty(500, PROBLEM, &problem_body(500, "internal_error")).unwrap_err();
    assert!(e.is_retryable());
}

#[test]
fn error_without_problem_body_keeps_the_status() {
    let e = empty(502, Some("text/html"), "<html>Bad gateway</html>").unwrap_err();
    assert_eq!(
        e,
        ApiError::Status {
            status: 502,
            problem: None
        }
    );
    let e = empty(503, PROBLEM, "{not json").unwrap_err();
    assert_eq!(
        e,
        ApiError::Status {
            status: 503,
            problem: None
        }
    );
    let e = empty(400, None, "").unwrap_err();
    assert_eq!(
        e,
        ApiError::Status {
            status: 400,
            problem: None
        }
    );
}

#[test]
fn undecodable_success_keeps_raw_text() {
    let e = json::<Session>(200, JSON, "{\"patient\": tru").unwrap_err();
    assert_eq!(
        e,
        ApiError::Undecodable {
            status: 200,
            raw: "{\"patient\": tru".into()
        }
    );
    assert!(e.is_retryable());
    // Right JSON, wrong shape.
    assert!(matches!(
        json::<Session>(200, JSON, "[]"),
        Err(ApiError::Undecodable { .. })
    ));
    // Not JSON at all, whatever it looks like.
    assert!(matches!(
        json::<Session>(200, Some("text/html"), "{}"),
        Err(ApiError::Undecodable { .. })
    ));
    assert!(matches!(
        json::<Session>(200, None, "{}"),
        Err(ApiError::Undecodable { .. })
    ));
}

#[test]
fn raw_text_is_bounded_and_cut_on_a_character_boundary() {
    let body = "é".repeat(RAW_BODY_KEPT); // two bytes each
    let Err(ApiError::Undecodable { raw, .. }) = json::<Session>(200, JSON, &body) else {
        panic!()
    };
    assert!(raw.len() <= RAW_BODY_KEPT);
    assert!(raw.chars().all(|c| c == 'é'));
}

#[test]
fn display_never_includes_the_body() {
    let e = json::<Session>(200, JSON, "secret diagnosis").unwrap_err();
    assert!(!e.to_string().contains("secret"));
}

#[test]
fn an_entry_with_a_field_given_twice_is_dropped() {
    // Which of two `visibility` values would count is not for the app to
    // guess: the entry is invalid, and the rest of the page still shows.
    let body = r#"{"available_from":"2024-03-01","entries":[
        {"id":"a","kind":"allergy","recorded_on":"2024-04-01","title":"T","visibility":"redacted","visibility":"visible"},
        {"id":"b","kind":"allergy","recorded_on":"2024-04-01","title":"T","visibility":"visible"},
        7
    ]}"#;
    let page = entries_page(200, JSON, body).unwrap();
    assert!(matches!(page.entries[0], Lenient::Invalid(_)));
    assert!(matches!(&page.entries[1], Lenient::Valid(e) if e.id == "b"));
    assert!(matches!(page.entries[2], Lenient::Invalid(_)));
    // A field given twice on the page itself makes the page undecodable.
    let twice = r#"{"available_from":"2024-03-01","entries":[],"entries":[]}"#;
    assert!(matches!(
        entries_page(200, JSON, twice),
        Err(ApiError::Undecodable { .. })
    ));
}
