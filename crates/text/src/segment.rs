//! Tokens and sentences, with spans into the original text.
//!
//! The tokenizer never changes, drops or adds text: the spans of all tokens
//! (spaces and punctuation included) tile the input exactly. Each word token
//! carries its match key and, for Arabic, the key of its stem with the
//! proclitics split off, and the original bytes of that stem.

use std::sync::LazyLock;

use rasd_model::Span;
use rustc_hash::FxHashSet;

use crate::arabic;
use crate::fold::{fold_char, is_invisible};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    /// Letters (any script), with their marks and inner invisibles.
    Word,
    /// A run of digits (either script), with inner `,` `.` `٬` `٫` separators
    /// when followed by a digit (`1,200`, `١٬٢٠٠`, `3.5`).
    Number,
    /// One punctuation or symbol character.
    Punct,
    /// A run of white space and invisible characters.
    Space,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Token {
    pub span: Span,
    pub kind: TokenKind,
    /// Match key of the whole token.
    ///
    /// A `String` of its own on purpose: keys as views into one shared
    /// copy of the document (`arcstr::Substr`) were measured (callgrind,
    /// 600 short Arabic reports): the tokenizer saved only a quarter of
    /// its allocations (most keys of such texts fold) and every reader
    /// paid more to reach the bytes, +2.3M instructions in all
    /// (compact_str keys had cost +2% before).
    pub key: String,
    /// Where the stem begins in `key`: the stem is a suffix of the key, so
    /// it is kept as an offset rather than a second string (one allocation
    /// less for every word of every text).
    stem_start: usize,
    /// Original bytes of the stem.
    pub stem_span: Span,
    /// A space token that holds a line break: noted by the tokenizer,
    /// which reads the bytes anyway, for the sentence splitter and the
    /// readers' word list, which would otherwise read them again.
    line_break: bool,
}

impl Token {
    /// Match key without proclitics (equal to `key` when none).
    #[inline]
    pub fn stem(&self) -> &str {
        self.key.get(self.stem_start..).unwrap_or("")
    }

    /// The proclitic part of the key ("", "و", "وال", …).
    #[inline]
    pub fn prefix(&self) -> &str {
        self.key.get(..self.stem_start).unwrap_or("")
    }

    /// The proclitic part ends with the article (ال، وال، لل …).
    #[inline]
    pub fn has_article(&self) -> bool {
        crate::words::has_article(self.prefix())
    }

    pub fn is_word(&self) -> bool {
        matches!(self.kind, TokenKind::Word | TokenKind::Number)
    }

    /// A space token that holds a line break.
    #[inline]
    pub fn is_line_break(&self) -> bool {
        self.line_break
    }
}

