//! The self-checks: the stages in order, multiple-choice questions whose every option
//! says why it is right or wrong, and the scores kept in this browser.

use leptos::prelude::*;

use crate::browser::clock;
use crate::browser::storage::{keys, read_json, write_json};
use crate::core::learn::quiz::{self, Question};
use crate::core::learn::{order_score, shuffled};
use crate::core::model::Roadmap;
use crate::core::text::i18n::{tr, trf, Lang, Msg};
use crate::core::text::labels::decision_phase;
use crate::ui::state::use_app;

const SCORES_KEY: &str = keys::QUIZ_SCORES;

/// A list of strings kept in localStorage (progress, scores); losing one is harmless.
pub fn stored_list(key: &str) -> Vec<String> {
    read_json(key).unwrap_or_default()
}

/// Keeps a list written by `stored_list`'s reader.
pub fn keep_list(key: &str, list: &[String]) {
    write_json(key, &list);
}

#[component]
pub fn OrderQuiz(roadmap: Roadmap) -> impl IntoView {
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
        crate::ui::learn::record_view::note_attempt("order", score, total);
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

/// Makes a quiz's questions for a language and a seed (a new seed: new questions or a new order).
pub type MakeQuestions = Box<dyn Fn(Lang, u64) -> Vec<Question> + Send + Sync>;

/// A multiple-choice self-check: pick an answer per question, check, read why.
#[component]
pub fn ChoiceQuiz(title: Msg, name: &'static str, make: MakeQuestions) -> impl IntoView {
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
        crate::ui::learn::record_view::note_attempt(name, score, total);
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
                                let chosen = answers.with(|a| a.get(qi).copied().flatten());
                                let right = chosen == Some(q.answer);
                                view! {
                                    <div class="choice-why" class:right=right class:wrong=!right data-testid="choice-why">
                                        <p class="choice-verdict">{tr(lang, if right { Msg::QuizRight } else { Msg::QuizWrong })}</p>
                                        <ul class="choice-reasons">
                                            {q.options.iter().zip(&q.reasons).enumerate().map(|(oi, (option, reason))| {
                                                let mark = if oi == q.answer { "✓" } else if chosen == Some(oi) { "✗" } else { "·" };
                                                view! {
                                                    <li class:is-answer={oi == q.answer} class:is-chosen={chosen == Some(oi)} data-testid="choice-reason">
                                                        <strong>{mark} " " {option.clone()}</strong> " — " {reason.clone()}
                                                    </li>
                                                }
                                            }).collect_view()}
                                        </ul>
                                    </div>
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
