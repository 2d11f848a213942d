//! Reading and checking scenario files.

use std::collections::{HashMap, HashSet};
use std::fmt;
use std::path::{Path, PathBuf};

use record_access_contract::uk_time::{
    format_rfc3339_utc, parse_recorded_on, parse_rfc3339_utc, Date,
};
use record_access_contract::{
    Entry, EntryKind, Patient, Proxy, RemovalRequested, ResultsRelease, Visibility,
};

use super::file::{EntryFile, GenerateFile, ProxyFile, ScenarioFile, SignInFile};
use super::generate::generate;
use super::{FixtureSignIn, Scenario, ServedEntry};
use crate::clock::FixedClock;
use crate::reference::is_reference;
use crate::safety::patient_may_see;
use serde_json::value::RawValue;

/// A scenario file that cannot be used: which file, where in it, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FixtureError {
    pub file: PathBuf,
    /// Path of the offending field, such as `entries[3].visibility`; empty
    /// when the problem is the file or directory as a whole.
    pub path: String,
    pub message: String,
}

impl fmt::Display for FixtureError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.path.is_empty() {
            write!(f, "bad fixture {}: {}", self.file.display(), self.message)
        } else {
            write!(
                f,
                "bad fixture {}: at {}: {}",
                self.file.display(),
                self.path,
                self.message
            )
        }
    }
}

impl std::error::Error for FixtureError {}

const KNOWN_VISIBILITIES: [&str; 3] = ["visible", "redacted", "awaiting_review"];

/// Furthest back a relative date in a scenario file may go, in days
/// (about a hundred years).
const MAX_DAYS_AGO: u32 = 36_500;

/// Reads every `*.json` in `dir` (in name order) and returns the scenarios
/// with the index of the default one.
pub fn load_dir(dir: &Path, clock: &FixedClock) -> Result<(Vec<Scenario>, usize), FixtureError> {
    let dir_error = |message: String| FixtureError {
        file: dir.to_owned(),
        path: String::new(),
        message,
    };
    let read =
        std::fs::read_dir(dir).map_err(|e| dir_error(format!("cannot read directory: {e}")))?;
    let mut files: Vec<PathBuf> = read
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();
    let mut scenarios = Vec::new();
    let mut default = None;
    for path in &files {
        let (scenario, is_default) = load_file(path, clock)?;
        if is_default {
            if let Some(i) = default {
                let first: &Scenario = &scenarios[i];
                return Err(FixtureError {
                    file: path.clone(),
                    path: "default".to_owned(),
                    message: format!(
                        "only one scenario can be the default; {} is too",
                        first.name
                    ),
                });
            }
            default = Some(scenarios.len());
        }
        scenarios.push(scenario);
    }
    let default =
        default.ok_or_else(|| dir_error("no scenario file sets \"default\": true".to_owned()))?;
    Ok((scenarios, default))
}

