//! Two tabs editing one workspace: rebasing one tab's commands onto the other's copy.

mod common;

use common::*;
use waypoint::core::command::{apply, Command, Outcome};
use waypoint::core::sync::rebase;

#[test]
fn unsaved_commands_are_replayed_on_the_newer_copy_and_none_is_lost() {
    let mut base = workspace();
    let cmd = Command::CreateDeal { roadmap_id: roadmap_id(&base), fields: fields(&base, "Shared", 100), sample: false };
    let Ok(Outcome::Created(shared)) = apply(&mut base, cmd, NOW) else { panic!() };

    // Tab A moves the shared deal and saves first.
    let mut a = base.clone();
    let s1 = stage_id(&a, 1);
    apply(&mut a, Command::MoveDeal { deal_id: shared.clone(), to_stage: s1, confirmed: true }, NOW + 1).unwrap();
    // Tab B, from the same base, added a deal and tagged the shared one, unsaved.
    let b_pending = vec![
        Command::CreateDeal { roadmap_id: roadmap_id(&base), fields: fields(&base, "From B", 200), sample: false },
        Command::SetDealTags { deal_id: shared.clone(), tags: vec!["Urgent".into()] },
    ];
    let (merged, dropped) = rebase(a.clone(), &b_pending, NOW + 2);
    assert_eq!(dropped, 0);
    let deal = merged.deal(&shared).unwrap();
    assert_eq!(deal.stage_id, stage_id(&merged, 1), "A's move is kept");
    assert_eq!(deal.tags, ["Urgent"], "B's tag is kept");
    assert!(merged.deals.iter().any(|d| d.customer == "From B"), "B's new deal is kept");

    // A command whose deal the other tab deleted is dropped, the rest still apply.
    let mut deleted = a.clone();
    apply(&mut deleted, Command::DeleteDeal { deal_id: shared.clone() }, NOW + 3).unwrap();
    let (merged, dropped) = rebase(deleted, &b_pending, NOW + 4);
    assert_eq!(dropped, 1);
    assert!(merged.deals.iter().any(|d| d.customer == "From B"));
}
