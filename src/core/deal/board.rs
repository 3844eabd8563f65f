//! What the pipeline board shows, computed from the workspace: one column per
//! stage of a roadmap with its open deals and totals.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::sync::Arc;

use chrono::NaiveDate;

use crate::core::deal::plan::{deal_plan, is_stalled};
use crate::core::model::{Deal, DealStatus, Id, Roadmap, Stage, Workspace};

/// Which deals the board shows.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct BoardFilter {
    /// Only deals of this owner (exact name); every owner when none.
    pub owner: Option<String>,
    /// Only deals with this segment (exact text); any when none.
    pub tag: Option<String>,
    /// Which deals by status; open ones by default.
    pub status: StatusFilter,
    /// Only deals with an overdue milestone.
    pub overdue_only: bool,
    /// Only open deals that have spent longer than their stage's target days in it.
    pub stalled_only: bool,
    /// Matched, ignoring case, in customer, title, owner and segments.
    pub text: String,
}

/// Which deals the board shows by status.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum StatusFilter {
    /// Open deals only.
    #[default]
    Open,
    /// Won deals only.
    Won,
    /// Lost deals only.
    Lost,
    /// Every deal, whatever its status.
    All,
}

impl BoardFilter {
    /// Whether `deal` passes every part of the filter; to test many deals, prepare a `matcher` once.
    pub fn matches(&self, roadmap: &Roadmap, deal: &Deal, today: NaiveDate) -> bool {
        self.matcher().matches(roadmap, deal, today)
    }

    /// The filter prepared once for many deals (the search text lower-cased once).
    pub fn matcher(&self) -> Matcher<'_> {
        Matcher { filter: self, needle: self.text.trim().to_lowercase() }
    }
}

/// A `BoardFilter` ready to test many deals; made by `BoardFilter::matcher`.
pub struct Matcher<'a> {
    filter: &'a BoardFilter,
    needle: String,
}

impl Matcher<'_> {
    /// Whether `deal` passes every part of the filter. `roadmap` is the deal's, for the stalled and overdue tests.
    pub fn matches(&self, roadmap: &Roadmap, deal: &Deal, today: NaiveDate) -> bool {
        let f = self.filter;
        let status_ok = match f.status {
            StatusFilter::Open => deal.status == DealStatus::Open,
            StatusFilter::Won => deal.status == DealStatus::Won,
            StatusFilter::Lost => deal.status == DealStatus::Lost,
            StatusFilter::All => true,
        };
        // Cheapest tests first: most deals fail on status before any text is lowered.
        status_ok
            && f.owner.as_ref().is_none_or(|o| &deal.owner == o)
            && f.tag.as_ref().is_none_or(|t| deal.tags.contains(t))
            && self.text_matches(deal)
            && (!f.stalled_only || is_stalled(roadmap, deal, today))
            && (!f.overdue_only || deal_plan(roadmap, deal, today).overdue().next().is_some())
    }

    fn text_matches(&self, deal: &Deal) -> bool {
        let needle = self.needle.as_str();
        needle.is_empty()
            || [&deal.customer, &deal.title, &deal.owner].iter().any(|f| f.to_lowercase().contains(needle))
            || deal.tags.iter().any(|t| t.to_lowercase().contains(needle))
    }
}

/// Everyone who owns a deal, for the owner filter, sorted.
pub fn owners(ws: &Workspace) -> Vec<String> {
    // Deduplicated before sorting: a few dozen owners among thousands of deals.
    let owners: HashSet<&str> = ws.deals.iter().map(|d| d.owner.as_str()).filter(|o| !o.is_empty()).collect();
    sorted(owners)
}

/// Every segment in use, sorted.
pub fn tags(ws: &Workspace) -> Vec<String> {
    let tags: HashSet<&str> = ws.deals.iter().flat_map(|d| d.tags.iter().map(String::as_str)).collect();
    sorted(tags)
}

fn sorted(unique: HashSet<&str>) -> Vec<String> {
    let mut list: Vec<String> = unique.into_iter().map(str::to_owned).collect();
    list.sort_unstable();
    list
}

/// One board column: a stage of the roadmap with the deals the filter lets through.
#[derive(Clone, Debug)]
pub struct Column {
    /// The stage the column stands for.
    pub stage_id: Id,
    /// The deals shown in this stage, in the order they were created. Shared with
    /// the workspace, so building the columns copies no deal.
    pub deals: Vec<Arc<Deal>>,
    /// Sum of values per currency (minor units), currencies in alphabetical order.
    pub totals: Vec<(String, i64)>,
}

impl Column {
    /// The ids of the column's deals, in column order.
    pub fn deal_ids(&self) -> impl Iterator<Item = &Id> {
        self.deals.iter().map(|d| &d.id)
    }
}

