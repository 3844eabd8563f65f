//! The name of every enum value the UI shows, in one place: one exhaustive match
//! each, so a new variant does not compile until it has a label in both languages.

use crate::core::model::{ActivityKind, DealStatus, DecisionPhase, GoalMetric};
use crate::core::text::i18n::{tr, Lang, Msg};

/// The name of an activity kind in `lang` ("Visit", "拜访" …).
pub fn activity_kind(lang: Lang, kind: ActivityKind) -> &'static str {
    tr(
        lang,
        match kind {
            ActivityKind::Visit => Msg::ActVisit,
            ActivityKind::Call => Msg::ActCall,
            ActivityKind::Demo => Msg::ActDemo,
            ActivityKind::Email => Msg::ActEmail,
            ActivityKind::Meeting => Msg::ActMeeting,
            ActivityKind::Proposal => Msg::ActProposal,
            ActivityKind::Contract => Msg::ActContract,
        },
    )
}

/// The name of a deal's status in `lang` ("Open", "Won", "Lost").
pub fn deal_status(lang: Lang, status: DealStatus) -> &'static str {
    tr(
        lang,
        match status {
            DealStatus::Open => Msg::StatusOpen,
            DealStatus::Won => Msg::StatusWon,
            DealStatus::Lost => Msg::StatusLost,
        },
    )
}

/// The name of a goal metric in `lang` ("Won revenue" …).
pub fn goal_metric(lang: Lang, metric: GoalMetric) -> &'static str {
    tr(
        lang,
        match metric {
            GoalMetric::WonRevenue => Msg::MetricWonRevenue,
            GoalMetric::DealsWon => Msg::MetricDealsWon,
            GoalMetric::NewCustomers => Msg::MetricNewCustomers,
            GoalMetric::WinRate => Msg::MetricWinRate,
            GoalMetric::WeightedPipeline => Msg::MetricWeightedPipeline,
        },
    )
}

/// The name of a buyer decision phase in `lang`.
pub fn decision_phase(lang: Lang, phase: DecisionPhase) -> &'static str {
    tr(
        lang,
        match phase {
            DecisionPhase::NeedRecognition => Msg::PhaseNeedRecognition,
            DecisionPhase::InformationSearch => Msg::PhaseInformationSearch,
            DecisionPhase::Evaluation => Msg::PhaseEvaluation,
            DecisionPhase::PurchaseDecision => Msg::PhasePurchaseDecision,
            DecisionPhase::PostPurchase => Msg::PhasePostPurchase,
        },
    )
}
