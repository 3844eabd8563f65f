//! Three-way combination of whole documents: a change made from `base` to `mine`
//! is carried onto `theirs`, a copy that changed from the same base elsewhere
//! (another tab's save). This is how whole-document changes (import, merge,
//! undo, redo) travel: never as an overwrite of the newer copy.
//!
//! The rules, record by record (deals, roadmaps with their stages and milestones,
//! goals, lost reasons) and then field by field inside a record both sides changed:
//! - a side that left something as it was in `base` takes the other side's version;
//! - something one side deleted is deleted, unless the other side changed it since
//!   (then it is kept: nothing anyone changed is lost to a deletion it never saw);
//! - where both changed the same field, [`Prefer`] decides, and it is counted;
//! - lists of records keep the order of the side that reordered them, with the other
//!   side's new records after the record they followed there.
//!
//! The result is checked like an import. A record the combination left pointing at
//! something deleted on the other side (a deal in a deleted stage, say) gets that
//! stage, roadmap, milestone or lost reason back rather than losing the deal.

use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::{Map, Value};

use crate::core::model::{Deal, Id, Workspace};
use crate::core::roadmap::rank::sort_roadmap;
use crate::core::validate::{self, IntegrityError};

/// Which side wins a field both sides changed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Prefer {
    /// The change being carried over (a tab's own unsaved work).
    Mine,
    /// The copy it is carried onto (an undo never reverts another tab's later change).
    Theirs,
}

/// The combined document and what it took.
#[derive(Clone, Debug, PartialEq)]
pub struct Combined {
    /// The result, checked like an import.
    pub workspace: Workspace,
    /// Records both sides changed, where [`Prefer`] had to decide at least one field.
    pub conflicts: usize,
    /// Records put back because something kept still needed them.
    pub restored: usize,
}

/// The common cases of [`combine`], exact and cheap: one side did nothing. `None` when
/// both sides changed something, which takes the whole combination (and the codec's
/// JSON forms of the records, so callers without the codec loaded try this first).
pub fn combine_quickly(base: &Workspace, mine: &Workspace, theirs: &Workspace) -> Option<Combined> {
    if theirs == base {
        return Some(Combined { workspace: mine.clone(), conflicts: 0, restored: 0 });
    }
    if mine == base {
        return Some(Combined { workspace: theirs.clone(), conflicts: 0, restored: 0 });
    }
    None
}

/// Carries the change `base → mine` onto `theirs`. Fails only when the result cannot
/// be made whole (then nothing should change, and the person is told).
pub fn combine(base: &Workspace, mine: &Workspace, theirs: &Workspace, prefer: Prefer) -> Result<Combined, IntegrityError> {
    if let Some(done) = combine_quickly(base, mine, theirs) {
        return Ok(done);
    }
    let mut conflicts = 0;
    let mut ws = mine.clone();
    ws.deals = combine_list(
        &base.deals,
        &mine.deals,
        &theirs.deals,
        |d| &d.id,
        same_deal,
        prefer,
        &mut conflicts,
        |b, m, t, c| Arc::new(combine_record::<Deal>(b.map(|d| &**d), m, t, prefer, c)),
    );
    ws.roadmaps = combine_records(&base.roadmaps, &mine.roadmaps, &theirs.roadmaps, |r| &r.id, prefer, &mut conflicts);
    ws.goals = combine_records(&base.goals, &mine.goals, &theirs.goals, |g| &g.id, prefer, &mut conflicts);
    ws.settings = combine_record(Some(&base.settings), &mine.settings, &theirs.settings, prefer, &mut conflicts);
    // Deletions combine like records: an undo takes its own back, another tab's stay.
    ws.deleted = combine_records(&base.deleted, &mine.deleted, &theirs.deleted, |t| &t.id, prefer, &mut 0);
    if mine.default_currency == base.default_currency {
        ws.default_currency = theirs.default_currency.clone();
    }
    ws.next_id = mine.next_id.max(theirs.next_id);
    let restored = make_whole(&mut ws, [mine, theirs, base])?;
    // Each stage's and milestone's rank was combined on its own: the lists follow them.
    ws.roadmaps.iter_mut().for_each(sort_roadmap);
    validate::repair_id_counter(&mut ws);
    Ok(Combined { workspace: ws, conflicts, restored })
}

/// Deals are shared between copies of one tab, so identity answers most comparisons at once.
fn same_deal(a: &Arc<Deal>, b: &Arc<Deal>) -> bool {
    Arc::ptr_eq(a, b) || a == b
}

