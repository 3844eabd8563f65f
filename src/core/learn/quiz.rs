//! Multiple-choice self-checks made from the roadmap itself, so they follow
//! whatever roadmap a team designed: which stage an activity belongs to, which
//! milestone is missing, and where a practice deal stands and what comes next.

use crate::core::learn::{example, shuffled};
use crate::core::model::{Roadmap, Timestamp};
use crate::core::text::i18n::{trf, Lang, Msg};

/// One multiple-choice question, already worded in the UI language.
#[derive(Clone, Debug, PartialEq)]
pub struct Question {
    /// The question as the trainee reads it.
    pub prompt: String,
    /// The choices, in the order shown.
    pub options: Vec<String>,
    /// The index in `options` of the right choice.
    pub answer: usize,
    /// Why that choice is right, shown once the trainee has answered.
    pub explanation: String,
}

/// How many answers are right.
pub fn score(questions: &[Question], answers: &[Option<usize>]) -> usize {
    questions.iter().zip(answers).filter(|(q, a)| **a == Some(q.answer)).count()
}

/// Up to `count` milestones, each asking which stage it belongs to.
pub fn match_activities(roadmap: &Roadmap, lang: Lang, seed: u64, count: usize) -> Vec<Question> {
    let all: Vec<(usize, usize)> =
        roadmap.stages.iter().enumerate().flat_map(|(s, st)| (0..st.milestones.len()).map(move |m| (s, m))).collect();
    let stages: Vec<String> = roadmap.stages.iter().map(|s| s.name.get(lang).to_owned()).collect();
    shuffled(all.len(), seed)
        .into_iter()
        .take(count)
        .map(|k| {
            let (s, m) = all[k];
            let stage = &roadmap.stages[s];
            let title = stage.milestones[m].title.get(lang);
            Question {
                prompt: trf(lang, Msg::QuizMatchPrompt, &[title]),
                options: stages.clone(),
                answer: s,
                explanation: trf(lang, Msg::QuizMatchWhy, &[title, stage.name.get(lang), stage.description.get(lang)]),
            }
        })
        .collect()
}

/// For stages with two milestones or more: the list without one, and four candidates.
pub fn missing_milestone(roadmap: &Roadmap, lang: Lang, seed: u64, count: usize) -> Vec<Question> {
    let others = |skip: usize| -> Vec<String> {
        roadmap
            .stages
            .iter()
            .enumerate()
            .filter(|(i, _)| *i != skip)
            .flat_map(|(_, s)| s.milestones.iter().map(|m| m.title.get(lang).to_owned()))
            .collect()
    };
    let candidates: Vec<usize> = (0..roadmap.stages.len()).filter(|&i| roadmap.stages[i].milestones.len() >= 2).collect();
    shuffled(candidates.len(), seed)
        .into_iter()
        .take(count)
        .map(|k| {
            let s = candidates[k];
            let stage = &roadmap.stages[s];
            let gone = (seed as usize + s) % stage.milestones.len();
            let missing = stage.milestones[gone].title.get(lang).to_owned();
            let shown: Vec<&str> =
                stage.milestones.iter().enumerate().filter(|(i, _)| *i != gone).map(|(_, m)| m.title.get(lang)).collect();
            // The missing title and three decoys from other stages, in a seeded order.
            let mut pool: Vec<String> = others(s).into_iter().filter(|t| *t != missing).collect();
            pool.dedup();
            let mut options: Vec<String> = shuffled(pool.len(), seed + s as u64).into_iter().take(3).map(|i| pool[i].clone()).collect();
            let at = (seed as usize + s) % (options.len() + 1);
            options.insert(at, missing.clone());
            Question {
                prompt: trf(
                    lang,
                    Msg::QuizMissingPrompt,
                    &[stage.name.get(lang), &shown.join(crate::core::text::i18n::tr(lang, Msg::ListSeparator))],
                ),
                options,
                answer: at,
                explanation: trf(lang, Msg::QuizMissingWhy, &[&missing, stage.exit_criteria.get(lang)]),
            }
        })
        .collect()
}

/// A practice deal at a stage past the first: where it stands and what comes next.
pub fn read_situation(roadmap: &Roadmap, lang: Lang, now: Timestamp, seed: u64) -> Vec<Question> {
    let count = roadmap.stages.len();
    if count < 2 {
        return Vec::new();
    }
    // Try stages from a seeded start until one has a practice deal with work done and work left.
    for offset in 0..count {
        let index = 1 + (seed as usize + offset) % (count - 1);
        let Some(e) = example(roadmap, index, lang, now) else { continue };
        let (Some(done), Some(next)) = (e.done.first(), e.next.first()) else { continue };
        let stage = &roadmap.stages[index];
        let who = format!("{} · {}", e.customer, e.title);
        let where_options: Vec<String> = roadmap.stages.iter().map(|s| s.name.get(lang).to_owned()).collect();
        let mut next_options: Vec<String> = roadmap
            .stages
            .iter()
            .enumerate()
            .filter(|(i, _)| *i != index)
            .flat_map(|(_, s)| s.milestones.first().map(|m| m.title.get(lang).to_owned()))
            .take(3)
            .collect();
        let at = seed as usize % (next_options.len() + 1);
        next_options.insert(at, next.clone());
        return vec![
            Question {
                prompt: trf(lang, Msg::QuizWherePrompt, &[&who, done]),
                options: where_options,
                answer: index,
                explanation: trf(lang, Msg::QuizWhereWhy, &[stage.name.get(lang), stage.description.get(lang)]),
            },
            Question {
                prompt: trf(lang, Msg::QuizNextPrompt, &[&who]),
                options: next_options,
                answer: at,
                explanation: trf(lang, Msg::QuizNextWhy, &[next, stage.exit_criteria.get(lang)]),
            },
        ];
    }
    Vec::new()
}
