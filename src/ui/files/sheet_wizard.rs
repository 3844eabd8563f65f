//! The spreadsheet import wizard: the file's first rows with a field chosen for each
//! column (guessed from its header, changed by the person), what unknown stage names
//! become, and — before anything changes — how many rows will be added, updated,
//! left as they are and skipped, each skipped row with its number and reason. One
//! confirmation applies it as one change; the column choices are remembered in this
//! browser for the next sheet with the same headers.

use std::collections::BTreeMap;

use leptos::prelude::*;

use crate::browser::storage::{read_json, write_json};
use crate::core::command::Command;
use crate::core::files::sheet::{header_key, plan_import, read_sheet, Field, Mapping, StageChoice, Table};
use crate::core::learn::samples::Bi;
use crate::core::text::i18n::{fill, Lang};
use crate::ui::files::transfer::SheetFile;
use crate::ui::modal::Modal;
use crate::ui::state::{use_app, Notice};

/// Remembered column choices, by the sheet's headers.
const MAPPINGS_KEY: &str = "waypoint.sheet-mappings";
/// Rows shown in the preview table.
const PREVIEW_ROWS: usize = 5;
/// Skipped rows listed one by one; the rest are counted.
const LISTED_PROBLEMS: usize = 30;

const TITLE: Bi = ("导入表格：{0}", "Import a sheet: {0}");
const SHEET: Bi = ("工作表", "Sheet");
const ENCODING: Bi = ("文字编码：{0}（自动识别）", "Text encoding: {0} (detected)");
const MERGED: Bi = ("{0} 个合并单元格已按左上角的值填充。", "Merged cells were filled with their top-left value ({0}).");
const ROADMAP: Bi = ("导入到路线图：{0}", "Into the roadmap: {0}");
const COLUMNS_HINT: Bi = (
    "检查每一列对应的字段（已按表头自动识别），前 5 行如下：",
    "Check the field of each column (guessed from its header). The first 5 rows:",
);
const ROWS_TOTAL: Bi = ("共 {0} 行数据", "{0} rows in all");
const STAGES_TITLE: Bi = ("这些阶段名称不在路线图里", "These stage names are not on the roadmap");
const ADD_STAGE: Bi = ("添加为新阶段", "Add as a new stage");
const SKIP_ROWS: Bi = ("跳过这些行", "Skip these rows");
const PUT_IN: Bi = ("放入“{0}”", "Put in “{0}”");
const SUMMARY: Bi = (
    "将新增 {0} 个商机，更新 {1} 个，{2} 个不变，跳过 {3} 行。",
    "{0} deals will be added, {1} updated and {2} left as they are; {3} rows skipped.",
);
const NEW_STAGES: Bi = ("将在路线图末尾添加阶段：{0}", "Stages to be added at the end of the roadmap: {0}");
const SKIPPED_TITLE: Bi = ("跳过的行", "Rows skipped");
const SKIPPED_ROW: Bi = ("第 {0} 行：{1}", "Row {0}: {1}");
const MORE_SKIPPED: Bi = ("……还有 {0} 行", "… and {0} more rows");
const NOTHING: Bi =
    ("没有需要导入的内容：表格和看板上的商机已经一致。", "Nothing to import: the board already has the sheet's deals as they are.");
const CONFIRM: Bi = ("导入", "Import");
const CANCEL: Bi = ("取消", "Cancel");
const DONE: Bi = (
    "已从 {0} 导入：新增 {1} 个商机，更新 {2} 个。可以用“撤销”一次全部撤回。",
    "Imported from {0}: {1} deals added, {2} updated. One Undo takes it all back.",
);
const FAILED: Bi = ("无法导入这个表格：{0}", "This sheet cannot be imported: {0}");
const NO_ROADMAP: Bi = ("没有路线图可以导入。", "There is no roadmap to import into.");

/// The remembered mapping for a sheet with these headers, when there is one that still fits.
fn remembered(headers: &[String]) -> Option<Mapping> {
    let all: BTreeMap<String, Mapping> = read_json(MAPPINGS_KEY)?;
    all.get(&signature(headers)).filter(|m| m.columns.len() == headers.len()).cloned()
}

