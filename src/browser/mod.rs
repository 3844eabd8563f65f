//! Browser adapters: the only code that talks to localStorage, files and the clock.

pub mod clock;
pub mod files;
pub mod offline;
pub mod skeleton;
pub mod storage;
pub mod team_file;
pub mod timing;
