//! Draws a roadmap on any plotters backend: decision-phase bands, stage blocks
//! along the time axis (key nodes in amber, gates as a dark bar at the exit),
//! milestone markers in lanes, and a day axis.

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::palette::*;
use super::roadmap_layout::{Hit, RoadmapLayout};
use super::text_fit::fit;
use crate::core::model::Roadmap;
use crate::core::text::i18n::{trf, Lang, Msg};
use crate::core::text::labels::decision_phase;

/// What drawing on backend `DB` returns: nothing, or the backend's error.
pub type DrawResult<DB> = Result<(), DrawingAreaErrorKind<<DB as DrawingBackend>::ErrorType>>;

/// Draws `roadmap` on `area` at the positions in `layout` (made by `roadmap_layout::layout` for this roadmap),
/// in `lang`, with the stage or milestone in `highlight` drawn emphasised.
pub fn draw_roadmap<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    roadmap: &Roadmap,
    layout: &RoadmapLayout,
    lang: Lang,
    highlight: Option<&Hit>,
    t: TextScale,
) -> DrawResult<DB> {
    let s = layout.scale;
    let centre = Pos::new(HPos::Center, VPos::Center);
    let left = Pos::new(HPos::Left, VPos::Center);
    area.fill(&PAPER)?;

    for band in &layout.phases {
        let (fill, ink) = phase_colors(band.phase);
        let (top, bottom) =
            (super::roadmap_layout::BAND_TOP * s, (super::roadmap_layout::BAND_TOP + super::roadmap_layout::BAND_HEIGHT) * s);
        area.draw(&Rectangle::new([at(band.x0, top), at(band.x1, bottom)], fill.filled()))?;
        let label = fit(decision_phase(lang, band.phase), 12.0 * s, band.x1 - band.x0 - 8.0 * s);
        area.draw(&Text::new(label, at((band.x0 + band.x1) / 2.0, (top + bottom) / 2.0), text(12.0, s, t, ink, centre, false)))?;
    }

    let (top, bottom) = layout.stage_row();
    for (stage, boxed) in roadmap.stages.iter().zip(&layout.stages) {
        let lit = highlight == Some(&Hit::Stage(stage.id.clone()));
        let (fill, edge) = if stage.key_node { (KEY_FILL, KEY_EDGE) } else { (PRIMARY_SOFT, PRIMARY) };
        area.draw(&Rectangle::new([at(boxed.x0, top), at(boxed.x1, bottom)], fill.filled()))?;
        let edge_width = if lit {
            3.0
        } else if stage.key_node {
            2.0
        } else {
            1.0
        };
        area.draw(&Rectangle::new([at(boxed.x0, top), at(boxed.x1, bottom)], edge.stroke_width((edge_width * s) as u32)))?;
        if stage.gate {
            // The gate: a bar across the stage's exit.
            area.draw(&Rectangle::new([at(boxed.x1 - 5.0 * s, top), at(boxed.x1, bottom)], GATE.filled()))?;
        }
        let inner = boxed.x1 - boxed.x0 - 16.0 * s;
        let marker = if stage.key_node { "◆ " } else { "" };
        let name = fit(&format!("{marker}{}", stage.name.get(lang)), 14.0 * s, inner);
        area.draw(&Text::new(name, at(boxed.x0 + 8.0 * s, top + 20.0 * s), text(14.0, s, t, INK, left, true)))?;
        let facts = trf(lang, Msg::ChartStageFacts, &[&stage.target_days.to_string(), &stage.win_probability.to_string()]);
        area.draw(&Text::new(
            fit(&facts, 12.0 * s, inner),
            at(boxed.x0 + 8.0 * s, top + 44.0 * s),
            text(12.0, s, t, INK_SOFT, left, false),
        ))?;
        // A guide from the stage's start down to the axis ties milestones to their stage.
        area.draw(&PathElement::new(vec![at(boxed.x0, bottom), at(boxed.x0, layout.axis_y)], LINE.stroke_width(s.max(1.0) as u32)))?;
    }

    for mark in &layout.milestones {
        let Some(milestone) = roadmap.stages.get(mark.stage_index).and_then(|st| st.milestones.get(mark.lane)) else {
            continue;
        };
        let lit = highlight == Some(&Hit::Milestone(mark.milestone_id.clone()));
        let r = if lit { 8.0 * s } else { 6.0 * s };
        if mark.required {
            let diamond = vec![at(mark.x, mark.y - r), at(mark.x + r, mark.y), at(mark.x, mark.y + r), at(mark.x - r, mark.y)];
            area.draw(&Polygon::new(diamond, PRIMARY.filled()))?;
        } else {
            area.draw(&Circle::new(at(mark.x, mark.y), (r * 0.85) as i32, PAPER.filled()))?;
            area.draw(&Circle::new(at(mark.x, mark.y), (r * 0.85) as i32, PRIMARY.stroke_width((2.0 * s) as u32)))?;
        }
        let label_x = mark.x + r + 5.0 * s;
        let label = fit(milestone.title.get(lang), 12.0 * s, mark.label_limit - label_x);
        if !label.is_empty() {
            let ink = if lit { PRIMARY } else { INK };
            area.draw(&Text::new(label, at(label_x, mark.y), text(12.0, s, t, ink, left, false)))?;
        }
    }

    let axis = layout.axis_y;
    area.draw(&PathElement::new(
        vec![at(layout.x_of_day(0.0), axis), at(layout.x_of_day(f64::from(layout.total_days)), axis)],
        INK_SOFT.stroke_width(s.max(1.0) as u32),
    ))?;
    let ticks = layout.ticks();
    for (i, day) in ticks.iter().enumerate() {
        let x = layout.x_of_day(f64::from(*day));
        area.draw(&PathElement::new(vec![at(x, axis), at(x, axis + 5.0 * s)], INK_SOFT.stroke_width(s.max(1.0) as u32)))?;
        let pos = match i {
            0 => Pos::new(HPos::Left, VPos::Top),
            _ => Pos::new(HPos::Center, VPos::Top),
        };
        let label = trf(lang, Msg::ChartDay, &[&day.to_string()]);
        area.draw(&Text::new(label, at(x, axis + 8.0 * s), text(11.0, s, t, INK_SOFT, pos, false)))?;
    }
    area.present()
}

/// The chart as an SVG document (for downloads and tests).
pub fn roadmap_svg(roadmap: &Roadmap, width: u32, lang: Lang) -> String {
    let layout = super::roadmap_layout::layout(roadmap, f64::from(width), 1.0);
    let mut svg = String::new();
    {
        let area = SVGBackend::with_string(&mut svg, (width, layout.height.ceil() as u32)).into_drawing_area();
        // Drawing into a String cannot fail.
        let _ = draw_roadmap(&area, roadmap, &layout, lang, None, TextScale::SVG);
    }
    svg
}
