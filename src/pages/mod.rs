//! One module a page (or a flow of pages).

pub mod help;
pub mod home;
pub mod not_found;
pub mod signed_out;
