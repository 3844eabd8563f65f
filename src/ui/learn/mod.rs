//! Learn mode and the facilitator's presentation.

pub mod learn_screen;
pub mod presentation;
