//! How the document goes in and out: the file envelope and its checks, the stored
//! (packed) copy, the codec that reaches both (loaded later in a split build), the storage trait and its keys, the save-and-sync engine, how
//! changes combine with a newer copy, merging a teammate's file, the team file in a
//! synced folder, share links, a customer's plan and reply links, calendars and CSV.

pub mod calendar;
pub mod change;
pub mod codec;
pub mod combine;
pub mod csv;
pub mod customer_link;
pub mod engine;
pub mod envelope;
pub mod json_path;
pub mod merge;
mod merge_roadmap;
mod migrate;
pub mod share;
pub mod sheet;
pub mod store;
pub mod stored;
pub mod team_file;
