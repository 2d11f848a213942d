//! The app shell: header, start and home pages, error and not-found pages.

mod header;
mod pages;
mod service_problem;
