//! Idempotency records: the answer given to a request with an
//! `Idempotency-Key`, kept for 24 hours so that a retry gets the same
//! answer and never applies twice. The `idempotency` table holds them, per
//! preview browser and endpoint.

use rusqlite::{params, OptionalExtension};

use super::{StoreError, Tx};

/// How long a key is remembered: 24 hours, in milliseconds of the wall
/// clock.
pub const RETENTION_MS: i64 = 24 * 60 * 60 * 1000;

/// The endpoints that take an `Idempotency-Key`; keys of one do not clash
/// with keys of another.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Endpoint {
    Disable,
    RedactionRequest,
    ProxyRemoval,
    Preferences,
}

impl Endpoint {
    /// Its name in the store.
    pub fn as_str(self) -> &'static str {
        match self {
            Endpoint::Disable => "disable",
            Endpoint::RedactionRequest => "redaction_request",
            Endpoint::ProxyRemoval => "proxy_removal",
            Endpoint::Preferences => "preferences",
        }
    }
}

/// What a key was first used for and what was answered. The store notes
/// when.
#[derive(Debug, Clone, PartialEq)]
pub struct IdempotencyRecord {
    /// The request body as parsed, compared with later uses of the key.
    pub request: serde_json::Value,
    pub status: u16,
    pub response: serde_json::Value,
}

/// Whether a record made at `created_ms` is still kept at `now_ms` (wall
/// clock). A clock that went back keeps it.
pub fn is_fresh(created_ms: i64, now_ms: i64) -> bool {
    now_ms.saturating_sub(created_ms) < RETENTION_MS
}

impl Tx<'_> {
    /// Forgets idempotency records past 24 hours.
    pub(super) fn forget_expired_idempotency(&mut self) {
        let now = self.now;
        self.exec(
            "DELETE FROM idempotency WHERE ?1 - created_ms >= ?2",
            [now, RETENTION_MS],
        );
    }

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
        self.forget_expired_idempotency();
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
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::test_support::temp_store;

    fn record(n: u16) -> IdempotencyRecord {
        IdempotencyRecord {
            request: serde_json::json!({"n": n}),
            status: n,
            response: serde_json::json!({"reference": format!("R{n}")}),
        }
    }

    #[test]
    fn twenty_four_hours() {
        assert!(is_fresh(0, RETENTION_MS - 1));
        assert!(!is_fresh(0, RETENTION_MS));
        assert!(is_fresh(RETENTION_MS, 0));
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
}
