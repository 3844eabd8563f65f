//! Learn mode content and the ordering self-check.

use waypoint::core::learn::samples::empty_workspace;
use waypoint::core::learn::{buyer_mind, example, order_score, pitfalls, shuffled};
use waypoint::core::model::DecisionPhase;
use waypoint::core::roadmap::templates::TemplateId;
use waypoint::core::text::i18n::Lang;

const NOW: i64 = 1_795_000_000_000;

#[test]
fn every_phase_has_guidance_and_pitfalls_in_both_languages() {
    for phase in DecisionPhase::ALL {
        for lang in [Lang::Zh, Lang::En] {
            assert!(!buyer_mind(phase, lang).is_empty());
            let list = pitfalls(phase, lang);
            assert!(list.len() >= 2 && list.iter().all(|p| !p.is_empty()), "{phase:?} {lang:?}");
        }
    }
}

#[test]
fn every_stage_of_every_template_has_a_worked_example() {
    for template in TemplateId::ALL {
        let ws = empty_workspace("l", Lang::Zh, template);
        let roadmap = &ws.roadmaps[0];
        for (index, stage) in roadmap.stages.iter().enumerate() {
            let found = example(roadmap, index, Lang::Zh, NOW);
            assert!(found.is_some(), "{template:?}: no example for {}", stage.name.get(Lang::Zh));
        }
    }
    let ws = empty_workspace("l", Lang::En, TemplateId::ProjectSale);
    let e = example(&ws.roadmaps[0], 3, Lang::En, NOW).unwrap();
    assert_eq!((e.company, e.customer.as_str()), ("Hengli Machinery: equipment projects", "Changhe Steel"));
    // The customer's views were recorded, so the lesson does not call recording them the next step.
    assert_eq!(e.done, ["Submit the proposal", "Walk the customer through it and record their views"]);
    assert!(e.next.is_empty());
    assert_eq!(e.feedback.as_deref(), Some("The plan works; they want to pay in two phases"));
}

/// Every made-up deal a trainee reads (practice scenarios and first-visit samples) tells
/// one consistent story: stages passed are finished, a won deal has its contract signed
/// (every milestone of its last stage done), and feedback follows a milestone that is done,
/// with no "record the customer's views" step left open after the views were recorded.
#[test]
fn practice_and_sample_deals_never_contradict_themselves() {
    use waypoint::core::learn::samples::first_visit_workspace;
    use waypoint::core::learn::scenarios::{build_scenario, ScenarioId};
    use waypoint::core::model::{DealStatus, Workspace};
    let mut workspaces: Vec<(String, Workspace)> = Vec::new();
    for lang in [Lang::Zh, Lang::En] {
        for id in ScenarioId::ALL {
            workspaces.push((format!("{id:?} {lang:?}"), build_scenario(id, lang, NOW)));
        }
        workspaces.push((format!("samples {lang:?}"), first_visit_workspace("s", lang, NOW)));
    }
    for (name, ws) in &workspaces {
        let roadmap = &ws.roadmaps[0];
        for deal in &ws.deals {
            let done = |id: &waypoint::core::model::Id| deal.milestones.iter().any(|p| &p.milestone_id == id && p.done_at.is_some());
            let at = roadmap.stages.iter().position(|s| s.id == deal.stage_id).unwrap();
            let who = format!("{name}: {}", deal.customer);
            for stage in &roadmap.stages[..at] {
                assert!(
                    stage.milestones.iter().filter(|m| m.required).all(|m| done(&m.id)),
                    "{who}: {} left unfinished",
                    stage.name.get(Lang::Zh)
                );
            }
            if deal.status == DealStatus::Won {
                assert!(roadmap.stages[at].milestones.iter().all(|m| done(&m.id)), "{who}: won with its last stage unfinished");
            }
            for feedback in &deal.feedback {
                let after = feedback.milestone_id.as_ref().expect("feedback follows a milestone");
                assert!(done(after), "{who}: feedback after a milestone that is not done");
            }
            if !deal.feedback.is_empty() {
                let views_open = roadmap.stages[at]
                    .milestones
                    .iter()
                    .any(|m| (m.title.get(Lang::Zh).contains("意见") || m.title.get(Lang::Zh).contains("反馈")) && !done(&m.id));
                assert!(!views_open, "{who}: feedback recorded, yet recording it is still to do");
            }
        }
    }
}

