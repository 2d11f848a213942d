//! The patient's own filters on the timeline: kinds of entry, a date range
//! and a free-text search, and the part of them that is kept in the URL.
//!
//! Only the kinds and dates go into the URL query, so that a reload keeps
//! the view. The search text never does, in either direction: browser
//! history is what someone checking the device reads.

use record_access_contract::uk_time::Date;
use record_access_contract::EntryKind;

use super::fold::fold;
use super::kinds::KindSet;
use super::safety::ShownEntry;
use super::shared_text::TextVerdicts;

/// The query parameter of the kind filter: wire names, comma-separated.
pub const KIND_PARAM: &str = "kind";
/// The query parameter of the first day of the date range, `YYYY-MM-DD`.
pub const FROM_PARAM: &str = "from";
/// The query parameter of the last day of the date range, `YYYY-MM-DD`.
pub const TO_PARAM: &str = "to";

/// What the patient chose to narrow the timeline to.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct UserFilters {
    /// The kinds to show; empty shows every kind.
    pub kinds: KindSet,
    /// The first UK date to show, inclusive.
    pub from: Option<Date>,
    /// The last UK date to show, inclusive.
    pub to: Option<Date>,
    /// Words that must all occur in an entry's title, summary or clinician,
    /// ignoring case and accents. Never written to the URL.
    pub text: String,
}

/// Something in the URL query that could not be used and was ignored, for a
/// message on the page.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum QueryNote {
    /// `from` or `to` is not a `YYYY-MM-DD` date that exists.
    BadDate,
    /// `kind` names a kind this app does not know.
    UnknownKind,
    /// `from` is after `to`; both were ignored.
    FromAfterTo,
}

/// A [`UserFilters`] ready to test many entries: the search terms folded
/// once.
#[derive(Debug, Clone)]
pub struct Matcher<'f> {
    filters: &'f UserFilters,
    terms: Vec<String>,
}

impl Matcher<'_> {
    /// Whether `shown` passes every filter.
    pub fn matches(&self, shown: &ShownEntry) -> bool {
        self.matches_kind_and_date(shown) && self.matches_text(shown.search_text())
    }

    fn matches_kind_and_date(&self, shown: &ShownEntry) -> bool {
        let f = self.filters;
        let date = shown.date();
        (f.kinds.is_empty() || f.kinds.contains(shown.kind()))
            && f.from.is_none_or(|from| date >= from)
            && f.to.is_none_or(|to| date <= to)
    }

    /// Whether a folded search text holds every search term.
    fn matches_text(&self, search_text: &str) -> bool {
        self.terms
            .iter()
            .all(|term| search_text.contains(term.as_str()))
    }
}

impl UserFilters {
    /// Whether nothing narrows the list.
    pub fn is_empty(&self) -> bool {
        self.kinds.is_empty()
            && self.from.is_none()
            && self.to.is_none()
            && fold(&self.text).is_empty()
    }

