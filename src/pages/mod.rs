//! One module a page (or a flow of pages).

pub mod ask_to_hide;
pub mod entry_detail;
pub mod help;
pub mod home;
pub mod not_found;
pub mod people;
pub mod record_timeline;
pub mod results_setting;
pub mod sign_ins;
pub mod signed_out;
pub mod turn_off_access;
