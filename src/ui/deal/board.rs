//! The pipeline board: one column per stage; cards move by drag and drop or by buttons.

use leptos::prelude::*;

use std::hash::{Hash, Hasher};
use std::sync::Arc;

use crate::browser::clock;
use crate::core::command::{Command, Outcome};
use crate::core::deal::board;
use crate::core::model::{Deal, Id, Stage};
use crate::core::text::i18n::{self, tr, trf, Msg};
use crate::core::text::money;
use crate::ui::deal::board_filters::BoardFilters;
use crate::ui::deal::deal_card::{on_board_click, on_board_drag_end, on_board_drag_start, CardContext, DealCard};
use crate::ui::prefs::use_prefs;
use crate::ui::state::{use_app, AppState, Editing, Notice};

/// The data type cards carry while dragged.
pub const DRAG_TYPE: &str = "text/plain";

/// Moves a deal and says so; used by drag and drop and by the ◀ ▶ buttons alike.
pub fn move_deal(state: AppState, deal_id: Id, to_stage: Id) {
    let names = state.workspace.with_untracked(|ws| {
        let deal = ws.deal(&deal_id)?;
        let stage = ws.roadmap(&deal.roadmap_id)?.stage(&to_stage)?;
        Some((deal.title.clone(), stage.name.clone()))
    });
    let moved = crate::ui::gate::dispatch_asking(state, Command::MoveDeal { deal_id, to_stage, confirmed: false });
    if let (Ok(Outcome::Changed), Some((title, stage))) = (moved, names) {
        state.say(Notice::info(move |lang| trf(lang, Msg::MovedTo, &[&title, stage.get(lang)])));
    }
}

#[component]
pub fn Board() -> impl IntoView {
    let state = use_app();
    let shows = use_prefs().card_fields;
    let roadmap = state.active_roadmap;
    let columns = Memo::new(move |_| {
        let Some(rid) = roadmap.with(|r| r.as_ref().map(|r| r.id.clone())) else { return Vec::new() };
        let filter = state.filter.get();
        state.workspace.with(|ws| board::columns(ws, &rid, &filter, clock::local_today()))
    });
    let today = clock::local_today();
    let follow_ups_due =
        Memo::new(move |_| state.workspace.with(|ws| ws.deals.iter().any(|d| crate::core::deal::follow_up::days_late(d, today).is_some())));
    let seen = crate::browser::storage::read_pref(crate::browser::storage::keys::TODAY_SEEN);
    let today_seen = RwSignal::new(seen.as_deref() == Some(today.to_string().as_str()));
    view! {
        <section class="board" aria-labelledby="board-title"
            on:dragover=move |ev| if carries_files(&ev) { ev.prevent_default() }
            on:drop=move |ev| on_file_drop(state, &ev)>
            <div class="board-head">
                <h2 id="board-title" class="board-title">{move || state.t(Msg::Pipeline)}</h2>
                <p class="hint">{move || state.t(Msg::DragHint)}</p>
            </div>
            <BoardFilters/>
            // Follow-ups due: a short list on opening (its code loads only when there are any).
            <Show when=move || follow_ups_due.get() && !today_seen.get()>
                <crate::ui::lazy::Later part=crate::ui::lazy::today_list(today_seen)/>
            </Show>
            // Which facts the cards show is a class here, so switching one redraws no card.
            <div
                class="columns"
                data-testid="board"
                class:hide-value=move || !shows.get().value
                class:hide-owner=move || !shows.get().owner
                class:hide-milestones=move || !shows.get().milestones
                class:hide-segments=move || !shows.get().segments
                on:click=move |ev| on_board_click(state, &ev)
                on:dragstart=move |ev| on_board_drag_start(&ev)
                on:dragend=move |ev| on_board_drag_end(&ev)
            >
                // Cards are drawn once in the current language; a new language or an
                // edited roadmap (stage names on the buttons) draws the columns afresh.
                {move || {
                    let lang = state.lang.get();
                    let roadmap = roadmap.get()?;
                    let today = clock::local_today();
                    Some(
                        roadmap
                            .stages
                            .iter()
                            .enumerate()
                            .map(|(index, stage)| {
                                let context = CardContext { roadmap: Arc::clone(&roadmap), lang, today };
                                view! { <StageColumn stage=stage.clone() index=index columns=columns context=context/> }
                            })
                            .collect_view(),
                    )
                }}
            </div>
        </section>
    }
}

