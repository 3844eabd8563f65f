//! The board, its cards and filters, the deal dialog (plan, timeline, log), the agenda
//! and the team list.

pub mod agenda;
pub mod board;
pub mod board_filters;
pub mod card_dom;
pub mod deal_card;
pub mod deal_dialog;
pub mod deal_log;
pub mod deal_timeline;
pub mod team_dialog;
