//! Waypoint: a sales roadmap planner that runs entirely in the browser.
//!
//! `core` is plain Rust (model, commands, formats, catalog) tested natively;
//! `ui` and `browser` are the thin Leptos shell, compiled only for wasm32.

pub mod core;

#[cfg(target_arch = "wasm32")]
pub mod browser;
#[cfg(target_arch = "wasm32")]
pub mod ui;