/// A drawn card, known by the identity of its deal: a changed deal is a new
/// `Arc`, so it is drawn anew, and an unchanged one keeps its card even when
/// cards above it come and go.
#[derive(Clone)]
struct ShownCard(Arc<Deal>);

impl PartialEq for ShownCard {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
    }
}

impl Eq for ShownCard {}

impl Hash for ShownCard {
    fn hash<H: Hasher>(&self, state: &mut H) {
        Arc::as_ptr(&self.0).hash(state);
    }
}

#[component]
fn StageColumn(stage: Stage, index: usize, columns: Memo<Vec<board::Column>>, context: CardContext) -> impl IntoView {
    let state = use_app();
    let lang = context.lang;
    let column = Memo::new(move |_| columns.with(|cs| cs.get(index).cloned()));
    let count = move || column.with(|c| c.as_ref().map_or(0, |c| c.deals.len()));
    let over = RwSignal::new(false);
    let scroll_top = RwSignal::new(0.0);
    // Until measured, assume a tall screen: drawing a few extra cards is harmless.
    let view_px = RwSignal::new(1200.0);
    // The slot the stylesheet gives a card here (taller on touch screens), read with the sizes.
    let slot_px = RwSignal::new(board::SLOT_PX);
    let list = NodeRef::<leptos::html::Div>::new();
    let window = Memo::new(move |_| board::window(count(), scroll_top.get(), view_px.get(), slot_px.get()));
    let shown = Memo::new(move |_| {
        let w = window.get();
        column.with(|c| {
            let Some(c) = c else { return Vec::new() };
            c.deals[w.start..w.end].iter().map(|deal| ShownCard(Arc::clone(deal))).collect::<Vec<_>>()
        })
    });
    let totals = move || {
        column.with(|c| {
            let parts: Vec<String> = c.iter().flat_map(|c| c.totals.iter()).map(|(cur, v)| money::format_compact(*v, cur, lang)).collect();
            if parts.is_empty() {
                "—".to_owned()
            } else {
                parts.join(" · ")
            }
        })
    };
    let name = stage.name.get(lang).to_owned();
    let drop_stage = stage.id.clone();
    let on_drop = move |ev: leptos::ev::DragEvent| {
        ev.prevent_default();
        over.set(false);
        let dragged = ev.data_transfer().and_then(|dt| dt.get_data(DRAG_TYPE).ok()).unwrap_or_default();
        if !dragged.is_empty() {
            move_deal(state, Id::from(dragged), drop_stage.clone());
        }
    };
    // Focus in a card is lost when the card leaves the page (scrolled far out of the
    // window) and also when the list moves it (redrawing a shifted window moves the
    // cards that stay). So before the window changes, the focused card is noted, and
    // focus waits on the list if the card is leaving; after the redraw it goes back
    // to the card as soon as the card is drawn.
    let parked: StoredValue<Option<ParkedFocus>> = StoredValue::new(None);
    let measure = move || {
        if let Some(el) = list.try_get_untracked().flatten() {
            let (top, height) = (f64::from(el.scroll_top()), f64::from(el.client_height()));
            let slot = slot_of(&el);
            // Measured in the next frame, the column may be gone by then (a new roadmap or workspace).
            let Some(len) = column.try_with_untracked(|c| c.as_ref().map_or(0, |c| c.deals.len())) else { return };
            if let Some(focus) = note_focus(&el, board::window(len, top, height, slot)) {
                parked.try_set_value(Some(focus));
            }
            // Unchanged sizes wake nothing.
            scroll_top.maybe_update(|t| std::mem::replace(t, top) != top);
            view_px.maybe_update(|v| std::mem::replace(v, height) != height);
            slot_px.maybe_update(|s| std::mem::replace(s, slot) != slot);
        }
    };
    let windowed = Memo::new(move |_| window.with(|w| w.windowed));
    // A windowed column measures itself once drawn, in the next frame: reading
    // sizes straight after drawing would force a layout of the whole board per column.
    Effect::new(move |_| {
        if list.get().is_some() && windowed.get() {
            request_animation_frame(measure);
        }
    });
    // A turned phone or a resized window changes the view and maybe the slot.
    let resized = window_event_listener(leptos::ev::resize, move |_| {
        if windowed.try_get_untracked().unwrap_or(false) {
            request_animation_frame(measure);
        }
    });
    on_cleanup(move || resized.remove());
    // In a windowed column, each drawn card says where it stands among all of them
    // (aria-posinset of aria-setsize); set here rather than in the card, so a card
    // above leaving does not redraw every card below it.
    Effect::new(move |_| {
        let w = window.get();
        shown.track();
        let Some(list) = list.get() else { return };
        let total = count();
        // After the cards of this change are in place.
        request_animation_frame(move || {
            // A column replaced before this frame has nothing parked any more.
            if let Some(focus) = parked.try_get_value().flatten() {
                if focus_returned(&list, &focus) {
                    parked.try_set_value(None);
                }
            }
            let cards = list.children();
            for i in 0..cards.length() {
                let Some(card) = cards.item(i).filter(|c| c.class_list().contains("card")) else { continue };
                let _ = if w.windowed {
                    let position = w.start + i as usize; // child 0 is the top spacer
                    card.set_attribute("aria-posinset", &position.to_string())
                        .and_then(|()| card.set_attribute("aria-setsize", &total.to_string()))
                } else {
                    card.remove_attribute("aria-posinset").and_then(|()| card.remove_attribute("aria-setsize"))
                };
            }
        });
    });
    let add_stage = stage.id.clone();
    let heading_id = format!("stage-{}", stage.id);
    let labelled_by = heading_id.clone();
    let add_label = format!("{} · {}", tr(lang, Msg::NewDeal), name);
    view! {
        <section
            class="column"
            class:drop-over=move || over.get()
            data-testid="stage-column"
            data-stage-id=stage.id.to_string()
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
                        {stage.key_node.then(|| view! { <span class="badge badge-key">{tr(lang, Msg::KeyNode)}</span> })}
                        {stage.gate.then(|| view! { <span class="badge badge-gate" title=tr(lang, Msg::StageGate)>{tr(lang, Msg::GateBadge)}</span> })}
                    </span>
                </div>
                <p class="column-meta">
                    <span data-testid="column-count">{move || i18n::count(lang, count(), Msg::ColumnCountOne, Msg::ColumnCount)}</span>
                    <span class="column-total" data-testid="column-total">{totals}</span>
                </p>
                <p class="column-prob">{trf(lang, Msg::WinProbability, &[&stage.win_probability.to_string()])}</p>
            </header>
            <div
                class="cards"
                class:windowed=move || windowed.get()
                // A feed must hold articles (cards); an empty column is plain text.
                role=move || (count() > 0).then_some("feed")
                aria-labelledby=format!("stage-{}", stage.id)
                node_ref=list
                // Focusable from script only: it holds focus while a focused card is scrolled away.
                tabindex="-1"
                on:scroll=move |_| measure()
            >
                <div class="card-spacer" aria-hidden="true" style:height=move || format!("{}px", window.with(|w| w.before_px))></div>
                <For each=move || shown.get() key=|card| card.clone() let:card>
                    <DealCard deal=card.0 context=context.clone()/>
                </For>
                <div class="card-spacer" aria-hidden="true" style:height=move || format!("{}px", window.with(|w| w.after_px))></div>
                <Show when=move || count() == 0>
                    <p class="column-empty">{tr(lang, Msg::ColumnEmpty)}</p>
                </Show>
            </div>
            <button
                class="column-add"
                data-testid="column-add"
                aria-label=add_label
                on:click=move |_| state.open(crate::ui::state::Overlay::Deal(Editing::New { stage_id: add_stage.clone() }))
            >
                "+ " {tr(lang, Msg::NewDeal)}
            </button>
        </section>
    }
}

