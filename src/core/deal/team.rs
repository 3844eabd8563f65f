//! The team: the people deals, milestones and goals are owned by. A team starts as
//! the owners on its deals; the list can also be kept by hand (`Settings::team`):
//! someone added before they own a deal, a name put right on every deal at once,
//! someone who left retired so they are no longer offered.

use std::collections::BTreeMap;
use std::sync::Arc;

use crate::core::command::{CommandError, Outcome};
use crate::core::model::{Member, Timestamp, Workspace};

/// Longest name a member may have, in characters.
pub const MAX_NAME_CHARS: usize = 40;

/// One person on the team list.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TeamEntry {
    /// Their name.
    pub name: String,
    /// No longer offered as an owner.
    pub retired: bool,
    /// How many deals they own.
    pub deals: usize,
}

/// Everyone on the team: the members kept by hand and everyone who owns a deal, by name.
pub fn team(ws: &Workspace) -> Vec<TeamEntry> {
    let mut by_name: BTreeMap<&str, TeamEntry> = BTreeMap::new();
    for member in &ws.settings.team {
        by_name.insert(&member.name, TeamEntry { name: member.name.clone(), retired: member.retired, deals: 0 });
    }
    for deal in ws.deals.iter().filter(|d| !d.owner.is_empty()) {
        by_name.entry(&deal.owner).or_insert_with(|| TeamEntry { name: deal.owner.clone(), retired: false, deals: 0 }).deals += 1;
    }
    by_name.into_values().collect()
}

/// The names offered when choosing an owner or "I am": the team less those retired.
pub fn active_names(ws: &Workspace) -> Vec<String> {
    team(ws).into_iter().filter(|e| !e.retired).map(|e| e.name).collect()
}

fn clean(name: &str) -> Result<String, CommandError> {
    let name = name.trim();
    if name.is_empty() {
        return Err(CommandError::NameRequired);
    }
    if name.chars().count() > MAX_NAME_CHARS {
        return Err(CommandError::TextTooLong(MAX_NAME_CHARS));
    }
    Ok(name.to_owned())
}

fn is_on_team(ws: &Workspace, name: &str) -> bool {
    ws.settings.team.iter().any(|m| m.name == name) || ws.deals.iter().any(|d| d.owner == name)
}

/// Adds someone to the team list; refused when the name is blank or already on the team.
pub fn add_member(ws: &mut Workspace, name: &str, now: Timestamp) -> Result<Outcome, CommandError> {
    let name = clean(name)?;
    if is_on_team(ws, &name) {
        return Err(CommandError::MemberExists(name));
    }
    let id = ws.mint_id();
    ws.settings.team.push(Member { id: id.clone(), name, retired: false, updated_at: now });
    Ok(Outcome::Created(id))
}

/// Renames someone everywhere they are named as an owner: deals, milestones on
/// deals, goals, and the team list. Refused when the new name is blank or taken.
pub fn rename_member(ws: &mut Workspace, from: &str, to: &str, now: Timestamp) -> Result<Outcome, CommandError> {
    let to = clean(to)?;
    if from == to {
        return Ok(Outcome::Unchanged);
    }
    if !is_on_team(ws, from) {
        return Err(CommandError::UnknownMember(from.to_owned()));
    }
    if is_on_team(ws, &to) {
        return Err(CommandError::MemberExists(to));
    }
    let names = |d: &crate::core::model::Deal| d.owner == from || d.milestones.iter().any(|p| p.owner.as_deref() == Some(from));
    // Only the deals this touches are copied; each is a change of its own, for merging.
    for deal in ws.deals.iter_mut().filter(|d| names(d)).map(Arc::make_mut) {
        if deal.owner == from {
            deal.owner = to.clone();
        }
        for progress in deal.milestones.iter_mut().filter(|p| p.owner.as_deref() == Some(from)) {
            progress.owner = Some(to.clone());
        }
        deal.updated_at = now;
    }
    for goal in ws.goals.iter_mut().filter(|g| g.owner == from) {
        goal.owner = to.clone();
        goal.updated_at = now;
    }
    match ws.settings.team.iter_mut().find(|m| m.name == from) {
        Some(member) => {
            member.name = to;
            member.updated_at = now;
        }
        None => {
            let id = ws.mint_id();
            ws.settings.team.push(Member { id, name: to, retired: false, updated_at: now });
        }
    }
    Ok(Outcome::Changed)
}

/// Retires someone (or brings them back): a retired member is no longer offered as
/// an owner, and keeps what they own until it is handed on.
pub fn set_retired(ws: &mut Workspace, name: &str, retired: bool, now: Timestamp) -> Result<Outcome, CommandError> {
    if !is_on_team(ws, name) {
        return Err(CommandError::UnknownMember(name.to_owned()));
    }
    match ws.settings.team.iter_mut().find(|m| m.name == name) {
        Some(member) if member.retired == retired => Ok(Outcome::Unchanged),
        Some(member) => {
            member.retired = retired;
            member.updated_at = now;
            Ok(Outcome::Changed)
        }
        None if !retired => Ok(Outcome::Unchanged),
        None => {
            let id = ws.mint_id();
            ws.settings.team.push(Member { id, name: name.to_owned(), retired, updated_at: now });
            Ok(Outcome::Changed)
        }
    }
}
