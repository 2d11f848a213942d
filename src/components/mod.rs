//! Building blocks shared by pages. One component a file.

pub mod back_link;
pub mod entry_card;
pub mod error_summary;
pub mod footer;
pub mod header;
pub mod load_failed;
pub mod loading;
pub mod pressure_warning;
pub mod record_gate;
pub mod service_problem;
pub mod timeline_filters;
pub mod warning_callout;