/// The card slot the stylesheet gives a windowed `list` (its `--slot`, whole px); 0 when it says none.
fn slot_of(list: &web_sys::HtmlElement) -> f64 {
    window()
        .get_computed_style(list)
        .ok()
        .flatten()
        .and_then(|style| style.get_property_value("--slot").ok())
        // Read as a whole number: parsing floats would bring ~17 KB of code into the first load.
        .and_then(|slot| slot.trim().strip_suffix("px")?.trim().parse::<u32>().ok())
        .map_or(0.0, f64::from)
}

/// Which card (by deal id) and which of its buttons had focus before it was scrolled away.
#[derive(Clone)]
struct ParkedFocus {
    deal_id: String,
    button: Option<u32>,
}

fn focus_quietly(el: &web_sys::HtmlElement) {
    let options = web_sys::FocusOptions::new();
    options.set_prevent_scroll(true);
    let _ = el.focus_with_options(&options);
}

/// If focus is in one of this list's cards, says where; if the `next` window no
/// longer draws that card, moves focus to the list first.
fn note_focus(list: &web_sys::HtmlElement, next: board::Window) -> Option<ParkedFocus> {
    use wasm_bindgen::JsCast;
    let active = document().active_element()?;
    if !list.contains(Some(&active)) {
        return None;
    }
    let card = active.closest(".card").ok()??;
    let buttons = card.query_selector_all("button").ok()?;
    let button = (0..buttons.length()).find(|i| buttons.item(*i).is_some_and(|b| b == *active.unchecked_ref::<web_sys::Node>()));
    let noted = ParkedFocus { deal_id: card.get_attribute("data-deal-id")?, button };
    let index = card.get_attribute("aria-posinset").as_deref().and_then(board::Window::index_of_posinset);
    if index.is_some_and(|i| !next.draws(i)) {
        focus_quietly(list);
    }
    Some(noted)
}

