//! Where everything on the roadmap chart goes, and the way back from a pointer
//! position to the data. Pure geometry: the canvas, the SVG download and the
//! tests all use the same numbers.
//!
//! Stages sit along a time axis by their target days; each stage's milestones
//! get one lane each below it, at their day offset; buyer decision phases are
//! bands above the stages.

use crate::core::model::{DecisionPhase, Id, Roadmap};

/// Sizes in CSS pixels; multiplied by `scale` (the device pixel ratio) for drawing.
pub const MARGIN: f64 = 16.0;
/// Top of the decision-phase bands, in CSS pixels.
pub const BAND_TOP: f64 = 12.0;
/// Height of the decision-phase bands, in CSS pixels.
pub const BAND_HEIGHT: f64 = 26.0;
/// Top of the row of stage blocks, in CSS pixels.
pub const STAGE_TOP: f64 = 46.0;
/// Height of the stage blocks, in CSS pixels.
pub const STAGE_HEIGHT: f64 = 64.0;
/// Top of the first milestone lane, in CSS pixels.
pub const LANE_TOP: f64 = 122.0;
/// Height of one milestone lane, in CSS pixels.
pub const LANE_HEIGHT: f64 = 26.0;
/// Space between the last lane and the day axis, in CSS pixels.
pub const AXIS_GAP: f64 = 10.0;
/// Room below the day axis for its labels, in CSS pixels.
pub const AXIS_LABELS: f64 = 26.0;
/// How close (in CSS px) a pointer must be to a milestone marker to grab it.
pub const MARKER_REACH: f64 = 10.0;
/// The gap between two stage blocks.
const STAGE_GAP: f64 = 3.0;

/// Where one stage's block goes on the chart.
#[derive(Clone, Debug, PartialEq)]
pub struct StageBox {
    /// The stage drawn.
    pub stage_id: Id,
    /// The stage's position in the roadmap.
    pub index: usize,
    /// The roadmap day the stage starts on: the sum of the target days of the stages before it.
    pub start_day: u32,
    /// The roadmap day the stage ends on: `start_day` plus its target days.
    pub end_day: u32,
    /// Left edge of the block in device pixels, inset by half the gap between blocks.
    pub x0: f64,
    /// Right edge of the block in device pixels, inset by half the gap between blocks.
    pub x1: f64,
    /// The stage is a key node, drawn in amber.
    pub key_node: bool,
    /// The stage is a gate, drawn with a dark bar at its exit.
    pub gate: bool,
}

/// Where one milestone's marker and label go on the chart.
#[derive(Clone, Debug, PartialEq)]
pub struct MilestoneMark {
    /// The milestone drawn.
    pub milestone_id: Id,
    /// The position in the roadmap of the stage the milestone belongs to.
    pub stage_index: usize,
    /// The milestone's place in its stage, which is also its lane.
    pub lane: usize,
    /// Days from the start of the roadmap (the offset is capped at the stage's end).
    pub day: u32,
    /// Centre of the marker, device x.
    pub x: f64,
    /// Centre of the marker, device y: the middle of its lane.
    pub y: f64,
    /// The milestone is required: a filled diamond rather than an open circle.
    pub required: bool,
    /// Where its label must end so it stays inside its stage.
    pub label_limit: f64,
}

/// One buyer decision-phase band above the stages; neighbouring stages in the same phase share one band.
#[derive(Clone, Debug, PartialEq)]
pub struct PhaseBand {
    /// The decision phase the band names.
    pub phase: DecisionPhase,
    /// Left edge in device pixels: that of the band's first stage block.
    pub x0: f64,
    /// Right edge in device pixels: that of the band's last stage block.
    pub x1: f64,
}