fn remember(headers: &[String], mapping: &Mapping) {
    let mut all: BTreeMap<String, Mapping> = read_json(MAPPINGS_KEY).unwrap_or_default();
    all.insert(signature(headers), mapping.clone());
    // A handful of sheets is plenty; the oldest by name go first.
    while all.len() > 20 {
        let first = all.keys().next().cloned().unwrap_or_default();
        all.remove(&first);
    }
    write_json(MAPPINGS_KEY, &all);
}

fn signature(headers: &[String]) -> String {
    headers.iter().map(|h| header_key(h)).collect::<Vec<_>>().join("|")
}

#[component]
pub fn SheetWizard(file: SheetFile) -> impl IntoView {
    let state = use_app();
    let pick = move |pair: Bi| state.lang.get().pick(pair);
    let close = move || state.close();
    let sheet: RwSignal<Option<String>> = RwSignal::new(None);
    let bytes = file.bytes.clone();
    let read =
        Memo::new(move |_| sheet.with(|s| crate::browser::timing::measure("waypoint:sheet-read", || read_sheet(&bytes, s.as_deref()))));
    let mapping = RwSignal::new(Mapping::default());
    // A new table (another sheet chosen): its remembered choices, else the guesses.
    Effect::new(move |_| {
        read.with(|r| {
            if let Ok((table, _)) = r {
                mapping.set(remembered(&table.headers).unwrap_or_else(|| Mapping::guessed(&table.headers)));
            }
        })
    });
    let roadmap = state.active_roadmap;
    let preview = Memo::new(move |_| {
        let roadmap_id = roadmap.with(|r| r.as_ref().map(|r| r.id.clone()))?;
        read.with(|r| {
            let (table, _) = r.as_ref().ok()?;
            // The mapping follows the table once the effect above has run.
            mapping.with(|m| {
                (m.columns.len() == table.headers.len()).then(|| {
                    crate::browser::timing::measure("waypoint:sheet-plan", || {
                        state.workspace.with(|ws| plan_import(ws, table, m, &roadmap_id))
                    })
                })
            })
        })
    });
    let name = file.name.clone();
    let confirm = move |_| {
        let Some(Ok(plan)) = preview.get_untracked() else { return };
        let (added, updated) = (plan.added, plan.updated);
        if state.dispatch(Command::ImportSheet(Box::new(plan.import))).is_ok() {
            read.with_untracked(|r| {
                if let Ok((table, _)) = r {
                    remember(&table.headers, &mapping.get_untracked());
                }
            });
            let file = name.clone();
            state.say(Notice::info(move |lang| fill(lang.pick(DONE), &[&file, &added.to_string(), &updated.to_string()])));
            close();
        }
    };
    let title = file.name.clone();
    view! {
        <Modal on_close=move |_| close() labelled_by="sheet-title" testid="sheet-wizard" class="dialog dialog-wide sheet-wizard">
            <h2 id="sheet-title" class="dialog-title">{move || fill(pick(TITLE), &[&title])}</h2>
            {move || match read.get() {
                Err(error) => view! {
                    <p class="banner banner-error" data-testid="sheet-error">{move || fill(pick(FAILED), &[&error.describe(state.lang.get())])}</p>
                    <div class="form-actions"><button class="btn" data-testid="sheet-cancel" on:click=move |_| close()>{move || pick(CANCEL)}</button></div>
                }.into_any(),
                Ok((table, names)) => view! {
                    <SheetHead table=table.clone() names=names sheet=sheet/>
                    <ColumnTable table=table mapping=mapping/>
                    <StageChoices preview=preview mapping=mapping/>
                    <Summary preview=preview/>
                    <div class="form-actions">
                        <button class="btn" data-testid="sheet-cancel" on:click=move |_| close()>{move || pick(CANCEL)}</button>
                        <button class="btn btn-primary" data-testid="sheet-confirm" on:click=confirm.clone()
                            disabled=move || !matches!(preview.get(), Some(Ok(p)) if p.added + p.updated > 0 || !p.import.new_stages.is_empty())>
                            {move || pick(CONFIRM)}
                        </button>
                    </div>
                }.into_any(),
            }}
        </Modal>
    }
}

