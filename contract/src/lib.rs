//! The record access API's request and response types.
//!
//! The app and the reference backend both compile this crate, so the two
//! cannot disagree about the shape of a message. `docs/openapi.yaml` is the
//! same contract written for people and other tools; a test checks the
//! reference backend's responses against it.
//!
//! Rules that the types encode:
//! - Request bodies reject unknown fields (`deny_unknown_fields`): the backend
//!   answers them with a 400 problem.
//! - Response bodies ignore unknown fields, so the backend can add fields
//!   without breaking deployed apps.
//! - Anything unknown about an entry's visibility means hidden
//!   ([`Visibility::Unknown`]); an unknown kind is shown as a generic entry
//!   ([`EntryKind::Other`]).
//! - An entry's `unopened` is read fail closed: anything but a missing
//!   field or `false` means the patient has not opened it ([`unopened`]).
//! - What a proxy can see and when anything happened are kept as text, so
//!   that poor data still shows the person or the sign-in
//!   ([`Proxy`], [`SignIn`]).

use serde::{Deserialize, Serialize};

pub mod uk_time;
pub mod unopened;

/// Every path below lives under this prefix.
pub const API_PREFIX: &str = "/api/v1";

/// Largest `note` a redaction request may carry, in characters.
pub const REDACTION_NOTE_MAX_CHARS: usize = 1000;

/// Page size bounds for `GET /record/entries`.
pub const ENTRIES_LIMIT_MIN: u32 = 1;
pub const ENTRIES_LIMIT_MAX: u32 = 500;
pub const ENTRIES_LIMIT_DEFAULT: u32 = 100;

// ---------------------------------------------------------------- session

/// `GET /session`
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Session {
    pub patient: Patient,
    pub record_access: RecordAccess,
    pub safeguarding: Safeguarding,
    pub idle_timeout_seconds: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Patient {
    pub given_name: String,
    pub family_name: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RecordAccess {
    pub status: AccessStatus,
    /// `YYYY-MM-DD`, a date in UK time.
    pub available_from: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AccessStatus {
    Enabled,
    Disabled,
    /// A value this app does not know. Treated as disabled.
    #[serde(other)]
    Unknown,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Safeguarding {
    pub acknowledged: bool,
}

/// `POST /session/end`. The body may also be empty (a beacon).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EndSessionRequest {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<EndReason>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EndReason {
    Exit,
    SignOut,
    Timeout,
}

// ---------------------------------------------------------- safeguarding

/// `POST /safeguarding/acknowledgements`
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AcknowledgementRequest {
    pub choice: SafeguardingChoice,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SafeguardingChoice {
    Continue,
    GetHelp,
    Exit,
}

// ---------------------------------------------------------------- record

/// `GET /record/entries`. Generic over the entry type so that the app can
/// decode each entry on its own (see [`Lenient`]) while the backend sends
/// plain [`Entry`] values.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EntriesPage<E = Entry> {
    /// `YYYY-MM-DD`, a date in UK time.
    pub available_from: String,
    pub entries: Vec<E>,
    #[serde(default)]
    pub next_cursor: Option<String>,
}

/// One entry of the record, as the backend sends it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entry {
    pub id: String,
    pub kind: EntryKind,
    /// `YYYY-MM-DD` or an RFC 3339 timestamp. Kept as text: the app decides
    /// what a date that does not parse means (the entry is not shown).
    pub recorded_on: String,
    pub title: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub summary: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub clinician: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location: Option<String>,
    /// Missing or unknown means hidden.
    #[serde(default)]
    pub visibility: Visibility,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub details: Option<Vec<Detail>>,
    /// A test result the patient has not opened yet. Read fail closed
    /// ([`unopened`]): only a missing field or exactly `false` means
    /// opened; `true`, `null` or any other value means unopened, and the
    /// entry is still shown, as unopened.
    #[serde(
        default,
        deserialize_with = "unopened::deserialize",
        skip_serializing_if = "std::ops::Not::not"
    )]
    pub unopened: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EntryKind {
    Consultation,
    TestResult,
    Medicine,
    Allergy,
    Immunisation,
    Document,
    Problem,
    /// A kind this app does not know: shown as a generic entry.
    #[serde(other)]
    Other,
}

impl EntryKind {
    /// The kinds a patient can filter by, in the order they are offered.
    pub const KNOWN: [EntryKind; 7] = [
        EntryKind::Consultation,
        EntryKind::TestResult,
        EntryKind::Medicine,
        EntryKind::Allergy,
        EntryKind::Immunisation,
        EntryKind::Document,
        EntryKind::Problem,
    ];

    /// The wire name, also used in the URL query of the kind filter.
    pub fn as_str(self) -> &'static str {
        match self {
            EntryKind::Consultation => "consultation",
            EntryKind::TestResult => "test_result",
            EntryKind::Medicine => "medicine",
            EntryKind::Allergy => "allergy",
            EntryKind::Immunisation => "immunisation",
            EntryKind::Document => "document",
            EntryKind::Problem => "problem",
            EntryKind::Other => "other",
        }
    }

    /// The inverse of [`EntryKind::as_str`] for the known kinds.
    pub fn parse(s: &str) -> Option<EntryKind> {
        EntryKind::KNOWN.into_iter().find(|k| k.as_str() == s)
    }
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Visibility {
    Visible,
    Redacted,
    AwaitingReview,
    /// Missing or a value this app does not know: never shown.
    #[default]
    #[serde(other)]
    Unknown,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Detail {
    pub label: String,
    pub value: String,
}

/// An item that decodes to `Valid` when it has the expected shape and to
/// `Invalid` otherwise, so that one malformed entry does not make a whole
/// page undecodable. The app drops `Invalid` items (fail closed).
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(untagged)]
pub enum Lenient<T> {
    Valid(T),
    Invalid(serde::de::IgnoredAny),
}

impl<T> Lenient<T> {
    pub fn valid(self) -> Option<T> {
        match self {
            Lenient::Valid(t) => Some(t),
            Lenient::Invalid(_) => None,
        }
    }
}

// ------------------------------------------------------------ preferences

/// `GET /preferences`, and the stored body that `PUT /preferences` answers
/// with.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Preferences {
    pub results_release: ResultsRelease,
}

