//! Learn mode: a guided path through the active roadmap, stage by stage, with
//! a worked example from a practice scenario, progress kept in this browser,
//! and the "put the stages in order" self-check with a score history.

use leptos::prelude::*;

use crate::browser::clock;
use crate::browser::storage::{keys, read_json, write_json};
use crate::core::learn::quiz::{self, Question};
use crate::core::learn::{buyer_mind, example, order_score, pitfalls, shuffled};
use crate::core::model::{Id, Roadmap};
use crate::core::text::i18n::{tr, trf, Lang, Msg};
use crate::core::text::labels::decision_phase;
use crate::ui::state::use_app;

const LEARNED_KEY: &str = keys::LEARNED;
const SCORES_KEY: &str = keys::QUIZ_SCORES;

/// A list of strings kept in localStorage (progress, scores); losing one is harmless.
fn stored_list(key: &str) -> Vec<String> {
    read_json(key).unwrap_or_default()
}

fn keep_list(key: &str, list: &[String]) {
    write_json(key, &list);
}

#[component]
pub fn LearnScreen() -> impl IntoView {
    let state = use_app();
    let t = move |msg| state.t(msg);
    let roadmap = state.active_roadmap;
    let step = RwSignal::new(0_usize);
    let learned = RwSignal::new(stored_list(LEARNED_KEY));
    Effect::new(move |first: Option<()>| {
        let list = learned.get();
        // Written on change only: what was just read needs no writing back.
        if first.is_some() {
            keep_list(LEARNED_KEY, &list);
        }
    });
    let count = move || roadmap.with(|r| r.as_ref().map_or(0, |r| r.stages.len()));
    let is_learned = move |id: &Id| learned.with(|l| l.contains(&id.to_string()));

    view! {
        <div class="learn">
            <nav class="panel learn-steps" aria-label=move || t(Msg::TabLearn)>
                <p class="hint" data-testid="learn-progress">{move || {
                    let done = roadmap.with(|r| r.as_ref().map_or(0, |r| r.stages.iter().filter(|s| is_learned(&s.id)).count()));
                    trf(state.lang.get(), Msg::LearnProgress, &[&done.to_string(), &count().to_string()])
                }}</p>
                <ol>
                    {move || roadmap.get().map(|r| r.stages.iter().enumerate().map(|(i, s)| {
                        let name = s.name.get(state.lang.get()).to_owned();
                        let done = is_learned(&s.id);
                        view! {
                            <li>
                                <button class="learn-step" class:current=move || step.get() == i data-testid="learn-step"
                                    aria-current=move || (step.get() == i).then_some("step") on:click=move |_| step.set(i)>
                                    <span class="learn-step-number">{i + 1}</span>
                                    <span>{name}</span>
                                    {done.then(|| view! { <span class="learn-check" aria-hidden="true">"✓"</span> })}
                                </button>
                            </li>
                        }
                    }).collect_view())}
                </ol>
            </nav>
            <div class="learn-main">
                {move || roadmap.get().map(|r| view! { <Lesson roadmap=(*r).clone() step=step learned=learned/> })}
                {move || roadmap.get().map(|r| view! { <OrderQuiz roadmap=(*r).clone()/> })}
                {move || roadmap.get().map(|r| {
                    let (r1, r2, r3) = (r.clone(), r.clone(), r);
                    view! {
                        <ChoiceQuiz title=Msg::QuizMatchTitle name="match"
                            make=Box::new(move |lang, seed| quiz::match_activities(&r1, lang, seed, 5))/>
                        <ChoiceQuiz title=Msg::QuizMissingTitle name="missing"
                            make=Box::new(move |lang, seed| quiz::missing_milestone(&r2, lang, seed, 3))/>
                        <ChoiceQuiz title=Msg::QuizSituationTitle name="situation"
                            make=Box::new(move |lang, seed| quiz::read_situation(&r3, lang, clock::now_ms(), seed))/>
                    }
                })}
            </div>
        </div>
    }
}

