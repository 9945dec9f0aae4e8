//! A compact view of the non-space tokens of a text, for the number and
//! date readers: each word knows its key, stem, proclitic prefix and what
//! separates it from the word before (nothing, space, or a line break).

use std::sync::LazyLock;

use rasd_model::Span;
use rustc_hash::FxHashMap;

use crate::keymap::KeyMap;
use crate::segment::{Analysis, Token, TokenKind};

/// What lies between a word and the one before it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Gap {
    /// Glued (`25/09`, `3.5`, `l'armée`), or the first word.
    None,
    /// White space without a line break.
    Space,
    /// A line break: readers never join across it.
    Line,
}

/// A word: its token, read through a reference rather than copied into
/// a wide item (building the list of words was a tenth of the readers'
/// cost), plus what the list adds (stem, gap, flags).
#[derive(Debug, Clone, Copy)]
pub(crate) struct W<'a> {
    tok: &'a Token,
    /// The whole text (the word's own text is [`W::raw`]; not sliced
    /// for every word, as only a few are ever asked for it).
    text: &'a str,
    /// The match key without proclitics (a suffix of the key).
    pub stem: &'a str,
    /// [`WORD_FLAGS`] of the stem.
    pub stem_flags: u64,
    /// [`WORD_FLAGS`] of the stem and of the key together.
    pub flags: u64,
    pub gap: Gap,
    /// The token's kind, copied: every reader's loop tests it on every
    /// word, and a copy saves following the reference for it.
    kind: TokenKind,
}

/// The word may begin a date expression (a key of the date reader's
/// starters).
pub(crate) const STARTS_DATE: u64 = 1 << 63;
/// The word is in a number lexicon.
pub(crate) const NUMBER_WORD: u64 = 1 << 62;
/// The stem or the key is a one-word month name or the first word of a
/// two-word one (كانون، تشرين): the date reader's month test leaves
/// every other word without a look-up.
pub(crate) const MONTH_WORD: u64 = 1 << 61;
/// The stem is a day name (a key of the date reader's day names).
pub(crate) const WEEKDAY: u64 = 1 << 60;
// The low bits, one per kind of date phrase (`1 << kind`): the word is the
// first word of a phrase of that kind.

/// What the number and date readers would find for a word, for each
/// word looked up once when the list of words is built: the readers ask
/// every word of a text the same questions, and almost every answer is
/// no. One look-up here (two when the stem is not the whole key) replaces
/// a look-up in each reader's table.
static WORD_FLAGS: LazyLock<KeyMap<u64>> = LazyLock::new(|| {
    let mut map: FxHashMap<String, u64> = FxHashMap::default();
    let mut add = |key: &str, flag: u64| *map.entry(key.to_string()).or_default() |= flag;
    for k in crate::dates::starter_words() {
        add(k, STARTS_DATE);
    }
    for k in crate::numbers::number_words() {
        add(k, NUMBER_WORD);
    }
    for k in crate::months::month_keys() {
        add(k.split(' ').next().unwrap_or(k), MONTH_WORD);
    }
    for k in crate::dates::weekday_words() {
        add(k, WEEKDAY);
    }
    for (k, kind) in crate::dates::phrase_first_words() {
        add(k, 1 << kind);
    }
    KeyMap::from(map)
});

#[inline]
fn flags_of(table: &KeyMap<u64>, key: &str) -> u64 {
    table.get(key).copied().unwrap_or(0)
}

impl<'a> W<'a> {
    /// The original bytes of the word.
    #[inline]
    pub fn span(&self) -> Span {
        self.tok.span
    }

    /// The original bytes of the stem (after the proclitics).
    #[inline]
    pub fn stem_span(&self) -> Span {
        self.tok.stem_span
    }

    #[inline]
    pub fn kind(&self) -> TokenKind {
        self.kind
    }

    /// The match key of the whole word.
    #[inline]
    pub fn key(&self) -> &'a str {
        &self.tok.key
    }

    /// The proclitic part of the key ("", "و", "وال", …).
    #[inline]
    pub fn prefix(&self) -> &'a str {
        self.tok.prefix()
    }

    pub fn is_punct(&self, p: &str) -> bool {
        self.kind() == TokenKind::Punct && self.key() == p
    }

    pub fn is_word(&self) -> bool {
        self.kind() == TokenKind::Word
    }

    pub fn is_number(&self) -> bool {
        self.kind() == TokenKind::Number
    }

    /// Whether the word is in Arabic script. Read on the key, so that a
    /// word written in presentation forms (ﺥﻡﺱﺓ) or behind a bidi mark is
    /// Arabic too.
    #[inline]
    pub fn is_arabic(&self) -> bool {
        // The commonest answers on the first bytes, without decoding: an
        // ASCII key is not Arabic, and U+0620..U+063F and U+0641..U+064A
        // are letters.
        match self.key().as_bytes() {
            [b, ..] if *b < 0x80 => false,
            [0xD8, 0xA0..=0xBF, ..] | [0xD9, 0x81..=0x8A, ..] => true,
            _ => self
                .key()
                .chars()
                .next()
                .is_some_and(crate::arabic::is_arabic_letter),
        }
    }

    /// The span of the word as the first word of an expression: without a
    /// leading conjunction (و، ف), which belongs to the sentence, not to
    /// the number or date (وثلاثة → ثلاثة, ومنذ مارس → منذ مارس).
    pub fn head_span(&self) -> Span {
        if matches!(self.prefix(), "و" | "ف") {
            Span::new(self.stem_span().start, self.span().end)
        } else {
            self.span()
        }
    }

    /// Whether the original word starts with an uppercase letter.
    pub fn is_capitalized(&self) -> bool {
        self.raw().chars().next().is_some_and(char::is_uppercase)
    }

    /// The original text of the word.
    pub fn raw(&self) -> &str {
        self.text
            .get(self.span().start..self.span().end)
            .unwrap_or("")
    }
}

