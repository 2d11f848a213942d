//! Everything the backend remembers between requests: sessions, preview
//! browsers' choices and faults, patients' access state, idempotency
//! records and the audit list.
//!
//! It lives in memory. All access goes through [`Store::transaction`], so
//! that each request's reads and writes happen as one step (a double click
//! cannot turn access off twice) and the whole store can move to a database
//! with transactions without touching the handlers.

mod events;
mod idempotency;
mod session;

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::{Duration, Instant};

pub use events::{EndSource, Event, EventKind};
pub use idempotency::{Endpoint, IdempotencyRecord};
pub use session::SessionRecord;

use crate::fault::{Fault, FaultRule};

/// The bucket of requests that carry no preview cookie (and of every
/// request when the control API is off).
pub const DEFAULT_BUCKET: &str = "default";

/// The store. Cheap to share behind an `Arc`.
#[derive(Debug, Default)]
pub struct Store {
    state: Mutex<Tx>,
}

impl Store {
    pub fn new() -> Store {
        Store::default()
    }

    /// Runs `f` with exclusive access to the store.
    pub fn transaction<R>(&self, f: impl FnOnce(&mut Tx) -> R) -> R {
        let mut guard = self
            .state
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        f(&mut guard)
    }
}

/// The store's contents, seen from inside a transaction.
#[derive(Debug, Default)]
pub struct Tx {
    sessions: HashMap<String, SessionRecord>,
    buckets: HashMap<String, Bucket>,
    next_seq: u64,
}

/// What one preview browser has set up and done.
#[derive(Debug, Default)]
struct Bucket {
    scenario: Option<String>,
    faults: Vec<ActiveFault>,
    events: Vec<Event>,
    /// Patients' access state, by scenario name, once it differs from the
    /// scenario file.
    disabled: HashMap<String, String>,
    idempotency: HashMap<(Endpoint, String), IdempotencyRecord>,
    references_issued: u64,
}

/// A fault rule and how many more requests it applies to.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct ActiveFault {
    #[serde(flatten)]
    pub rule: FaultRule,
    pub remaining: Option<u32>,
}

impl Tx {
    fn bucket(&mut self, bucket: &str) -> &mut Bucket {
        self.buckets.entry(bucket.to_owned()).or_default()
    }

    // ---------------------------------------------------------- sessions

    /// Starts a session under this id.
    pub fn create_session(
        &mut self,
        id: &str,
        bucket: &str,
        scenario: &str,
        idle_timeout: Duration,
    ) {
        let now = Instant::now();
        self.sessions.retain(|_, s| !s.is_expired(now));
        self.sessions.insert(
            id.to_owned(),
            SessionRecord {
                bucket: bucket.to_owned(),
                scenario: scenario.to_owned(),
                acknowledged: false,
                idle_timeout,
                last_seen: now,
            },
        );
    }

    /// The live session with this id, its idle time restarted. A session
    /// found expired is removed (and audited) and `None` returned.
    pub fn touch_session(&mut self, id: &str) -> Option<SessionRecord> {
        let now = Instant::now();
        let expired = {
            let s = self.sessions.get_mut(id)?;
            if !s.is_expired(now) {
                s.last_seen = now;
                return Some(s.clone());
            }
            s.bucket.clone()
        };
        self.sessions.remove(id);
        self.record(&expired, EventKind::SessionExpired);
        None
    }

    /// Ends a session; the record it had, if it was live.
    pub fn end_session(&mut self, id: &str) -> Option<SessionRecord> {
        let s = self.sessions.remove(id)?;
        (!s.is_expired(Instant::now())).then_some(s)
    }

    /// Ends every session of a preview browser; how many were live.
    pub fn end_bucket_sessions(&mut self, bucket: &str) -> usize {
        let now = Instant::now();
        let mut live = 0;
        self.sessions.retain(|_, s| {
            if s.bucket == bucket {
                live += usize::from(!s.is_expired(now));
                false
            } else {
                true
            }
        });
        live
    }

    /// Marks the pressure warning answered for this session.
    pub fn acknowledge(&mut self, id: &str) {
        if let Some(s) = self.sessions.get_mut(id) {
            s.acknowledged = true;
        }
    }

    // ----------------------------------------------------- patient state

    /// The reference of the request that turned this patient's access off,
    /// when it is off. `initial` is the scenario file's value.
    pub fn disabled_reference(
        &mut self,
        bucket: &str,
        scenario: &str,
        initial: Option<&str>,
    ) -> Option<String> {
        self.bucket(bucket)
            .disabled
            .get(scenario)
            .cloned()
            .or_else(|| initial.map(str::to_owned))
    }

    pub fn set_disabled(&mut self, bucket: &str, scenario: &str, reference: &str) {
        self.bucket(bucket)
            .disabled
            .insert(scenario.to_owned(), reference.to_owned());
    }

    /// A new reference number for this preview browser.
    pub fn next_reference(&mut self, bucket: &str) -> String {
        let b = self.bucket(bucket);
        b.references_issued += 1;
        crate::reference::reference(b.references_issued)
    }

