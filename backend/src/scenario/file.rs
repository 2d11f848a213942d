//! The on-disk format of a scenario file (`fixtures/<name>.json`), as
//! documented in `fixtures/README.md`. Unknown fields are mistakes.

use record_access_contract::ResultsRelease;
use serde::{Deserialize, Serialize};

/// One scenario file.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ScenarioFile {
    /// One line for the designer preview's scenario list.
    pub description: String,
    /// The scenario of a browser that has not chosen one. Exactly one file
    /// sets this.
    #[serde(default)]
    pub default: bool,
    pub patient: PatientFile,
    pub record_access: RecordAccessFile,
    #[serde(default = "default_idle_timeout")]
    pub idle_timeout_seconds: u32,
    /// The patient's preference before they change it: when new test
    /// results are released to them.
    #[serde(default = "after_review")]
    pub results_release: ResultsRelease,
    /// Sends every entry as written, without the safety filter, and allows
    /// malformed entries: for testing the app's own filter.
    #[serde(default)]
    pub send_unfiltered: bool,
    /// With `send_unfiltered`: the `available_from` of entry pages, when it
    /// should differ from the session's.
    #[serde(default)]
    pub entries_available_from: Option<String>,
    #[serde(default)]
    pub entries: Vec<EntryFile>,
    /// With `send_unfiltered`: any JSON values, sent as entries as they are.
    #[serde(default)]
    pub raw_entries: Vec<serde_json::Value>,
    /// Entries made by a seeded generator, after the written ones.
    #[serde(default)]
    pub generate: Option<GenerateFile>,
    /// People with proxy access to the record, in the order listed.
    #[serde(default)]
    pub proxies: Vec<ProxyFile>,
    /// Earlier sign-ins as this patient, besides the ones made through
    /// `/auth/login`.
    #[serde(default)]
    pub sign_ins: Vec<SignInFile>,
}

/// Someone with proxy access. Dates are counted back from the fixed clock's
/// today, so that screenshots do not drift.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProxyFile {
    pub id: String,
    pub name: String,
    #[serde(default)]
    pub relationship: Option<String>,
    pub can_see: Vec<String>,
    /// Their access started this many days before today.
    #[serde(default)]
    pub since_days_ago: Option<u32>,
    /// With `send_unfiltered`: `since` exactly as sent, any text.
    #[serde(default)]
    pub since: Option<String>,
    /// A removal the patient already asked for, still waiting.
    #[serde(default)]
    pub removal_requested: Option<RemovalRequestedFile>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RemovalRequestedFile {
    pub reference: String,
    /// Asked this many days before today.
    pub days_ago: u32,
}

/// An earlier sign-in, counted back from the fixed clock's now.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SignInFile {
    #[serde(default)]
    pub days_ago: Option<u32>,
    #[serde(default)]
    pub minutes_ago: Option<u32>,
    /// With `send_unfiltered`: `at` exactly as sent, any text.
    #[serde(default)]
    pub at: Option<String>,
    pub device: String,
    /// Whether that session is still signed in (until the patient signs
    /// out everywhere else).
    #[serde(default)]
    pub active: bool,
}

fn default_idle_timeout() -> u32 {
    600
}

fn after_review() -> ResultsRelease {
    ResultsRelease::AfterReview
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PatientFile {
    pub given_name: String,
    pub family_name: String,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RecordAccessFile {
    /// `YYYY-MM-DD`.
    pub available_from: String,
    /// When set, access starts turned off and this is the reference of the
    /// earlier request.
    #[serde(default)]
    pub disabled_reference: Option<String>,
}

/// One written entry. Serialises to the wire shape of an entry.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct EntryFile {
    pub id: String,
    pub kind: String,
    pub recorded_on: String,
    pub title: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub summary: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub clinician: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location: Option<String>,
    #[serde(default = "visible")]
    pub visibility: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub details: Option<Vec<DetailFile>>,
    /// A test result the patient has not opened yet; sent until they
    /// open it.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub unopened: bool,
    /// Only in the file, never sent: `false` marks a reviewed test result
    /// that nobody at the GP surgery has talked about with the patient
    /// yet, held while the patient's results release is
    /// `after_conversation`.
    #[serde(default, skip_serializing)]
    pub discussed: Option<bool>,
}

impl EntryFile {
    /// Held while the patient asks for results only after a conversation.
    pub fn awaits_conversation(&self) -> bool {
        self.discussed == Some(false)
    }
}

fn visible() -> String {
    "visible".to_owned()
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct DetailFile {
    pub label: String,
    pub value: String,
}

/// A seeded generator of entries.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GenerateFile {
    pub count: u32,
    pub seed: u64,
    /// First possible date; defaults to the access start date.
    #[serde(default)]
    pub from: Option<String>,
    /// Last possible date; defaults to today on the fixed clock.
    #[serde(default)]
    pub to: Option<String>,
    /// Ids are this prefix and a five-digit number.
    pub id_prefix: String,
    /// Share of entries that carry a time of day, 0 to 100.
    #[serde(default)]
    pub timestamped_percent: u8,
    pub clinicians: Vec<String>,
    pub locations: Vec<String>,
    pub templates: Vec<TemplateFile>,
}

/// One kind of generated entry.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TemplateFile {
    pub kind: String,
    pub title: String,
    #[serde(default)]
    pub summary: Option<String>,
    /// How often this template is picked relative to the others.
    #[serde(default = "one")]
    pub weight: u32,
    #[serde(default = "visible")]
    pub visibility: String,
    #[serde(default = "yes")]
    pub with_clinician: bool,
    #[serde(default = "yes")]
    pub with_location: bool,
    #[serde(default)]
    pub details: Vec<TemplateDetail>,
}

fn one() -> u32 {
    1
}

fn yes() -> bool {
    true
}

/// A detail whose value is picked from `values`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TemplateDetail {
    pub label: String,
    pub values: Vec<String>,
}