#[component]
fn Lesson(roadmap: Roadmap, step: RwSignal<usize>, learned: RwSignal<Vec<String>>) -> impl IntoView {
    let state = use_app();
    let total = roadmap.stages.len();
    move || {
        let lang = state.lang.get();
        let t = move |msg| tr(lang, msg);
        let index = step.get().min(total.saturating_sub(1));
        let stage = roadmap.stages.get(index)?.clone();
        let stage_key = stage.id.to_string();
        let done = learned.with(|l| l.contains(&stage_key));
        let section = |title: Msg, body: String| {
            (!body.is_empty()).then(|| view! { <section class="lesson-part"><h3>{t(title)}</h3><p>{body}</p></section> })
        };
        let milestones = stage
            .milestones
            .iter()
            .map(|m| {
                let kind = if m.required { Msg::MilestoneRequired } else { Msg::Optional };
                trf(
                    lang,
                    Msg::MilestoneLine,
                    &[m.title.get(lang), &format!("{} ({})", m.owner_role.get(lang), t(kind)), &m.day_offset.to_string()],
                )
            })
            .collect::<Vec<_>>();
        let worked = example(&roadmap, index, lang, clock::now_ms());
        Some(view! {
            <article class="panel lesson" data-testid="lesson" aria-labelledby="lesson-title">
                <p class="hint">{trf(lang, Msg::LearnStep, &[&(index + 1).to_string(), &total.to_string()])}</p>
                <h2 id="lesson-title" class="lesson-title">{stage.name.get(lang).to_owned()}</h2>
                <p class="lesson-badges">
                    <span class="badge badge-sample">{decision_phase(lang, stage.decision_phase)}</span>
                    {stage.key_node.then(|| view! { <span class="badge badge-key">{t(Msg::KeyNode)}</span> })}
                    {stage.gate.then(|| view! { <span class="badge badge-gate">{t(Msg::GateBadge)}</span> })}
                </p>
                {section(Msg::LearnPurpose, stage.description.get(lang).to_owned())}
                {section(Msg::LearnActions, stage.guidance.get(lang).to_owned())}
                {section(Msg::LearnExit, stage.exit_criteria.get(lang).to_owned())}
                {section(Msg::LearnBuyer, buyer_mind(stage.decision_phase, lang).to_owned())}
                <section class="lesson-part"><h3>{t(Msg::LearnMilestones)}</h3>
                    <ul>{milestones.into_iter().map(|m| view! { <li>{m}</li> }).collect_view()}</ul>
                    <p class="hint">{trf(lang, Msg::LessonFigures, &[&stage.win_probability.to_string(), &stage.target_days.to_string()])}</p>
                </section>
                <section class="lesson-part"><h3>{t(Msg::LearnPitfalls)}</h3>
                    <ul>{pitfalls(stage.decision_phase, lang).into_iter().map(|p| view! { <li>{p}</li> }).collect_view()}</ul>
                </section>
                {worked.map(|e| {
                    let list = |items: Vec<String>| items.join(tr(lang, Msg::ListSeparator));
                    view! {
                        <section class="lesson-part lesson-example" data-testid="lesson-example"><h3>{t(Msg::LearnExample)}</h3>
                            <p>{trf(lang, Msg::ExampleText, &[e.company, &e.customer, &e.title])}</p>
                            {(!e.done.is_empty()).then(|| view! { <p>{trf(lang, Msg::ExampleDone, &[&list(e.done.clone())])}</p> })}
                            {(!e.next.is_empty()).then(|| view! { <p>{trf(lang, Msg::ExampleNext, &[&list(e.next.clone())])}</p> })}
                            {e.feedback.clone().map(|f| view! { <p>{trf(lang, Msg::ExampleFeedback, &[&f])}</p> })}
                        </section>
                    }
                })}
                <div class="form-actions">
                    <button class="btn" data-testid="learn-previous" disabled=index == 0 on:click=move |_| step.update(|s| *s = s.saturating_sub(1))>"◀ " {t(Msg::Previous)}</button>
                    <span class="spacer"></span>
                    <button class="btn" class:btn-won=done data-testid="learn-mark" aria-pressed=done.to_string()
                        on:click=move |_| learned.update(|l| if let Some(at) = l.iter().position(|k| *k == stage_key) { l.remove(at); } else { l.push(stage_key.clone()); })>
                        {t(if done { Msg::Learned } else { Msg::MarkLearned })}
                    </button>
                    <span class="spacer"></span>
                    <button class="btn btn-primary" data-testid="learn-next" disabled={index + 1 >= total} on:click=move |_| step.update(|s| *s += 1)>{t(Msg::Next)} " ▶"</button>
                </div>
            </article>
        })
    }
}

