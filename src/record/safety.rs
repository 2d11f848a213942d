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
use std::collections::HashMap;
use std::collections::HashSet;
use std::sync::Arc;

use record_access_contract::uk_time::{parse_recorded_on, Date, RecordedOn};
use record_access_contract::{Detail, EntriesPage, Entry, EntryKind, Lenient, Visibility};

use super::fold::fold_into;
use super::shared_text::{SearchText, SearchTexts, SharedTexts};

/// A visible entry as the record holds it: the backend's fields, with
/// every text shared with the other entries that carry the same one.
#[derive(Debug, PartialEq, Eq)]
struct Held {
    id: Arc<str>,
    kind: EntryKind,
    recorded_on: Arc<str>,
    title: Arc<str>,
    summary: Option<Arc<str>>,
    clinician: Option<Arc<str>>,
    location: Option<Arc<str>>,
    details: Option<Box<[SharedDetail]>>,
    /// The backend says the patient has not opened it yet.
    unopened: bool,
}

/// A detail's label and value.
type SharedDetail = (Arc<str>, Arc<str>);

impl Held {
    fn new(id: Arc<str>, entry: &Entry, texts: &mut SharedTexts) -> Held {
        let mut share = |text: &Option<String>| text.as_deref().map(|t| texts.share(t));
        let (summary, clinician, location) = (
            share(&entry.summary),
            share(&entry.clinician),
            share(&entry.location),
        );
        Held {
            id,
            kind: entry.kind,
            recorded_on: texts.share(&entry.recorded_on),
            title: texts.share(&entry.title),
            summary,
            clinician,
            location,
            details: entry.details.as_ref().map(|details| {
                details
                    .iter()
                    .map(|d| (texts.share(&d.label), texts.share(&d.value)))
                    .collect()
            }),
            unopened: entry.unopened,
        }
    }

    /// Whether `entry`, a visible copy, says exactly what this one says.
    fn same_as(&self, entry: &Entry) -> bool {
        let same =
            |held: &Option<Arc<str>>, sent: &Option<String>| held.as_deref() == sent.as_deref();
        *self.id == *entry.id
            && self.kind == entry.kind
            && *self.recorded_on == *entry.recorded_on
            && *self.title == *entry.title
            && same(&self.summary, &entry.summary)
            && same(&self.clinician, &entry.clinician)
            && same(&self.location, &entry.location)
            && self.unopened == entry.unopened
            && match (&self.details, &entry.details) {
                (None, None) => true,
                (Some(held), Some(sent)) => {
                    held.len() == sent.len()
                        && held
                            .iter()
                            .zip(sent)
                            .all(|((label, value), d)| **label == *d.label && **value == *d.value)
                }
                _ => false,
            }
    }
}

/// An entry the patient may see, with what the timeline needs to sort,
/// group and search it. Only [`SafeRecord`] makes these; cloning one is
/// cheap (its texts are shared).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ShownEntry {
    held: Arc<Held>,
    recorded_on: RecordedOn,
    /// Empty while the entry is unopened: a search never finds it.
    search_text: Arc<SearchText>,
    /// A new result the patient has not opened yet: nothing but its kind
    /// and date may be shown, until they ask for it.
    unopened: bool,
}

impl ShownEntry {
    /// The entry as the backend sent it.
    pub fn to_entry(&self) -> Entry {
        let h = &*self.held;
        let owned = |text: &Option<Arc<str>>| text.as_deref().map(str::to_owned);
        Entry {
            id: h.id.to_string(),
            kind: h.kind,
            recorded_on: h.recorded_on.to_string(),
            title: h.title.to_string(),
            summary: owned(&h.summary),
            clinician: owned(&h.clinician),
            location: owned(&h.location),
            visibility: Visibility::Visible,
            details: h.details.as_ref().map(|details| {
                details
                    .iter()
                    .map(|(label, value)| Detail {
                        label: label.to_string(),
                        value: value.to_string(),
                    })
                    .collect()
            }),
            unopened: self.unopened,
        }
    }

    /// A new result the patient has not opened yet ([`SafeRecord::open`]):
    /// its kind and date may be shown, nothing else of it.
    pub fn is_unopened(&self) -> bool {
        self.unopened
    }

    pub fn id(&self) -> &str {
        &self.held.id
    }

    pub fn kind(&self) -> EntryKind {
        self.held.kind
    }

    pub fn title(&self) -> &str {
        &self.held.title
    }

