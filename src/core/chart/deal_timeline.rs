//! One deal's milestones as a Gantt-style timeline: stage bars on top, one row
//! per milestone with a bar from its stage's start to its due date and a marker
//! coloured by state, a today line, and a date axis. Dragging a marker maps
//! back to a new due date.

use chrono::{Datelike, Days, NaiveDate};
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::palette::*;
use super::text_fit::fit;
use crate::core::deal::plan::{DealPlan, MilestoneState};
use crate::core::model::Id;
use crate::core::text::i18n::{tr, Lang, Msg};

/// CSS-pixel geometry, scaled by the device pixel ratio.
pub const LABEL_WIDTH: f64 = 220.0;
const MARGIN: f64 = 12.0;
const HEAD_TOP: f64 = 22.0;
const HEAD_HEIGHT: f64 = 26.0;
const ROW_TOP: f64 = 58.0;
const ROW_HEIGHT: f64 = 28.0;
const AXIS_LABELS: f64 = 24.0;
const MARKER_REACH: f64 = 10.0;
/// The least room between two axis labels, in CSS pixels (a label such as "11-23" is ~30 px).
const MIN_TICK_GAP: f64 = 44.0;
/// Days shown either side of the plan, so markers at the ends can be grabbed.
const PAD_DAYS: u64 = 3;

const DONE: RGBColor = RGBColor(30, 123, 77);
const OVERDUE: RGBColor = RGBColor(179, 38, 30);
const ROW_SHADE: RGBColor = RGBColor(247, 249, 251);

/// Where everything on one deal's timeline goes, in device pixels; the UI uses it to draw and to hit-test drags.
#[derive(Clone, Debug, PartialEq)]
pub struct TimelineLayout {
    /// Device pixels per CSS pixel.
    pub scale: f64,
    /// The canvas width in device pixels.
    pub width: f64,
    /// The canvas height in device pixels (see `timeline_height`).
    pub height: f64,
    /// The first day shown: the earliest day of the plan (or today) less three days of padding.
    pub first: NaiveDate,
    /// How many days the axis spans from `first` to the last day shown; at least 1.
    pub days: i64,
    /// The day the today line marks.
    pub today: NaiveDate,
    /// (milestone, marker x, row centre y)
    pub markers: Vec<(Id, f64, f64)>,
}

/// The height, in device pixels, the timeline of `plan` needs: the stage header, one row per milestone
/// (at least one) and the axis labels, times `scale`.
pub fn timeline_height(plan: &DealPlan, scale: f64) -> f64 {
    (ROW_TOP + plan.milestones.len().max(1) as f64 * ROW_HEIGHT + AXIS_LABELS) * scale
}

/// Lays out the timeline of `plan` for a canvas `width` device pixels wide at device pixel ratio `scale`,
/// covering the plan's days (and `today`) with a few days' padding each side.
pub fn layout(plan: &DealPlan, today: NaiveDate, width: f64, scale: f64) -> TimelineLayout {
    let (first, last) = plan.span(today);
    let first = first.checked_sub_days(Days::new(PAD_DAYS)).unwrap_or(first);
    let last = last.checked_add_days(Days::new(PAD_DAYS)).unwrap_or(last);
    let mut l = TimelineLayout {
        scale,
        width,
        height: timeline_height(plan, scale),
        first,
        days: (last - first).num_days().max(1),
        today,
        markers: Vec::new(),
    };
    l.markers = plan.milestones.iter().enumerate().map(|(row, m)| (m.milestone_id.clone(), l.x_of(m.due), l.row_y(row))).collect();
    l
}

impl TimelineLayout {
    fn left(&self) -> f64 {
        (MARGIN * self.scale) + self.label_width()
    }

    /// The room for milestone titles, in device pixels: `LABEL_WIDTH`, or two fifths of a
    /// narrow canvas (a phone), so the dates keep most of it.
    pub fn label_width(&self) -> f64 {
        (LABEL_WIDTH * self.scale).min(self.width * 0.4)
    }

