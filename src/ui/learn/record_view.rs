//! "My record": the trainee's learning record with the final assessment, printable as a
//! record and, once passed, a certificate, and handed in as a file or a link with its QR
//! code. The record is kept in this browser and updated by every self-check.

use leptos::prelude::*;
use wasm_bindgen::JsValue;

use crate::browser::clock;
use crate::browser::storage::{keys, read_json, write_json};
use crate::core::deal::plan::day_of;
use crate::core::learn::assessment::final_assessment;
use crate::core::learn::concepts::ConceptId;
use crate::core::learn::record::{LearningRecord, PASS_PERCENT};
use crate::core::learn::samples::Bi;
use crate::core::text::i18n::{fill, Lang, Msg};
use crate::ui::learn::checks::ChoiceQuiz;
use crate::ui::state::{use_app, Notice};

/// The learning record of this browser, shared by the learn screen's sections.
#[derive(Clone, Copy)]
pub struct RecordSignal(pub RwSignal<LearningRecord>);

/// The stored record, or a new one with an id of its own.
pub fn load_record() -> LearningRecord {
    read_json::<LearningRecord>(keys::LEARNING_RECORD).unwrap_or_else(|| LearningRecord::new(&clock::random_origin()))
}

/// Notes an attempt at self-check `key` ("assessment": the final assessment) and keeps the record.
pub fn note_attempt(key: &str, score: usize, total: usize) {
    let Some(RecordSignal(record)) = use_context::<RecordSignal>() else { return };
    let now = clock::now_ms();
    record.update(|r| {
        if key == "assessment" {
            r.note_assessment(score as u32, total as u32, now);
        } else {
            r.note_check(key, score as u32, total as u32, now);
        }
    });
    write_json(keys::LEARNING_RECORD, &record.get_untracked());
}

const TITLE: Bi = ("学习记录", "My learning record");
const NAME: Bi = ("你的姓名", "Your name");
const NAME_HINT: Bi =
    ("交给主持人的记录和结业证明上会显示这个名字。", "This name appears on the record you hand in and on the certificate.");
const ROADMAP: Bi = ("路线图：{0}", "Roadmap: {0}");
const STAGES: Bi = ("阶段课程：已掌握 {0}/{1}", "Stages: {0} of {1} mastered");
const CONCEPTS: Bi = ("概念课程：已掌握 {0}/{1}", "Concepts: {0} of {1} mastered");
const CHECKS: Bi = ("自测（最好成绩）", "Self-checks (best attempt)");
const NO_CHECKS: Bi = ("还没有做过自测。", "No self-check taken yet.");
const ASSESSMENT: Bi = ("结业测评", "Final assessment");
const NOT_TAKEN: Bi = ("还没有参加。答对 {0}% 即为通过。", "Not taken yet. {0}% right passes.");
const PASSED: Bi = ("{0}/{1}（{2}%），已通过 ✓", "{0} of {1} ({2}%): passed ✓");
const NOT_PASSED: Bi =
    ("{0}/{1}（{2}%），未通过：答对 {3}% 才能通过，可以再试一次。", "{0} of {1} ({2}%): not passed; {3}% is needed, so try again.");
const CERTIFICATE: Bi = ("结业证明", "Certificate of completion");
const CERTIFICATE_TEXT: Bi = (
    "{0} 已完成 Waypoint 销售路线图课程：掌握 {1} 个阶段、{2} 个概念，结业测评成绩 {3}%。",
    "{0} has completed the Waypoint sales roadmap course: {1} stages and {2} concepts mastered, final assessment {3}%.",
);
const DATE: Bi = ("日期：{0}", "Date: {0}");
const PRINT: Bi = ("打印记录", "Print the record");
const DOWNLOAD: Bi = ("下载记录文件", "Download the record file");
const COPY: Bi = ("复制交付链接", "Copy the hand-in link");
const HAND_IN_HINT: Bi = (
    "把文件或链接发给主持人（微信或邮件）；主持人也可以扫描二维码。",
    "Send the file or the link to the facilitator (WeChat or email), or let them scan the QR code.",
);
const NEED_NAME: Bi = ("请先填写姓名。", "Fill in your name first.");
const COPIED: Bi = ("链接已复制。", "Link copied.");
const COPY_FAILED: Bi = ("无法自动复制，请长按或全选链接后复制。", "It could not be copied automatically: select the link and copy it.");
const QR_ALT: Bi = ("交付链接的二维码", "QR code of the hand-in link");
const CHECK_NAMES: &[(&str, Bi)] = &[
    ("order", ("阶段排序", "Stages in order")),
    ("missing", ("缺了哪个里程碑", "The missing milestone")),
    ("situation", ("商机走到哪一步", "Where a deal stands")),
    ("cases", ("练习场景案例", "Practice scenario cases")),
    ("design", ("设计练习（已完成的项）", "Design exercise (items done)")),
];

