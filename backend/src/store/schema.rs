//! Opening the SQLite database: checks that it is one of ours and intact,
//! and creates the tables in a new one.

use std::path::Path;
use std::time::Duration;

use rusqlite::{Connection, OpenFlags};

use super::StoreError;

/// Marks a database as this backend's store (`PRAGMA application_id`):
/// "RAbe".
const APPLICATION_ID: i32 = 0x5241_6265;

/// The layout below (`PRAGMA user_version`). A change to the tables takes a
/// new number and a step in [`MIGRATIONS`] that brings an older store up
/// to it; a store of a newer version is refused with a message rather than
/// misread.
const SCHEMA_VERSION: i32 = 3;

/// The tables of version 1. Times are wall-clock milliseconds since the
/// Unix epoch; JSON columns hold what the API or the control API would
/// show.
const SCHEMA_V1: &str = "
CREATE TABLE sessions (
    id TEXT PRIMARY KEY,
    bucket TEXT NOT NULL,
    scenario TEXT NOT NULL,
    acknowledged INTEGER NOT NULL,
    idle_timeout_ms INTEGER NOT NULL,
    last_seen_ms INTEGER NOT NULL
) STRICT;
CREATE INDEX sessions_by_bucket ON sessions (bucket);

-- What a preview browser chose, and how many references it was given.
CREATE TABLE buckets (
    bucket TEXT PRIMARY KEY,
    scenario TEXT,
    references_issued INTEGER NOT NULL DEFAULT 0
) STRICT;

-- Patients whose access was turned off here, by the reference of the
-- request that did it.
CREATE TABLE access_disabled (
    bucket TEXT NOT NULL,
    scenario TEXT NOT NULL,
    reference TEXT NOT NULL,
    PRIMARY KEY (bucket, scenario)
) STRICT;

CREATE TABLE idempotency (
    bucket TEXT NOT NULL,
    endpoint TEXT NOT NULL,
    key TEXT NOT NULL,
    request TEXT NOT NULL,
    status INTEGER NOT NULL,
    response TEXT NOT NULL,
    created_ms INTEGER NOT NULL,
    PRIMARY KEY (bucket, endpoint, key)
) STRICT;

-- Injected faults, in the order they were added (the first match applies).
CREATE TABLE faults (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    bucket TEXT NOT NULL,
    rule TEXT NOT NULL,
    remaining INTEGER
) STRICT;

-- The audit list. AUTOINCREMENT: a sequence number is never given twice,
-- even after a reset deleted the highest.
CREATE TABLE events (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    bucket TEXT NOT NULL,
    event TEXT NOT NULL
) STRICT;
CREATE INDEX events_by_bucket ON events (bucket, seq);
";

/// Version 2 adds the tables of "who else can see my record".
const SCHEMA_V2: &str = "
-- Requests to remove a proxy's access, waiting for the GP surgery.
-- requested_on is a UK date on the fixed clock.
CREATE TABLE proxy_removals (
    bucket TEXT NOT NULL,
    scenario TEXT NOT NULL,
    proxy_id TEXT NOT NULL,
    reference TEXT NOT NULL,
    requested_on TEXT NOT NULL,
    PRIMARY KEY (bucket, scenario, proxy_id)
) STRICT;

-- Sign-ins through /auth/login, with the session each started. at is
-- RFC 3339 on the fixed clock; seq orders sign-ins made at the same at.
CREATE TABLE sign_ins (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    bucket TEXT NOT NULL,
    scenario TEXT NOT NULL,
    session_id TEXT NOT NULL,
    at TEXT NOT NULL,
    device TEXT NOT NULL
) STRICT;
CREATE INDEX sign_ins_by_patient ON sign_ins (bucket, scenario, seq);

-- Patients who signed out everywhere else: the sign-ins their scenario
-- file describes are no longer signed in.
CREATE TABLE signed_out_elsewhere (
    bucket TEXT NOT NULL,
    scenario TEXT NOT NULL,
    PRIMARY KEY (bucket, scenario)
) STRICT;
";

/// Version 3 adds what a patient did to their test results: their results
/// release, the results released before they chose `after_conversation`,
/// and the entries they opened.
const SCHEMA_V3: &str = "
-- The patient's results release (after_review or after_conversation),
-- once they chose one; until then their scenario file's.
CREATE TABLE preferences (
    bucket TEXT NOT NULL,
    scenario TEXT NOT NULL,
    results_release TEXT NOT NULL,
    PRIMARY KEY (bucket, scenario)
) STRICT;

-- Results not yet talked about with the patient that were released to
-- them before they chose after_conversation: they stay released.
CREATE TABLE released_earlier (
    bucket TEXT NOT NULL,
    scenario TEXT NOT NULL,
    entry_id TEXT NOT NULL,
    PRIMARY KEY (bucket, scenario, entry_id)
) STRICT;

-- Entries the patient opened: sent without their unopened field.
CREATE TABLE opened_entries (
    bucket TEXT NOT NULL,
    scenario TEXT NOT NULL,
    entry_id TEXT NOT NULL,
    PRIMARY KEY (bucket, scenario, entry_id)
) STRICT;
";

