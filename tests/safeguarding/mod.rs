//! The gate before record pages and the pressure warning, quick exit, the
//! inactivity warning, and the record's entry card.

mod entry_card;
mod idle_dialog;
mod quick_exit;
mod record_gate;
