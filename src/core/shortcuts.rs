//! Keyboard shortcuts: which key does what, in one table. The key handlers and the
//! shortcut sheet (`?`) both read it, so the sheet always tells the truth.

use crate::core::text::i18n::Msg;

/// The app's screens, in the order of the tabs; the URL hash names the one shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Screen {
    /// The pipeline: the deals as cards in their stage columns (key 1).
    Board,
    /// The agenda: milestones due soon or overdue on open deals (key 2).
    Agenda,
    /// Analytics: the figures a sales manager watches, and the goals (key 3).
    Analytics,
    /// Roadmap design: the stages and milestones of the roadmaps (key 4).
    Roadmap,
    /// Learn mode: what a trainee reads at each stage, the self-check and practice scenarios (key 5).
    Learn,
}

impl Screen {
    /// Every screen in tab order; the digit keys 1–5 pick from this list.
    pub const ALL: [Screen; 5] = [Screen::Board, Screen::Agenda, Screen::Analytics, Screen::Roadmap, Screen::Learn];

    /// The URL hash that names this screen, leading `#` included.
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
    /// Shift is held.
    pub shift: bool,
    /// Alt (⌥ on a Mac) is held; no shortcut uses it, so such presses are left alone.
    pub alt: bool,
    /// The focus is in a text field, a list or a text area: plain keys are typing.
    pub typing: bool,
}

/// What a key does anywhere in the app (outside presentation mode and dialogs).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Action {
    /// Undo the last change (Ctrl+Z).
    Undo,
    /// Redo the last undone change (Ctrl+Shift+Z or Ctrl+Y).
    Redo,
    /// Open the shortcut sheet (`?`).
    ShowShortcuts,
    /// Start a new deal (`N`).
    NewDeal,
    /// Start presentation mode (`P`).
    Present,
    /// Search the deals, switching to the pipeline (`/`).
    Search,
    /// Switch to a screen (digits 1–5, in tab order).
    Go(Screen),
}

/// The app-wide action for a key press, or `None` if the key is not a shortcut.
/// Nothing fires while the user is typing in a field or holds Alt; with Ctrl/⌘ only undo and redo do.
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
    /// Step to the next slide (→, Page Down or Space).
    Next,
    /// Step back to the previous slide (← or Page Up).
    Previous,
    /// Jump to the first slide (Home).
    First,
    /// Jump to the last slide (End).
    Last,
    /// Hide or show the amounts (`H` or `M`).
    ToggleMoney,
    /// Show or hide the funnel (`F`).
    ToggleFunnel,
    /// Replay how the deals moved through the stages (`R`).
    Replay,
    /// Show or hide the QR code of the share link (`Q`).
    ShowQr,
    /// Leave presentation mode (Esc).
    Leave,
}

/// The presentation-mode action for a `KeyboardEvent.key` value, or `None` if the key does nothing there.
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
    /// The group's heading on the sheet.
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
