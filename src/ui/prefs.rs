//! Preferences of this browser, not of the shared file: who "I" am, and which
//! facts the cards show. Kept in localStorage beside the workspace.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::browser::storage::{keys, read_json, read_pref, write_json, write_pref};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CardFields {
    pub value: bool,
    pub owner: bool,
    pub milestones: bool,
    pub segments: bool,
}

impl Default for CardFields {
    fn default() -> Self {
        CardFields { value: true, owner: true, milestones: true, segments: true }
    }
}

#[derive(Clone, Copy)]
pub struct Prefs {
    pub me: RwSignal<Option<String>>,
    pub card_fields: RwSignal<CardFields>,
}

impl Prefs {
    /// Reads the saved preferences and saves every later change (a failed save
    /// only loses a preference; the workspace banner reports storage trouble).
    pub fn load() -> Prefs {
        let me = read_pref(keys::ME).filter(|m| !m.is_empty());
        let card_fields = read_json(keys::CARD_FIELDS).unwrap_or_default();
        let prefs = Prefs { me: RwSignal::new(me), card_fields: RwSignal::new(card_fields) };
        Effect::new(move |first: Option<()>| {
            let (me, fields) = (prefs.me.get(), prefs.card_fields.get());
            // The first run only subscribes: what was just read needs no writing back.
            if first.is_some() {
                write_pref(keys::ME, me.as_deref().unwrap_or(""));
                write_json(keys::CARD_FIELDS, &fields);
            }
        });
        prefs
    }

    /// Defaults, for tests and sandboxes that must not touch storage.
    pub fn detached() -> Prefs {
        Prefs { me: RwSignal::new(None), card_fields: RwSignal::new(CardFields::default()) }
    }
}

pub fn use_prefs() -> Prefs {
    use_context::<Prefs>().unwrap_or_else(Prefs::detached)
}