#[component]
fn OrderQuiz(roadmap: Roadmap) -> impl IntoView {
    let state = use_app();
    let names = roadmap.stages.iter().map(|s| s.name.clone()).collect::<Vec<_>>();
    let phases = roadmap.stages.iter().map(|s| s.decision_phase).collect::<Vec<_>>();
    let total = names.len();
    let order = RwSignal::new(shuffled(total, clock::now_ms() as u64));
    let checked: RwSignal<Option<usize>> = RwSignal::new(None);
    let scores = RwSignal::new(stored_list(SCORES_KEY));
    let swap = move |a: usize, b: usize| {
        order.update(|o| {
            if a < o.len() && b < o.len() {
                o.swap(a, b)
            }
        });
        checked.set(None);
    };
    let check = move |_| {
        let score = order_score(&order.get_untracked());
        checked.set(Some(score));
        scores.update(|s| {
            s.push(format!("{score}/{total}"));
            let excess = s.len().saturating_sub(5);
            s.drain(..excess);
        });
        keep_list(SCORES_KEY, &scores.get_untracked());
    };
    let dragged: RwSignal<Option<usize>> = RwSignal::new(None);
    let (names_for_rows, names_for_answer) = (names.clone(), names);
    view! {
        <section class="panel quiz" data-testid="order-quiz" aria-labelledby="quiz-title">
            <h2 id="quiz-title" class="panel-title">{move || state.t(Msg::QuizOrderTitle)}</h2>
            <p class="hint">{move || state.t(Msg::QuizOrderHint)}</p>
            <ol class="quiz-list">
                {move || {
                    let lang = state.lang.get();
                    let current = order.get();
                    current.iter().enumerate().map(|(place, &stage)| {
                        let name = names_for_rows[stage].get(lang).to_owned();
                        let right = checked.get().map(|_| place == stage);
                        view! {
                            <li class="quiz-item" class:right=right == Some(true) class:wrong=right == Some(false) draggable="true" data-testid="quiz-item"
                                on:dragstart=move |_| dragged.set(Some(place))
                                on:dragover=|ev: leptos::ev::DragEvent| ev.prevent_default()
                                on:drop=move |ev: leptos::ev::DragEvent| { ev.prevent_default(); if let Some(from) = dragged.get_untracked() { swap(from, place) } }>
                                <span class="quiz-name">{name.clone()}</span>
                                <button class="icon-btn" disabled=place == 0 aria-label=trf(lang, Msg::MoveStageUp, &[&name]) on:click=move |_| swap(place, place.saturating_sub(1))>"↑"</button>
                                <button class="icon-btn" disabled=place + 1 == total aria-label=trf(lang, Msg::MoveStageDown, &[&name]) on:click=move |_| swap(place, place + 1)>"↓"</button>
                            </li>
                        }
                    }).collect_view()
                }}
            </ol>
            <div class="form-actions">
                <button class="btn btn-primary" data-testid="quiz-check" on:click=check>{move || state.t(Msg::QuizCheck)}</button>
                <button class="btn" data-testid="quiz-again" on:click=move |_| { order.set(shuffled(total, clock::now_ms() as u64)); checked.set(None); }>{move || state.t(Msg::QuizAgain)}</button>
                <span class="hint" data-testid="quiz-history">{move || {
                    let list = scores.get();
                    (!list.is_empty()).then(|| trf(state.lang.get(), Msg::QuizHistory, &[&list.join(" · ")]))
                }}</span>
            </div>
            {move || checked.get().map(|score| {
                let lang: Lang = state.lang.get();
                let verdict = if score == total { tr(lang, Msg::QuizPerfect).to_owned() } else { trf(lang, Msg::QuizScore, &[&score.to_string(), &total.to_string()]) };
                view! {
                    <div class="quiz-result" data-testid="quiz-result" role="status">
                        <p class="quiz-verdict">{verdict}</p>
                        <p class="hint">{tr(lang, Msg::QuizCorrectOrder)}</p>
                        <ol>{names_for_answer.iter().zip(&phases).map(|(n, p)| view! { <li>{format!("{} — {}", n.get(lang), decision_phase(lang, *p))}</li> }).collect_view()}</ol>
                    </div>
                }
            })}
        </section>
    }
}

