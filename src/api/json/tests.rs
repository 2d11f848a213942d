//! The reader and writer against serde_json and the contract's serde
//! derives, which they replace: for every input, the reader must give the
//! same value when serde_json gives one, and nothing when serde_json fails.

use super::*;
use proptest::collection::vec;
use proptest::prelude::*;
use proptest::sample::select;
use record_access_contract::{Detail, DisableScope, EntriesPage, Entry, EntryKind, Lenient};
use serde::de::DeserializeOwned;
use serde_json::value::RawValue;
use std::fmt::Debug;

// ------------------------------------------------------------- reference

/// What the app did before: the page through serde with each entry kept
/// as raw JSON, then each entry decoded on its own.
fn serde_page(text: &str) -> Option<EntriesPage<Lenient<Entry>>> {
    let page: EntriesPage<Box<RawValue>> = serde_json::from_str(text).ok()?;
    Some(EntriesPage {
        available_from: page.available_from,
        entries: page
            .entries
            .into_iter()
            .map(|raw| match serde_json::from_str::<Entry>(raw.get()) {
                Ok(entry) => Lenient::Valid(entry),
                Err(_) => Lenient::Invalid(serde::de::IgnoredAny),
            })
            .collect(),
        next_cursor: page.next_cursor,
    })
}

fn same<T: FromJson + DeserializeOwned + PartialEq + Debug>(text: &str) -> Option<T> {
    let ours = from_str::<T>(text);
    let theirs = serde_json::from_str::<T>(text).ok();
    assert_eq!(
        ours,
        theirs,
        "{} differs from serde_json on {text:?}",
        std::any::type_name::<T>()
    );
    ours
}

/// Every decoder on the same text. Returns how many accepted it.
fn check(text: &str) -> usize {
    let page = entries_page(text);
    assert_eq!(page, serde_page(text), "page differs on {text:?}");
    [
        page.is_some(),
        same::<Session>(text).is_some(),
        same::<Patient>(text).is_some(),
        same::<RecordAccess>(text).is_some(),
        same::<AccessStatus>(text).is_some(),
        same::<Safeguarding>(text).is_some(),
        same::<Entry>(text).is_some(),
        same::<EntryKind>(text).is_some(),
        same::<Visibility>(text).is_some(),
        same::<Problem>(text).is_some(),
        same::<RedactionAccepted>(text).is_some(),
        same::<AccessDisabled>(text).is_some(),
        same::<DisableScope>(text).is_some(),
    ]
    .into_iter()
    .filter(|ok| *ok)
    .count()
}

fn accepted(text: &str) {
    assert!(check(text) > 0, "nothing accepted {text:?}");
}

// ------------------------------------------------------------ targeted

const ENTRY: &str =
    r#"{"id":"a","kind":"allergy","recorded_on":"2024-04-01","title":"T","visibility":"visible"}"#;
const SESSION: &str = r#"{"patient":{"given_name":"A","family_name":"B"},"record_access":{"status":"enabled","available_from":"2024-03-01"},"safeguarding":{"acknowledged":true},"idle_timeout_seconds":600}"#;

