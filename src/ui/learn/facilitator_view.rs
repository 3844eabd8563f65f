//! For the facilitator: role-play cards for the roadmap's key nodes (printable), and
//! the room's results gathered from the trainees' record files and links.

use leptos::prelude::*;

use crate::browser::storage::{keys, read_json, write_json};
use crate::core::deal::plan::day_of;
use crate::core::learn::concepts::ConceptId;
use crate::core::learn::record::{add_to_room, read_record, room_summary, LearningRecord, RoomChange};
use crate::core::learn::roleplay::role_cards;
use crate::core::learn::samples::Bi;
use crate::core::text::i18n::{fill, Lang};
use crate::ui::state::{use_app, AppState, Notice};

const CARDS_TITLE: Bi = ("角色扮演卡片", "Role-play cards");
const CARDS_HINT: Bi = (
    "每个关键节点一张。三人一组：一人扮演销售，一人按“客户须知”扮演客户，一人按评分项观察并勾选。打印后沿虚线剪开。",
    "One card per key node. In threes: one plays the seller, one plays the customer from the customer's brief, one watches and ticks the scoring items. Print and cut along the dashed lines.",
);
const NO_KEY_NODES: Bi = (
    "这条路线图没有关键节点：在“路线图设计”里把阶段标为关键节点后，这里就会出现卡片。",
    "This roadmap has no key nodes: mark stages as key nodes in Roadmap design and their cards appear here.",
);
const CUSTOMER: Bi = ("扮演客户：", "Customer: ");
const BRIEF: Bi = ("客户须知（只给扮演客户的人看）：", "Customer's brief (for the customer player only): ");
const TASK: Bi = ("销售的任务：", "The seller's task: ");
const RUBRIC: Bi = ("评分（观察者勾选）", "Scoring (the observer ticks)");
const PRINT_CARDS: Bi = ("打印卡片", "Print the cards");
const ROOM_TITLE: Bi = ("全班成绩", "The room's results");
const ROOM_HINT: Bi = (
    "学员在“学习记录”里下载文件或复制链接交给你。在这里选择文件，或粘贴链接（每行一个）；直接打开学员的链接也会加入这里。记录只保存在这个浏览器里。",
    "Trainees download their file or copy their link from My record. Choose the files here or paste the links (one per line); opening a trainee's link also adds it here. Records stay in this browser.",
);
const FILES: Bi = ("选择记录文件", "Choose record files");
const LINKS: Bi = ("粘贴学员的链接，每行一个", "Paste trainees' links, one per line");
const ADD: Bi = ("添加", "Add");
const CLEAR: Bi = ("清空全班成绩", "Clear the room");
const SUMMARY: Bi = ("{0} 名学员 · {1} 人参加结业测评 · {2} 人通过", "{0} trainees · {1} took the final assessment · {2} passed");
const AVERAGE: Bi = (" · 平均 {0}%", " · average {0}%");
const EMPTY_ROOM: Bi = ("还没有学员交来记录。", "No trainee has handed in a record yet.");
const HEADINGS: [Bi; 6] = [
    ("姓名", "Name"),
    ("阶段", "Stages"),
    ("概念", "Concepts"),
    ("自测", "Self-checks"),
    ("结业测评", "Final assessment"),
    ("更新于", "Updated"),
];
const ADDED: Bi = ("已加入 {0} 份记录，更新 {1} 份，{2} 份没有变化。", "{0} added, {1} updated, {2} unchanged.");
const REFUSED: Bi = ("第 {0} 份无法读取：{1}", "Item {0} could not be read: {1}");
const PASSED_MARK: Bi = ("通过", "passed");

/// The room kept in this browser.
fn load_room() -> Vec<LearningRecord> {
    read_json(keys::ROOM).unwrap_or_default()
}