#[test]
fn the_ordering_check_shuffles_repeatably_and_scores_places() {
    for seed in 0..50 {
        let order = shuffled(6, seed);
        let mut sorted = order.clone();
        sorted.sort_unstable();
        assert_eq!(sorted, vec![0, 1, 2, 3, 4, 5], "a permutation");
        assert_ne!(order, sorted, "never handed out solved");
        assert_eq!(shuffled(6, seed), order, "same seed, same order");
    }
    assert_eq!(order_score(&[0, 1, 2, 3]), 4);
    assert_eq!(order_score(&[1, 0, 2, 3]), 2);
    assert_eq!(order_score(&[3, 2, 1, 0]), 0);
}

/// A question a trainee can learn from: one right option among distinct ones, and a
/// reason for every option (not one explanation for right and wrong alike).
fn assert_well_formed(q: &waypoint::core::learn::quiz::Question, what: &str) {
    assert!(!q.prompt.is_empty() && q.options.len() >= 3, "{what}: {q:?}");
    assert!(q.answer < q.options.len(), "{what}: {q:?}");
    assert_eq!(q.reasons.len(), q.options.len(), "{what}: a reason per option");
    assert!(q.reasons.iter().all(|r| !r.trim().is_empty()), "{what}: an empty reason");
    let distinct: std::collections::HashSet<&String> = q.options.iter().collect();
    assert_eq!(distinct.len(), q.options.len(), "{what}: options repeat: {q:?}");
    let right = &q.reasons[q.answer];
    assert!(
        q.reasons.iter().enumerate().all(|(i, r)| i == q.answer || r != right),
        "{what}: a wrong option explained as the right one: {q:?}"
    );
}

#[test]
fn the_roadmaps_own_checks_explain_every_option() {
    use waypoint::core::learn::quiz::{missing_milestone, read_situation, score};
    for template in TemplateId::ALL {
        let ws = empty_workspace("q", Lang::Zh, template);
        let roadmap = &ws.roadmaps[0];
        for lang in [Lang::Zh, Lang::En] {
            for seed in 0..5 {
                let sets = [missing_milestone(roadmap, lang, seed, 3), read_situation(roadmap, lang, NOW, seed)];
                for (kind, questions) in sets.iter().enumerate() {
                    assert!(!questions.is_empty(), "{template:?} set {kind} seed {seed}");
                    for q in questions {
                        assert_well_formed(q, &format!("{template:?} set {kind} seed {seed}"));
                    }
                }
            }
        }
    }
    let ws = empty_workspace("q", Lang::En, TemplateId::ProjectSale);
    let roadmap = &ws.roadmaps[0];
    let questions = missing_milestone(roadmap, Lang::En, 1, 3);
    let all_right: Vec<Option<usize>> = questions.iter().map(|q| Some(q.answer)).collect();
    assert_eq!(score(&questions, &all_right), questions.len());
    assert_eq!(score(&questions, &vec![None; questions.len()]), 0);
    // The missing milestone belongs to the stage named in the prompt; each decoy's reason names its own stage.
    for q in missing_milestone(roadmap, Lang::En, 2, 3) {
        let missing = &q.options[q.answer];
        let stage = roadmap.stages.iter().find(|s| q.prompt.starts_with(&format!("“{}”", s.name.get(Lang::En)))).unwrap();
        assert!(stage.milestones.iter().any(|m| m.title.get(Lang::En) == missing));
        for (i, option) in q.options.iter().enumerate().filter(|(i, _)| *i != q.answer) {
            assert!(q.reasons[i].starts_with("It belongs to “"), "{}", q.reasons[i]);
            let home = roadmap.stages.iter().find(|s| s.milestones.iter().any(|m| m.title.get(Lang::En) == option)).unwrap();
            assert!(q.reasons[i].contains(home.name.get(Lang::En)), "{}", q.reasons[i]);
        }
    }
    // "What next" never offers only the first milestones of the earliest stages: its wrong
    // options are a step already done, a step of the next stage and one of the stage before.
    let situation = read_situation(roadmap, Lang::En, NOW, 0);
    let next = &situation[1];
    assert!(next.reasons.iter().any(|r| r.contains("already done")), "{next:?}");
    assert!(next.reasons.iter().any(|r| r.contains("next stage")), "{next:?}");
    assert!(next.reasons.iter().any(|r| r.contains("earlier stage")), "{next:?}");
}

