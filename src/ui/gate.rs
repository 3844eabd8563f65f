//! Stage gates put to the person: a move or an edit that would leave a gated stage
//! with required milestones open is asked about (in the workspace's "confirm"
//! mode), and done past the gate only when the person says yes.

use crate::core::command::{Command, CommandError, Outcome};
use crate::ui::state::AppState;
use leptos::prelude::window;

/// Dispatches `command`; when it stops at a stage gate that may be passed, asks the
/// person (naming the missing milestones) and, on yes, does it past the gate.
pub fn dispatch_asking(state: AppState, command: Command) -> Result<Outcome, CommandError> {
    match state.dispatch(command.clone()) {
        Err(unmet @ CommandError::GateUnmet { can_confirm: true, .. }) => {
            let question = state.describe(&unmet);
            if window().confirm_with_message(&question).unwrap_or(false) {
                state.dispatch(command.confirmed_past_gate())
            } else {
                Err(unmet)
            }
        }
        other => other,
    }
}
