//! Learn mode: a guided path through the active roadmap, stage by stage, with a
//! worked example from a practice scenario; the concept lessons and the glossary; the
//! self-checks. What was mastered is kept in this browser.

use leptos::prelude::*;

use crate::browser::clock;
use crate::browser::storage::keys;
use crate::core::learn::{buyer_mind, cases, example, pitfalls, quiz};
use crate::core::model::{Id, Roadmap};
use crate::core::text::i18n::{tr, trf, Msg};
use crate::core::text::labels::decision_phase;
use crate::ui::learn::checks::{keep_list, stored_list, ChoiceQuiz, OrderQuiz};
use crate::ui::learn::concept_view::{ConceptLessons, Glossary};
use crate::ui::learn::design_view::DesignExercise;
use crate::ui::learn::facilitator_view::Facilitator;
use crate::ui::learn::record_view::{load_record, MyRecord, RecordSignal};
use crate::ui::state::use_app;

const LEARNED_KEY: &str = keys::LEARNED;

/// The parts of the learn screen, one shown at a time.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Section {
    Stages,
    Concepts,
    Glossary,
    Checks,
    Design,
    Record,
    Facilitator,
}

impl Section {
    const ALL: [Section; 7] =
        [Section::Stages, Section::Concepts, Section::Glossary, Section::Checks, Section::Design, Section::Record, Section::Facilitator];

    fn label(self) -> Msg {
        match self {
            Section::Stages => Msg::LearnSectionStages,
            Section::Concepts => Msg::LearnSectionConcepts,
            Section::Glossary => Msg::LearnSectionGlossary,
            Section::Checks => Msg::LearnSectionChecks,
            Section::Design => Msg::LearnSectionDesign,
            Section::Record => Msg::LearnSectionRecord,
            Section::Facilitator => Msg::LearnSectionFacilitator,
        }
    }

    fn key(self) -> &'static str {
        match self {
            Section::Stages => "stages",
            Section::Concepts => "concepts",
            Section::Glossary => "glossary",
            Section::Checks => "checks",
            Section::Design => "design",
            Section::Record => "record",
            Section::Facilitator => "facilitator",
        }
    }
}

#[component]
pub fn LearnScreen() -> impl IntoView {
    let state = use_app();
    let section = RwSignal::new(Section::Stages);
    let learned = RwSignal::new(stored_list(LEARNED_KEY));
    provide_context(RecordSignal(RwSignal::new(load_record())));
    Effect::new(move |first: Option<()>| {
        let list = learned.get();
        // Written on change only: what was just read needs no writing back.
        if first.is_some() {
            keep_list(LEARNED_KEY, &list);
        }
    });
    view! {
        <div class="learn-screen">
            <nav class="learn-sections" aria-label=move || state.t(Msg::TabLearn)>
                {Section::ALL.into_iter().map(|s| view! {
                    <button class="learn-section-tab" data-testid=format!("learn-section-{}", s.key())
                        aria-pressed=move || (section.get() == s).to_string() on:click=move |_| section.set(s)>
                        {move || state.t(s.label())}
                    </button>
                }).collect_view()}
            </nav>
            {move || match section.get() {
                Section::Stages => view! { <StagePath learned=learned/> }.into_any(),
                Section::Concepts => view! { <ConceptLessons learned=learned/> }.into_any(),
                Section::Glossary => view! { <Glossary/> }.into_any(),
                Section::Checks => view! { <SelfChecks/> }.into_any(),
                Section::Design => view! { <div class="learn-main"><DesignExercise/></div> }.into_any(),
                Section::Record => view! { <div class="learn-main"><MyRecord learned=learned/></div> }.into_any(),
                Section::Facilitator => view! { <div class="learn-main"><Facilitator/></div> }.into_any(),
            }}
        </div>
    }
}

/// The roadmap's stages one by one, with the progress made.
#[component]
fn StagePath(learned: RwSignal<Vec<String>>) -> impl IntoView {
    let state = use_app();
    let t = move |msg| state.t(msg);
    let roadmap = state.active_roadmap;
    let step = RwSignal::new(0_usize);
    let count = move || roadmap.with(|r| r.as_ref().map_or(0, |r| r.stages.len()));
    let is_learned = move |id: &Id| learned.with(|l| l.contains(&id.to_string()));
    view! {
        <div class="learn">
            <nav class="panel learn-steps" aria-label=move || t(Msg::LearnSectionStages)>
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
            </div>
        </div>
    }
}

/// Every self-check: the stages in order, the roadmap's own questions, and cases from a practice scenario.
#[component]
fn SelfChecks() -> impl IntoView {
    let state = use_app();
    let roadmap = state.active_roadmap;
    view! {
        <div class="learn-main">
            {move || roadmap.get().map(|r| view! { <OrderQuiz roadmap=(*r).clone()/> })}
            {move || roadmap.get().map(|r| {
                let (r1, r2) = (r.clone(), r);
                view! {
                    <ChoiceQuiz title=Msg::QuizMissingTitle name="missing"
                        make=Box::new(move |lang, seed| quiz::missing_milestone(&r1, lang, seed, 3))/>
                    <ChoiceQuiz title=Msg::QuizSituationTitle name="situation"
                        make=Box::new(move |lang, seed| quiz::read_situation(&r2, lang, clock::now_ms(), seed))/>
                }
            })}
            <ChoiceQuiz title=Msg::QuizCasesTitle name="cases"
                make=Box::new(move |lang, seed| {
                    use crate::core::learn::scenarios::ScenarioId;
                    // Each "try again" takes the next scenario's figures.
                    let id = ScenarioId::ALL[(seed % ScenarioId::ALL.len() as u64) as usize];
                    cases::scenario_cases(id, lang, clock::now_ms(), seed)
                })/>
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