/// Reads and checks one file.
pub fn load_file(path: &Path, clock: &FixedClock) -> Result<(Scenario, bool), FixtureError> {
    let err = |field: &str, message: String| FixtureError {
        file: path.to_owned(),
        path: field.to_owned(),
        message,
    };
    let name = path
        .file_stem()
        .and_then(|s| s.to_str())
        .filter(|s| {
            !s.is_empty()
                && s.bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        })
        .ok_or_else(|| {
            err(
                "",
                "file names are scenario names: lower-case letters, digits and '-'".to_owned(),
            )
        })?
        .to_owned();
    let bytes = std::fs::read(path).map_err(|e| err("", format!("cannot read: {e}")))?;
    let de = &mut serde_json::Deserializer::from_slice(&bytes);
    let file: ScenarioFile = serde_path_to_error::deserialize(de).map_err(|e| {
        let at = e.path().to_string();
        err(if at == "." { "" } else { &at }, e.into_inner().to_string())
    })?;
    check(&file, &err)?;
    let available_from = Date::parse(&file.record_access.available_from).ok_or_else(|| {
        err(
            "record_access.available_from",
            "not a YYYY-MM-DD date".to_owned(),
        )
    })?;

    let mut written = file.entries.clone();
    if let Some(spec) = &file.generate {
        let (from, to) = generate_range(spec, available_from, clock, &err)?;
        written.extend(generate(spec, from, to));
    }

    // Serialised straight from the typed values so the fields keep their
    // contract order.
    let mut entries: Vec<ServedEntry> = Vec::new();
    if file.send_unfiltered {
        for e in &written {
            let opened = EntryFile {
                unopened: false,
                ..e.clone()
            };
            entries.push(ServedEntry {
                id: Some(e.id.clone()),
                json: raw(e),
                opened_json: e.unopened.then(|| raw(&opened)),
                awaits_conversation: e.awaits_conversation(),
            });
        }
        for v in &file.raw_entries {
            let id = v.get("id").and_then(|id| id.as_str()).map(str::to_owned);
            // Whatever `unopened` holds is sent as written until the
            // patient opens the entry; then the field goes.
            let opened_json = v
                .as_object()
                .filter(|o| o.contains_key("unopened"))
                .map(|o| {
                    let mut o = o.clone();
                    o.remove("unopened");
                    raw(&o)
                });
            entries.push(ServedEntry {
                id,
                json: raw(v),
                opened_json,
                awaits_conversation: false,
            });
        }
    } else {
        let mut seen = HashSet::new();
        for (i, e) in written.iter().enumerate() {
            let at = entry_path(&file, i);
            let entry = to_contract_entry(e).map_err(|(f, m)| err(&format!("{at}{f}"), m))?;
            if !seen.insert(entry.id.clone()) {
                return Err(err(
                    &format!("{at}.id"),
                    format!("duplicate id {:?}", entry.id),
                ));
            }
            if patient_may_see(entry.visibility, &entry.recorded_on, available_from) {
                let opened = Entry {
                    unopened: false,
                    ..entry.clone()
                };
                entries.push(ServedEntry {
                    id: Some(entry.id.clone()),
                    json: raw(&entry),
                    opened_json: entry.unopened.then(|| raw(&opened)),
                    awaits_conversation: e.awaits_conversation(),
                });
            }
        }
    }
    let mut by_id = HashMap::new();
    for (i, e) in entries.iter().enumerate() {
        if let Some(id) = &e.id {
            by_id.entry(id.clone()).or_insert(i);
        }
    }
    let proxies = file
        .proxies
        .iter()
        .enumerate()
        .map(|(i, p)| {
            to_proxy(p, file.send_unfiltered, clock.today())
                .map_err(|(f, m)| err(&format!("proxies[{i}]{f}"), m))
        })
        .collect::<Result<Vec<_>, _>>()?;
    let mut ids = HashSet::new();
    for (i, p) in proxies.iter().enumerate() {
        if !ids.insert(p.id.as_str()) {
            return Err(err(
                &format!("proxies[{i}].id"),
                format!("duplicate id {:?}", p.id),
            ));
        }
    }
    let sign_ins = file
        .sign_ins
        .iter()
        .enumerate()
        .map(|(i, s)| {
            to_sign_in(s, file.send_unfiltered, clock)
                .map_err(|(f, m)| err(&format!("sign_ins[{i}]{f}"), m))
        })
        .collect::<Result<Vec<_>, _>>()?;
    let scenario = Scenario {
        name,
        description: file.description.clone(),
        patient: Patient {
            given_name: file.patient.given_name.clone(),
            family_name: file.patient.family_name.clone(),
        },
        available_from,
        disabled_reference: file.record_access.disabled_reference.clone(),
        idle_timeout_seconds: file.idle_timeout_seconds,
        entries_available_from: file
            .entries_available_from
            .clone()
            .unwrap_or_else(|| available_from.to_iso()),
        entries,
        by_id,
        proxies,
        sign_ins,
        results_release: file.results_release,
    };
    Ok((scenario, file.default))
}

