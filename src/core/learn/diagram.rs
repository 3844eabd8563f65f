//! The concept lessons' pictures, as SVG text: a column of steps (with the loop the
//! article describes, monitor → adjust), a wheel of components around one idea, and a
//! tree of classifications. Drawn narrow (360 units wide) so one picture reads the same
//! on a phone and, scaled up, on a desk.

use crate::core::chart::palette::FONT;
use crate::core::learn::samples::Bi;
use crate::core::text::i18n::Lang;

/// Width of every diagram, in SVG units.
const WIDTH: f64 = 360.0;
const INK: &str = "#1b2430";
const LINE: &str = "#64748b";
const BOX: &str = "#eef4ff";
const EDGE: &str = "#2563eb";

/// The picture a concept lesson shows.
#[derive(Clone, Copy, Debug)]
pub enum Diagram {
    /// Steps in order, top to bottom; `loop_back` (from, to) draws the arrow back from one step to an earlier one.
    Steps {
        /// What the steps are, for the picture's accessible name.
        title: Bi,
        /// The steps, in order.
        steps: &'static [Bi],
        /// An arrow back from step `.0` to step `.1` (indices), when the article loops.
        loop_back: Option<(usize, usize)>,
    },
    /// Components around a central idea.
    Wheel {
        /// The idea in the middle.
        centre: Bi,
        /// The components, clockwise from the top (six fit).
        parts: &'static [Bi],
    },
    /// A root, its branches side by side, and each branch's leaves listed under it.
    Tree {
        /// The root.
        root: Bi,
        /// (branch, leaves), left to right.
        branches: &'static [(Bi, &'static [Bi])],
    },
}

impl Diagram {
    /// The picture's name, read by screen readers in place of the drawing.
    pub fn title(&self, lang: Lang) -> String {
        match self {
            Diagram::Steps { title, steps, .. } => {
                format!("{}: {}", lang.pick(*title), steps.iter().map(|s| lang.pick(*s)).collect::<Vec<_>>().join(" → "))
            }
            Diagram::Wheel { centre, parts } => {
                format!("{}: {}", lang.pick(*centre), parts.iter().map(|s| lang.pick(*s)).collect::<Vec<_>>().join(", "))
            }
            Diagram::Tree { root, branches } => {
                let parts: Vec<String> = branches
                    .iter()
                    .map(|(b, leaves)| {
                        format!("{} ({})", lang.pick(*b), leaves.iter().map(|l| lang.pick(*l)).collect::<Vec<_>>().join(", "))
                    })
                    .collect();
                format!("{}: {}", lang.pick(*root), parts.join("; "))
            }
        }
    }

