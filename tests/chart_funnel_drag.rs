//! Dragging a bar of the what-if funnel: the pointer maps to a value through the
//! same geometry the chart is drawn with, and the value to the stage's conversion.

use waypoint::core::analytics::what_if::{conversion_for, projected_funnel};
use waypoint::core::chart::bars::{bar_geometry, BarChart, BarRow};

fn funnel_chart(values: &[f64]) -> BarChart {
    let rows = values
        .iter()
        .enumerate()
        .map(|(i, v)| BarRow { label: format!("stage {i}"), value: *v, shown: format!("{v:.1}"), marker: None, highlight: false })
        .collect();
    BarChart { rows, note: String::new(), scale_floor: 0.0 }
}

#[test]
fn a_pointer_maps_to_the_row_and_value_under_it() {
    let values = projected_funnel(100, &[100.0, 50.0, 40.0]);
    assert_eq!(values, [100.0, 50.0, 20.0]);
    for scale in [1.0, 2.0] {
        let g = bar_geometry(&funnel_chart(&values), 900.0 * scale, scale);
        // The middle of each row, and each bar's end, lead back to that row and value.
        for (row, value) in values.iter().enumerate() {
            let y = (8.0 + 34.0 * (row as f64 + 0.5)) * scale;
            assert_eq!(g.row_at(y), Some(row));
            assert!((g.value_at(g.x_of(*value)) - value).abs() < 1e-9);
        }
        assert_eq!(g.row_at(2.0 * scale), None, "above the first row");
        assert_eq!(g.row_at((8.0 + 34.0 * 3.5) * scale), None, "below the last row");
        assert_eq!(g.value_at(0.0), 0.0, "left of the bars is zero");
        assert_eq!(g.value_at(900.0 * scale), 100.0, "past the end is the full length");
    }
}

#[test]
fn a_dragged_bar_sets_its_stages_conversion() {
    let conversions = [100.0, 50.0, 40.0];
    // Stage 2 dragged to 35 deals, of the 50 that reach stage 1: 70 %.
    assert_eq!(conversion_for(100, &conversions, 2, 35.0), Some(70.0));
    // Beyond what reached the stage before is all of it; below zero is none.
    assert_eq!(conversion_for(100, &conversions, 2, 80.0), Some(100.0));
    assert_eq!(conversion_for(100, &conversions, 1, -3.0), Some(0.0));
    // The first stage is the starting number, not a conversion; nothing reaching it converts nothing.
    assert_eq!(conversion_for(100, &conversions, 0, 60.0), None);
    assert_eq!(conversion_for(100, &[100.0, 0.0, 40.0], 2, 10.0), None);
}

#[test]
fn on_a_phone_the_bars_keep_room_to_be_read_and_dragged() {
    let chart = funnel_chart(&projected_funnel(100, &[100.0, 50.0, 40.0]));
    for (width, scale) in [(360.0, 1.0), (720.0, 2.0)] {
        let g = bar_geometry(&chart, width, scale);
        assert!(g.span >= width * 0.3, "bars get at least 30 % of {width}: {}", g.span);
        assert!(g.left + g.span <= width, "and stay on the canvas");
    }
    // A desktop canvas keeps its label column.
    assert_eq!(bar_geometry(&chart, 1200.0, 1.0).left, 210.0);
}
