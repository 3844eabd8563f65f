//! The Leptos shell: components turn events into commands and render state.
//! Grouped like the core: `deal`, `roadmap`, `analytics`, `learn`, `files`; the
//! page itself (app, header, notices, dialogs' frame, state) sits at the top.

pub mod after_paint;
pub mod analytics;
pub mod app;
pub mod canvas_width;
pub mod deal;
pub mod files;
pub mod gate;
pub mod header;
pub mod help_dialog;
pub mod lazy;
pub mod learn;
pub mod modal;
pub mod notices;
pub mod prefs;
pub mod roadmap;
pub mod state;