/// Records held by value (roadmaps, goals): matched by id, combined field by field.
fn combine_records<T: Serialize + DeserializeOwned + Clone + PartialEq>(
    base: &[T],
    mine: &[T],
    theirs: &[T],
    id: impl Fn(&T) -> &Id,
    prefer: Prefer,
    conflicts: &mut usize,
) -> Vec<T> {
    combine_list(base, mine, theirs, id, PartialEq::eq, prefer, conflicts, |b, m, t, c| combine_record(b, m, t, prefer, c))
}

/// A three-way merge of one list of records, matched by id.
#[allow(clippy::too_many_arguments)]
fn combine_list<T: Clone>(
    base: &[T],
    mine: &[T],
    theirs: &[T],
    id: impl Fn(&T) -> &Id,
    same: impl Fn(&T, &T) -> bool,
    prefer: Prefer,
    conflicts: &mut usize,
    mut both: impl FnMut(Option<&T>, &T, &T, &mut usize) -> T,
) -> Vec<T> {
    let index = |list: &[T]| -> HashMap<Id, usize> { list.iter().enumerate().map(|(i, r)| (id(r).clone(), i)).collect() };
    let (b, m, t) = (index(base), index(mine), index(theirs));
    let ids = |list: &[T]| list.iter().map(|r| id(r).clone()).collect::<Vec<_>>();
    let order = merged_order(&ids(base), &ids(mine), &ids(theirs), prefer);
    let mut out = Vec::with_capacity(order.len());
    for key in order {
        let (in_base, in_mine, in_theirs) =
            (b.get(&key).map(|&i| &base[i]), m.get(&key).map(|&i| &mine[i]), t.get(&key).map(|&i| &theirs[i]));
        let kept = match (in_base, in_mine, in_theirs) {
            (_, None, None) => None,
            // Deleted on one side: gone if the other left it as it was, kept if it changed it.
            (Some(b), None, Some(t)) => (!same(b, t)).then(|| t.clone()),
            // Deleted there, changed here: an undo (preferring theirs) never brings back
            // what another tab deleted; a tab's own unsaved edit keeps the record.
            (Some(b), Some(m), None) if !same(b, m) && prefer == Prefer::Theirs => {
                *conflicts += 1;
                None
            }
            (Some(b), Some(m), None) => (!same(b, m)).then(|| m.clone()),
            (None, Some(m), None) => Some(m.clone()),
            (None, None, Some(t)) => Some(t.clone()),
            (b, Some(m), Some(t)) => Some(if same(m, t) || b.is_some_and(|b| same(b, t)) {
                m.clone()
            } else if b.is_some_and(|b| same(b, m)) {
                t.clone()
            } else {
                both(b, m, t, conflicts)
            }),
        };
        out.extend(kept);
    }
    out
}

/// The ids of both sides in one order: the side that reordered what it shares with
/// `base` gives the skeleton; the other side's new ids follow the id they followed there.
fn merged_order(base: &[Id], mine: &[Id], theirs: &[Id], prefer: Prefer) -> Vec<Id> {
    fn shared_order<'a>(side: &'a [Id], base: &[Id]) -> Vec<&'a Id> {
        let in_base: HashSet<&Id> = base.iter().collect();
        side.iter().filter(|i| in_base.contains(i)).collect()
    }
    fn base_order<'a>(side: &[Id], base: &'a [Id]) -> Vec<&'a Id> {
        let in_side: HashSet<&Id> = side.iter().collect();
        base.iter().filter(|i| in_side.contains(i)).collect()
    }
    let reordered = |side: &[Id]| shared_order(side, base) != base_order(side, base);
    let mine_leads = match (reordered(mine), reordered(theirs)) {
        (true, false) => true,
        (false, true) => false,
        _ => prefer == Prefer::Mine,
    };
    let (lead, other) = if mine_leads { (mine, theirs) } else { (theirs, mine) };
    let mut order: Vec<Id> = lead.to_vec();
    let mut placed: HashSet<Id> = order.iter().cloned().collect();
    for (i, key) in other.iter().enumerate() {
        if placed.contains(key) {
            continue;
        }
        let after = other[..i].iter().rev().find_map(|prev| order.iter().position(|o| o == prev));
        order.insert(after.map_or(0, |a| a + 1), key.clone());
        placed.insert(key.clone());
    }
    order
}