/// `today` less `days`.
fn days_before(today: Date, days: u32) -> Date {
    Date::from_days_since_epoch(today.days_since_epoch() - i64::from(days))
}

fn check_days_ago(days: u32) -> Result<u32, String> {
    if days <= MAX_DAYS_AGO {
        Ok(days)
    } else {
        Err(format!("at most {MAX_DAYS_AGO}"))
    }
}

/// A proxy as the contract types it, `since` and `requested_on` resolved
/// against `today`; when the written one does not fit, the field and why.
fn to_proxy(p: &ProxyFile, unfiltered: bool, today: Date) -> Result<Proxy, (String, String)> {
    let at = |field: &str, message: String| (field.to_owned(), message);
    if p.id.is_empty() {
        return Err(at(".id", "must not be empty".to_owned()));
    }
    if p.name.trim().is_empty() {
        return Err(at(".name", "must not be empty".to_owned()));
    }
    if !unfiltered {
        for (i, value) in p.can_see.iter().enumerate() {
            check_word(value).map_err(|m| at(&format!(".can_see[{i}]"), m))?;
        }
    }
    let since = match (p.since_days_ago, &p.since) {
        (Some(days), None) => days_before(
            today,
            check_days_ago(days).map_err(|m| at(".since_days_ago", m))?,
        )
        .to_iso(),
        (None, Some(text)) if unfiltered => text.clone(),
        (None, Some(_)) => {
            return Err(at(
                ".since",
                "only allowed with \"send_unfiltered\": true; use since_days_ago".to_owned(),
            ))
        }
        (None, None) => {
            return Err(at(
                ".since_days_ago",
                "missing: how many days ago their access started".to_owned(),
            ))
        }
        (Some(_), Some(_)) => {
            return Err(at(
                ".since",
                "give since_days_ago or since, not both".to_owned(),
            ))
        }
    };
    let removal_requested = match &p.removal_requested {
        None => None,
        Some(r) => {
            if !is_reference(&r.reference) {
                return Err(at(
                    ".removal_requested.reference",
                    "must look like RA-XXXXXXXX (eight of 0-9 and A-Z)".to_owned(),
                ));
            }
            let days =
                check_days_ago(r.days_ago).map_err(|m| at(".removal_requested.days_ago", m))?;
            Some(RemovalRequested {
                reference: r.reference.clone(),
                requested_on: days_before(today, days).to_iso(),
            })
        }
    };
    Ok(Proxy {
        id: p.id.clone(),
        name: p.name.clone(),
        relationship: p.relationship.clone(),
        can_see: p.can_see.clone(),
        since,
        removal_requested,
    })
}

/// A sign-in with `at` resolved against the fixed clock's now.
fn to_sign_in(
    s: &SignInFile,
    unfiltered: bool,
    clock: &FixedClock,
) -> Result<FixtureSignIn, (String, String)> {
    let at = |field: &str, message: String| (field.to_owned(), message);
    if s.device.trim().is_empty() {
        return Err(at(".device", "must not be empty".to_owned()));
    }
    let text = match (&s.at, s.days_ago, s.minutes_ago) {
        (None, None, None) => {
            return Err(at(
                ".days_ago",
                "give days_ago, minutes_ago or both (or, unfiltered, at)".to_owned(),
            ))
        }
        (None, days, minutes) => {
            let days = check_days_ago(days.unwrap_or(0)).map_err(|m| at(".days_ago", m))?;
            let minutes = minutes.unwrap_or(0);
            if minutes > MAX_DAYS_AGO * 1440 {
                return Err(at(
                    ".minutes_ago",
                    format!("at most {}", MAX_DAYS_AGO * 1440),
                ));
            }
            let ago = i64::from(days) * 86_400 + i64::from(minutes) * 60;
            format_rfc3339_utc(clock.now_seconds() - ago)
        }
        (Some(text), None, None) if unfiltered => text.clone(),
        (Some(_), None, None) => {
            return Err(at(
                ".at",
                "only allowed with \"send_unfiltered\": true; use days_ago and minutes_ago"
                    .to_owned(),
            ))
        }
        (Some(_), _, _) => {
            return Err(at(
                ".at",
                "give at or days_ago and minutes_ago, not both".to_owned(),
            ))
        }
    };
    Ok(FixtureSignIn {
        at_seconds: parse_rfc3339_utc(&text),
        at: text,
        device: s.device.clone(),
        active: s.active,
    })
}

