//! Everything the backend remembers between requests, one module per
//! table: [`session`] (signed-in sessions), [`access`] (patients whose
//! access was turned off), [`idempotency`] (answers to keyed requests),
//! [`preview`] (preview browsers' choices, references and injected faults),
//! [`events`] (the audit list), [`proxies`] (requests to remove a proxy's
//! access), [`sign_ins`] (recent sign-ins, and signing out everywhere
//! else) and [`results`] (the patient's results release and the results
//! they opened).
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

mod access;
mod events;
mod idempotency;
mod preview;
mod proxies;
mod results;
mod schema;
mod session;
mod sign_ins;

use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, PoisonError};

use rusqlite::{Connection, TransactionBehavior};

pub use events::{EndSource, Event, EventKind};
pub use idempotency::{Endpoint, IdempotencyRecord};
pub use preview::{ActiveFault, DEFAULT_BUCKET};
pub use session::SessionRecord;
pub use sign_ins::SignInRecord;

use crate::clock::WallClock;

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
        store.transaction(|tx| {
            tx.forget_expired_sessions();
            tx.forget_expired_idempotency();
        })?;
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

/// The store's contents, seen from inside a transaction. Each table's
/// module adds the methods that read and write it.
pub struct Tx<'c> {
    db: &'c Connection,
    /// The wall clock when the transaction began.
    now: i64,
    failed: Option<StoreError>,
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

    /// Marks the transaction failed (it is rolled back) with this reason.
    fn fail(&mut self, message: &str) {
        if self.failed.is_none() {
            self.failed = Some(StoreError::new(message));
        }
    }
}

/// What the tests of every table share: a store on a clock moved by hand.
#[cfg(test)]
pub(crate) mod test_support {
    use std::path::PathBuf;
    use std::sync::atomic::{AtomicI64, Ordering};
    use std::sync::Arc;

    use super::Store;
    use crate::clock::WallClock;

    /// A wall clock the test moves by hand.
    #[derive(Debug, Default)]
    pub struct HandClock(pub AtomicI64);

    impl HandClock {
        pub fn advance(&self, ms: i64) {
            self.0.fetch_add(ms, Ordering::SeqCst);
        }
    }

    impl WallClock for HandClock {
        fn now_ms(&self) -> i64 {
            self.0.load(Ordering::SeqCst)
        }
    }

    /// When the tests' clocks start: January 2027.
    pub const START_MS: i64 = 1_800_000_000_000;

    pub fn temp_store() -> (Store, Arc<HandClock>) {
        let clock = Arc::new(HandClock(AtomicI64::new(START_MS)));
        (Store::open(None, clock.clone()).unwrap(), clock)
    }

    /// A fresh directory for store files.
    pub fn temp_dir(tag: &str) -> PathBuf {
        let d = std::env::temp_dir().join(format!(
            "ra-store-{tag}-{}-{}",
            std::process::id(),
            crate::random::token(6)
        ));
        std::fs::create_dir_all(&d).unwrap();
        d
    }
}

#[cfg(test)]
mod tests {
    use std::sync::atomic::AtomicI64;
    use std::time::Duration;

    use super::test_support::*;
    use super::*;

    fn record(n: u16) -> IdempotencyRecord {
        IdempotencyRecord {
            request: serde_json::json!({"n": n}),
            status: n,
            response: serde_json::json!({"reference": format!("R{n}")}),
        }
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
        let clock = Arc::new(HandClock(AtomicI64::new(START_MS)));
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
