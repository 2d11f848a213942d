use record_access_contract::uk_time::Date;
use record_access_contract::{EntryKind, Visibility};

use super::*;
use crate::record::safety::tests_support::{entry, page, with_visibility};
use crate::record::SafeRecord;

fn d(s: &str) -> Date {
    Date::parse(s).unwrap()
}

fn sample() -> SafeRecord {
    let mut record = SafeRecord::new("2024-01-01");
    let mut a = entry("a", "2024-03-15T09:00:00Z");
    a.kind = EntryKind::TestResult;
    a.title = "Full blood count".to_owned();
    a.summary = Some("Haemoglobin normal".to_owned());
    a.clinician = Some("Dr Zoë Brontë".to_owned());
    let mut b = entry("b", "2024-03-01");
    b.kind = EntryKind::Allergy;
    b.title = "Penicillin allergy".to_owned();
    b.location = Some("Blood clinic".to_owned());
    let mut c = entry("c", "2024-02-29T23:30:00Z");
    c.kind = EntryKind::Consultation;
    c.title = "Telephone consultation".to_owned();
    c.summary = Some("Discussed BLOOD results; café".to_owned());
    let mut e = entry("e", "2024-01-10");
    e.kind = EntryKind::Other;
    e.title = "Something new".to_owned();
    record.add_page(page(
        "2024-01-01",
        vec![
            a,
            b,
            c,
            e,
            with_visibility(entry("x", "2024-03-02"), Visibility::Redacted),
        ],
    ));
    record
}

fn ids(record: &SafeRecord, filters: &UserFilters) -> Vec<String> {
    let shown = record.entries();
    let picked = filters.apply(shown);
    for &i in &picked {
        assert!(filters.matches(&shown[i]));
    }
    picked.iter().map(|&i| shown[i].id().to_owned()).collect()
}

#[test]
fn no_filter_keeps_everything() {
    let record = sample();
    let filters = UserFilters::default();
    assert!(filters.is_empty());
    assert_eq!(ids(&record, &filters), ["a", "b", "c", "e"]);
    let blank = UserFilters {
        text: " \t ".to_owned(),
        ..UserFilters::default()
    };
    assert!(blank.is_empty());
    assert_eq!(ids(&record, &blank), ["a", "b", "c", "e"]);
}

#[test]
fn kinds_are_a_multi_select() {
    let record = sample();
    let filters = UserFilters {
        kinds: [EntryKind::Allergy, EntryKind::TestResult].into(),
        ..UserFilters::default()
    };
    assert_eq!(ids(&record, &filters), ["a", "b"]);
    let filters = UserFilters {
        kinds: [EntryKind::Medicine].into(),
        ..UserFilters::default()
    };
    assert!(ids(&record, &filters).is_empty());
    let filters = UserFilters {
        kinds: [EntryKind::Other].into(),
        ..UserFilters::default()
    };
    assert_eq!(ids(&record, &filters), ["e"]);
}

#[test]
fn date_range_is_inclusive_on_uk_dates() {
    let record = sample();
    let range = |from: Option<&str>, to: Option<&str>| UserFilters {
        from: from.map(d),
        to: to.map(d),
        ..UserFilters::default()
    };
    assert_eq!(
        ids(&record, &range(Some("2024-03-01"), Some("2024-03-15"))),
        ["a", "b"]
    );
    // 23:30 UTC on 29 February is 29 February in the UK (winter time).
    assert_eq!(
        ids(&record, &range(Some("2024-02-29"), Some("2024-02-29"))),
        ["c"]
    );
    assert_eq!(ids(&record, &range(None, Some("2024-02-29"))), ["c", "e"]);
    assert_eq!(ids(&record, &range(Some("2024-03-02"), None)), ["a"]);
    assert!(ids(&record, &range(Some("2024-03-16"), None)).is_empty());
    assert!(ids(&record, &range(Some("2024-03-15"), Some("2024-03-01"))).is_empty());
}

#[test]
fn every_search_word_must_occur_ignoring_case_and_accents() {
    let record = sample();
    let text = |t: &str| UserFilters {
        text: t.to_owned(),
        ..UserFilters::default()
    };
    assert_eq!(ids(&record, &text("blood")), ["a", "c"]);
    assert_eq!(ids(&record, &text("  BLOOD   zoe ")), ["a"]);
    assert_eq!(ids(&record, &text("bronte")), ["a"]);
    assert_eq!(ids(&record, &text("Brontë")), ["a"]);
    assert_eq!(ids(&record, &text("CAFE")), ["c"]);
    assert_eq!(ids(&record, &text("haemo")), ["a"]);
    // Location is not searched.
    assert!(ids(&record, &text("clinic")).is_empty());
    // Words do not run across fields.
    assert!(ids(&record, &text("countha")).is_empty());
    let both = UserFilters {
        kinds: [EntryKind::Consultation].into(),
        text: "blood".to_owned(),
        ..UserFilters::default()
    };
    assert_eq!(ids(&record, &both), ["c"]);
}