/// Ready JSON of a value that always serialises.
fn raw<T: serde::Serialize>(v: &T) -> Box<RawValue> {
    serde_json::value::to_raw_value(v).expect("entries serialise")
}

/// Where entry `i` of the combined written-then-generated list comes from.
fn entry_path(file: &ScenarioFile, i: usize) -> String {
    if i < file.entries.len() {
        format!("entries[{i}]")
    } else {
        format!("generate (entry {})", i - file.entries.len() + 1)
    }
}

/// Checks the rules that the file format's types cannot express.
fn check(
    file: &ScenarioFile,
    err: &dyn Fn(&str, String) -> FixtureError,
) -> Result<(), FixtureError> {
    if file.description.trim().is_empty() {
        return Err(err("description", "must not be empty".to_owned()));
    }
    if file.patient.given_name.trim().is_empty() {
        return Err(err("patient.given_name", "must not be empty".to_owned()));
    }
    if file.patient.family_name.trim().is_empty() {
        return Err(err("patient.family_name", "must not be empty".to_owned()));
    }
    if let Some(r) = &file.record_access.disabled_reference {
        if !is_reference(r) {
            return Err(err(
                "record_access.disabled_reference",
                "must look like RA-XXXXXXXX (eight of 0-9 and A-Z)".to_owned(),
            ));
        }
    }
    if file.results_release == ResultsRelease::Unknown {
        return Err(err(
            "results_release",
            "must be \"after_review\" or \"after_conversation\"".to_owned(),
        ));
    }
    if !(1..=86_400).contains(&file.idle_timeout_seconds) {
        return Err(err(
            "idle_timeout_seconds",
            "must be between 1 and 86400".to_owned(),
        ));
    }
    if !file.send_unfiltered {
        if file.entries_available_from.is_some() {
            return Err(err(
                "entries_available_from",
                "only allowed with \"send_unfiltered\": true".to_owned(),
            ));
        }
        if !file.raw_entries.is_empty() {
            return Err(err(
                "raw_entries",
                "only allowed with \"send_unfiltered\": true".to_owned(),
            ));
        }
        for (i, e) in file.entries.iter().enumerate() {
            to_contract_entry(e).map_err(|(f, m)| err(&format!("entries[{i}]{f}"), m))?;
        }
    }
    if let Some(g) = &file.generate {
        check_generator(g, file.send_unfiltered, err)?;
    }
    Ok(())
}

fn check_generator(
    g: &GenerateFile,
    unfiltered: bool,
    err: &dyn Fn(&str, String) -> FixtureError,
) -> Result<(), FixtureError> {
    if g.count > 100_000 {
        return Err(err("generate.count", "at most 100000".to_owned()));
    }
    if g.timestamped_percent > 100 {
        return Err(err(
            "generate.timestamped_percent",
            "at most 100".to_owned(),
        ));
    }
    if g.clinicians.is_empty() {
        return Err(err("generate.clinicians", "must not be empty".to_owned()));
    }
    if g.locations.is_empty() {
        return Err(err("generate.locations", "must not be empty".to_owned()));
    }
    if g.templates.is_empty() {
        return Err(err("generate.templates", "must not be empty".to_owned()));
    }
    for (i, t) in g.templates.iter().enumerate() {
        let at = format!("generate.templates[{i}]");
        if t.weight == 0 {
            return Err(err(
                &format!("{at}.weight"),
                "must be at least 1".to_owned(),
            ));
        }
        if !unfiltered {
            check_kind(&t.kind).map_err(|m| err(&format!("{at}.kind"), m))?;
            check_visibility(&t.visibility).map_err(|m| err(&format!("{at}.visibility"), m))?;
        }
        for (j, d) in t.details.iter().enumerate() {
            if d.values.is_empty() {
                return Err(err(
                    &format!("{at}.details[{j}].values"),
                    "must not be empty".to_owned(),
                ));
            }
        }
    }
    Ok(())
}

