//! A capital named through its country: "العاصمة الصومالية", "the Somali
//! capital", "la capitale malienne", "capital of Mali", "عاصمة مالي",
//! "Somalia's capital". Reports often name the capital only this way, and
//! without it the event would have no place at all.
//!
//! The cue phrases are data (`data/capital_cues.tsv`), compared word by
//! word on folded keys with the words just before or just after a country
//! mention. The capital is the most populous town of the country that
//! bears the name `countries.tsv` gives its capital.

use std::sync::LazyLock;

use rasd_model::Span;
use rasd_text::fold::fold_str;

use crate::countries::CountryHit;
use rustc_hash::FxHashMap;

use crate::data::{rows, Tables, NONE};
use crate::PlaceKind;
use crate::{PlaceMention, Relation};

/// Every cue phrase holds one of these as written (a test checks it):
/// the word for capital in Arabic, and in French and English with or
/// without a capital letter.
const ANCHORS: [&str; 3] = ["عاصمة", "apital", "APITAL"];

const CUE_FILE: &str = "capital_cues.tsv";
const CUE_TEXT: &str = include_str!("../data/capital_cues.tsv");

/// The cue phrases, as lists of folded words, by side.
struct Cues {
    before: Vec<Vec<String>>,
    after: Vec<Vec<String>>,
}

static CUES: LazyLock<Cues> = LazyLock::new(|| {
    let mut cues = Cues {
        before: Vec::new(),
        after: Vec::new(),
    };
    for (_, cols) in rows(CUE_FILE, CUE_TEXT) {
        let (Some(side), Some(phrase)) = (cols.first(), cols.get(1)) else {
            continue;
        };
        let words = phrase_words(phrase);
        match *side {
            "before" => cues.before.push(words),
            "after" => cues.after.push(words),
            _ => {}
        }
    }
    // Longest first, so "capitale de la" is tried before "capitale".
    cues.before.sort_by_key(|w| std::cmp::Reverse(w.len()));
    cues.after.sort_by_key(|w| std::cmp::Reverse(w.len()));
    cues
});

/// The folded words of a phrase. An apostrophe ends a word and stays with
/// it ("de l'" is `de`, `l'`; "'s" is one word): French elides and
/// English possessives are written both glued and apart.
fn phrase_words(s: &str) -> Vec<String> {
    let mut out = Vec::new();
    for w in s.split_whitespace() {
        let w = w.replace('’', "'");
        let mut rest = w.as_str();
        while let Some(i) = rest.find('\'').filter(|&i| i + 1 < rest.len()) {
            out.push(fold_str(&rest[..=i]));
            rest = &rest[i + 1..];
        }
        if !rest.is_empty() {
            out.push(fold_str(rest));
        }
    }
    out
}

/// Up to `n` words of `s` nearest its end (`from_end`) or its start, in
/// text order. A line break or sentence punctuation stops the reading: a
/// cue belongs to the same phrase as the country word.
fn near_words(s: &str, n: usize, from_end: bool) -> Vec<String> {
    let stop = |c: char| matches!(c, '\n' | '.' | '!' | '?' | ';' | ':' | '،' | ',' | '؛');
    let part = if from_end {
        // Past the stop character, whatever its width in bytes (،).
        s.char_indices()
            .rev()
            .find(|&(_, c)| stop(c))
            .map_or(s, |(i, c)| &s[i + c.len_utf8()..])
    } else {
        s.find(stop).map_or(s, |i| &s[..i])
    };
    let words = phrase_words(part);
    if from_end {
        words[words.len().saturating_sub(n)..].to_vec()
    } else {
        words.into_iter().take(n).collect()
    }
}