/// The non-space tokens of `text`, in order.
pub(crate) fn words<'a>(text: &'a str, analysis: &'a Analysis) -> Vec<W<'a>> {
    // Sized once, for every token (about twice the words, as every other
    // token is a space): cheaper than a first pass counting the words, and
    // the list never grows.
    let mut out = Vec::with_capacity(analysis.tokens.len());
    let mut gap = Gap::None;
    // The table once, not its lazy initialisation checked for every word.
    let table = &*WORD_FLAGS;
    for t in &analysis.tokens {
        if t.kind == TokenKind::Space {
            gap = if t.is_line_break() {
                Gap::Line
            } else {
                gap.max_space()
            };
            continue;
        }
        let stem = t.stem();
        let stem_flags = flags_of(table, stem);
        // The stem is a suffix of the key: of the same length, it is the
        // key.
        let flags = if t.key.len() != stem.len() {
            stem_flags | flags_of(table, &t.key)
        } else {
            stem_flags
        };
        out.push(W {
            tok: t,
            text,
            stem,
            stem_flags,
            flags,
            gap,
            kind: t.kind,
        });
        gap = Gap::None;
    }
    out
}

impl Gap {
    fn max_space(self) -> Gap {
        match self {
            Gap::Line => Gap::Line,
            _ => Gap::Space,
        }
    }
}

/// Whether word `i` ends a short quoted name of two or three words
/// («الساحل اليوم», «الخليج 365»): the names of news outlets, not dates
/// or counts.
pub(crate) fn ends_short_quote(ws: &[W], i: usize) -> bool {
    let closes = ws
        .get(i + 1)
        .is_some_and(|c| c.gap == Gap::None && matches!(c.key(), "»" | "\"" | "”"));
    if !closes {
        return false;
    }
    (2..=3).any(|n| {
        i.checked_sub(n).is_some_and(|o| {
            matches!(ws[o].key(), "«" | "\"" | "“")
                && ws[o + 1].gap == Gap::None
                && ws[o + 1..=i].iter().all(|w| w.kind() != TokenKind::Punct)
        })
    })
}

/// Whether a proclitic prefix ends with the article (ال، وال، لل …).
pub(crate) fn has_article(prefix: &str) -> bool {
    prefix.ends_with("ال") || prefix.ends_with("لل")
}

/// A phrase of a data file in key form, compared word by word: each word
/// is a stem, and whether the phrase wrote it with the article (then the
/// text must have it too: اليوم is "today", يوم is "day").
#[derive(Debug, Clone)]
pub(crate) struct Phrase {
    pub words: Vec<(String, bool)>,
}

impl Phrase {
    /// The phrase of `src`, apostrophes dropped; `None` when empty.
    pub fn new(src: &str) -> Option<Phrase> {
        let a = crate::analyze(src);
        let words: Vec<(String, bool)> = a
            .tokens
            .iter()
            .filter(|t| t.kind != TokenKind::Space && t.key != "'")
            .map(|t| (t.stem().to_string(), has_article(t.prefix())))
            .collect();
        (!words.is_empty()).then_some(Phrase { words })
    }

    /// The word index after the phrase when it starts at word `i` (no line
    /// break inside, apostrophes skipped).
    pub fn match_at(&self, ws: &[W], i: usize) -> Option<usize> {
        let mut k = i;
        for (n, (stem, article)) in self.words.iter().enumerate() {
            while n > 0 && ws.get(k).is_some_and(|w| w.is_punct("'")) {
                k += 1;
            }
            let w = ws.get(k)?;
            if (n > 0 && w.gap == Gap::Line)
                || w.stem != stem
                || (*article && !has_article(w.prefix()))
            {
                return None;
            }
            k += 1;
        }
        Some(k)
    }

    /// The word index where the phrase starts when it ends right before
    /// word `end`.
    pub fn match_before(&self, ws: &[W], end: usize) -> Option<usize> {
        let n = self.words.len();
        let last = end.checked_sub(n)?;
        // Apostrophes inside the phrase (l'année) may shift the start.
        let first = end.saturating_sub(n * 2);
        (first..=last)
            .rev()
            .find(|&s| self.match_at(ws, s) == Some(end))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arabic_test_on_bytes_agrees_with_the_decoded_letter() {
        let chars = ('\u{0600}'..='\u{08FF}').chain(['a', 'Z', 'é', '٣', '3', 'ﺥ']);
        let mut seen = 0;
        for c in chars {
            let text = format!("{c}{c}");
            let a = crate::analyze(&text);
            for w in words(&text, &a) {
                let decoded = w
                    .key()
                    .chars()
                    .next()
                    .is_some_and(crate::arabic::is_arabic_letter);
                assert_eq!(w.is_arabic(), decoded, "{text:?} key {:?}", w.key());
                seen += usize::from(decoded);
            }
        }
        // Both answers occur.
        assert!(seen > 30, "{seen}");
    }
}
