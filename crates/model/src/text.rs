//! Text in the document: the UI language, and names that may exist in both languages.
//!
//! Built-in templates give every stage and milestone a Chinese and an English
//! name, so switching the UI language also switches them. Once a person types
//! their own name it is kept exactly as typed, in whatever language they used.

use serde::{Deserialize, Serialize};

/// A UI language; serialized as `zh` or `en`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Lang {
    /// Simplified Chinese.
    Zh,
    /// English.
    En,
}

impl Lang {
    /// Chinese for any `zh*` browser language, English otherwise.
    pub fn from_tag(tag: &str) -> Lang {
        if tag.trim().to_ascii_lowercase().starts_with("zh") {
            Lang::Zh
        } else {
            Lang::En
        }
    }

    /// The value for the `lang` attribute of the page.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::Zh => "zh-CN",
            Lang::En => "en",
        }
    }

    /// The side of a (中文, English) pair for this language.
    pub fn pick<T>(self, pair: (T, T)) -> T {
        match self {
            Lang::Zh => pair.0,
            Lang::En => pair.1,
        }
    }

    /// The other language: what the language switch changes to.
    pub fn other(self) -> Lang {
        match self {
            Lang::Zh => Lang::En,
            Lang::En => Lang::Zh,
        }
    }
}

/// A name or description in the document: typed text kept as typed, or template text in both languages.
/// Saved as a bare string or as `{"zh": …, "en": …}`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Text {
    /// What a person typed.
    Plain(String),
    /// Template text in both languages.
    Both {
        /// The Chinese text.
        zh: String,
        /// The English text.
        en: String,
    },
}

impl Default for Text {
    fn default() -> Self {
        Text::Plain(String::new())
    }
}

impl Text {
    /// Template text with a Chinese and an English version.
    pub fn both(zh: &str, en: &str) -> Self {
        Text::Both { zh: zh.to_owned(), en: en.to_owned() }
    }

    /// Text a person typed, shown the same in either language.
    pub fn plain(s: impl Into<String>) -> Self {
        Text::Plain(s.into())
    }

    /// The text to show in `lang`: the side in that language, or the typed text whatever the language.
    pub fn get(&self, lang: Lang) -> &str {
        match (self, lang) {
            (Text::Plain(s), _) => s,
            (Text::Both { zh, .. }, Lang::Zh) => zh,
            (Text::Both { en, .. }, Lang::En) => en,
        }
    }

    /// This text with the `lang` side replaced by `value`: a person editing a
    /// bilingual template name in English changes only the English name.
    pub fn with(&self, lang: Lang, value: &str) -> Text {
        match (self, lang) {
            (Text::Plain(_), _) => Text::Plain(value.to_owned()),
            (Text::Both { en, .. }, Lang::Zh) => Text::Both { zh: value.to_owned(), en: en.clone() },
            (Text::Both { zh, .. }, Lang::En) => Text::Both { zh: zh.clone(), en: value.to_owned() },
        }
    }

    /// Nothing but whitespace: in both languages for bilingual text.
    pub fn is_blank(&self) -> bool {
        match self {
            Text::Plain(s) => s.trim().is_empty(),
            Text::Both { zh, en } => zh.trim().is_empty() && en.trim().is_empty(),
        }
    }

    /// Every string it holds, for checks that look at all user-visible text.
    pub fn parts(&self) -> Vec<&str> {
        match self {
            Text::Plain(s) => vec![s],
            Text::Both { zh, en } => vec![zh, en],
        }
    }
}
