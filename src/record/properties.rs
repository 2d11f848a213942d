//! Property tests of the record timeline over arbitrary inputs: the safety
//! filter against a plain model of its rules, its independence from how
//! pages arrive, the patient's filters and the URL query.

use std::collections::{BTreeMap, BTreeSet};

use proptest::collection::vec;
use proptest::prelude::*;
use proptest::sample::select;
use record_access_contract::uk_time::{parse_recorded_on, Date, RecordedOn};
use record_access_contract::{EntriesPage, Entry, EntryKind, Lenient, Visibility};
use serde::de::IgnoredAny;

use super::card::CardText;
use super::filters::UserFilters;
use super::fold::fold;
use super::grouping::by_month;
use super::safety::{SafeRecord, ShownEntry};

/// 2023-10-01: the generated dates run from here for about 14 months, over
/// three clock changes (29 October 2023, 31 March and 27 October 2024).
fn base_day() -> i64 {
    Date::parse("2023-10-01").unwrap().days_since_epoch()
}

fn date() -> impl Strategy<Value = Date> {
    (0i64..420).prop_map(|n| Date::from_days_since_epoch(base_day() + n))
}

/// An access start date: usually valid, sometimes not.
fn start_text() -> impl Strategy<Value = String> {
    prop_oneof![
        12 => date().prop_map(Date::to_iso),
        1 => select(vec!["", "2024-02-30", "1 March 2024", "2024-03-01T00:00:00Z"]).prop_map(str::to_owned),
    ]
}

/// A `recorded_on`: dates, timestamps near midnight and the clock changes in
/// several offsets, and text that does not parse.
fn recorded_on_text() -> impl Strategy<Value = String> {
    let near = select(vec![
        "2023-10-28",
        "2023-10-29",
        "2024-03-30",
        "2024-03-31",
        "2024-10-26",
        "2024-10-27",
        "2024-02-29",
    ]);
    let hour = prop_oneof![select(vec![0u32, 1, 2, 22, 23]), 0u32..24];
    let offset = select(vec!["Z", "+00:00", "+01:00", "-01:00", "+05:30", "z"]);
    prop_oneof![
        4 => date().prop_map(Date::to_iso),
        4 => (prop_oneof![date().prop_map(Date::to_iso), near.prop_map(str::to_owned)], hour, 0u32..60, select(vec![0u32, 59]), offset)
            .prop_map(|(day, h, m, s, off)| format!("{day}T{h:02}:{m:02}:{s:02}{off}")),
        1 => select(vec!["", "2024-02-30", "yesterday", "2024-06-16T24:00:00Z", "2024-13-01", "2024-06-16T12:00:00"]).prop_map(str::to_owned),
    ]
}

fn visibility() -> impl Strategy<Value = Visibility> {
    prop_oneof![
        6 => Just(Visibility::Visible),
        1 => Just(Visibility::Redacted),
        1 => Just(Visibility::AwaitingReview),
        1 => Just(Visibility::Unknown),
    ]
}

fn kind() -> impl Strategy<Value = EntryKind> {
    select(
        EntryKind::KNOWN
            .into_iter()
            .chain([EntryKind::Other])
            .collect::<Vec<_>>(),
    )
}

fn words() -> impl Strategy<Value = String> {
    vec(
        select(vec![
            "Blood", "blöod", "TEST", "Zoë", "café", "Crème", "x", "  ", "ASTHMA",
        ]),
        0..4,
    )
    .prop_map(|w| w.join(" "))
}

fn entry() -> impl Strategy<Value = Entry> {
    (
        0u8..24,
        kind(),
        recorded_on_text(),
        words(),
        proptest::option::of(words()),
        proptest::option::of(words()),
        visibility(),
        proptest::bool::weighted(0.25),
    )
        .prop_map(
            |(id, kind, recorded_on, title, summary, clinician, visibility, unopened)| Entry {
                id: format!("id{id}"),
                kind,
                recorded_on,
                title,
                summary,
                clinician,
                location: None,
                visibility,
                details: None,
                unopened,
            },
        )
}

/// Items as the app decodes them, with identical copies of some entries.
fn items() -> impl Strategy<Value = Vec<Lenient<Entry>>> {
    let item = prop_oneof![12 => entry().prop_map(Lenient::Valid), 1 => Just(Lenient::Invalid(IgnoredAny))];
    (
        vec(item, 0..60),
        vec(any::<proptest::sample::Index>(), 0..10),
    )
        .prop_map(|(mut items, copies)| {
            if !items.is_empty() {
                for c in copies {
                    let copy = items[c.index(items.len())].clone();
                    items.push(copy);
                }
            }
            items
        })
}

