//! The Leptos shell: components turn events into commands and render state.

pub mod agenda;
pub mod analytics_screen;
pub mod app;
pub mod bar_chart_panel;
pub mod board;
pub mod board_filters;
pub mod canvas_width;
pub mod card_dom;
pub mod deal_card;
pub mod deal_dialog;
pub mod deal_log;
pub mod deal_timeline;
pub mod goals_panel;
pub mod header;
pub mod help_dialog;
pub mod learn_screen;
pub mod modal;
pub mod notices;
pub mod persistence;
pub mod prefs;
pub mod presentation;
pub mod roadmap_chart;
pub mod roadmap_screen;
pub mod stage_editor;
pub mod state;
pub mod what_if_panel;
