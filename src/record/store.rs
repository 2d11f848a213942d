//! The record in memory while the patient reads it.
//!
//! Loads every page of the record, one after another, in the background
//! (cursors are opaque, so pages cannot be asked for in parallel). The
//! first page is shown as soon as it arrives. Everything passes through the
//! fail-closed [`SafeRecord`]. The store lives in memory only, and is
//! dropped the moment the session ends (sign-out, timeout, a 401, an exit).

use crate::api::{client, ApiError};
use crate::record::SafeRecord;
use crate::session::{use_session, SessionService, SessionState};
use leptos::prelude::*;
use leptos::task::spawn_local;
use record_access_contract::codes;

/// Entries asked for in the first page: few, so that the timeline is on
/// screen sooner.
pub const FIRST_PAGE_SIZE: u32 = 100;
/// While later pages arrive, how often the timeline is redrawn with what
/// has arrived so far (milliseconds).
pub const PROGRESS_EVERY_MS: f64 = 500.0;
/// Entries asked for in each later page: the most the API allows, for
/// fewest trips.
pub const PAGE_SIZE: u32 = 500;

#[derive(Debug, Clone, PartialEq)]
pub enum LoadState {
    /// Nothing asked for yet.
    Idle,
    /// Pages are arriving; `pages` have arrived so far.
    Loading { pages: u32 },
    /// Every page has arrived.
    Complete,
    /// A page failed. What arrived before it is still shown.
    Failed(ApiError),
    /// The backend says access to the record is off.
    AccessOff,
}

#[derive(Clone, Copy)]
pub struct RecordStore {
    record: RwSignal<Option<SafeRecord>, LocalStorage>,
    state: RwSignal<LoadState>,
    /// The patient's search text as typed: kept here, in memory only, so
    /// that it survives a look at an entry, and goes with everything else.
    search: RwSignal<String>,
    /// The search text the timeline shows the results of: the typed text,
    /// once the browser has painted the key that changed it.
    applied_search: RwSignal<String>,
    /// Whether applying the typed text is already scheduled.
    apply_pending: StoredValue<bool>,
    /// Ids of the new results the patient opened in this session, kept
    /// across reloads of the record (ids are opaque: no record content).
    opened: StoredValue<Vec<String>>,
    /// Of those, the ones the backend has not yet been told about: told
    /// again the next time the record loads or a page of it opens.
    opened_untold: StoredValue<Vec<String>>,
    /// Bumped each time the patient opens a result: their own change to
    /// the list, shown at once.
    opened_count: RwSignal<u32>,
    /// Bumped whenever the store is dropped or reloaded, so that pages of an
    /// abandoned load are thrown away when they arrive.
    generation: StoredValue<u32>,
    session: SessionService,
}

/// Creates the store for the app and drops its contents whenever nobody is
/// signed in. Call once, below the session service.
pub fn provide_record_store() -> RecordStore {
    let session = use_session();
    let store = RecordStore {
        record: RwSignal::new_local(None),
        state: RwSignal::new(LoadState::Idle),
        search: RwSignal::new(String::new()),
        applied_search: RwSignal::new(String::new()),
        apply_pending: StoredValue::new(false),
        opened: StoredValue::new(Vec::new()),
        opened_untold: StoredValue::new(Vec::new()),
        opened_count: RwSignal::new(0),
        generation: StoredValue::new(0),
        session,
    };
    provide_context(store);
    Effect::new(move |_| {
        if !matches!(session.state(), SessionState::SignedIn(_)) {
            store.clear();
        }
    });
    store
}

/// Provides a store that already holds `record`, fully loaded, below a
/// signed-in session: for component tests.
pub fn provide_loaded_record_store(record: SafeRecord) -> RecordStore {
    let store = provide_record_store();
    store.record.set(Some(record));
    store.state.set(LoadState::Complete);
    store
}

pub fn use_record_store() -> RecordStore {
    expect_context::<RecordStore>()
}

impl RecordStore {
    /// Starts loading unless a load is under way or finished. Either way,
    /// the backend is told again of results opened while it could not be.
    pub fn ensure_loaded(&self) {
        if matches!(self.state.get_untracked(), LoadState::Idle) {
            self.load();
        } else {
            self.tell_untold();
        }
    }

    /// Loads the record afresh (after a failure, "try again").
    pub fn reload(&self) {
        self.load();
    }

    /// Drops everything held.
    pub fn clear(&self) {
        self.generation.update_value(|g| *g += 1);
        self.record.set(None);
        self.search.set(String::new());
        self.applied_search.set(String::new());
        self.opened.set_value(Vec::new());
        self.opened_untold.set_value(Vec::new());
        self.state.set(LoadState::Idle);
    }

    /// Whether the patient opened the new result with this id in this
    /// session.
    pub fn is_opened(&self, id: &str) -> bool {
        self.opened.with_value(|o| o.iter().any(|x| x == id))
    }

