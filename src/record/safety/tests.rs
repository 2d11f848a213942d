use record_access_contract::uk_time::Date;
use record_access_contract::{Entry, Lenient, Visibility};
use serde::de::IgnoredAny;

use super::tests_support::{entry, ids, page, page_of, record_of, with_visibility};
use super::*;

#[test]
fn shows_only_visible_entries_with_good_dates_from_the_start_date() {
    let mut record = SafeRecord::new("2024-03-01");
    record.add_page(page_of(
        "2024-03-01",
        vec![
            Lenient::Valid(entry("ok", "2024-03-01")),
            Lenient::Invalid(IgnoredAny),
            Lenient::Valid(with_visibility(
                entry("redacted", "2024-04-01"),
                Visibility::Redacted,
            )),
            Lenient::Valid(with_visibility(
                entry("review", "2024-04-01"),
                Visibility::AwaitingReview,
            )),
            Lenient::Valid(with_visibility(
                entry("unknown", "2024-04-01"),
                Visibility::Unknown,
            )),
            Lenient::Valid(entry("bad-date", "2024-02-30")),
            Lenient::Valid(entry("no-date", "")),
            Lenient::Valid(entry("before", "2024-02-29")),
            Lenient::Valid(entry("before-utc", "2024-02-29T23:59:59Z")),
        ],
    ));
    assert_eq!(ids(&record), ["ok"]);
}

#[test]
fn timestamps_are_compared_in_uk_time() {
    // Summer time: 23:30 UTC on 31 May is 00:30 on 1 June in the UK.
    let record = record_of(
        "2024-06-01",
        &[
            ("late-utc", "2024-05-31T23:30:00Z"),
            ("earlier", "2024-05-31T22:59:59Z"),
            ("offset", "2024-06-01T00:30:00+02:00"),
        ],
    );
    assert_eq!(ids(&record), ["late-utc"]);
    assert_eq!(
        record.entries()[0].date(),
        Date::parse("2024-06-01").unwrap()
    );
}

#[test]
fn the_later_start_date_wins_even_for_entries_already_shown() {
    let mut record = SafeRecord::new("2024-01-01");
    record.add_page(page(
        "2024-01-01",
        vec![entry("jan", "2024-01-15"), entry("mar", "2024-03-15")],
    ));
    assert_eq!(ids(&record), ["mar", "jan"]);
    record.add_page(page("2024-03-01", vec![entry("feb", "2024-02-15")]));
    assert_eq!(ids(&record), ["mar"]);
    assert_eq!(record.start_date(), Date::parse("2024-03-01"));

    let mut record = SafeRecord::new("2024-03-01");
    record.add_page(page(
        "2024-01-01",
        vec![entry("jan", "2024-01-15"), entry("mar", "2024-03-15")],
    ));
    assert_eq!(ids(&record), ["mar"]);
}

#[test]
fn a_start_date_that_does_not_parse_shows_nothing() {
    let record = record_of("2024-02-30", &[("a", "2024-03-15")]);
    assert!(record.entries().is_empty());
    assert_eq!(record.start_date(), None);

    let mut record = SafeRecord::new("2024-01-01");
    record.add_page(page("2024-01-01", vec![entry("a", "2024-03-15")]));
    record.add_page(page("1 March 2024", vec![entry("b", "2024-03-16")]));
    assert!(record.entries().is_empty());
    record.add_page(page("2024-01-01", vec![entry("c", "2024-03-17")]));
    assert!(record.entries().is_empty());
    assert_eq!(record.start_date(), None);
}

#[test]
fn a_hidden_copy_of_an_id_hides_every_copy() {
    let mut record = SafeRecord::new("2024-01-01");
    record.add_page(page(
        "2024-01-01",
        vec![entry("a", "2024-03-15"), entry("b", "2024-03-16")],
    ));
    assert_eq!(ids(&record), ["b", "a"]);
    // A later page hides "a", which was already shown.
    record.add_page(page(
        "2024-01-01",
        vec![with_visibility(
            entry("a", "2024-03-15"),
            Visibility::Redacted,
        )],
    ));
    assert_eq!(ids(&record), ["b"]);
    // A visible copy arriving afterwards stays hidden.
    record.add_page(page("2024-01-01", vec![entry("a", "2024-03-15")]));
    assert_eq!(ids(&record), ["b"]);
}