/// A trainee's hand-in link opened by the facilitator (`#record=…` in the address): the
/// record joins the room kept in this browser, and the learn screen opens.
pub fn take_in_link(state: AppState, hash: &str) {
    use crate::core::text::i18n::{trf, Msg};
    use crate::ui::state::Screen;
    match read_record(hash) {
        Ok(record) => {
            let name = record.name.clone();
            let mut room = load_room();
            add_to_room(&mut room, record);
            write_json(keys::ROOM, &room);
            state.say(Notice::info(move |lang| trf(lang, Msg::RecordTakenIn, &[&name])));
        }
        Err(error) => state.say(Notice::error(move |lang| trf(lang, Msg::RecordRefused, &[&error.describe(lang)]))),
    }
    // The record leaves the address bar (and the back button).
    if let Ok(history) = window().history() {
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(Screen::Learn.hash()));
    }
    state.screen.set(Screen::Learn);
}

/// Adds handed-in texts (files' JSON or links) to the room and says what happened; a text
/// that does not read is named with its reason and changes nothing.
pub fn take_in(state: AppState, room: RwSignal<Vec<LearningRecord>>, texts: Vec<String>) {
    let (mut added, mut updated, mut same) = (0, 0, 0);
    let mut refused = Vec::new();
    room.update(|list| {
        for (i, text) in texts.iter().enumerate() {
            match read_record(text) {
                Ok(record) => match add_to_room(list, record) {
                    RoomChange::Added => added += 1,
                    RoomChange::Updated => updated += 1,
                    RoomChange::Unchanged => same += 1,
                },
                Err(error) => refused.push((i + 1, error)),
            }
        }
    });
    write_json(keys::ROOM, &room.get_untracked());
    let counts = [added.to_string(), updated.to_string(), same.to_string()];
    state.say(if refused.is_empty() {
        Notice::info(move |lang| fill(lang.pick(ADDED), &[&counts[0], &counts[1], &counts[2]]))
    } else {
        Notice::error(move |lang| {
            let reasons: Vec<String> =
                refused.iter().map(|(n, e)| fill(lang.pick(REFUSED), &[&n.to_string(), &e.describe(lang)])).collect();
            format!("{} {}", fill(lang.pick(ADDED), &[&counts[0], &counts[1], &counts[2]]), reasons.join(" "))
        })
    });
}