/// The sheet's choice (a workbook with several), its encoding, filled merged cells, the target roadmap.
#[component]
fn SheetHead(table: Table, names: Vec<String>, sheet: RwSignal<Option<String>>) -> impl IntoView {
    let state = use_app();
    let pick = move |pair: Bi| state.lang.get().pick(pair);
    let several = names.len() > 1;
    view! {
        <div class="sheet-head">
            {several.then(|| view! {
                <label class="field">
                    <span class="field-label">{move || pick(SHEET)}</span>
                    <select data-testid="sheet-choice" on:change=move |ev| sheet.set(Some(event_target_value(&ev)))>
                        {names.iter().map(|n| {
                            let (value, chosen) = (n.clone(), n.clone());
                            view! { <option value=value selected=move || sheet.with(|s| s.as_deref() == Some(chosen.as_str()))>{n.clone()}</option> }
                        }).collect_view()}
                    </select>
                </label>
            })}
            {table.encoding.map(|e| view! { <p class="hint" data-testid="sheet-encoding">{move || fill(pick(ENCODING), &[e.name()])}</p> })}
            {(table.merged_filled > 0).then(|| view! { <p class="hint" data-testid="sheet-merged">{move || fill(pick(MERGED), &[&table.merged_filled.to_string()])}</p> })}
            <p class="hint" data-testid="sheet-roadmap">{move || {
                let lang = state.lang.get();
                match state.active_roadmap.with(|r| r.as_ref().map(|r| r.name.get(lang).to_owned())) {
                    Some(name) => fill(lang.pick(ROADMAP), &[&name]),
                    None => lang.pick(NO_ROADMAP).to_owned(),
                }
            }}</p>
        </div>
    }
}

