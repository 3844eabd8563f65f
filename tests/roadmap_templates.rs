//! Built-in templates and the first-visit workspace.

use waypoint::core::learn::samples::{empty_workspace, first_visit_workspace};
use waypoint::core::model::DealStatus;
use waypoint::core::roadmap::templates::TemplateId;
use waypoint::core::text::i18n::Lang;
use waypoint::core::validate;

fn stage_names(template: TemplateId, lang: Lang) -> Vec<String> {
    let ws = empty_workspace("t", Lang::Zh, template);
    ws.roadmaps[0].stages.iter().map(|s| s.name.get(lang).to_owned()).collect()
}

#[test]
fn the_three_templates_follow_the_source_stage_lists() {
    assert_eq!(
        stage_names(TemplateId::ProjectSale, Lang::Zh),
        ["潜在客户识别", "需求分析", "方案设计", "方案提交", "报价阶段", "合同签署"]
    );
    assert_eq!(stage_names(TemplateId::KeyAccount, Lang::Zh), ["潜在客户识别", "初步接触", "需求分析", "方案呈现", "谈判成交", "售后服务"]);
    assert_eq!(
        stage_names(TemplateId::FullProcess, Lang::Zh),
        ["潜在客户识别", "客户接触", "需求分析", "方案设计", "合同谈判", "交付实施", "售后服务"]
    );
    assert_eq!(stage_names(TemplateId::ProjectSale, Lang::En)[0], "Prospect identification");
}

#[test]
fn every_template_stage_is_complete_in_both_languages() {
    for template in TemplateId::ALL {
        let ws = empty_workspace("t", Lang::En, template);
        validate::check(&ws).expect("template workspace is valid");
        let roadmap = &ws.roadmaps[0];
        assert!(!roadmap.name.get(Lang::Zh).is_empty() && !roadmap.name.get(Lang::En).is_empty());
        let mut last_probability = 0;
        for stage in &roadmap.stages {
            for lang in [Lang::Zh, Lang::En] {
                assert!(!stage.name.get(lang).trim().is_empty(), "{template:?} stage name");
                assert!(!stage.description.get(lang).trim().is_empty(), "{template:?} {} description", stage.name.get(lang));
            }
            assert!(stage.win_probability >= last_probability, "{template:?}: probabilities rise along the roadmap");
            last_probability = stage.win_probability;
            assert!(stage.target_days > 0);
            assert!(!stage.milestones.is_empty(), "{template:?} {} has milestones", stage.name.get(Lang::En));
            assert!(stage.milestones.iter().any(|m| m.required));
            for milestone in &stage.milestones {
                for lang in [Lang::Zh, Lang::En] {
                    assert!(!milestone.title.get(lang).trim().is_empty());
                    assert!(!milestone.owner_role.get(lang).trim().is_empty());
                }
            }
        }
        assert!(roadmap.stages.iter().any(|s| s.key_node) && roadmap.stages.iter().any(|s| !s.key_node));
    }
}

#[test]
fn a_first_visit_has_valid_sample_deals_spread_over_the_stages() {
    let now = 1_795_000_000_000;
    for lang in [Lang::Zh, Lang::En] {
        let ws = first_visit_workspace("f1", lang, now);
        validate::check(&ws).expect("first-visit workspace is valid");
        assert!(ws.deals.len() >= 5);
        assert!(ws.deals.iter().all(|d| d.sample));
        let roadmap = &ws.roadmaps[0];
        let stages_used: std::collections::HashSet<_> =
            ws.deals.iter().filter(|d| d.status == DealStatus::Open).map(|d| &d.stage_id).collect();
        assert_eq!(stages_used.len(), roadmap.stages.len(), "one sample in every stage");
        for deal in &ws.deals {
            let index = roadmap.stage_index(&deal.stage_id).unwrap();
            assert_eq!(deal.stage_history.len(), index + 1, "history walks every stage passed");
            assert!(deal.stage_history.windows(2).all(|w| w[0].entered_at < w[1].entered_at));
            assert!(deal.stage_history.last().unwrap().entered_at <= now);
            // Every milestone of a stage already passed is done.
            for stage in &roadmap.stages[..index] {
                assert!(stage.milestones.iter().all(|m| deal.is_milestone_done(&m.id)));
            }
        }
        assert_eq!(ws.default_currency, if lang == Lang::Zh { "CNY" } else { "USD" });
    }
    let zh = first_visit_workspace("f1", Lang::Zh, now);
    assert!(zh.deals.iter().any(|d| d.customer == "华东精密机械"));
}
