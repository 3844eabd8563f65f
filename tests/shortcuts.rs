//! The shortcut table: keys do what the sheet says, and typing is never taken over.

use waypoint::core::shortcuts::{app_action, slide_action, Action, KeyPress, Screen, SlideAction, SHEET};
use waypoint::core::text::help::HELP;
use waypoint::core::text::i18n::{tr, Lang, Msg};

fn press(key: &str) -> KeyPress<'_> {
    KeyPress { key, ..Default::default() }
}

#[test]
fn plain_keys_open_things_and_switch_screens() {
    assert_eq!(app_action(&press("?")), Some(Action::ShowShortcuts));
    assert_eq!(app_action(&press("n")), Some(Action::NewDeal));
    assert_eq!(app_action(&press("N")), Some(Action::NewDeal));
    assert_eq!(app_action(&press("p")), Some(Action::Present));
    assert_eq!(app_action(&press("/")), Some(Action::Search));
    let screens: Vec<_> = ["1", "2", "3", "4", "5"].iter().map(|k| app_action(&press(k))).collect();
    assert_eq!(screens, Screen::ALL.map(|s| Some(Action::Go(s))).to_vec());
    assert_eq!(app_action(&press("0")), None);
    assert_eq!(app_action(&press("6")), None);
    assert_eq!(app_action(&press("x")), None);
}

#[test]
fn ctrl_or_command_undoes_and_redoes() {
    let with = |key, shift| KeyPress { key, command: true, shift, ..Default::default() };
    assert_eq!(app_action(&with("z", false)), Some(Action::Undo));
    assert_eq!(app_action(&with("Z", true)), Some(Action::Redo));
    assert_eq!(app_action(&with("y", false)), Some(Action::Redo));
    // Ctrl+N, Ctrl+P belong to the browser (new window, print).
    assert_eq!(app_action(&with("n", false)), None);
    assert_eq!(app_action(&with("p", false)), None);
}

#[test]
fn nothing_fires_while_typing_or_with_alt() {
    for key in ["?", "n", "/", "1", "p"] {
        assert_eq!(app_action(&KeyPress { key, typing: true, ..Default::default() }), None, "{key}");
        assert_eq!(app_action(&KeyPress { key, alt: true, ..Default::default() }), None, "{key}");
    }
    assert_eq!(app_action(&KeyPress { key: "z", command: true, typing: true, ..Default::default() }), None);
}

#[test]
fn presentation_keys() {
    assert_eq!(slide_action("ArrowRight"), Some(SlideAction::Next));
    assert_eq!(slide_action(" "), Some(SlideAction::Next));
    assert_eq!(slide_action("ArrowLeft"), Some(SlideAction::Previous));
    assert_eq!(slide_action("Home"), Some(SlideAction::First));
    assert_eq!(slide_action("End"), Some(SlideAction::Last));
    assert_eq!(slide_action("h"), Some(SlideAction::ToggleMoney));
    assert_eq!(slide_action("F"), Some(SlideAction::ToggleFunnel));
    assert_eq!(slide_action("r"), Some(SlideAction::Replay));
    assert_eq!(slide_action("Escape"), Some(SlideAction::Leave));
    assert_eq!(slide_action("q"), Some(SlideAction::ShowQr));
    assert_eq!(slide_action("x"), None);
}

/// The key as `KeyboardEvent.key` reports it, for the names the sheet prints.
fn event_key(printed: &str) -> &str {
    match printed {
        "→" => "ArrowRight",
        "←" => "ArrowLeft",
        "Space" => " ",
        "Esc" => "Escape",
        other => other,
    }
}

#[test]
fn every_key_on_the_sheet_does_something() {
    let [everywhere, _board, presentation] = SHEET else { panic!("three groups") };
    for (keys, msg) in everywhere.lines {
        let actions: Vec<_> = keys
            .iter()
            .map(|printed| {
                let parts: Vec<&str> = printed.split('+').collect();
                let key = parts.last().unwrap().to_lowercase();
                let command = parts.contains(&"Ctrl");
                app_action(&KeyPress { key: &key, command, shift: parts.contains(&"Shift"), ..Default::default() })
            })
            .collect();
        assert!(actions.iter().all(Option::is_some), "{keys:?} ({msg:?}): a key does nothing");
        // Alternatives on one line do the same thing (the digits each go to their own screen).
        if *msg != Msg::KeyScreens {
            assert!(actions.windows(2).all(|w| w[0] == w[1]), "{keys:?}");
        }
    }
    let undo = everywhere.lines.iter().find(|(_, m)| *m == Msg::KeyUndo).unwrap();
    assert_eq!(app_action(&KeyPress { key: "z", command: true, ..Default::default() }), Some(Action::Undo), "{undo:?}");
    for (keys, msg) in presentation.lines {
        for key in *keys {
            assert!(slide_action(event_key(key)).is_some(), "{key} ({msg:?}) does nothing in presentation mode");
        }
    }
}

#[test]
fn every_presentation_action_is_on_the_sheet() {
    let presentation = &SHEET[2];
    let listed: Vec<SlideAction> =
        presentation.lines.iter().flat_map(|(keys, _)| keys.iter().filter_map(|k| slide_action(event_key(k)))).collect();
    for action in [
        SlideAction::Next,
        SlideAction::Previous,
        SlideAction::First,
        SlideAction::Last,
        SlideAction::ToggleMoney,
        SlideAction::ToggleFunnel,
        SlideAction::Replay,
        SlideAction::ShowQr,
        SlideAction::Leave,
    ] {
        assert!(listed.contains(&action), "{action:?} has no line on the sheet");
    }
}

#[test]
fn help_is_complete_in_both_languages() {
    assert!(HELP.len() >= 8);
    for section in HELP {
        for lang in [Lang::Zh, Lang::En] {
            assert!(!lang.pick(section.title).trim().is_empty());
            assert!(lang.pick(section.body).len() > 40, "{}", lang.pick(section.title));
        }
        // The Chinese side is Chinese, the English side is not.
        assert!(section.body.0.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)));
        assert!(!section.body.1.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)), "{}", section.title.1);
    }
    assert!(!tr(Lang::En, Msg::KeysEverywhere).is_empty());
}

#[test]
fn screens_round_trip_through_the_hash() {
    for screen in Screen::ALL {
        assert_eq!(Screen::from_hash(screen.hash()), screen);
    }
    assert_eq!(Screen::from_hash(""), Screen::Board);
    assert_eq!(Screen::from_hash("#somewhere-else"), Screen::Board);
}
