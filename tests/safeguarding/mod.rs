//! The gate before record pages and the pressure warning, and the record's
//! entry card.

mod entry_card;
mod record_gate;
