//! The facilitator's material: learning records handed in and gathered into a room,
//! role-play cards per key node, and the final assessment.

use proptest::prelude::*;
use waypoint::core::learn::assessment::{final_assessment, QUESTIONS};
use waypoint::core::learn::record::{add_to_room, read_record, room_summary, LearningRecord, RecordError, RoomChange};
use waypoint::core::learn::roleplay::role_cards;
use waypoint::core::learn::samples::empty_workspace;
use waypoint::core::roadmap::templates::TemplateId;
use waypoint::core::text::i18n::Lang;

const NOW: i64 = 1_795_000_000_000;

fn record(id: &str, name: &str, at: i64) -> LearningRecord {
    let mut r = LearningRecord::new(id);
    r.name = name.to_owned();
    r.updated_at = at;
    r
}

#[test]
fn a_record_keeps_the_best_attempts_and_passes_at_80_percent() {
    let mut r = record("b1", "李雷", 0);
    r.note_check("missing", 2, 3, 10);
    r.note_check("missing", 1, 3, 20);
    r.note_check("missing", 3, 3, 30);
    r.note_check("missing", 2, 3, 40);
    assert_eq!(r.checks.len(), 1);
    assert_eq!((r.checks[0].score, r.checks[0].at), (3, 30), "the best stays");
    assert!(!r.passed(), "not assessed yet");
    r.note_assessment(7, 10, 50);
    assert!(!r.passed());
    r.note_assessment(8, 10, 60);
    assert!(r.passed());
    r.note_assessment(5, 10, 70);
    assert_eq!(r.assessment.as_ref().unwrap().score, 8, "a worse later attempt does not undo a pass");
    assert_eq!(r.updated_at, 70);
}

#[test]
fn a_record_travels_as_a_file_or_a_link_and_reads_back_the_same() {
    let mut r = record("b2", "Han Meimei", NOW);
    r.stages_mastered = vec!["需求分析".into()];
    r.concepts_mastered = vec!["concept-nodes".into()];
    r.note_assessment(9, 10, NOW);
    assert_eq!(read_record(&r.to_json()), Ok(r.clone()));
    let link = format!("https://example.org/waypoint/{}", r.to_fragment());
    assert_eq!(read_record(&link), Ok(r.clone()));
    assert_eq!(read_record(&format!("  {}  \n", r.to_fragment())), Ok(r));
}

#[test]
fn a_bad_record_is_refused_with_a_reason_in_the_persons_language() {
    let good = record("b3", "王芳", NOW);
    let cases: Vec<(String, RecordError)> = vec![
        (String::new(), RecordError::Empty),
        ("hello".into(), RecordError::NotARecord),
        ("{\"format\":\"waypoint\",\"version\":2}".into(), RecordError::NotARecord),
        ("#record=%%%".into(), RecordError::Damaged),
        (good.to_fragment()[..30].to_owned(), RecordError::Damaged),
        (good.to_json().replace("\"version\": 1", "\"version\": 7"), RecordError::Newer(7)),
        (good.to_json().replace("王芳", "  "), RecordError::NoName),
    ];
    for (text, expected) in cases {
        assert_eq!(read_record(&text), Err(expected.clone()), "{text}");
        for lang in [Lang::Zh, Lang::En] {
            let why = expected.describe(lang);
            assert!(!why.is_empty() && !why.contains("{0}"), "{why}");
        }
    }
    let mut cheat = good.clone();
    cheat.note_check("missing", 5, 3, NOW);
    assert_eq!(read_record(&cheat.to_json()), Err(RecordError::BadValue("checks")));
    assert_eq!(RecordError::Newer(7).describe(Lang::Zh), "这份记录来自更新版本的 Waypoint（记录格式 7），请先更新这里的 Waypoint。");
    assert!(RecordError::NotARecord.describe(Lang::Zh).chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)));
}

