//! A document as the readers hand it to the rest of the pipeline.

use chrono::NaiveDateTime;
use serde::{Deserialize, Serialize};

use crate::Span;

/// Languages Rasd reads. Adding one means a module per stage beside Arabic.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, PartialOrd, Ord)]
#[serde(rename_all = "lowercase")]
pub enum Language {
    Ar,
    En,
    Fr,
}

impl Language {
    pub fn code(self) -> &'static str {
        match self {
            Language::Ar => "ar",
            Language::En => "en",
            Language::Fr => "fr",
        }
    }

    pub fn from_code(code: &str) -> Option<Language> {
        match code.trim().to_ascii_lowercase().as_str() {
            "ar" | "ara" | "arabic" => Some(Language::Ar),
            "en" | "eng" | "english" => Some(Language::En),
            "fr" | "fra" | "fre" | "french" => Some(Language::Fr),
            _ => None,
        }
    }
}

impl std::fmt::Display for Language {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.code())
    }
}

/// One news document.
///
/// `text` is the full text as read (for HTML: the extracted text), and every
/// span anywhere in Rasd is a byte range into it. `body` lists the spans of
/// `text` that are the article itself, without the title line, date line,
/// byline and page chrome ("طباعة", "شارك", share and print lines).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Document {
    pub id: String,
    #[serde(default)]
    pub url: Option<String>,
    #[serde(default)]
    pub title: Option<String>,
    /// Publication time as printed by the source (local time of the site; no
    /// zone conversion is attempted).
    #[serde(default)]
    pub published: Option<NaiveDateTime>,
    #[serde(default)]
    pub lang: Option<Language>,
    pub text: String,
    #[serde(default)]
    pub body: Vec<Span>,
}

impl Document {
    /// The body spans, or the whole text when the reader found no structure.
    pub fn body_spans(&self) -> Vec<Span> {
        if self.body.is_empty() {
            vec![Span::new(0, self.text.len())]
        } else {
            self.body.clone()
        }
    }

    pub fn publication_date(&self) -> Option<chrono::NaiveDate> {
        self.published.map(|p| p.date())
    }
}
