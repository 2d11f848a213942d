//! Scenarios: the fixture patients the reference backend signs in.
//!
//! Each file in the fixtures directory is one scenario, named after the
//! file. They are read once at start-up; a mistake in any of them stops the
//! server with an error that names the file and the field.

mod file;
mod generate;
mod load;

use std::collections::HashMap;
use std::path::Path;

use record_access_contract::uk_time::Date;
use record_access_contract::{Patient, Proxy};
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
    /// What the backend sends, in file order, as ready JSON: already
    /// through the safety filter unless the scenario sends everything
    /// unfiltered.
    pub entries: Vec<Box<RawValue>>,
    /// Index in `entries` of the first entry with each id.
    by_id: HashMap<String, usize>,
    /// People with proxy access, dates resolved on the fixed clock, as
    /// the file has them (a removal the patient asks for is kept in the
    /// store).
    pub proxies: Vec<Proxy>,
    /// Earlier sign-ins the file describes, in file order.
    pub sign_ins: Vec<FixtureSignIn>,
}

impl Scenario {
    /// The entry the patient may open with this id.
    pub fn entry(&self, id: &str) -> Option<&RawValue> {
        self.by_id.get(id).map(|&i| &*self.entries[i])
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
