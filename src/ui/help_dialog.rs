//! Help: a short guide to each part of the app and the keyboard shortcut sheet
//! (both from the core, so the sheet lists exactly what the key handlers do).

use leptos::prelude::*;

use crate::core::shortcuts::SHEET;
use crate::core::text::help::HELP;
use crate::core::text::i18n::Msg;
use crate::ui::modal::Modal;
use crate::ui::state::use_app;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HelpTab {
    Guide,
    Shortcuts,
}

#[component]
pub fn HelpDialog() -> impl IntoView {
    let state = use_app();
    let t = move |msg| state.t(msg);
    let close = move || state.close();
    let tab = move || match state.overlay.get() {
        Some(crate::ui::state::Overlay::Help(tab)) => tab,
        _ => HelpTab::Guide,
    };
    let tab_button = move |which: HelpTab, label: Msg, testid: &'static str| {
        view! {
            <button class="tab" role="tab" data-testid=testid
                class:active=move || tab() == which
                aria-selected=move || (tab() == which).to_string()
                on:click=move |_| state.open(crate::ui::state::Overlay::Help(which))>{move || t(label)}</button>
        }
    };
    view! {
        <Modal on_close=move |_| close() labelled_by="help-title" testid="help-dialog" class="dialog dialog-wide help">
            <div class="panel-head">
                <h2 id="help-title" class="dialog-title">{move || t(Msg::HelpTitle)}</h2>
                <span class="spacer"></span>
                <button class="btn btn-small" data-testid="help-close" on:click=move |_| close()>{move || t(Msg::HelpClose)}</button>
            </div>
            <div class="tabs help-tabs" role="tablist">
                {tab_button(HelpTab::Guide, Msg::HelpGuide, "help-tab-guide")}
                {tab_button(HelpTab::Shortcuts, Msg::HelpShortcuts, "help-tab-shortcuts")}
            </div>
            {move || match tab() {
                HelpTab::Guide => view! { <Guide/> }.into_any(),
                HelpTab::Shortcuts => view! { <ShortcutSheet/> }.into_any(),
            }}
        </Modal>
    }
}

#[component]
fn Guide() -> impl IntoView {
    let state = use_app();
    view! {
        <div class="help-guide" role="tabpanel" tabindex="0" aria-label=move || state.t(Msg::HelpGuide) data-testid="help-guide">
            {HELP.iter().map(|section| view! {
                <section class="help-section">
                    <h3>{move || state.lang.get().pick(section.title)}</h3>
                    <p>{move || state.lang.get().pick(section.body)}</p>
                </section>
            }).collect_view()}
        </div>
    }
}

#[component]
fn ShortcutSheet() -> impl IntoView {
    let state = use_app();
    let t = move |msg| state.t(msg);
    view! {
        <div class="shortcut-sheet" role="tabpanel" tabindex="0" aria-label=move || t(Msg::HelpShortcuts) data-testid="shortcut-sheet">
            {SHEET.iter().map(|group| view! {
                <section class="help-section">
                    <h3>{move || t(group.title)}</h3>
                    <dl class="keys">
                        {group.lines.iter().map(|(keys, what)| view! {
                            <div class="key-line">
                                <dt>{keys.iter().map(|k| view! { <kbd>{*k}</kbd> }).collect_view()}</dt>
                                <dd>{move || t(*what)}</dd>
                            </div>
                        }).collect_view()}
                    </dl>
                </section>
            }).collect_view()}
            <p class="hint">{move || t(Msg::HelpMacNote)}</p>
        </div>
    }
}
