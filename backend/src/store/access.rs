//! The `access_disabled` table: patients whose record access was turned
//! off here, with the reference of the request that did it. A scenario
//! file can start a patient with access off; this table holds what the
//! API changed since.

use rusqlite::OptionalExtension;

use super::Tx;

impl Tx<'_> {
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
}

#[cfg(test)]
mod tests {
    use crate::store::test_support::temp_store;

    #[test]
    fn turned_off_per_bucket_and_scenario_over_the_file() {
        let (store, _) = temp_store();
        store
            .transaction(|tx| {
                assert_eq!(tx.disabled_reference("b", "typical", None), None);
                assert_eq!(
                    tx.disabled_reference("b", "access-off", Some("RA-7K4M2Q9D"))
                        .as_deref(),
                    Some("RA-7K4M2Q9D")
                );
                tx.set_disabled("b", "typical", "RA-00000001");
                assert_eq!(
                    tx.disabled_reference("b", "typical", None).as_deref(),
                    Some("RA-00000001")
                );
                assert_eq!(tx.disabled_reference("other", "typical", None), None);
                assert_eq!(tx.disabled_reference("b", "new-access", None), None);
            })
            .unwrap();
    }
}