    /// These filters with their search terms prepared, for testing many
    /// entries.
    pub fn matcher(&self) -> Matcher<'_> {
        let terms = fold(&self.text)
            .split(' ')
            .filter(|t| !t.is_empty())
            .map(str::to_owned)
            .collect();
        Matcher {
            filters: self,
            terms,
        }
    }

    /// Whether one entry passes every filter. To test many, use
    /// [`UserFilters::apply`] or [`UserFilters::matcher`].
    pub fn matches(&self, shown: &ShownEntry) -> bool {
        self.matcher().matches(shown)
    }

    /// The positions in `shown` (a list in timeline order, newest first, as
    /// [`super::safety::SafeRecord::entries`] gives it) of the entries that
    /// pass, in the same order.
    pub fn apply(&self, shown: &[ShownEntry]) -> Vec<usize> {
        let matcher = self.matcher();
        // Newest first: the date range is one run of the list.
        let first = self
            .to
            .map_or(0, |to| shown.partition_point(|s| s.date() > to));
        let end = self.from.map_or(shown.len(), |from| {
            shown.partition_point(|s| s.date() >= from)
        });
        if first >= end {
            return Vec::new();
        }
        if matcher.terms.is_empty() {
            return (first..end)
                .filter(|&i| matcher.matches_kind_and_date(&shown[i]))
                .collect();
        }
        // Entries share their search texts: each distinct text is tested
        // once. There are no more distinct texts than entries, but for
        // entries that have left the list since.
        let mut verdicts = TextVerdicts::for_count(shown.len());
        (first..end)
            .filter(|&i| {
                let s = &shown[i];
                matcher.matches_kind_and_date(s)
                    && verdicts.get(s.shared_search_text(), |text| matcher.matches_text(text))
            })
            .collect()
    }

    /// The kind and date filters as a URL query, without the leading `?`:
    /// `kind=allergy,test_result&from=2024-03-01&to=2024-12-31`. Kinds are
    /// in alphabetical order of their names; an empty string when there is
    /// no kind or date filter. The search text is never included.
    pub fn to_query(&self) -> String {
        let mut parts: Vec<String> = Vec::new();
        if !self.kinds.is_empty() {
            let names: Vec<&str> = self.kinds.iter().map(|k| k.as_str()).collect();
            parts.push(format!("{KIND_PARAM}={}", names.join(",")));
        }
        if let Some(from) = self.from {
            parts.push(format!("{FROM_PARAM}={}", from.to_iso()));
        }
        if let Some(to) = self.to {
            parts.push(format!("{TO_PARAM}={}", to.to_iso()));
        }
        parts.join("&")
    }

    /// Filters from decoded URL query pairs (as a router gives them), with a
    /// note for each kind of value that was ignored. Only `kind`, `from` and
    /// `to` are read; every other parameter, including any that looks like a
    /// search (`q`, `text`, `search`), is ignored, so the search text is
    /// always empty. `kind` may repeat (the kinds add up) and hold a
    /// comma-separated list; a repeated `from` or `to` keeps its last value.
    /// A `from` after `to` drops both.
    pub fn from_query<I, K, V>(pairs: I) -> (UserFilters, Vec<QueryNote>)
    where
        I: IntoIterator<Item = (K, V)>,
        K: AsRef<str>,
        V: AsRef<str>,
    {
        let mut filters = UserFilters::default();
        let mut notes = Vec::new();
        let mut note = |n: QueryNote| {
            if !notes.contains(&n) {
                notes.push(n);
            }
        };
        let mut from_text: Option<String> = None;
        let mut to_text: Option<String> = None;
        for (key, value) in pairs {
            let value = value.as_ref();
            match key.as_ref() {
                KIND_PARAM => {
                    for name in value.split(',').map(str::trim).filter(|n| !n.is_empty()) {
                        match parse_kind(name) {
                            Some(kind) => {
                                filters.kinds.insert(kind);
                            }
                            None => note(QueryNote::UnknownKind),
                        }
                    }
                }
                FROM_PARAM => from_text = Some(value.to_owned()),
                TO_PARAM => to_text = Some(value.to_owned()),
                _ => {}
            }
        }
        let mut date = |text: Option<String>| {
            let text = text?;
            let text = text.trim();
            if text.is_empty() {
                return None;
            }
            let parsed = Date::parse(text);
            if parsed.is_none() {
                note(QueryNote::BadDate);
            }
            parsed
        };
        let (from, to) = (date(from_text), date(to_text));
        match (from, to) {
            (Some(f), Some(t)) if f > t => note(QueryNote::FromAfterTo),
            _ => (filters.from, filters.to) = (from, to),
        }
        (filters, notes)
    }

    /// [`UserFilters::from_query`] on a raw query string (with or without
    /// the leading `?`), percent-decoding names and values.
    pub fn from_query_string(query: &str) -> (UserFilters, Vec<QueryNote>) {
        UserFilters::from_query(crate::routing::route::query_pairs(query))
    }
}

/// A kind's wire name, including `other` so that every [`EntryKind`] comes
/// back from the URL as it went in.
fn parse_kind(name: &str) -> Option<EntryKind> {
    EntryKind::parse(name).or((name == EntryKind::Other.as_str()).then_some(EntryKind::Other))
}

#[cfg(test)]
mod tests;