/// One record arriving two different ways: the same items and page start
/// dates, split into pages differently and in a different order.
#[derive(Debug, Clone)]
struct Arrival {
    session: String,
    page_starts: Vec<String>,
    items: Vec<Lenient<Entry>>,
    /// Page of each item, the first way.
    split_a: Vec<usize>,
    /// Page of each item, the second way.
    split_b: Vec<usize>,
    /// Order of the items, the second way.
    item_order_b: Vec<usize>,
    /// Order of the pages, the second way.
    page_order_b: Vec<usize>,
}

fn arrival() -> impl Strategy<Value = Arrival> {
    (start_text(), vec(start_text(), 1..5), items())
        .prop_flat_map(|(session, page_starts, items)| {
            let (n, p) = (items.len(), page_starts.len());
            (
                Just(session),
                Just(page_starts),
                Just(items),
                vec(0..p, n),
                vec(0..p, n),
                Just((0..n).collect::<Vec<_>>()).prop_shuffle(),
                Just((0..p).collect::<Vec<_>>()).prop_shuffle(),
            )
        })
        .prop_map(
            |(session, page_starts, items, split_a, split_b, item_order_b, page_order_b)| Arrival {
                session,
                page_starts,
                items,
                split_a,
                split_b,
                item_order_b,
                page_order_b,
            },
        )
}

impl Arrival {
    fn pages(
        &self,
        split: &[usize],
        item_order: &[usize],
        page_order: &[usize],
    ) -> Vec<EntriesPage<Lenient<Entry>>> {
        page_order
            .iter()
            .map(|&p| EntriesPage {
                available_from: self.page_starts[p].clone(),
                entries: item_order
                    .iter()
                    .filter(|&&i| split[i] == p)
                    .map(|&i| self.items[i].clone())
                    .collect(),
                next_cursor: None,
            })
            .collect()
    }

    fn record(&self, pages: Vec<EntriesPage<Lenient<Entry>>>) -> SafeRecord {
        let mut record = SafeRecord::new(&self.session);
        for page in pages {
            record.add_page(page);
        }
        record
    }

    fn first_way(&self) -> SafeRecord {
        let in_order: Vec<usize> = (0..self.items.len()).collect();
        let pages: Vec<usize> = (0..self.page_starts.len()).collect();
        self.record(self.pages(&self.split_a, &in_order, &pages))
    }

    fn second_way(&self) -> SafeRecord {
        self.record(self.pages(&self.split_b, &self.item_order_b, &self.page_order_b))
    }

    fn decoded(&self) -> impl Iterator<Item = &Entry> {
        self.items.iter().filter_map(|item| match item {
            Lenient::Valid(e) => Some(e),
            Lenient::Invalid(_) => None,
        })
    }

    /// The access start date, or `None` when any start date is bad.
    fn start(&self) -> Option<Date> {
        let mut start = Date::parse(&self.session)?;
        for s in &self.page_starts {
            start = start.max(Date::parse(s)?);
        }
        Some(start)
    }

    /// The rules written plainly: the ids and entries that may be shown,
    /// newest first.
    fn model(&self) -> Vec<Entry> {
        let Some(start) = self.start() else {
            return Vec::new();
        };
        let mut copies: BTreeMap<&str, Vec<&Entry>> = BTreeMap::new();
        for e in self.decoded() {
            copies.entry(&e.id).or_default().push(e);
        }
        let mut shown: Vec<(RecordedOn, Entry)> = copies
            .into_values()
            .filter(|c| {
                c.iter()
                    .all(|e| e.visibility == Visibility::Visible && *e == c[0])
            })
            .filter_map(|c| Some((parse_recorded_on(&c[0].recorded_on)?, c[0].clone())))
            .filter(|(on, _)| on.date >= start)
            .collect();
        shown.sort_by_key(|(on, e)| {
            (
                std::cmp::Reverse(on.date),
                on.seconds.is_none(),
                std::cmp::Reverse(on.seconds),
                e.id.clone(),
            )
        });
        shown.into_iter().map(|(_, e)| e).collect()
    }
}

fn entries_of(record: &SafeRecord) -> Vec<Entry> {
    record.entries().iter().map(|s| s.to_entry()).collect()
}

