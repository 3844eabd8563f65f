//! Deals: the deal form and its checks, working a deal (outcome, activities,
//! feedback), its milestone plan, the board's columns and cards, the agenda, and
//! the team who own deals; the customer's side of the plan (their tasks, the page
//! shared with them, their reply) and follow-ups.

pub mod agenda;
pub mod board;
pub mod card;
pub mod customer;
pub mod customer_plan;
pub mod exec;
pub mod follow_up;
pub mod form;
pub mod plan;
pub mod reply;
pub mod team;
