//! Presentation mode for a room: full screen, large type, stepping through the
//! roadmap's stages and milestones with the arrow keys or a clicker's PageUp /
//! PageDown; money can be hidden; the funnel and a replay come on demand.

use std::time::Duration;

use leptos::prelude::*;

use crate::browser::clock;
use crate::core::analytics::view::funnel_view;
use crate::core::analytics::Scope;
use crate::core::learn::presentation::{replay, slides, Slide};
use crate::core::model::DealStatus;
use crate::core::shortcuts::{slide_action, SlideAction};
use crate::core::text::i18n::{tr, trf, Msg};
use crate::core::text::labels::decision_phase;
use crate::core::text::money::format_compact;
use crate::ui::analytics::bar_chart_panel::BarChartPanel;
use crate::ui::files::share_dialog::{qr_image, share_link};
use crate::ui::modal::{modal_focus, trap_tab};
use crate::ui::state::use_app;

#[component]
pub fn Presentation() -> impl IntoView {
    let state = use_app();
    let roadmap = state.active_roadmap;
    let list = Memo::new(move |_| roadmap.with(|r| r.as_deref().map(slides).unwrap_or_default()));
    let at = RwSignal::new(0_usize);
    let hide_money = RwSignal::new(false);
    let funnel = RwSignal::new(false);
    let replaying: RwSignal<Option<usize>> = RwSignal::new(None);
    let last = move || list.with(|l| l.len().saturating_sub(1));
    let close = move || {
        state.close();
        if document().fullscreen_element().is_some() {
            document().exit_fullscreen();
        }
    };

    let keys = window_event_listener(leptos::ev::keydown, move |ev| {
        let Some(action) = slide_action(&ev.key()) else { return };
        match action {
            SlideAction::Next => at.update(|a| *a = (*a + 1).min(last())),
            SlideAction::Previous => at.update(|a| *a = a.saturating_sub(1)),
            SlideAction::First => at.set(0),
            SlideAction::Last => at.set(last()),
            SlideAction::ToggleMoney => hide_money.update(|h| *h = !*h),
            SlideAction::ToggleFunnel => funnel.update(|f| *f = !*f),
            SlideAction::Replay => replaying.set(Some(0)),
            SlideAction::ShowQr => state.toggle_qr(),
            SlideAction::Leave => close(),
        }
        ev.prevent_default();
    });
    on_cleanup(move || keys.remove());

    // The replay steps a frame every 400 ms and stops at the last one.
    let frames = Memo::new(move |_| {
        let Some(r) = roadmap.get() else { return Vec::new() };
        state.workspace.with(|ws| replay(ws, &r, clock::now_ms(), 24))
    });
    Effect::new(move |_| {
        if let Some(frame) = replaying.get() {
            if frame + 1 < frames.with(Vec::len) {
                set_timeout(
                    move || {
                        replaying.update(|r| {
                            if let Some(r) = r {
                                *r += 1
                            }
                        })
                    },
                    Duration::from_millis(400),
                );
            }
        }
    });

    let funnel_chart = Signal::derive(move || {
        let Some(r) = roadmap.get() else { return Default::default() };
        let all = Scope { start: chrono::NaiveDate::MIN, end: chrono::NaiveDate::MAX, roadmap: Some(r.id.clone()) };
        state.workspace.with(|ws| funnel_view(ws, &r, &all, state.lang.get(), !hide_money.get()).0)
    });

    let deals_here = move |stage: usize| {
        let lang = state.lang.get();
        state.workspace.with(|ws| {
            let r = ws.active_roadmap()?;
            let id = &r.stages.get(stage)?.id;
            let here: Vec<_> = ws.deals.iter().filter(|d| &d.stage_id == id && d.status == DealStatus::Open).collect();
            let total: i64 = here.iter().filter(|d| d.currency == ws.default_currency).map(|d| d.value_minor).sum();
            Some(if hide_money.get() {
                trf(lang, Msg::DealsHere, &[&here.len().to_string()])
            } else {
                trf(lang, Msg::DealsHereValue, &[&here.len().to_string(), &format_compact(total, &ws.default_currency, lang)])
            })
        })
    };

    let slide = move || {
        let lang = state.lang.get();
        let r = roadmap.get()?;
        let current = list.with(|l| l.get(at.get().min(l.len().saturating_sub(1))).copied())?;
        let view = match current {
            Slide::Overview => view! {
                <div class="slide slide-overview">
                    <h1 class="slide-title">{r.name.get(lang).to_owned()}</h1>
                    <ol class="slide-stages">
                        {r.stages.iter().enumerate().map(|(i, s)| view! {
                            <li class:key=s.key_node>
                                <span class="slide-stage-name">{s.name.get(lang).to_owned()}</span>
                                <span class="slide-stage-facts">{deals_here(i)}</span>
                            </li>
                        }).collect_view()}
                    </ol>
                </div>
            }
            .into_any(),
            Slide::Stage(i) | Slide::Milestone(i, _) => {
                let stage = r.stages.get(i)?.clone();
                let focus = match current {
                    Slide::Milestone(_, m) => Some(m),
                    _ => None,
                };
                view! {
                    <div class="slide">
                        <p class="slide-kicker">
                            {trf(lang, Msg::StageNumber, &[&(i + 1).to_string()])} " · " {decision_phase(lang, stage.decision_phase)}
                            {stage.key_node.then(|| format!(" · {}", tr(lang, Msg::KeyNode)))}
                        </p>
                        {match focus {
                            None => view! {
                                <h1 class="slide-title">{stage.name.get(lang).to_owned()}</h1>
                                <p class="slide-text">{stage.description.get(lang).to_owned()}</p>
                                <p class="slide-text slide-soft">{stage.guidance.get(lang).to_owned()}</p>
                                <p class="slide-facts">{deals_here(i)}</p>
                            }.into_any(),
                            Some(m) => {
                                let milestone = stage.milestones.get(m).cloned();
                                view! {
                                    <p class="slide-text slide-soft">{trf(lang, Msg::MilestoneOf, &[stage.name.get(lang)])}</p>
                                    <h1 class="slide-title">{milestone.as_ref().map(|x| x.title.get(lang).to_owned())}</h1>
                                    <p class="slide-text">{milestone.as_ref().map(|x| format!("{} · {}", x.owner_role.get(lang), tr(lang, if x.required { Msg::MilestoneRequired } else { Msg::Optional })))}</p>
                                    <p class="slide-text slide-soft">{milestone.as_ref().map(|x| trf(lang, Msg::DueDay, &[&x.day_offset.to_string()]))}</p>
                                }.into_any()
                            }
                        }}
                        <ol class="slide-milestones">
                            {stage.milestones.iter().enumerate().map(|(j, m)| view! {
                                <li class:current=focus == Some(j)>{m.title.get(lang).to_owned()}</li>
                            }).collect_view()}
                        </ol>
                    </div>
                }.into_any()
            }
        };
        Some(view)
    };

    let t = move |msg| state.t(msg);
    view! {
        <div class="presentation" role="dialog" aria-modal="true" aria-label=move || t(Msg::Present) data-testid="presentation"
            use:modal_focus on:keydown=move |ev: leptos::ev::KeyboardEvent| trap_tab(&ev)>
            <div class="presentation-bar">
                // A phone or a touch screen has no arrow keys: the slides turn by these too.
                <button class="btn btn-small slide-turn" data-testid="slide-previous" aria-label=move || t(Msg::SlidePrevious) title=move || t(Msg::SlidePrevious)
                    disabled=move || at.get() == 0 on:click=move |_| at.update(|a| *a = a.saturating_sub(1))>"◀"</button>
                <span data-testid="slide-counter">{move || trf(state.lang.get(), Msg::SlideCounter, &[&(at.get() + 1).to_string(), &list.with(Vec::len).to_string()])}</span>
                <button class="btn btn-small slide-turn" data-testid="slide-next" aria-label=move || t(Msg::SlideNext) title=move || t(Msg::SlideNext)
                    disabled=move || { at.get() >= last() } on:click=move |_| at.update(|a| *a = (*a + 1).min(last()))>"▶"</button>
                <span class="hint present-keys">{move || t(Msg::PresentKeys)}</span>
                <span class="spacer"></span>
                <button class="btn btn-small" data-testid="toggle-money" on:click=move |_| hide_money.update(|h| *h = !*h)>
                    {move || t(if hide_money.get() { Msg::ShowMoney } else { Msg::HideMoney })}
                </button>
                <button class="btn btn-small" data-testid="toggle-funnel" aria-pressed=move || funnel.get().to_string() on:click=move |_| funnel.update(|f| *f = !*f)>{move || t(Msg::ShowFunnel)}</button>
                <button class="btn btn-small" data-testid="start-replay" on:click=move |_| replaying.set(Some(0))>{move || t(Msg::ShowReplay)}</button>
                <button class="btn btn-small" data-testid="toggle-qr" aria-pressed=move || state.presenting().unwrap_or(false).to_string()
                    on:click=move |_| state.toggle_qr()>{move || t(Msg::ShowQr)}</button>
                <button class="btn btn-small btn-primary" data-testid="exit-presentation" on:click=move |_| close()>{move || t(Msg::ExitPresentation)}</button>
            </div>
            <div class="presentation-body" data-testid="slide">
                {slide}
                <Show when=move || state.presenting().unwrap_or(false)>
                    <PresentationQr/>
                </Show>
                <Show when=move || funnel.get()>
                    <div class="presentation-panel" data-testid="presentation-funnel">
                        <BarChartPanel title=Msg::FunnelTitle chart=funnel_chart name="present-funnel"/>
                    </div>
                </Show>
                {move || replaying.get().map(|frame| {
                    let lang = state.lang.get();
                    let all = frames.get();
                    let (time, counts) = all.get(frame).cloned().unwrap_or_default();
                    let top = counts.iter().copied().max().unwrap_or(1).max(1);
                    let names: Vec<String> = roadmap.with(|r| r.as_ref().map(|r| r.stages.iter().map(|s| s.name.get(lang).to_owned()).collect()).unwrap_or_default());
                    view! {
                        <div class="presentation-panel replay" data-testid="replay" data-frame=frame.to_string()>
                            <h2>{tr(lang, Msg::ReplayTitle)} " · " {crate::core::deal::plan::day_of(time).to_string()}</h2>
                            {names.into_iter().zip(counts).map(|(name, n)| view! {
                                <div class="replay-row">
                                    <span class="replay-name">{name}</span>
                                    <span class="replay-bar" style=format!("width:{}%", n * 100 / top)></span>
                                    <span class="replay-count">{n}</span>
                                </div>
                            }).collect_view()}
                        </div>
                    }
                })}
            </div>
        </div>
    }
}

/// The share link's QR code, as large as the screen allows, for a room of phones.
#[component]
fn PresentationQr() -> impl IntoView {
    let state = use_app();
    let t = move |msg| state.t(msg);
    let content = match share_link(state) {
        Ok(link) => match qr_image(&link) {
            Some(src) => view! {
                <img class="presentation-qr-code" data-testid="presentation-qr-code" src=src alt=move || t(Msg::ShareQrAlt)/>
                <p class="presentation-qr-link">{link}</p>
            }
            .into_any(),
            None => view! { <p class="slide-text">{move || t(Msg::ShareNoQr)}</p> }.into_any(),
        },
        Err(error) => {
            view! { <p class="slide-text">{move || crate::core::text::describe::link_error(state.lang.get(), &error)}</p> }.into_any()
        }
    };
    view! { <div class="presentation-panel presentation-qr" data-testid="presentation-qr">{content}</div> }
}