    fn span(&self) -> f64 {
        (self.width - self.left() - MARGIN * self.scale).max(1.0)
    }

    /// Where `date` sits on the axis, as a device x.
    pub fn x_of(&self, date: NaiveDate) -> f64 {
        self.left() + self.span() * (date - self.first).num_days() as f64 / self.days as f64
    }

    /// The device y of the centre of milestone row `row` (0 is the top row).
    pub fn row_y(&self, row: usize) -> f64 {
        (ROW_TOP + ROW_HEIGHT * (row as f64 + 0.5)) * self.scale
    }

    fn axis_y(&self) -> f64 {
        self.height - AXIS_LABELS * self.scale
    }

    /// The day under device x, kept within the days shown.
    pub fn date_at(&self, x: f64) -> NaiveDate {
        let day = ((x - self.left()) / self.span() * self.days as f64).round().clamp(0.0, self.days as f64);
        self.first.checked_add_days(Days::new(day as u64)).unwrap_or(self.first)
    }

    /// The milestone whose marker is under (x, y).
    pub fn hit(&self, x: f64, y: f64) -> Option<Id> {
        let reach = MARKER_REACH * self.scale;
        self.markers
            .iter()
            .filter(|(_, mx, my)| (mx - x).abs() <= reach && (my - y).abs() <= reach)
            .min_by(|a, b| (a.1 - x).abs().total_cmp(&(b.1 - x).abs()))
            .map(|(id, _, _)| id.clone())
    }

    /// Axis dates: weekly for short plans, the first of each month for long ones; on a
    /// narrow canvas (a phone) every second or third of them, so labels never overlap.
    pub fn ticks(&self) -> Vec<NaiveDate> {
        let last = self.first.checked_add_days(Days::new(self.days as u64)).unwrap_or(self.first);
        let dates = self.first.iter_days().take_while(|d| *d <= last);
        let (dates, days_apart): (Vec<NaiveDate>, f64) = if self.days <= 70 {
            (dates.filter(|d| d.weekday() == chrono::Weekday::Mon).collect(), 7.0)
        } else {
            (dates.filter(|d| d.day() == 1).collect(), 28.0)
        };
        let gap = self.span() / self.days as f64 * days_apart;
        let every = (MIN_TICK_GAP * self.scale / gap).ceil().max(1.0) as usize;
        dates.into_iter().step_by(every).collect()
    }
}

