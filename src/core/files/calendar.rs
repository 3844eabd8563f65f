//! Calendar files (iCalendar, RFC 5545): one deal's plan (with the customer's tasks), and
//! "my milestones" (the open milestones and follow-ups of one owner across deals), each an all-day event on its due
//! day with a reminder the day before at 09:00. A milestone keeps its UID from export to
//! export, so importing a newer file updates the event instead of adding a second one.
//! Text is UTF-8, escaped, and folded at 75 octets without splitting a character, so
//! Chinese arrives intact.

use chrono::NaiveDate;

use crate::core::deal::plan::{day_of, deal_plan, MilestoneState};
use crate::core::model::{Deal, DealStatus, Timestamp, Workspace};
use crate::core::text::i18n::{fill, Lang};

/// The product identifier written into every calendar file.
const PRODID: &str = "-//Waypoint//Sales roadmap//ZH-EN";

/// One event: an open milestone of a deal.
struct Event {
    uid: String,
    day: NaiveDate,
    summary: String,
    description: String,
    changed: Timestamp,
}

/// Escapes a text value (RFC 5545 §3.3.11).
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c => out.push(c),
        }
    }
    out
}

/// Writes a content line, folded at 75 octets (§3.1) on character boundaries.
fn line(out: &mut String, text: &str) {
    let mut used = 0;
    for c in text.chars() {
        let width = c.len_utf8();
        if used + width > 75 {
            out.push_str("\r\n ");
            // The folding space counts towards the next line.
            used = 1;
        }
        out.push(c);
        used += width;
    }
    out.push_str("\r\n");
}

fn stamp(ms: Timestamp) -> String {
    chrono::DateTime::from_timestamp_millis(ms).map(|t| t.format("%Y%m%dT%H%M%SZ").to_string()).unwrap_or_else(|| "19700101T000000Z".into())
}

fn date(day: NaiveDate) -> String {
    day.format("%Y%m%d").to_string()
}

fn calendar(name: &str, events: &[Event], now: Timestamp) -> String {
    let mut out = String::new();
    for l in ["BEGIN:VCALENDAR", "VERSION:2.0", &format!("PRODID:{PRODID}"), "CALSCALE:GREGORIAN", "METHOD:PUBLISH"] {
        line(&mut out, l);
    }
    line(&mut out, &format!("X-WR-CALNAME:{}", escape(name)));
    for e in events {
        line(&mut out, "BEGIN:VEVENT");
        line(&mut out, &format!("UID:{}", e.uid));
        line(&mut out, &format!("DTSTAMP:{}", stamp(now)));
        line(&mut out, &format!("LAST-MODIFIED:{}", stamp(e.changed.max(0))));
        // A sequence that grows with every change lets calendars replace the older copy.
        line(&mut out, &format!("SEQUENCE:{}", (e.changed.max(0) / 1000) % 2_000_000_000));
        line(&mut out, &format!("DTSTART;VALUE=DATE:{}", date(e.day)));
        line(&mut out, &format!("DTEND;VALUE=DATE:{}", date(e.day.succ_opt().unwrap_or(e.day))));
        line(&mut out, &format!("SUMMARY:{}", escape(&e.summary)));
        line(&mut out, &format!("DESCRIPTION:{}", escape(&e.description)));
        line(&mut out, "TRANSP:TRANSPARENT");
        line(&mut out, "BEGIN:VALARM");
        line(&mut out, "ACTION:DISPLAY");
        line(&mut out, &format!("DESCRIPTION:{}", escape(&e.summary)));
        // 09:00 the day before an all-day event that starts at midnight.
        line(&mut out, "TRIGGER;RELATED=START:-PT15H");
        line(&mut out, "END:VALARM");
        line(&mut out, "END:VEVENT");
    }
    line(&mut out, "END:VCALENDAR");
    out
}

/// The open milestones of `deal` as events, each titled by `summary(milestone title)`.
fn deal_events(ws: &Workspace, deal: &Deal, today: NaiveDate, lang: Lang, only_owner: Option<&str>) -> Vec<Event> {
    let Some(roadmap) = ws.roadmap(&deal.roadmap_id) else { return Vec::new() };
    if deal.status != DealStatus::Open {
        return Vec::new();
    }
    let plan = deal_plan(roadmap, deal, today);
    let stage_name = |i: usize| roadmap.stages.get(i).map(|s| s.name.get(lang).to_owned()).unwrap_or_default();
    plan.milestones
        .iter()
        .filter(|m| m.state != MilestoneState::Done)
        // A seller's own calendar leaves out what the customer's people do.
        .filter(|m| only_owner.is_none() || !m.customer)
        .filter(|m| {
            // "My" milestones: the person set on this deal, else the deal's owner.
            only_owner.is_none_or(|me| {
                let person = deal.milestones.iter().find(|p| p.milestone_id == m.milestone_id).and_then(|p| p.owner.clone());
                person.as_deref().unwrap_or(&deal.owner) == me
            })
        })
        .map(|m| Event {
            uid: format!("{}.{}@waypoint", deal.id.0, m.milestone_id.0),
            day: m.due,
            summary: format!("{} · {}", deal.customer, m.title.get(lang)),
            description: fill(
                lang.pick(("商机：{0}\n阶段：{1}\n负责人：{2}", "Deal: {0}\nStage: {1}\nOwner: {2}")),
                &[&deal.title, &stage_name(m.stage_index), m.owner.get(lang)],
            ),
            changed: deal.updated_at,
        })
        .collect()
}

/// A deal's next follow-up as an event; one per deal, so a new date moves the event.
fn follow_up_event(deal: &Deal, lang: Lang) -> Option<Event> {
    Some(Event {
        uid: format!("{}.follow-up@waypoint", deal.id.0),
        day: deal.follow_up?,
        summary: fill(lang.pick(("跟进 · {0}", "Follow up · {0}")), &[&deal.customer]),
        description: fill(lang.pick(("商机：{0}", "Deal: {0}")), &[&deal.title]),
        changed: deal.updated_at,
    })
}

/// One deal's open steps (ours and the customer's tasks), for the deal's calendar or the customer's.
pub fn deal_calendar(ws: &Workspace, deal: &Deal, lang: Lang, now: Timestamp) -> String {
    let events = deal_events(ws, deal, day_of(now), lang, None);
    calendar(&format!("{} · {}", deal.customer, deal.title), &events, now)
}

/// The open milestones `owner` answers for and the follow-ups of their deals, across every
/// open deal: a seller's own calendar.
pub fn owner_calendar(ws: &Workspace, owner: &str, lang: Lang, now: Timestamp) -> String {
    let today = day_of(now);
    let mut events: Vec<Event> = ws.deals.iter().flat_map(|d| deal_events(ws, d, today, lang, Some(owner))).collect();
    events.extend(ws.deals.iter().filter(|d| d.owner == owner && d.status == DealStatus::Open).filter_map(|d| follow_up_event(d, lang)));
    events.sort_by(|a, b| a.day.cmp(&b.day).then(a.uid.cmp(&b.uid)));
    let name = fill(lang.pick(("{0} 的里程碑", "{0}'s milestones")), &[owner]);
    calendar(&name, &events, now)
}