/// Deals compare by identity: a changed deal is always a new `Arc` (copy on write
/// while anything else holds the old one, and the board holds every deal it shows),
/// so the board can tell what changed without comparing every field of 10,000 deals.
impl PartialEq for Column {
    fn eq(&self, other: &Self) -> bool {
        self.stage_id == other.stage_id
            && self.totals == other.totals
            && self.deals.len() == other.deals.len()
            && self.deals.iter().zip(&other.deals).all(|(a, b)| Arc::ptr_eq(a, b))
    }
}

/// Columns for `roadmap_id`, in stage order, holding the deals `filter` lets through.
pub fn columns(ws: &Workspace, roadmap_id: &Id, filter: &BoardFilter, today: NaiveDate) -> Vec<Column> {
    let Some(roadmap) = ws.roadmap(roadmap_id) else {
        return Vec::new();
    };
    let matcher = filter.matcher();
    let mut by_stage: HashMap<&Id, Vec<Arc<Deal>>> = HashMap::with_capacity(roadmap.stages.len());
    for deal in ws.deals.iter().filter(|d| &d.roadmap_id == roadmap_id && matcher.matches(roadmap, d, today)) {
        by_stage.entry(&deal.stage_id).or_default().push(Arc::clone(deal));
    }
    roadmap
        .stages
        .iter()
        .map(|stage| {
            let deals = by_stage.remove(&stage.id).unwrap_or_default();
            let mut totals: BTreeMap<&str, i64> = BTreeMap::new();
            for deal in &deals {
                *totals.entry(deal.currency.as_str()).or_default() += deal.value_minor;
            }
            let totals = totals.into_iter().map(|(c, v)| (c.to_owned(), v)).collect();
            Column { stage_id: stage.id.clone(), deals, totals }
        })
        .collect()
}

/// The stages either side of `stage_id` on `roadmap`, for the ◀ ▶ move buttons.
pub fn neighbours<'a>(roadmap: &'a Roadmap, stage_id: &Id) -> (Option<&'a Stage>, Option<&'a Stage>) {
    let Some(index) = roadmap.stage_index(stage_id) else {
        return (None, None);
    };
    (index.checked_sub(1).map(|i| &roadmap.stages[i]), roadmap.stages.get(index + 1))
}

/// Columns with more cards than this draw only the cards in view (plus a margin);
/// shorter ones draw every card, so small boards behave like plain lists.
pub const WINDOW_FROM: usize = 200;
/// Height of one card slot in a windowed column on a wide screen, in CSS pixels (card
/// and gap). The stylesheet sets the slot (`--slot` on a windowed list) and gives
/// windowed cards that height less the gap; a touch screen's larger buttons take a
/// taller slot, which the board reads from the page once a column is drawn.
pub const SLOT_PX: f64 = 214.0;
/// Cards drawn above and below the view, so keyboard focus and quick scrolling
/// always land on a drawn card.
pub const OVERSCAN: usize = 6;

/// Which cards of a column to draw, and the empty space standing in for the rest.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Window {
    /// Index of the first card drawn.
    pub start: usize,
    /// Index one past the last card drawn.
    pub end: usize,
    /// Height of the space standing in for the cards above, in CSS pixels.
    pub before_px: f64,
    /// Height of the space standing in for the cards below, in CSS pixels.
    pub after_px: f64,
    /// Whether the column has more than `WINDOW_FROM` cards and so draws only some; if not, all are drawn.
    pub windowed: bool,
}

impl Window {
    /// Whether the card at `index` (0-based, among all the column's cards) is drawn.
    pub fn draws(&self, index: usize) -> bool {
        (self.start..self.end).contains(&index)
    }

    /// The card index behind a drawn card's `aria-posinset` (which counts from 1).
    pub fn index_of_posinset(posinset: &str) -> Option<usize> {
        posinset.parse::<usize>().ok()?.checked_sub(1)
    }
}

/// The cards of a `len`-card column to draw when it is scrolled to `scroll_top`,
/// shows `view_px` pixels and gives each card `slot_px` (a slot that is not a
/// positive height counts as [`SLOT_PX`]).
pub fn window(len: usize, scroll_top: f64, view_px: f64, slot_px: f64) -> Window {
    if len <= WINDOW_FROM {
        return Window { start: 0, end: len, before_px: 0.0, after_px: 0.0, windowed: false };
    }
    let slot = if slot_px.is_finite() && slot_px >= 1.0 { slot_px } else { SLOT_PX };
    let first = (scroll_top.max(0.0) / slot).floor() as usize;
    let shown = (view_px.max(slot) / slot).ceil() as usize + 1;
    let start = first.saturating_sub(OVERSCAN).min(len);
    let end = (first + shown + OVERSCAN).min(len);
    let start = start.min(end);
    Window { start, end, before_px: start as f64 * slot, after_px: (len - end) as f64 * slot, windowed: true }
}