#[component]
pub fn Facilitator() -> impl IntoView {
    let state = use_app();
    let pick = move |pair: Bi| state.lang.get().pick(pair);
    let room = RwSignal::new(load_room());
    let links = RwSignal::new(String::new());
    let add_links = move |_| {
        let texts: Vec<String> = links.get_untracked().lines().map(str::trim).filter(|l| !l.is_empty()).map(str::to_owned).collect();
        if !texts.is_empty() {
            take_in(state, room, texts);
            links.set(String::new());
        }
    };
    let add_files = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        let files: Vec<web_sys::File> =
            input.files().map(|list| (0..list.length()).filter_map(|i| list.get(i)).collect()).unwrap_or_default();
        input.set_value("");
        leptos::task::spawn_local(async move {
            let mut texts = Vec::new();
            for file in files {
                // A file that cannot be read at all counts as an empty one: refused with a reason.
                texts.push(crate::browser::files::read_text(&file).await.unwrap_or_default());
            }
            take_in(state, room, texts);
        });
    };
    view! {
        <section class="panel lesson print-alone" data-testid="role-cards" aria-labelledby="cards-title">
            <div class="panel-head">
                <h2 id="cards-title" class="lesson-title">{move || pick(CARDS_TITLE)}</h2>
                <span class="spacer"></span>
                <button class="btn btn-small" data-testid="cards-print" on:click=move |_| { let _ = window().print(); }>{move || pick(PRINT_CARDS)}</button>
            </div>
            <p class="hint">{move || pick(CARDS_HINT)}</p>
            <div class="role-card-grid">
                {move || {
                    let lang = state.lang.get();
                    let cards = state.active_roadmap.with(|r| r.as_deref().map(|r| role_cards(r, lang)).unwrap_or_default());
                    if cards.is_empty() {
                        return view! { <p class="hint">{lang.pick(NO_KEY_NODES)}</p> }.into_any();
                    }
                    cards.into_iter().map(|card| view! {
                        <article class="role-card" data-testid="role-card">
                            <h3>{format!("◆ {} · {}", card.stage, card.title)}</h3>
                            <p><strong>{lang.pick(CUSTOMER)}</strong>{card.customer_role}</p>
                            <p class="role-brief"><strong>{lang.pick(BRIEF)}</strong>{card.customer_brief}</p>
                            <p><strong>{lang.pick(TASK)}</strong>{card.seller_task}</p>
                            <h4>{lang.pick(RUBRIC)}</h4>
                            <ul class="rubric">{card.rubric.into_iter().map(|item| view! { <li>{item}</li> }).collect_view()}</ul>
                        </article>
                    }).collect_view().into_any()
                }}
            </div>
        </section>
        <section class="panel lesson" data-testid="room" aria-labelledby="room-title">
            <h2 id="room-title" class="lesson-title">{move || pick(ROOM_TITLE)}</h2>
            <p class="hint">{move || pick(ROOM_HINT)}</p>
            <div class="room-inputs">
                <label class="btn">
                    {move || pick(FILES)}
                    <input type="file" class="visually-hidden" multiple accept=".json,application/json" data-testid="room-files" on:change=add_files/>
                </label>
                <textarea data-testid="room-links" rows="3" aria-label=move || pick(LINKS) placeholder=move || pick(LINKS)
                    prop:value=move || links.get() on:input=move |ev| links.set(event_target_value(&ev))></textarea>
                <button class="btn btn-primary" data-testid="room-add" on:click=add_links>{move || pick(ADD)}</button>
            </div>
            {move || {
                let lang = state.lang.get();
                let list = room.get();
                if list.is_empty() {
                    return view! { <p class="hint" data-testid="room-empty">{lang.pick(EMPTY_ROOM)}</p> }.into_any();
                }
                let summary = room_summary(&list);
                let mut line = fill(lang.pick(SUMMARY), &[&summary.trainees.to_string(), &summary.assessed.to_string(), &summary.passed.to_string()]);
                if let Some(average) = summary.average_percent {
                    line += &fill(lang.pick(AVERAGE), &[&average.to_string()]);
                }
                view! {
                    <p class="room-summary" data-testid="room-summary">{line}</p>
                    <div class="table-scroll" tabindex="0" role="region" aria-labelledby="room-title">
                        <table class="owners room-table" data-testid="room-table">
                            <thead><tr>{HEADINGS.iter().map(|h| view! { <th scope="col">{lang.pick(*h)}</th> }).collect_view()}</tr></thead>
                            <tbody>{list.iter().map(|r| row(r, lang)).collect_view()}</tbody>
                        </table>
                    </div>
                    <button class="btn btn-small" data-testid="room-clear" on:click=move |_| {
                        room.set(Vec::new());
                        write_json(keys::ROOM, &Vec::<LearningRecord>::new());
                    }>{lang.pick(CLEAR)}</button>
                }.into_any()
            }}
        </section>
    }
}

fn row(r: &LearningRecord, lang: Lang) -> impl IntoView {
    let concepts: Vec<&str> = ConceptId::ALL
        .iter()
        .filter(|id| r.concepts_mastered.iter().any(|k| k == id.key()))
        .map(|id| lang.pick(id.concept().title))
        .collect();
    let checks = r.checks.iter().map(|c| format!("{}/{}", c.score, c.total)).collect::<Vec<_>>().join(" · ");
    let assessment = r.assessment.as_ref().map(|a| {
        let mark = if r.passed() { format!(" {}", lang.pick(PASSED_MARK)) } else { String::new() };
        format!("{}%{mark}", a.percent())
    });
    view! {
        <tr data-testid="room-row">
            <th scope="row">{r.name.clone()}</th>
            <td>{format!("{}/{}", r.stages_mastered.len(), r.stage_count)}</td>
            <td title=concepts.join(" · ")>{format!("{}/{}", concepts.len(), ConceptId::ALL.len())}</td>
            <td>{checks}</td>
            <td>{assessment.unwrap_or_else(|| "—".to_owned())}</td>
            <td>{day_of(r.updated_at).to_string()}</td>
        </tr>
    }
}