type MakeQuestions = Box<dyn Fn(Lang, u64) -> Vec<Question> + Send + Sync>;

/// A multiple-choice self-check: pick an answer per question, check, read why.
#[component]
fn ChoiceQuiz(title: Msg, name: &'static str, make: MakeQuestions) -> impl IntoView {
    let state = use_app();
    let seed = RwSignal::new(clock::now_ms() as u64);
    let make = std::sync::Arc::new(make);
    let questions = Memo::new(move |_| make(state.lang.get(), seed.get()));
    let answers: RwSignal<Vec<Option<usize>>> = RwSignal::new(Vec::new());
    let checked = RwSignal::new(false);
    Effect::new(move |_| {
        let n = questions.with(Vec::len);
        answers.set(vec![None; n]);
        checked.set(false);
    });
    let check = move |_| {
        checked.set(true);
        let score = questions.with(|q| answers.with(|a| quiz::score(q, a)));
        let total = questions.with(Vec::len);
        let mut list = stored_list(SCORES_KEY);
        list.push(format!("{score}/{total}"));
        let excess = list.len().saturating_sub(5);
        list.drain(..excess);
        keep_list(SCORES_KEY, &list);
    };
    view! {
        <section class="panel quiz" data-testid=format!("quiz-{name}")>
            <h2 class="panel-title">{move || state.t(title)}</h2>
            <ol class="choice-list">
                {move || questions.get().into_iter().enumerate().map(|(qi, q)| {
                    let lang = state.lang.get();
                    let group = format!("{name}-{qi}");
                    view! {
                        <li class="choice" data-testid="choice-question">
                            <p class="choice-prompt">{q.prompt.clone()}</p>
                            <div class="choice-options" role="radiogroup" aria-label=q.prompt.clone()>
                                {q.options.iter().enumerate().map(|(oi, option)| {
                                    let group = group.clone();
                                    view! {
                                        <label class="check choice-option">
                                            <input type="radio" name=group value=oi.to_string()
                                                prop:checked=move || answers.with(|a| a.get(qi).copied().flatten() == Some(oi))
                                                on:change=move |_| { answers.update(|a| if let Some(slot) = a.get_mut(qi) { *slot = Some(oi) }); checked.set(false); }/>
                                            {option.clone()}
                                        </label>
                                    }
                                }).collect_view()}
                            </div>
                            {move || checked.get().then(|| {
                                let right = answers.with(|a| a.get(qi).copied().flatten() == Some(q.answer));
                                view! {
                                    <p class="choice-why" class:right=right class:wrong=!right data-testid="choice-why">
                                        {tr(lang, if right { Msg::QuizRight } else { Msg::QuizWrong })} " " {q.explanation.clone()}
                                    </p>
                                }
                            })}
                        </li>
                    }
                }).collect_view()}
            </ol>
            <div class="form-actions">
                <button class="btn btn-primary" data-testid=format!("{name}-check") on:click=check>{move || state.t(Msg::QuizCheck)}</button>
                <button class="btn" on:click=move |_| seed.update(|s| *s = s.wrapping_add(1))>{move || state.t(Msg::QuizAgain)}</button>
                {move || checked.get().then(|| {
                    let score = questions.with(|q| answers.with(|a| quiz::score(q, a)));
                    let total = questions.with(Vec::len);
                    view! { <span class="quiz-verdict" data-testid=format!("{name}-score")>{trf(state.lang.get(), Msg::QuizChoiceScore, &[&score.to_string(), &total.to_string()])}</span> }
                })}
            </div>
        </section>
    }
}
