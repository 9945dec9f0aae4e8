//! Text analysis for Rasd.
//!
//! A document's text goes through a chain of small steps, each one testable
//! alone: character folding to a lossy *match key* (per script), tokenization
//! that never loses a byte, proclitic splitting for Arabic, sentence
//! segmentation, and readers for numbers and dates. Every token keeps the
//! [`Span`] of its original bytes, so later stages can show evidence.
//!
//! The public surface other crates rely on:
//! - [`analyze`] → [`Analysis`] (tokens and sentences of a text),
//! - [`match_key`] to normalize dictionary entries exactly as text is
//!   normalized, so both sides of a lookup agree,
//! - [`Normalized`]: the match key of a whole text with a byte map back to
//!   the original, for dictionary search over a document,
//! - [`numbers::find_quantities`] and [`dates::find_dates`]: the number
//!   and date expressions of an analysed text ([`find_dates_and_quantities`]
//!   reads both in one go).
//!
//! Two tiers of text: the *display* form is always the original text (a
//! span is a byte range into it); the *key* is lossy (diacritics, tatweel
//! and invisibles dropped, letter variants merged, digits to ASCII, Latin
//! lowercased without accents; see [`fold`]). Arabic words also get a
//! *stem*: the key without its proclitics (و ف ب ك ل and the article),
//! split unless `data/arabic_protected.txt` lists the word as whole.
//!
//! Word lists are data files under `data/`, embedded with `include_str!`
//! and compiled into hash maps on first use.

pub mod arabic;
pub mod dates;
pub mod fold;
mod keymap;
pub mod months;
pub mod normalize;
pub mod numbers;
pub mod segment;
mod words;

pub use keymap::{KeyFilter, KeyMap};
pub use normalize::Normalized;
pub use rasd_model::{Language, Span};
pub use segment::{analyze, Analysis, Sentence, Token, TokenKind};

/// [`dates::find_dates`] and [`numbers::find_quantities`] of one text at
/// once: both readers walk the same list of words, built once.
pub fn find_dates_and_quantities(
    text: &str,
    analysis: &Analysis,
    publication: Option<chrono::NaiveDate>,
) -> (Vec<dates::DateRef>, Vec<numbers::Quantity>) {
    let ws = words::words(text, analysis);
    (
        dates::dates_in(&ws, publication),
        numbers::quantities_in(&ws),
    )
}

/// The lossy lookup form of a phrase: folded characters, proclitics split
/// off every word, words joined by single spaces. Dictionaries pass their
/// entries through this so that entries and text meet on the same key.
pub fn match_key(phrase: &str) -> String {
    let analysis = analyze(phrase);
    let mut out = String::new();
    for t in analysis
        .tokens
        .iter()
        .filter(|t| t.kind == TokenKind::Word || t.kind == TokenKind::Number)
    {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(t.stem());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dictionary_entries_and_text_meet_on_one_key() {
        let text = "وأعلنت وزارةُ الدفاع الماليّة أنّ جماعة نصرة الإسلام والمسلمين هاجمت بلدة تيسّيت";
        let a = analyze(text);
        let stems: Vec<&str> = a
            .tokens
            .iter()
            .filter(|t| t.is_word())
            .map(|t| t.stem())
            .collect();
        for entry in [
            "وزارة الدفاع المالية",
            "جماعة نصرة الإسلام والمسلمين",
            "تيسيت",
            "بلدة",
        ] {
            let key = match_key(entry);
            let words: Vec<&str> = key.split(' ').collect();
            assert!(
                stems.windows(words.len()).any(|w| w == words.as_slice()),
                "{entry} → {key} not in {stems:?}"
            );
        }
        assert_eq!(match_key("  Ménaka, GAO "), "menaka gao");
        assert_eq!(match_key("بالقرب من الحدود"), "قرب من حدود");
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(300))]

        /// The readers never panic and only return spans inside the text,
        /// whatever the input.
        #[test]
        fn readers_never_panic(text in "([0-9٠-٩]{1,4}|[/.,:\\-]|\\PC|مارس|سبتمبر|كانون الثاني|أمس|يوم|الخميس|الماضي|منذ|عام|ثلاثة|عشر|و|آلاف|عشرات|ما لا يقل عن|Oct\\.|the past|seven|days|ago|vingt|et|un|\\s){0,40}") {
            let a = analyze(&text);
            let publication = chrono::NaiveDate::from_ymd_opt(2022, 9, 25);
            for q in numbers::find_quantities(&text, &a) {
                proptest::prop_assert!(q.span.slice(&text).is_some());
            }
            for d in dates::find_dates(&text, &a, publication).into_iter().chain(dates::find_dates(&text, &a, None)) {
                proptest::prop_assert!(d.span.slice(&text).is_some());
            }
        }
    }
}
