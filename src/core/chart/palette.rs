//! Chart colours, matched to the stylesheet's custom properties.

use plotters::style::RGBColor;

use crate::core::model::DecisionPhase;

/// The page's font stack, CJK first, so chart labels match the rest of the screen.
pub const FONT: &str = "Noto Sans CJK SC, PingFang SC, Microsoft YaHei, sans-serif";

/// plotters' SVG backend writes font sizes divided by 1.24 and its canvas backend
/// does not; drawing code multiplies by this factor so both show the size asked for.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct TextScale(pub f64);

impl TextScale {
    pub const SVG: TextScale = TextScale(1.24);
    pub const CANVAS: TextScale = TextScale(1.0);
}

pub const INK: RGBColor = RGBColor(27, 36, 48);
pub const INK_SOFT: RGBColor = RGBColor(90, 102, 119);
pub const LINE: RGBColor = RGBColor(210, 218, 227);
pub const PAPER: RGBColor = RGBColor(255, 255, 255);
pub const PRIMARY: RGBColor = RGBColor(31, 78, 140);
pub const PRIMARY_SOFT: RGBColor = RGBColor(227, 236, 248);
pub const KEY_FILL: RGBColor = RGBColor(255, 241, 220);
pub const KEY_EDGE: RGBColor = RGBColor(226, 140, 30);
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
