//! Property tests of decoding over generated bodies: every message of the
//! contract comes back as it was written, and bodies that a broken backend
//! or proxy might send (mangled, cut off, random) never panic and never
//! show an entry that was not visible.

use super::*;
use crate::record::safety::SafeRecord;
use proptest::collection::vec;
use proptest::prelude::*;
use proptest::sample::select;
use record_access_contract::{
    AccessDisabled, AccessStatus, AcknowledgementRequest, Detail, DisableRequest, DisableScope,
    EndReason, EndSessionRequest, EntriesPage, Entry, EntryKind, Patient, Problem, RecordAccess,
    RedactionAccepted, RedactionRequest, Safeguarding, SafeguardingChoice, Session, Visibility,
    PROBLEM_CONTENT_TYPE,
};
use serde::de::DeserializeOwned;
use serde::Serialize;
use std::fmt::Debug;

const JSON: Option<&str> = Some("application/json");

// ------------------------------------------------------------ generators

fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => vec(any::<char>(), 0..6).prop_map(String::from_iter),
        1 => select(vec!["", "\"", "\\", "\\u0000", "\u{1}", "é", "😀", "\u{feff}", "\u{2028}", "about:blank"])
            .prop_map(str::to_owned),
    ]
}

fn maybe_text() -> impl Strategy<Value = Option<String>> {
    proptest::option::of(text())
}

fn any_visibility() -> impl Strategy<Value = Visibility> {
    select(vec![
        Visibility::Visible,
        Visibility::Redacted,
        Visibility::AwaitingReview,
        Visibility::Unknown,
    ])
}

fn any_kind() -> impl Strategy<Value = EntryKind> {
    let mut kinds = EntryKind::KNOWN.to_vec();
    kinds.push(EntryKind::Other);
    select(kinds)
}

/// An entry with the given id and visibility, and any other fields.
fn entry_with(
    id: impl Strategy<Value = String>,
    visibility: impl Strategy<Value = Visibility>,
    recorded_on: impl Strategy<Value = String>,
) -> impl Strategy<Value = Entry> {
    (
        (id, any_kind(), recorded_on, text()),
        (maybe_text(), maybe_text(), maybe_text()),
        visibility,
        proptest::option::of(vec(
            (text(), text()).prop_map(|(label, value)| Detail { label, value }),
            0..3,
        )),
    )
        .prop_map(
            |(
                (id, kind, recorded_on, title),
                (summary, clinician, location),
                visibility,
                details,
            )| {
                Entry {
                    id,
                    kind,
                    recorded_on,
                    title,
                    summary,
                    clinician,
                    location,
                    visibility,
                    details,
                    unopened: false,
                }
            },
        )
}

fn entry() -> impl Strategy<Value = Entry> {
    entry_with(text(), any_visibility(), text())
}

fn session() -> impl Strategy<Value = Session> {
    (
        (text(), text()),
        select(vec![
            AccessStatus::Enabled,
            AccessStatus::Disabled,
            AccessStatus::Unknown,
        ]),
        text(),
        any::<bool>(),
        any::<u32>(),
    )
        .prop_map(
            |((given_name, family_name), status, available_from, acknowledged, idle)| Session {
                patient: Patient {
                    given_name,
                    family_name,
                },
                record_access: RecordAccess {
                    status,
                    available_from,
                },
                safeguarding: Safeguarding { acknowledged },
                idle_timeout_seconds: idle,
            },
        )
}

fn problem() -> impl Strategy<Value = Problem> {
    (
        text(),
        text(),
        any::<u16>(),
        maybe_text(),
        text(),
        maybe_text(),
    )
        .prop_map(
            |(problem_type, title, status, detail, code, reference)| Problem {
                problem_type,
                title,
                status,
                detail,
                code,
                reference,
            },
        )
}

fn page() -> impl Strategy<Value = EntriesPage> {
    (text(), vec(entry(), 0..4), maybe_text()).prop_map(|(available_from, entries, next_cursor)| {
        EntriesPage {
            available_from,
            entries,
            next_cursor,
        }
    })
}

fn access_disabled() -> impl Strategy<Value = AccessDisabled> {
    (
        text(),
        select(vec![DisableScope::RecordAccess, DisableScope::NhsLogin]),
        text(),
    )
        .prop_map(|(reference, scope, disabled_at)| AccessDisabled {
            reference,
            scope,
            disabled_at,
        })
}