fn generate_range(
    g: &GenerateFile,
    available_from: Date,
    clock: &FixedClock,
    err: &dyn Fn(&str, String) -> FixtureError,
) -> Result<(Date, Date), FixtureError> {
    let parse = |v: &Option<String>, field: &str, fallback: Date| match v {
        None => Ok(fallback),
        Some(s) => Date::parse(s).ok_or_else(|| err(field, "not a YYYY-MM-DD date".to_owned())),
    };
    let from = parse(&g.from, "generate.from", available_from)?;
    let to = parse(&g.to, "generate.to", clock.today())?;
    if from > to {
        return Err(err(
            "generate",
            format!("from ({}) is after to ({})", from.to_iso(), to.to_iso()),
        ));
    }
    Ok((from, to))
}

/// The entry as the contract types it; when the written entry does not fit,
/// the field (`.kind`) and why.
fn to_contract_entry(e: &EntryFile) -> Result<Entry, (&'static str, String)> {
    if e.id.is_empty() {
        return Err((".id", "must not be empty".to_owned()));
    }
    check_kind(&e.kind).map_err(|m| (".kind", m))?;
    check_visibility(&e.visibility).map_err(|m| (".visibility", m))?;
    if parse_recorded_on(&e.recorded_on).is_none() {
        return Err((
            ".recorded_on",
            format!(
                "{:?} is neither YYYY-MM-DD nor an RFC 3339 timestamp",
                e.recorded_on
            ),
        ));
    }
    let value = serde_json::to_value(e).map_err(|x| ("", x.to_string()))?;
    let entry: Entry = serde_json::from_value(value).map_err(|x| ("", x.to_string()))?;
    if entry.kind != EntryKind::TestResult {
        if e.unopened {
            return Err((".unopened", "only a test_result can be unopened".to_owned()));
        }
        if e.discussed.is_some() {
            return Err((".discussed", "only a test_result is discussed".to_owned()));
        }
    }
    debug_assert!(entry.visibility != Visibility::Unknown);
    Ok(entry)
}

/// Kinds the app does not know yet are allowed (they show as generic
/// entries) but must look like a kind.
fn check_kind(kind: &str) -> Result<(), String> {
    if !kind.is_empty() && kind.bytes().all(|b| b.is_ascii_lowercase() || b == b'_') {
        Ok(())
    } else {
        Err(format!(
            "{kind:?} is not a kind (lower-case letters and '_')"
        ))
    }
}

/// A value the app may not know yet, such as a `can_see` value: allowed,
/// but it must look like one.
fn check_word(value: &str) -> Result<(), String> {
    if !value.is_empty() && value.bytes().all(|b| b.is_ascii_lowercase() || b == b'_') {
        Ok(())
    } else {
        Err(format!(
            "{value:?} is not a value (lower-case letters and '_')"
        ))
    }
}

