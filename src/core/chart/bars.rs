//! One horizontal bar chart for every analytics view: a label, a bar, the
//! figure written beside it, an optional marker (a target or the pace due), and
//! one row that can be highlighted (the biggest drop, the bottleneck).

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::palette::*;
use super::text_fit::{estimate_width, fit};

/// One row of a bar chart: its label, its bar and the figure beside it.
#[derive(Clone, Debug, PartialEq)]
pub struct BarRow {
    /// The row's label, left of the bar; cut to fit with an ellipsis when too long.
    pub label: String,
    /// The bar's length in the chart's own unit (deals, money, percent …); zero or less draws no bar.
    pub value: f64,
    /// The figure as the reader should see it ("5 deals · 60 %").
    pub shown: String,
    /// Where to draw a thin mark across the bar, on the same scale as `value` (a target or the pace due).
    pub marker: Option<f64>,
    /// Draws this row in the highlight colour with bold text (the biggest drop, the bottleneck).
    pub highlight: bool,
}

/// A horizontal bar chart ready to draw: its rows top to bottom and a note underneath.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct BarChart {
    /// The rows, drawn top to bottom in this order.
    pub rows: Vec<BarRow>,
    /// Shown under the bars, e.g. what the marker means.
    pub note: String,
    /// The scale reaches at least this value (100 for shares of a target).
    pub scale_floor: f64,
}

const LABEL_WIDTH: f64 = 210.0;
const FIGURE_WIDTH: f64 = 170.0;
const ROW_HEIGHT: f64 = 34.0;
const TOP: f64 = 8.0;
const NOTE_HEIGHT: f64 = 26.0;

const BAR: RGBColor = RGBColor(122, 155, 204);
const BAR_LIT: RGBColor = RGBColor(214, 90, 49);
const MARKER: RGBColor = RGBColor(27, 36, 48);

/// The height the chart needs in device pixels: one row per entry (at least one) plus the note line, times `scale`.
pub fn bar_chart_height(chart: &BarChart, scale: f64) -> f64 {
    (TOP + chart.rows.len().max(1) as f64 * ROW_HEIGHT + NOTE_HEIGHT) * scale
}

/// Room for the figures beside the bars: enough for the longest (large pipelines
/// write long ones, "10000 个 · ¥57.4亿 · 100%"), at least the usual width, and
/// never more than half of what the labels leave, so the bars stay readable.
fn figure_width(chart: &BarChart, width: f64, s: f64) -> f64 {
    let longest = chart.rows.iter().map(|r| estimate_width(&r.shown, 12.0 * s)).fold(0.0, f64::max);
    let room = width - label_width(width, s);
    // A pixel over the estimate, so rounding never cuts the longest one; on a narrow canvas
    // (a phone) the figures and the bars share what the labels leave.
    (longest + 11.0 * s).max((FIGURE_WIDTH * s).min(room * 0.45)).min((room / 2.0).max((FIGURE_WIDTH * s).min(room * 0.45)))
}

/// Room for the row labels: `LABEL_WIDTH`, or about a third of a narrow canvas.
fn label_width(width: f64, s: f64) -> f64 {
    (LABEL_WIDTH * s).min(width * 0.34)
}

/// Where a chart's bars sit on a canvas: the same numbers drawing and pointer
/// handling use, so a drag lands on the value under the finger.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct BarGeometry {
    /// Where the bars start, in device pixels.
    pub left: f64,
    /// How long a bar of `top_value` is, in device pixels.
    pub span: f64,
    /// The value a full-length bar stands for.
    pub top_value: f64,
    /// Device pixels per CSS pixel.
    pub scale: f64,
    /// How many rows the chart has.
    pub rows: usize,
}

