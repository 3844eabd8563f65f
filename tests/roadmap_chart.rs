//! The roadmap chart: layout maths worked by hand, pointer mapping, and the drawn SVG.

use waypoint::core::chart::roadmap_draw::roadmap_svg;
use waypoint::core::chart::roadmap_layout::{
    chart_width, layout, min_chart_width, Hit, LANE_HEIGHT, LANE_TOP, MAX_CHART_WIDTH, MIN_STAGE_WIDTH,
};
use waypoint::core::learn::samples::empty_workspace;
use waypoint::core::model::{DecisionPhase, Id, Milestone, Roadmap, Stage};
use waypoint::core::roadmap::templates::TemplateId;
use waypoint::core::text::i18n::Lang;
use waypoint::core::text::Text;

fn milestone(id: &str, title: &str, required: bool, day_offset: u32) -> Milestone {
    Milestone {
        id: Id(id.into()),
        title: Text::plain(title),
        description: Text::default(),
        owner_role: Text::default(),
        required,
        day_offset,
        rank: 0,
        updated_at: 0,
    }
}

fn stage(id: &str, zh: &str, en: &str, days: u32, phase: DecisionPhase, milestones: Vec<Milestone>) -> Stage {
    Stage {
        id: Id(id.into()),
        name: Text::both(zh, en),
        description: Text::default(),
        guidance: Text::default(),
        exit_criteria: Text::default(),
        win_probability: 20,
        target_days: days,
        key_node: id == "s2",
        decision_phase: phase,
        gate: id == "s2",
        milestones,
        rank: 0,
        updated_at: 0,
    }
}

/// Three stages of 10, 30 and 60 days: 100 days in all.
fn roadmap() -> Roadmap {
    Roadmap {
        id: Id("r".into()),
        name: Text::plain("R"),
        template: None,
        updated_at: 0,
        stages: vec![
            stage("s1", "线索", "Leads", 10, DecisionPhase::NeedRecognition, vec![milestone("m1", "Call", true, 99)]),
            stage(
                "s2",
                "需求",
                "Needs",
                30,
                DecisionPhase::NeedRecognition,
                vec![milestone("m2", "Budget", true, 15), milestone("m3", "Map", false, 0)],
            ),
            stage("s3", "方案", "Offer", 60, DecisionPhase::Evaluation, vec![]),
        ],
    }
}

// Width 232 at scale 1: margins of 16 leave 200 px for 100 days, so x = 16 + 2 × day.
const WIDTH: f64 = 232.0;

#[test]
fn stages_sit_on_the_time_axis_by_their_target_days() {
    let l = layout(&roadmap(), WIDTH, 1.0);
    let spans: Vec<(u32, u32, f64, f64)> = l.stages.iter().map(|s| (s.start_day, s.end_day, s.x0, s.x1)).collect();
    // Each block is inset by half of the 3 px gap: stage 1 spans days 0–10 → x 16–36 → 17.5–34.5.
    assert_eq!(spans, vec![(0, 10, 17.5, 34.5), (10, 40, 37.5, 94.5), (40, 100, 97.5, 214.5)]);
    assert_eq!(l.total_days, 100);
}

#[test]
fn milestones_sit_at_their_day_offset_in_lanes_and_never_past_their_stage() {
    let l = layout(&roadmap(), WIDTH, 1.0);
    let m1 = l.milestone(&Id("m1".into())).unwrap();
    assert_eq!((m1.day, m1.x), (10, 36.0), "an offset of 99 in a 10-day stage is capped at day 10");
    let m2 = l.milestone(&Id("m2".into())).unwrap();
    assert_eq!((m2.day, m2.x, m2.lane), (25, 66.0, 0), "day 10 + 15 = 25 → x = 16 + 50");
    let m3 = l.milestone(&Id("m3".into())).unwrap();
    assert_eq!((m3.day, m3.lane), (10, 1));
    assert_eq!(m3.y, LANE_TOP + LANE_HEIGHT * 1.5);
    assert_eq!(m2.label_limit, 94.5, "labels stop at their stage's end");
    assert_eq!(l.lanes, 2);
}

