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
//!   normalized, so both sides of a lookup agree.

pub mod arabic;
pub mod dates;
pub mod fold;
pub mod months;
pub mod normalize;
pub mod numbers;
pub mod segment;
mod words;

pub use normalize::Normalized;
pub use rasd_model::{Language, Span};
pub use segment::{analyze, Analysis, Sentence, Token, TokenKind};

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
        out.push_str(&t.stem);
    }
    out
}