    pub fn summary(&self) -> Option<&str> {
        self.held.summary.as_deref()
    }

    pub fn clinician(&self) -> Option<&str> {
        self.held.clinician.as_deref()
    }

    pub fn location(&self) -> Option<&str> {
        self.held.location.as_deref()
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
    /// ([`super::fold::fold`]), separated by spaces; empty while the entry
    /// is unopened.
    pub fn search_text(&self) -> &str {
        self.search_text.as_str()
    }

    /// The same text, with its number among the record's distinct search
    /// texts.
    pub fn shared_search_text(&self) -> &SearchText {
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
        .then_with(|| a.held.id.cmp(&b.held.id))
}

/// What has been seen of one id so far.
#[derive(Debug)]
enum Seen {
    /// Every copy so far was visible and identical to this one.
    Visible(Arc<Held>),
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
    seen: HashMap<Arc<str>, Seen>,
    /// The shown entries, in [`newest_first`] order.
    shown: Vec<ShownEntry>,
    texts: SharedTexts,
    search_texts: SearchTexts,
    /// Ids of the new results the patient opened in this session, whether
    /// or not they have arrived yet.
    opened: HashSet<Arc<str>>,
}

impl SafeRecord {
    /// An empty record for a session whose access started on
    /// `session_available_from` (`YYYY-MM-DD`, from `GET /session`).
    pub fn new(session_available_from: &str) -> SafeRecord {
        SafeRecord {
            start: Date::parse(session_available_from),
            seen: HashMap::new(),
            shown: Vec::new(),
            texts: SharedTexts::default(),
            search_texts: SearchTexts::default(),
            opened: HashSet::new(),
        }
    }

    /// The patient asked to see the new result with this id: from now on
    /// it is shown and searched like any other entry, including when it
    /// arrives later.
    pub fn open(&mut self, id: &str) {
        if !self.opened.contains(id) {
            self.opened.insert(Arc::from(id));
        }
        if let Some(shown) = self.shown.iter_mut().find(|s| s.id() == id && s.unopened) {
            shown.unopened = false;
            shown.search_text = self.search_texts.share(search_text_of(&shown.held));
        }
    }

    /// Whether any entry shown is a result not opened yet.
    pub fn has_unopened(&self) -> bool {
        self.shown.iter().any(ShownEntry::is_unopened)
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
        let mut new_ids: Vec<Arc<str>> = Vec::new();
        let mut now_hidden: HashSet<Arc<str>> = HashSet::new();
        for item in page.entries {
            let Lenient::Valid(entry) = item else {
                continue;
            };
            let visible = entry.visibility == Visibility::Visible;
            match self.seen.get_mut(entry.id.as_str()) {
                None => {
                    let id: Arc<str> = Arc::from(entry.id.as_str());
                    let seen = if visible {
                        Seen::Visible(Arc::new(Held::new(
                            Arc::clone(&id),
                            &entry,
                            &mut self.texts,
                        )))
                    } else {
                        Seen::Hidden
                    };
                    new_ids.push(Arc::clone(&id));
                    self.seen.insert(id, seen);
                }
                Some(seen) => {
                    let still_visible = match seen {
                        Seen::Visible(earlier) => visible && earlier.same_as(&entry),
                        Seen::Hidden => true,
                    };
                    if !still_visible {
                        if let Seen::Visible(earlier) = seen {
                            now_hidden.insert(Arc::clone(&earlier.id));
                        }
                        *seen = Seen::Hidden;
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

        let mut added: Vec<ShownEntry> = Vec::new();
        for id in &new_ids {
            let Some(Seen::Visible(held)) = self.seen.get(id) else {
                continue;
            };
            let Some(recorded_on) = parse_recorded_on(&held.recorded_on) else {
                continue;
            };
            if recorded_on.date >= start {
                let unopened = held.unopened && !self.opened.contains(id);
                let folded = if unopened {
                    String::new()
                } else {
                    search_text_of(held)
                };
                added.push(ShownEntry {
                    held: Arc::clone(held),
                    recorded_on,
                    search_text: self.search_texts.share(folded),
                    unopened,
                });
            }
        }
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

/// Title, summary and clinician, folded for search.
fn search_text_of(held: &Held) -> String {
    let mut folded = String::new();
    fold_into(&held.title, &mut folded);
    for field in [&held.summary, &held.clinician].into_iter().flatten() {
        fold_into(field, &mut folded);
    }
    folded
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
