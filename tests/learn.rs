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

#[test]
fn the_multiple_choice_checks_have_one_right_answer_and_an_explanation() {
    use waypoint::core::learn::quiz::{match_activities, missing_milestone, read_situation, score};
    for template in TemplateId::ALL {
        let ws = empty_workspace("q", Lang::Zh, template);
        let roadmap = &ws.roadmaps[0];
        for lang in [Lang::Zh, Lang::En] {
            for seed in 0..5 {
                let sets = [
                    match_activities(roadmap, lang, seed, 5),
                    missing_milestone(roadmap, lang, seed, 3),
                    read_situation(roadmap, lang, NOW, seed),
                ];
                for (kind, questions) in sets.iter().enumerate() {
                    assert!(!questions.is_empty(), "{template:?} set {kind} seed {seed}");
                    for q in questions {
                        assert!(q.answer < q.options.len() && !q.explanation.is_empty() && !q.prompt.is_empty());
                        let right = &q.options[q.answer];
                        assert_eq!(q.options.iter().filter(|o| *o == right).count(), 1, "one right option: {q:?}");
                    }
                }
            }
        }
    }
    let ws = empty_workspace("q", Lang::En, TemplateId::ProjectSale);
    let roadmap = &ws.roadmaps[0];
    let questions = match_activities(roadmap, Lang::En, 1, 5);
    let all_right: Vec<Option<usize>> = questions.iter().map(|q| Some(q.answer)).collect();
    assert_eq!(score(&questions, &all_right), 5);
    assert_eq!(score(&questions, &[None; 5]), 0);
    // The missing milestone belongs to the stage named in the prompt.
    for q in missing_milestone(roadmap, Lang::En, 2, 3) {
        let missing = &q.options[q.answer];
        let stage = roadmap.stages.iter().find(|s| q.prompt.starts_with(&format!("“{}”", s.name.get(Lang::En)))).unwrap();
        assert!(stage.milestones.iter().any(|m| m.title.get(Lang::En) == missing));
    }
}