#[test]
fn every_concept_lesson_teaches_its_article_in_both_languages() {
    use waypoint::core::learn::concepts::ConceptId;
    for id in ConceptId::ALL {
        let concept = id.concept();
        assert_eq!(concept.id, id);
        assert!((3..=5).contains(&concept.questions.len()), "{id:?}: 3 to 5 case questions");
        for lang in [Lang::Zh, Lang::En] {
            assert!(!lang.pick(concept.summary).is_empty() && !lang.pick(concept.title).is_empty());
            assert!(concept.lists.iter().all(|l| !l.items.is_empty()));
            let svg = concept.diagram.svg(lang);
            assert!(svg.starts_with("<svg") && svg.contains("<title>") && svg.ends_with("</svg>"), "{id:?}");
            for seed in 0..4 {
                for q in concept.ask(lang, seed) {
                    assert_well_formed(&q, &format!("{id:?} {lang:?}"));
                }
            }
        }
    }
    // The right answer is not always in the same place.
    let places: std::collections::HashSet<usize> =
        (0..8).flat_map(|seed| ConceptId::Milestones.concept().ask(Lang::Zh, seed)).map(|q| q.answer).collect();
    assert!(places.len() > 1);
}

#[test]
fn the_lessons_teach_what_the_articles_list() {
    use waypoint::core::learn::concepts::ConceptId;
    let terms = |id: ConceptId| -> Vec<&str> { id.concept().lists.iter().flat_map(|l| l.items.iter().map(|(t, _)| t.0)).collect() };
    let milestones = terms(ConceptId::Milestones);
    for uses in ["进度跟踪", "资源管理", "客户沟通", "绩效评估", "明确责任", "定期评估", "客户反馈", "灵活调整"]
    {
        assert!(milestones.contains(&uses), "milestones lesson lacks {uses}");
    }
    for step in ["确定销售目标", "分析客户需求", "设定关键节点", "制定时间表", "监控与调整"] {
        assert!(milestones.contains(&step), "milestones lesson lacks the step {step}");
    }
    let roadmap = terms(ConceptId::Roadmap);
    for part in ["目标设定", "市场分析", "客户细分", "销售策略", "销售流程", "绩效评估"] {
        assert!(roadmap.contains(&part), "roadmap lesson lacks {part}");
    }
    let nodes = terms(ConceptId::Nodes);
    for step in ["确定关键节点", "数据收集与分析", "制定管理策略", "实施与监控", "反馈与优化", "按关键性"]
    {
        assert!(nodes.contains(&step), "nodes lesson lacks {step}");
    }
    assert!(terms(ConceptId::Process).contains(&"培训与激励"), "the process lesson teaches incentives");
    let project = terms(ConceptId::Project);
    for letter in ["S 具体", "M 可衡量", "A 可达成", "R 相关", "T 有时限", "调整销售策略"] {
        assert!(project.contains(&letter), "project lesson lacks {letter}");
    }
}

#[test]
fn the_glossary_defines_the_words_of_the_trade() {
    use waypoint::core::learn::glossary::GLOSSARY;
    let zh: Vec<&str> = GLOSSARY.iter().map(|(t, _)| t.0).collect();
    for word in ["商机", "线索", "阶段", "里程碑", "关键节点", "赢单概率", "加权管道", "转化率"] {
        assert!(zh.contains(&word), "the glossary lacks {word}");
    }
    assert!(GLOSSARY.iter().all(|(t, d)| !t.1.is_empty() && !d.0.is_empty() && !d.1.is_empty()));
}

#[test]
fn scenario_cases_quote_the_scenarios_own_figures() {
    use waypoint::core::learn::cases::scenario_cases;
    use waypoint::core::learn::scenarios::ScenarioId;
    for id in ScenarioId::ALL {
        for lang in [Lang::Zh, Lang::En] {
            let cases = scenario_cases(id, lang, NOW, 3);
            assert!(cases.len() >= 2, "{id:?} {lang:?}: {cases:?}");
            for q in &cases {
                assert_well_formed(q, &format!("{id:?}"));
            }
        }
    }
    // Hengli's funnel: 8 deals reached prospecting; the biggest drop is quoted with its stage names.
    let cases = scenario_cases(ScenarioId::EquipmentProject, Lang::En, NOW, 0);
    assert!(cases[0].prompt.starts_with("Hengli Machinery, practice data: of the "), "{}", cases[0].prompt);
    assert!(cases[0].prompt.contains("% went on to “"), "{}", cases[0].prompt);
}