#[test]
fn the_room_keeps_one_row_per_trainee_and_sums_up() {
    let mut room = Vec::new();
    assert_eq!(add_to_room(&mut room, record("a", "Zhao", 10)), RoomChange::Added);
    assert_eq!(add_to_room(&mut room, record("b", "An", 10)), RoomChange::Added);
    let mut newer = record("a", "Zhao", 20);
    newer.note_assessment(9, 10, 20);
    assert_eq!(add_to_room(&mut room, newer.clone()), RoomChange::Updated);
    assert_eq!(add_to_room(&mut room, record("a", "Zhao", 15)), RoomChange::Unchanged, "an older hand-in does not replace a newer one");
    assert_eq!(add_to_room(&mut room, newer), RoomChange::Unchanged);
    assert_eq!(room.iter().map(|r| r.name.as_str()).collect::<Vec<_>>(), ["An", "Zhao"]);
    let summary = room_summary(&room);
    assert_eq!((summary.trainees, summary.assessed, summary.passed, summary.average_percent), (2, 1, 1, Some(90)));
}

proptest! {
    /// Whatever order the room's records arrive in, and however often, the room ends the same:
    /// one row per trainee, their newest record.
    #[test]
    fn the_room_is_the_same_whatever_order_records_arrive_in(
        arrivals in proptest::collection::vec((0u8..4, 0i64..5, 0u32..=10), 1..20),
        rotate in 0usize..20,
    ) {
        let records: Vec<LearningRecord> = arrivals
            .iter()
            .map(|&(who, at, score)| {
                let mut r = record(&format!("t{who}"), &format!("Trainee {who}"), at);
                r.note_assessment((score + at as u32 + u32::from(who)) % 11, 10, at);
                r.updated_at = at;
                r
            })
            .collect();
        let mut forward = Vec::new();
        for r in &records {
            add_to_room(&mut forward, r.clone());
        }
        let mut shuffled = records.clone();
        shuffled.rotate_left(rotate % records.len());
        shuffled.reverse();
        let mut other = Vec::new();
        for r in shuffled.iter().chain(&records) {
            add_to_room(&mut other, r.clone());
        }
        prop_assert_eq!(forward.len(), other.len());
        prop_assert_eq!(&forward, &other);
        let ids: std::collections::HashSet<&str> = forward.iter().map(|r| r.id.as_str()).collect();
        prop_assert_eq!(ids.len(), forward.len(), "one row per trainee");
    }
}

#[test]
fn every_key_node_gets_a_role_play_card_scored_on_its_exit_criteria() {
    for template in TemplateId::ALL {
        let ws = empty_workspace("r", Lang::Zh, template);
        let roadmap = &ws.roadmaps[0];
        for lang in [Lang::Zh, Lang::En] {
            let cards = role_cards(roadmap, lang);
            let keys: Vec<&str> = roadmap.stages.iter().filter(|s| s.key_node).map(|s| s.name.get(lang)).collect();
            assert_eq!(cards.iter().map(|c| c.stage.as_str()).collect::<Vec<_>>(), keys, "{template:?}");
            for (card, stage) in cards.iter().zip(roadmap.stages.iter().filter(|s| s.key_node)) {
                assert!(card.rubric[0].ends_with(stage.exit_criteria.get(lang)), "{card:?}");
                assert!(card.seller_task.contains(stage.name.get(lang)));
                assert!(card.rubric.len() >= 4 && !card.customer_brief.is_empty());
            }
        }
    }
    // The key-account roadmap: first contact meets an absent decision maker, needs analysis a
    // buyer who only wants prices, the presentation a worried CFO, the close a purchasing
    // manager pressing on price; the project sale's contract signing meets legal.
    let ws = empty_workspace("r", Lang::Zh, TemplateId::KeyAccount);
    let titles: Vec<String> = role_cards(&ws.roadmaps[0], Lang::Zh).into_iter().map(|c| c.title).collect();
    assert_eq!(titles, ["决策人缺席", "客户只要报价单", "财务总监担心上线", "采购压价"]);
    let ws = empty_workspace("r", Lang::En, TemplateId::ProjectSale);
    let titles: Vec<String> = role_cards(&ws.roadmaps[0], Lang::En).into_iter().map(|c| c.title).collect();
    assert_eq!(
        titles,
        ["The decision maker is absent", "The CFO fears the go-live", "Procurement presses on price", "Legal wants the terms changed"]
    );
}

