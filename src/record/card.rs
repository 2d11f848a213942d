//! What a card on the timeline shows of an entry, worked out in plain Rust
//! so that it is tested natively. A new result the patient has not opened
//! gives its kind and date and nothing else.

use crate::content::record as text;
use crate::dates;
use crate::record::ShownEntry;
use crate::routing::paths;

/// What a card shows of an entry.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CardText {
    pub kind: &'static str,
    pub date: String,
    pub href: String,
    pub title: String,
    pub summary: Option<String>,
    /// Who recorded it, where: "Dr Helen Marsh, Riverside Medical Practice".
    pub who_where: Option<String>,
    /// Set, to the entry's id, on a new result not opened yet: every text
    /// above but kind and date is then empty.
    pub open_id: Option<String>,
}

impl CardText {
    pub fn of(entry: &ShownEntry) -> CardText {
        let kind = text::kind_label(entry.kind());
        let date = dates::long_date(entry.date());
        if entry.is_unopened() {
            return CardText {
                kind,
                date,
                open_id: Some(entry.id().to_owned()),
                ..CardText::default()
            };
        }
        let who_where = match (entry.clinician(), entry.location()) {
            (Some(who), Some(place)) => Some(format!("{who}, {place}")),
            (Some(one), None) | (None, Some(one)) => Some(one.to_owned()),
            (None, None) => None,
        }
        .filter(|w| !w.is_empty());
        CardText {
            kind,
            date,
            href: paths::entry(entry.id()),
            title: entry.title().to_owned(),
            summary: entry.summary().map(str::to_owned),
            who_where,
            open_id: None,
        }
    }
}
