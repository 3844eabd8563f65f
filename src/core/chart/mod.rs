//! Charts: pure layout plus drawing generic over plotters' `DrawingBackend`, so the
//! page draws on a canvas and the same code writes SVG for downloads and tests.

pub mod bars;
pub mod deal_timeline;
pub mod palette;
pub mod roadmap_drag;
pub mod roadmap_draw;
pub mod roadmap_layout;
pub mod text_fit;
