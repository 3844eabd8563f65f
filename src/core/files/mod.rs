//! How the document goes in and out: the storage trait and its keys, the
//! save-and-sync engine, and how changes combine with a newer copy.

pub mod change;
pub mod combine;
pub mod engine;
pub mod store;
