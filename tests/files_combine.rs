//! Property tests of the three-way combination: two copies changed apart from one
//! base come together without losing what either side changed.

mod common;

use std::collections::HashMap;

use common::*;
use proptest::prelude::*;
use waypoint::core::command::apply;
use waypoint::core::files::combine::{combine, Prefer};
use waypoint::core::model::{Deal, Id, Workspace};

type Ops = Vec<(u8, usize, usize, bool, String)>;

/// `base` changed by random commands, minting ids under its own origin.
fn changed(base: &Workspace, origin: &str, ops: &Ops) -> Workspace {
    let mut ws = base.clone();
    ws.origin = origin.into();
    for (i, (kind, a, b, flag, text)) in ops.iter().enumerate() {
        let cmd = command(&ws, *kind, *a, *b, *flag, text);
        let _ = apply(&mut ws, cmd, NOW + i as i64);
    }
    ws
}

fn deals(ws: &Workspace) -> HashMap<Id, &Deal> {
    ws.deals.iter().map(|d| (d.id.clone(), &**d)).collect()
}

fn ops() -> impl Strategy<Value = Ops> {
    proptest::collection::vec((any::<u8>(), 0usize..20, 0usize..20, any::<bool>(), "[a-z]{0,6}"), 0..30)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]

    #[test]
    fn what_either_side_changed_survives(mine_ops in ops(), theirs_ops in ops(), prefer_mine in any::<bool>()) {
        let base = workspace();
        let (mine, theirs) = (changed(&base, "m", &mine_ops), changed(&base, "t", &theirs_ops));
        let prefer = if prefer_mine { Prefer::Mine } else { Prefer::Theirs };
        let combined = combine(&base, &mine, &theirs, prefer).expect("two command histories always combine");
        let (b, m, t, out) = (deals(&base), deals(&mine), deals(&theirs), deals(&combined.workspace));
        for (id, deal) in &m {
            match b.get(id) {
                // New on one side: always there, as that side made it.
                None => prop_assert_eq!(out.get(id), Some(deal)),
                // Changed on this side only: this side's version.
                Some(old) if old != deal && t.get(id) == Some(old) => prop_assert_eq!(out.get(id), Some(deal)),
                _ => {}
            }
        }
        for (id, deal) in &t {
            match b.get(id) {
                None => prop_assert_eq!(out.get(id), Some(deal)),
                Some(old) if old != deal && m.get(id) == Some(old) => prop_assert_eq!(out.get(id), Some(deal)),
                _ => {}
            }
        }
        for (id, old) in &b {
            let deleted_mine = !m.contains_key(id) && t.get(id) == Some(old);
            let deleted_theirs = !t.contains_key(id) && m.get(id) == Some(old);
            if deleted_mine || deleted_theirs {
                prop_assert!(!out.contains_key(id), "a deletion the other side did not touch is applied");
            }
            if m.get(id) == Some(old) && t.get(id) == Some(old) {
                prop_assert_eq!(out.get(id), Some(old), "untouched on both sides stays as it was");
            }
        }
        // One side unchanged: exactly the other side.
        prop_assert_eq!(combine(&base, &mine, &base, prefer).unwrap().workspace, mine.clone());
        prop_assert_eq!(combine(&base, &base, &theirs, prefer).unwrap().workspace, theirs.clone());
    }
}
