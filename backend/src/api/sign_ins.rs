//! `GET /session/sign-ins` and `POST /session/end-others`: recent
//! sign-ins as this patient, and signing out everywhere else.
//!
//! A patient's sign-ins are the ones made through `/auth/login` (kept in
//! the store with the session each started) and the ones their scenario
//! file describes (no browser holds those sessions; the file says whether
//! they are still signed in, until the patient signs out everywhere else).

use axum::extract::State;
use axum::http::StatusCode;
use axum::Json;
use record_access_contract::uk_time::parse_rfc3339_utc;
use record_access_contract::{SignIn, SignInList, SIGN_INS_DAYS, SIGN_INS_MAX};

use super::scenario_of;
use crate::app::Shared;
use crate::extract::Authed;
use crate::problem::ApiError;
use crate::scenario::FixtureSignIn;
use crate::store::{EventKind, SignInRecord};

pub async fn list(State(state): State<Shared>, auth: Authed) -> Result<Json<SignInList>, ApiError> {
    let scenario = scenario_of(&state, &auth);
    let bucket = &auth.session.bucket;
    let (recorded, elsewhere) = state.store.transaction(|tx| {
        (
            tx.sign_ins(bucket, &scenario.name),
            tx.signed_out_elsewhere(bucket, &scenario.name),
        )
    })?;
    Ok(Json(SignInList {
        sign_ins: recent(
            &recorded,
            &scenario.sign_ins,
            &auth.id,
            elsewhere,
            state.clock.now_seconds(),
        ),
    }))
}

/// Ends every other session of this patient; this one goes on. Sending it
/// again ends nothing more. No body is read.
pub async fn end_others(State(state): State<Shared>, auth: Authed) -> Result<StatusCode, ApiError> {
    let scenario = scenario_of(&state, &auth);
    let bucket = &auth.session.bucket;
    state.store.transaction(|tx| {
        let sessions_ended = tx.end_other_sessions(bucket, &auth.session.scenario, &auth.id);
        tx.set_signed_out_elsewhere(bucket, &scenario.name);
        tx.record(bucket, EventKind::OtherSessionsEnded { sessions_ended });
    })?;
    Ok(StatusCode::NO_CONTENT)
}

/// The list the patient sees: sign-ins from the last [`SIGN_INS_DAYS`] days
/// before `now` (seconds, UTC), newest first, at most [`SIGN_INS_MAX`].
/// Of sign-ins at the same time, the ones made through the API come first,
/// the latest of them first, then the file's in file order. A file's
/// sign-in whose `at` is not a timestamp (a scenario that sends everything
/// unfiltered) cannot be placed: such ones come last, as written.
fn recent(
    recorded: &[SignInRecord],
    fixture: &[FixtureSignIn],
    current_id: &str,
    signed_out_elsewhere: bool,
    now: i64,
) -> Vec<SignIn> {
    let since = now - i64::from(SIGN_INS_DAYS) * 86_400;
    let mut dated: Vec<((i64, i64, i64), SignIn)> = Vec::new();
    let mut undated = Vec::new();
    for r in recorded {
        let sign_in = SignIn {
            at: r.at.clone(),
            device: r.device.clone(),
            current: r.session_id == current_id,
            active: r.active,
        };
        match parse_rfc3339_utc(&r.at) {
            Some(t) if t >= since => dated.push(((t, 1, r.seq), sign_in)),
            Some(_) => {}
            None => undated.push(sign_in),
        }
    }
    for (i, f) in fixture.iter().enumerate() {
        let sign_in = SignIn {
            at: f.at.clone(),
            device: f.device.clone(),
            current: false,
            active: f.active && !signed_out_elsewhere,
        };
        match f.at_seconds {
            Some(t) if t >= since => dated.push(((t, 0, -(i as i64)), sign_in)),
            Some(_) => {}
            None => undated.push(sign_in),
        }
    }
    dated.sort_by_key(|(key, _)| std::cmp::Reverse(*key));
    dated
        .into_iter()
        .map(|(_, s)| s)
        .chain(undated)
        .take(SIGN_INS_MAX)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const NOW: i64 = 1_793_613_600; // 2026-11-02T10:00:00Z

    fn recorded(seq: i64, at: &str, session: &str, active: bool) -> SignInRecord {
        SignInRecord {
            seq,
            at: at.to_owned(),
            device: format!("device {seq}"),
            session_id: session.to_owned(),
            active,
        }
    }

    fn fixture(ago_seconds: Option<i64>, device: &str, active: bool) -> FixtureSignIn {
        let at = ago_seconds.map_or("not a date".to_owned(), |s| {
            record_access_contract::uk_time::format_rfc3339_utc(NOW - s)
        });
        FixtureSignIn {
            at_seconds: parse_rfc3339_utc(&at),
            at,
            device: device.to_owned(),
            active,
        }
    }

    fn devices(list: &[SignIn]) -> Vec<&str> {
        list.iter().map(|s| s.device.as_str()).collect()
    }

    #[test]
    fn newest_first_current_marked_and_the_files_active_until_signed_out_elsewhere() {
        assert_eq!(
            record_access_contract::uk_time::format_rfc3339_utc(NOW),
            "2026-11-02T10:00:00Z"
        );
        let now = "2026-11-02T10:00:00Z";
        let rec = [
            recorded(2, now, "mine", true),
            recorded(1, now, "old", false),
        ];
        let file = [
            fixture(Some(3 * 86_400), "Chrome on Android", true),
            fixture(Some(86_400), "Safari on iPhone", false),
            fixture(Some(0), "Same time as now", false),
        ];
        let list = recent(&rec, &file, "mine", false, NOW);
        assert_eq!(
            devices(&list),
            [
                "device 2",
                "device 1",
                "Same time as now",
                "Safari on iPhone",
                "Chrome on Android"
            ]
        );
        assert!(list[0].current && list[0].active);
        assert!(!list[1].current && !list[1].active);
        assert!(list[4].active && !list[4].current);

        let list = recent(&rec, &file, "mine", true, NOW);
        assert!(!list[4].active);
        assert!(list[0].active, "this session stays");
    }

    #[test]
    fn the_last_30_days_at_most_20_and_undated_ones_last() {
        let file: Vec<FixtureSignIn> = [
            fixture(None, "Bad date", false),
            fixture(Some(30 * 86_400), "Exactly 30 days", false),
            fixture(Some(30 * 86_400 + 1), "Too old", false),
        ]
        .into_iter()
        .collect();
        let list = recent(&[], &file, "x", false, NOW);
        assert_eq!(devices(&list), ["Exactly 30 days", "Bad date"]);
        assert_eq!(list[1].at, "not a date");

        let rec: Vec<SignInRecord> = (1..=25)
            .map(|i| recorded(i, "2026-11-02T10:00:00Z", &format!("s{i}"), true))
            .collect();
        let list = recent(&rec, &file, "s25", false, NOW);
        assert_eq!(list.len(), SIGN_INS_MAX);
        assert_eq!(list[0].device, "device 25");
        assert!(list[0].current);
        assert_eq!(list[19].device, "device 6");
    }
}
