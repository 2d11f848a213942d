//! The fail-closed safety filter: which of the entries the backend sent a
//! patient may see, newest first.
//!
//! The backend should already have left out everything a patient must not
//! see; the app checks again and, when in doubt, shows less. An entry is
//! shown only when all of these hold:
//!
//! - it decoded as an entry ([`Lenient::Valid`]);
//! - its visibility is exactly [`Visibility::Visible`];
//! - its `recorded_on` parses ([`parse_recorded_on`]);
//! - its UK date is on or after the access start date: the latest of the
//!   session's `available_from` and every page's. When any of those dates
//!   does not parse, nothing is shown at all;
//! - no other copy of its id, in any page, before or after it, is hidden or
//!   differs from it. Identical visible copies are shown once.
//!
//! Every decoded copy of an id counts in that last rule, including one that
//! is dropped for its own date: its id is known, so a hidden copy dated
//! before the start date still hides a visible copy of the same id. An item
//! that did not decode at all ([`Lenient::Invalid`]) has no id that can be
//! trusted, so it is dropped on its own and cannot affect other entries.
//!
//! The result does not depend on the order in which the pages arrive or on
//! how the entries are split into pages. Nothing here says how many entries
//! were dropped or why.

use std::cmp::Ordering;
use std::collections::hash_map::{Entry as Slot, HashMap};
use std::collections::HashSet;
use std::sync::Arc;

use record_access_contract::uk_time::{parse_recorded_on, Date, RecordedOn};
use record_access_contract::{EntriesPage, Entry, Lenient, Visibility};

use super::fold::fold_into;

/// An entry the patient may see, with what the timeline needs to sort,
/// group and search it. Only [`SafeRecord`] makes these.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ShownEntry {
    entry: Arc<Entry>,
    recorded_on: RecordedOn,
    search_text: String,
}

impl ShownEntry {
    fn new(entry: Arc<Entry>, recorded_on: RecordedOn) -> ShownEntry {
        let mut search_text = String::new();
        fold_into(&entry.title, &mut search_text);
        for field in [&entry.summary, &entry.clinician].into_iter().flatten() {
            fold_into(field, &mut search_text);
        }
        ShownEntry {
            entry,
            recorded_on,
            search_text,
        }
    }

    /// The entry as the backend sent it.
    pub fn entry(&self) -> &Entry {
        &self.entry
    }

    pub fn id(&self) -> &str {
        &self.entry.id
    }

    /// When it was recorded, in UK time.
    pub fn recorded_on(&self) -> RecordedOn {
        self.recorded_on
    }

    /// Its UK date.
    pub fn date(&self) -> Date {
        self.recorded_on.date
    }

    /// Title, summary and clinician, folded for search
    /// ([`super::fold::fold`]), separated by spaces.
    pub fn search_text(&self) -> &str {
        &self.search_text
    }
}

/// The timeline's order, newest first: by UK date, latest first; on the same
/// day timestamped entries by time, latest first, then entries without a
/// time; then by id, ascending. Times are UK clock times, so in the hour
/// that repeats when the clocks go back two entries are ordered by the time
/// the patient reads on them.
pub fn newest_first(a: &ShownEntry, b: &ShownEntry) -> Ordering {
    let by_time = match (a.recorded_on.seconds, b.recorded_on.seconds) {
        (Some(x), Some(y)) => y.cmp(&x),
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => Ordering::Equal,
    };
    b.recorded_on
        .date
        .cmp(&a.recorded_on.date)
        .then(by_time)
        .then_with(|| a.entry.id.cmp(&b.entry.id))
}

/// What has been seen of one id so far.
#[derive(Debug)]
enum Seen {
    /// Every copy so far was visible and identical to this one.
    Visible(Arc<Entry>),
    /// A copy was not visible, or two visible copies differed: no copy is
    /// ever shown.
    Hidden,
}

/// The entries a patient may see, built up one page at a time as the pages
/// of `GET /record/entries` arrive.
///
/// Adding a page costs time in proportion to that page's size (plus one
/// linear merge into what is already shown), so a record of 10,000 entries
/// in pages of 500 stays quick to load.
#[derive(Debug)]
pub struct SafeRecord {
    /// The access start date so far; `None` once any `available_from` did
    /// not parse, which shows nothing from then on.
    start: Option<Date>,
    seen: HashMap<String, Seen>,
    /// The shown entries, in [`newest_first`] order.
    shown: Vec<ShownEntry>,
}

