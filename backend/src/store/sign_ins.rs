//! The `sign_ins` and `signed_out_elsewhere` tables: each sign-in through
//! `/auth/login` with the session it started, and the patients who signed
//! out everywhere else (which also ends the sign-ins their scenario file
//! describes as still signed in).

use rusqlite::params;

use super::Tx;
use record_access_contract::SIGN_INS_MAX;

/// A sign-in kept in the store.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SignInRecord {
    /// Grows with every sign-in: orders sign-ins made at the same `at`.
    pub seq: i64,
    /// RFC 3339, on the fixed clock.
    pub at: String,
    pub device: String,
    /// The session it started. Never sent: the API says `current` instead.
    pub session_id: String,
    /// That session is still live (not ended, not past its idle timeout).
    pub active: bool,
}

impl Tx<'_> {
    /// Notes a sign-in of this patient and the session it started. Only the
    /// newest [`SIGN_INS_MAX`] of each patient are kept: no more are ever
    /// listed.
    pub fn record_sign_in(
        &mut self,
        bucket: &str,
        scenario: &str,
        session_id: &str,
        at: &str,
        device: &str,
    ) {
        self.exec(
            "INSERT INTO sign_ins (bucket, scenario, session_id, at, device) \
             VALUES (?1, ?2, ?3, ?4, ?5)",
            params![bucket, scenario, session_id, at, device],
        );
        let keep = i64::try_from(SIGN_INS_MAX).unwrap_or(i64::MAX);
        self.exec(
            "DELETE FROM sign_ins WHERE bucket = ?1 AND scenario = ?2 AND seq NOT IN \
             (SELECT seq FROM sign_ins WHERE bucket = ?1 AND scenario = ?2 \
              ORDER BY seq DESC LIMIT ?3)",
            params![bucket, scenario, keep],
        );
    }

    /// This patient's sign-ins, newest first, with whether each one's
    /// session is still live.
    pub fn sign_ins(&mut self, bucket: &str, scenario: &str) -> Vec<SignInRecord> {
        self.step(|db, now| {
            let mut stmt = db.prepare(
                "SELECT s.seq, s.at, s.device, s.session_id, \
                        x.id IS NOT NULL AND ?3 - x.last_seen_ms < x.idle_timeout_ms \
                 FROM sign_ins s LEFT JOIN sessions x ON x.id = s.session_id \
                 WHERE s.bucket = ?1 AND s.scenario = ?2 ORDER BY s.seq DESC",
            )?;
            let rows = stmt.query_map(params![bucket, scenario, now], |r| {
                Ok(SignInRecord {
                    seq: r.get(0)?,
                    at: r.get(1)?,
                    device: r.get(2)?,
                    session_id: r.get(3)?,
                    active: r.get(4)?,
                })
            })?;
            Ok(rows.collect::<Result<Vec<_>, _>>()?)
        })
    }

    /// Notes that this patient signed out everywhere else.
    pub fn set_signed_out_elsewhere(&mut self, bucket: &str, scenario: &str) {
        self.exec(
            "INSERT OR IGNORE INTO signed_out_elsewhere (bucket, scenario) VALUES (?1, ?2)",
            [bucket, scenario],
        );
    }

    /// Whether this patient signed out everywhere else.
    pub fn signed_out_elsewhere(&mut self, bucket: &str, scenario: &str) -> bool {
        self.step(|db, _| {
            Ok(db.query_row(
                "SELECT EXISTS (SELECT 1 FROM signed_out_elsewhere \
                 WHERE bucket = ?1 AND scenario = ?2)",
                [bucket, scenario],
                |r| r.get(0),
            )?)
        })
    }
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use crate::store::test_support::temp_store;

    const AT: &str = "2026-11-02T10:00:00Z";

    #[test]
    fn sign_ins_newest_first_with_their_sessions_state() {
        let (store, clock) = temp_store();
        store
            .transaction(|tx| {
                tx.create_session("s1", "b", "typical", Duration::from_secs(60));
                tx.record_sign_in("b", "typical", "s1", AT, "Firefox on Windows");
                tx.create_session("s2", "b", "typical", Duration::from_secs(600));
                tx.record_sign_in("b", "typical", "s2", AT, "Chrome on Android");
                tx.create_session("s3", "b", "typical", Duration::from_secs(600));
                tx.record_sign_in("b", "typical", "s3", AT, "Safari on iPhone");
                tx.record_sign_in("b", "new-access", "s9", AT, "Elsewhere");
                tx.end_session("s3");
            })
            .unwrap();
        clock.advance(61_000);
        store
            .transaction(|tx| {
                let got: Vec<(String, String, bool)> = tx
                    .sign_ins("b", "typical")
                    .into_iter()
                    .map(|s| (s.session_id, s.device, s.active))
                    .collect();
                assert_eq!(
                    got,
                    [
                        // Ended.
                        ("s3".to_owned(), "Safari on iPhone".to_owned(), false),
                        ("s2".to_owned(), "Chrome on Android".to_owned(), true),
                        // Past its idle timeout.
                        ("s1".to_owned(), "Firefox on Windows".to_owned(), false),
                    ]
                );
                assert!(tx.sign_ins("other", "typical").is_empty());
            })
            .unwrap();
    }

    #[test]
    fn only_the_newest_are_kept() {
        let (store, _) = temp_store();
        store
            .transaction(|tx| {
                for i in 0..25 {
                    tx.record_sign_in("b", "typical", &format!("s{i}"), AT, "Firefox on Linux");
                }
                let got = tx.sign_ins("b", "typical");
                assert_eq!(got.len(), super::SIGN_INS_MAX);
                assert_eq!(got[0].session_id, "s24");
                assert_eq!(got.last().unwrap().session_id, "s5");
            })
            .unwrap();
    }

    #[test]
    fn signing_out_elsewhere_is_kept_per_patient_until_a_reset() {
        let (store, _) = temp_store();
        store
            .transaction(|tx| {
                assert!(!tx.signed_out_elsewhere("b", "typical"));
                tx.set_signed_out_elsewhere("b", "typical");
                tx.set_signed_out_elsewhere("b", "typical");
                assert!(tx.signed_out_elsewhere("b", "typical"));
                assert!(!tx.signed_out_elsewhere("b", "access-off"));
                assert!(!tx.signed_out_elsewhere("other", "typical"));
                tx.record_sign_in("b", "typical", "s", AT, "Firefox on Linux");
                tx.reset("b");
                assert!(!tx.signed_out_elsewhere("b", "typical"));
                assert!(tx.sign_ins("b", "typical").is_empty());
            })
            .unwrap();
    }
}
