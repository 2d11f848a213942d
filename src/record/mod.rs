//! The patient's GP record as the timeline shows it, in plain Rust.
//!
//! - [`safety`]: the fail-closed filter that decides which entries may be
//!   shown at all, and their order (newest first).
//! - [`filters`]: the patient's own filters (kinds, dates, search) and the
//!   part of them kept in the URL query.
//! - [`card`]: what a card on the timeline shows of an entry.
//! - [`grouping`]: month headings.
//! - [`kinds`]: a set of entry kinds, for the kind filter.
//! - [`fold`]: case- and accent-insensitive text for search.
//! - [`shared_text`]: one copy of each text however many entries carry it.
//! - `store` (browser only): the record in memory while the patient reads
//!   it, every page loaded in the background through [`safety`].

pub mod card;
pub mod filters;
pub mod fold;
pub mod grouping;
pub mod kinds;
pub mod safety;
pub mod shared_text;
#[cfg(target_arch = "wasm32")]
pub mod store;

pub use filters::{QueryNote, UserFilters};
pub use grouping::{by_month, MonthGroup};
pub use kinds::KindSet;
pub use safety::{SafeRecord, ShownEntry};

#[cfg(all(test, not(target_arch = "wasm32")))]
mod properties;
