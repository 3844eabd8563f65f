//! What one card on the board says about a deal, worked out once when the card
//! is drawn (only cards on screen are drawn, so this never runs for every deal).

use chrono::NaiveDate;

use crate::core::deal::board::neighbours;
use crate::core::deal::plan::{days_in_stage, is_stalled, overdue_days, PlanHealth};
use crate::core::model::{Deal, Id, Roadmap, Stage};
use crate::core::text::i18n::{self, tr, trf, Lang, Msg};
use crate::core::text::money;
use crate::core::text::Text;

/// What a board card says about a deal, before it is put into words (`card_texts`).
#[derive(Clone, Debug, PartialEq)]
pub struct CardFacts {
    /// The deal's customer.
    pub customer: String,
    /// The deal's title.
    pub title: String,
    /// The deal's value in full, with its currency symbol ("¥120,000").
    pub value: String,
    /// The deal's owner; empty when nobody.
    pub owner: String,
    /// The day the deal is expected to close, if set.
    pub expected_close: Option<NaiveDate>,
    /// How many milestones of the current stage are not done yet.
    pub open_milestones: usize,
    /// How many milestones in the deal's plan are overdue.
    pub overdue: usize,
    /// At risk (a step 1–6 days late) or stalled (7 days or more).
    pub health: PlanHealth,
    /// (days in stage, target days) when stalled.
    pub stalled: Option<(i64, u32)>,
    /// Days the planned follow-up is late (0: due today), for an open deal whose follow-up is due.
    pub follow_up_late: Option<i64>,
    /// The deal's segments.
    pub tags: Vec<String>,
    /// Whether it is a sample deal.
    pub sample: bool,
    /// The stages either side, for the ◀ ▶ buttons.
    pub back: Option<(Id, Text)>,
    /// The next stage's id and name, for ▶; none on the last stage.
    pub forward: Option<(Id, Text)>,
}

/// The card for `deal`, or None when its stage is not on `roadmap` (never for a checked workspace).
pub fn card_facts(roadmap: &Roadmap, deal: &Deal, today: NaiveDate) -> Option<CardFacts> {
    let stage = roadmap.stage(&deal.stage_id)?;
    let (back, forward) = neighbours(roadmap, &deal.stage_id);
    let named = |s: Option<&Stage>| s.map(|s| (s.id.clone(), s.name.clone()));
    let late = overdue_days(roadmap, deal, today);
    Some(CardFacts {
        customer: deal.customer.clone(),
        title: deal.title.clone(),
        value: money::format_full(deal.value_minor, &deal.currency),
        owner: deal.owner.clone(),
        expected_close: deal.expected_close,
        open_milestones: deal.open_milestones(stage).count(),
        overdue: late.len(),
        health: PlanHealth::of(late),
        stalled: is_stalled(roadmap, deal, today).then(|| (days_in_stage(deal, today), stage.target_days)),
        follow_up_late: crate::core::deal::follow_up::days_late(deal, today),
        tags: deal.tags.clone(),
        sample: deal.sample,
        back: named(back),
        forward: named(forward),
    })
}

/// Every text a card shows, in one language: what the board writes into its
/// card skeleton.
#[derive(Clone, Debug, PartialEq)]
pub struct CardTexts {
    /// The card's accessible name, giving the deal's title and customer.
    pub label: String,
    /// The deal's customer.
    pub customer: String,
    /// The "Sample" badge, on sample deals only.
    pub sample_badge: Option<&'static str>,
    /// The deal's title.
    pub title: String,
    /// The overdue-milestones warning, when any milestone is overdue.
    pub overdue: Option<String>,
    /// The stalled flag (days in the stage against its target), when the deal is stalled.
    pub stalled: Option<String>,
    /// "Follow up today" or how late the follow-up is, when it is due.
    pub follow_up: Option<String>,
    /// The label of the card's button that sets the next follow-up.
    pub follow_up_button: &'static str,
    /// The deal's value, formatted with its currency symbol.
    pub value: String,
    /// The deal's segments.
    pub tags: Vec<String>,
    /// The owner, or "No owner" when there is none.
    pub owner: String,
    /// The expected close date, or "No close date".
    pub close: String,
    /// How many milestones of the current stage are open, or that all are done.
    pub milestones: String,
    /// Whether every milestone of the current stage is done (the card marks it).
    pub all_done: bool,
    /// (stage id, button label) for ◀ and ▶.
    pub back: Option<(String, String)>,
    /// The next stage's id and the ▶ button's label; none on the last stage.
    pub forward: Option<(String, String)>,
    /// Whether a milestone is overdue (the card is marked late).
    pub late: bool,
    /// Whether the deal's plan has stalled (a step a week or more late).
    pub stalled_plan: bool,
}

/// Separates the fields of a packed card (ASCII unit separator).
pub const CARD_FIELD: char = '\u{1f}';
/// Separates the tags inside their field (ASCII record separator).
pub const CARD_TAG: char = '\u{1e}';
/// Separates the cards of a batch drawn together (ASCII group separator).
pub const CARD_NEXT: char = '\u{1d}';
/// The separators of the packed form, which a packed text never holds.
const SEPARATORS: [char; 3] = [CARD_FIELD, CARD_TAG, CARD_NEXT];

