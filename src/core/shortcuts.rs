//! Keyboard shortcuts: which key does what, in one table. The key handlers and the
//! shortcut sheet (`?`) both read it, so the sheet always tells the truth.

use crate::core::text::i18n::Msg;

/// The app's screens, in the order of the tabs; the URL hash names the one shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Screen {
    Board,
    Agenda,
    Analytics,
    Roadmap,
    Learn,
}

impl Screen {
    pub const ALL: [Screen; 5] = [Screen::Board, Screen::Agenda, Screen::Analytics, Screen::Roadmap, Screen::Learn];

    pub fn hash(self) -> &'static str {
        match self {
            Screen::Board => "#board",
            Screen::Roadmap => "#roadmap",
            Screen::Agenda => "#agenda",
            Screen::Analytics => "#analytics",
            Screen::Learn => "#learn",
        }
    }

    /// Unknown or empty hashes (and ones that carry other data) open the board.
    pub fn from_hash(hash: &str) -> Screen {
        Screen::ALL.into_iter().find(|s| s.hash() == hash).unwrap_or(Screen::Board)
    }
}

/// One key press, as much of it as the decision needs.
#[derive(Clone, Debug, Default)]
pub struct KeyPress<'a> {
    /// `KeyboardEvent.key`: "z", "?", "ArrowRight", "Escape" …
    pub key: &'a str,
    /// Ctrl, or ⌘ on a Mac.
    pub command: bool,
    pub shift: bool,
    pub alt: bool,
    /// The focus is in a text field, a list or a text area: plain keys are typing.
    pub typing: bool,
}

/// What a key does anywhere in the app (outside presentation mode and dialogs).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Action {
    Undo,
    Redo,
    ShowShortcuts,
    NewDeal,
    Present,
    Search,
    Go(Screen),
}

pub fn app_action(press: &KeyPress) -> Option<Action> {
    if press.typing || press.alt {
        return None;
    }
    if press.command {
        return match (press.key.to_lowercase().as_str(), press.shift) {
            ("z", false) => Some(Action::Undo),
            ("z", true) | ("y", _) => Some(Action::Redo),
            _ => None,
        };
    }
    match press.key {
        "?" => Some(Action::ShowShortcuts),
        "n" | "N" => Some(Action::NewDeal),
        "p" | "P" => Some(Action::Present),
        "/" => Some(Action::Search),
        digit => {
            let n: usize = digit.parse().ok()?;
            Screen::ALL.get(n.checked_sub(1)?).copied().map(Action::Go)
        }
    }
}

/// What a key does in presentation mode.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SlideAction {
    Next,
    Previous,
    First,
    Last,
    ToggleMoney,
    ToggleFunnel,
    Replay,
    ShowQr,
    Leave,
}

pub fn slide_action(key: &str) -> Option<SlideAction> {
    Some(match key {
        "ArrowRight" | "PageDown" | " " => SlideAction::Next,
        "ArrowLeft" | "PageUp" => SlideAction::Previous,
        "Home" => SlideAction::First,
        "End" => SlideAction::Last,
        "h" | "H" | "m" | "M" => SlideAction::ToggleMoney,
        "f" | "F" => SlideAction::ToggleFunnel,
        "r" | "R" => SlideAction::Replay,
        "q" | "Q" => SlideAction::ShowQr,
        "Escape" => SlideAction::Leave,
        _ => return None,
    })
}

/// A group of lines on the shortcut sheet.
pub struct SheetGroup {
    pub title: Msg,
    /// Keys as printed, alternatives side by side, a chord joined by "+" (a Mac user
    /// reads Ctrl as ⌘; the sheet says so), and what they do.
    pub lines: &'static [(&'static [&'static str], Msg)],
}

/// The shortcut sheet. `tests/shortcuts.rs` checks every line against the handlers above.
pub const SHEET: &[SheetGroup] = &[
    SheetGroup {
        title: Msg::KeysEverywhere,
        lines: &[
            (&["?"], Msg::KeyShowShortcuts),
            (&["N"], Msg::KeyNewDeal),
            (&["/"], Msg::KeySearch),
            (&["1", "2", "3", "4", "5"], Msg::KeyScreens),
            (&["P"], Msg::KeyPresent),
            (&["Ctrl+Z"], Msg::KeyUndo),
            (&["Ctrl+Shift+Z", "Ctrl+Y"], Msg::KeyRedo),
        ],
    },
    SheetGroup {
        title: Msg::KeysBoard,
        lines: &[
            (&["Tab"], Msg::KeyTabCards),
            (&["Enter"], Msg::KeyOpenCard),
            (&["◀", "▶"], Msg::KeyMoveCard),
            (&["Esc"], Msg::KeyCloseDialog),
        ],
    },
    SheetGroup {
        title: Msg::KeysPresentation,
        lines: &[
            (&["→", "Space"], Msg::KeyNextStage),
            (&["←"], Msg::KeyPreviousStage),
            (&["Home", "End"], Msg::KeyFirstLast),
            (&["H"], Msg::KeyHideMoney),
            (&["F"], Msg::KeyFunnel),
            (&["R"], Msg::KeyReplay),
            (&["Q"], Msg::KeyShowQr),
            (&["Esc"], Msg::KeyLeavePresentation),
        ],
    },
];
