//! Roadmaps: the built-in templates and the commands that edit stages and milestones.

pub mod edit;
pub mod rank;
pub mod shell_hint;
pub mod templates;
