//! Everything the backend remembers between requests: sessions, preview
//! browsers' choices and faults, patients' access state, idempotency
//! records and the audit list.
//!
//! It is kept in SQLite: in the file given by `--store`, so that a restart
//! of the backend loses nothing (a signed-in browser stays signed in, a
//! retried submission gets its first answer), or without it in a private
//! temporary database that goes with the process, so that every run starts
//! empty. [`schema`] has the tables.
//!
//! All access goes through [`Store::transaction`]: each request's reads and
//! writes are one SQLite transaction, one at a time, so a double click
//! cannot turn access off twice, and a change is committed before its
//! answer is sent (it survives the process being killed; with
//! `synchronous = NORMAL` a power cut may lose the last moments).
//!
//! A failed statement marks the transaction failed: the rest of it does
//! nothing (reads find nothing), it is rolled back and `transaction`
//! returns the error, which handlers answer with a 500. So an answer is
//! never sent for a change that was not kept.
//!
//! Times are wall-clock milliseconds since the Unix epoch (see
//! [`WallClock`]), so idle timeouts and the 24 hours of an idempotency key
//! go on counting while the backend is stopped.

mod events;
mod idempotency;
mod schema;
mod session;

use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;

use rusqlite::{params, Connection, OptionalExtension, TransactionBehavior};

pub use events::{EndSource, Event, EventKind};
pub use idempotency::{Endpoint, IdempotencyRecord};
pub use session::SessionRecord;

use crate::clock::WallClock;
use crate::fault::{Fault, FaultRule};
use idempotency::{is_fresh, RETENTION_MS};

/// The bucket of requests that carry no preview cookie (and of every
/// request when the control API is off).
pub const DEFAULT_BUCKET: &str = "default";

/// Why the store could not be opened or a transaction failed: one line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoreError(String);

impl StoreError {
    pub fn new(message: impl Into<String>) -> StoreError {
        let message: String = message.into();
        StoreError(message.lines().collect::<Vec<_>>().join("; "))
    }

    fn unreadable(what: &str, e: serde_json::Error) -> StoreError {
        StoreError::new(format!("a stored {what} cannot be read: {e}"))
    }
}

impl fmt::Display for StoreError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for StoreError {}

impl From<rusqlite::Error> for StoreError {
    fn from(e: rusqlite::Error) -> StoreError {
        StoreError::new(e.to_string())
    }
}

/// The store. Cheap to share behind an `Arc`.
#[derive(Debug)]
pub struct Store {
    db: Mutex<Connection>,
    clock: Arc<dyn WallClock>,
    /// The file, for messages; `None` for a temporary store.
    path: Option<PathBuf>,
}

impl Store {
    /// Opens (or creates) the store in this file, or a temporary one, and
    /// forgets sessions and idempotency records that ran out while the
    /// backend was stopped.
    pub fn open(path: Option<&Path>, clock: Arc<dyn WallClock>) -> Result<Store, StoreError> {
        let store = Store {
            db: Mutex::new(schema::open(path)?),
            clock,
            path: path.map(Path::to_owned),
        };
        store.transaction(|tx| tx.forget_expired())?;
        Ok(store)
    }

    /// Runs `f` as one transaction with exclusive access to the store, and
    /// commits what it did. When a statement failed, everything `f` did is
    /// rolled back and the failure is returned (and reported on stderr)
    /// instead of `f`'s result.
    pub fn transaction<R>(&self, f: impl FnOnce(&mut Tx<'_>) -> R) -> Result<R, StoreError> {
        let outcome = self.run(f);
        if let Err(e) = &outcome {
            match &self.path {
                Some(p) => eprintln!("reference-backend: store {}: {e}", p.display()),
                None => eprintln!("reference-backend: store: {e}"),
            }
        }
        outcome
    }

    fn run<R>(&self, f: impl FnOnce(&mut Tx<'_>) -> R) -> Result<R, StoreError> {
        // A panic inside a transaction rolled it back (the SQLite
        // transaction's drop does), so the connection is fine to go on with.
        let mut db = self.db.lock().unwrap_or_else(PoisonError::into_inner);
        let sql = db.transaction_with_behavior(TransactionBehavior::Immediate)?;
        let mut tx = Tx {
            db: &sql,
            now: self.clock.now_ms(),
            failed: None,
        };
        let out = f(&mut tx);
        match tx.failed {
            None => {
                sql.commit()?;
                Ok(out)
            }
            // Dropping `sql` rolls back.
            Some(e) => Err(e),
        }
    }
}

/// The store's contents, seen from inside a transaction.
pub struct Tx<'c> {
    db: &'c Connection,
    /// The wall clock when the transaction began.
    now: i64,
    failed: Option<StoreError>,
}

/// A fault rule and how many more requests it applies to.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct ActiveFault {
    #[serde(flatten)]
    pub rule: FaultRule,
    pub remaining: Option<u32>,
}

