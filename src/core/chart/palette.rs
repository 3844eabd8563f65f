//! Chart colours, matched to the stylesheet's custom properties.

use plotters::style::text_anchor::Pos;
use plotters::style::{Color, FontStyle, IntoFont, RGBColor, TextStyle};

use crate::core::model::DecisionPhase;

/// The page's font stack, CJK first, so chart labels match the rest of the screen.
pub const FONT: &str = "Noto Sans CJK SC, PingFang SC, Microsoft YaHei, sans-serif";

/// plotters' SVG backend writes font sizes divided by 1.24 and its canvas backend
/// does not; drawing code multiplies by this factor so both show the size asked for.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct TextScale(pub f64);

impl TextScale {
    /// The factor for plotters' SVG backend.
    pub const SVG: TextScale = TextScale(1.24);
    /// The factor for the canvas backend, which needs none.
    pub const CANVAS: TextScale = TextScale(1.0);
}

/// Main text colour (`--ink`).
pub const INK: RGBColor = RGBColor(27, 36, 48);
/// Secondary text, axes and tick marks (`--ink-soft`).
pub const INK_SOFT: RGBColor = RGBColor(90, 102, 119);
/// Thin guide lines, such as the one from a stage down to the day axis.
pub const LINE: RGBColor = RGBColor(210, 218, 227);
/// The chart background (`--paper`).
pub const PAPER: RGBColor = RGBColor(255, 255, 255);
/// The brand blue (`--primary`): stage edges, required milestones, the current stage.
pub const PRIMARY: RGBColor = RGBColor(31, 78, 140);
/// The pale brand blue (`--primary-soft`): stage fills and the track behind bars.
pub const PRIMARY_SOFT: RGBColor = RGBColor(227, 236, 248);
/// The amber-tinted fill of a key-node stage.
pub const KEY_FILL: RGBColor = RGBColor(255, 241, 220);
/// Amber: the edge of a key-node stage and the customer's feedback stars.
pub const KEY_EDGE: RGBColor = RGBColor(226, 140, 30);
/// The dark bar drawn at the exit of a gated stage.
pub const GATE: RGBColor = RGBColor(55, 65, 81);

/// (band fill, band text) per buyer decision phase.
pub fn phase_colors(phase: DecisionPhase) -> (RGBColor, RGBColor) {
    match phase {
        DecisionPhase::NeedRecognition => (RGBColor(232, 240, 254), RGBColor(30, 64, 140)),
        DecisionPhase::InformationSearch => (RGBColor(230, 244, 234), RGBColor(20, 90, 50)),
        DecisionPhase::Evaluation => (RGBColor(254, 247, 224), RGBColor(120, 85, 0)),
        DecisionPhase::PurchaseDecision => (RGBColor(252, 232, 230), RGBColor(140, 30, 25)),
        DecisionPhase::PostPurchase => (RGBColor(243, 232, 253), RGBColor(90, 40, 140)),
    }
}

/// Chart text of `px` CSS pixels at the layout's `scale`, on a backend with text scale `t`.
pub fn text(px: f64, scale: f64, t: TextScale, color: RGBColor, pos: Pos, bold: bool) -> TextStyle<'static> {
    let font = (FONT, px * scale * t.0).into_font();
    let font = if bold { font.style(FontStyle::Bold) } else { font };
    TextStyle { font, color: color.to_backend_color(), pos }
}

/// A device-pixel point for plotters.
pub fn at(x: f64, y: f64) -> (i32, i32) {
    (x.round() as i32, y.round() as i32)
}
