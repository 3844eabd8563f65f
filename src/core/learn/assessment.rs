//! The final assessment: ten questions across everything the learn screen teaches, one
//! case from each concept lesson, two from the roadmap itself and cases from a practice
//! scenario's figures. [`record::PASS_PERCENT`](crate::core::learn::record::PASS_PERCENT)
//! or more right passes.

use crate::core::learn::cases::scenario_cases;
use crate::core::learn::concepts::{case, ConceptId};
use crate::core::learn::quiz::{missing_milestone, read_situation, Question};
use crate::core::learn::scenarios::ScenarioId;
use crate::core::model::{Roadmap, Timestamp};
use crate::core::text::i18n::Lang;

/// How many questions the assessment asks (fewer only when a roadmap cannot supply its own).
pub const QUESTIONS: usize = 10;

/// The assessment for `roadmap` as of `now`; `seed` picks the questions and their order.
pub fn final_assessment(roadmap: &Roadmap, lang: Lang, now: Timestamp, seed: u64) -> Vec<Question> {
    let mut questions: Vec<Question> = ConceptId::ALL
        .iter()
        .zip(0u64..)
        .map(|(id, n)| {
            let written = id.concept().questions;
            case(&written[(seed.wrapping_add(n) % written.len() as u64) as usize], lang, seed.wrapping_add(n * 13))
        })
        .collect();
    questions.extend(missing_milestone(roadmap, lang, seed, 1));
    questions.extend(read_situation(roadmap, lang, now, seed));
    let scenario = ScenarioId::ALL[(seed % ScenarioId::ALL.len() as u64) as usize];
    questions.extend(scenario_cases(scenario, lang, now, seed));
    questions.truncate(QUESTIONS);
    questions
}