/// The capital mentions of a text: one for each country mention with a
/// cue phrase next to it. Mentions are given the span of the cue and the
/// country word together.
pub(crate) fn capital_mentions(
    t: &Tables,
    text: &str,
    countries: &[CountryHit],
) -> Vec<PlaceMention> {
    let cues = &*CUES;
    let mut out = Vec::new();
    for hit in countries {
        let (Some(head), Some(tail)) = (text.get(..hit.span.start), text.get(hit.span.end..))
        else {
            continue;
        };
        // A cue is a few words long; 40 bytes hold the longest.
        let head = &head[floor_boundary(head, head.len().saturating_sub(40))..];
        let tail = &tail[..floor_boundary(tail, tail.len().min(40))];
        // Most country words have no cue next to them: a substring test
        // says so before any word is folded.
        if !(has_anchor(head) || has_anchor(tail)) {
            continue;
        }
        let before = near_words(head, 3, true);
        let after = near_words(tail, 3, false);
        let start = cues
            .before
            .iter()
            .find(|cue| before.ends_with(cue))
            .map(|cue| cue_start(head, cue.len()));
        let end = cues
            .after
            .iter()
            .find(|cue| after.starts_with(cue))
            .map(|cue| cue_end(tail, cue.len()));
        if start.is_none() && end.is_none() {
            continue;
        }
        let Some(entry) = capital_of(t, hit.country) else {
            continue;
        };
        let from = start.map_or(hit.span.start, |s| hit.span.start - (head.len() - s));
        let to = end.map_or(hit.span.end, |e| hit.span.end + e);
        let span = Span::new(from, to);
        out.push(PlaceMention {
            span,
            surface: text[from..to].to_string(),
            place: Some(t.place(entry)),
            relation: Relation::At,
            relation_span: None,
            geo_precision: 1,
            score: 0.8,
        });
    }
    out
}

/// Whether `s` holds one of [`ANCHORS`] (as `str::contains` would say).
/// Asked for the 40 bytes on each side of every country word, and nearly
/// none has an anchor there: six `str::contains` calls cost several hundred
/// instructions a country word. Every anchor has a rare byte second (the
/// `p`/`P` of "apital", 0xB9 of ع, which is D8 B9), so the bytes are
/// scanned eight at a time for those and the anchors compared only where
/// one stands.
fn has_anchor(s: &str) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGHS: u64 = 0x8080_8080_8080_8080;
    // 'p' and 'P' are one test with the case bit set.
    const CASE: u64 = ONES * 0x20;
    const LOWER_P: u64 = ONES * b'p' as u64;
    const AIN_TAIL: u64 = ONES * 0xB9;
    // The high bit of each byte of `v` that may be zero (never misses one;
    // a byte above a zero one may be flagged too: the compare decides).
    let zeros = |v: u64| v.wrapping_sub(ONES) & !v & HIGHS;
    let b = s.as_bytes();
    // An anchor whose rare byte is at `i` (so that begins at `i - 1`).
    let anchored_at = |i: usize| {
        i >= 1
            && ANCHORS
                .iter()
                .any(|a| b.get(i - 1..).is_some_and(|r| r.starts_with(a.as_bytes())))
    };
    let mut chunks = b.chunks_exact(8);
    let mut at = 0;
    for c in chunks.by_ref() {
        let mut w = [0u8; 8];
        w.copy_from_slice(c);
        let v = u64::from_le_bytes(w);
        let mut m = zeros((v | CASE) ^ LOWER_P) | zeros(v ^ AIN_TAIL);
        while m != 0 {
            if anchored_at(at + (m.trailing_zeros() / 8) as usize) {
                return true;
            }
            m &= m - 1;
        }
        at += 8;
    }
    (at..b.len()).any(|i| matches!(b[i], b'p' | b'P' | 0xB9) && anchored_at(i))
}

