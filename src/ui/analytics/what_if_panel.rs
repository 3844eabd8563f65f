//! What-if for managers and facilitators: edit each stage's win probability and
//! conversion; the projected funnel and forecast follow; nothing is saved.

use leptos::prelude::*;

use crate::core::analytics::what_if::{conversion_for, forecast_with, projected_funnel};
use crate::core::analytics::{funnel, Scope};
use crate::core::chart::bars::{BarChart, BarRow};
use crate::core::model::Roadmap;
use crate::core::text::i18n::Msg;
use crate::core::text::money::format_compact;
use crate::ui::analytics::bar_chart_panel::BarChartPanel;
use crate::ui::state::use_app;

#[component]
pub fn WhatIfPanel(roadmap: Roadmap) -> impl IntoView {
    let state = use_app();
    let t = move |msg| state.t(msg);
    // Start from the real figures: the roadmap's probabilities and the all-time funnel.
    let real = state.workspace.with_untracked(|ws| {
        let all = Scope { start: chrono::NaiveDate::MIN, end: chrono::NaiveDate::MAX, roadmap: Some(roadmap.id.clone()) };
        let f = funnel(ws, &roadmap, &all);
        let conversions: Vec<f64> = f.steps.iter().map(|s| s.conversion.unwrap_or(100.0).round()).collect();
        let start = f.steps.first().map_or(10, |s| s.reached.max(1));
        (roadmap.stages.iter().map(|s| s.win_probability).collect::<Vec<u8>>(), conversions, start)
    });
    let probabilities = RwSignal::new(real.0.clone());
    let conversions = RwSignal::new(real.1.clone());
    let start = RwSignal::new(real.2);
    let names: Vec<crate::core::text::Text> = roadmap.stages.iter().map(|s| s.name.clone()).collect();
    let rid = roadmap.id.clone();

    let names_funnel = names.clone();
    let projected = Signal::derive(move || {
        let lang = state.lang.get();
        let rows = projected_funnel(start.get(), &conversions.get())
            .into_iter()
            .zip(&names_funnel)
            .map(|(n, name)| BarRow {
                label: name.get(lang).to_owned(),
                value: n,
                shown: format!("{n:.1}"),
                marker: None,
                highlight: false,
            })
            .collect();
        BarChart { rows, note: String::new(), scale_floor: 0.0 }
    });
    let forecast = Signal::derive(move || {
        let lang = state.lang.get();
        let (months, unscheduled) = state.workspace.with(|ws| forecast_with(ws, &rid, &probabilities.get()));
        let currency = state.workspace.with(|ws| ws.default_currency.clone());
        let mut rows: Vec<BarRow> = months
            .iter()
            .map(|m| BarRow {
                label: format!("{}-{:02}", m.month.0, m.month.1),
                value: m.weighted as f64,
                shown: format_compact(m.weighted, &currency, lang),
                marker: None,
                highlight: false,
            })
            .collect();
        if unscheduled > 0 {
            rows.push(BarRow {
                label: state.t(Msg::ForecastUnscheduled).to_owned(),
                value: unscheduled as f64,
                shown: format_compact(unscheduled, &currency, lang),
                marker: None,
                highlight: false,
            });
        }
        BarChart { rows, note: String::new(), scale_floor: 0.0 }
    });
    // Dragging a stage's bar of the projected funnel sets its conversion (the first bar is the starting number).
    let drag_conversion = Callback::new(move |(row, value): (usize, f64)| {
        if let Some(conversion) = conversions.with_untracked(|c| conversion_for(start.get_untracked(), c, row, value)) {
            conversions.update(|list| {
                if let Some(slot) = list.get_mut(row) {
                    *slot = conversion
                }
            });
        }
    });
    let reset = move |_| {
        probabilities.set(real.0.clone());
        conversions.set(real.1.clone());
        start.set(real.2);
    };
    view! {
        <section class="panel what-if" data-testid="what-if" aria-labelledby="what-if-title">
            <div class="panel-head">
                <h2 id="what-if-title" class="panel-title">{move || t(Msg::WhatIfTitle)}</h2>
                <p class="hint">{move || t(Msg::WhatIfHint)}</p>
                <span class="spacer"></span>
                <button class="btn btn-small" data-testid="what-if-reset" on:click=reset>{move || t(Msg::WhatIfReset)}</button>
            </div>
            <label class="check">
                {move || t(Msg::WhatIfStart)}
                <input type="number" min="1" class="what-if-number" data-testid="what-if-start" prop:value=move || start.get().to_string()
                    on:input=move |ev| { if let Ok(n) = event_target_value(&ev).parse::<usize>() { start.set(n.clamp(1, 100_000)) } }/>
            </label>
            <table class="owners what-if-table">
                <thead><tr>
                    <th scope="col">{move || t(Msg::FieldStage)}</th>
                    <th scope="col">{move || t(Msg::StageProbability)}</th>
                    <th scope="col">{move || t(Msg::WhatIfConversion)}</th>
                </tr></thead>
                <tbody>
                    {names.iter().enumerate().map(|(i, name)| {
                        let name = name.clone();
                        let (for_probability, for_conversion) = (name.clone(), name.clone());
                        view! {
                            <tr data-testid="what-if-row">
                                <th scope="row">{move || name.get(state.lang.get()).to_owned()}</th>
                                <td><input type="number" min="0" max="100" class="what-if-number" data-testid="what-if-probability"
                                    aria-label=move || format!("{} · {}", for_probability.get(state.lang.get()), t(Msg::StageProbability))
                                    prop:value=move || probabilities.with(|p| p.get(i).copied().unwrap_or(0).to_string())
                                    on:input=move |ev| { if let Ok(p) = event_target_value(&ev).parse::<u8>() { probabilities.update(|list| if let Some(slot) = list.get_mut(i) { *slot = p.min(100) }) } }/></td>
                                <td>{(i > 0).then(|| view! {
                                    <input type="number" min="0" max="100" class="what-if-number" data-testid="what-if-conversion"
                                        aria-label={let name = for_conversion.clone(); move || format!("{} · {}", name.get(state.lang.get()), t(Msg::WhatIfConversion))}
                                        prop:value=move || conversions.with(|c| c.get(i).copied().unwrap_or(0.0).to_string())
                                        on:input=move |ev| { if let Ok(c) = event_target_value(&ev).parse::<f64>() { conversions.update(|list| if let Some(slot) = list.get_mut(i) { *slot = c.clamp(0.0, 100.0) }) } }/>
                                })}</td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
            <div class="chart-grid">
                <BarChartPanel title=Msg::WhatIfProjected chart=projected name="what-if-funnel" on_drag=drag_conversion/>
                <BarChartPanel title=Msg::WhatIfForecast chart=forecast name="what-if-forecast"/>
            </div>
        </section>
    }
}