#[test]
fn the_final_assessment_covers_every_concept_and_the_roadmap() {
    for template in TemplateId::ALL {
        let ws = empty_workspace("a", Lang::En, template);
        for seed in 0..6 {
            let questions = final_assessment(&ws.roadmaps[0], Lang::En, NOW, seed);
            assert_eq!(questions.len(), QUESTIONS, "{template:?} seed {seed}");
            for q in &questions {
                assert_eq!(q.reasons.len(), q.options.len());
                assert!(q.answer < q.options.len());
            }
            let prompts: std::collections::HashSet<&str> = questions.iter().map(|q| q.prompt.as_str()).collect();
            assert_eq!(prompts.len(), questions.len(), "no question twice");
        }
    }
}

#[test]
fn the_design_exercise_checks_every_step_and_every_milestone() {
    use waypoint::core::learn::design::{design_gaps, DesignDraft, DesignGap};
    let empty = DesignDraft::default();
    let gaps = design_gaps(&empty);
    assert_eq!(
        gaps,
        [
            DesignGap::NoGoal,
            DesignGap::NoTarget,
            DesignGap::NoEnd,
            DesignGap::NoNeeds,
            DesignGap::NoDecisionProcess,
            DesignGap::NoMilestones(None),
            DesignGap::NoReview
        ]
    );
    // Started from the project-sale template: owners and due days come along, key nodes too;
    // the feedback points are the trainee's to add.
    let ws = empty_workspace("d", Lang::Zh, TemplateId::ProjectSale);
    let mut draft = DesignDraft::from_roadmap(&ws.roadmaps[0], Lang::Zh);
    draft.goal = "华东区新签 12 家制造业客户".into();
    draft.goal_target = Some(12);
    draft.goal_end = "2027-06-30".into();
    draft.needs = "旺季产能不足".into();
    draft.decision_process = "厂长提出，总经理拍板".into();
    draft.review = "每周一进展会".into();
    let milestones: usize = draft.stages.iter().map(|s| s.milestones.len()).sum();
    let gaps = design_gaps(&draft);
    assert_eq!(gaps.len(), milestones, "only the feedback points are missing: {gaps:?}");
    assert!(gaps.iter().all(|g| matches!(g, DesignGap::NoFeedback(..))));
    assert_eq!(gaps[0].describe(Lang::Zh), "“潜在客户识别”的“整理客户基本信息和联系人”完成后没有安排收集客户反馈。");
    for stage in &mut draft.stages {
        for m in &mut stage.milestones {
            m.feedback = true;
        }
    }
    assert!(design_gaps(&draft).is_empty());
    // A milestone without an owner or a due day, and no key node: each named.
    draft.stages[1].milestones[0].owner = " ".into();
    draft.stages[1].milestones[0].due_day = None;
    for stage in &mut draft.stages {
        stage.key_node = false;
    }
    let gaps = design_gaps(&draft);
    assert_eq!(gaps[0], DesignGap::NoKeyNode);
    assert_eq!(gaps[1], DesignGap::NoOwner("需求分析".into(), "记录客户需求".into()));
    assert_eq!(gaps[2], DesignGap::NoDueDay("需求分析".into(), "记录客户需求".into()));
    assert_eq!(gaps[1].describe(Lang::En), "“记录客户需求” in “需求分析” has no owner (clear ownership).");
    assert_eq!(gaps.iter().map(DesignGap::step).collect::<Vec<_>>(), [3, 4, 4]);
}
