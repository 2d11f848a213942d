//! Scenarios: the fixture patients the reference backend signs in.
//!
//! Each file in the fixtures directory is one scenario, named after the
//! file. They are read once at start-up; a mistake in any of them stops the
//! server with an error that names the file and the field.

mod file;
mod generate;
mod load;

use std::collections::{HashMap, HashSet};
use std::path::Path;

use record_access_contract::uk_time::Date;
use record_access_contract::{Patient, Proxy, ResultsRelease};
use serde_json::value::RawValue;

use crate::clock::FixedClock;

pub use load::FixtureError;

/// One fixture patient and the record the backend sends for them.
#[derive(Debug, Clone)]
pub struct Scenario {
    /// The file name without `.json`.
    pub name: String,
    pub description: String,
    pub patient: Patient,
    /// Access start date, in UK time.
    pub available_from: Date,
    /// Set when access starts turned off: the earlier request's reference.
    pub disabled_reference: Option<String>,
    pub idle_timeout_seconds: u32,
    /// `available_from` as entry pages state it.
    pub entries_available_from: String,
    /// What the backend may send, in file order: already through the
    /// safety filter unless the scenario sends everything unfiltered.
    /// Which of them a patient is sent, and in which form, depends on what
    /// they did (see [`PatientView`]).
    pub entries: Vec<ServedEntry>,
    /// Index in `entries` of the first entry with each id.
    by_id: HashMap<String, usize>,
    /// People with proxy access, dates resolved on the fixed clock, as
    /// the file has them (a removal the patient asks for is kept in the
    /// store).
    pub proxies: Vec<Proxy>,
    /// Earlier sign-ins the file describes, in file order.
    pub sign_ins: Vec<FixtureSignIn>,
    /// The patient's results release until they change it.
    pub results_release: ResultsRelease,
}

/// One entry the scenario may send, as ready JSON.
#[derive(Debug, Clone)]
pub struct ServedEntry {
    /// `None` for a raw entry without a text id (it cannot be fetched or
    /// opened on its own).
    pub id: Option<String>,
    /// As sent until the patient opens it.
    pub json: Box<RawValue>,
    /// As sent once the patient has opened it: without its `unopened`
    /// field. `None` when it has no such field.
    pub opened_json: Option<Box<RawValue>>,
    /// A reviewed test result nobody has talked about with the patient
    /// yet: held while their results release is `after_conversation`,
    /// unless it was released before they chose that.
    pub awaits_conversation: bool,
}

/// What one patient's record looks like now, from the store: their
/// results release, the results released to them before they chose
/// `after_conversation`, and the entries they have opened.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PatientView {
    pub results_release: ResultsRelease,
    pub released_earlier: HashSet<String>,
    pub opened: HashSet<String>,
}

impl PatientView {
    /// A patient who has done nothing yet.
    pub fn initial(scenario: &Scenario) -> PatientView {
        PatientView {
            results_release: scenario.results_release,
            released_earlier: HashSet::new(),
            opened: HashSet::new(),
        }
    }
}

impl ServedEntry {
    /// What this patient is sent, or `None` while it is held from them.
    pub fn for_patient(&self, view: &PatientView) -> Option<&RawValue> {
        let id = self.id.as_deref();
        if self.awaits_conversation
            && view.results_release != ResultsRelease::AfterReview
            && !id.is_some_and(|id| view.released_earlier.contains(id))
        {
            return None;
        }
        match &self.opened_json {
            Some(opened) if id.is_some_and(|id| view.opened.contains(id)) => Some(opened),
            _ => Some(&self.json),
        }
    }
}

impl Scenario {
    /// The entry with this id as this patient is sent it; `None` when
    /// there is none or it is held from them.
    pub fn entry(&self, id: &str, view: &PatientView) -> Option<&RawValue> {
        self.by_id
            .get(id)
            .and_then(|&i| self.entries[i].for_patient(view))
    }

    /// The ids of the results held from a patient who asks for results
    /// only after a conversation (and released to one who does not).
    pub fn awaiting_conversation(&self) -> impl Iterator<Item = &str> {
        self.entries
            .iter()
            .filter(|e| e.awaits_conversation)
            .filter_map(|e| e.id.as_deref())
    }

    /// The proxy with this id.
    pub fn proxy(&self, id: &str) -> Option<&Proxy> {
        self.proxies.iter().find(|p| p.id == id)
    }
}

/// A sign-in that a scenario file describes: no browser holds its session.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FixtureSignIn {
    /// As sent: RFC 3339, or any text in a scenario that sends everything
    /// unfiltered.
    pub at: String,
    /// `at` in seconds since the Unix epoch (UTC), when it is a timestamp.
    pub at_seconds: Option<i64>,
    pub device: String,
    /// Still signed in, until the patient signs out everywhere else.
    pub active: bool,
}

/// Every scenario, and which one a browser gets when it chose none.
#[derive(Debug, Clone)]
pub struct Scenarios {
    list: Vec<Scenario>,
    default: usize,
}

impl Scenarios {
    /// Reads every `*.json` file in `dir`.
    pub fn load(dir: &Path, clock: &FixedClock) -> Result<Scenarios, FixtureError> {
        let (list, default) = load::load_dir(dir, clock)?;
        Ok(Scenarios { list, default })
    }

    /// In file-name order.
    pub fn all(&self) -> &[Scenario] {
        &self.list
    }

    pub fn get(&self, name: &str) -> Option<&Scenario> {
        self.list.iter().find(|s| s.name == name)
    }

    pub fn default_scenario(&self) -> &Scenario {
        &self.list[self.default]
    }

    /// The named scenario, or the default one when the name is unknown.
    pub fn get_or_default(&self, name: Option<&str>) -> &Scenario {
        name.and_then(|n| self.get(n))
            .unwrap_or_else(|| self.default_scenario())
    }
}