/// `PUT /preferences` (with an `Idempotency-Key` header): the whole
/// preference set.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PreferencesRequest {
    /// [`ResultsRelease::Unknown`] is never sent; the backend answers it
    /// with a 400 problem.
    pub results_release: ResultsRelease,
}

/// When a new test result is released to the patient (and to everyone
/// with proxy access).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ResultsRelease {
    /// Once a clinician at the GP surgery has reviewed it.
    AfterReview,
    /// Only once someone at the GP surgery has talked to the patient about
    /// it. Until then it is held like a result awaiting review.
    AfterConversation,
    /// A value this app does not know: neither choice is marked.
    #[serde(other)]
    Unknown,
}

impl ResultsRelease {
    /// The choices a patient can make, in the order they are offered.
    pub const CHOICES: [ResultsRelease; 2] = [
        ResultsRelease::AfterReview,
        ResultsRelease::AfterConversation,
    ];

    /// The wire name.
    pub fn as_str(self) -> &'static str {
        match self {
            ResultsRelease::AfterReview => "after_review",
            ResultsRelease::AfterConversation => "after_conversation",
            ResultsRelease::Unknown => "unknown",
        }
    }
}

// ------------------------------------------------------ redaction requests

/// `POST /record/redaction-requests` (with an `Idempotency-Key` header).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RedactionRequest {
    pub entry_id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// 202 answer to a redaction request.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RedactionAccepted {
    pub reference: String,
}

// ---------------------------------------------------------------- access

/// `POST /access/disable` (with an `Idempotency-Key` header).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DisableRequest {
    pub scope: DisableScope,
    pub confirmed: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DisableScope {
    RecordAccess,
    NhsLogin,
}

/// 200 answer to `POST /access/disable`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AccessDisabled {
    pub reference: String,
    pub scope: DisableScope,
    /// RFC 3339 timestamp.
    pub disabled_at: String,
}

// ---------------------------------------------------------------- people

/// `GET /access/proxies`: the people with proxy access to the patient's
/// record. Answered whether or not the patient's own record access is on:
/// a proxy's access is separate from it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProxyList {
    pub proxies: Vec<Proxy>,
}

/// One person with proxy access.
///
/// Decoded leniently where the data may be poor: the dates are kept as
/// text (one that does not parse is shown as "date not known", the person
/// still shown), `can_see` keeps values this app does not know (shown as
/// "other services", see [`ProxyService`]), and `relationship` may be
/// missing.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Proxy {
    /// Opaque; may need percent-encoding in a path.
    pub id: String,
    pub name: String,
    /// The GP surgery's own words, shown as given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub relationship: Option<String>,
    /// `record`, `appointments`, `prescriptions`, `messages`, or values
    /// this app does not know. Empty means nothing at the moment.
    pub can_see: Vec<String>,
    /// `YYYY-MM-DD`, a date in UK time: when their access started.
    pub since: String,
    /// Set while the patient's request to remove this person's access
    /// waits for the GP surgery.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub removal_requested: Option<RemovalRequested>,
}

impl Proxy {
    /// `since` as a date, when it is one.
    pub fn since_date(&self) -> Option<uk_time::Date> {
        uk_time::Date::parse(&self.since)
    }

