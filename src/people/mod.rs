//! Who else can see the record: the people with proxy access, and recent
//! sign-ins to the patient's NHS login, with a safe way to act on each.
//!
//! - [`describe`]: what the pages say about each person and each sign-in,
//!   in plain Rust. Poor data never hides anything: an unknown service is
//!   "other services", no services is "nothing at the moment", a date that
//!   does not parse is "date not known", and the item is still shown.
//! - [`sign_out_elsewhere`]: where "sign out everywhere else" stands, and
//!   what it may claim.
//!
//! The pages are in `crate::pages::people` and `crate::pages::sign_ins`.

pub mod describe;
pub mod sign_out_elsewhere;