// ------------------------------------------------------------ round trips

/// Written by serde_json as the backend writes it, read back as the app
/// reads it: the same value.
fn round_trips<T: Serialize + DeserializeOwned + PartialEq + Debug>(value: &T) {
    let body = serde_json::to_string(value).unwrap();
    assert_eq!(&json::<T>(200, JSON, &body).unwrap(), value, "{body}");
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn every_response_round_trips(
        session in session(),
        entry in entry(),
        problem in problem(),
        disabled in access_disabled(),
        reference in text(),
    ) {
        round_trips(&session);
        round_trips(&entry);
        round_trips(&problem);
        round_trips(&disabled);
        round_trips(&RedactionAccepted { reference });
        // A problem on an error status comes through whole too.
        let body = serde_json::to_string(&problem).unwrap();
        let error = empty(409, Some(PROBLEM_CONTENT_TYPE), &body).unwrap_err();
        prop_assert_eq!(error.problem(), Some(&problem));
    }

    #[test]
    fn a_page_round_trips_with_every_entry_decoded(page in page()) {
        let body = serde_json::to_string(&page).unwrap();
        let decoded = entries_page(200, JSON, &body).unwrap();
        prop_assert_eq!(decoded.available_from, page.available_from);
        prop_assert_eq!(decoded.next_cursor, page.next_cursor);
        let entries: Vec<Entry> = decoded.entries.into_iter().filter_map(Lenient::valid).collect();
        prop_assert_eq!(entries, page.entries);
    }

    /// What the app sends is what the backend reads (its request types
    /// reject unknown fields).
    #[test]
    fn every_request_round_trips(entry_id in text(), note in maybe_text(), confirmed in any::<bool>()) {
        fn back<T: Serialize + DeserializeOwned + PartialEq + Debug>(value: T) {
            let body = serde_json::to_string(&value).unwrap();
            assert_eq!(serde_json::from_str::<T>(&body).unwrap(), value);
        }
        back(RedactionRequest { entry_id, note });
        for scope in [DisableScope::RecordAccess, DisableScope::NhsLogin] {
            back(DisableRequest { scope, confirmed });
        }
        for reason in [None, Some(EndReason::Exit), Some(EndReason::SignOut), Some(EndReason::Timeout)] {
            back(EndSessionRequest { reason });
        }
        for choice in [SafeguardingChoice::Continue, SafeguardingChoice::GetHelp, SafeguardingChoice::Exit] {
            back(AcknowledgementRequest { choice });
        }
    }
}

// ----------------------------------------------------- broken bodies

/// A JSON value with its object keys in the order they are written.
#[derive(Debug, Clone)]
enum J {
    Lit(String),
    Str(String),
    Arr(Vec<J>),
    Obj(Vec<(String, J)>),
}

impl J {
    fn of(value: serde_json::Value) -> J {
        use serde_json::Value;
        match value {
            Value::String(s) => J::Str(s),
            Value::Array(items) => J::Arr(items.into_iter().map(J::of).collect()),
            Value::Object(fields) => {
                J::Obj(fields.into_iter().map(|(k, v)| (k, J::of(v))).collect())
            }
            other => J::Lit(other.to_string()),
        }
    }
}

/// A small deterministic generator of choices, seeded by the test case.
struct Dice(u64);

impl Dice {
    fn roll(&mut self, n: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % n as u64) as usize
    }
    fn one_in(&mut self, n: usize) -> bool {
        self.roll(n) == 0
    }
    fn pick<'a>(&mut self, from: &[&'a str]) -> &'a str {
        from[self.roll(from.len())]
    }
}

const ENUM_KEYS: [&str; 4] = ["kind", "visibility", "status", "scope"];