/// A sentence: its span and the range of its tokens in [`Analysis::tokens`].
#[derive(Debug, Clone, PartialEq)]
pub struct Sentence {
    pub span: Span,
    pub tokens: std::ops::Range<usize>,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Analysis {
    pub tokens: Vec<Token>,
    pub sentences: Vec<Sentence>,
}

impl Analysis {
    /// The word and number tokens of a sentence.
    pub fn words<'a>(
        &'a self,
        sentence: &'a Sentence,
    ) -> impl Iterator<Item = (usize, &'a Token)> + 'a {
        self.tokens[sentence.tokens.clone()]
            .iter()
            .enumerate()
            .map(move |(i, t)| (sentence.tokens.start + i, t))
            .filter(|(_, t)| t.is_word())
    }
}

/// The broad class of a character, with fast paths for ASCII and the
/// Arabic block (almost every character of the texts Rasd reads).
#[inline]
fn class(c: char) -> TokenKind {
    if c.is_ascii() {
        return ascii_class(c as u8);
    }
    match c {
        '\u{0621}'..='\u{065F}' => TokenKind::Word,
        '\u{0660}'..='\u{0669}' | '\u{06F0}'..='\u{06F9}' => TokenKind::Number,
        // The rest of the Arabic block without Unicode table lookups.
        '\u{061C}' => TokenKind::Space,
        '\u{0610}'..='\u{061A}'
        | '\u{066E}'..='\u{06D3}'
        | '\u{06D5}'..='\u{06ED}'
        | '\u{06FA}'..='\u{06FF}' => TokenKind::Word,
        '\u{0600}'..='\u{0620}' | '\u{066A}'..='\u{066D}' | '\u{06D4}' => TokenKind::Punct,
        _ if c.is_whitespace() || is_invisible(c) => TokenKind::Space,
        _ if c.is_numeric() => TokenKind::Number,
        _ if c.is_alphabetic() || arabic::is_arabic_mark(c) || is_mark(c) => TokenKind::Word,
        _ => TokenKind::Punct,
    }
}

/// [`class`] of an ASCII character.
#[inline]
fn ascii_class(b: u8) -> TokenKind {
    if b.is_ascii_alphabetic() {
        TokenKind::Word
    } else if b.is_ascii_digit() {
        TokenKind::Number
    } else if b.is_ascii_whitespace() || b == 0x0B {
        TokenKind::Space
    } else {
        TokenKind::Punct
    }
}

fn is_mark(c: char) -> bool {
    matches!(c, '\u{0300}'..='\u{036F}' | '\u{1AB0}'..='\u{1AFF}' | '\u{1DC0}'..='\u{1DFF}' | '\u{20D0}'..='\u{20FF}' | '\u{FE20}'..='\u{FE2F}')
}

/// The script group of a word character: `Some(true)` Arabic letter,
/// `Some(false)` any other letter, `None` a mark (joins either).
#[inline]
fn script(c: char) -> Option<bool> {
    if c.is_ascii() {
        return Some(false);
    }
    if arabic::is_arabic_mark(c) || is_mark(c) {
        return None;
    }
    Some(
        matches!(c, '\u{0600}'..='\u{06FF}' | '\u{0750}'..='\u{077F}' | '\u{08A0}'..='\u{08FF}' | '\u{FB50}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFF}'),
    )
}

/// Splits a text into tokens and sentences.
pub fn analyze(text: &str) -> Analysis {
    let tokens = tokenize(text);
    let sentences = sentences(text, &tokens);
    Analysis { tokens, sentences }
}

/// Tokens tiling `text`.
///
/// A word is a run of letters of one script group (Arabic, or any other)
/// with their marks; a switch of script starts a new word, so `بـMali`
/// gives two. Invisible characters (zero-width joiners, bidi controls)
/// between two letters stay inside the word, elsewhere they are space.
pub fn tokenize(text: &str) -> Vec<Token> {
    // Arabic news runs at about five bytes a token (words of eight to ten
    // bytes, one-byte spaces): leave room enough that the vector of wide
    // tokens is not copied while it grows.
    let mut tokens = Vec::with_capacity(text.len() / 4 + 8);
    let bytes = text.as_bytes();
    let splitter = arabic::Splitter::new();
    let mut pos = 0;
    while pos < bytes.len() {
        let start = pos;
        let b = bytes[pos];
        // One ASCII space before a letter or a digit: the commonest token
        // (one between every two words), made here without the general
        // loop below, which would end it at the same byte.
        if b == b' '
            && bytes.get(pos + 1).is_some_and(|&n| {
                n.is_ascii_alphanumeric() || arabic_run_flags(bytes, pos + 1) & RUN_WORD != 0
            })
        {
            pos += 1;
            tokens.push(space_token(Span::new(start, pos), false));
            continue;
        }
        // The first character: its class, its script group if a letter,
        // and whether the token's key is its own text so far (no character
        // folds to something else: the key is then copied, not folded).
        let (kind, mut group, mut plain);
        let f = arabic_run_flags(bytes, pos);
        if f & RUN_WORD != 0 {
            // An Arabic letter or mark, read on its two bytes.
            kind = TokenKind::Word;
            group = (f & RUN_LETTER != 0).then_some(true);
            plain = f & RUN_SELF != 0;
            pos += 2;
        } else if b < 0x80 {
            // ASCII without decoding (and without a call to `class`).
            kind = ascii_class(b);
            pos += 1;
            group = (kind == TokenKind::Word).then_some(false);
            plain = !b.is_ascii_uppercase();
        } else {
            let c = next_char(text, pos);
            kind = class(c);
            pos += c.len_utf8();
            group = if kind == TokenKind::Word {
                script(c)
            } else {
                None
            };
            plain = false;
        }
        match kind {
            TokenKind::Punct => {}
            TokenKind::Space => {
                while pos < bytes.len() {
                    // ASCII spaces are by far the most common case, and
                    // ASCII and Arabic letters end a space without being
                    // decoded.
                    let b = bytes[pos];
                    if b < 0x80 {
                        if b.is_ascii_whitespace() || b == 0x0B {
                            pos += 1;
                            continue;
                        }
                        break;
                    }
                    if arabic_run_flags(bytes, pos) & RUN_WORD != 0 {
                        break;
                    }
                    let d = next_char(text, pos);
                    if class(d) != TokenKind::Space {
                        break;
                    }
                    pos += d.len_utf8();
                }
            }
            TokenKind::Number => {
                while pos < bytes.len() {
                    let d = next_char(text, pos);
                    let dl = d.len_utf8();
                    let continues = class(d) == TokenKind::Number
                        // thousands / decimal separators between digits
                        || (matches!(d, ',' | '.' | '٬' | '٫')
                            && pos + dl < text.len()
                            && class(next_char(text, pos + dl)) == TokenKind::Number);
                    if !continues {
                        break;
                    }
                    plain &= d.is_ascii();
                    pos += dl;
                }
            }
            TokenKind::Word => {
                while pos < bytes.len() {
                    let b = bytes[pos];
                    // Fast path for ASCII: a letter continues a word that
                    // has no Arabic letter; nothing else of ASCII does (no
                    // ASCII character is invisible). Most words end here,
                    // on a space.
                    if b < 0x80 {
                        if b.is_ascii_alphabetic() && group != Some(true) {
                            group = Some(false);
                            plain &= !b.is_ascii_uppercase();
                            pos += 1;
                            continue;
                        }
                        break;
                    }
                    // Fast path for the Arabic letters and marks
                    // U+0621..U+065F (almost every character of an Arabic
                    // word): a whole run of them in a tight loop, two
                    // bytes a character, their flags gathered at the end.
                    if group != Some(false) {
                        let (mut any, mut all, mut n) = (0, RUN_SELF, 0);
                        for pair in bytes[pos..].chunks_exact(2) {
                            // A lead byte D8 or D9 starts a character of
                            // U+0600..U+067F (the text is UTF-8).
                            if pair[0] & 0xFE != 0xD8 {
                                break;
                            }
                            let f = RUN_FLAGS
                                [(usize::from(pair[0] & 1) << 6) | usize::from(pair[1] & 0x3F)];
                            if f & RUN_WORD == 0 {
                                break;
                            }
                            any |= f;
                            all &= f;
                            n += 2;
                        }
                        if n > 0 {
                            if any & RUN_LETTER != 0 {
                                group = Some(true);
                            }
                            plain &= all & RUN_SELF != 0;
                            pos += n;
                            continue;
                        }
                    }
                    plain = false;
                    let d = next_char(text, pos);
                    let dl = d.len_utf8();
                    let k = class(d);
                    if k == TokenKind::Word {
                        match (group, script(d)) {
                            (Some(a), Some(b)) if a != b => break,
                            (None, s) => group = s,
                            _ => {}
                        }
                        pos += dl;
                        continue;
                    }
                    // An invisible format character between two letters of
                    // the word belongs to the word (ZWNJ inside a name).
                    if is_invisible(d)
                        && !d.is_whitespace()
                        && pos + dl < text.len()
                        && class(next_char(text, pos + dl)) == TokenKind::Word
                    {
                        pos += dl;
                        continue;
                    }
                    break;
                }
            }
        }
        tokens.push(if kind == TokenKind::Space {
            space_token(Span::new(start, pos), has_line_break(&bytes[start..pos]))
        } else {
            make_token(text, start, pos, kind, plain, splitter)
        });
    }
    tokens
}

/// [`arabic_run_flags`]: the character is one of U+0621..U+065F, the
/// Arabic letters and marks that make up almost every Arabic word.
const RUN_WORD: u8 = 1;
/// … and a letter (U+0621..U+064A), not a mark.
const RUN_LETTER: u8 = 2;
/// … and its own key (see [`crate::arabic::BLOCK`]).
const RUN_SELF: u8 = 4;

/// The `RUN_*` flags of U+0600..U+067F, by the low bit of the first UTF-8
/// byte (D8 or D9) and the six low bits of the second.
static RUN_FLAGS: [u8; 128] = {
    let mut table = [0u8; 128];
    let mut i = 0;
    while i < 128 {
        let cp = 0x600 + i as u32;
        if cp >= 0x621 && cp <= 0x65F {
            table[i] = RUN_WORD;
            if cp < 0x64B {
                table[i] |= RUN_LETTER;
            }
            if crate::arabic::BLOCK[i] == cp {
                table[i] |= RUN_SELF;
            }
        }
        i += 1;
    }
    table
};

/// The `RUN_*` flags of the character at `pos` (0 unless it is a two-byte
/// character of U+0600..U+067F).
#[inline]
fn arabic_run_flags(bytes: &[u8], pos: usize) -> u8 {
    match (bytes[pos], bytes.get(pos + 1)) {
        (b0 @ (0xD8 | 0xD9), Some(&b1)) => {
            RUN_FLAGS[(usize::from(b0 & 1) << 6) | usize::from(b1 & 0x3F)]
        }
        _ => 0,
    }
}

#[inline]
fn next_char(text: &str, pos: usize) -> char {
    // `pos` is always a char boundary inside `text`.
    text[pos..].chars().next().unwrap_or('\u{FFFD}')
}

/// A space token (its key is empty).
#[inline]
fn space_token(span: Span, line_break: bool) -> Token {
    Token {
        span,
        kind: TokenKind::Space,
        key: String::new(),
        stem_start: 0,
        stem_span: span,
        line_break,
    }
}

/// The token of `text[start..end]`, not a space; `plain`: its key is its
/// text.
fn make_token(
    text: &str,
    start: usize,
    end: usize,
    kind: TokenKind,
    plain: bool,
    splitter: arabic::Splitter,
) -> Token {
    let span = Span::new(start, end);
    let raw = &text[start..end];
    let key = if plain {
        raw.to_string()
    } else {
        let mut key = String::with_capacity(raw.len());
        crate::fold::fold_into(raw, &mut key);
        key
    };
    if kind == TokenKind::Word {
        let (n, stem) = splitter.split(&key);
        if n > 0 {
            // The stem is the key's tail.
            let stem_start = key.len() - stem.len();
            let stem_span = if plain {
                // Key and text are the same bytes.
                Span::new(start + stem_start, end)
            } else {
                original_after_key_chars(raw, start, n)
            };
            return Token {
                span,
                kind,
                key,
                stem_start,
                stem_span,
                line_break: false,
            };
        }
    }
    Token {
        span,
        kind,
        key,
        stem_start: 0,
        stem_span: span,
        line_break: false,
    }
}

/// Arabic letters that are their own key (every letter but the hamza
/// carriers, ة and ى): the fast path of folding.
#[inline]
fn is_plain_arabic_letter(c: char) -> bool {
    matches!(c, '\u{0621}' | '\u{0627}' | '\u{0628}' | '\u{062A}'..='\u{063A}' | '\u{0641}'..='\u{0648}' | '\u{064A}')
}

/// How many key characters `c` folds to (without allocating for the
/// common Arabic case).
fn key_chars(c: char, buf: &mut String) -> usize {
    if is_plain_arabic_letter(c) || c.is_ascii() {
        return 1;
    }
    if let Some(k) = arabic::fold_arabic(c) {
        return usize::from(k.is_some());
    }
    buf.clear();
    fold_char(c, buf);
    buf.chars().count()
}

/// The original span that remains after skipping the first `n` key
/// characters of a word (marks and tatweel do not count as key characters,
/// and the marks of the last skipped letter are skipped with it).
fn original_after_key_chars(raw: &str, start: usize, n: usize) -> Span {
    let end = start + raw.len();
    let mut seen = 0;
    let mut buf = String::new();
    for (i, c) in raw.char_indices() {
        let k = key_chars(c, &mut buf);
        if seen >= n && k > 0 {
            return Span::new(start + i, end);
        }
        seen += k;
    }
    Span::new(end, end)
}

/// Abbreviations that a period does not end (`data/abbreviations.txt`).
static ABBREVIATIONS: LazyLock<FxHashSet<String>> = LazyLock::new(|| {
    include_str!("../data/abbreviations.txt")
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(crate::fold::fold_str)
        .collect()
});

/// Characters that end a sentence.
fn is_terminal(raw: &str) -> bool {
    matches!(raw, "." | "!" | "?" | "؟" | "…" | "۔" | "‼" | "⁇")
}

/// Closing quotes and brackets that stay with the sentence they close.
fn is_closer(raw: &str) -> bool {
    matches!(raw, "\"" | "'" | "»" | "”" | "’" | ")" | "]" | "›")
}

/// How a quote character moves the quote state.
fn quote_effect(raw: &str) -> Option<bool> {
    match raw {
        "«" | "“" | "„" | "‹" => Some(true),
        "»" | "”" | "›" => Some(false),
        _ => None,
    }
}

/// A quotation open longer than this is taken as unbalanced, and stops
/// holding back sentence ends (a lost quote must not swallow a page).
const MAX_QUOTE_BYTES: usize = 400;

/// Sentence boundaries.
///
/// A sentence ends at a line break, and after `.` `!` `?` `؟` `…` (with any
/// run of them and of closing quotes or brackets) followed by space or the
/// end of the text. A period does not end a sentence after a single letter
/// (`U.N.`, `د.`) or a listed abbreviation (`km.`, `Gen.`), nor before a
/// lowercase Latin word; decimals (`3.5`) are one number token anyway.
/// Inside an open quotation (`«…»`, `“…”`, `"…"`) terminal punctuation
/// does not end the sentence unless the quote closes right after it.
fn sentences(text: &str, tokens: &[Token]) -> Vec<Sentence> {
    let mut out = Vec::new();
    let mut first = 0;
    let mut quote_open: Option<usize> = None; // byte where the open quote began
    let mut i = 0;
    while i < tokens.len() {
        // Only punctuation and line breaks move the state: words and the
        // other spaces (most tokens) are passed over in a tight loop.
        match tokens[i..]
            .iter()
            .position(|t| t.kind == TokenKind::Punct || t.line_break)
        {
            Some(k) => i += k,
            None => break,
        }
        let t = &tokens[i];
        // The token's text, read only for punctuation.
        let raw = || &text[t.span.start..t.span.end];
        match t.kind {
            TokenKind::Space if t.line_break => {
                push_sentence(&mut out, tokens, first, i);
                first = i + 1;
                quote_open = None;
            }
            TokenKind::Punct => {
                let raw = raw();
                if let Some(open) = quote_effect(raw) {
                    quote_open = if open { Some(t.span.start) } else { None };
                } else if raw == "\"" {
                    quote_open = match quote_open {
                        Some(_) => None,
                        None => Some(t.span.start),
                    };
                } else if is_terminal(raw) {
                    // The run of terminal marks and closers after it.
                    let mut j = i + 1;
                    let mut closes_quote = false;
                    while j < tokens.len() && tokens[j].kind == TokenKind::Punct {
                        let r = &text[tokens[j].span.start..tokens[j].span.end];
                        if is_terminal(r) {
                        } else if is_closer(r) {
                            if quote_open.is_some() && (r == "\"" || quote_effect(r) == Some(false))
                            {
                                closes_quote = true;
                            }
                        } else {
                            break;
                        }
                        j += 1;
                    }
                    let in_quote = quote_open.is_some_and(|q| t.span.start - q < MAX_QUOTE_BYTES)
                        && !closes_quote;
                    if !in_quote && ends_here(text, tokens, i, j) {
                        if closes_quote {
                            quote_open = None;
                        }
                        push_sentence(&mut out, tokens, first, j);
                        first = j;
                        i = j;
                        continue;
                    }
                }
            }
            _ => {}
        }
        i += 1;
    }
    push_sentence(&mut out, tokens, first, tokens.len());
    out
}

/// Whether the bytes of a space token hold a line break. Most space
/// tokens are one byte: that case is tested without a call to `memchr`.
#[inline]
fn has_line_break(space: &[u8]) -> bool {
    match space {
        [b] => *b == b'\n',
        _ => space.contains(&b'\n'),
    }
}

/// Whether terminal punctuation at token `i`, whose run ends before token
/// `j`, ends a sentence.
fn ends_here(text: &str, tokens: &[Token], i: usize, j: usize) -> bool {
    let raw = &text[tokens[i].span.start..tokens[i].span.end];
    let prev = i.checked_sub(1).map(|p| &tokens[p]);
    let next = tokens.get(j);
    if raw == "." && j == i + 1 {
        if let Some(p) = prev.filter(|p| p.kind == TokenKind::Word) {
            // U.N. / د. / km. / Gen.
            if p.key.chars().count() == 1 || ABBREVIATIONS.contains(p.key.as_str()) {
                return false;
            }
        }
    }
    match next {
        None => true,
        Some(n) if n.kind == TokenKind::Space => {
            if raw != "." {
                return true;
            }
            // "km. east", "the U.S. army": a lowercase word after the
            // period continues the sentence.
            let after = tokens.get(j + 1);
            !after.is_some_and(|a| {
                a.kind == TokenKind::Word
                    && text[a.span.start..]
                        .chars()
                        .next()
                        .is_some_and(char::is_lowercase)
            })
        }
        // Arabic text often drops the space after a full stop: a period
        // glued between two Arabic words still ends the sentence.
        Some(n) if n.kind == TokenKind::Word => {
            let glued_arabic = |t: &Token| {
                text[t.span.start..t.span.end]
                    .chars()
                    .next()
                    .is_some_and(arabic::is_arabic_letter)
            };
            glued_arabic(n)
                && prev.is_some_and(|p| {
                    p.kind == TokenKind::Word && glued_arabic(p) && p.key.chars().count() > 1
                })
        }
        Some(_) => false,
    }
}

fn push_sentence(out: &mut Vec<Sentence>, tokens: &[Token], mut a: usize, mut b: usize) {
    while a < b && tokens[a].kind == TokenKind::Space {
        a += 1;
    }
    while b > a && tokens[b - 1].kind == TokenKind::Space {
        b -= 1;
    }
    if a < b {
        out.push(Sentence {
            span: Span::new(tokens[a].span.start, tokens[b - 1].span.end),
            tokens: a..b,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_tile_the_text() {
        let text = "قُتل ١٬٢٠٠ شخص في بـالمدينة، وفي Ménaka.\nجديد";
        let a = analyze(text);
        let mut pos = 0;
        for t in &a.tokens {
            assert_eq!(t.span.start, pos);
            pos = t.span.end;
        }
        assert_eq!(pos, text.len());
        assert_eq!(a.sentences.len(), 2);
    }

    #[test]
    fn keys_and_stems() {
        let text = "وبالمدينة والجيش المالي ولبنان ١٬٢٠٠";
        let a = analyze(text);
        let words: Vec<_> = a.tokens.iter().filter(|t| t.is_word()).collect();
        assert_eq!(words[0].stem(), "مدينه");
        assert_eq!(words[0].prefix(), "وبال");
        assert_eq!(
            &text[words[0].stem_span.start..words[0].stem_span.end],
            "مدينة"
        );
        assert_eq!(words[1].stem(), "جيش");
        assert_eq!(words[3].stem(), "لبنان");
        assert_eq!(words[4].key, "1,200");
        assert_eq!(crate::match_key("الجيش المالي"), "جيش مالي");
    }

    fn sentence_texts(text: &str) -> Vec<&str> {
        analyze(text)
            .sentences
            .iter()
            .map(|s| &text[s.span.start..s.span.end])
            .collect()
    }

    #[test]
    fn sentence_boundaries() {
        let cases: &[(&str, &[&str])] = &[
            (
                "قتل خمسة جنود. وأصيب آخرون!\nوقال الجيش إن الوضع هادئ؟ نعم",
                &[
                    "قتل خمسة جنود.",
                    "وأصيب آخرون!",
                    "وقال الجيش إن الوضع هادئ؟",
                    "نعم",
                ],
            ),
            (
                "The U.N. mission said 3.5 km. east of Gao was calm. Then it left.",
                &[
                    "The U.N. mission said 3.5 km. east of Gao was calm.",
                    "Then it left.",
                ],
            ),
            (
                "He said: \"We lost ten men. It was hard.\" The army denied it.",
                &[
                    "He said: \"We lost ten men. It was hard.\"",
                    "The army denied it.",
                ],
            ),
            (
                "قال المسؤول «سقط عشرة قتلى. والوضع صعب». ثم غادر.",
                &["قال المسؤول «سقط عشرة قتلى. والوضع صعب».", "ثم غادر."],
            ),
            (
                "وصل د. أحمد إلى المدينة. وغادر بعد ساعة...",
                &["وصل د. أحمد إلى المدينة.", "وغادر بعد ساعة..."],
            ),
            (
                "Le gén. Diallo a parlé à M. Traoré. Il est parti.",
                &["Le gén. Diallo a parlé à M. Traoré.", "Il est parti."],
            ),
            (
                "انتهى الاجتماع.وبدأ القصف",
                &["انتهى الاجتماع.", "وبدأ القصف"],
            ),
            ("", &[]),
            ("   \n  ", &[]),
        ];
        for (text, want) in cases {
            assert_eq!(&sentence_texts(text), want, "{text}");
        }
    }

    #[test]
    fn unbalanced_quote_does_not_swallow_the_text() {
        let long = "كلمة ".repeat(100);
        let text = format!("قال \"بدأ الهجوم. {long}. ثم انتهى. وعاد الهدوء.");
        assert!(sentence_texts(&text).len() >= 2);
    }

    #[test]
    fn invisibles_and_scripts() {
        let text = "مالي\u{200C}ة بـMali \u{202B}غاو\u{202C}";
        let a = analyze(text);
        let words: Vec<&str> = a
            .tokens
            .iter()
            .filter(|t| t.kind == TokenKind::Word)
            .map(|t| &text[t.span.start..t.span.end])
            .collect();
        assert_eq!(words, ["مالي\u{200C}ة", "بـ", "Mali", "غاو"]);
        assert_eq!(a.tokens[0].key, "ماليه");
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(512))]

        #[test]
        fn spans_tile_any_text(text in "(\\PC|[\u{064B}-\u{0652}\u{0640}\u{200B}-\u{200F}\u{202A}-\u{202E}\u{FEFB}\u{FE8D}،؛؟٪٬٫]|[وفبكلال ]{1,4}| |\\.|\n){0,80}") {
            check_invariants(&text);
        }

        #[test]
        fn spans_tile_arabic_words(text in "([وفبكل]{0,2}(ال)?[ا-ي\u{064B}-\u{0652}]{1,6}[ .،؟\n«»\"]{1,2}){0,20}") {
            check_invariants(&text);
        }

        #[test]
        fn spans_tile_mixed_scripts(text in "([وفبكل]{0,2}(ال)?[ء-ي\u{0670}\u{064B}-\u{065F}ـ]{1,6}[A-Za-zé]{0,3}[0-9٠-٩]{0,2}[ .,،\u{200C}\u{200F}\n]{0,2}){0,20}") {
            check_invariants(&text);
        }
    }

    fn check_invariants(text: &str) {
        let a = analyze(text);
        let mut pos = 0;
        for t in &a.tokens {
            assert_eq!(t.span.start, pos, "gap or overlap in {text:?}");
            assert!(t.span.end > t.span.start);
            assert!(text.is_char_boundary(t.span.start) && text.is_char_boundary(t.span.end));
            assert!(t.span.contains(&t.stem_span), "{t:?}");
            assert!(
                text.is_char_boundary(t.stem_span.start) && text.is_char_boundary(t.stem_span.end)
            );
            assert!(t.key.ends_with(t.stem()), "{t:?}");
            // The tokenizer's fast paths (key copied from the text, stem
            // span from the key) agree with folding and the general stem
            // span.
            let raw = &text[t.span.start..t.span.end];
            assert_eq!(
                t.is_line_break(),
                t.kind == TokenKind::Space && raw.contains('\n'),
                "{t:?}"
            );
            if t.kind != TokenKind::Space {
                assert_eq!(t.key, crate::fold::fold_str(raw), "{t:?}");
                let n = t.prefix().chars().count();
                if n > 0 {
                    assert_eq!(
                        t.stem_span,
                        original_after_key_chars(raw, t.span.start, n),
                        "{t:?}"
                    );
                }
            }
            // The stem's bytes fold to the stem (a ligature cut by the
            // split, such as lam-alef after a clitic, is the one exception).
            let raw = &text[t.span.start..t.span.end];
            if t.kind != TokenKind::Space
                && !raw.chars().any(|c| ('\u{FB50}'..='\u{FEFF}').contains(&c))
            {
                assert_eq!(
                    crate::fold::fold_str(&text[t.stem_span.start..t.stem_span.end]),
                    t.stem(),
                    "{t:?}"
                );
            }
            pos = t.span.end;
        }
        assert_eq!(pos, text.len());
        let mut last = 0;
        let mut last_tok = 0;
        for s in &a.sentences {
            assert!(s.span.start >= last && s.span.end <= text.len() && s.span.start < s.span.end);
            assert!(s.tokens.start >= last_tok && s.tokens.end <= a.tokens.len());
            assert_eq!(s.span.start, a.tokens[s.tokens.start].span.start);
            assert_eq!(s.span.end, a.tokens[s.tokens.end - 1].span.end);
            last = s.span.end;
            last_tok = s.tokens.end;
        }
        let n = crate::Normalized::from_analysis(text, &a);
        assert_eq!(n.key.len(), n.map.len());
        for span in &n.map {
            assert!(
                span.end <= text.len()
                    && text.is_char_boundary(span.start)
                    && text.is_char_boundary(span.end)
            );
        }
    }
}