/// The whole roadmap chart laid out in device pixels, made by `layout`; drawing and pointer hit-testing both read it.
#[derive(Clone, Debug, PartialEq)]
pub struct RoadmapLayout {
    /// Device pixels per CSS pixel.
    pub scale: f64,
    /// The chart width in device pixels.
    pub width: f64,
    /// The chart height in device pixels (see `chart_height`).
    pub height: f64,
    /// The roadmap's length in days, at least 1: the day axis runs from 0 to this.
    pub total_days: u32,
    /// One block per stage, in roadmap order.
    pub stages: Vec<StageBox>,
    /// One marker per milestone, stage by stage in roadmap order.
    pub milestones: Vec<MilestoneMark>,
    /// The decision-phase bands, left to right.
    pub phases: Vec<PhaseBand>,
    /// Device y of the day axis.
    pub axis_y: f64,
    /// How many milestone lanes there are: the most milestones any stage has, at least 1.
    pub lanes: usize,
}

/// What a pointer is over.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Hit {
    /// A stage block, by stage id.
    Stage(Id),
    /// A milestone marker, by milestone id.
    Milestone(Id),
}

/// The height the chart needs at `scale` for `roadmap` (it grows with the busiest stage).
pub fn chart_height(roadmap: &Roadmap, scale: f64) -> f64 {
    let lanes = roadmap.stages.iter().map(|s| s.milestones.len()).max().unwrap_or(0).max(1);
    (LANE_TOP + lanes as f64 * LANE_HEIGHT + AXIS_GAP + AXIS_LABELS) * scale
}

/// The narrowest a stage block may be, in CSS pixels: room for a four-glyph stage
/// name at 14 px and a finger to grab it.
pub const MIN_STAGE_WIDTH: f64 = 72.0;
/// The widest the chart is made to keep stages readable, in CSS pixels: past
/// this a very short stage keeps a cut name rather than the chart growing without end.
pub const MAX_CHART_WIDTH: f64 = 2400.0;

/// The CSS width the chart needs so that every stage block is at least
/// `MIN_STAGE_WIDTH` wide (stages are as wide as their share of the days), capped
/// at `MAX_CHART_WIDTH`. A narrower container (a phone) scrolls the chart
/// sideways instead of cutting stage names to one glyph.
pub fn min_chart_width(roadmap: &Roadmap) -> f64 {
    let total_days = f64::from(roadmap.total_days().max(1));
    let shortest = roadmap.stages.iter().map(|s| s.target_days.max(1)).min();
    let Some(shortest) = shortest else { return 0.0 };
    // A block is its share of the span less the gap between blocks.
    let span = (MIN_STAGE_WIDTH + STAGE_GAP) * total_days / f64::from(shortest);
    (span + 2.0 * MARGIN).min(MAX_CHART_WIDTH)
}

/// The CSS width to draw the chart at in a container `container` CSS pixels wide:
/// the container's, or wider (scrolled sideways) when stages would be too narrow.
pub fn chart_width(roadmap: &Roadmap, container: f64) -> f64 {
    container.max(min_chart_width(roadmap).min(container.max(1.0) * 4.0))
}

/// Lays `roadmap` out in `width` device pixels at `scale` device pixels per CSS pixel.
pub fn layout(roadmap: &Roadmap, width: f64, scale: f64) -> RoadmapLayout {
    let total_days = roadmap.total_days().max(1);
    let left = MARGIN * scale;
    let span = (width - 2.0 * MARGIN * scale).max(1.0);
    let x_of = |day: u32| left + span * f64::from(day) / f64::from(total_days);
    let starts = roadmap.stage_starts();

    let stages: Vec<StageBox> = roadmap
        .stages
        .iter()
        .zip(&starts)
        .enumerate()
        .map(|(index, (stage, &start))| StageBox {
            stage_id: stage.id.clone(),
            index,
            start_day: start,
            end_day: start + stage.target_days,
            x0: x_of(start) + STAGE_GAP * scale / 2.0,
            x1: x_of(start + stage.target_days) - STAGE_GAP * scale / 2.0,
            key_node: stage.key_node,
            gate: stage.gate,
        })
        .collect();

    let milestones = roadmap
        .stages
        .iter()
        .zip(&stages)
        .flat_map(|(stage, boxed)| {
            stage.milestones.iter().enumerate().map(move |(lane, m)| {
                let day = boxed.start_day + m.day_offset.min(stage.target_days);
                MilestoneMark {
                    milestone_id: m.id.clone(),
                    stage_index: boxed.index,
                    lane,
                    day,
                    x: x_of(day),
                    y: (LANE_TOP + LANE_HEIGHT * (lane as f64 + 0.5)) * scale,
                    required: m.required,
                    label_limit: boxed.x1,
                }
            })
        })
        .collect();

    // Neighbouring stages in the same decision phase share one band.
    let mut phases: Vec<PhaseBand> = Vec::new();
    for (stage, boxed) in roadmap.stages.iter().zip(&stages) {
        match phases.last_mut() {
            Some(band) if band.phase == stage.decision_phase => band.x1 = boxed.x1,
            _ => phases.push(PhaseBand { phase: stage.decision_phase, x0: boxed.x0, x1: boxed.x1 }),
        }
    }

    let height = chart_height(roadmap, scale);
    let lanes = roadmap.stages.iter().map(|s| s.milestones.len()).max().unwrap_or(0).max(1);
    RoadmapLayout {
        scale,
        width,
        height,
        total_days,
        stages,
        milestones,
        phases,
        axis_y: (LANE_TOP + lanes as f64 * LANE_HEIGHT + AXIS_GAP) * scale,
        lanes,
    }
}

