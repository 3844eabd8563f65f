//! The analytics screen: KPIs, goals, charts and the what-if panel.

pub mod analytics_screen;
pub mod bar_chart_panel;
pub mod goals_panel;
pub mod what_if_panel;
