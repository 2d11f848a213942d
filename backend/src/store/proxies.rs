//! The `proxy_removals` table: the patient's requests to remove a proxy's
//! access, kept until the GP surgery decides (which, in the reference
//! backend, is never). The proxies themselves come from the scenario file.

use std::collections::HashMap;

use record_access_contract::RemovalRequested;
use rusqlite::params;

use super::Tx;

impl Tx<'_> {
    /// The removals this patient asked for, by proxy id.
    pub fn proxy_removals(
        &mut self,
        bucket: &str,
        scenario: &str,
    ) -> HashMap<String, RemovalRequested> {
        self.step(|db, _| {
            let mut stmt = db.prepare(
                "SELECT proxy_id, reference, requested_on FROM proxy_removals \
                 WHERE bucket = ?1 AND scenario = ?2",
            )?;
            let rows = stmt.query_map([bucket, scenario], |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    RemovalRequested {
                        reference: r.get(1)?,
                        requested_on: r.get(2)?,
                    },
                ))
            })?;
            Ok(rows.collect::<Result<HashMap<_, _>, _>>()?)
        })
    }

    /// Keeps a request to remove this proxy's access. A later request for
    /// the same proxy replaces it (the API refuses one while it waits).
    pub fn put_proxy_removal(
        &mut self,
        bucket: &str,
        scenario: &str,
        proxy_id: &str,
        removal: &RemovalRequested,
    ) {
        self.exec(
            "INSERT OR REPLACE INTO proxy_removals \
             (bucket, scenario, proxy_id, reference, requested_on) \
             VALUES (?1, ?2, ?3, ?4, ?5)",
            params![
                bucket,
                scenario,
                proxy_id,
                removal.reference,
                removal.requested_on
            ],
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::test_support::temp_store;

    fn removal(reference: &str) -> RemovalRequested {
        RemovalRequested {
            reference: reference.to_owned(),
            requested_on: "2026-11-02".to_owned(),
        }
    }

    #[test]
    fn removals_are_kept_per_patient() {
        let (store, _) = temp_store();
        store
            .transaction(|tx| {
                assert!(tx.proxy_removals("b", "typical").is_empty());
                tx.put_proxy_removal("b", "typical", "p-1", &removal("RA-00000001"));
                tx.put_proxy_removal("b", "typical", "p/2 #x", &removal("RA-00000002"));
                tx.put_proxy_removal("b", "access-off", "p-1", &removal("RA-00000003"));
                tx.put_proxy_removal("other", "typical", "p-1", &removal("RA-00000004"));
                let got = tx.proxy_removals("b", "typical");
                assert_eq!(got.len(), 2);
                assert_eq!(got["p-1"], removal("RA-00000001"));
                assert_eq!(got["p/2 #x"].reference, "RA-00000002");
                tx.reset("b");
                assert!(tx.proxy_removals("b", "typical").is_empty());
                assert_eq!(tx.proxy_removals("other", "typical").len(), 1);
            })
            .unwrap();
    }
}