/// `MIGRATIONS[v - 1]` brings a store of version `v` to version `v + 1`.
const MIGRATIONS: [&str; 2] = [SCHEMA_V2, SCHEMA_V3];

/// Opens the store at `path`, or SQLite's private temporary database when
/// `None`: SQLite keeps that one in its page cache and spills it, if it
/// grows, to a file it deletes as it opens it (on Unix), so nothing is left
/// behind even if the process is killed.
pub fn open(path: Option<&Path>) -> Result<Connection, StoreError> {
    let db = match path {
        None => Connection::open("")?,
        Some(path) => open_file(path)?,
    };
    db.busy_timeout(Duration::from_secs(5))?;
    let (application_id, version, objects) = identify(&db)?;
    check_integrity(&db)?;
    // Decided before anything is written, so that a file that is not ours
    // is left exactly as it was.
    let from = match (application_id, version) {
        (APPLICATION_ID, v) if (1..=SCHEMA_VERSION).contains(&v) => Some(v),
        (0, 0) if objects == 0 => None,
        (APPLICATION_ID, v) => {
            return Err(StoreError::new(format!(
                "it was written by another version of the reference backend (store \
                 version {v}, this one reads {SCHEMA_VERSION}); remove it to start afresh"
            )))
        }
        _ => {
            return Err(StoreError::new(
                "it is an SQLite database of some other program, not a reference backend store",
            ))
        }
    };
    if path.is_some() {
        // The write-ahead log: a commit survives the process being killed
        // without waiting for the disk on every request.
        db.query_row("PRAGMA journal_mode = WAL", [], |_| Ok(()))?;
        db.execute_batch("PRAGMA synchronous = NORMAL")?;
    }
    // What brings the store to this version: every table for a new one,
    // the steps after its own version for an older one.
    let upgrade: String = match from {
        None => std::iter::once(SCHEMA_V1).chain(MIGRATIONS).collect(),
        Some(v) => MIGRATIONS[(v - 1) as usize..].concat(),
    };
    if !upgrade.is_empty() {
        db.execute_batch(&format!(
            "BEGIN IMMEDIATE;
             {upgrade}
             PRAGMA application_id = {APPLICATION_ID};
             PRAGMA user_version = {SCHEMA_VERSION};
             COMMIT;"
        ))?;
    }
    Ok(db)
}

fn open_file(path: &Path) -> Result<Connection, StoreError> {
    if path.is_dir() {
        return Err(StoreError::new("it is a folder, not a file"));
    }
    if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        if !parent.is_dir() {
            return Err(StoreError::new(format!(
                "its folder {} does not exist",
                parent.display()
            )));
        }
    }
    // No SQLITE_OPEN_URI: the name is a file name, never a `file:` URI.
    let db = Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_WRITE
            | OpenFlags::SQLITE_OPEN_CREATE
            | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )?;
    if db.is_readonly(rusqlite::MAIN_DB)? {
        return Err(StoreError::new("it cannot be written"));
    }
    Ok(db)
}

/// `application_id`, `user_version` and how many tables and indexes there
/// are. The first read of the file: one that is not a database fails here.
fn identify(db: &Connection) -> Result<(i32, i32, i64), StoreError> {
    let application_id = db.query_row("PRAGMA application_id", [], |r| r.get(0))?;
    let version = db.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    let objects = db.query_row("SELECT count(*) FROM sqlite_schema", [], |r| r.get(0))?;
    Ok((application_id, version, objects))
}

fn check_integrity(db: &Connection) -> Result<(), StoreError> {
    let verdict: String = db.query_row("PRAGMA quick_check(1)", [], |r| r.get(0))?;
    if verdict == "ok" {
        Ok(())
    } else {
        Err(StoreError::new(format!("it is damaged ({verdict})")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::test_support::temp_dir;

    #[test]
    fn a_version_1_store_is_brought_up_to_date_and_keeps_its_rows() {
        let dir = temp_dir("migrate");
        let path = dir.join("store.sqlite3");
        let old = Connection::open(&path).unwrap();
        old.execute_batch(&format!(
            "{SCHEMA_V1}
             PRAGMA application_id = {APPLICATION_ID};
             PRAGMA user_version = 1;
             INSERT INTO access_disabled VALUES ('b', 'typical', 'RA-00000001');"
        ))
        .unwrap();
        drop(old);

        let db = open(Some(&path)).unwrap();
        let version: i32 = db
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .unwrap();
        assert_eq!(version, SCHEMA_VERSION);
        let kept: String = db
            .query_row("SELECT reference FROM access_disabled", [], |r| r.get(0))
            .unwrap();
        assert_eq!(kept, "RA-00000001");
        for table in [
            "proxy_removals",
            "sign_ins",
            "signed_out_elsewhere",
            "preferences",
            "released_earlier",
            "opened_entries",
        ] {
            let n: i64 = db
                .query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))
                .unwrap();
            assert_eq!(n, 0, "{table}");
        }
        drop(db);
        // Opened again: already up to date.
        drop(open(Some(&path)).unwrap());
        std::fs::remove_dir_all(dir).unwrap();
    }
}
