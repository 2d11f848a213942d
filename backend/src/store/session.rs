//! The `sessions` table: signed-in sessions, each under an id that only
//! its browser's cookie holds.

use std::time::Duration;

use rusqlite::{params, OptionalExtension};

use super::{EventKind, Tx};

/// A live session. The id is its key in the store, never kept here.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SessionRecord {
    /// The preview browser it belongs to.
    pub bucket: String,
    /// The scenario whose patient is signed in.
    pub scenario: String,
    /// Whether the pressure warning was answered with "continue".
    pub acknowledged: bool,
    pub idle_timeout: Duration,
    /// When the session was last used, in wall-clock milliseconds since the
    /// Unix epoch (see [`crate::clock::WallClock`]).
    pub last_seen_ms: i64,
}

impl SessionRecord {
    /// Ended by the idle timeout at `now_ms` on the wall clock. A clock
    /// that went back counts as no time passed.
    pub fn is_expired(&self, now_ms: i64) -> bool {
        now_ms.saturating_sub(self.last_seen_ms) >= self.idle_timeout_ms()
    }

    pub fn idle_timeout_ms(&self) -> i64 {
        i64::try_from(self.idle_timeout.as_millis()).unwrap_or(i64::MAX)
    }
}

impl Tx<'_> {
    /// Forgets sessions past their idle timeout.
    pub(super) fn forget_expired_sessions(&mut self) {
        let now = self.now;
        self.exec(
            "DELETE FROM sessions WHERE ?1 - last_seen_ms >= idle_timeout_ms",
            [now],
        );
    }

    /// Starts a session under this id.
    pub fn create_session(
        &mut self,
        id: &str,
        bucket: &str,
        scenario: &str,
        idle_timeout: Duration,
    ) {
        let now = self.now;
        let timeout = i64::try_from(idle_timeout.as_millis()).unwrap_or(i64::MAX);
        self.forget_expired_sessions();
        self.exec(
            "INSERT OR REPLACE INTO sessions \
             (id, bucket, scenario, acknowledged, idle_timeout_ms, last_seen_ms) \
             VALUES (?1, ?2, ?3, 0, ?4, ?5)",
            params![id, bucket, scenario, timeout, now],
        );
    }

    fn session(&mut self, id: &str) -> Option<SessionRecord> {
        self.step(|db, _| {
            Ok(db
                .query_row(
                    "SELECT bucket, scenario, acknowledged, idle_timeout_ms, last_seen_ms \
                     FROM sessions WHERE id = ?1",
                    [id],
                    |r| {
                        let timeout: i64 = r.get(3)?;
                        Ok(SessionRecord {
                            bucket: r.get(0)?,
                            scenario: r.get(1)?,
                            acknowledged: r.get(2)?,
                            idle_timeout: Duration::from_millis(
                                u64::try_from(timeout).unwrap_or(0),
                            ),
                            last_seen_ms: r.get(4)?,
                        })
                    },
                )
                .optional()?)
        })
    }

    /// The live session with this id, its idle time restarted. A session
    /// found expired is removed (and audited) and `None` returned.
    pub fn touch_session(&mut self, id: &str) -> Option<SessionRecord> {
        let mut s = self.session(id)?;
        let now = self.now;
        if s.is_expired(now) {
            self.exec("DELETE FROM sessions WHERE id = ?1", [id]);
            self.record(&s.bucket, EventKind::SessionExpired);
            return None;
        }
        self.exec(
            "UPDATE sessions SET last_seen_ms = ?2 WHERE id = ?1",
            params![id, now],
        );
        s.last_seen_ms = now;
        Some(s)
    }

    /// Ends a session; the record it had, if it was live.
    pub fn end_session(&mut self, id: &str) -> Option<SessionRecord> {
        let s = self.session(id)?;
        self.exec("DELETE FROM sessions WHERE id = ?1", [id]);
        (!s.is_expired(self.now)).then_some(s)
    }

    /// Ends every session of a preview browser; how many were live.
    pub fn end_bucket_sessions(&mut self, bucket: &str) -> usize {
        let live: i64 = self.step(|db, now| {
            Ok(db.query_row(
                "SELECT count(*) FROM sessions \
                 WHERE bucket = ?1 AND ?2 - last_seen_ms < idle_timeout_ms",
                params![bucket, now],
                |r| r.get(0),
            )?)
        });
        self.exec("DELETE FROM sessions WHERE bucket = ?1", [bucket]);
        usize::try_from(live).unwrap_or(0)
    }

    /// Ends every session of this patient (the same scenario in the same
    /// preview browser) except `keep`; how many were live.
    pub fn end_other_sessions(&mut self, bucket: &str, scenario: &str, keep: &str) -> usize {
        let live: i64 = self.step(|db, now| {
            Ok(db.query_row(
                "SELECT count(*) FROM sessions \
                 WHERE bucket = ?1 AND scenario = ?2 AND id <> ?3 \
                 AND ?4 - last_seen_ms < idle_timeout_ms",
                params![bucket, scenario, keep, now],
                |r| r.get(0),
            )?)
        });
        self.exec(
            "DELETE FROM sessions WHERE bucket = ?1 AND scenario = ?2 AND id <> ?3",
            params![bucket, scenario, keep],
        );
        usize::try_from(live).unwrap_or(0)
    }

    /// Marks the pressure warning answered for this session.
    pub fn acknowledge(&mut self, id: &str) {
        self.exec("UPDATE sessions SET acknowledged = 1 WHERE id = ?1", [id]);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::test_support::temp_store;

    #[test]
    fn expiry() {
        let s = SessionRecord {
            bucket: "b".to_owned(),
            scenario: "typical".to_owned(),
            acknowledged: false,
            idle_timeout: Duration::from_secs(600),
            last_seen_ms: 1_000_000,
        };
        assert!(!s.is_expired(1_000_000));
        assert!(!s.is_expired(1_599_999));
        assert!(s.is_expired(1_600_000));
        // The clock went back: not expired.
        assert!(!s.is_expired(0));
    }

    #[test]
    fn sessions_expire_on_the_wall_clock() {
        let (store, clock) = temp_store();
        store
            .transaction(|tx| {
                tx.create_session("a", "default", "typical", Duration::from_secs(30));
                assert!(tx.touch_session("a").is_some());
            })
            .unwrap();
        clock.advance(29_999);
        store
            .transaction(|tx| assert!(tx.touch_session("a").is_some()))
            .unwrap();
        clock.advance(30_000);
        store
            .transaction(|tx| {
                assert!(tx.touch_session("a").is_none());
                assert!(matches!(
                    tx.events("default")[0].kind,
                    EventKind::SessionExpired
                ));
                // Found expired once, then gone.
                assert!(tx.touch_session("a").is_none());
                assert_eq!(tx.events("default").len(), 1);
            })
            .unwrap();
    }

    #[test]
    fn ending_the_other_sessions_of_a_patient() {
        let (store, clock) = temp_store();
        store
            .transaction(|tx| {
                tx.create_session("mine", "b", "typical", Duration::from_secs(600));
                tx.create_session("other", "b", "typical", Duration::from_secs(600));
                tx.create_session("idle", "b", "typical", Duration::from_secs(1));
                tx.create_session("patient2", "b", "new-access", Duration::from_secs(600));
                tx.create_session("browser2", "b2", "typical", Duration::from_secs(600));
            })
            .unwrap();
        clock.advance(1_000);
        store
            .transaction(|tx| {
                // The idle one had already run out: one live session ended.
                assert_eq!(tx.end_other_sessions("b", "typical", "mine"), 1);
                assert!(tx.touch_session("mine").is_some());
                assert!(tx.touch_session("other").is_none());
                assert!(tx.touch_session("idle").is_none());
                assert!(tx.touch_session("patient2").is_some());
                assert!(tx.touch_session("browser2").is_some());
                // Again: nothing left to end.
                assert_eq!(tx.end_other_sessions("b", "typical", "mine"), 0);
                assert!(tx.touch_session("mine").is_some());
            })
            .unwrap();
    }

    #[test]
    fn a_session_keeps_its_acknowledgement_until_it_ends() {
        let (store, _) = temp_store();
        store
            .transaction(|tx| {
                tx.create_session("a", "b", "typical", Duration::from_secs(60));
                tx.acknowledge("a");
                assert!(tx.touch_session("a").unwrap().acknowledged);
                let ended = tx.end_session("a").unwrap();
                assert_eq!(ended.scenario, "typical");
                assert!(tx.touch_session("a").is_none());
                assert!(tx.end_session("a").is_none());
            })
            .unwrap();
    }
}
