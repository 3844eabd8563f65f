//! The pipeline board: one column per stage; cards move by drag and drop or by buttons.

use leptos::prelude::*;

use super::board_filters::BoardFilters;
use super::deal_card::DealCard;
use super::state::{use_app, AppState, Editing, Notice};
use crate::browser::clock;
use crate::core::board;
use crate::core::command::{Command, Outcome};
use crate::core::i18n::{self, trf, Msg};
use crate::core::model::Id;
use crate::core::money;

/// The data type cards carry while dragged.
pub const DRAG_TYPE: &str = "text/plain";

/// Moves a deal and says so; used by drag and drop and by the ◀ ▶ buttons alike.
pub fn move_deal(state: AppState, deal_id: Id, to_stage: Id) {
    let names = state.workspace.with_untracked(|ws| {
        let deal = ws.deal(&deal_id)?;
        let stage = ws.roadmap(&deal.roadmap_id)?.stage(&to_stage)?;
        Some((deal.title.clone(), stage.name.clone()))
    });
    let moved = state.dispatch(Command::MoveDeal { deal_id, to_stage, confirmed: false });
    if let (Ok(Outcome::Changed), Some((title, stage))) = (moved, names) {
        state.say(Notice::info(move |lang| trf(lang, Msg::MovedTo, &[&title, stage.get(lang)])));
    }
}

#[component]
pub fn Board() -> impl IntoView {
    let state = use_app();
    let roadmap_id = Memo::new(move |_| state.active_roadmap_id());
    let columns = Memo::new(move |_| {
        let Some(rid) = roadmap_id.get() else { return Vec::new() };
        let filter = state.filter.get();
        state.workspace.with(|ws| board::columns(ws, &rid, &filter, clock::local_today()))
    });
    let stage_ids = Memo::new(move |_| columns.with(|cs| cs.iter().map(|c| c.stage_id.clone()).collect::<Vec<_>>()));
    view! {
        <section class="board" aria-labelledby="board-title">
            <div class="board-head">
                <h2 id="board-title" class="board-title">{move || state.t(Msg::Pipeline)}</h2>
                <p class="hint">{move || state.t(Msg::DragHint)}</p>
            </div>
            <BoardFilters/>
            <div class="columns" data-testid="board">
                <For each=move || stage_ids.get() key=|id| id.clone() let:stage_id>
                    <StageColumn stage_id=stage_id columns=columns roadmap_id=roadmap_id/>
                </For>
            </div>
        </section>
    }
}

#[component]
fn StageColumn(stage_id: Id, columns: Memo<Vec<board::Column>>, roadmap_id: Memo<Option<Id>>) -> impl IntoView {
    let state = use_app();
    let id = stage_id.clone();
    let column = Memo::new(move |_| columns.with(|cs| cs.iter().find(|c| c.stage_id == id).cloned()));
    let id = stage_id.clone();
    let stage = Memo::new(move |_| {
        let rid = roadmap_id.get()?;
        state.workspace.with(|ws| ws.roadmap(&rid)?.stage(&id).cloned())
    });
    let over = RwSignal::new(false);
    let deal_ids = move || column.with(|c| c.as_ref().map(|c| c.deal_ids.clone()).unwrap_or_default());
    let count = move || column.with(|c| c.as_ref().map_or(0, |c| c.deal_ids.len()));
    let totals = move || {
        let lang = state.lang.get();
        column.with(|c| {
            let parts: Vec<String> = c.iter().flat_map(|c| c.totals.iter()).map(|(cur, v)| money::format_compact(*v, cur, lang)).collect();
            if parts.is_empty() { "—".to_owned() } else { parts.join(" · ") }
        })
    };
    let name = move || stage.with(|s| s.as_ref().map(|s| s.name.get(state.lang.get()).to_owned()).unwrap_or_default());
    let drop_stage = stage_id.clone();
    let on_drop = move |ev: leptos::ev::DragEvent| {
        ev.prevent_default();
        over.set(false);
        let dragged = ev.data_transfer().and_then(|dt| dt.get_data(DRAG_TYPE).ok()).unwrap_or_default();
        if !dragged.is_empty() {
            move_deal(state, Id(dragged), drop_stage.clone());
        }
    };
    let add_stage = stage_id.clone();
    let heading_id = format!("stage-{}", stage_id);
    let labelled_by = heading_id.clone();
    view! {
        <section
            class="column"
            class:drop-over=move || over.get()
            data-testid="stage-column"
            data-stage-id=stage_id.to_string()
            aria-labelledby=labelled_by
            on:dragover=move |ev: leptos::ev::DragEvent| {
                // Without this the browser refuses the drop.
                ev.prevent_default();
                over.set(true);
            }
            on:dragleave=move |_| over.set(false)
            on:drop=on_drop
        >
            <header class="column-head">
                <div class="column-title-row">
                    <h3 class="column-title" id=heading_id>{name}</h3>
                    <span class="column-badges">
                        <Show when=move || stage.with(|s| s.as_ref().is_some_and(|s| s.key_node))>
                            <span class="badge badge-key">{move || state.t(Msg::KeyNode)}</span>
                        </Show>
                        <Show when=move || stage.with(|s| s.as_ref().is_some_and(|s| s.gate))>
                            <span class="badge badge-gate" title=move || state.t(Msg::StageGate)>{move || state.t(Msg::GateBadge)}</span>
                        </Show>
                    </span>
                </div>
                <p class="column-meta">
                    <span data-testid="column-count">{move || i18n::count(state.lang.get(), count(), Msg::ColumnCountOne, Msg::ColumnCount)}</span>
                    <span class="column-total" data-testid="column-total">{totals}</span>
                </p>
                <p class="column-prob">
                    {move || stage.with(|s| s.as_ref().map(|s| trf(state.lang.get(), Msg::WinProbability, &[&s.win_probability.to_string()])).unwrap_or_default())}
                </p>
            </header>
            <div class="cards">
                <For each=deal_ids key=|id| id.clone() let:deal_id>
                    <DealCard deal_id=deal_id/>
                </For>
                <Show when=move || count() == 0>
                    <p class="column-empty">{move || state.t(Msg::ColumnEmpty)}</p>
                </Show>
            </div>
            <button
                class="column-add"
                data-testid="column-add"
                aria-label=move || format!("{} · {}", state.t(Msg::NewDeal), name())
                on:click=move |_| state.editing.set(Some(Editing::New { stage_id: add_stage.clone() }))
            >
                "+ " {move || state.t(Msg::NewDeal)}
            </button>
        </section>
    }
}
