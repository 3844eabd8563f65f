//! Saving (the engine's shell adapter) and the JSON codec it loads, merging a file, and
//! sharing by link.

pub mod codec;
pub mod merge_dialog;
pub mod persistence;
pub mod share_dialog;
pub mod sheet_wizard;
pub mod team_file;
pub mod transfer;