    /// How many results the patient has opened (tracked): a change of the
    /// list that is theirs.
    pub fn opened_count(&self) -> u32 {
        self.opened_count.get()
    }

    /// The patient asked to see the new result with this id: it is shown
    /// at once, and the backend is told once. If telling it fails, the
    /// result stays open here and the backend is told again the next time
    /// the record loads.
    pub fn open(&self, id: &str) {
        if self.is_opened(id) {
            return;
        }
        self.opened.update_value(|o| o.push(id.to_owned()));
        self.record.update(|r| {
            if let Some(r) = r {
                r.open(id);
            }
        });
        self.opened_count.update(|n| *n += 1);
        self.tell_opened(id.to_owned());
    }

    fn tell_untold(&self) {
        for id in self
            .opened_untold
            .try_update_value(std::mem::take)
            .unwrap_or_default()
        {
            self.tell_opened(id);
        }
    }

    fn tell_opened(&self, id: String) {
        let this = *self;
        spawn_local(async move {
            if let Err(error) = client::mark_opened(&id).await {
                this.session.handle_error(&error);
                let _ = this.opened_untold.try_update_value(|u| {
                    if !u.contains(&id) {
                        u.push(id);
                    }
                });
            }
        });
    }

    /// The patient's search text, as typed.
    pub fn search(&self) -> ReadSignal<String> {
        self.search.read_only()
    }

    /// The search text whose results the timeline shows.
    pub fn applied_search(&self) -> ReadSignal<String> {
        self.applied_search.read_only()
    }

    /// Takes the text typed in the search field. The field shows it at
    /// once; the list follows in a task of its own, so that filtering and
    /// drawing cards never hold up the letter.
    /// Keys that arrive before that task runs only change what it applies:
    /// the work for a text already out of date is never done.
    pub fn type_search(&self, text: String) {
        self.search.set(text);
        if self.apply_pending.get_value() {
            return;
        }
        self.apply_pending.set_value(true);
        let this = *self;
        // A task of its own, after the key's events: the browser can paint
        // the letter before it, or with it when the work is quick.
        set_timeout(move || this.apply_search(), std::time::Duration::ZERO);
    }

    /// Sets the search text and its results at once (clearing the filters).
    pub fn set_search_now(&self, text: String) {
        self.search.set(text);
        self.apply_search();
    }

    fn apply_search(&self) {
        if self.apply_pending.try_set_value(false).is_some() {
            return; // the store is gone
        }
        let typed = self.search.get_untracked();
        if self.applied_search.get_untracked() != typed {
            self.applied_search.set(typed);
        }
    }

    pub fn state(&self) -> LoadState {
        self.state.get()
    }

    /// Reads the record (tracked). `None` before the first page.
    pub fn with<T>(&self, f: impl FnOnce(Option<&SafeRecord>) -> T) -> T {
        self.record.with(|r| f(r.as_ref()))
    }

    fn load(&self) {
        let Some(session) = self.session.session() else {
            return;
        };
        self.generation.update_value(|g| *g += 1);
        let generation = self.generation.get_value();
        let this = *self;
        let mut record = SafeRecord::new(&session.record_access.available_from);
        self.opened
            .with_value(|opened| opened.iter().for_each(|id| record.open(id)));
        this.record.set(Some(record));
        self.tell_untold();
        this.state.set(LoadState::Loading { pages: 0 });
        spawn_local(async move {
            let mut cursor: Option<String> = None;
            let mut pages = 0;
            let mut shown_at = 0.0;
            loop {
                let limit = if pages == 0 {
                    FIRST_PAGE_SIZE
                } else {
                    PAGE_SIZE
                };
                let result = client::entries_page(cursor.as_deref(), limit).await;
                if this.generation.try_get_value() != Some(generation) {
                    return; // dropped or restarted meanwhile
                }
                match result {
                    Ok(page) => {
                        pages += 1;
                        cursor = page.next_cursor.clone();
                        this.record.update_untracked(|r| {
                            if let Some(r) = r {
                                r.add_page(page);
                            }
                        });
                        // The first page at once, the last at once, and in
                        // between now and then: when pages come faster than
                        // they can be shown, the page is not redrawn for each.
                        let now = js_sys::Date::now();
                        if pages == 1 || cursor.is_none() || now - shown_at >= PROGRESS_EVERY_MS {
                            shown_at = now;
                            this.record.notify();
                        }
                        if cursor.is_none() {
                            this.state.set(LoadState::Complete);
                            return;
                        }
                        this.state.set(LoadState::Loading { pages });
                    }
                    Err(ApiError::Forbidden(p))
                        if p.as_ref()
                            .is_some_and(|p| p.code == codes::RECORD_ACCESS_DISABLED) =>
                    {
                        this.record.set(None);
                        this.state.set(LoadState::AccessOff);
                        return;
                    }
                    Err(error) => {
                        this.session.handle_error(&error);
                        this.state.set(LoadState::Failed(error));
                        return;
                    }
                }
            }
        });
    }
}
