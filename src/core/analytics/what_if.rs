//! What-if: change a stage's win probability or conversion and see the
//! forecast and a projected funnel, on a copy; nothing is saved.

use crate::core::analytics::{forecast, ForecastMonth};
use crate::core::model::{Id, Workspace};

/// The forecast if the roadmap's stages had these win probabilities (percent, in stage order).
pub fn forecast_with(ws: &Workspace, roadmap_id: &Id, probabilities: &[u8]) -> (Vec<ForecastMonth>, i64) {
    let mut copy = ws.clone();
    if let Some(roadmap) = copy.roadmap_mut(roadmap_id) {
        for (stage, p) in roadmap.stages.iter_mut().zip(probabilities) {
            stage.win_probability = (*p).min(100);
        }
    }
    forecast(&copy, Some(roadmap_id))
}

/// How many of `start` deals would reach each stage if each stage kept
/// `conversions[i]` percent of the stage before it (the first entry is ignored).
pub fn projected_funnel(start: usize, conversions: &[f64]) -> Vec<f64> {
    let mut reached = Vec::with_capacity(conversions.len());
    let mut current = start as f64;
    for (i, conversion) in conversions.iter().enumerate() {
        if i > 0 {
            current *= conversion.clamp(0.0, 100.0) / 100.0;
        }
        reached.push(current);
    }
    reached
}

/// The conversion that makes stage `row` of the projected funnel reach `value` deals
/// (a bar dragged to that length): `value` of what reached the stage before, in whole
/// percent from 0 to 100. None for the first stage (it is the starting number) or when
/// nothing reaches the stage before.
pub fn conversion_for(start: usize, conversions: &[f64], row: usize, value: f64) -> Option<f64> {
    let before = *projected_funnel(start, conversions).get(row.checked_sub(1)?)?;
    (before > 0.0).then(|| (value / before * 100.0).clamp(0.0, 100.0).round())
}