/// The geometry of `chart` drawn `width` device pixels wide at device pixel ratio `scale`.
/// All bars and markers share one scale from zero to the largest value, marker or `scale_floor`.
pub fn bar_geometry(chart: &BarChart, width: f64, scale: f64) -> BarGeometry {
    let left = label_width(width, scale);
    let figure = figure_width(chart, width, scale);
    let span = (width - left - figure).max(10.0);
    // Bars and markers share one scale, so a bar past its marker is visibly over.
    let top_value = chart.rows.iter().flat_map(|r| [r.value, r.marker.unwrap_or(0.0)]).fold(chart.scale_floor, f64::max).max(f64::EPSILON);
    BarGeometry { left, span, top_value, scale, rows: chart.rows.len() }
}

impl BarGeometry {
    /// Where a bar of `value` ends, as a device x.
    pub fn x_of(&self, value: f64) -> f64 {
        self.left + self.span * (value / self.top_value).clamp(0.0, 1.0)
    }

    /// The value a bar ending at device x stands for, from zero to the full length.
    pub fn value_at(&self, x: f64) -> f64 {
        ((x - self.left) / self.span).clamp(0.0, 1.0) * self.top_value
    }

    /// The row drawn at device y, if any.
    pub fn row_at(&self, y: f64) -> Option<usize> {
        let row = (y / self.scale - TOP) / ROW_HEIGHT;
        (row >= 0.0 && (row as usize) < self.rows).then_some(row as usize)
    }
}

/// Draws the chart on `area`, `width` device pixels wide at device pixel ratio `scale` (see [`bar_geometry`]).
pub fn draw_bars<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    chart: &BarChart,
    width: f64,
    scale: f64,
    t: TextScale,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    let s = scale;
    area.fill(&PAPER)?;
    let geometry = bar_geometry(chart, width, scale);
    let (left, span) = (geometry.left, geometry.span);
    let figure = figure_width(chart, width, s);
    let x_of = |v: f64| geometry.x_of(v);
    let middle = Pos::new(HPos::Left, VPos::Center);
    for (i, row) in chart.rows.iter().enumerate() {
        let y = (TOP + ROW_HEIGHT * (i as f64 + 0.5)) * s;
        let half = 10.0 * s;
        let label = fit(&row.label, 13.0 * s, left - 12.0 * s);
        area.draw(&Text::new(label, at(4.0 * s, y), text(13.0, s, t, INK, middle, row.highlight)))?;
        area.draw(&Rectangle::new([at(left, y - half), at(left + span, y + half)], PRIMARY_SOFT.filled()))?;
        if row.value > 0.0 {
            let fill = if row.highlight { BAR_LIT } else { BAR };
            area.draw(&Rectangle::new([at(left, y - half), at(x_of(row.value).max(left + 2.0 * s), y + half)], fill.filled()))?;
        }
        if let Some(marker) = row.marker {
            let x = x_of(marker);
            area.draw(&Rectangle::new([at(x - 1.5 * s, y - half - 4.0 * s), at(x + 1.5 * s, y + half + 4.0 * s)], MARKER.filled()))?;
        }
        let shown = fit(&row.shown, 12.0 * s, figure - 10.0 * s);
        let ink = if row.highlight { BAR_LIT } else { INK_SOFT };
        area.draw(&Text::new(shown, at(left + span + 8.0 * s, y), text(12.0, s, t, ink, middle, row.highlight)))?;
    }
    if !chart.note.is_empty() {
        let y = (TOP + ROW_HEIGHT * chart.rows.len().max(1) as f64 + NOTE_HEIGHT / 2.0) * s;
        let note = fit(&chart.note, 12.0 * s, width - 8.0 * s);
        area.draw(&Text::new(note, at(4.0 * s, y), text(12.0, s, t, INK_SOFT, middle, false)))?;
    }
    area.present()
}

/// The chart as an SVG document `width` pixels wide (for downloads and tests).
pub fn bars_svg(chart: &BarChart, width: u32) -> String {
    let mut svg = String::new();
    {
        let height = bar_chart_height(chart, 1.0).ceil() as u32;
        let area = SVGBackend::with_string(&mut svg, (width, height)).into_drawing_area();
        let _ = draw_bars(&area, chart, f64::from(width), 1.0, TextScale::SVG);
    }
    svg
}