#[test]
fn a_hidden_copy_hides_even_when_it_is_dropped_for_its_own_date() {
    let hidden_copies = [
        with_visibility(entry("a", "2023-01-01"), Visibility::AwaitingReview),
        with_visibility(entry("a", "not a date"), Visibility::Unknown),
    ];
    for hidden in hidden_copies {
        let mut record = SafeRecord::new("2024-01-01");
        record.add_page(page(
            "2024-01-01",
            vec![entry("a", "2024-03-15"), entry("b", "2024-03-16")],
        ));
        record.add_page(page("2024-01-01", vec![hidden.clone()]));
        assert_eq!(ids(&record), ["b"]);
        // And in the other order.
        let mut record = SafeRecord::new("2024-01-01");
        record.add_page(page("2024-01-01", vec![hidden, entry("b", "2024-03-16")]));
        record.add_page(page("2024-01-01", vec![entry("a", "2024-03-15")]));
        assert_eq!(ids(&record), ["b"]);
    }
}

#[test]
fn identical_copies_show_once_and_differing_copies_not_at_all() {
    let record = record_of(
        "2024-01-01",
        &[
            ("a", "2024-03-15"),
            ("a", "2024-03-15"),
            ("b", "2024-03-16"),
        ],
    );
    assert_eq!(ids(&record), ["b", "a"]);

    let mut record = SafeRecord::new("2024-01-01");
    record.add_page(page(
        "2024-01-01",
        vec![entry("a", "2024-03-15"), entry("b", "2024-03-16")],
    ));
    record.add_page(page("2024-01-01", vec![entry("a", "2024-03-15")]));
    assert_eq!(ids(&record), ["b", "a"]);
    let mut changed = entry("a", "2024-03-15");
    changed.summary = Some("Another summary".to_owned());
    record.add_page(page("2024-01-01", vec![changed]));
    assert_eq!(ids(&record), ["b"]);
    record.add_page(page("2024-01-01", vec![entry("a", "2024-03-15")]));
    assert_eq!(ids(&record), ["b"]);

    // Differing only in a date, one of which is before the start date.
    let record = record_of("2024-01-01", &[("a", "2024-03-15"), ("a", "2023-03-15")]);
    assert!(record.entries().is_empty());
}

#[test]
fn newest_first_timed_before_untimed_then_by_id() {
    let record = record_of(
        "2024-01-01",
        &[
            ("untimed-b", "2024-03-15"),
            ("untimed-a", "2024-03-15"),
            ("morning", "2024-03-15T09:00:00Z"),
            ("evening", "2024-03-15T18:00:00Z"),
            ("evening-b", "2024-03-15T18:00:00Z"),
            ("evening-a", "2024-03-15T19:00:00+01:00"),
            ("next-day", "2024-03-16"),
            ("day-before", "2024-03-14T23:59:59Z"),
        ],
    );
    assert_eq!(
        ids(&record),
        [
            "next-day",
            "evening",
            "evening-a",
            "evening-b",
            "morning",
            "untimed-a",
            "untimed-b",
            "day-before"
        ]
    );
}

#[test]
fn keeps_what_the_timeline_needs() {
    let mut e = entry("a", "2024-03-15T09:30:00Z");
    e.title = "Blood TEST".to_owned();
    e.summary = Some("Anaemia — fer\u{a0}ritin".to_owned());
    e.clinician = Some("Dr Zoë Núñez".to_owned());
    e.location = Some("Not searched".to_owned());
    let mut record = SafeRecord::new("2024-01-01");
    record.add_page(page("2024-01-01", vec![e.clone()]));
    let shown = record.find("a").unwrap();
    assert_eq!(shown.to_entry(), e);
    assert_eq!(
        shown.search_text(),
        "blood test anaemia — fer ritin dr zoe nunez"
    );
    assert_eq!(shown.recorded_on().seconds, Some(9 * 3600 + 1800));
    assert!(record.find("b").is_none());
}

#[test]
fn takes_ten_thousand_entries_in_twenty_pages() {
    let mut record = SafeRecord::new("2015-01-01");
    let start = Date::parse("2015-01-01").unwrap().days_since_epoch();
    let all: Vec<Entry> = (0..10_000)
        .map(|i| {
            let date = Date::from_days_since_epoch(start + (i * 7919) % 3650);
            let on = if i % 3 == 0 {
                format!("{}T{:02}:15:00Z", date.to_iso(), i % 24)
            } else {
                date.to_iso()
            };
            let mut e = entry(&format!("e{i:05}"), &on);
            if i % 97 == 0 {
                e.visibility = Visibility::Redacted;
            }
            e
        })
        .collect();
    // Pages arrive in no particular order.
    for p in [
        7, 3, 19, 0, 12, 5, 1, 18, 9, 14, 2, 11, 16, 4, 8, 13, 6, 17, 10, 15,
    ] {
        record.add_page(page("2015-01-01", all[p * 500..(p + 1) * 500].to_vec()));
    }
    let hidden = (0..10_000).filter(|i| i % 97 == 0).count();
    assert_eq!(record.entries().len(), 10_000 - hidden);
    assert!(record
        .entries()
        .windows(2)
        .all(|w| newest_first(&w[0], &w[1]) == std::cmp::Ordering::Less));
}