/// After a redraw, gives focus back to the noted card if it lost it. True when
/// there is nothing more to do: the card has focus, or the person moved focus
/// elsewhere. If the card is not drawn (yet), focus waits on the list.
fn focus_returned(list: &web_sys::HtmlElement, focus: &ParkedFocus) -> bool {
    use wasm_bindgen::JsCast;
    let active = document().active_element();
    let on_list = active.as_ref().is_some_and(|a| a == list.unchecked_ref::<web_sys::Element>());
    // Focus that fell out with a moved or removed card lands on the page itself.
    let lost = active.as_ref().is_none_or(|a| document().body().is_some_and(|b| a == b.unchecked_ref::<web_sys::Element>()));
    if !on_list && !lost {
        return true;
    }
    let cards = list.children();
    let Some(card) = (0..cards.length())
        .filter_map(|i| cards.item(i))
        .find(|c| c.get_attribute("data-deal-id").as_deref() == Some(focus.deal_id.as_str()))
    else {
        if lost {
            focus_quietly(list);
        }
        return false;
    };
    let target = match focus.button {
        Some(i) => card.query_selector_all("button").ok().and_then(|b| b.item(i)).and_then(|b| b.dyn_into::<web_sys::HtmlElement>().ok()),
        None => card.dyn_into::<web_sys::HtmlElement>().ok(),
    };
    if let Some(target) = target {
        focus_quietly(&target);
    }
    true
}

/// Whether a drag brings files from outside the page (not a card).
fn carries_files(ev: &leptos::ev::DragEvent) -> bool {
    ev.data_transfer().is_some_and(|t| t.types().iter().any(|ty| ty.as_string().as_deref() == Some("Files")))
}

/// A spreadsheet dropped on the board opens the import wizard; another kind of file is explained.
fn on_file_drop(state: crate::ui::state::AppState, ev: &leptos::ev::DragEvent) {
    if !carries_files(ev) {
        return;
    }
    ev.prevent_default();
    let Some(file) = ev.data_transfer().and_then(|t| t.files()).and_then(|list| list.get(0)) else { return };
    if crate::ui::files::transfer::is_sheet_name(&file.name()) {
        crate::ui::files::transfer::open_sheet(state, file);
    } else {
        state.say(crate::ui::state::Notice::info(|lang| crate::core::text::i18n::tr(lang, Msg::DropNotSheet).to_owned()));
    }
}
