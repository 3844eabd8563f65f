//! The pure core: the document, the commands that change it, its file formats
//! and the UI text catalog. No browser APIs here, so all of it is tested natively.
//!
//! Grouped by feature: `deal`, `roadmap`, `analytics`, `learn`, `files` (file
//! formats, saving and sync), `text` (catalog, descriptions, money) and `chart`.
//! The document itself (`model`), the commands that change it (`command`), its
//! integrity checks (`validate`), what a command leaves for merging (`marks`), undo (`history`) and one tab's editing
//! (`editor`) are shared by all of them.
#![warn(missing_docs)]

pub mod analytics;
pub mod chart;
pub mod command;
pub mod deal;
pub mod editor;
pub mod files;
pub mod generate;
pub mod history;
pub mod learn;
mod marks;
/// The document itself, from its own crate (so `crates/read` can compile its reading for speed).
pub use waypoint_model::model;
pub mod roadmap;
pub mod shortcuts;
pub mod text;
pub mod validate;
/// Calendar days as `YYYY-MM-DD` text, from the document's crate.
pub use waypoint_model::ymd;
