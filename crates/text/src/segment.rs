//! Tokens and sentences, with spans into the original text.
//!
//! The tokenizer never changes, drops or adds text: the spans of all tokens
//! (spaces and punctuation included) tile the input exactly. Each word token
//! carries its match key and, for Arabic, the key of its stem with the
//! proclitics split off, and the original bytes of that stem.

use rasd_model::Span;

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
    pub key: String,
    /// Match key without proclitics (equal to `key` when none).
    pub stem: String,
    /// Original bytes of the stem.
    pub stem_span: Span,
}

impl Token {
    /// The proclitic part of the key ("", "و", "وال", …).
    pub fn prefix(&self) -> &str {
        &self.key[..self.key.len() - self.stem.len()]
    }

    pub fn is_word(&self) -> bool {
        matches!(self.kind, TokenKind::Word | TokenKind::Number)
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

fn class(c: char) -> TokenKind {
    if c.is_whitespace() || is_invisible(c) {
        TokenKind::Space
    } else if c.is_numeric() {
        TokenKind::Number
    } else if c.is_alphabetic() || arabic::is_arabic_mark(c) || is_mark(c) {
        TokenKind::Word
    } else {
        TokenKind::Punct
    }
}

fn is_mark(c: char) -> bool {
    matches!(c, '\u{0300}'..='\u{036F}')
}

/// Splits a text into tokens and sentences.
pub fn analyze(text: &str) -> Analysis {
    let tokens = tokenize(text);
    let sentences = sentences(text, &tokens);
    Analysis { tokens, sentences }
}

/// Tokens tiling `text`.
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut tokens = Vec::with_capacity(text.len() / 4);
    let mut chars = text.char_indices().peekable();
    while let Some((start, c)) = chars.next() {
        let kind = class(c);
        let mut end = start + c.len_utf8();
        match kind {
            TokenKind::Punct => {}
            _ => {
                while let Some(&(i, d)) = chars.peek() {
                    let k = class(d);
                    let continues = k == kind
                        // invisibles inside a word stay in the word
                        || (kind == TokenKind::Word && is_invisible(d) && !d.is_whitespace()
                            && text[i + d.len_utf8()..].chars().next().is_some_and(|n| class(n) == TokenKind::Word))
                        // thousands / decimal separators inside numbers
                        || (kind == TokenKind::Number
                            && matches!(d, ',' | '.' | '٬' | '٫')
                            && text[i + d.len_utf8()..].chars().next().is_some_and(|n| n.is_numeric()));
                    if !continues {
                        break;
                    }
                    end = i + d.len_utf8();
                    chars.next();
                }
            }
        }
        let span = Span::new(start, end);
        let raw = &text[start..end];
        let mut key = String::with_capacity(raw.len());
        if kind != TokenKind::Space {
            for ch in raw.chars() {
                fold_char(ch, &mut key);
            }
        }
        let (stem, stem_span) = if kind == TokenKind::Word {
            let (n, stem) = arabic::split_proclitics(&key);
            let stem = stem.to_string();
            (stem, original_after_key_chars(raw, start, n))
        } else {
            (key.clone(), span)
        };
        tokens.push(Token {
            span,
            kind,
            key,
            stem,
            stem_span,
        });
    }
    tokens
}

/// The original span that remains after skipping the first `n` key
/// characters of a word (marks and tatweel do not count as key characters).
fn original_after_key_chars(raw: &str, start: usize, n: usize) -> Span {
    let end = start + raw.len();
    if n == 0 {
        return Span::new(start, end);
    }
    let mut seen = 0;
    let mut buf = String::new();
    for (i, c) in raw.char_indices() {
        if seen == n {
            // Skip marks that belong to the last clitic letter.
            buf.clear();
            fold_char(c, &mut buf);
            if buf.is_empty() {
                continue;
            }
            return Span::new(start + i, end);
        }
        buf.clear();
        fold_char(c, &mut buf);
        seen += buf.chars().count();
    }
    Span::new(end, end)
}

/// Sentence boundaries: after `.` `!` `?` `؟` `…` (and runs of them and of
/// closing quotes) when followed by space, and at line breaks.
fn sentences(text: &str, tokens: &[Token]) -> Vec<Sentence> {
    let mut out = Vec::new();
    let mut first = 0;
    let mut i = 0;
    while i < tokens.len() {
        let t = &tokens[i];
        let raw = &text[t.span.start..t.span.end];
        let ends = match t.kind {
            TokenKind::Punct => {
                matches!(raw, "." | "!" | "?" | "؟" | "…")
                    && tokens
                        .get(i + 1)
                        .is_none_or(|n| n.kind == TokenKind::Space || n.kind == TokenKind::Punct)
            }
            TokenKind::Space => raw.contains('\n'),
            _ => false,
        };
        if ends {
            let mut j = i + 1;
            while j < tokens.len()
                && tokens[j].kind == TokenKind::Punct
                && t.kind == TokenKind::Punct
            {
                j += 1;
            }
            push_sentence(&mut out, tokens, first, j);
            first = j;
            i = j;
            continue;
        }
        i += 1;
    }
    push_sentence(&mut out, tokens, first, tokens.len());
    out
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
        assert_eq!(words[0].stem, "مدينه");
        assert_eq!(words[0].prefix(), "وبال");
        assert_eq!(
            &text[words[0].stem_span.start..words[0].stem_span.end],
            "مدينة"
        );
        assert_eq!(words[1].stem, "جيش");
        assert_eq!(words[3].stem, "لبنان");
        assert_eq!(words[4].key, "1,200");
        assert_eq!(crate::match_key("الجيش المالي"), "جيش مالي");
    }
}