impl SafeRecord {
    /// An empty record for a session whose access started on
    /// `session_available_from` (`YYYY-MM-DD`, from `GET /session`).
    pub fn new(session_available_from: &str) -> SafeRecord {
        SafeRecord {
            start: Date::parse(session_available_from),
            seen: HashMap::new(),
            shown: Vec::new(),
        }
    }

    /// Takes in one page of entries, in whatever order pages arrive.
    pub fn add_page(&mut self, page: EntriesPage<Lenient<Entry>>) {
        let page_start = Date::parse(&page.available_from);
        self.start = match (self.start, page_start) {
            (Some(a), Some(b)) => Some(a.max(b)),
            _ => None,
        };

        // Ids first seen in this page, and ids shown before that this page
        // hides.
        let mut new_ids: Vec<String> = Vec::new();
        let mut now_hidden: HashSet<String> = HashSet::new();
        for item in page.entries {
            let Lenient::Valid(entry) = item else {
                continue;
            };
            match self.seen.entry(entry.id.clone()) {
                Slot::Vacant(slot) => {
                    new_ids.push(slot.key().clone());
                    slot.insert(if entry.visibility == Visibility::Visible {
                        Seen::Visible(Arc::new(entry))
                    } else {
                        Seen::Hidden
                    });
                }
                Slot::Occupied(mut slot) => {
                    let still_visible = match slot.get() {
                        Seen::Visible(earlier) => {
                            entry.visibility == Visibility::Visible && **earlier == entry
                        }
                        Seen::Hidden => true,
                    };
                    if !still_visible {
                        now_hidden.insert(slot.key().clone());
                        slot.insert(Seen::Hidden);
                    }
                }
            }
        }

        let Some(start) = self.start else {
            self.shown = Vec::new();
            return;
        };
        if !now_hidden.is_empty() {
            self.shown.retain(|shown| !now_hidden.contains(shown.id()));
        }
        // Shown entries are newest first, so those before a later start date
        // are at the end.
        let keep = self.shown.partition_point(|shown| shown.date() >= start);
        self.shown.truncate(keep);

        let mut added: Vec<ShownEntry> = new_ids
            .iter()
            .filter_map(|id| match self.seen.get(id) {
                Some(Seen::Visible(entry)) => {
                    let recorded_on = parse_recorded_on(&entry.recorded_on)?;
                    (recorded_on.date >= start)
                        .then(|| ShownEntry::new(Arc::clone(entry), recorded_on))
                }
                _ => None,
            })
            .collect();
        added.sort_unstable_by(newest_first);
        self.shown = merge(std::mem::take(&mut self.shown), added);
    }

    /// The entries to show, newest first ([`newest_first`]).
    pub fn entries(&self) -> &[ShownEntry] {
        &self.shown
    }

    /// The access start date, for the banner that explains it; `None` when a
    /// start date did not parse (nothing is shown then).
    pub fn start_date(&self) -> Option<Date> {
        self.start
    }

    /// The shown entry with this id, if there is one.
    pub fn find(&self, id: &str) -> Option<&ShownEntry> {
        self.shown.iter().find(|shown| shown.id() == id)
    }
}

/// Merges two lists that are each in [`newest_first`] order.
fn merge(old: Vec<ShownEntry>, new: Vec<ShownEntry>) -> Vec<ShownEntry> {
    if new.is_empty() {
        return old;
    }
    if old.is_empty() {
        return new;
    }
    let mut out = Vec::with_capacity(old.len() + new.len());
    let mut old = old.into_iter().peekable();
    let mut new = new.into_iter().peekable();
    loop {
        let take_old = match (old.peek(), new.peek()) {
            (Some(a), Some(b)) => newest_first(a, b) != Ordering::Greater,
            (Some(_), None) => true,
            (None, Some(_)) => false,
            (None, None) => break,
        };
        out.extend(if take_old { old.next() } else { new.next() });
    }
    out
}

#[cfg(test)]
mod tests;
#[cfg(test)]
pub(crate) mod tests_support;