fn check_visibility(v: &str) -> Result<(), String> {
    if KNOWN_VISIBILITIES.contains(&v) {
        Ok(())
    } else {
        Err(format!("{v:?} is not one of {KNOWN_VISIBILITIES:?}"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn clock() -> FixedClock {
        FixedClock::new("2026-11-02T10:00:00Z").unwrap()
    }

    fn write(dir: &Path, name: &str, body: &str) -> PathBuf {
        let p = dir.join(name);
        std::fs::write(&p, body).unwrap();
        p
    }

    fn temp_dir(tag: &str) -> PathBuf {
        let d = std::env::temp_dir().join(format!("ra-fixtures-{tag}-{}", crate::random::token(6)));
        std::fs::create_dir_all(&d).unwrap();
        d
    }

    const GOOD: &str = r#"{
        "description": "d", "default": true,
        "patient": {"given_name": "A", "family_name": "B"},
        "record_access": {"available_from": "2024-06-01"},
        "entries": [
            {"id": "1", "kind": "consultation", "recorded_on": "2024-06-02", "title": "t"},
            {"id": "2", "kind": "consultation", "recorded_on": "2024-05-31", "title": "early"},
            {"id": "3", "kind": "test_result", "recorded_on": "2024-06-03", "title": "r", "visibility": "awaiting_review"},
            {"id": "4", "kind": "consultation", "recorded_on": "2024-05-31T23:30:00Z", "title": "late evening"}
        ]
    }"#;

    #[test]
    fn filters_at_load() {
        let d = temp_dir("good");
        let p = write(&d, "one.json", GOOD);
        let (s, is_default) = load_file(&p, &clock()).unwrap();
        assert!(is_default);
        assert_eq!(s.name, "one");
        let ids: Vec<String> = s
            .entries
            .iter()
            .map(|e| serde_json::from_str::<Entry>(e.json.get()).unwrap().id)
            .collect();
        assert_eq!(ids, ["1", "4"]);
        let view = crate::scenario::PatientView::initial(&s);
        assert!(s.entry("2", &view).is_none());
        assert!(s.entry("4", &view).is_some());
    }

    #[test]
    fn errors_name_file_and_field() {
        let d = temp_dir("bad");
        let bad = GOOD.replace("\"awaiting_review\"", "\"secret\"");
        let p = write(&d, "bad.json", &bad);
        let e = load_file(&p, &clock()).unwrap_err();
        assert_eq!(e.path, "entries[2].visibility");
        assert!(e.to_string().contains("bad.json"), "{e}");
        assert!(e.to_string().contains("secret"), "{e}");

        let unknown = GOOD.replace("\"title\": \"t\"", "\"title\": \"t\", \"colour\": 1");
        let p = write(&d, "unknown.json", &unknown);
        let e = load_file(&p, &clock()).unwrap_err();
        assert_eq!(e.path, "entries[0].colour");
        assert!(e.message.contains("colour"), "{e}");

        let wrong_type = GOOD.replace("\"given_name\": \"A\"", "\"given_name\": 5");
        let p = write(&d, "wrong.json", &wrong_type);
        let e = load_file(&p, &clock()).unwrap_err();
        assert_eq!(e.path, "patient.given_name");
    }

    fn with_people(people: &str) -> String {
        GOOD.replacen("\"entries\": [", &format!("{people}, \"entries\": ["), 1)
    }

    #[test]
    fn proxies_and_sign_ins_are_dated_from_the_fixed_clock() {
        let d = temp_dir("people");
        let body = with_people(
            r#""proxies": [
                {"id": "p-1", "name": "Mark", "relationship": "Partner", "can_see": ["record"], "since_days_ago": 2},
                {"id": "p 2", "name": "Ann", "can_see": [], "since_days_ago": 0,
                 "removal_requested": {"reference": "RA-00000001", "days_ago": 1}}
            ],
            "sign_ins": [
                {"days_ago": 3, "minutes_ago": 90, "device": "Chrome on Android", "active": true},
                {"minutes_ago": 5, "device": "Safari on iPhone"}
            ]"#,
        );
        let p = write(&d, "people.json", &body);
        let (s, _) = load_file(&p, &clock()).unwrap();
        assert_eq!(s.proxies[0].since, "2026-10-31");
        assert_eq!(s.proxies[0].relationship.as_deref(), Some("Partner"));
        assert_eq!(s.proxies[1].since, "2026-11-02");
        assert_eq!(s.proxies[1].relationship, None);
        assert_eq!(
            s.proxies[1]
                .removal_requested
                .as_ref()
                .unwrap()
                .requested_on,
            "2026-11-01"
        );
        assert_eq!(s.proxy("p 2").unwrap().name, "Ann");
        assert!(s.proxy("p-3").is_none());
        assert_eq!(s.sign_ins[0].at, "2026-10-30T08:30:00Z");
        assert!(s.sign_ins[0].active);
        assert_eq!(s.sign_ins[1].at, "2026-11-02T09:55:00Z");
        assert_eq!(s.sign_ins[1].at_seconds, Some(clock().now_seconds() - 300));
        assert!(!s.sign_ins[1].active);
    }

    #[test]
    fn people_errors_name_the_field() {
        let d = temp_dir("people-bad");
        let proxy = r#"{"id": "p-1", "name": "Mark", "can_see": ["record"], "since_days_ago": 2}"#;
        for (people, field) in [
            (format!(r#""proxies": [{proxy}, {proxy}]"#), "proxies[1].id"),
            (
                proxy
                    .replace("[\"record\"]", "[\"Record!\"]")
                    .replace('{', "\"proxies\": [{")
                    + "]",
                "proxies[0].can_see[0]",
            ),
            (
                proxy
                    .replace("\"since_days_ago\": 2", "\"since\": \"soon\"")
                    .replace('{', "\"proxies\": [{")
                    + "]",
                "proxies[0].since",
            ),
            (
                proxy
                    .replace(", \"since_days_ago\": 2", "")
                    .replace('{', "\"proxies\": [{")
                    + "]",
                "proxies[0].since_days_ago",
            ),
            (
                proxy
                    .replace("\"Mark\"", "\" \"")
                    .replace('{', "\"proxies\": [{")
                    + "]",
                "proxies[0].name",
            ),
            (
                r#""sign_ins": [{"at": "2026-11-01T10:00:00Z", "device": "Firefox"}]"#.to_owned(),
                "sign_ins[0].at",
            ),
            (
                r#""sign_ins": [{"device": "Firefox"}]"#.to_owned(),
                "sign_ins[0].days_ago",
            ),
            (
                r#""sign_ins": [{"days_ago": 40000, "device": "Firefox"}]"#.to_owned(),
                "sign_ins[0].days_ago",
            ),
            (
                r#""sign_ins": [{"days_ago": 1, "device": ""}]"#.to_owned(),
                "sign_ins[0].device",
            ),
            (
                r#""sign_ins": [{"days_ago": 1, "device": "Firefox", "colour": "red"}]"#.to_owned(),
                "sign_ins[0].colour",
            ),
        ] {
            let p = write(&d, "bad.json", &with_people(&people));
            let e = load_file(&p, &clock()).unwrap_err();
            assert_eq!(e.path, field, "{people}: {e}");
        }
    }

    #[test]
    fn unfiltered_scenarios_may_send_poor_people_data() {
        let d = temp_dir("people-unfiltered");
        let body = with_people(
            r#""send_unfiltered": true,
            "proxies": [{"id": "p", "name": "<b>Bold</b>", "can_see": ["Who knows?"], "since": "last year"}],
            "sign_ins": [{"at": "yesterday", "device": "Unknown browser"}]"#,
        );
        let p = write(&d, "poor.json", &body);
        let (s, _) = load_file(&p, &clock()).unwrap();
        assert_eq!(s.proxies[0].since, "last year");
        assert_eq!(s.proxies[0].can_see, ["Who knows?"]);
        assert_eq!(s.sign_ins[0].at, "yesterday");
        assert_eq!(s.sign_ins[0].at_seconds, None);
    }

    #[test]
    fn exactly_one_default() {
        let d = temp_dir("defaults");
        write(&d, "a.json", GOOD);
        write(&d, "b.json", GOOD);
        let e = load_dir(&d, &clock()).unwrap_err();
        assert_eq!(e.path, "default");
        let d = temp_dir("nodefault");
        write(&d, "a.json", &GOOD.replace("\"default\": true,", ""));
        assert!(load_dir(&d, &clock()).is_err());
    }
}
