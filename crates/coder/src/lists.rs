//! Link lists a page's reader let through: "related", "on our site", "most
//! read" boxes whose marker the reader did not know, printed as a run of
//! short lines with no sentence punctuation after the article began.
//!
//! Each line of such a list is another story's headline ("Suicide bomber
//! kills 12 at market in Mogadishu"); read as sentences they would open
//! incidents of their own. A run of at least [`MIN_RUN`] such lines is
//! taken out of the body. Lines that open with a digit are kept (a
//! timeline: "12 March: …"), and nothing before the first punctuated
//! sentence is touched (the page's header is the reader's business).

use rasd_model::Span;

/// The fewest headline-like lines in a row that make a list.
const MIN_RUN: usize = 3;

/// The most words a headline-like line has.
const MAX_WORDS: usize = 14;

/// Whether a trimmed line reads like a headline or a link: short, not
/// ending as a sentence does, not opening with a number.
fn headline_like(line: &str) -> bool {
    // The cheap tests first; the words are counted last, and only up to
    // one past the limit (most lines of prose are far longer).
    if line.ends_with(['.', '!', '?', '؟', '…', ':', ';', '،', ',', '»', '"', ')']) {
        return false;
    }
    if line.chars().next().is_some_and(|c| c.is_numeric()) {
        return false;
    }
    let words = words_up_to(line, MAX_WORDS + 1);
    words != 0 && words <= MAX_WORDS
}

/// `s.split_whitespace().take(limit).count()`, for every line of every
/// document: letters of the Arabic block (most of them) and ASCII are
/// told apart from whitespace without the Unicode table.
fn words_up_to(s: &str, limit: usize) -> usize {
    if limit == 0 {
        return 0;
    }
    let mut n = 0;
    let mut in_word = false;
    let bytes = s.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        let space = match b {
            0..=0x7F => {
                i += 1;
                matches!(b, b' ' | b'\t' | b'\n' | 0x0B | 0x0C | b'\r')
            }
            // The first byte of U+0600..U+06FF, the Arabic block.
            0xD8..=0xDB => {
                i += 2;
                false
            }
            _ => {
                let c = s[i..].chars().next().unwrap_or(' ');
                i += c.len_utf8();
                c.is_whitespace()
            }
        };
        if space {
            in_word = false;
        } else if !in_word {
            in_word = true;
            n += 1;
            if n == limit {
                break;
            }
        }
    }
    n
}

/// Whether a trimmed line ends a sentence (the article has begun).
fn ends_sentence(line: &str) -> bool {
    line.ends_with(['.', '!', '?', '؟', '…'])
        && words_up_to(line, MAX_WORDS / 2 + 1) > MAX_WORDS / 2
}

/// The byte spans of the link lists of `text`.
pub fn link_lists(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    // A list is a run of MIN_RUN lines after a line of prose: a text of
    // fewer lines has none, and most short reports are one paragraph (one
    // fast search for newlines says so before any line is read).
    if text.match_indices('\n').nth(MIN_RUN - 1).is_none() {
        return out;
    }
    let mut begun = false;
    // The current run: its first line's start, its last line's end, its length.
    let mut run: Option<(usize, usize, usize)> = None;
    let mut offset = 0;
    let close = |run: &mut Option<(usize, usize, usize)>, out: &mut Vec<Span>| {
        if let Some((start, end, n)) = run.take() {
            if n >= MIN_RUN {
                out.push(Span::new(start, end));
            }
        }
    };
    for line in text.split_inclusive('\n') {
        let trimmed = line.trim();
        let start = offset + (line.len() - line.trim_start().len());
        let end = start + trimmed.len();
        offset += line.len();
        if trimmed.is_empty() {
            // A blank line ends a list only when the next line is prose;
            // lists printed with blank lines between items stay one run.
            continue;
        }
        if begun && headline_like(trimmed) {
            run = Some(match run {
                Some((s, _, n)) => (s, end, n + 1),
                None => (start, end, 1),
            });
            continue;
        }
        close(&mut run, &mut out);
        if !begun && ends_sentence(trimmed) {
            begun = true;
        }
    }
    close(&mut run, &mut out);
    out
}

