//! Entries and pages for tests.

use record_access_contract::{EntriesPage, Entry, EntryKind, Lenient, Visibility};

use super::SafeRecord;

/// A visible consultation.
pub fn entry(id: &str, recorded_on: &str) -> Entry {
    Entry {
        id: id.to_owned(),
        kind: EntryKind::Consultation,
        recorded_on: recorded_on.to_owned(),
        title: format!("Entry {id}"),
        summary: None,
        clinician: None,
        location: None,
        visibility: Visibility::Visible,
        details: None,
        unopened: false,
    }
}

/// The same entry with another visibility.
pub fn with_visibility(mut entry: Entry, visibility: Visibility) -> Entry {
    entry.visibility = visibility;
    entry
}

/// A page of decoded entries.
pub fn page(available_from: &str, entries: Vec<Entry>) -> EntriesPage<Lenient<Entry>> {
    page_of(
        available_from,
        entries.into_iter().map(Lenient::Valid).collect(),
    )
}

/// A page of items as the app decodes them.
pub fn page_of(available_from: &str, entries: Vec<Lenient<Entry>>) -> EntriesPage<Lenient<Entry>> {
    EntriesPage {
        available_from: available_from.to_owned(),
        entries,
        next_cursor: None,
    }
}

/// A record of visible consultations in one page, with `start` as both
/// access start dates.
pub fn record_of(start: &str, entries: &[(&str, &str)]) -> SafeRecord {
    let mut record = SafeRecord::new(start);
    record.add_page(page(
        start,
        entries.iter().map(|(id, on)| entry(id, on)).collect(),
    ));
    record
}

/// The shown ids, in order.
pub fn ids(record: &SafeRecord) -> Vec<&str> {
    record.entries().iter().map(|e| e.id()).collect()
}
