//! The record timeline with a record already in memory.

mod timeline;
mod unopened;