    // ------------------------------------------------------- idempotency

    /// The record for a key, if it is less than 24 hours old.
    pub fn idempotency(
        &mut self,
        bucket: &str,
        endpoint: Endpoint,
        key: &str,
    ) -> Option<IdempotencyRecord> {
        let now = Instant::now();
        let b = self.bucket(bucket);
        let k = (endpoint, key.to_owned());
        match b.idempotency.get(&k) {
            Some(r) if r.is_fresh(now) => Some(r.clone()),
            Some(_) => {
                b.idempotency.remove(&k);
                None
            }
            None => None,
        }
    }

    pub fn put_idempotency(
        &mut self,
        bucket: &str,
        endpoint: Endpoint,
        key: &str,
        record: IdempotencyRecord,
    ) {
        let now = Instant::now();
        let b = self.bucket(bucket);
        b.idempotency.retain(|_, r| r.is_fresh(now));
        b.idempotency.insert((endpoint, key.to_owned()), record);
    }

    // ----------------------------------------------------------- preview

    /// The scenario a preview browser chose.
    pub fn chosen_scenario(&self, bucket: &str) -> Option<String> {
        self.buckets.get(bucket).and_then(|b| b.scenario.clone())
    }

    pub fn choose_scenario(&mut self, bucket: &str, scenario: &str) {
        self.bucket(bucket).scenario = Some(scenario.to_owned());
    }

    pub fn add_fault(&mut self, bucket: &str, rule: FaultRule) {
        let remaining = rule.times;
        self.bucket(bucket)
            .faults
            .push(ActiveFault { rule, remaining });
    }

    pub fn clear_faults(&mut self, bucket: &str) {
        self.bucket(bucket).faults.clear();
    }

    pub fn faults(&self, bucket: &str) -> Vec<ActiveFault> {
        self.buckets
            .get(bucket)
            .map(|b| b.faults.clone())
            .unwrap_or_default()
    }

    /// The first fault that applies to this request, used up by one.
    pub fn take_fault(&mut self, bucket: &str, method: &str, path: &str) -> Option<Fault> {
        let b = self.buckets.get_mut(bucket)?;
        let i = b.faults.iter().position(|f| f.rule.matches(method, path))?;
        let fault = b.faults[i].rule.fault.clone();
        if let Some(n) = &mut b.faults[i].remaining {
            *n -= 1;
            if *n == 0 {
                b.faults.remove(i);
            }
        }
        Some(fault)
    }

    /// Forgets everything about a preview browser and ends its sessions.
    pub fn reset(&mut self, bucket: &str) {
        self.end_bucket_sessions(bucket);
        self.buckets.remove(bucket);
    }

    // ------------------------------------------------------------- audit

    pub fn record(&mut self, bucket: &str, kind: EventKind) {
        self.next_seq += 1;
        let seq = self.next_seq;
        self.bucket(bucket).events.push(Event { seq, kind });
    }

    pub fn events(&self, bucket: &str) -> Vec<Event> {
        self.buckets
            .get(bucket)
            .map(|b| b.events.clone())
            .unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sessions_expire_on_the_real_clock() {
        let store = Store::new();
        store.transaction(|tx| {
            tx.create_session("a", "default", "typical", Duration::from_millis(30));
            assert!(tx.touch_session("a").is_some());
        });
        std::thread::sleep(Duration::from_millis(40));
        store.transaction(|tx| {
            assert!(tx.touch_session("a").is_none());
            assert!(matches!(
                tx.events("default")[0].kind,
                EventKind::SessionExpired
            ));
        });
    }

    #[test]
    fn faults_are_used_up() {
        let store = Store::new();
        let rule: FaultRule = serde_json::from_str(
            r#"{"method":"GET","path":"/api/*","fault":{"kind":"drop"},"times":2}"#,
        )
        .unwrap();
        store.transaction(|tx| {
            tx.add_fault("b", rule);
            assert!(tx.take_fault("other", "GET", "/api/x").is_none());
            assert!(tx.take_fault("b", "GET", "/api/x").is_some());
            assert!(tx.take_fault("b", "GET", "/api/x").is_some());
            assert!(tx.take_fault("b", "GET", "/api/x").is_none());
        });
    }

    #[test]
    fn reset_forgets_a_bucket_only() {
        let store = Store::new();
        store.transaction(|tx| {
            tx.create_session("a", "b1", "typical", Duration::from_secs(60));
            tx.create_session("c", "b2", "typical", Duration::from_secs(60));
            tx.choose_scenario("b1", "long-record");
            tx.set_disabled("b1", "typical", "RA-00000000");
            tx.reset("b1");
            assert!(tx.touch_session("a").is_none());
            assert!(tx.touch_session("c").is_some());
            assert_eq!(tx.chosen_scenario("b1"), None);
            assert_eq!(tx.disabled_reference("b1", "typical", None), None);
        });
    }
}