/// Draws `plan` on `area` with layout `l`, in `lang`; the milestone `highlight` gets a larger marker (the one being dragged).
pub fn draw_timeline<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    plan: &DealPlan,
    l: &TimelineLayout,
    lang: Lang,
    highlight: Option<&Id>,
    t: TextScale,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    let s = l.scale;
    let left_mid = Pos::new(HPos::Left, VPos::Center);
    area.fill(&PAPER)?;

    for (row, m) in plan.milestones.iter().enumerate() {
        let y = l.row_y(row);
        let half = ROW_HEIGHT * s / 2.0;
        if row % 2 == 0 {
            area.draw(&Rectangle::new([at(0.0, y - half), at(l.width, y + half)], ROW_SHADE.filled()))?;
        }
        let ink = match m.state {
            MilestoneState::Overdue => OVERDUE,
            MilestoneState::Done => INK_SOFT,
            MilestoneState::Open => INK,
        };
        let label = fit(m.title.get(lang), 13.0 * s, l.label_width() - 8.0 * s);
        area.draw(&Text::new(label, at(MARGIN * s, y), text(13.0, s, t, ink, left_mid, m.required)))?;
        if let Some(stage) = plan.stages.iter().find(|st| st.index == m.stage_index) {
            let (from, to) = (l.x_of(stage.start), l.x_of(m.due));
            area.draw(&Rectangle::new([at(from.min(to), y - 3.0 * s), at(from.max(to), y + 3.0 * s)], PRIMARY_SOFT.filled()))?;
        }
    }

    for stage in &plan.stages {
        let (x0, x1) = (l.x_of(stage.start), l.x_of(stage.end));
        let (fill, ink) = if stage.current { (PRIMARY, PAPER) } else { (PRIMARY_SOFT, PRIMARY) };
        let (top, bottom) = (HEAD_TOP * s, (HEAD_TOP + HEAD_HEIGHT) * s);
        area.draw(&Rectangle::new([at(x0 + s, top), at(x1 - s, bottom)], fill.filled()))?;
        let name = fit(stage.name.get(lang), 12.0 * s, x1 - x0 - 10.0 * s);
        area.draw(&Text::new(name, at(x0 + 5.0 * s, (top + bottom) / 2.0), text(12.0, s, t, ink, left_mid, stage.current)))?;
    }

    let axis = l.axis_y();
    area.draw(&PathElement::new(
        vec![at(l.x_of(l.first), axis), at(l.width - MARGIN * s, axis)],
        INK_SOFT.stroke_width(s.max(1.0) as u32),
    ))?;
    let long = l.days > 70;
    for day in l.ticks() {
        let x = l.x_of(day);
        area.draw(&PathElement::new(vec![at(x, axis), at(x, axis + 4.0 * s)], INK_SOFT.stroke_width(s.max(1.0) as u32)))?;
        let label = if long { day.format("%Y-%m").to_string() } else { day.format("%m-%d").to_string() };
        area.draw(&Text::new(label, at(x, axis + 6.0 * s), text(11.0, s, t, INK_SOFT, Pos::new(HPos::Center, VPos::Top), false)))?;
    }

    let today = l.x_of(l.today);
    area.draw(&PathElement::new(vec![at(today, HEAD_TOP * s - 4.0 * s), at(today, axis)], OVERDUE.stroke_width((2.0 * s) as u32)))?;
    area.draw(&Text::new(tr(lang, Msg::Today), at(today, 4.0 * s), text(11.0, s, t, OVERDUE, Pos::new(HPos::Center, VPos::Top), true)))?;

    for ((id, x, y), m) in l.markers.iter().zip(&plan.milestones) {
        let r = if highlight == Some(id) { 8.0 * s } else { 6.0 * s };
        match m.state {
            MilestoneState::Done => area.draw(&Circle::new(at(*x, *y), r as i32, DONE.filled()))?,
            MilestoneState::Overdue => {
                area.draw(&Polygon::new(vec![at(*x, y - r), at(x + r, *y), at(*x, y + r), at(x - r, *y)], OVERDUE.filled()))?
            }
            MilestoneState::Open => {
                let diamond = vec![at(*x, y - r), at(x + r, *y), at(*x, y + r), at(x - r, *y)];
                area.draw(&Polygon::new(diamond.clone(), PAPER.filled()))?;
                let mut outline = diamond;
                outline.push(at(*x, y - r));
                area.draw(&PathElement::new(outline, PRIMARY.stroke_width((2.0 * s) as u32)))?;
            }
        }
    }
    // The customer's satisfaction after a milestone, beside its marker.
    for ((_, x, y), m) in l.markers.iter().zip(&plan.milestones) {
        if let Some(score) = m.feedback {
            let label = format!("★{score}");
            area.draw(&Text::new(label, at(x + 10.0 * s, *y), text(12.0, s, t, KEY_EDGE, left_mid, true)))?;
        }
    }
    area.present()
}

/// The timeline as SVG (for tests and downloads).
pub fn timeline_svg(plan: &DealPlan, today: NaiveDate, width: u32, lang: Lang) -> String {
    let l = layout(plan, today, f64::from(width), 1.0);
    let mut svg = String::new();
    {
        let area = SVGBackend::with_string(&mut svg, (width, l.height.ceil() as u32)).into_drawing_area();
        let _ = draw_timeline(&area, plan, &l, lang, None, TextScale::SVG);
    }
    svg
}