fn check_name(key: &str, lang: Lang) -> String {
    if let Some((_, name)) = CHECK_NAMES.iter().find(|(k, _)| *k == key) {
        return lang.pick(*name).to_owned();
    }
    ConceptId::ALL.iter().find(|id| id.key() == key).map(|id| lang.pick(id.concept().title).to_owned()).unwrap_or_else(|| key.to_owned())
}

/// The record with what is mastered now filled in, ready to hand in.
fn current(record: &LearningRecord, learned: &[String], roadmap: Option<&crate::core::model::Roadmap>, lang: Lang) -> LearningRecord {
    let mut r = record.clone();
    if let Some(roadmap) = roadmap {
        r.roadmap = roadmap.name.get(lang).to_owned();
        r.stage_count = roadmap.stages.len() as u32;
        r.stages_mastered =
            roadmap.stages.iter().filter(|s| learned.contains(&s.id.to_string())).map(|s| s.name.get(lang).to_owned()).collect();
    }
    r.concepts_mastered = ConceptId::ALL.iter().map(|id| id.key()).filter(|k| learned.iter().any(|l| l == k)).map(str::to_owned).collect();
    r
}

/// The hand-in link for `record`: this page's address with the record in the fragment.
fn hand_in_link(record: &LearningRecord) -> String {
    format!("{}{}", crate::ui::files::share_dialog::page_address(), record.to_fragment())
}

