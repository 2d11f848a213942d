//! The `buckets` and `faults` tables: what each preview browser chose (its
//! scenario), how many reference numbers it was given, and the faults
//! injected into its requests. Also the reset that forgets a preview
//! browser in every table.

use rusqlite::{params, OptionalExtension};

use super::{StoreError, Tx};
use crate::fault::{Fault, FaultRule};

/// The bucket of requests that carry no preview cookie (and of every
/// request when the control API is off).
pub const DEFAULT_BUCKET: &str = "default";

/// A fault rule and how many more requests it applies to.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct ActiveFault {
    #[serde(flatten)]
    pub rule: FaultRule,
    pub remaining: Option<u32>,
}

/// The tables that hold rows per preview browser, which a reset empties
/// (sessions are ended first, so that they are counted).
const BUCKET_TABLES: [&str; 11] = [
    "buckets",
    "access_disabled",
    "idempotency",
    "faults",
    "events",
    "proxy_removals",
    "sign_ins",
    "signed_out_elsewhere",
    "preferences",
    "released_earlier",
    "opened_entries",
];

impl Tx<'_> {
    /// Makes sure the bucket has its row.
    fn ensure_bucket(&mut self, bucket: &str) {
        self.exec(
            "INSERT INTO buckets (bucket) VALUES (?1) ON CONFLICT (bucket) DO NOTHING",
            [bucket],
        );
    }

    /// The scenario a preview browser chose.
    pub fn chosen_scenario(&mut self, bucket: &str) -> Option<String> {
        self.step(|db, _| {
            Ok(db
                .query_row(
                    "SELECT scenario FROM buckets WHERE bucket = ?1",
                    [bucket],
                    |r| r.get(0),
                )
                .optional()?
                .flatten())
        })
    }

    pub fn choose_scenario(&mut self, bucket: &str, scenario: &str) {
        self.ensure_bucket(bucket);
        self.exec(
            "UPDATE buckets SET scenario = ?2 WHERE bucket = ?1",
            [bucket, scenario],
        );
    }

    /// A new reference number for this preview browser.
    pub fn next_reference(&mut self, bucket: &str) -> String {
        let n: i64 = self.step(|db, _| {
            Ok(db.query_row(
                "INSERT INTO buckets (bucket, references_issued) VALUES (?1, 1) \
                 ON CONFLICT (bucket) DO UPDATE SET references_issued = references_issued + 1 \
                 RETURNING references_issued",
                [bucket],
                |r| r.get(0),
            )?)
        });
        crate::reference::reference(u64::try_from(n).unwrap_or(0))
    }

    pub fn add_fault(&mut self, bucket: &str, rule: FaultRule) {
        let remaining = rule.times;
        let Ok(json) = serde_json::to_string(&rule) else {
            self.fail("a fault rule cannot be written");
            return;
        };
        self.exec(
            "INSERT INTO faults (bucket, rule, remaining) VALUES (?1, ?2, ?3)",
            params![bucket, json, remaining],
        );
    }

    pub fn clear_faults(&mut self, bucket: &str) {
        self.exec("DELETE FROM faults WHERE bucket = ?1", [bucket]);
    }

    /// The bucket's faults with their row ids, in the order they apply.
    fn fault_rows(&mut self, bucket: &str) -> Vec<(i64, ActiveFault)> {
        self.step(|db, _| {
            let mut stmt =
                db.prepare("SELECT id, rule, remaining FROM faults WHERE bucket = ?1 ORDER BY id")?;
            let rows = stmt.query_map([bucket], |r| {
                Ok((
                    r.get::<_, i64>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, Option<u32>>(2)?,
                ))
            })?;
            let mut out = Vec::new();
            for row in rows {
                let (id, rule, remaining) = row?;
                let rule = serde_json::from_str(&rule)
                    .map_err(|e| StoreError::unreadable("fault rule", e))?;
                out.push((id, ActiveFault { rule, remaining }));
            }
            Ok(out)
        })
    }

    pub fn faults(&mut self, bucket: &str) -> Vec<ActiveFault> {
        self.fault_rows(bucket)
            .into_iter()
            .map(|(_, f)| f)
            .collect()
    }

    /// The first fault that applies to this request, used up by one.
    pub fn take_fault(&mut self, bucket: &str, method: &str, path: &str) -> Option<Fault> {
        let (id, active) = self
            .fault_rows(bucket)
            .into_iter()
            .find(|(_, f)| f.rule.matches(method, path))?;
        match active.remaining {
            Some(n) if n <= 1 => self.exec("DELETE FROM faults WHERE id = ?1", [id]),
            Some(n) => self.exec(
                "UPDATE faults SET remaining = ?2 WHERE id = ?1",
                params![id, n - 1],
            ),
            None => {}
        }
        Some(active.rule.fault)
    }

    /// Forgets everything about a preview browser and ends its sessions.
    pub fn reset(&mut self, bucket: &str) {
        self.end_bucket_sessions(bucket);
        for table in BUCKET_TABLES {
            self.exec(&format!("DELETE FROM {table} WHERE bucket = ?1"), [bucket]);
        }
    }
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use super::*;
    use crate::store::test_support::temp_store;
    use crate::store::{Endpoint, EventKind, IdempotencyRecord};

    #[test]
    fn faults_are_used_up() {
        let (store, _) = temp_store();
        let rule: FaultRule = serde_json::from_str(
            r#"{"method":"GET","path":"/api/*","fault":{"kind":"drop"},"times":2}"#,
        )
        .unwrap();
        store
            .transaction(|tx| {
                tx.add_fault("b", rule);
                assert!(tx.take_fault("other", "GET", "/api/x").is_none());
                assert!(tx.take_fault("b", "GET", "/api/x").is_some());
                assert_eq!(tx.faults("b")[0].remaining, Some(1));
                assert!(tx.take_fault("b", "GET", "/api/x").is_some());
                assert!(tx.take_fault("b", "GET", "/api/x").is_none());
                assert!(tx.faults("b").is_empty());
            })
            .unwrap();
    }

    #[test]
    fn references_count_per_bucket() {
        let (store, _) = temp_store();
        store
            .transaction(|tx| {
                assert_eq!(tx.next_reference("b1"), crate::reference::reference(1));
                assert_eq!(tx.next_reference("b1"), crate::reference::reference(2));
                assert_eq!(tx.next_reference("b2"), crate::reference::reference(1));
                tx.choose_scenario("b1", "long-record");
                assert_eq!(tx.next_reference("b1"), crate::reference::reference(3));
                assert_eq!(tx.chosen_scenario("b1").as_deref(), Some("long-record"));
                assert_eq!(tx.chosen_scenario("b2"), None);
            })
            .unwrap();
    }

    #[test]
    fn reset_forgets_a_bucket_only() {
        let (store, _) = temp_store();
        let record = IdempotencyRecord {
            request: serde_json::json!({}),
            status: 200,
            response: serde_json::json!({}),
        };
        store
            .transaction(|tx| {
                tx.create_session("a", "b1", "typical", Duration::from_secs(60));
                tx.create_session("c", "b2", "typical", Duration::from_secs(60));
                tx.choose_scenario("b1", "long-record");
                tx.set_disabled("b1", "typical", "RA-00000000");
                tx.set_disabled("b2", "typical", "RA-00000001");
                tx.put_idempotency("b1", Endpoint::Disable, "k", record);
                tx.record("b1", EventKind::KeepAlive);
                tx.next_reference("b1");
                tx.reset("b1");
                assert!(tx.touch_session("a").is_none());
                assert!(tx.touch_session("c").is_some());
                assert_eq!(tx.chosen_scenario("b1"), None);
                assert_eq!(tx.disabled_reference("b1", "typical", None), None);
                assert_eq!(
                    tx.disabled_reference("b2", "typical", None).as_deref(),
                    Some("RA-00000001")
                );
                assert_eq!(tx.idempotency("b1", Endpoint::Disable, "k"), None);
                assert!(tx.events("b1").is_empty());
                assert_eq!(tx.next_reference("b1"), crate::reference::reference(1));
            })
            .unwrap();
    }
}