fn filters() -> impl Strategy<Value = UserFilters> {
    (
        proptest::sample::subsequence(
            EntryKind::KNOWN
                .into_iter()
                .chain([EntryKind::Other])
                .collect::<Vec<_>>(),
            0..4,
        ),
        proptest::option::of(date()),
        proptest::option::of(date()),
        prop_oneof![
            Just(String::new()),
            select(vec![
                "blood",
                "ZOE",
                "cafe test",
                "crème",
                "  x  ",
                "asthma blöod",
                "nothing"
            ])
            .prop_map(str::to_owned)
        ],
    )
        .prop_map(|(kinds, from, to, text)| UserFilters {
            kinds: kinds.into_iter().collect(),
            from,
            to,
            text,
        })
}

/// The patient's filters written plainly.
fn model_matches(f: &UserFilters, s: &ShownEntry) -> bool {
    let e = s.to_entry();
    // A result not opened yet is never searched.
    let haystack = if e.unopened {
        String::new()
    } else {
        fold(
            &[Some(&e.title), e.summary.as_ref(), e.clinician.as_ref()]
                .into_iter()
                .flatten()
                .cloned()
                .collect::<Vec<_>>()
                .join(" "),
        )
    };
    (f.kinds.is_empty() || f.kinds.contains(e.kind))
        && f.from.is_none_or(|d| s.date() >= d)
        && f.to.is_none_or(|d| s.date() <= d)
        && fold(&f.text)
            .split_whitespace()
            .all(|t| haystack.contains(t))
}

/// Every text of an entry that only opening may show.
fn private_texts(s: &ShownEntry) -> Vec<String> {
    let e = s.to_entry();
    [Some(e.title), e.summary, e.clinician, e.location]
        .into_iter()
        .flatten()
        .collect()
}

