//! Deals: the deal form and its checks, working a deal (outcome, activities,
//! feedback), its milestone plan, the board's columns and cards, and the agenda.

pub mod agenda;
pub mod board;
pub mod card;
pub mod exec;
pub mod form;
pub mod plan;