#[component]
pub fn MyRecord(learned: RwSignal<Vec<String>>) -> impl IntoView {
    let state = use_app();
    let Some(RecordSignal(record)) = use_context::<RecordSignal>() else { return ().into_any() };
    let lang = move || state.lang.get();
    let pick = move |pair: Bi| lang().pick(pair);
    let ready = Memo::new(move |_| {
        let lang = state.lang.get();
        state.active_roadmap.with(|roadmap| record.with(|r| learned.with(|l| current(r, l, roadmap.as_deref(), lang))))
    });
    let say = move |text: Bi| state.say(Notice::info(move |lang| lang.pick(text).to_owned()));
    let named = move || !ready.with(|r| r.name.is_empty());
    let download = move |_| {
        if !named() {
            return say(NEED_NAME);
        }
        let r = ready.get_untracked();
        let name = crate::browser::files::safe_name(&r.name);
        if let Err(error) = crate::browser::files::download(&format!("waypoint-record-{name}.json"), &r.to_json(), "application/json") {
            let detail = format!("{error:?}");
            state.say(Notice::error(move |lang| crate::core::text::i18n::trf(lang, Msg::ExportFailed, &[&detail])));
        }
    };
    let copy = move |_| {
        if !named() {
            return say(NEED_NAME);
        }
        let link = hand_in_link(&ready.get_untracked());
        leptos::task::spawn_local(async move {
            let navigator = window().navigator();
            // No clipboard outside a secure context (plain http on a room's network).
            let available = js_sys::Reflect::get(&navigator, &JsValue::from_str("clipboard")).map(|c| !c.is_undefined()).unwrap_or(false);
            let done = available && wasm_bindgen_futures::JsFuture::from(navigator.clipboard().write_text(&link)).await.is_ok();
            say(if done { COPIED } else { COPY_FAILED });
        });
    };
    view! {
        <section class="panel lesson print-alone" data-testid="my-record" aria-labelledby="record-title">
            <h2 id="record-title" class="lesson-title">{move || pick(TITLE)}</h2>
            <label class="field record-name">
                <span class="field-label">{move || pick(NAME)}</span>
                <input data-testid="record-name" maxlength="60" prop:value=move || record.with(|r| r.name.clone())
                    on:change=move |ev| {
                        let name = event_target_value(&ev).trim().to_owned();
                        record.update(|r| r.name = name);
                        write_json(keys::LEARNING_RECORD, &record.get_untracked());
                    }/>
                <span class="hint">{move || pick(NAME_HINT)}</span>
            </label>
            {move || {
                let r = ready.get();
                let lang = lang();
                let percent = r.assessment.as_ref().map(|a| a.percent());
                view! {
                    <p data-testid="record-roadmap">{fill(lang.pick(ROADMAP), &[&r.roadmap])}</p>
                    <p data-testid="record-stages">{fill(lang.pick(STAGES), &[&r.stages_mastered.len().to_string(), &r.stage_count.to_string()])}
                        {(!r.stages_mastered.is_empty()).then(|| format!(" · {}", r.stages_mastered.join(" · ")))}</p>
                    <p data-testid="record-concepts">{fill(lang.pick(CONCEPTS), &[&r.concepts_mastered.len().to_string(), &ConceptId::ALL.len().to_string()])}</p>
                    <h3 class="record-head">{lang.pick(CHECKS)}</h3>
                    {if r.checks.is_empty() {
                        view! { <p class="hint">{lang.pick(NO_CHECKS)}</p> }.into_any()
                    } else {
                        view! {
                            <ul class="record-checks" data-testid="record-checks">
                                {r.checks.iter().map(|c| view! {
                                    <li>{format!("{}: {}/{} · {}", check_name(&c.key, lang), c.score, c.total, day_of(c.at))}</li>
                                }).collect_view()}
                            </ul>
                        }.into_any()
                    }}
                    <h3 class="record-head">{lang.pick(ASSESSMENT)}</h3>
                    <p data-testid="record-assessment">{match &r.assessment {
                        None => fill(lang.pick(NOT_TAKEN), &[&PASS_PERCENT.to_string()]),
                        Some(a) if r.passed() => fill(lang.pick(PASSED), &[&a.score.to_string(), &a.total.to_string(), &a.percent().to_string()]),
                        Some(a) => fill(lang.pick(NOT_PASSED), &[&a.score.to_string(), &a.total.to_string(), &a.percent().to_string(), &PASS_PERCENT.to_string()]),
                    }}</p>
                    {(r.passed() && !r.name.is_empty()).then(|| view! {
                        <div class="certificate" data-testid="certificate">
                            <p class="certificate-title">{lang.pick(CERTIFICATE)}</p>
                            <p>{fill(lang.pick(CERTIFICATE_TEXT), &[&r.name, &r.stages_mastered.len().to_string(), &r.concepts_mastered.len().to_string(), &percent.unwrap_or(0).to_string()])}</p>
                            <p class="hint-print">{fill(lang.pick(DATE), &[&day_of(r.assessment.as_ref().map_or(0, |a| a.at)).to_string()])}</p>
                        </div>
                    })}
                }
            }}
            <p class="hint">{move || pick(HAND_IN_HINT)}</p>
            <div class="form-actions">
                <button class="btn" data-testid="record-print" on:click=move |_| { let _ = window().print(); }>{move || pick(PRINT)}</button>
                <button class="btn" data-testid="record-download" on:click=download>{move || pick(DOWNLOAD)}</button>
                <button class="btn btn-primary" data-testid="record-copy" on:click=copy>{move || pick(COPY)}</button>
            </div>
            {move || named().then(|| {
                let link = hand_in_link(&ready.get());
                crate::ui::files::share_dialog::qr_image(&link).map(|src| view! {
                    <img class="share-qr record-qr" data-testid="record-qr" src=src alt=move || pick(QR_ALT)/>
                })
            })}
        </section>
        <ChoiceQuiz title=Msg::FinalAssessmentTitle name="assessment"
            make=Box::new(move |lang, seed| state.active_roadmap.with_untracked(|r| {
                r.as_deref().map(|r| final_assessment(r, lang, clock::now_ms(), seed)).unwrap_or_default()
            }))/>
    }
    .into_any()
}