/// One record both sides changed, combined field by field through its JSON form
/// (so a field added to the model is combined too). Should the combined fields not
/// make a valid record, the preferred side's whole record is taken.
fn combine_record<T: Serialize + DeserializeOwned + Clone + PartialEq>(
    base: Option<&T>,
    mine: &T,
    theirs: &T,
    prefer: Prefer,
    conflicts: &mut usize,
) -> T {
    if mine == theirs || base == Some(theirs) {
        return mine.clone();
    }
    if base == Some(mine) {
        return theirs.clone();
    }
    // Through text rather than `to_value`/`from_value`: those would build a second
    // (de)serializer for every model type into the wasm; these reuse the file format's.
    let json = |x: &T| serde_json::to_string(x).ok().and_then(|t| serde_json::from_str::<Value>(&t).ok()).unwrap_or(Value::Null);
    let mut clashed = false;
    let merged = combine_value(base.map(json).as_ref(), &json(mine), &json(theirs), prefer, &mut clashed);
    if clashed {
        *conflicts += 1;
    }
    let preferred = || match prefer {
        Prefer::Mine => mine.clone(),
        Prefer::Theirs => theirs.clone(),
    };
    serde_json::from_str(&merged.to_string()).unwrap_or_else(|_| preferred())
}

/// The three-way merge of JSON values; `clashed` is set when both changed one value differently.
fn combine_value(base: Option<&Value>, mine: &Value, theirs: &Value, prefer: Prefer, clashed: &mut bool) -> Value {
    if mine == theirs || base == Some(theirs) {
        return mine.clone();
    }
    if base == Some(mine) {
        return theirs.clone();
    }
    match (mine, theirs) {
        (Value::Object(m), Value::Object(t)) => {
            let b = base.and_then(Value::as_object);
            Value::Object(combine_fields(b, m, t, prefer, clashed))
        }
        (Value::Array(m), Value::Array(t)) => {
            let b = base.and_then(Value::as_array).map(Vec::as_slice).unwrap_or_default();
            match record_key(b, m, t) {
                Some(key) => Value::Array(combine_values_by(key, b, m, t, prefer, clashed)),
                None => pick(mine, theirs, prefer, clashed),
            }
        }
        _ => pick(mine, theirs, prefer, clashed),
    }
}

fn pick(mine: &Value, theirs: &Value, prefer: Prefer, clashed: &mut bool) -> Value {
    *clashed = true;
    match prefer {
        Prefer::Mine => mine.clone(),
        Prefer::Theirs => theirs.clone(),
    }
}

/// Fields of an object; a field missing on a side is absent there (serde leaves
/// out empty optional fields), so missing and `null` are the same here.
fn combine_fields(
    base: Option<&Map<String, Value>>,
    mine: &Map<String, Value>,
    theirs: &Map<String, Value>,
    prefer: Prefer,
    clashed: &mut bool,
) -> Map<String, Value> {
    let mut out = Map::new();
    let keys = mine.keys().chain(theirs.keys().filter(|k| !mine.contains_key(*k)));
    for key in keys {
        let side = |map: Option<&Map<String, Value>>| map.and_then(|m| m.get(key)).cloned().unwrap_or(Value::Null);
        let (b, m, t) = (side(base), side(Some(mine)), side(Some(theirs)));
        let value = combine_value(base.map(|_| &b), &m, &t, prefer, clashed);
        if !value.is_null() {
            out.insert(key.clone(), value);
        }
    }
    out
}

/// The field that identifies the records of a list, when every element has one:
/// `id`, or `milestone_id` for a deal's milestone progress.
fn record_key(base: &[Value], mine: &[Value], theirs: &[Value]) -> Option<&'static str> {
    ["id", "milestone_id"].into_iter().find(|key| {
        let mut all = base.iter().chain(mine).chain(theirs).peekable();
        all.peek().is_some() && all.all(|v| v.get(key).is_some_and(Value::is_string))
    })
}

fn combine_values_by(
    key: &'static str,
    base: &[Value],
    mine: &[Value],
    theirs: &[Value],
    prefer: Prefer,
    clashed: &mut bool,
) -> Vec<Value> {
    let id_of = |v: &Value| Id(v.get(key).and_then(Value::as_str).unwrap_or_default().into());
    let keyed = |list: &[Value]| list.iter().map(|v| (id_of(v), v.clone())).collect::<Vec<_>>();
    let (b, m, t) = (keyed(base), keyed(mine), keyed(theirs));
    let mut records_clashed = 0;
    let merged = combine_list(
        &b,
        &m,
        &t,
        |(id, _)| id,
        |x, y| x.1 == y.1,
        prefer,
        &mut records_clashed,
        |b, m, t, _| (m.0.clone(), combine_value(b.map(|b| &b.1), &m.1, &t.1, prefer, clashed)),
    );
    merged.into_iter().map(|(_, v)| v).collect()
}