impl RoadmapLayout {
    fn left(&self) -> f64 {
        MARGIN * self.scale
    }

    fn span(&self) -> f64 {
        (self.width - 2.0 * MARGIN * self.scale).max(1.0)
    }

    /// The device x of roadmap day `day` (fractional days allowed); the inverse of `day_at`.
    pub fn x_of_day(&self, day: f64) -> f64 {
        self.left() + self.span() * day / f64::from(self.total_days)
    }

    /// The (fractional) roadmap day under device x.
    pub fn day_at(&self, x: f64) -> f64 {
        (x - self.left()) / self.span() * f64::from(self.total_days)
    }

    /// Top and bottom of the row of stage blocks, as device y.
    pub fn stage_row(&self) -> (f64, f64) {
        (STAGE_TOP * self.scale, (STAGE_TOP + STAGE_HEIGHT) * self.scale)
    }

    /// What is under the device point (x, y): a milestone marker first, being small.
    pub fn hit(&self, x: f64, y: f64) -> Option<Hit> {
        let reach = MARKER_REACH * self.scale;
        let marker =
            self.milestones.iter().map(|m| (m, (m.x - x).hypot(m.y - y))).filter(|(_, d)| *d <= reach).min_by(|a, b| a.1.total_cmp(&b.1));
        if let Some((m, _)) = marker {
            return Some(Hit::Milestone(m.milestone_id.clone()));
        }
        let (top, bottom) = self.stage_row();
        if y < top || y > bottom {
            return None;
        }
        self.stages.iter().find(|s| x >= s.x0 && x <= s.x1).map(|s| Hit::Stage(s.stage_id.clone()))
    }

    /// Where a dragged stage lands when dropped at device x: the number of other
    /// stages whose centres lie left of x (the index `MoveStage` takes).
    pub fn drop_index(&self, dragged: &Id, x: f64) -> usize {
        self.stages.iter().filter(|s| &s.stage_id != dragged).filter(|s| (s.x0 + s.x1) / 2.0 < x).count()
    }

    /// The day offset a milestone of stage `stage_index` gets when dropped at device x:
    /// whole days, kept inside the stage.
    pub fn offset_at(&self, stage_index: usize, x: f64) -> Option<u32> {
        let stage = self.stages.get(stage_index)?;
        let day = self.day_at(x).round() - f64::from(stage.start_day);
        Some(day.clamp(0.0, f64::from(stage.end_day - stage.start_day)) as u32)
    }

    /// The marker of milestone `id`, if the roadmap has it.
    pub fn milestone(&self, id: &Id) -> Option<&MilestoneMark> {
        self.milestones.iter().find(|m| &m.milestone_id == id)
    }

    /// Axis ticks: a step in days that gives at most about ten labels.
    pub fn ticks(&self) -> Vec<u32> {
        let step = [7, 14, 30, 60, 90, 180, 365].into_iter().find(|step| self.total_days / step <= 10).unwrap_or(730);
        (0..=self.total_days).step_by(step as usize).collect()
    }
}