/// The first rows, with a field chosen above each column.
#[component]
fn ColumnTable(table: Table, mapping: RwSignal<Mapping>) -> impl IntoView {
    let state = use_app();
    let pick = move |pair: Bi| state.lang.get().pick(pair);
    let total = table.rows.len();
    let headers = table.headers.clone();
    let rows: Vec<Vec<String>> = table.rows.iter().take(PREVIEW_ROWS).map(|r| r.iter().map(|c| c.text()).collect()).collect();
    view! {
        <p class="hint">{move || pick(COLUMNS_HINT)} " " {move || fill(pick(ROWS_TOTAL), &[&total.to_string()])}</p>
        <div class="table-scroll sheet-preview" tabindex="0" role="region" aria-labelledby="sheet-title">
            <table class="owners">
                <thead>
                    <tr>
                        {headers.iter().enumerate().map(|(i, header)| {
                            let label = header.clone();
                            view! {
                                <th scope="col">
                                    <span class="sheet-header">{header.clone()}</span>
                                    <select data-testid="column-field" aria-label=label
                                        on:change=move |ev| {
                                            let key = event_target_value(&ev);
                                            if let Some(field) = Field::ALL.iter().find(|f| f.key() == key) {
                                                mapping.update(|m| if let Some(slot) = m.columns.get_mut(i) { *slot = *field });
                                            }
                                        }>
                                        {move || {
                                            let lang: Lang = state.lang.get();
                                            let chosen = mapping.with(|m| m.columns.get(i).copied().unwrap_or(Field::Ignore));
                                            Field::ALL.iter().map(|f| view! {
                                                <option value=f.key() selected={*f == chosen}>{f.label(lang)}</option>
                                            }).collect_view()
                                        }}
                                    </select>
                                </th>
                            }
                        }).collect_view()}
                    </tr>
                </thead>
                <tbody>
                    {rows.into_iter().map(|row| view! {
                        <tr>{row.into_iter().map(|cell| view! { <td>{cell}</td> }).collect_view()}</tr>
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
}

type PreviewMemo = Memo<Option<Result<crate::core::files::sheet::ImportPreview, crate::core::files::sheet::PlanError>>>;

/// What each stage name that is not on the roadmap becomes: a new stage, rows skipped, or an existing stage.
#[component]
fn StageChoices(preview: PreviewMemo, mapping: RwSignal<Mapping>) -> impl IntoView {
    let state = use_app();
    let pick = move |pair: Bi| state.lang.get().pick(pair);
    let unknown = Memo::new(move |_| match preview.get() {
        Some(Ok(p)) => p.unknown_stages,
        _ => Vec::new(),
    });
    move || {
        let names = unknown.get();
        (!names.is_empty()).then(|| {
            view! {
                <section class="sheet-stages" data-testid="sheet-stages">
                    <h3 class="record-head">{move || pick(STAGES_TITLE)}</h3>
                    {names.into_iter().map(|name| {
                        let key = name.clone();
                        let current = name.clone();
                        view! {
                            <label class="field sheet-stage">
                                <span class="field-label">{format!("“{name}”")}</span>
                                <select data-testid="stage-choice" on:change=move |ev| {
                                    let value = event_target_value(&ev);
                                    let choice = match value.as_str() {
                                        "add" => StageChoice::Add,
                                        "skip" => StageChoice::Skip,
                                        id => StageChoice::Existing(crate::core::model::Id::from(id)),
                                    };
                                    mapping.update(|m| { m.stages.insert(key.clone(), choice); });
                                }>
                                    {move || {
                                        let lang = state.lang.get();
                                        let chosen = mapping.with(|m| m.stages.get(&current).cloned().unwrap_or(StageChoice::Add));
                                        let stages = state.active_roadmap.with(|r| r.as_ref().map(|r| r.stages.iter().map(|s| (s.id.clone(), s.name.get(lang).to_owned())).collect::<Vec<_>>()).unwrap_or_default());
                                        view! {
                                            <option value="add" selected={chosen == StageChoice::Add}>{lang.pick(ADD_STAGE)}</option>
                                            <option value="skip" selected={chosen == StageChoice::Skip}>{lang.pick(SKIP_ROWS)}</option>
                                            {stages.into_iter().map(|(id, stage)| {
                                                let selected = chosen == StageChoice::Existing(id.clone());
                                                view! { <option value=id.to_string() selected=selected>{fill(lang.pick(PUT_IN), &[&stage])}</option> }
                                            }).collect_view()}
                                        }
                                    }}
                                </select>
                            </label>
                        }
                    }).collect_view()}
                </section>
            }
        })
    }
}

/// How many rows will be added, updated, left and skipped, and why each skipped row is.
#[component]
fn Summary(preview: PreviewMemo) -> impl IntoView {
    let state = use_app();
    move || {
        let lang = state.lang.get();
        match preview.get() {
            None => view! { <p class="hint">{lang.pick(NO_ROADMAP)}</p> }.into_any(),
            Some(Err(error)) => {
                view! { <p class="banner banner-error" data-testid="sheet-plan-error">{error.describe(lang)}</p> }.into_any()
            }
            Some(Ok(p)) => {
                let counts = [p.added, p.updated, p.unchanged, p.skipped.len()].map(|n| n.to_string());
                let nothing = p.added + p.updated == 0 && p.import.new_stages.is_empty();
                let more = p.skipped.len().saturating_sub(LISTED_PROBLEMS);
                view! {
                    <div class="sheet-summary" data-testid="sheet-summary" role="status">
                        <p class="room-summary" data-testid="sheet-counts">{fill(lang.pick(SUMMARY), &[&counts[0], &counts[1], &counts[2], &counts[3]])}</p>
                        {(!p.import.new_stages.is_empty()).then(|| view! {
                            <p data-testid="sheet-new-stages">{fill(lang.pick(NEW_STAGES), &[&p.import.new_stages.join("、")])}</p>
                        })}
                        {nothing.then(|| view! { <p class="hint" data-testid="sheet-nothing">{lang.pick(NOTHING)}</p> })}
                        {(!p.skipped.is_empty()).then(|| view! {
                            <h3 class="record-head">{lang.pick(SKIPPED_TITLE)}</h3>
                            <ul class="sheet-skipped" data-testid="sheet-skipped">
                                {p.skipped.iter().take(LISTED_PROBLEMS).map(|s| view! {
                                    <li data-testid="sheet-skipped-row">{fill(lang.pick(SKIPPED_ROW), &[&s.row.to_string(), &s.problem.describe(lang)])}</li>
                                }).collect_view()}
                                {(more > 0).then(|| view! { <li>{fill(lang.pick(MORE_SKIPPED), &[&more.to_string()])}</li> })}
                            </ul>
                        })}
                    </div>
                }.into_any()
            }
        }
    }
}