#[test]
fn neighbouring_stages_in_one_decision_phase_share_a_band() {
    let l = layout(&roadmap(), WIDTH, 1.0);
    let bands: Vec<(DecisionPhase, f64, f64)> = l.phases.iter().map(|b| (b.phase, b.x0, b.x1)).collect();
    assert_eq!(bands, vec![(DecisionPhase::NeedRecognition, 17.5, 94.5), (DecisionPhase::Evaluation, 97.5, 214.5)]);
}

#[test]
fn a_pointer_maps_back_to_the_thing_under_it() {
    let l = layout(&roadmap(), WIDTH, 1.0);
    let (top, bottom) = l.stage_row();
    let m2 = l.milestone(&Id("m2".into())).unwrap().clone();
    assert_eq!(l.hit(m2.x + 3.0, m2.y - 4.0), Some(Hit::Milestone(Id("m2".into()))), "5 px away is within reach");
    assert_eq!(l.hit(m2.x + 12.0, m2.y), None, "12 px away is not");
    assert_eq!(l.hit(50.0, (top + bottom) / 2.0), Some(Hit::Stage(Id("s2".into()))));
    assert_eq!(l.hit(36.0, (top + bottom) / 2.0), None, "the gap between stages");
    assert_eq!(l.hit(50.0, 2.0), None);
}

#[test]
fn the_same_layout_works_at_a_device_pixel_ratio_of_two() {
    let l = layout(&roadmap(), WIDTH * 2.0, 2.0);
    let m2 = l.milestone(&Id("m2".into())).unwrap();
    assert_eq!(m2.x, 132.0, "every length doubles: 2 × 66");
    assert_eq!(l.offset_at(1, 132.0), Some(15));
}

#[test]
fn drops_map_to_a_stage_order_and_a_day_offset() {
    let l = layout(&roadmap(), WIDTH, 1.0);
    // Other stages' centres: s1 26, s2 66, s3 156.
    assert_eq!(l.drop_index(&Id("s1".into()), 200.0), 2, "past s2 (66) and s3 (156): last");
    assert_eq!(l.drop_index(&Id("s3".into()), 20.0), 0, "before s1 (26): first");
    assert_eq!(l.drop_index(&Id("s1".into()), 100.0), 1, "between s2 and s3");
    // Stage s2 starts on day 10: x 76 is day 30, an offset of 20.
    assert_eq!(l.offset_at(1, 76.0), Some(20));
    assert_eq!(l.offset_at(1, 77.2), Some(21), "day 30.6 rounds to 31");
    assert_eq!(l.offset_at(1, 500.0), Some(30), "kept inside the 30-day stage");
    assert_eq!(l.offset_at(1, 0.0), Some(0));
    assert_eq!(l.offset_at(9, 0.0), None);
}

#[test]
fn axis_ticks_stay_readable() {
    let l = layout(&roadmap(), WIDTH, 1.0);
    // 100 days: a 7-day step would give 14 labels, so 14-day steps.
    assert_eq!(l.ticks(), vec![0, 14, 28, 42, 56, 70, 84, 98]);
}

#[test]
fn the_svg_shows_every_stage_milestone_phase_and_gate_in_the_chosen_language() {
    let svg = roadmap_svg(&roadmap(), 900, Lang::Zh);
    for text in ["线索", "◆ 需求", "方案", "Budget", "需求识别", "评估选择", "第 0 天", "60 天 · 赢单概率 20%"] {
        assert!(svg.contains(text), "missing {text}");
    }
    assert_eq!(svg.matches("<polygon").count(), 2, "one diamond per required milestone");
    assert_eq!(svg.matches("<circle").count(), 2, "an optional milestone is a ring: fill and edge");
    assert_eq!(svg.matches("fill=\"#374151\"").count(), 1, "one gate bar");
    let en = roadmap_svg(&roadmap(), 900, Lang::En);
    assert!(en.contains("Leads") && en.contains("Need recognition") && en.contains("Day 14") && !en.contains("线索"));
}