impl CardTexts {
    /// The card of deal `id` as one string, for the page's card builder
    /// (`src/browser/card.js`, which splits it in the same order): one string crosses
    /// from wasm to the page for a batch of cards instead of a dozen per card, each of
    /// which costs a decode. Fields are separated by `CARD_FIELD` and tags by
    /// `CARD_TAG`; a text holding either (or `CARD_NEXT`, which separates cards in a
    /// batch) has it written as a space. An absent line is an empty field. In order:
    /// id, label, flags (`l` late, `s` stalled plan, `d` all milestones done),
    /// customer, sample badge, title, overdue, stalled, follow-up, follow-up button,
    /// value, tags, owner, close, milestones, back stage id and label, forward stage id
    /// and label.
    pub fn packed(&self, id: &Id) -> String {
        let mut out = String::new();
        self.pack_into(id, &mut out);
        out
    }

    /// Appends the card of deal `id`, packed as `packed` says, to `out` (a batch of cards,
    /// separated by `CARD_NEXT`, is written into one string this way).
    pub fn pack_into(&self, id: &Id, out: &mut String) {
        let none = (String::new(), String::new());
        let (back, forward) = (self.back.as_ref().unwrap_or(&none), self.forward.as_ref().unwrap_or(&none));
        let flags = [(self.late, "l"), (self.stalled_plan, "s"), (self.all_done, "d")];
        let flags: String = flags.iter().filter(|(on, _)| *on).map(|(_, letter)| *letter).collect();
        let before_tags: [&str; 11] = [
            id.as_str(),
            &self.label,
            &flags,
            &self.customer,
            self.sample_badge.unwrap_or_default(),
            &self.title,
            self.overdue.as_deref().unwrap_or_default(),
            self.stalled.as_deref().unwrap_or_default(),
            self.follow_up.as_deref().unwrap_or_default(),
            self.follow_up_button,
            &self.value,
        ];
        let after_tags: [&str; 7] = [&self.owner, &self.close, &self.milestones, &back.0, &back.1, &forward.0, &forward.1];
        let tags_len: usize = self.tags.iter().map(|t| t.len() + 1).sum();
        out.reserve(before_tags.iter().chain(&after_tags).map(|f| f.len() + 1).sum::<usize>() + tags_len);
        let write = |out: &mut String, text: &str| {
            if text.contains(SEPARATORS) {
                out.extend(text.chars().map(|c| if SEPARATORS.contains(&c) { ' ' } else { c }));
            } else {
                out.push_str(text);
            }
        };
        for field in before_tags {
            write(out, field);
            out.push(CARD_FIELD);
        }
        for (i, tag) in self.tags.iter().enumerate() {
            if i > 0 {
                out.push(CARD_TAG);
            }
            write(out, tag);
        }
        for field in after_tags {
            out.push(CARD_FIELD);
            write(out, field);
        }
    }
}

/// Puts `card` into words in `lang`.
pub fn card_texts(card: &CardFacts, lang: Lang) -> CardTexts {
    let button =
        |target: &Option<(Id, Text)>, label: Msg| target.as_ref().map(|(id, name)| (id.to_string(), trf(lang, label, &[name.get(lang)])));
    CardTexts {
        label: trf(lang, Msg::DealCardLabel, &[&card.title, &card.customer]),
        customer: card.customer.clone(),
        sample_badge: card.sample.then(|| tr(lang, Msg::SampleBadge)),
        title: card.title.clone(),
        overdue: match card.health {
            PlanHealth::OnTrack => None,
            PlanHealth::AtRisk { overdue, days } => Some(trf(lang, Msg::HealthAtRisk, &[&overdue.to_string(), &days.to_string()])),
            PlanHealth::Stalled { overdue, days } => Some(trf(lang, Msg::HealthStalled, &[&overdue.to_string(), &days.to_string()])),
        },
        stalled: card.stalled.map(|(days, target)| trf(lang, Msg::StalledFlag, &[&days.to_string(), &target.to_string()])),
        follow_up_button: tr(lang, Msg::FollowUpSet),
        follow_up: card.follow_up_late.map(|days| match days {
            0 => tr(lang, Msg::FollowUpToday).to_owned(),
            days => trf(lang, Msg::FollowUpLate, &[&days.to_string()]),
        }),
        value: card.value.clone(),
        tags: card.tags.clone(),
        owner: if card.owner.is_empty() { tr(lang, Msg::NoOwner).to_owned() } else { card.owner.clone() },
        close: match card.expected_close {
            Some(date) => trf(lang, Msg::ExpectedCloseShort, &[&crate::core::ymd::format(date)]),
            None => tr(lang, Msg::NoCloseDate).to_owned(),
        },
        milestones: if card.open_milestones == 0 {
            tr(lang, Msg::AllMilestonesDone).to_owned()
        } else {
            i18n::count(lang, card.open_milestones, Msg::OpenMilestonesOne, Msg::OpenMilestones)
        },
        all_done: card.open_milestones == 0,
        back: button(&card.back, Msg::MoveBack),
        forward: button(&card.forward, Msg::MoveForward),
        late: card.overdue > 0,
        stalled_plan: matches!(card.health, PlanHealth::Stalled { .. }),
    }
}