/// `body` without the parts `cut` covers (both sorted by start).
pub fn without(body: Vec<Span>, cut: &[Span]) -> Vec<Span> {
    if cut.is_empty() {
        return body;
    }
    let mut out = Vec::with_capacity(body.len() + cut.len());
    for b in body {
        let mut start = b.start;
        for c in cut.iter().filter(|c| c.end > b.start && c.start < b.end) {
            if c.start > start {
                out.push(Span::new(start, c.start));
            }
            start = start.max(c.end);
        }
        if start < b.end {
            out.push(Span::new(start, b.end));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cut_text(text: &str) -> Vec<&str> {
        link_lists(text)
            .iter()
            .map(|s| &text[s.start..s.end])
            .collect()
    }

    #[test]
    fn a_run_of_headlines_after_the_article_is_a_list() {
        let text = "Title of the page\nPublished today\n\nGunmen killed five soldiers in an ambush near Menaka on Sunday, a source said.\n\nOn our site\nSuicide bomber kills 12 at market in Mogadishu\nDrone strike kills 20 in El Fasher\n";
        let cut = cut_text(text);
        assert_eq!(cut.len(), 1, "{cut:?}");
        assert!(cut[0].starts_with("On our site"));
        assert!(cut[0].ends_with("El Fasher"));
    }

    #[test]
    fn header_lines_and_timelines_and_prose_are_kept() {
        let text = "Title of the page\nBy a reporter\nJanuary 12, 2025 10:30 GMT\n\nThe army said on Sunday that it had retaken the town after two days of fighting with the rebels.\n\n12 March: attack on Boni\n15 March: strike on Djibo\n20 March: ambush near Gao\n\nResidents said they had fled the town before the fighting reached the market.\n";
        assert!(cut_text(text).is_empty());
    }

    /// The shortest text with a list: a line of prose and three headline
    /// lines, three newlines and no newline at the end (the early return
    /// for texts of few lines must let it through).
    #[test]
    fn four_lines_with_three_newlines_can_hold_a_list() {
        let text = "The army said on Sunday that it had retaken the town after two days of fighting.\nRelated\nDrone strike kills 20 in El Fasher\nSuicide bomber kills 12 at market";
        assert_eq!(
            cut_text(text),
            ["Related\nDrone strike kills 20 in El Fasher\nSuicide bomber kills 12 at market"]
        );
        assert!(cut_text(
            "قتل خمسة جنود في هجوم على موقع عسكري أمس. وقال الجيش إن المهاجمين فروا."
        )
        .is_empty());
    }

    #[test]
    fn two_headlines_alone_are_no_list() {
        let text = "The army said on Sunday that it had retaken the town after two days of fighting.\n\nRelated\nDrone strike kills 20 in El Fasher\n";
        assert!(cut_text(text).is_empty());
    }

    #[test]
    fn words_are_counted_as_split_whitespace_counts_them() {
        for s in [
            "",
            "   ",
            "one",
            " two  words ",
            "قتل\u{a0}خمسة\tجنود\u{3000}في\u{2009}هجوم",
            "a\u{0B}b\u{0C}c\u{1C}d\u{85}e",
            "كلمة، وأخرى ــ ثم ثالثة",
        ] {
            for limit in 0..8 {
                assert_eq!(
                    words_up_to(s, limit),
                    s.split_whitespace().take(limit).count(),
                    "{s:?} {limit}"
                );
            }
        }
    }

    #[test]
    fn cutting_keeps_the_rest_of_the_body() {
        let body = vec![Span::new(0, 100)];
        let out = without(body, &[Span::new(10, 20), Span::new(50, 100)]);
        assert_eq!(out, vec![Span::new(0, 10), Span::new(20, 50)]);
    }
}