proptest! {
    #[test]
    fn nothing_of_an_unopened_result_reaches_the_search_or_its_card(arrival in arrival(), f in filters()) {
        let record = arrival.first_way();
        let shown = record.entries();
        prop_assert_eq!(record.has_unopened(), shown.iter().any(ShownEntry::is_unopened));
        for s in shown.iter().filter(|s| s.is_unopened()) {
            prop_assert_eq!(s.search_text(), "");
            let card = CardText::of(s);
            // Kind and date, worked out from nothing else, and the id to
            // open it by: every other part is empty.
            prop_assert_eq!(card.kind, crate::content::record::kind_label(s.kind()));
            prop_assert_eq!(&card.date, &crate::dates::long_date(s.date()));
            prop_assert_eq!(card.open_id.as_deref(), Some(s.id()));
            prop_assert!(card.href.is_empty() && card.title.is_empty());
            prop_assert!(card.summary.is_none() && card.who_where.is_none());
        }
        if !fold(&f.text).trim().is_empty() {
            for i in f.apply(shown) {
                prop_assert!(!shown[i].is_unopened(), "a search found an unopened result");
            }
        }
    }

    #[test]
    fn an_opened_result_is_shown_and_searched_like_any_other(arrival in arrival(), early in any::<bool>()) {
        let before = arrival.first_way();
        let Some(target) = before.entries().iter().find(|s| s.is_unopened()).map(|s| s.id().to_owned()) else {
            return Ok(());
        };
        // Opened once it arrived, or before it arrived (a reload of the
        // record in the same session).
        let record = if early {
            let mut record = SafeRecord::new(&arrival.session);
            record.open(&target);
            for page in arrival.pages(&arrival.split_b, &arrival.item_order_b, &arrival.page_order_b) {
                record.add_page(page);
            }
            record
        } else {
            let mut record = arrival.first_way();
            record.open(&target);
            record
        };
        let s = record.find(&target).expect("still shown");
        prop_assert!(!s.is_unopened());
        let card = CardText::of(s);
        prop_assert_eq!(card.open_id, None);
        prop_assert_eq!(&card.title, s.title());
        for text in private_texts(s) {
            if text != s.location().unwrap_or_default() {
                prop_assert!(fold(&text).split_whitespace().all(|w| s.search_text().contains(w)));
            }
        }
        // Every other entry is as it was.
        let others = |r: &SafeRecord| -> Vec<Entry> {
            r.entries().iter().filter(|e| e.id() != target).map(ShownEntry::to_entry).collect()
        };
        prop_assert_eq!(others(&before), others(&record));
    }

    #[test]
    fn shows_exactly_what_the_rules_allow(arrival in arrival()) {
        let record = arrival.first_way();
        prop_assert_eq!(entries_of(&record), arrival.model());
    }

    #[test]
    fn never_shows_anything_that_should_be_dropped(arrival in arrival()) {
        let record = arrival.second_way();
        let shown = record.entries();
        if arrival.start().is_none() {
            prop_assert!(shown.is_empty());
        }
        let mut ids = BTreeSet::new();
        for s in shown {
            prop_assert!(ids.insert(s.id().to_owned()), "id shown twice");
            let e = s.to_entry();
            prop_assert_eq!(e.visibility, Visibility::Visible);
            prop_assert_eq!(parse_recorded_on(&e.recorded_on), Some(s.recorded_on()));
            prop_assert!(Date::parse(&arrival.session).is_some_and(|d| s.date() >= d));
            for page_start in &arrival.page_starts {
                prop_assert!(Date::parse(page_start).is_some_and(|d| s.date() >= d));
            }
            for copy in arrival.decoded().filter(|c| c.id == e.id) {
                prop_assert_eq!(copy, &e);
            }
        }
        for pair in shown.windows(2) {
            let (a, b) = (pair[0].recorded_on(), pair[1].recorded_on());
            prop_assert!(a.date >= b.date);
            if a.date == b.date {
                match (a.seconds, b.seconds) {
                    (Some(x), Some(y)) => prop_assert!(x > y || (x == y && pair[0].id() < pair[1].id())),
                    (Some(_), None) => {}
                    (None, Some(_)) => prop_assert!(false, "untimed before timed"),
                    (None, None) => prop_assert!(pair[0].id() < pair[1].id()),
                }
            }
        }
    }

    #[test]
    fn does_not_depend_on_how_pages_arrive(arrival in arrival()) {
        prop_assert_eq!(entries_of(&arrival.first_way()), entries_of(&arrival.second_way()));
        prop_assert_eq!(arrival.first_way().start_date(), arrival.second_way().start_date());
    }

    #[test]
    fn filters_only_narrow_and_every_kept_entry_matches(arrival in arrival(), f in filters()) {
        let record = arrival.first_way();
        let shown = record.entries();
        let picked = f.apply(shown);
        let expected: Vec<usize> = (0..shown.len()).filter(|&i| model_matches(&f, &shown[i])).collect();
        prop_assert_eq!(&picked, &expected);
        for &i in &picked {
            prop_assert!(f.matches(&shown[i]));
        }
        // Dropping the search text or the kinds can only keep more.
        let wider = UserFilters { text: String::new(), kinds: crate::record::KindSet::default(), ..f.clone() };
        let wider_picked = wider.apply(shown);
        prop_assert!(picked.iter().all(|i| wider_picked.contains(i)));
        // Month groups hold exactly the filtered entries, in order.
        let groups = by_month(shown, &picked);
        let regrouped: Vec<usize> = groups.iter().flat_map(|g| g.entries.iter().copied()).collect();
        prop_assert_eq!(regrouped, picked);
        for g in &groups {
            prop_assert!(g.entries.iter().all(|&i| (shown[i].date().year, shown[i].date().month) == (g.year, g.month)));
        }
    }

    #[test]
    fn kinds_and_dates_round_trip_through_the_query(f in filters()) {
        let f = UserFilters {
            text: String::new(),
            to: match (f.from, f.to) {
                (Some(from), Some(to)) if from > to => Some(from),
                _ => f.to,
            },
            ..f
        };
        let query = f.to_query();
        prop_assert_eq!(UserFilters::from_query_string(&query), (f.clone(), vec![]));
        let pairs: Vec<(&str, &str)> = query.split('&').filter(|p| !p.is_empty()).filter_map(|p| p.split_once('=')).collect();
        prop_assert_eq!(UserFilters::from_query(pairs), (f, vec![]));
    }

    #[test]
    fn the_search_text_never_enters_or_leaves_the_url(f in filters(), junk in "[a-z=&%,0-9+?-]{0,40}") {
        prop_assert!(!f.to_query().contains("q="));
        let query = format!("{}&q={}&text={}&search={}&{junk}", f.to_query(), f.text, f.text, f.text);
        let (read, _) = UserFilters::from_query_string(&query);
        prop_assert_eq!(read.text, "");
        if let (Some(from), Some(to)) = (read.from, read.to) {
            prop_assert!(from <= to);
        }
    }
}