#[test]
fn text_in_the_svg_is_escaped() {
    let mut r = roadmap();
    r.stages[0].name = Text::plain("<script>alert(1)</script> & co");
    let svg = roadmap_svg(&r, 900, Lang::En);
    assert!(!svg.contains("<script>"), "{svg}");
}

#[test]
fn a_drop_becomes_the_command_a_keyboard_edit_would_send() {
    use waypoint::core::chart::roadmap_drag::{drop_command, preview};
    use waypoint::core::command::Command;
    let r = roadmap();
    let l = layout(&r, WIDTH, 1.0);
    // Stage s1 dropped past every centre becomes the last stage.
    let cmd = drop_command(&r, &l, &Hit::Stage(Id("s1".into())), 200.0).unwrap();
    assert_eq!(cmd, Command::MoveStage { roadmap_id: Id("r".into()), stage_id: Id("s1".into()), to_index: 2 });
    let moved = preview(&r, cmd);
    assert_eq!(moved.stages.iter().map(|s| s.id.as_str()).collect::<Vec<_>>(), ["s2", "s3", "s1"]);
    assert_eq!(drop_command(&r, &l, &Hit::Stage(Id("s1".into())), 20.0), None, "dropped where it was");

    // Milestone m2 dragged to x 76 (day 30) is due 20 days into its stage.
    let Some(Command::UpdateMilestone { fields, .. }) = drop_command(&r, &l, &Hit::Milestone(Id("m2".into())), 76.0) else {
        panic!("expected a milestone update")
    };
    assert_eq!((fields.day_offset, fields.required, fields.title.get(Lang::En)), (20, true, "Budget"));
    assert_eq!(drop_command(&r, &l, &Hit::Milestone(Id("m2".into())), 66.0), None, "still day 25");
}

#[test]
fn a_narrow_container_scrolls_the_chart_rather_than_squeezing_stages() {
    let r = roadmap();
    // The 10-day stage is a tenth of 100 days: the chart needs ten of the narrowest blocks.
    let needed = min_chart_width(&r);
    assert!((needed - (10.0 * (MIN_STAGE_WIDTH + 3.0) + 32.0)).abs() < 1e-9, "{needed}");
    // A phone (358 px inside its panel) gets the wider chart; every block keeps its minimum.
    let width = chart_width(&r, 358.0);
    assert_eq!(width, needed);
    let l = layout(&r, width * 2.0, 2.0);
    for s in &l.stages {
        assert!((s.x1 - s.x0) / 2.0 >= MIN_STAGE_WIDTH - 1e-6, "stage {} is {} px", s.stage_id.0, (s.x1 - s.x0) / 2.0);
    }
    // A desktop panel wide enough keeps the chart at its width: nothing scrolls.
    assert_eq!(chart_width(&r, 1400.0), 1400.0);
}

#[test]
fn a_very_short_stage_does_not_make_the_chart_endless() {
    let mut r = roadmap();
    r.stages[0].target_days = 1;
    r.stages[2].target_days = 900;
    assert_eq!(min_chart_width(&r), MAX_CHART_WIDTH);
    // Never more than four screens of a phone.
    assert_eq!(chart_width(&r, 390.0), 1560.0);
    assert_eq!(min_chart_width(&Roadmap { stages: vec![], ..roadmap() }), 0.0);
}

#[test]
fn the_built_in_roadmaps_fit_a_desktop_panel_without_scrolling() {
    for template in TemplateId::ALL {
        let ws = empty_workspace("t", Lang::Zh, template);
        let r = &ws.roadmaps[0];
        assert!(min_chart_width(r) <= 1100.0, "{:?} needs {} px", template, min_chart_width(r));
    }
}
