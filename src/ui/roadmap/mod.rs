//! The roadmap designer: the stage and milestone editor and the roadmap chart.

pub mod roadmap_chart;
pub mod roadmap_screen;
pub mod stage_editor;
