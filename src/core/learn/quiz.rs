//! Multiple-choice self-checks. Two are made from the roadmap itself, so they follow
//! whatever roadmap a team designed (which milestone is missing from a stage; where a
//! practice deal stands and what comes next); the concept lessons bring written case
//! questions (`concepts`), and `cases` builds some from a practice scenario's figures.
//! Every option carries the reason it is right or wrong, shown once the trainee checks.

use crate::core::learn::samples::Bi;
use crate::core::learn::{example, shuffled};
use crate::core::model::{Roadmap, Timestamp};
use crate::core::text::i18n::{fill, tr, Lang, Msg};

/// One multiple-choice question, already worded in the UI language.
#[derive(Clone, Debug, PartialEq)]
pub struct Question {
    /// The question as the trainee reads it.
    pub prompt: String,
    /// The choices, in the order shown.
    pub options: Vec<String>,
    /// Why each choice is right or wrong, in the same order as `options`.
    pub reasons: Vec<String>,
    /// The index in `options` of the right choice.
    pub answer: usize,
}

impl Question {
    /// A question whose right option is first in `options` (with `reasons` in the same
    /// order), shown in an order set by `seed`, so the right answer is not always first.
    pub fn right_first(prompt: String, options: Vec<String>, reasons: Vec<String>, seed: u64) -> Question {
        let order = shuffled(options.len(), seed);
        Question {
            prompt,
            options: order.iter().map(|&i| options[i].clone()).collect(),
            reasons: order.iter().map(|&i| reasons[i].clone()).collect(),
            answer: order.iter().position(|&i| i == 0).unwrap_or(0),
        }
    }
}

/// How many answers are right.
pub fn score(questions: &[Question], answers: &[Option<usize>]) -> usize {
    questions.iter().zip(answers).filter(|(q, a)| **a == Some(q.answer)).count()
}

const MISSING_PROMPT: Bi = ("“{0}”阶段列出了：{1}。还缺哪一个？", "“{0}” lists: {1}. Which one is missing?");
const MISSING_RIGHT: Bi =
    ("对。缺的是“{0}”，少了它就满足不了推进条件：{1}", "Right. “{0}” is missing, and without it the exit criteria cannot be met: {1}");
const MISSING_ELSEWHERE: Bi = ("它属于“{0}”，不属于“{1}”。", "It belongs to “{0}”, not to “{1}”.");
const WHERE_PROMPT: Bi = ("{0}：已完成“{1}”。它现在处于哪个阶段？", "{0}: “{1}” is done. Which stage is it in?");
const WHERE_RIGHT: Bi =
    ("对。“{1}”属于“{0}”，这一阶段是为了：{2}", "Right. “{1}” is a milestone of “{0}”, the stage whose purpose is: {2}");
const WHERE_OTHER: Bi = ("“{0}”做的是：{1}“{2}”不在其中。", "“{0}” is about this: {1} “{2}” is not part of it.");
const NEXT_PROMPT: Bi = ("{0} 接下来最该做什么？", "What should come next for {0}?");
const NEXT_RIGHT: Bi = (
    "对。“{0}”是本阶段还没完成的一步，完成后才满足推进条件：{1}",
    "Right. “{0}” is the step of this stage still to do; the exit criteria need it: {1}",
);
const NEXT_DONE: Bi = ("这一步已经完成了，不必重做。", "That step is already done; there is no need to repeat it.");
const NEXT_TOO_EARLY: Bi = (
    "这是下一阶段“{0}”的事。先满足本阶段的推进条件：{1}",
    "That belongs to the next stage, “{0}”. First meet this stage's exit criteria: {1}",
);
const NEXT_BEHIND: Bi =
    ("这是前面“{0}”的事，商机已经走过了那一步。", "That belongs to an earlier stage, “{0}”, which the deal has already passed.");

