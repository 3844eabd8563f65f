//! Create and edit a deal, with a message under each field that is wrong.

use leptos::prelude::*;

use crate::ui::modal::Modal;

use crate::core::command::{Command, CommandError};
use crate::core::deal::form::{DealField, DealForm, FieldError};
use crate::core::text::describe;
use crate::core::text::i18n::{trf, Msg};
use crate::core::text::money::CURRENCIES;
use crate::ui::deal::deal_log::{ActivityLog, DealOutcome, FeedbackLog};
use crate::ui::deal::deal_timeline::DealTimeline;
use crate::ui::state::{use_app, Editing, Notice};

#[component]
pub fn DealDialog() -> impl IntoView {
    let state = use_app();
    // Drawn anew only when another deal (or none) is open, not on other overlay changes.
    let editing = Memo::new(move |_| state.editing());
    move || {
        let editing = editing.get()?;
        // The form loads after the board (src/ui/lazy.rs): a first visit does not need it to start.
        Some(view! { <crate::ui::lazy::Later part=crate::ui::lazy::deal_form(editing)/> })
    }
}

/// The dialog's content for one deal (or a new one).
#[component]
pub fn DealForm(editing: Editing) -> impl IntoView {
    let state = use_app();
    let t = move |msg| state.t(msg);
    let initial = state.workspace.with_untracked(|ws| match &editing {
        Editing::New { stage_id } => Some(DealForm::blank(&ws.default_currency, stage_id)),
        Editing::Existing(id) => ws.deal(id).map(DealForm::from_deal),
    });
    let Some(initial) = initial else {
        state.close_deal();
        return None;
    };
    let form = RwSignal::new(initial);
    let errors: RwSignal<Vec<FieldError>> = RwSignal::new(Vec::new());
    let existing = match &editing {
        Editing::Existing(id) => Some(id.clone()),
        Editing::New { .. } => None,
    };
    let close = move || state.close_deal();

    let submit_id = existing.clone();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        // An existing deal is checked against its own roadmap, a new one against the active one.
        let roadmap = state.workspace.with_untracked(|ws| match &submit_id {
            Some(id) => ws.deal(id).and_then(|d| ws.roadmap(&d.roadmap_id)).cloned(),
            None => ws.active_roadmap().cloned(),
        });
        let Some(roadmap) = roadmap else { return };
        let fields = match form.with_untracked(|f| f.parse(&roadmap)) {
            Ok(fields) => fields,
            Err(found) => return errors.set(found),
        };
        let title = fields.title.clone();
        let command = match &submit_id {
            Some(deal_id) => Command::UpdateDeal { deal_id: deal_id.clone(), fields, confirmed: false },
            None => Command::CreateDeal { roadmap_id: roadmap.id.clone(), fields, sample: false },
        };
        match crate::ui::gate::dispatch_asking(state, command) {
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
        if window().confirm_with_message(&question).unwrap_or(false) && state.dispatch(Command::DeleteDeal { deal_id }).is_ok() {
            close();
            state.say(Notice::info(move |lang| trf(lang, Msg::DealDeleted, &[&title])));
        }
    };

    let field_error = move |field| field_error(errors, field);
    let edit = move |field, set| edit(form, errors, field, set);
    let stages = move || {
        let lang = state.lang.get();
        state
            .workspace
            .with(|ws| {
                ws.active_roadmap().map(|r| r.stages.iter().map(|s| (s.id.to_string(), s.name.get(lang).to_owned())).collect::<Vec<_>>())
            })
            .unwrap_or_default()
    };
    let heading = if existing.is_some() { Msg::EditDeal } else { Msg::NewDeal };

    Some(view! {
        <Modal on_close=move |_| close() labelled_by="deal-dialog-title" testid="deal-dialog"
            class=if existing.is_some() { "dialog dialog-wide" } else { "dialog" }>
            <h2 id="deal-dialog-title" class="dialog-title">{move || t(heading)}</h2>
            <form class="form" novalidate on:submit=submit>
                <TextInput form errors field=DealField::Customer label=Msg::FieldCustomer placeholder=Some(Msg::PlaceholderCustomer)
                    get=|f| f.customer.clone() set=|f, v| f.customer = v/>
                <TextInput form errors field=DealField::Title label=Msg::FieldTitle placeholder=Some(Msg::PlaceholderTitle)
                    get=|f| f.title.clone() set=|f, v| f.title = v/>
                <div class="form-row">
                    <TextInput form errors field=DealField::Value label=Msg::FieldValue placeholder=Some(Msg::PlaceholderValue)
                        input_mode="decimal" get=|f| f.value.clone() set=|f, v| f.value = v/>
                    <Field label=Msg::FieldCurrency error=field_error(DealField::Currency)>
                        <select
                            id="field-currency" name="currency" data-testid="field-currency"
                            on:change=edit(DealField::Currency, |f, v| f.currency = v)
                        >
                            {CURRENCIES.iter().map(|c| view! {
                                <option value=*c selected=move || form.with(|f| f.currency == *c)>{*c}</option>
                            }).collect_view()}
                        </select>
                    </Field>
                </div>
                <div class="form-row">
                    <TextInput form errors field=DealField::Owner label=Msg::FieldOwner placeholder=Some(Msg::PlaceholderOwner)
                        suggestions="team-owners" get=|f| f.owner.clone() set=|f, v| f.owner = v/>
                    // The team (deal owners and members kept by hand), less those who left.
                    <datalist id="team-owners">
                        {state.workspace.with_untracked(crate::core::deal::team::active_names).into_iter().map(|o| view! { <option value=o/> }).collect_view()}
                    </datalist>
                    <TextInput form errors field=DealField::ExpectedClose label=Msg::FieldExpectedClose placeholder=None
                        input_type="date" get=|f| f.expected_close.clone() set=|f, v| f.expected_close = v/>
                </div>
                <div class="form-row">
                    <TextInput form errors field=DealField::Tags label=Msg::FieldTags placeholder=Some(Msg::PlaceholderTags)
                        get=|f| f.tags.clone() set=|f, v| f.tags = v/>
                    <TextInput form errors field=DealField::FollowUp label=Msg::FieldFollowUp placeholder=None
                        input_type="date" get=|f| f.follow_up.clone() set=|f, v| f.follow_up = v/>
                </div>
                <Field label=Msg::FieldStage error=field_error(DealField::Stage)>
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
                    {existing.clone().map(|id| view! {
                        <button type="button" class="btn" data-testid="deal-ics" title=move || t(Msg::CalendarDealLabel)
                            on:click=move |_| leptos::task::spawn_local(crate::ui::lazy::export_calendar(state, crate::ui::files::transfer::CalendarChoice::Deal(id.clone())))>
                            {move || t(Msg::CalendarFile)}</button>
                    })}
                    {existing.is_some().then(|| view! {
                        <button type="button" class="btn" data-testid="print" title=move || t(Msg::PrintLabel)
                            on:click=move |_| { let _ = window().print(); }>{move || t(Msg::Print)}</button>
                    })}
                    <button type="button" class="btn" data-testid="cancel-deal" on:click=move |_| close()>{move || t(Msg::Cancel)}</button>
                    <button type="submit" class="btn btn-primary" data-testid="save-deal">{move || t(Msg::Save)}</button>
                </div>
            </form>
            {existing.clone().map(|deal_id| view! {
                <DealOutcome deal_id=deal_id.clone()/>
                <DealTimeline deal_id=deal_id.clone()/>
                <crate::ui::deal::customer_tasks::CustomerTasks deal_id=deal_id.clone()/>
                <FeedbackLog deal_id=deal_id.clone()/>
                <ActivityLog deal_id=deal_id/>
            })}
        </Modal>
    })
}

