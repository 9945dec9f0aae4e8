//! A whole text in match-key form, with a map back to the original bytes.
//!
//! Dictionaries (actors, places, event words) are matched against the key
//! of a text, not its display form. [`Normalized`] is that key for a whole
//! text — the stems of its words joined by one space, sentences joined by
//! a line break — together with, for every key byte, the span of the
//! original character it came from. A dictionary entry passed through
//! [`crate::match_key`] is found in [`Normalized::key`] with any substring
//! search (an aho-corasick automaton over all entries, typically), and
//! [`Normalized::original`] turns the key range of a hit into the span of
//! the original text to show as evidence.

use std::ops::Range;

use rasd_model::Span;

use crate::fold::fold_char;
use crate::segment::{Analysis, TokenKind};

/// The match key of a text and its byte map to the original.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Normalized {
    /// Word and number stems joined by `' '`; sentences joined by `'\n'`,
    /// so a phrase never matches across a sentence boundary.
    pub key: String,
    /// `map[i]` is the original span of the character that produced key
    /// byte `i` (for separators: the gap between the two words).
    pub map: Vec<Span>,
}

impl Normalized {
    /// The key of `text`, analysed first.
    pub fn new(text: &str) -> Normalized {
        Normalized::from_analysis(text, &crate::analyze(text))
    }

    /// The key of a text already analysed (`analysis` must be of `text`).
    pub fn from_analysis(text: &str, analysis: &Analysis) -> Normalized {
        let mut key = String::with_capacity(text.len());
        let mut map = Vec::with_capacity(text.len());
        let mut buf = String::with_capacity(8);
        for sentence in &analysis.sentences {
            let mut last_end: Option<usize> = None;
            for t in &analysis.tokens[sentence.tokens.clone()] {
                if !matches!(t.kind, TokenKind::Word | TokenKind::Number) || t.stem().is_empty() {
                    continue;
                }
                match last_end {
                    Some(e) => push_sep(&mut key, &mut map, ' ', Span::new(e, t.span.start)),
                    None if !key.is_empty() => {
                        let gap = map.last().map_or(0, |s| s.end);
                        push_sep(&mut key, &mut map, '\n', Span::new(gap, t.span.start));
                    }
                    None => {}
                }
                // Fold the token again, char by char, to know where each
                // key byte came from; then drop the proclitic bytes.
                let word_start = key.len();
                let raw = &text[t.span.start..t.span.end];
                for (i, c) in raw.char_indices() {
                    buf.clear();
                    fold_char(c, &mut buf);
                    let at = t.span.start + i;
                    let span = Span::new(at, at + c.len_utf8());
                    key.push_str(&buf);
                    map.extend(std::iter::repeat_n(span, buf.len()));
                }
                let prefix = t.key.len() - t.stem().len();
                key.drain(word_start..word_start + prefix);
                map.drain(word_start..word_start + prefix);
                last_end = Some(t.span.end);
            }
        }
        Normalized { key, map }
    }

    /// The original span covering key bytes `range`, or `None` when the
    /// range is empty or out of bounds.
    pub fn original(&self, range: Range<usize>) -> Option<Span> {
        if range.start >= range.end || range.end > self.map.len() {
            return None;
        }
        Some(self.map[range.start].cover(self.map[range.end - 1]))
    }

    /// Whether key bytes `range` start and end on word boundaries (so
    /// `مالي` is not found inside `الصومالي`).
    pub fn is_whole_words(&self, range: Range<usize>) -> bool {
        let b = self.key.as_bytes();
        let before = range.start == 0 || matches!(b.get(range.start - 1), Some(b' ' | b'\n'));
        let after = range.end >= b.len() || matches!(b.get(range.end), Some(b' ' | b'\n'));
        before && after && range.start < range.end && range.end <= b.len()
    }
}

fn push_sep(key: &mut String, map: &mut Vec<Span>, c: char, span: Span) {
    key.push(c);
    map.push(span);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn key_maps_back_to_original() {
        let text = "قُتِلَ جنود في الهجوم على بلدة تيسيت.\nوأعلنت «الجماعة» مسؤوليتها";
        let n = Normalized::new(text);
        assert_eq!(
            n.key,
            "قتل جنود في هجوم علي بلده تيسيت\nاعلنت جماعه مسووليتها"
        );
        assert_eq!(n.key.len(), n.map.len());
        let needle = crate::match_key("بلدة تيسيت");
        let at = n.key.find(&needle).unwrap();
        let range = at..at + needle.len();
        assert!(n.is_whole_words(range.clone()));
        let span = n.original(range).unwrap();
        assert_eq!(&text[span.start..span.end], "بلدة تيسيت");
        // The stem of a word with clitics maps to the stem's bytes only.
        let at = n.key.find("جماعه").unwrap();
        let span = n.original(at..at + "جماعه".len()).unwrap();
        assert_eq!(
            &text[span.start..span.end],
            "الجماعة".trim_start_matches("ال")
        );
        // The vowelled verb maps back with its diacritics.
        let span = n.original(0.."قتل".len()).unwrap();
        assert_eq!(&text[span.start..span.end], "قُتِل");
    }

    #[test]
    fn whole_words_only() {
        let n = Normalized::new("الجيش الصومالي");
        let at = n.key.find("مالي").unwrap();
        assert!(!n.is_whole_words(at..at + "مالي".len()));
    }
}