/// Changes a message the ways a backend (or a broken proxy) might: unknown
/// fields anywhere, keys in any order, other enum names and forms, nulls,
/// odd numbers, missing or doubled fields, arrays for objects. `wild` is how
/// often each change happens (higher is rarer). It never writes the word
/// `visible`: an entry that was not visible stays that way, so the tests
/// can tell whether a hidden one ever shows.
fn mangle(j: J, d: &mut Dice, wild: usize, key: Option<&str>) -> J {
    if d.one_in(wild * 4) {
        return J::Lit("null".into());
    }
    match j {
        J::Str(_) if key.is_some_and(|k| ENUM_KEYS.contains(&k)) && d.one_in(wild) => {
            let name = d
                .pick(&[
                    "redacted",
                    "awaiting_review",
                    "nhs_login",
                    "enabled",
                    "other",
                    "",
                    "Visible",
                    "VISIBLE",
                    "unknown",
                ])
                .to_owned();
            if d.one_in(2) {
                J::Obj(vec![(name, J::Lit("null".into()))])
            } else {
                J::Str(name)
            }
        }
        J::Str(s) if d.one_in(wild * 3) => J::Str(format!("{s}\u{0}é")),
        J::Lit(_) if d.one_in(wild) => J::Lit(
            d.pick(&[
                "0",
                "-0",
                "1.0",
                "1e2",
                "4294967295",
                "4294967296",
                "65536",
                "-1",
                "true",
                "\"1\"",
            ])
            .to_owned(),
        ),
        J::Arr(items) => J::Arr(
            items
                .into_iter()
                .map(|i| mangle(i, d, wild, None))
                .collect(),
        ),
        J::Obj(fields) => {
            let mut kept = Vec::new();
            for (k, v) in fields {
                if !d.one_in(wild * 4) {
                    let v = mangle(v, d, wild, Some(&k));
                    kept.push((k, v));
                }
            }
            let mut fields = kept;
            if !fields.is_empty() && d.one_in(wild * 2) {
                let twice = fields[d.roll(fields.len())].clone();
                fields.push(twice);
            }
            while d.one_in(3) {
                let at = d.roll(fields.len() + 1);
                fields.insert(at, (format!("x{}", d.roll(5)), junk(d, 3)));
            }
            for i in (1..fields.len()).rev() {
                let j = d.roll(i + 1);
                fields.swap(i, j);
            }
            if d.one_in(wild * 3) {
                J::Arr(fields.into_iter().map(|(_, v)| v).collect())
            } else {
                J::Obj(fields)
            }
        }
        other => other,
    }
}

/// Some arbitrary JSON, nested up to `depth`.
fn junk(d: &mut Dice, depth: usize) -> J {
    match d.roll(if depth == 0 { 3 } else { 5 }) {
        0 => J::Lit(
            d.pick(&["null", "true", "false", "0", "-12.5e+3", "1E-2"])
                .into(),
        ),
        1 => J::Str(d.pick(&["", "x", "\u{1}\"\\", "😀", "/\u{7f}"]).into()),
        2 => J::Str("\u{10ffff}\u{fffd}\u{2028}".into()),
        3 => J::Arr((0..d.roll(4)).map(|_| junk(d, depth - 1)).collect()),
        _ => J::Obj(
            (0..d.roll(4))
                .map(|_| {
                    (
                        d.pick(&["", "id", "k", "\\"]).to_owned(),
                        junk(d, depth - 1),
                    )
                })
                .collect(),
        ),
    }
}

/// Writes `j` as JSON with random whitespace and random (valid) escapes.
fn render(j: &J, d: &mut Dice, out: &mut String) {
    let ws = |d: &mut Dice, out: &mut String| {
        while d.one_in(4) {
            out.push_str(d.pick(&[" ", "\n", "\t", "\r", "  "]));
        }
    };
    ws(d, out);
    match j {
        J::Lit(lit) => out.push_str(lit),
        J::Str(s) => render_str(s, d, out),
        J::Arr(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                render(item, d, out);
            }
            ws(d, out);
            out.push(']');
        }
        J::Obj(fields) => {
            out.push('{');
            for (i, (k, v)) in fields.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                ws(d, out);
                render_str(k, d, out);
                ws(d, out);
                out.push(':');
                render(v, d, out);
            }
            ws(d, out);
            out.push('}');
        }
    }
    ws(d, out);
}