type Getter = fn(&DealForm) -> String;
type Setter = fn(&mut DealForm, String);

/// The message for `field`, if it has a problem, in the current language.
fn field_error(errors: RwSignal<Vec<FieldError>>, field: DealField) -> Signal<Option<String>> {
    let state = use_app();
    Signal::derive(move || {
        errors.with(|es| es.iter().find(|e| e.field == field).map(|e| describe::field_problem(state.lang.get(), e.problem)))
    })
}

/// Typing into a field updates the form and clears that field's message; the rest stay until the next save.
fn edit(form: RwSignal<DealForm>, errors: RwSignal<Vec<FieldError>>, field: DealField, set: Setter) -> impl Fn(leptos::ev::Event) {
    move |ev| {
        let value = event_target_value(&ev);
        form.update(|f| set(f, value));
        errors.update(|es| es.retain(|e| e.field != field));
    }
}

/// A text-like input bound to one field of the form.
#[component]
fn TextInput(
    form: RwSignal<DealForm>,
    errors: RwSignal<Vec<FieldError>>,
    field: DealField,
    label: Msg,
    placeholder: Option<Msg>,
    get: Getter,
    set: Setter,
    #[prop(default = "text")] input_type: &'static str,
    #[prop(default = "text")] input_mode: &'static str,
    /// The id of a `<datalist>` of suggestions.
    #[prop(optional)]
    suggestions: Option<&'static str>,
) -> impl IntoView {
    let state = use_app();
    let name = format!("{field:?}").to_lowercase();
    let testid = match field {
        DealField::ExpectedClose => "field-expected-close".to_owned(),
        DealField::FollowUp => "field-follow-up".to_owned(),
        _ => format!("field-{name}"),
    };
    view! {
        <Field label error=field_error(errors, field)>
            <input
                id=testid.clone()
                name=name
                data-testid=testid
                type=input_type
                inputmode=input_mode
                list=suggestions
                placeholder=move || placeholder.map(|m| state.t(m))
                prop:value=move || form.with(get)
                on:input=edit(form, errors, field, set)
            />
        </Field>
    }
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
