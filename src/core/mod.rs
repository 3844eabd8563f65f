//! The pure core: the document, the commands that change it, its file formats
//! and the UI text catalog. No browser APIs here, so all of it is tested natively.

pub mod agenda;
pub mod analytics;
pub mod analytics_view;
pub mod board;
pub mod card;
pub mod chart;
pub mod command;
pub mod csv_export;
pub mod deal_exec;
pub mod deal_form;
pub mod deal_plan;
pub mod generate;
pub mod describe;
pub mod goals;
pub mod help;
pub mod history;
pub mod i18n;
pub mod json_path;
pub mod learn;
pub mod model;
pub mod money;
pub mod persist;
pub mod presentation;
pub mod quiz;
pub mod roadmap_edit;
pub mod samples;
pub mod scenarios;
pub mod shortcuts;
pub mod stored;
pub mod sync;
pub mod templates;
pub mod text;
pub mod validate;
pub mod what_if;