#[test]
fn writes_kinds_and_dates_to_the_query_but_never_the_text() {
    assert_eq!(UserFilters::default().to_query(), "");
    let only_text = UserFilters {
        text: "asthma".to_owned(),
        ..UserFilters::default()
    };
    assert_eq!(only_text.to_query(), "");
    let filters = UserFilters {
        kinds: [EntryKind::TestResult, EntryKind::Allergy].into(),
        from: Some(d("2024-03-01")),
        to: Some(d("2024-12-31")),
        text: "asthma".to_owned(),
    };
    assert_eq!(
        filters.to_query(),
        "kind=allergy,test_result&from=2024-03-01&to=2024-12-31"
    );
    let only_to = UserFilters {
        to: Some(d("2024-12-31")),
        ..UserFilters::default()
    };
    assert_eq!(only_to.to_query(), "to=2024-12-31");
}

#[test]
fn reads_kinds_and_dates_from_the_query() {
    let (filters, notes) = UserFilters::from_query([
        ("kind", "allergy,test_result"),
        ("from", "2024-03-01"),
        ("to", "2024-12-31"),
    ]);
    assert!(notes.is_empty());
    assert_eq!(
        filters.kinds,
        [EntryKind::Allergy, EntryKind::TestResult].into()
    );
    assert_eq!(
        (filters.from, filters.to),
        (Some(d("2024-03-01")), Some(d("2024-12-31")))
    );
    assert_eq!(filters.text, "");

    let (filters, notes) = UserFilters::from_query([
        ("kind", "allergy"),
        ("kind", "medicine,,allergy"),
        ("kind", ""),
    ]);
    assert!(notes.is_empty());
    assert_eq!(
        filters.kinds,
        [EntryKind::Allergy, EntryKind::Medicine].into()
    );

    let (filters, notes) = UserFilters::from_query(Vec::<(String, String)>::new());
    assert_eq!((filters, notes), (UserFilters::default(), vec![]));
}

#[test]
fn never_reads_search_text_from_the_query() {
    let (filters, notes) = UserFilters::from_query([
        ("q", "hiv"),
        ("text", "hiv"),
        ("search", "hiv"),
        ("utm_source", "x"),
    ]);
    assert_eq!(filters, UserFilters::default());
    assert!(notes.is_empty());
}

#[test]
fn ignores_bad_values_with_a_note() {
    let (filters, notes) = UserFilters::from_query([
        ("kind", "allergy,spells,medicine"),
        ("from", "2024-02-30"),
        ("to", "2024-12-31"),
    ]);
    assert_eq!(
        filters.kinds,
        [EntryKind::Allergy, EntryKind::Medicine].into()
    );
    assert_eq!((filters.from, filters.to), (None, Some(d("2024-12-31"))));
    assert_eq!(notes, [QueryNote::UnknownKind, QueryNote::BadDate]);

    let (filters, notes) = UserFilters::from_query([("from", "2024-12-31"), ("to", "2024-03-01")]);
    assert_eq!((filters.from, filters.to), (None, None));
    assert_eq!(notes, [QueryNote::FromAfterTo]);

    let (_, notes) = UserFilters::from_query([
        ("from", "yesterday"),
        ("to", "31/12/2024"),
        ("kind", "TEST_RESULT"),
    ]);
    assert_eq!(notes, [QueryNote::UnknownKind, QueryNote::BadDate]);

    // Empty values are simply absent; a repeated date keeps its last value.
    let (filters, notes) =
        UserFilters::from_query([("from", ""), ("to", "2024-01-01"), ("to", "2024-02-01")]);
    assert!(notes.is_empty());
    assert_eq!((filters.from, filters.to), (None, Some(d("2024-02-01"))));
}

#[test]
fn reads_a_raw_query_string() {
    let (filters, notes) = UserFilters::from_query_string(
        "?kind=allergy%2Ctest_result&from=2024-03-01&q=secret&to=%zz",
    );
    assert_eq!(
        filters.kinds,
        [EntryKind::Allergy, EntryKind::TestResult].into()
    );
    assert_eq!(filters.from, Some(d("2024-03-01")));
    assert_eq!(filters.to, None);
    assert_eq!(filters.text, "");
    assert_eq!(notes, [QueryNote::BadDate]);
    assert_eq!(
        UserFilters::from_query_string(""),
        (UserFilters::default(), vec![])
    );
    assert_eq!(
        UserFilters::from_query_string("&&=&kind"),
        (UserFilters::default(), vec![])
    );
}

#[test]
fn round_trips_through_the_query() {
    let filters = UserFilters {
        kinds: EntryKind::KNOWN
            .into_iter()
            .chain([EntryKind::Other])
            .collect(),
        from: Some(d("2024-03-01")),
        to: Some(d("2024-03-01")),
        text: String::new(),
    };
    assert_eq!(
        UserFilters::from_query_string(&filters.to_query()),
        (filters, vec![])
    );
}
