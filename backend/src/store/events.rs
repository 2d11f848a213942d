//! The `events` table, the audit list: what the backend saw each preview
//! browser do, in order.
//! Tests read it through `GET /__control/events` ("the backend saw the
//! session end with reason exit").

use record_access_contract::{DisableScope, EndReason, ResultsRelease, SafeguardingChoice};
use serde::{Deserialize, Serialize};

use super::{StoreError, Tx};

/// One audit event. `seq` grows across the whole server and never repeats,
/// even after a reset.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Event {
    pub seq: u64,
    #[serde(flatten)]
    pub kind: EventKind,
}

/// Kept in the store as the JSON it is listed as.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum EventKind {
    /// `/api/v1/auth/login` started a session for this scenario.
    SignIn {
        scenario: String,
    },
    /// A session was ended. `reason` is what the app sent (`null` for an
    /// empty beacon); `ended_session` is false when there was no live
    /// session to end.
    SessionEnd {
        reason: Option<EndReason>,
        source: EndSource,
        ended_session: bool,
    },
    /// A session ran past its idle timeout and was found so.
    SessionExpired,
    /// The pressure warning's choice.
    Acknowledgement {
        choice: SafeguardingChoice,
    },
    KeepAlive,
    AccessDisabled {
        scope: DisableScope,
        reference: String,
    },
    RedactionRequest {
        entry_id: String,
        reference: String,
    },
    /// The patient asked the GP surgery to remove a proxy's access.
    ProxyRemovalRequest {
        proxy_id: String,
        reference: String,
    },
    /// The patient signed out everywhere else; `sessions_ended` is how
    /// many live sessions that ended.
    OtherSessionsEnded {
        sessions_ended: usize,
    },
    /// The patient chose when new test results are released to them.
    ResultsReleaseChanged {
        results_release: ResultsRelease,
    },
    /// The patient opened an entry (a new test result).
    ResultOpened {
        entry_id: String,
    },
}

/// What ended a session.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EndSource {
    /// `POST /api/v1/session/end`.
    Api,
    /// `GET /api/v1/auth/exit`.
    AuthExit,
    /// A new sign-in replaced the browser's session.
    SignIn,
    /// The preview chose another scenario.
    ScenarioChange,
    /// The patient disabled their NHS login.
    NhsLoginDisabled,
}

impl Tx<'_> {
    pub fn record(&mut self, bucket: &str, kind: EventKind) {
        let Ok(json) = serde_json::to_string(&kind) else {
            self.fail("an audit event cannot be written");
            return;
        };
        self.exec(
            "INSERT INTO events (bucket, event) VALUES (?1, ?2)",
            [bucket, json.as_str()],
        );
    }

    pub fn events(&mut self, bucket: &str) -> Vec<Event> {
        self.step(|db, _| {
            let mut stmt =
                db.prepare("SELECT seq, event FROM events WHERE bucket = ?1 ORDER BY seq")?;
            let rows = stmt.query_map([bucket], |r| {
                Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?))
            })?;
            let mut out = Vec::new();
            for row in rows {
                let (seq, event) = row?;
                out.push(Event {
                    seq: u64::try_from(seq).unwrap_or(0),
                    kind: serde_json::from_str(&event)
                        .map_err(|e| StoreError::unreadable("audit event", e))?,
                });
            }
            Ok(out)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::test_support::temp_store;

    #[test]
    fn sequence_numbers_are_never_given_twice() {
        let (store, _) = temp_store();
        store
            .transaction(|tx| {
                tx.record("b", EventKind::KeepAlive);
                tx.record("b", EventKind::KeepAlive);
                tx.reset("b");
                tx.record("b", EventKind::KeepAlive);
                assert_eq!(tx.events("b")[0].seq, 3);
            })
            .unwrap();
    }

    #[test]
    fn events_are_listed_per_bucket_as_they_are_shown() {
        let (store, _) = temp_store();
        store
            .transaction(|tx| {
                tx.record(
                    "b",
                    EventKind::SignIn {
                        scenario: "typical".to_owned(),
                    },
                );
                tx.record("other", EventKind::KeepAlive);
                let events = tx.events("b");
                assert_eq!(events.len(), 1);
                assert_eq!(
                    serde_json::to_value(&events[0]).unwrap(),
                    serde_json::json!({"seq": 1, "type": "sign_in", "scenario": "typical"})
                );
            })
            .unwrap();
    }
}