    /// What they can see, in the order given; each unknown value is
    /// [`ProxyService::Other`].
    pub fn services(&self) -> Vec<ProxyService> {
        self.can_see
            .iter()
            .map(|s| ProxyService::parse(s))
            .collect()
    }
}

/// A pending request to remove a proxy's access.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RemovalRequested {
    pub reference: String,
    /// `YYYY-MM-DD`, a date in UK time.
    pub requested_on: String,
}

impl RemovalRequested {
    /// `requested_on` as a date, when it is one.
    pub fn requested_on_date(&self) -> Option<uk_time::Date> {
        uk_time::Date::parse(&self.requested_on)
    }
}

/// What a proxy can see: the values of [`Proxy::can_see`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ProxyService {
    Record,
    Appointments,
    Prescriptions,
    Messages,
    /// A value this app does not know: shown as "other services".
    #[serde(other)]
    Other,
}

impl ProxyService {
    /// The values this app knows, in the order they are described.
    pub const KNOWN: [ProxyService; 4] = [
        ProxyService::Record,
        ProxyService::Appointments,
        ProxyService::Prescriptions,
        ProxyService::Messages,
    ];

    /// The wire name (`other` for values this app does not know).
    pub fn as_str(self) -> &'static str {
        match self {
            ProxyService::Record => "record",
            ProxyService::Appointments => "appointments",
            ProxyService::Prescriptions => "prescriptions",
            ProxyService::Messages => "messages",
            ProxyService::Other => "other",
        }
    }

    /// A wire value; anything unknown is [`ProxyService::Other`].
    pub fn parse(s: &str) -> ProxyService {
        ProxyService::KNOWN
            .into_iter()
            .find(|k| k.as_str() == s)
            .unwrap_or(ProxyService::Other)
    }
}

/// `POST /access/proxies/{id}/removal-requests` (with an `Idempotency-Key`
/// header): an empty object. The proxy is never told.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RemovalRequest {}

/// 202 answer to a removal request.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RemovalAccepted {
    pub reference: String,
}

/// Most sign-ins `GET /session/sign-ins` lists.
pub const SIGN_INS_MAX: usize = 20;

/// How far back `GET /session/sign-ins` looks, in days.
pub const SIGN_INS_DAYS: u32 = 30;

/// `GET /session/sign-ins`: recent sign-ins as this patient, newest first,
/// from the last [`SIGN_INS_DAYS`] days, at most [`SIGN_INS_MAX`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SignInList {
    pub sign_ins: Vec<SignIn>,
}

/// One sign-in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SignIn {
    /// RFC 3339 timestamp. Kept as text: one that does not parse is shown
    /// as "date not known", the sign-in still shown.
    pub at: String,
    /// The browser and device in plain words, such as "Firefox on
    /// Windows".
    pub device: String,
    /// This is the session asking.
    pub current: bool,
    /// The session it started is still signed in.
    pub active: bool,
}

impl SignIn {
    /// `at` in UK time, when it is a timestamp.
    pub fn at_uk(&self) -> Option<uk_time::RecordedOn> {
        uk_time::parse_rfc3339_utc(&self.at)?;
        uk_time::parse_recorded_on(&self.at)
    }
}

// -------------------------------------------------------------- problems

/// Media type of every error body.
pub const PROBLEM_CONTENT_TYPE: &str = "application/problem+json";

/// An RFC 9457 problem details body with the API's machine `code`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Problem {
    #[serde(rename = "type", default = "Problem::default_type")]
    pub problem_type: String,
    #[serde(default)]
    pub title: String,
    #[serde(default)]
    pub status: u16,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub detail: Option<String>,
    #[serde(default)]
    pub code: String,
    /// Only on `already_disabled` and `already_requested`: the reference
    /// of the earlier request.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reference: Option<String>,
}

impl Problem {
    fn default_type() -> String {
        "about:blank".to_owned()
    }
}

/// The machine codes the API uses in [`Problem::code`].
pub mod codes {
    pub const SIGNED_OUT: &str = "signed_out";
    pub const INVALID_REQUEST: &str = "invalid_request";
    pub const RECORD_ACCESS_DISABLED: &str = "record_access_disabled";
    pub const INVALID_CURSOR: &str = "invalid_cursor";
    pub const NOT_FOUND: &str = "not_found";
    pub const KEY_REUSED: &str = "key_reused";
    pub const ALREADY_DISABLED: &str = "already_disabled";
    pub const NOT_CONFIRMED: &str = "not_confirmed";
    /// A new removal request for a proxy whose removal is already
    /// requested; the problem carries the earlier `reference`.
    pub const ALREADY_REQUESTED: &str = "already_requested";
    pub const INTERNAL_ERROR: &str = "internal_error";
}

#[cfg(test)]
mod tests;
