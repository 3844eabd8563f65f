//! The concept lessons (one per source article, with its diagram and case questions)
//! and the glossary.

use leptos::prelude::*;

use crate::core::learn::concepts::ConceptId;
use crate::core::learn::glossary::GLOSSARY;
use crate::core::text::i18n::{trf, Msg};
use crate::ui::learn::checks::ChoiceQuiz;
use crate::ui::state::use_app;

/// The five concept lessons: a list to pick from and the chosen one.
#[component]
pub fn ConceptLessons(learned: RwSignal<Vec<String>>) -> impl IntoView {
    let state = use_app();
    let chosen = RwSignal::new(ConceptId::Milestones);
    let is_learned = move |id: ConceptId| learned.with(|l| l.iter().any(|k| k == id.key()));
    view! {
        <div class="learn">
            <nav class="panel learn-steps" aria-label=move || state.t(Msg::LearnSectionConcepts)>
                <p class="hint" data-testid="concept-progress">{move || {
                    let done = ConceptId::ALL.iter().filter(|id| is_learned(**id)).count();
                    trf(state.lang.get(), Msg::ConceptMastered, &[&done.to_string(), &ConceptId::ALL.len().to_string()])
                }}</p>
                <ol>
                    {ConceptId::ALL.into_iter().enumerate().map(|(i, id)| view! {
                        <li>
                            <button class="learn-step" class:current=move || chosen.get() == id data-testid="concept-step"
                                aria-current=move || (chosen.get() == id).then_some("step") on:click=move |_| chosen.set(id)>
                                <span class="learn-step-number">{i + 1}</span>
                                <span>{move || state.lang.get().pick(id.concept().title)}</span>
                                {move || is_learned(id).then(|| view! { <span class="learn-check" aria-hidden="true">"✓"</span> })}
                            </button>
                        </li>
                    }).collect_view()}
                </ol>
            </nav>
            <div class="learn-main">
                {move || {
                    let id = chosen.get();
                    view! { <ConceptLesson id=id learned=learned/> }
                }}
            </div>
        </div>
    }
}

#[component]
fn ConceptLesson(id: ConceptId, learned: RwSignal<Vec<String>>) -> impl IntoView {
    let state = use_app();
    let concept = id.concept();
    let done = move || learned.with(|l| l.iter().any(|k| k == id.key()));
    let toggle = move |_| {
        learned.update(|l| match l.iter().position(|k| k == id.key()) {
            Some(at) => {
                l.remove(at);
            }
            None => l.push(id.key().to_owned()),
        })
    };
    view! {
        <article class="panel lesson" data-testid="concept-lesson" aria-labelledby="concept-title">
            {move || {
                let lang = state.lang.get();
                view! {
                    <h2 id="concept-title" class="lesson-title">{lang.pick(concept.title)}</h2>
                    <p class="concept-source">{lang.pick(concept.source)}</p>
                    <p class="concept-summary">{lang.pick(concept.summary)}</p>
                    // As an image (the CSP allows data: images): the page never parses markup from text.
                    <figure class="concept-diagram" data-testid="concept-diagram">
                        <img src=svg_image(&concept.diagram.svg(lang)) alt=concept.diagram.title(lang)/>
                    </figure>
                    {concept.lists.iter().map(|list| view! {
                        <section class="lesson-part">
                            <h3>{lang.pick(list.title)}</h3>
                            <dl class="term-list">
                                {list.items.iter().map(|(term, meaning)| view! {
                                    <dt>{lang.pick(*term)}</dt><dd>{lang.pick(*meaning)}</dd>
                                }).collect_view()}
                            </dl>
                        </section>
                    }).collect_view()}
                }
            }}
            <div class="form-actions">
                <button class="btn" class:btn-won=done data-testid="concept-mark" aria-pressed=move || done().to_string() on:click=toggle>
                    {move || state.t(if done() { Msg::Learned } else { Msg::MarkLearned })}
                </button>
            </div>
        </article>
        <ChoiceQuiz title=Msg::QuizConceptTitle name=id.key() make=Box::new(move |lang, seed| concept.ask(lang, seed))/>
    }
}

fn svg_image(svg: &str) -> String {
    use base64::Engine;
    format!("data:image/svg+xml;base64,{}", base64::engine::general_purpose::STANDARD.encode(svg))
}

/// The words of the trade, explained.
#[component]
pub fn Glossary() -> impl IntoView {
    let state = use_app();
    view! {
        <section class="panel lesson" data-testid="glossary" aria-labelledby="glossary-title">
            <h2 id="glossary-title" class="lesson-title">{move || state.t(Msg::LearnSectionGlossary)}</h2>
            <dl class="term-list">
                {move || {
                    let lang = state.lang.get();
                    GLOSSARY.iter().map(|(term, meaning)| view! {
                        <dt data-testid="glossary-term">{lang.pick(*term)}</dt><dd>{lang.pick(*meaning)}</dd>
                    }).collect_view()
                }}
            </dl>
        </section>
    }
}