/// For stages with two milestones or more: the list without one, and four candidates
/// from this stage and its neighbours (the likeliest mix-ups).
pub fn missing_milestone(roadmap: &Roadmap, lang: Lang, seed: u64, count: usize) -> Vec<Question> {
    let candidates: Vec<usize> = (0..roadmap.stages.len()).filter(|&i| roadmap.stages[i].milestones.len() >= 2).collect();
    shuffled(candidates.len(), seed)
        .into_iter()
        .take(count)
        .map(|k| {
            let s = candidates[k];
            let stage = &roadmap.stages[s];
            let name = stage.name.get(lang);
            let gone = (seed as usize + s) % stage.milestones.len();
            let missing = stage.milestones[gone].title.get(lang).to_owned();
            let shown: Vec<&str> =
                stage.milestones.iter().enumerate().filter(|(i, _)| *i != gone).map(|(_, m)| m.title.get(lang)).collect();
            // Decoys from the nearest stages first: the ones a trainee confuses.
            let mut nearest: Vec<usize> = (0..roadmap.stages.len()).filter(|&i| i != s).collect();
            nearest.sort_by_key(|&i| i.abs_diff(s));
            let mut decoys: Vec<(String, String)> = Vec::new();
            for i in nearest {
                for m in &roadmap.stages[i].milestones {
                    let title = m.title.get(lang).to_owned();
                    if title != missing && !shown.contains(&title.as_str()) && !decoys.iter().any(|(t, _)| *t == title) && decoys.len() < 3
                    {
                        decoys.push((title, roadmap.stages[i].name.get(lang).to_owned()));
                    }
                }
            }
            let mut options = vec![missing.clone()];
            let mut reasons = vec![fill(lang.pick(MISSING_RIGHT), &[&missing, stage.exit_criteria.get(lang)])];
            for (title, other) in decoys {
                reasons.push(fill(lang.pick(MISSING_ELSEWHERE), &[&other, name]));
                options.push(title);
            }
            Question::right_first(
                fill(lang.pick(MISSING_PROMPT), &[name, &shown.join(tr(lang, Msg::ListSeparator))]),
                options,
                reasons,
                seed.wrapping_add(s as u64),
            )
        })
        .collect()
}

/// A practice deal at a stage past the first: where it stands and what comes next. The
/// wrong "next" options are the mistakes people make: a step already done, a step of
/// the next stage (jumping ahead), a step of an earlier stage.
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
        let exit = stage.exit_criteria.get(lang);
        let who = format!("{} · {}", e.customer, e.title);

        let mut where_options = vec![stage.name.get(lang).to_owned()];
        let mut where_reasons = vec![fill(lang.pick(WHERE_RIGHT), &[stage.name.get(lang), done, stage.description.get(lang)])];
        // The nearest stages: the ones a trainee confuses with this one.
        let mut others: Vec<usize> = (0..count).filter(|&i| i != index).collect();
        others.sort_by_key(|&i| (i.abs_diff(index), i));
        for &i in others.iter().take(3) {
            let other = &roadmap.stages[i];
            where_options.push(other.name.get(lang).to_owned());
            where_reasons.push(fill(lang.pick(WHERE_OTHER), &[other.name.get(lang), other.description.get(lang), done]));
        }

        let mut next_options = vec![next.clone()];
        let mut next_reasons = vec![fill(lang.pick(NEXT_RIGHT), &[next, exit])];
        next_options.push(done.clone());
        next_reasons.push(lang.pick(NEXT_DONE).to_owned());
        if let Some(ahead) = roadmap.stages.get(index + 1) {
            if let Some(m) = ahead.milestones.first() {
                next_options.push(m.title.get(lang).to_owned());
                next_reasons.push(fill(lang.pick(NEXT_TOO_EARLY), &[ahead.name.get(lang), exit]));
            }
        }
        let behind = &roadmap.stages[index - 1];
        if let Some(m) = behind.milestones.last() {
            next_options.push(m.title.get(lang).to_owned());
            next_reasons.push(fill(lang.pick(NEXT_BEHIND), &[behind.name.get(lang)]));
        }
        return vec![
            Question::right_first(fill(lang.pick(WHERE_PROMPT), &[&who, done]), where_options, where_reasons, seed),
            Question::right_first(fill(lang.pick(NEXT_PROMPT), &[&who]), next_options, next_reasons, seed.wrapping_add(1)),
        ];
    }
    Vec::new()
}