/// Checks the result and, where a kept record points at something the other side
/// deleted, brings that back from whichever copy still has it. Gives up (with the
/// first problem) when something cannot be brought back.
fn make_whole(ws: &mut Workspace, sources: [&Workspace; 3]) -> Result<usize, IntegrityError> {
    let mut restored = 0;
    // Each round brings back one missing record; a document has far fewer than this.
    for _ in 0..256 {
        let problem = match validate::check(ws) {
            Ok(()) => return Ok(restored),
            Err(problem) => problem,
        };
        if !restore(ws, &problem, &sources) {
            return Err(problem);
        }
        restored += 1;
    }
    validate::check(ws).map(|()| restored)
}

/// Brings back the record `problem` says is missing; false when no copy has it.
fn restore(ws: &mut Workspace, problem: &IntegrityError, sources: &[&Workspace; 3]) -> bool {
    match problem {
        IntegrityError::DealRoadmapMissing { roadmap, .. } | IntegrityError::GoalRoadmapMissing { roadmap, .. } => {
            match sources.iter().find_map(|s| s.roadmap(roadmap)) {
                Some(found) => {
                    ws.roadmaps.push(found.clone());
                    true
                }
                None => false,
            }
        }
        IntegrityError::DealStageMissing { deal, stage } => restore_stage(ws, deal, stage, sources),
        IntegrityError::HistoryMismatch { deal } => {
            // A history whose stages the roadmap lost: bring back each such stage.
            let Some(d) = ws.deal(deal).cloned() else { return false };
            let missing = d
                .stage_history
                .iter()
                .map(|e| e.stage_id.clone())
                .find(|s| ws.roadmap(&d.roadmap_id).is_some_and(|r| r.stage(s).is_none()));
            match missing {
                Some(stage) => restore_stage(ws, deal, &stage, sources),
                None => false,
            }
        }
        IntegrityError::MilestoneMissing { deal, milestone } => restore_milestone(ws, deal, milestone, sources),
        IntegrityError::LostReasonMissing { reason, .. } => {
            match sources.iter().find_map(|s| s.settings.lost_reasons.iter().find(|r| &r.id == reason)) {
                Some(found) => {
                    ws.settings.lost_reasons.push(found.clone());
                    true
                }
                None => false,
            }
        }
        _ => false,
    }
}

fn restore_stage(ws: &mut Workspace, deal: &Id, stage: &Id, sources: &[&Workspace; 3]) -> bool {
    let Some(roadmap_id) = ws.deal(deal).map(|d| d.roadmap_id.clone()) else { return false };
    let found = sources.iter().find_map(|s| {
        let r = s.roadmap(&roadmap_id)?;
        let at = r.stage_index(stage)?;
        Some((at, r.stages[at].clone()))
    });
    let (Some((at, mut found)), Some(roadmap)) = (found, ws.roadmap_mut(&roadmap_id)) else { return false };
    // Milestones the roadmap has elsewhere now stay where they are.
    found.milestones.retain(|m| roadmap.find_milestone(&m.id).is_none());
    roadmap.stages.insert(at.min(roadmap.stages.len()), found);
    true
}

fn restore_milestone(ws: &mut Workspace, deal: &Id, milestone: &Id, sources: &[&Workspace; 3]) -> bool {
    let Some(roadmap_id) = ws.deal(deal).map(|d| d.roadmap_id.clone()) else { return false };
    let found = sources.iter().find_map(|s| {
        let r = s.roadmap(&roadmap_id)?;
        let (si, mi) = r.find_milestone(milestone)?;
        Some((r.stages[si].id.clone(), mi, r.stages[si].milestones[mi].clone()))
    });
    let Some((stage_id, at, found)) = found else { return false };
    let Some(roadmap) = ws.roadmap_mut(&roadmap_id) else { return false };
    let stage = match roadmap.stage_index(&stage_id) {
        Some(i) => &mut roadmap.stages[i],
        None => match roadmap.stages.last_mut() {
            Some(last) => last,
            None => return false,
        },
    };
    stage.milestones.insert(at.min(stage.milestones.len()), found);
    true
}
