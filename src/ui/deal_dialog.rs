//! Create and edit a deal, with a message under each field that is wrong.

use leptos::prelude::*;

use super::state::{use_app, Editing, Notice};
use crate::core::command::{Command, CommandError};
use crate::core::deal_form::{DealField, DealForm, FieldError};
use crate::core::describe;
use crate::core::i18n::{trf, Msg};
use crate::core::money::CURRENCIES;

#[component]
pub fn DealDialog() -> impl IntoView {
    let state = use_app();
    move || {
        let editing = state.editing.get()?;
        Some(view! { <DealForm editing=editing/> })
    }
}

#[component]
fn DealForm(editing: Editing) -> impl IntoView {
    let state = use_app();
    let t = move |msg| state.t(msg);
    let initial = state.workspace.with_untracked(|ws| match &editing {
        Editing::New { stage_id } => Some(DealForm::blank(&ws.default_currency, stage_id)),
        Editing::Existing(id) => ws.deal(id).map(DealForm::from_deal),
    });
    let Some(initial) = initial else {
        state.editing.set(None);
        return None;
    };
    let form = RwSignal::new(initial);
    let errors: RwSignal<Vec<FieldError>> = RwSignal::new(Vec::new());
    let existing = match &editing {
        Editing::Existing(id) => Some(id.clone()),
        Editing::New { .. } => None,
    };
    let close = move || state.editing.set(None);

    let submit_id = existing.clone();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(roadmap) = state.workspace.with_untracked(|ws| ws.roadmaps.first().cloned()) else { return };
        let fields = match form.with_untracked(|f| f.parse(&roadmap)) {
            Ok(fields) => fields,
            Err(found) => return errors.set(found),
        };
        let title = fields.title.clone();
        let command = match &submit_id {
            Some(deal_id) => Command::UpdateDeal { deal_id: deal_id.clone(), fields },
            None => Command::CreateDeal { roadmap_id: roadmap.id.clone(), fields, sample: false },
        };
        match state.dispatch(command) {
            Ok(_) => {
                close();
                state.say(Notice::info(move |lang| trf(lang, Msg::DealSaved, &[&title])));
            }
            Err(CommandError::Invalid(found)) => errors.set(found),
            Err(_) => {}
        }
    };
    let delete_id = existing.clone();
    let delete = move |_| {
        let Some(deal_id) = delete_id.clone() else { return };
        let title = form.with_untracked(|f| f.title.clone());
        let question = trf(state.lang.get_untracked(), Msg::DeleteDealConfirm, &[&title]);
        if window().confirm_with_message(&question).unwrap_or(false)
            && state.dispatch(Command::DeleteDeal { deal_id }).is_ok()
        {
            close();
            state.say(Notice::info(move |lang| trf(lang, Msg::DealDeleted, &[&title])));
        }
    };

    // Typing into a field clears that field's message; the rest stay until the next save.
    let field_error = move |field: DealField| {
        move || {
            errors.with(|es| es.iter().find(|e| e.field == field).map(|e| describe::field_problem(state.lang.get(), e.problem)))
        }
    };
    let edit = move |field: DealField, set: fn(&mut DealForm, String)| {
        move |ev: leptos::ev::Event| {
            let value = event_target_value(&ev);
            form.update(|f| set(f, value));
            errors.update(|es| es.retain(|e| e.field != field));
        }
    };
    let stages = move || {
        let lang = state.lang.get();
        state.workspace.with(|ws| {
            ws.roadmaps.first().map(|r| r.stages.iter().map(|s| (s.id.to_string(), s.name.get(lang).to_owned())).collect::<Vec<_>>())
        })
        .unwrap_or_default()
    };
    let heading = if existing.is_some() { Msg::EditDeal } else { Msg::NewDeal };

    Some(view! {
        <div class="overlay" on:click=move |_| close()>
            <div
                class="dialog"
                role="dialog"
                aria-modal="true"
                aria-labelledby="deal-dialog-title"
                data-testid="deal-dialog"
                on:click=|ev| ev.stop_propagation()
                on:keydown=move |ev: leptos::ev::KeyboardEvent| if ev.key() == "Escape" { close() }
            >
                <h2 id="deal-dialog-title" class="dialog-title">{move || t(heading)}</h2>
                <form class="form" novalidate on:submit=submit>
                    <Field label=Msg::FieldCustomer error=Signal::derive(field_error(DealField::Customer))>
                        <input
                            id="field-customer" name="customer" data-testid="field-customer" autofocus
                            placeholder=move || t(Msg::PlaceholderCustomer)
                            prop:value=move || form.with(|f| f.customer.clone())
                            on:input=edit(DealField::Customer, |f, v| f.customer = v)
                        />
                    </Field>
                    <Field label=Msg::FieldTitle error=Signal::derive(field_error(DealField::Title))>
                        <input
                            id="field-title" name="title" data-testid="field-title"
                            placeholder=move || t(Msg::PlaceholderTitle)
                            prop:value=move || form.with(|f| f.title.clone())
                            on:input=edit(DealField::Title, |f, v| f.title = v)
                        />
                    </Field>
                    <div class="form-row">
                        <Field label=Msg::FieldValue error=Signal::derive(field_error(DealField::Value))>
                            <input
                                id="field-value" name="value" data-testid="field-value" inputmode="decimal"
                                placeholder=move || t(Msg::PlaceholderValue)
                                prop:value=move || form.with(|f| f.value.clone())
                                on:input=edit(DealField::Value, |f, v| f.value = v)
                            />
                        </Field>
                        <Field label=Msg::FieldCurrency error=Signal::derive(field_error(DealField::Currency))>
                            <select
                                id="field-currency" name="currency" data-testid="field-currency"
                                prop:value=move || form.with(|f| f.currency.clone())
                                on:change=edit(DealField::Currency, |f, v| f.currency = v)
                            >
                                {CURRENCIES.iter().map(|c| view! {
                                    <option value=*c selected=move || form.with(|f| f.currency == *c)>{*c}</option>
                                }).collect_view()}
                            </select>
                        </Field>
                    </div>
                    <div class="form-row">
                        <Field label=Msg::FieldOwner error=Signal::derive(field_error(DealField::Owner))>
                            <input
                                id="field-owner" name="owner" data-testid="field-owner"
                                placeholder=move || t(Msg::PlaceholderOwner)
                                prop:value=move || form.with(|f| f.owner.clone())
                                on:input=edit(DealField::Owner, |f, v| f.owner = v)
                            />
                        </Field>
                        <Field label=Msg::FieldExpectedClose error=Signal::derive(field_error(DealField::ExpectedClose))>
                            <input
                                id="field-expected-close" name="expected_close" data-testid="field-expected-close" type="date"
                                prop:value=move || form.with(|f| f.expected_close.clone())
                                on:input=edit(DealField::ExpectedClose, |f, v| f.expected_close = v)
                            />
                        </Field>
                    </div>
                    <Field label=Msg::FieldStage error=Signal::derive(field_error(DealField::Stage))>
                        <select
                            id="field-stage" name="stage" data-testid="field-stage"
                            on:change=edit(DealField::Stage, |f, v| f.stage_id = v)
                        >
                            {move || stages().into_iter().map(|(id, name)| {
                                let selected = form.with(|f| f.stage_id == id);
                                view! { <option value=id selected=selected>{name}</option> }
                            }).collect_view()}
                        </select>
                    </Field>
                    <div class="form-actions">
                        {existing.is_some().then(|| view! {
                            <button type="button" class="btn btn-danger" data-testid="delete-deal" on:click=delete.clone()>
                                {move || t(Msg::Delete)}
                            </button>
                        })}
                        <span class="spacer"></span>
                        <button type="button" class="btn" data-testid="cancel-deal" on:click=move |_| close()>{move || t(Msg::Cancel)}</button>
                        <button type="submit" class="btn btn-primary" data-testid="save-deal">{move || t(Msg::Save)}</button>
                    </div>
                </form>
            </div>
        </div>
    })
}

/// A labelled form field with its error message underneath, tied together for screen readers.
#[component]
fn Field(label: Msg, error: Signal<Option<String>>, children: Children) -> impl IntoView {
    let state = use_app();
    view! {
        <label class="field" class:has-error=move || error.get().is_some()>
            <span class="field-label">{move || state.t(label)}</span>
            {children()}
            <span class="field-error" role="alert" data-testid="field-error">{move || error.get()}</span>
        </label>
    }
}
