//! The analytics screen: period and roadmap, KPI cards, goals, charts, owners.

use chrono::{Datelike, Days, NaiveDate};
use leptos::prelude::*;

use crate::browser::clock;
use crate::core::analytics::view::{forecast_view, funnel_view, goals_view, one_decimal, outcomes_view, time_view};
use crate::core::analytics::{figures, owner_rows, pipeline_coverage, Scope};
use crate::core::model::Id;
use crate::core::text::i18n::{tr, trf, Lang, Msg};
use crate::core::text::money::format_compact;
use crate::ui::analytics::bar_chart_panel::BarChartPanel;
use crate::ui::analytics::goals_panel::GoalsPanel;
use crate::ui::analytics::what_if_panel::WhatIfPanel;
use crate::ui::state::use_app;

#[derive(Clone, Copy, PartialEq, Eq)]
enum Period {
    Last30,
    Quarter,
    Year,
    All,
}

impl Period {
    const ALL: [(Period, &'static str, Msg); 4] = [
        (Period::Quarter, "quarter", Msg::PeriodQuarter),
        (Period::Last30, "30", Msg::Period30),
        (Period::Year, "year", Msg::PeriodYear),
        (Period::All, "all", Msg::PeriodAll),
    ];

    fn range(self, today: NaiveDate) -> (NaiveDate, NaiveDate) {
        let date = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap_or(today);
        match self {
            Period::Last30 => (today.checked_sub_days(Days::new(30)).unwrap_or(today), today),
            Period::Quarter => {
                let first = (today.month0() / 3) * 3 + 1;
                let start = date(today.year(), first, 1);
                let next = if first == 10 { date(today.year() + 1, 1, 1) } else { date(today.year(), first + 3, 1) };
                (start, next.pred_opt().unwrap_or(next))
            }
            Period::Year => (date(today.year(), 1, 1), date(today.year(), 12, 31)),
            Period::All => (date(2000, 1, 1), date(2100, 12, 31)),
        }
    }
}

#[component]
pub fn AnalyticsScreen() -> impl IntoView {
    let state = use_app();
    let t = move |msg| state.t(msg);
    let today = clock::local_today();
    let period = RwSignal::new(Period::Quarter);
    let roadmap_choice: RwSignal<Option<Id>> = RwSignal::new(None);
    let scope = Memo::new(move |_| {
        let (start, end) = period.get().range(today);
        Scope { start, end, roadmap: roadmap_choice.get() }
    });
    let figs = Memo::new(move |_| state.workspace.with(|ws| figures(ws, &scope.get(), today)));
    // The funnel and stage times need one roadmap: the chosen one, else the active one.
    let roadmap = Memo::new(move |_| {
        state.workspace.with(|ws| roadmap_choice.get().and_then(|id| ws.roadmap(&id).cloned()).or_else(|| ws.active_roadmap().cloned()))
    });
    let lang = state.lang;
    let funnel = Memo::new(move |_| {
        let r = roadmap.get()?;
        Some(state.workspace.with(|ws| funnel_view(ws, &r, &scope.get(), lang.get(), true)))
    });
    let time = Memo::new(move |_| {
        let r = roadmap.get()?;
        Some(state.workspace.with(|ws| time_view(ws, &r, &scope.get(), lang.get())))
    });
    let chart_of = |m: Memo<Option<(crate::core::chart::bars::BarChart, String)>>| {
        (Signal::derive(move || m.get().map(|v| v.0).unwrap_or_default()), Signal::derive(move || m.get().map(|v| v.1).unwrap_or_default()))
    };
    let (funnel_chart, funnel_sentence) = chart_of(funnel);
    let (time_chart, time_sentence) = chart_of(time);
    let forecast = Signal::derive(move || state.workspace.with(|ws| forecast_view(ws, &scope.get(), today, lang.get())));
    let goals = Signal::derive(move || state.workspace.with(|ws| goals_view(ws, today, lang.get())));
    let outcomes = Signal::derive(move || state.workspace.with(|ws| outcomes_view(ws, &scope.get(), &figs.get(), lang.get())));
    let money = move |v: i64, lang: Lang| state.workspace.with(|ws| format_compact(v, &ws.default_currency, lang));

    let kpis = move || {
        let lang = lang.get();
        let f = figs.get();
        let coverage = state.workspace.with(|ws| pipeline_coverage(ws, &f, today));
        vec![
            ("kpi-win-rate", Msg::KpiWinRate, f.win_rate_percent.map_or("—".into(), |r| format!("{}%", one_decimal(r))), None),
            ("kpi-avg-deal", Msg::KpiAvgDeal, f.avg_deal_size.map_or("—".into(), |v| money(v, lang)), None),
            ("kpi-cycle", Msg::KpiCycle, f.avg_cycle_days.map_or("—".into(), |d| trf(lang, Msg::KpiDays, &[&one_decimal(d)])), None),
            ("kpi-coverage", Msg::KpiCoverage, coverage.map_or("—".into(), |c| format!("{}×", one_decimal(c))), Some(Msg::KpiCoverageHint)),
            ("kpi-overdue", Msg::KpiOverdue, crate::core::text::money::group_digits(f.overdue_milestones as u64), None),
        ]
    };
    let roadmaps = move || {
        let lang = lang.get();
        state.workspace.with(|ws| ws.roadmaps.iter().map(|r| (r.id.clone(), r.name.get(lang).to_owned())).collect::<Vec<_>>())
    };

    view! {
        <div class="analytics">
            <section class="panel toolbar">
                <label class="toolbar-field">
                    <span class="field-label">{move || t(Msg::PeriodLabel)}</span>
                    <select data-testid="analytics-period" on:change=move |ev| {
                        let chosen = event_target_value(&ev);
                        if let Some((p, _, _)) = Period::ALL.iter().find(|(_, key, _)| *key == chosen) { period.set(*p) }
                    }>
                        {Period::ALL.into_iter().map(|(p, key, label)| view! {
                            <option value=key selected=move || period.get() == p>{move || t(label)}</option>
                        }).collect_view()}
                    </select>
                </label>
                <label class="toolbar-field">
                    <span class="field-label">{move || t(Msg::CsvRoadmap)}</span>
                    <select data-testid="analytics-roadmap" on:change=move |ev| {
                        let chosen = event_target_value(&ev);
                        roadmap_choice.set((!chosen.is_empty()).then_some(Id::from(chosen)));
                    }>
                        <option value="">{move || t(Msg::RoadmapAll)}</option>
                        {move || roadmaps().into_iter().map(|(id, name)| view! { <option value=id.to_string()>{name}</option> }).collect_view()}
                    </select>
                </label>
                <span class="spacer"></span>
                <Show when=move || figs.with(|f| f.other_currency_deals > 0)>
                    <p class="hint">{move || state.workspace.with(|ws| trf(lang.get(), Msg::OtherCurrencyNote, &[&figs.get().other_currency_deals.to_string(), &ws.default_currency]))}</p>
                </Show>
                <button class="btn btn-small" data-testid="print" title=move || state.t(Msg::PrintLabel) on:click=move |_| { let _ = window().print(); }>{move || state.t(Msg::Print)}</button>
            </section>
            <div class="kpis">
                {move || kpis().into_iter().map(|(testid, label, value, hint)| view! {
                    <div class="kpi" data-testid=testid title=hint.map(|h| tr(lang.get(), h))>
                        <span class="kpi-label">{tr(lang.get(), label)}</span>
                        <span class="kpi-value">{value}</span>
                    </div>
                }).collect_view()}
            </div>
            <GoalsPanel/>
            <div class="chart-grid">
                <BarChartPanel title=Msg::FunnelTitle chart=funnel_chart sentence=funnel_sentence name="funnel"/>
                <BarChartPanel title=Msg::TimeTitle chart=time_chart sentence=time_sentence name="time"/>
                <BarChartPanel title=Msg::ForecastTitle chart=forecast name="forecast"/>
                <BarChartPanel title=Msg::GoalsChartTitle chart=goals name="goals"/>
                <BarChartPanel title=Msg::OutcomesTitle chart=outcomes name="outcomes"/>
            </div>
            {move || roadmap.get().map(|r| view! { <WhatIfPanel roadmap=r/> })}
            <section class="panel">
                <h2 class="panel-title" id="owners-title">{move || t(Msg::OwnersTitle)}</h2>
                // Focusable: on a phone the table scrolls sideways inside its box, by keyboard too.
                <table class="owners" data-testid="owner-table" tabindex="0" aria-labelledby="owners-title">
                    <thead><tr>
                        {[Msg::ColOwner, Msg::ColDeals, Msg::ColWonValue, Msg::ColWinRate, Msg::ColCycle, Msg::ColOverdue]
                            .into_iter().map(|m| view! { <th scope="col">{move || t(m)}</th> }).collect_view()}
                    </tr></thead>
                    <tbody>
                        {move || {
                            let lang = lang.get();
                            state.workspace.with(|ws| owner_rows(ws, &scope.get(), today)).into_iter().map(|r| view! {
                                <tr data-testid="owner-row">
                                    <th scope="row">{r.owner.clone()}</th>
                                    <td>{r.deals}</td>
                                    <td>{money(r.won_value, lang)}</td>
                                    <td>{r.win_rate_percent.map_or("—".into(), |v| format!("{}%", one_decimal(v)))}</td>
                                    <td>{r.avg_cycle_days.map_or("—".into(), |d| trf(lang, Msg::KpiDays, &[&one_decimal(d)]))}</td>
                                    <td>{r.overdue_milestones}</td>
                                </tr>
                            }).collect_view()
                        }}
                    </tbody>
                </table>
            </section>
        </div>
    }
}
