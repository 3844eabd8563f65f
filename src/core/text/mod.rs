//! Text in the document that may exist in both languages.
//!
//! Built-in templates give every stage and milestone a Chinese and an English
//! name, so switching the UI language also switches them. Once a person types
//! their own name it is kept exactly as typed, in whatever language they used.

pub mod describe;
pub mod help;
pub mod i18n;
pub mod labels;
pub mod money;

pub use waypoint_model::text::Text;
