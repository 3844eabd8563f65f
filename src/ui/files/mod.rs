//! Saving (the engine's shell adapter), merging a file, and sharing by link.

pub mod merge_dialog;
pub mod persistence;
pub mod share_dialog;
pub mod sheet_wizard;
pub mod team_file;
pub mod transfer;
