//! Learn mode and the facilitator's presentation.

pub mod checks;
pub mod concept_view;
pub mod design_view;
pub mod facilitator_view;
pub mod learn_screen;
pub mod presentation;
pub mod record_view;