    /// The picture as an SVG document in `lang`.
    pub fn svg(&self, lang: Lang) -> String {
        let (height, body) = match self {
            Diagram::Steps { steps, loop_back, .. } => steps_body(steps, *loop_back, lang),
            Diagram::Wheel { centre, parts } => wheel_body(*centre, parts, lang),
            Diagram::Tree { root, branches } => tree_body(*root, branches, lang),
        };
        format!(
            "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {WIDTH} {height}\" role=\"img\" font-family=\"{FONT}\">\
             <title>{}</title>\
             <defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerWidth=\"7\" markerHeight=\"7\" orient=\"auto\">\
             <path d=\"M0,0 L10,5 L0,10 z\" fill=\"{LINE}\"/></marker></defs>{body}</svg>",
            escape(&self.title(lang))
        )
    }
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

fn label(x: f64, y: f64, size: f64, weight: u16, text: &str) -> String {
    format!(
        "<text x=\"{x:.1}\" y=\"{y:.1}\" font-size=\"{size}\" font-weight=\"{weight}\" fill=\"{INK}\" text-anchor=\"middle\" dominant-baseline=\"middle\">{}</text>",
        escape(text)
    )
}

fn rounded(x: f64, y: f64, w: f64, h: f64) -> String {
    format!("<rect x=\"{x:.1}\" y=\"{y:.1}\" width=\"{w:.1}\" height=\"{h:.1}\" rx=\"8\" fill=\"{BOX}\" stroke=\"{EDGE}\" stroke-width=\"1.5\"/>")
}

fn arrow(x1: f64, y1: f64, x2: f64, y2: f64) -> String {
    format!("<line x1=\"{x1:.1}\" y1=\"{y1:.1}\" x2=\"{x2:.1}\" y2=\"{y2:.1}\" stroke=\"{LINE}\" stroke-width=\"1.5\" marker-end=\"url(#arrow)\"/>")
}

const STEP_H: f64 = 36.0;
const STEP_GAP: f64 = 18.0;

fn steps_body(steps: &[Bi], loop_back: Option<(usize, usize)>, lang: Lang) -> (f64, String) {
    let (left, width) = (40.0, 250.0);
    let top = |i: usize| 12.0 + i as f64 * (STEP_H + STEP_GAP);
    let mut out = String::new();
    for (i, step) in steps.iter().enumerate() {
        let y = top(i);
        out += &rounded(left, y, width, STEP_H);
        out += &format!("<circle cx=\"{:.1}\" cy=\"{:.1}\" r=\"11\" fill=\"{EDGE}\"/>", left, y + STEP_H / 2.0);
        out += &format!(
            "<text x=\"{left:.1}\" y=\"{:.1}\" font-size=\"12\" font-weight=\"700\" fill=\"#fff\" text-anchor=\"middle\" dominant-baseline=\"middle\">{}</text>",
            y + STEP_H / 2.0,
            i + 1
        );
        out += &label(left + width / 2.0 + 6.0, y + STEP_H / 2.0, 14.0, 600, lang.pick(*step));
        if i + 1 < steps.len() {
            out += &arrow(left + width / 2.0, y + STEP_H, left + width / 2.0, top(i + 1) - 2.0);
        }
    }
    if let Some((from, to)) = loop_back.filter(|(from, to)| *from < steps.len() && to < from) {
        // Out of the right side of `from`, up, and back into the right side of `to`.
        let (x0, x1) = (left + width, left + width + 36.0);
        let (y_from, y_to) = (top(from) + STEP_H / 2.0, top(to) + STEP_H / 2.0);
        out += &format!(
            "<path d=\"M{x0:.1},{y_from:.1} H{x1:.1} V{y_to:.1} H{:.1}\" fill=\"none\" stroke=\"{LINE}\" stroke-width=\"1.5\" stroke-dasharray=\"5 4\" marker-end=\"url(#arrow)\"/>",
            x0 + 2.0
        );
    }
    (top(steps.len()) - STEP_GAP + 12.0, out)
}

fn wheel_body(centre: Bi, parts: &[Bi], lang: Lang) -> (f64, String) {
    let (cx, cy, reach) = (WIDTH / 2.0, 150.0, 118.0);
    let (w, h) = (118.0, 34.0);
    let mut out = String::new();
    let spots: Vec<(f64, f64)> = (0..parts.len())
        .map(|i| {
            let angle = -std::f64::consts::FRAC_PI_2 + i as f64 * std::f64::consts::TAU / parts.len() as f64;
            // Wider than tall: pull the side boxes in so they stay inside the picture.
            (cx + reach * 0.9 * angle.cos(), cy + reach * angle.sin())
        })
        .collect();
    for &(x, y) in &spots {
        out += &format!("<line x1=\"{cx:.1}\" y1=\"{cy:.1}\" x2=\"{x:.1}\" y2=\"{y:.1}\" stroke=\"{LINE}\" stroke-width=\"1.2\"/>");
    }
    out += &format!("<circle cx=\"{cx:.1}\" cy=\"{cy:.1}\" r=\"50\" fill=\"{EDGE}\"/>");
    out += &format!(
        "<text x=\"{cx:.1}\" y=\"{cy:.1}\" font-size=\"13\" font-weight=\"700\" fill=\"#fff\" text-anchor=\"middle\" dominant-baseline=\"middle\">{}</text>",
        escape(lang.pick(centre))
    );
    for (part, &(x, y)) in parts.iter().zip(&spots) {
        out += &rounded(x - w / 2.0, y - h / 2.0, w, h);
        out += &label(x, y, 13.0, 600, lang.pick(*part));
    }
    (300.0, out)
}

fn tree_body(root: Bi, branches: &[(Bi, &[Bi])], lang: Lang) -> (f64, String) {
    let column = WIDTH / branches.len().max(1) as f64;
    let mut out = rounded(WIDTH / 2.0 - 90.0, 8.0, 180.0, 34.0);
    out += &label(WIDTH / 2.0, 25.0, 14.0, 700, lang.pick(root));
    let longest = branches.iter().map(|(_, leaves)| leaves.len()).max().unwrap_or(0);
    for (i, (branch, leaves)) in branches.iter().enumerate() {
        let x = column * (i as f64 + 0.5);
        out += &arrow(WIDTH / 2.0, 42.0, x, 70.0);
        out += &rounded(x - column / 2.0 + 4.0, 72.0, column - 8.0, 32.0);
        out += &label(x, 88.0, 12.5, 700, lang.pick(*branch));
        for (j, leaf) in leaves.iter().enumerate() {
            out += &label(x, 124.0 + j as f64 * 20.0, 12.0, 400, lang.pick(*leaf));
        }
    }
    (124.0 + longest as f64 * 20.0, out)
}
