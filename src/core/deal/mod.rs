//! Deals: the deal form and its checks, working a deal (outcome, activities,
//! feedback), its milestone plan, the board's columns and cards, the agenda, and
//! the team who own deals.

pub mod agenda;
pub mod board;
pub mod card;
pub mod exec;
pub mod form;
pub mod plan;
pub mod team;