/// The largest byte index ≤ `i` on a character boundary of `s`.
fn floor_boundary(s: &str, mut i: usize) -> usize {
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// Where the last `n` cue words start in `head` (a byte offset into it).
/// Words are counted as [`phrase_words`] counts them, so an elided "l'"
/// counts as one.
fn cue_start(head: &str, n: usize) -> usize {
    let mut left = n;
    let mut at = head.len();
    for (i, w) in head.split_whitespace().rev().map(|w| {
        let i = w.as_ptr() as usize - head.as_ptr() as usize;
        (i, w)
    }) {
        let k = phrase_words(w).len();
        at = i;
        if k >= left {
            break;
        }
        left -= k;
    }
    at
}

/// Where the first `n` cue words end in `tail` (a byte offset into it).
fn cue_end(tail: &str, n: usize) -> usize {
    let mut left = n;
    let mut at = 0;
    for w in tail.split_whitespace() {
        let i = w.as_ptr() as usize - tail.as_ptr() as usize;
        at = i + w.len();
        let k = phrase_words(w).len();
        if k >= left {
            break;
        }
        left -= k;
    }
    at
}

/// The capital of each country by ISO3, as `countries.tsv` names it.
static CAPITAL_NAMES: LazyLock<FxHashMap<&'static str, String>> = LazyLock::new(|| {
    let mut names = FxHashMap::default();
    for (_, f) in rows("countries.tsv", crate::Sources::embedded().countries) {
        if let (Some(iso3), Some(capital)) = (f.get(1), f.get(10)) {
            if !capital.is_empty() {
                names.insert(*iso3, fold_str(capital));
            }
        }
    }
    names
});

/// The record of the country's capital: the most populous town of the
/// country with the capital's name.
fn capital_of(t: &Tables, country: u16) -> Option<u32> {
    let capitals = t.capitals.get_or_init(|| {
        let wanted: Vec<Option<&String>> = t
            .countries
            .iter()
            .map(|c| CAPITAL_NAMES.get(c.iso3))
            .collect();
        let mut best = vec![NONE; t.countries.len()];
        for (i, e) in t.entries.iter().enumerate() {
            let c = e.country as usize;
            let (Some(b), Some(Some(name))) = (best.get_mut(c), wanted.get(c)) else {
                continue;
            };
            if e.kind == PlaceKind::PopulatedPlace
                && (*b == NONE || t.entries[*b as usize].population < e.population)
                && fold_str(e.name) == **name
            {
                *b = i as u32;
            }
        }
        best
    });
    capitals
        .get(country as usize)
        .copied()
        .filter(|&i| i != NONE)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_anchor_scan_agrees_with_contains() {
        let plain = |s: &str| ANCHORS.iter().any(|a| s.contains(a));
        let samples = [
            "",
            "p",
            "apital",
            "xapital",
            "the capital of",
            "THE CAPITAL",
            "la capitale malienne",
            "Capital",
            "apita",
            "في العاصمة الصومالية",
            "عاصمة مالي",
            "عاصمه مالي",
            "عاصم",
            "ppppppppapitalpppp",
            "12345678apital",
            "1234567apital",
            "aapitalapital",
            "قال مسؤول في كابول إن",
            "Pp\u{b9}x apita l",
            "\u{679}\u{6b9}\u{6f9} عاصمة",
        ];
        for s in samples {
            assert_eq!(has_anchor(s), plain(s), "{s:?}");
            // Every start and end, to move the anchor across the chunks.
            for i in (0..=s.len()).filter(|&i| s.is_char_boundary(i)) {
                assert_eq!(has_anchor(&s[i..]), plain(&s[i..]), "{s:?} from {i}");
                assert_eq!(has_anchor(&s[..i]), plain(&s[..i]), "{s:?} to {i}");
            }
        }
    }

    #[test]
    fn every_cue_phrase_holds_an_anchor() {
        let mut n = 0;
        for (line, cols) in rows(CUE_FILE, CUE_TEXT) {
            n += 1;
            let phrase = cols.get(1).copied().unwrap_or_default();
            assert!(
                ANCHORS.iter().any(|a| phrase.contains(a)),
                "{CUE_FILE}:{line}: {phrase:?}"
            );
        }
        assert_eq!(n, CUES.before.len() + CUES.after.len());
    }
}
