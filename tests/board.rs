//! The board's columns and totals.

mod common;

use common::*;
use waypoint::core::board::{columns, neighbours};
use waypoint::core::command::{apply, Command, Outcome};
use waypoint::core::model::DealStatus;

#[test]
fn columns_hold_open_deals_per_stage_with_totals_per_currency() {
    let mut ws = workspace();
    let rid = roadmap_id(&ws);
    let mut ids = Vec::new();
    for (customer, value, currency, stage) in [("A", 100_00, "USD", 0), ("B", 250_00, "USD", 0), ("C", 70_00, "EUR", 0), ("D", 5_00, "USD", 2)] {
        let mut f = fields(&ws, customer, value);
        f.currency = currency.into();
        f.stage_id = stage_id(&ws, stage);
        let Ok(Outcome::Created(id)) = apply(&mut ws, Command::CreateDeal { roadmap_id: rid.clone(), fields: f, sample: false }, NOW) else {
            panic!()
        };
        ids.push(id);
    }
    // A won deal leaves the board.
    ws.deal_mut(&ids[3]).unwrap().status = DealStatus::Won;

    let cols = columns(&ws, &rid);
    assert_eq!(cols.len(), ws.roadmaps[0].stages.len());
    assert_eq!(cols[0].deal_ids, ids[..3].to_vec());
    // USD: 100 + 250 = 350.00; EUR: 70.00
    assert_eq!(cols[0].totals, vec![("EUR".to_owned(), 70_00), ("USD".to_owned(), 350_00)]);
    assert!(cols[2].deal_ids.is_empty() && cols[2].totals.is_empty());
}

#[test]
fn neighbours_name_the_stages_either_side() {
    let ws = workspace();
    let rid = roadmap_id(&ws);
    assert_eq!(neighbours(&ws, &rid, &stage_id(&ws, 0)), (None, Some(stage_id(&ws, 1))));
    assert_eq!(neighbours(&ws, &rid, &stage_id(&ws, 2)), (Some(stage_id(&ws, 1)), Some(stage_id(&ws, 3))));
    let last = ws.roadmaps[0].stages.len() - 1;
    assert_eq!(neighbours(&ws, &rid, &stage_id(&ws, last)), (Some(stage_id(&ws, last - 1)), None));
}