impl Tx<'_> {
    /// Runs one step of the transaction. After a failed step every later
    /// one is skipped and gives `T::default()`: the transaction is rolled
    /// back anyway.
    fn step<T: Default>(&mut self, f: impl FnOnce(&Connection, i64) -> Result<T, StoreError>) -> T {
        if self.failed.is_some() {
            return T::default();
        }
        match f(self.db, self.now) {
            Ok(v) => v,
            Err(e) => {
                self.failed = Some(e);
                T::default()
            }
        }
    }

    /// Runs statements that return nothing.
    fn exec(&mut self, sql: &str, params: impl rusqlite::Params) {
        self.step(|db, _| {
            db.execute(sql, params)?;
            Ok(())
        });
    }

    /// Forgets sessions past their idle timeout and idempotency records
    /// past 24 hours.
    fn forget_expired(&mut self) {
        let now = self.now;
        self.exec(
            "DELETE FROM sessions WHERE ?1 - last_seen_ms >= idle_timeout_ms",
            [now],
        );
        self.exec(
            "DELETE FROM idempotency WHERE ?1 - created_ms >= ?2",
            [now, RETENTION_MS],
        );
    }

    /// Makes sure the bucket has its row.
    fn ensure_bucket(&mut self, bucket: &str) {
        self.exec(
            "INSERT INTO buckets (bucket) VALUES (?1) ON CONFLICT (bucket) DO NOTHING",
            [bucket],
        );
    }

    // ---------------------------------------------------------- sessions

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
        self.exec(
            "DELETE FROM sessions WHERE ?1 - last_seen_ms >= idle_timeout_ms",
            [now],
        );
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

    /// Marks the pressure warning answered for this session.
    pub fn acknowledge(&mut self, id: &str) {
        self.exec("UPDATE sessions SET acknowledged = 1 WHERE id = ?1", [id]);
    }

    // ----------------------------------------------------- patient state

    /// The reference of the request that turned this patient's access off,
    /// when it is off. `initial` is the scenario file's value.
    pub fn disabled_reference(
        &mut self,
        bucket: &str,
        scenario: &str,
        initial: Option<&str>,
    ) -> Option<String> {
        let stored: Option<String> = self.step(|db, _| {
            Ok(db
                .query_row(
                    "SELECT reference FROM access_disabled WHERE bucket = ?1 AND scenario = ?2",
                    [bucket, scenario],
                    |r| r.get(0),
                )
                .optional()?)
        });
        stored.or_else(|| initial.map(str::to_owned))
    }

    pub fn set_disabled(&mut self, bucket: &str, scenario: &str, reference: &str) {
        self.exec(
            "INSERT OR REPLACE INTO access_disabled (bucket, scenario, reference) \
             VALUES (?1, ?2, ?3)",
            [bucket, scenario, reference],
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

    // ------------------------------------------------------- idempotency

    /// The record for a key, if it is less than 24 hours old.
    pub fn idempotency(
        &mut self,
        bucket: &str,
        endpoint: Endpoint,
        key: &str,
    ) -> Option<IdempotencyRecord> {
        let row: Option<(String, u16, String, i64)> = self.step(|db, _| {
            Ok(db
                .query_row(
                    "SELECT request, status, response, created_ms FROM idempotency \
                     WHERE bucket = ?1 AND endpoint = ?2 AND key = ?3",
                    [bucket, endpoint.as_str(), key],
                    |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
                )
                .optional()?)
        });
        let (request, status, response, created) = row?;
        if !is_fresh(created, self.now) {
            self.exec(
                "DELETE FROM idempotency WHERE bucket = ?1 AND endpoint = ?2 AND key = ?3",
                [bucket, endpoint.as_str(), key],
            );
            return None;
        }
        self.step(|_, _| {
            let parse = |text: &str| {
                serde_json::from_str(text)
                    .map_err(|e| StoreError::unreadable("idempotency record", e))
            };
            Ok(Some(IdempotencyRecord {
                request: parse(&request)?,
                status,
                response: parse(&response)?,
            }))
        })
    }

    pub fn put_idempotency(
        &mut self,
        bucket: &str,
        endpoint: Endpoint,
        key: &str,
        record: IdempotencyRecord,
    ) {
        let now = self.now;
        self.exec(
            "DELETE FROM idempotency WHERE ?1 - created_ms >= ?2",
            [now, RETENTION_MS],
        );
        self.exec(
            "INSERT OR REPLACE INTO idempotency \
             (bucket, endpoint, key, request, status, response, created_ms) \
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            params![
                bucket,
                endpoint.as_str(),
                key,
                record.request.to_string(),
                record.status,
                record.response.to_string(),
                now
            ],
        );
    }

    // ----------------------------------------------------------- preview

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

    pub fn add_fault(&mut self, bucket: &str, rule: FaultRule) {
        let remaining = rule.times;
        let Ok(json) = serde_json::to_string(&rule) else {
            self.failed = Some(StoreError::new("a fault rule cannot be written"));
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
        for table in [
            "buckets",
            "access_disabled",
            "idempotency",
            "faults",
            "events",
        ] {
            self.exec(&format!("DELETE FROM {table} WHERE bucket = ?1"), [bucket]);
        }
    }

    // ------------------------------------------------------------- audit

    pub fn record(&mut self, bucket: &str, kind: EventKind) {
        let Ok(json) = serde_json::to_string(&kind) else {
            self.failed = Some(StoreError::new("an audit event cannot be written"));
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
    use std::sync::atomic::{AtomicI64, Ordering};

    use super::*;

    /// A wall clock the test moves by hand.
    #[derive(Debug, Default)]
    struct HandClock(AtomicI64);

    impl HandClock {
        fn advance(&self, ms: i64) {
            self.0.fetch_add(ms, Ordering::SeqCst);
        }
    }

    impl WallClock for HandClock {
        fn now_ms(&self) -> i64 {
            self.0.load(Ordering::SeqCst)
        }
    }

    fn temp_store() -> (Store, Arc<HandClock>) {
        let clock = Arc::new(HandClock(AtomicI64::new(1_800_000_000_000)));
        (Store::open(None, clock.clone()).unwrap(), clock)
    }

    /// A fresh directory for store files.
    fn temp_dir(tag: &str) -> PathBuf {
        let d = std::env::temp_dir().join(format!(
            "ra-store-{tag}-{}-{}",
            std::process::id(),
            crate::random::token(6)
        ));
        std::fs::create_dir_all(&d).unwrap();
        d
    }

    fn record(n: u16) -> IdempotencyRecord {
        IdempotencyRecord {
            request: serde_json::json!({"n": n}),
            status: n,
            response: serde_json::json!({"reference": format!("R{n}")}),
        }
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

    #[test]
    fn idempotency_records_are_kept_for_24_hours() {
        let (store, clock) = temp_store();
        store
            .transaction(|tx| {
                tx.put_idempotency("b", Endpoint::Disable, "k", record(200));
                assert_eq!(
                    tx.idempotency("b", Endpoint::Disable, "k"),
                    Some(record(200))
                );
                // Per endpoint and per bucket.
                assert_eq!(tx.idempotency("b", Endpoint::RedactionRequest, "k"), None);
                assert_eq!(tx.idempotency("other", Endpoint::Disable, "k"), None);
            })
            .unwrap();
        clock.advance(RETENTION_MS - 1);
        store
            .transaction(|tx| assert!(tx.idempotency("b", Endpoint::Disable, "k").is_some()))
            .unwrap();
        clock.advance(1);
        store
            .transaction(|tx| assert!(tx.idempotency("b", Endpoint::Disable, "k").is_none()))
            .unwrap();
    }

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
        store
            .transaction(|tx| {
                tx.create_session("a", "b1", "typical", Duration::from_secs(60));
                tx.create_session("c", "b2", "typical", Duration::from_secs(60));
                tx.choose_scenario("b1", "long-record");
                tx.set_disabled("b1", "typical", "RA-00000000");
                tx.set_disabled("b2", "typical", "RA-00000001");
                tx.put_idempotency("b1", Endpoint::Disable, "k", record(200));
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
    fn a_failed_statement_rolls_the_whole_transaction_back() {
        let (store, _) = temp_store();
        let outcome = store.transaction(|tx| {
            tx.set_disabled("b", "typical", "RA-00000000");
            tx.exec("INSERT INTO no_such_table VALUES (1)", []);
            // Skipped after the failure.
            tx.disabled_reference("b", "typical", None)
        });
        assert!(outcome.unwrap_err().to_string().contains("no_such_table"));
        store
            .transaction(|tx| assert_eq!(tx.disabled_reference("b", "typical", None), None))
            .unwrap();
    }

    #[test]
    fn a_file_store_keeps_everything_across_a_reopen() {
        let dir = temp_dir("reopen");
        let path = dir.join("store.sqlite3");
        let clock = Arc::new(HandClock(AtomicI64::new(1_800_000_000_000)));
        let store = Store::open(Some(&path), clock.clone()).unwrap();
        store
            .transaction(|tx| {
                tx.create_session("live", "b", "typical", Duration::from_secs(600));
                tx.create_session("short", "b", "typical", Duration::from_secs(1));
                tx.acknowledge("live");
                tx.set_disabled("b", "typical", "RA-00000000");
                tx.put_idempotency("b", Endpoint::Disable, "k", record(200));
                tx.choose_scenario("b", "long-record");
                tx.record("b", EventKind::KeepAlive);
            })
            .unwrap();
        drop(store);
        clock.advance(2_000);
        let store = Store::open(Some(&path), clock).unwrap();
        store
            .transaction(|tx| {
                let s = tx.touch_session("live").unwrap();
                assert!(s.acknowledged);
                assert_eq!(s.idle_timeout, Duration::from_secs(600));
                // Idle past its timeout while the store was closed.
                assert!(tx.touch_session("short").is_none());
                assert_eq!(
                    tx.disabled_reference("b", "typical", None).as_deref(),
                    Some("RA-00000000")
                );
                assert_eq!(
                    tx.idempotency("b", Endpoint::Disable, "k"),
                    Some(record(200))
                );
                assert_eq!(tx.chosen_scenario("b").as_deref(), Some("long-record"));
                assert_eq!(tx.events("b").len(), 1);
            })
            .unwrap();
        drop(store);
        std::fs::remove_dir_all(dir).unwrap();
    }

    #[test]
    fn files_that_are_not_a_store_are_refused() {
        let dir = temp_dir("refused");
        let clock: Arc<dyn WallClock> = Arc::new(HandClock::default());
        let open = |p: &Path| Store::open(Some(p), clock.clone()).map(|_| ()).unwrap_err();

        let garbage = dir.join("garbage.sqlite3");
        std::fs::write(&garbage, "not a database\n".repeat(200)).unwrap();
        assert!(open(&garbage).to_string().contains("not a database"));

        let other = dir.join("other.sqlite3");
        Connection::open(&other)
            .unwrap()
            .execute_batch("CREATE TABLE notes (text TEXT)")
            .unwrap();
        assert!(open(&other).to_string().contains("some other program"));

        let newer = dir.join("newer.sqlite3");
        drop(Store::open(Some(&newer), clock.clone()).unwrap());
        Connection::open(&newer)
            .unwrap()
            .execute_batch("PRAGMA user_version = 99")
            .unwrap();
        assert!(open(&newer).to_string().contains("another version"));

        assert!(open(&dir).to_string().contains("folder"));
        assert!(open(&dir.join("missing/store.sqlite3"))
            .to_string()
            .contains("does not exist"));
        for e in [open(&garbage), open(&other), open(&dir)] {
            assert!(!e.to_string().contains('\n'));
        }
        std::fs::remove_dir_all(dir).unwrap();
    }
}