#[test]
fn valid_messages_decode_to_the_same_values() {
    for text in [
        ENTRY,
        SESSION,
        r#"{"id":"a","kind":"medicine","recorded_on":"2024","title":"T","summary":"s","clinician":null,"location":"L","details":[{"label":"l","value":"v"},{"value":"v2","label":"l2","x":{}}]}"#,
        r#"{"reference":"RA-1","scope":"nhs_login","disabled_at":"2026-11-02T10:00:00Z"}"#,
        r#"{"reference":"RA-1","scope":"record_access","disabled_at":"x"}"#,
        r#"{"reference":"RA-2"}"#,
        r#"{"type":"t","title":"T","status":409,"detail":"d","code":"c","reference":"r"}"#,
        r#"{}"#,
        r#"{"status":65535}"#,
        r#"{"available_from":"2024-03-01","entries":[]}"#,
        r#"{"available_from":"2024-03-01","entries":[],"next_cursor":null}"#,
        r#"{"available_from":"2024-03-01","entries":[1,"x",null,true,{},[],{"id":"b"}],"next_cursor":"c"}"#,
        "\"enabled\"",
        "\"awaiting_review\"",
        "\"test_result\"",
        " \t\r\n\"other\" \n",
    ] {
        accepted(text);
    }
    let page = format!(r#"{{"available_from":"d","entries":[{ENTRY},{ENTRY}]}}"#);
    accepted(&page);
}

#[test]
fn unknown_fields_are_skipped_at_any_depth() {
    for extra in [
        "1",
        "-0.5e-3",
        "null",
        r#""\ud800""#,
        r#"{"a":[1,{"b":null}],"c":{}}"#,
        r#"[[],[[]],{"":""}]"#,
        &format!("{}{}", "[".repeat(100_000), "]".repeat(100_000)),
        &format!("{}1{}", "{\"a\":".repeat(10_000), "}".repeat(10_000)),
    ] {
        accepted(&format!(r#"{{"x":{extra},"reference":"r"}}"#));
        accepted(&format!(
            r#"{{"id":"a","kind":"allergy","recorded_on":"d","title":"t","more":{extra}}}"#
        ));
        accepted(&format!(
            r#"{{"available_from":"d","entries":[{extra}],"x":{extra}}}"#
        ));
    }
}

#[test]
fn deep_nesting_never_overflows_the_stack() {
    for depth in [127, 128, 129, 1000, 200_000] {
        let open = "[".repeat(depth);
        let close = "]".repeat(depth);
        check(&format!("{open}{close}"));
        check(&open);
        check(&format!(
            r#"{{"available_from":"d","entries":{open}{close}}}"#
        ));
        check(&format!(
            r#"{{"available_from":"d","entries":[{open}{close}]}}"#
        ));
        check(&format!(r#"{{"patient":{open}{close}}}"#));
        check(&format!(r#"{{"details":{open}{close}}}"#));
        check(&"{\"a\":".repeat(depth));
    }
}

#[test]
fn known_fields_given_twice_are_errors() {
    check(r#"{"reference":"a","reference":"a"}"#);
    check(r#"{"type":"a","type":"b"}"#);
    check(r#"{"status":1,"status":1}"#);
    check(r#"{"detail":null,"detail":null}"#);
    let twice = r#"{"id":"a","kind":"allergy","recorded_on":"d","title":"t","visibility":"visible","visibility":"visible"}"#;
    check(twice);
    assert_eq!(same::<Entry>(twice), None);
    let page = format!(r#"{{"available_from":"d","entries":[{twice},{ENTRY}]}}"#);
    let decoded = entries_page(&page).unwrap();
    assert!(matches!(decoded.entries[0], Lenient::Invalid(_)));
    assert!(matches!(decoded.entries[1], Lenient::Valid(_)));
    check(&page);
    check(r#"{"available_from":"d","available_from":"d","entries":[]}"#);
    check(r#"{"available_from":"d","entries":[],"entries":[]}"#);
    check(r#"{"x":1,"x":2,"reference":"r"}"#);
}

#[test]
fn nulls_wrong_types_and_missing_fields() {
    let base = r#""id":"a","kind":"allergy","recorded_on":"d","title":"t""#;
    for field in [
        r#""visibility":null"#,
        r#""visibility":1"#,
        r#""visibility":"hidden""#,
        r#""visibility":{"visible":null}"#,
        r#""visibility":{"visible":1}"#,
        r#""visibility":{"visible":null,"x":null}"#,
        r#""visibility":{}"#,
        r#""visibility":{ "nope" : null }"#,
        r#""visibility":["visible"]"#,
        r#""kind":null"#,
        r#""kind":"Allergy""#,
        r#""summary":null"#,
        r#""summary":1"#,
        r#""summary":nul"#,
        r#""summary":nulll"#,
        r#""details":null"#,
        r#""details":{}"#,
        r#""details":[null]"#,
        r#""details":[["l","v"]]"#,
        r#""details":[["l"]]"#,
        r#""details":[["l","v","x"]]"#,
        r#""details":[{"label":"l"}]"#,
        r#""title":null"#,
        r#""title":true"#,
    ] {
        check(&format!("{{{base},{field}}}"));
        check(&format!("{{{field},{base}}}"));
    }
    for missing in ["id", "kind", "recorded_on", "title"] {
        let text = ENTRY.replace(&format!("\"{missing}\""), "\"renamed\"");
        check(&text);
        assert_eq!(same::<Entry>(&text), None, "{text}");
    }
    for text in [
        r#"{"type":null}"#,
        r#"{"title":null}"#,
        r#"{"code":null}"#,
        r#"{"reference":null}"#,
        r#"{"problem_type":"x"}"#,
        r#"{"safeguarding":{"acknowledged":"true"}}"#,
        r#"{"acknowledged":false}"#,
        r#"{"acknowledged":tru}"#,
        r#"{"acknowledged":TRUE}"#,
        r#"{"scope":"other"}"#,
        r#"{"reference":"r","scope":"unknown","disabled_at":"d"}"#,
        r#"{"reference":"r","scope":{"nhs_login":null},"disabled_at":"d"}"#,
        r#"{"status":"enabled","available_from":"d"}"#,
        r#"{"status":{"enabled":null},"available_from":"d"}"#,
        r#"{"status":{"later":null},"available_from":"d"}"#,
        r#"{"status":{"later":null,},"available_from":"d"}"#,
        r#"{"status":{"later" null},"available_from":"d"}"#,
        r#"{"status":{later:null},"available_from":"d"}"#,
        r#"{"status":"","available_from":"d"}"#,
        r#"{"status":7,"available_from":"d"}"#,
        r#"{"patient":{"given_name":"A"}}"#,
        "null",
        "true",
        "1",
        "\"\"",
        "[]",
        "{}",
        "",
        " ",
    ] {
        check(text);
    }
}

#[test]
fn structs_may_be_arrays_of_their_fields() {
    for text in [
        r#"["a","allergy","d","t"]"#,
        r#"["a","allergy","d","t",null,null,null,"visible",[["l","v"]]]"#,
        r#"["a","allergy","d","t",null,null,null,"visible",[["l","v"]],1]"#,
        r#"["a","allergy","d","t",null,null,null,null]"#,
        r#"["a","allergy","d"]"#,
        r#"["a","allergy","d","t",]"#,
        r#"[,"a","allergy","d","t"]"#,
        r#"[]"#,
        r#"[ ]"#,
        r#"["about:blank"]"#,
        r#"["t","T",500,null,"c",null]"#,
        r#"["t","T",500,null,"c",null,null]"#,
        r#"["RA-1"]"#,
        r#"["RA-1","nhs_login","x"]"#,
        r#"[["A","B"],["enabled","d"],[false],600]"#,
        r#"[["A","B"],{"status":"disabled","available_from":"d"},{"acknowledged":true},0]"#,
        r#"["d",[]]"#,
        r#"["d",[1,["a","other","d","t"]],"c"]"#,
        r#"["d",[],null,1]"#,
    ] {
        check(text);
    }
}

#[test]
fn integers_are_range_checked_and_plain() {
    for n in [
        "0",
        "1",
        "600",
        "65535",
        "65536",
        "4294967295",
        "4294967296",
        "18446744073709551615",
        "18446744073709551616",
        "99999999999999999999999999",
        "-0",
        "-1",
        "00",
        "01",
        "1.0",
        "1.",
        ".5",
        "1e2",
        "1E2",
        "1e",
        "0e0",
        "1e400",
        "+1",
        "0x10",
        "1_0",
        "\"1\"",
        "null",
        "Infinity",
        "NaN",
    ] {
        check(&format!(r#"{{"status":{n}}}"#));
        check(&SESSION.replace("600", n));
        check(&format!(r#"{{"x":{n},"reference":"r"}}"#));
        check(&format!(r#"{{"available_from":"d","entries":[{n}]}}"#));
    }
}

#[test]
fn strings_and_escapes() {
    for s in [
        r#""""#,
        r#""\"\\\/\b\f\n\r\t""#,
        r#""\u0041\u00e9\u20AC\uFFFF\u0000""#,
        r#""\ud83d\ude00""#,
        r#""\uD83D\uDE00""#,
        r#""\ud800""#,
        r#""\udc00""#,
        r#""\ud800\u0041""#,
        r#""\ud800\ud800""#,
        r#""\ud800\n""#,
        r#""\ud800x""#,
        r#""\ud800\""#,
        r#""\udbff\udfff""#,
        r#""\u12""#,
        r#""\u12g4""#,
        r#""\x41""#,
        r#""\'""#,
        r#""\""#,
        r#""abc"#,
        "\"tab\there\"",
        "\"nl\nhere\"",
        "\"\u{1f}\"",
        "\"\u{7f}\"",
        "\"é😀\u{2028}\"",
        r#""about:blank""#,
    ] {
        check(s);
        check(&format!(r#"{{"reference":{s}}}"#));
        check(&format!(r#"{{{s}:1,"reference":"r"}}"#));
        check(&format!(r#"{{"reference":"r","x":{s}}}"#));
        check(&format!(r#"{{"x":{{{s}:1}},"reference":"r"}}"#));
        check(&format!(r#"{{"available_from":"d","entries":[{s}]}}"#));
        check(&format!(
            r#"{{"available_from":"d","entries":[{{"id":{s},"kind":"allergy","recorded_on":"d","title":"t"}}]}}"#
        ));
        check(&format!(
            r#"{{"available_from":"d","entries":[{{"id":"a","kind":"allergy","recorded_on":"d","title":"t","x":{s}}}]}}"#
        ));
        check(&format!(
            r#"{{"status":{{{s}:null}},"available_from":"d"}}"#
        ));
    }
    // Keys are unescaped before they are matched.
    assert_eq!(
        same::<RedactionAccepted>(r#"{"\u0072eference":"r"}"#)
            .unwrap()
            .reference,
        "r"
    );
    check(r#"{"reference":"r","\u0072eference":"r"}"#);
}

#[test]
fn whitespace_trailing_text_and_byte_order_marks() {
    let r = r#"{"reference":"r"}"#;
    for text in [
        format!(" \n\t\r{r} \n\t\r"),
        format!("{r}x"),
        format!("{r}{r}"),
        format!("{r},"),
        format!("{r}\u{0}"),
        format!("\u{feff}{r}"),
        format!("{r}\u{feff}"),
        format!("\u{a0}{r}"),
        format!("\u{c}{r}"),
        r#"{ "reference" : "r" }"#.to_owned(),
        r#"{"reference":"r",}"#.to_owned(),
        r#"{"reference":"r",,"x":1}"#.to_owned(),
        r#"{"reference":"r" "x":1}"#.to_owned(),
        r#"{,"reference":"r"}"#.to_owned(),
        r#"{"reference"="r"}"#.to_owned(),
        r#"{'reference':"r"}"#.to_owned(),
        r#"{"x":[1,],"reference":"r"}"#.to_owned(),
        r#"{"x":[1 2],"reference":"r"}"#.to_owned(),
        r#"{"x":{"a":1,},"reference":"r"}"#.to_owned(),
        r#"{"x":{"a"},"reference":"r"}"#.to_owned(),
        r#"{"x":{1:1},"reference":"r"}"#.to_owned(),
        r#"{"x":[}],"reference":"r"}"#.to_owned(),
        r#"{"x":{]},"reference":"r"}"#.to_owned(),
        r#"{"x":-,"reference":"r"}"#.to_owned(),
        r#"{"x":--1,"reference":"r"}"#.to_owned(),
        r#"{"x":1.5e+,"reference":"r"}"#.to_owned(),
        r#"{"x":1.5e+7,"reference":"r"}"#.to_owned(),
        r#"{"x":nul,"reference":"r"}"#.to_owned(),
        r#"{"x":undefined,"reference":"r"}"#.to_owned(),
        r#"{"x":[1,2]]"#.to_owned(),
    ] {
        check(&text);
        check(&format!(r#"{{"available_from":"d","entries":[{text}]}}"#));
    }
}

#[test]
fn every_prefix_of_valid_messages() {
    let page = format!(r#"{{"available_from":"d","entries":[{ENTRY},1],"next_cursor":"c"}}"#);
    for text in [ENTRY, SESSION, &page] {
        for (i, _) in text.char_indices() {
            check(&text[..i]);
        }
    }
}

// -------------------------------------------------- generated documents

/// A JSON value with its object keys in the order they are written.
#[derive(Debug, Clone)]
enum J {
    Lit(String),
    Str(String),
    Arr(Vec<J>),
    Obj(Vec<(String, J)>),
}

/// Reads serde_json's compact output (valid JSON, no whitespace) into a
/// [`J`], keeping the key order.
fn tree(text: &str) -> J {
    fn value(s: &mut std::iter::Peekable<std::str::Chars>) -> J {
        match s.peek().copied() {
            Some('"') => J::Str(string(s)),
            Some('[') => {
                s.next();
                let mut items = Vec::new();
                while s.peek() != Some(&']') {
                    items.push(value(s));
                    if s.peek() == Some(&',') {
                        s.next();
                    }
                }
                s.next();
                J::Arr(items)
            }
            Some('{') => {
                s.next();
                let mut fields = Vec::new();
                while s.peek() != Some(&'}') {
                    let key = string(s);
                    s.next(); // :
                    fields.push((key, value(s)));
                    if s.peek() == Some(&',') {
                        s.next();
                    }
                }
                s.next();
                J::Obj(fields)
            }
            _ => {
                let mut lit = String::new();
                while let Some(&c) = s.peek().filter(|c| !matches!(c, ',' | ']' | '}')) {
                    lit.push(c);
                    s.next();
                }
                J::Lit(lit)
            }
        }
    }
    fn string(s: &mut std::iter::Peekable<std::str::Chars>) -> String {
        let start: String = s.clone().collect();
        let mut de = serde_json::Deserializer::from_str(&start).into_iter::<String>();
        let out = de.next().unwrap().unwrap();
        let used = de.byte_offset();
        for _ in start[..used].chars() {
            s.next();
        }
        out
    }
    value(&mut text.chars().peekable())
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

/// Changes a serialised message the ways a backend (or a broken proxy)
/// might: unknown fields anywhere, keys in any order, other enum names and
/// forms, nulls, odd numbers, missing or doubled fields, arrays for
/// objects. `wild` is how often each change happens (higher is rarer).
fn mangle(j: J, d: &mut Dice, wild: usize, key: Option<&str>) -> J {
    if d.one_in(wild * 4) {
        return J::Lit("null".into());
    }
    match j {
        J::Str(_) if key.is_some_and(|k| ENUM_KEYS.contains(&k)) && d.one_in(wild) => {
            let name = d
                .pick(&[
                    "visible",
                    "redacted",
                    "nhs_login",
                    "enabled",
                    "other",
                    "",
                    "X",
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
        let hex = |out: &mut String, d: &mut Dice, unit: u16| {
            let text = format!("\\u{unit:04x}");
            out.push_str(&if d.one_in(2) {
                text.to_uppercase().replace("\\U", "\\u")
            } else {
                text
            });
        };
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '/' if d.one_in(2) => out.push_str("\\/"),
            '\n' if d.one_in(2) => out.push_str("\\n"),
            '\u{8}' if d.one_in(2) => out.push_str("\\b"),
            '\u{c}' if d.one_in(2) => out.push_str("\\f"),
            '\r' if d.one_in(2) => out.push_str("\\r"),
            '\t' if d.one_in(2) => out.push_str("\\t"),
            c if c < ' ' || d.one_in(4) => {
                let mut units = [0; 2];
                for unit in c.encode_utf16(&mut units) {
                    hex(out, d, *unit);
                }
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => vec(any::<char>(), 0..6).prop_map(String::from_iter),
        1 => select(vec!["", "\"", "\\", "\\u0000", "\u{1}", "é", "😀", "\u{feff}", "about:blank"])
            .prop_map(str::to_owned),
    ]
}

fn maybe_text() -> impl Strategy<Value = Option<String>> {
    proptest::option::of(text())
}

fn entry() -> impl Strategy<Value = Entry> {
    (
        (text(), select(EntryKind::KNOWN.to_vec()), text(), text()),
        (maybe_text(), maybe_text(), maybe_text()),
        select(vec![
            Visibility::Visible,
            Visibility::Redacted,
            Visibility::AwaitingReview,
            Visibility::Unknown,
        ]),
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
                }
            },
        )
}

fn session() -> impl Strategy<Value = Session> {
    (
        text(),
        text(),
        select(vec![AccessStatus::Enabled, AccessStatus::Disabled]),
        text(),
        any::<bool>(),
        any::<u32>(),
    )
        .prop_map(
            |(given_name, family_name, status, available_from, acknowledged, idle)| Session {
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

/// Any of the response messages, serialised by serde_json.
fn message() -> impl Strategy<Value = String> {
    prop_oneof![
        session().prop_map(|v| serde_json::to_string(&v).unwrap()),
        entry().prop_map(|v| serde_json::to_string(&v).unwrap()),
        problem().prop_map(|v| serde_json::to_string(&v).unwrap()),
        page().prop_map(|v| serde_json::to_string(&v).unwrap()),
        (
            text(),
            select(vec![DisableScope::RecordAccess, DisableScope::NhsLogin]),
            text()
        )
            .prop_map(|(reference, scope, disabled_at)| serde_json::to_string(
                &AccessDisabled {
                    reference,
                    scope,
                    disabled_at
                }
            )
            .unwrap()),
        text()
            .prop_map(|reference| serde_json::to_string(&RedactionAccepted { reference }).unwrap()),
    ]
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
            _ => {
                let token = d.pick(TOKENS);
                chars.splice(at..at, token.chars());
            }
        }
    }
    chars.into_iter().collect()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    /// Valid messages, written as serde_json writes them and as other
    /// writers might: the same value either way.
    #[test]
    fn valid_messages_agree(message in message(), seed in any::<u64>()) {
        prop_assert!(check(&message) > 0);
        let mut out = String::new();
        render(&tree(&message), &mut Dice(seed | 1), &mut out);
        prop_assert!(check(&out) > 0, "{}", out);
    }

    /// The same messages changed in the ways serde treats specially:
    /// agreement either way, whether accepted or not.
    #[test]
    fn mangled_messages_agree(message in message(), seed in any::<u64>(), wild in 2usize..12) {
        let mut dice = Dice(seed | 1);
        let mut out = String::new();
        render(&mangle(tree(&message), &mut dice, wild, None), &mut dice, &mut out);
        check(&out);
    }

    /// Broken text: cut, with bytes deleted or tokens inserted.
    #[test]
    fn broken_messages_agree(message in message(), seed in any::<u64>()) {
        let mut dice = Dice(seed | 1);
        let mut out = String::new();
        render(&tree(&message), &mut dice, &mut out);
        check(&mutate(&out, &mut dice));
    }

    /// Text made of JSON's own pieces, in any order.
    #[test]
    fn token_soup_agrees(tokens in vec(select(TOKENS), 0..24)) {
        check(&tokens.concat());
    }

    /// Any text at all.
    #[test]
    fn any_text_agrees(text in any::<String>()) {
        check(&text);
    }
}

// ---------------------------------------------------------------- writer

fn body_text() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        vec(
            select(vec![
                '"', '\\', '/', '\u{0}', '\u{8}', '\u{c}', '\n', '\r', '\t', '\u{1f}', '\u{7f}',
                'é', '😀', '\u{2028}', 'a'
            ]),
            0..12
        )
        .prop_map(String::from_iter),
    ]
}

fn written_as_serde_writes<T>(value: &T)
where
    T: ToJson + serde::Serialize + DeserializeOwned + PartialEq + Debug,
{
    let ours = value.to_json();
    assert_eq!(ours, serde_json::to_string(value).unwrap());
    assert_eq!(&serde_json::from_str::<T>(&ours).unwrap(), value);
}

#[test]
fn fixed_request_bodies() {
    use record_access_contract::{EndReason, SafeguardingChoice};
    for reason in [
        None,
        Some(EndReason::Exit),
        Some(EndReason::SignOut),
        Some(EndReason::Timeout),
    ] {
        written_as_serde_writes(&EndSessionRequest { reason });
    }
    for choice in [
        SafeguardingChoice::Continue,
        SafeguardingChoice::GetHelp,
        SafeguardingChoice::Exit,
    ] {
        written_as_serde_writes(&AcknowledgementRequest { choice });
    }
    for scope in [DisableScope::RecordAccess, DisableScope::NhsLogin] {
        for confirmed in [false, true] {
            written_as_serde_writes(&DisableRequest { scope, confirmed });
        }
    }
}

proptest! {
    #[test]
    fn redaction_requests_are_written_as_serde_writes_them(
        entry_id in body_text(),
        note in proptest::option::of(body_text()),
    ) {
        written_as_serde_writes(&RedactionRequest { entry_id, note });
    }
}
