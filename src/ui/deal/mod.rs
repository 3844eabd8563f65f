//! The board, its cards and filters, the deal dialog (plan, timeline, log, the customer's
//! tasks and page), a customer's reply, the agenda and the team list.

pub mod agenda;
pub mod board;
pub mod board_filters;
pub mod card_dom;
pub mod customer_page;
pub mod customer_tasks;
pub mod deal_card;
pub mod deal_dialog;
pub mod deal_log;
pub mod deal_timeline;
pub mod reply_dialog;
pub mod team_dialog;
pub mod today_list;
