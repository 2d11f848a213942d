//! The `preferences`, `released_earlier` and `opened_entries` tables: what
//! a patient did to their test results. Their scenario file says where
//! they start (its results release, which entries are unopened); these
//! tables hold what the API changed since.
//!
//! Unlike turned-off access, this is forgotten when the preview browser
//! chooses a scenario (as well as on a reset), so that every choice of a
//! scenario starts its patient with unopened results as the file has them.

use std::collections::HashSet;

use record_access_contract::ResultsRelease;

use super::Tx;

/// The tables forgotten when a preview browser chooses a scenario.
const RESULTS_TABLES: [&str; 3] = ["preferences", "released_earlier", "opened_entries"];

impl Tx<'_> {
    /// The results release this patient chose, if they chose one.
    pub fn results_release(&mut self, bucket: &str, scenario: &str) -> Option<ResultsRelease> {
        let stored: Option<String> = self.step(|db, _| {
            use rusqlite::OptionalExtension;
            Ok(db
                .query_row(
                    "SELECT results_release FROM preferences WHERE bucket = ?1 AND scenario = ?2",
                    [bucket, scenario],
                    |r| r.get(0),
                )
                .optional()?)
        });
        match stored.as_deref() {
            None => None,
            Some("after_review") => Some(ResultsRelease::AfterReview),
            Some("after_conversation") => Some(ResultsRelease::AfterConversation),
            Some(_) => {
                self.fail("a stored results release cannot be read");
                None
            }
        }
    }

    /// Keeps the patient's choice. [`ResultsRelease::Unknown`] is never
    /// stored (the API refuses it).
    pub fn set_results_release(&mut self, bucket: &str, scenario: &str, choice: ResultsRelease) {
        if choice == ResultsRelease::Unknown {
            self.fail("an unknown results release cannot be stored");
            return;
        }
        self.exec(
            "INSERT OR REPLACE INTO preferences (bucket, scenario, results_release) \
             VALUES (?1, ?2, ?3)",
            [bucket, scenario, choice.as_str()],
        );
    }

    /// The results released to this patient before they chose
    /// `after_conversation`.
    pub fn released_earlier(&mut self, bucket: &str, scenario: &str) -> HashSet<String> {
        self.ids("released_earlier", bucket, scenario)
    }

    /// Replaces the results released earlier with these.
    pub fn set_released_earlier<'a>(
        &mut self,
        bucket: &str,
        scenario: &str,
        ids: impl IntoIterator<Item = &'a str>,
    ) {
        self.exec(
            "DELETE FROM released_earlier WHERE bucket = ?1 AND scenario = ?2",
            [bucket, scenario],
        );
        for id in ids {
            self.exec(
                "INSERT OR IGNORE INTO released_earlier (bucket, scenario, entry_id) \
                 VALUES (?1, ?2, ?3)",
                [bucket, scenario, id],
            );
        }
    }

    /// The entries this patient opened.
    pub fn opened_entries(&mut self, bucket: &str, scenario: &str) -> HashSet<String> {
        self.ids("opened_entries", bucket, scenario)
    }

    /// Notes that the patient opened this entry; again is the same.
    pub fn set_opened(&mut self, bucket: &str, scenario: &str, entry_id: &str) {
        self.exec(
            "INSERT OR IGNORE INTO opened_entries (bucket, scenario, entry_id) \
             VALUES (?1, ?2, ?3)",
            [bucket, scenario, entry_id],
        );
    }

    /// Forgets what the patients of a preview browser did to their
    /// results: it chose a scenario.
    pub fn forget_results(&mut self, bucket: &str) {
        for table in RESULTS_TABLES {
            self.exec(&format!("DELETE FROM {table} WHERE bucket = ?1"), [bucket]);
        }
    }

    fn ids(&mut self, table: &str, bucket: &str, scenario: &str) -> HashSet<String> {
        self.step(|db, _| {
            let mut stmt = db.prepare(&format!(
                "SELECT entry_id FROM {table} WHERE bucket = ?1 AND scenario = ?2"
            ))?;
            let rows = stmt.query_map([bucket, scenario], |r| r.get::<_, String>(0))?;
            Ok(rows.collect::<Result<HashSet<_>, _>>()?)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::test_support::temp_store;

    #[test]
    fn kept_per_patient_and_forgotten_on_a_scenario_choice_or_reset() {
        let (store, _) = temp_store();
        store
            .transaction(|tx| {
                assert_eq!(tx.results_release("b", "typical"), None);
                tx.set_results_release("b", "typical", ResultsRelease::AfterConversation);
                tx.set_released_earlier("b", "typical", ["t-1", "t-2"]);
                tx.set_opened("b", "typical", "t-3");
                tx.set_opened("b", "typical", "t-3");
                tx.set_opened("other", "typical", "t-4");
                assert_eq!(
                    tx.results_release("b", "typical"),
                    Some(ResultsRelease::AfterConversation)
                );
                assert_eq!(tx.results_release("b", "access-off"), None);
                assert_eq!(tx.released_earlier("b", "typical").len(), 2);
                tx.set_released_earlier("b", "typical", []);
                assert!(tx.released_earlier("b", "typical").is_empty());
                assert_eq!(
                    tx.opened_entries("b", "typical"),
                    HashSet::from(["t-3".to_owned()])
                );
                tx.forget_results("b");
                assert_eq!(tx.results_release("b", "typical"), None);
                assert!(tx.opened_entries("b", "typical").is_empty());
                assert_eq!(tx.opened_entries("other", "typical").len(), 1);
                tx.reset("other");
                assert!(tx.opened_entries("other", "typical").is_empty());
            })
            .unwrap();
    }

    #[test]
    fn an_unknown_choice_is_never_stored() {
        let (store, _) = temp_store();
        let outcome = store.transaction(|tx| {
            tx.set_results_release("b", "typical", ResultsRelease::Unknown);
        });
        assert!(outcome.is_err());
    }
}