fn render_str(s: &str, d: &mut Dice, out: &mut String) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '/' if d.one_in(2) => out.push_str("\\/"),
            '\n' if d.one_in(2) => out.push_str("\\n"),
            '\t' if d.one_in(2) => out.push_str("\\t"),
            c if c < ' ' || d.one_in(4) => {
                let mut units = [0; 2];
                for unit in c.encode_utf16(&mut units) {
                    let hex = format!("\\u{unit:04x}");
                    out.push_str(&if d.one_in(2) {
                        hex.to_uppercase().replace("\\U", "\\u")
                    } else {
                        hex
                    });
                }
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

/// Edits that tend to break JSON in interesting places.
const TOKENS: &[&str] = &[
    "\"",
    "\\",
    "{",
    "}",
    "[",
    "]",
    ",",
    ":",
    "null",
    "0",
    "-",
    "1e",
    ".",
    " ",
    "\u{1}",
    "\\u",
    "\\ud800",
    "\\udc00",
    "é",
    "true",
    "\"x\":1,",
    "\u{feff}",
    "\"id\":\"z\",",
    "\"visibility\":null,",
];

/// Cuts, deletes and inserts: the body of an answer cut off or corrupted.
fn mutate(text: &str, d: &mut Dice) -> String {
    let mut chars: Vec<char> = text.chars().collect();
    for _ in 0..=d.roll(3) {
        let at = d.roll(chars.len() + 1);
        match d.roll(4) {
            0 => {
                let end = (at + 1 + d.roll(4)).min(chars.len());
                chars.drain(at.min(end)..end);
            }
            1 => chars.truncate(at),
            _ => chars.splice(at..at, d.pick(TOKENS).chars()).for_each(drop),
        }
    }
    chars.into_iter().collect()
}

/// Marks every text of a hidden entry, so that a test can tell whether
/// any of it is ever shown. (Generated texts are shorter than the mark.)
const HIDDEN: &str = "hidden-";

fn marked(mut entry: Entry) -> Entry {
    let mark = |text: &mut String| text.insert_str(0, HIDDEN);
    mark(&mut entry.id);
    mark(&mut entry.title);
    for text in [
        &mut entry.summary,
        &mut entry.clinician,
        &mut entry.location,
    ]
    .into_iter()
    .flatten()
    {
        mark(text);
    }
    for detail in entry.details.iter_mut().flatten() {
        mark(&mut detail.label);
        mark(&mut detail.value);
    }
    entry
}

/// A page of entries that the safety filter would show if they were
/// visible (dated after the access start): the visible ones have ids
/// starting `shown-`; every text of the others is [`marked`].
fn record_page() -> impl Strategy<Value = EntriesPage> {
    let dated = || {
        select(vec![
            "2024-05-01",
            "2024-06-16T12:00:00Z",
            "2025-01-31T23:30:00+00:00",
        ])
        .prop_map(str::to_owned)
    };
    let hidden_visibility = select(vec![
        Visibility::Redacted,
        Visibility::AwaitingReview,
        Visibility::Unknown,
    ]);
    // Ids by position, so that no two entries share one (copies of an id
    // that differ are dropped, a rule of its own tested in `record`).
    vec(
        prop_oneof![
            entry_with(Just(String::new()), Just(Visibility::Visible), dated()),
            entry_with(Just(String::new()), hidden_visibility, dated()),
        ],
        0..6,
    )
    .prop_map(|entries| {
        entries
            .into_iter()
            .enumerate()
            .map(|(i, mut entry)| {
                if entry.visibility == Visibility::Visible {
                    entry.id = format!("shown-{i}");
                    entry
                } else {
                    entry.id = i.to_string();
                    marked(entry)
                }
            })
            .collect()
    })
    .prop_map(|entries| EntriesPage {
        available_from: "2024-03-01".into(),
        entries,
        next_cursor: None,
    })
}

/// Every decoder on the body, as the app would call it: none may panic.
/// Returns the entries the timeline would show from it as a page.
fn decode_everything(body: &str) -> Vec<Entry> {
    let _ = json::<Session>(200, JSON, body);
    let _ = json::<Entry>(200, JSON, body);
    let _ = json::<AccessDisabled>(200, JSON, body);
    let _ = json::<RedactionAccepted>(200, JSON, body);
    let _ = empty(409, Some(PROBLEM_CONTENT_TYPE), body);
    let Ok(page) = entries_page(200, JSON, body) else {
        return Vec::new();
    };
    let mut record = SafeRecord::new("2024-03-01");
    record.add_page(page);
    record.entries().iter().map(|e| e.to_entry()).collect()
}

/// No text of a hidden entry is in what the timeline shows.
fn only_visible_ones_show(shown: &[Entry]) -> Result<(), TestCaseError> {
    for entry in shown {
        let texts = [&entry.id, &entry.title]
            .into_iter()
            .chain(
                [&entry.summary, &entry.clinician, &entry.location]
                    .into_iter()
                    .flatten(),
            )
            .chain(
                entry
                    .details
                    .iter()
                    .flatten()
                    .flat_map(|d| [&d.label, &d.value]),
            );
        for text in texts {
            prop_assert!(!text.contains(HIDDEN), "{:?} was shown", entry);
        }
    }
    Ok(())
}

fn written(page: &EntriesPage, d: &mut Dice, change: impl FnOnce(J, &mut Dice) -> J) -> String {
    let tree = J::of(serde_json::to_value(page).unwrap());
    let mut out = String::new();
    render(&change(tree, d), d, &mut out);
    out
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    /// The control: whitespace and escapes of any writer change nothing,
    /// and every visible entry shows.
    #[test]
    fn a_page_in_any_writing_shows_its_visible_entries(page in record_page(), seed in any::<u64>()) {
        let body = written(&page, &mut Dice(seed | 1), |j, _| j);
        let mut shown: Vec<String> = decode_everything(&body).into_iter().map(|e| e.id).collect();
        shown.sort();
        shown.dedup();
        let mut expected: Vec<String> = page
            .entries
            .iter()
            .filter(|e| e.visibility == Visibility::Visible)
            .map(|e| e.id.clone())
            .collect();
        expected.sort();
        expected.dedup();
        prop_assert_eq!(shown, expected);
    }

    #[test]
    fn mangled_pages_never_show_a_hidden_entry(page in record_page(), seed in any::<u64>(), wild in 2usize..12) {
        let body = written(&page, &mut Dice(seed | 1), |j, d| mangle(j, d, wild, None));
        only_visible_ones_show(&decode_everything(&body))?;
    }

    #[test]
    fn cut_and_corrupted_pages_never_show_a_hidden_entry(page in record_page(), seed in any::<u64>()) {
        let mut dice = Dice(seed | 1);
        let body = written(&page, &mut dice, |j, _| j);
        only_visible_ones_show(&decode_everything(&mutate(&body, &mut dice)))?;
    }

    #[test]
    fn token_soup_never_panics(tokens in vec(select(TOKENS), 0..24)) {
        only_visible_ones_show(&decode_everything(&tokens.concat()))?;
    }

    #[test]
    fn any_text_never_panics(text in any::<String>()) {
        only_visible_ones_show(&decode_everything(&text))?;
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    /// Bodies cut off at every character (each case tries hundreds).
    #[test]
    fn every_prefix_of_a_page_is_safe(page in record_page()) {
        let body = serde_json::to_string(&page).unwrap();
        for (at, _) in body.char_indices() {
            only_visible_ones_show(&decode_everything(&body[..at]))?;
        }
    }
}

/// Any JSON value, nested a little.
fn any_json() -> impl Strategy<Value = serde_json::Value> {
    use serde_json::Value;
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<f64>()
            .prop_filter("finite", |f| f.is_finite())
            .prop_map(Value::from),
        text().prop_map(Value::String),
    ];
    leaf.prop_recursive(3, 12, 4, |inner| {
        prop_oneof![
            vec(inner.clone(), 0..4).prop_map(Value::Array),
            vec((text(), inner), 0..4).prop_map(|kv| Value::Object(kv.into_iter().collect())),
        ]
    })
}

proptest! {
    /// `unopened` is read fail closed, and never costs the entry: only a
    /// missing field or exactly `false` is opened.
    #[test]
    fn unopened_is_read_fail_closed_and_the_entry_kept(entry in entry(), value in proptest::option::of(any_json())) {
        let mut json = serde_json::to_value(&entry).unwrap();
        if let Some(value) = &value {
            json["unopened"] = value.clone();
        }
        let body = serde_json::json!({"available_from": "2024-01-01", "entries": [json]}).to_string();
        let page = entries_page(200, JSON, &body).unwrap();
        let decoded = page.entries.into_iter().next().and_then(|e| e.valid()).expect("the entry is kept");
        let opened = matches!(value, None | Some(serde_json::Value::Bool(false)));
        prop_assert_eq!(decoded.unopened, !opened);
    }
}
