//! Finding name candidates in analysed text, and reading the words before
//! them.
//!
//! The text is seen as a list of [`Word`]s (the word and number tokens of
//! `rasd_text::analyze`, with their match keys). At each word the matcher
//! tries the word's key and its proclitic readings (و ف then ب ل ك, with the
//! article restored after لل), extends the match word by word through the
//! index, and keeps the longest match; among equally long readings it keeps
//! the one naming the most salient place, then the one that strips least.
//! Matches never overlap.
//!
//! [`Doc::cue`] then reads the words just before a match: a type noun
//! ("مدينة", "the town of"), a distance and direction ("150 كم شرق", "20 km
//! north of"), a word of nearness ("قرب", "near", "près de") or a
//! preposition ("في", "in"). All cue words come from `data/cues.tsv`.

use std::borrow::Cow;
use std::cell::RefCell;

use rasd_model::Span;
use rasd_text::{Analysis, TokenKind};

use crate::data::{CueKind, Salience, Tables, TypeHint};
use crate::index::{Hit, NameIndex, Posting, LOOSE};
use crate::keys;
use crate::Relation;

/// A word or number token of the text, as the matcher sees it.
#[derive(Debug, Clone)]
pub struct Word<'a> {
    /// Match key of the whole token (gazetteer folding).
    pub key: Cow<'a, str>,
    /// Key with proclitics split off, from the text layer.
    pub stem: &'a str,
    pub span: Span,
    pub arabic: bool,
    /// A Latin word that starts with a capital letter.
    pub cap: bool,
    pub number: bool,
    /// The next word follows with only spaces (no line break) or one
    /// hyphen or apostrophe between.
    pub join_next: bool,
    /// The next word follows after a comma.
    pub comma_next: bool,
    /// The stem may end a cue phrase (`Tables::cue_tails`; every one-word
    /// cue is one): asked once here, as the cue readers ask about nearly
    /// every word, most of them several times.
    pub tail: bool,
    /// The stem's kind as a one-word cue (`cues.tsv`), looked up once here
    /// for the words that may be one.
    pub cue: Option<CueKind>,
}

impl Word<'_> {
    /// The text layer left this word whole although it starts with a
    /// proclitic letter and is long enough to split: it is on the layer's
    /// list of protected words (a word, not a clitic and a stem).
    pub fn whole(&self) -> bool {
        // Five Arabic letters or more (two bytes each).
        self.key.len() == self.stem.len() && self.key.len() >= 10 && starts_with_clitic(&self.key)
    }
}

/// The first capacity of the key buffers (a key of a few words: written
/// into without growing the buffer step by step).
pub(crate) const KEY_BUF: usize = 64;

/// A cue phrase read before a word: its first word and kind, or none.
type CueAt = Option<(usize, CueKind)>;

/// The words of a text, plus document-wide facts.
pub struct Doc<'a> {
    pub text: &'a str,
    pub words: Vec<Word<'a>>,
    /// Most Latin letters are capitals (a headline or a shouting page):
    /// capitalisation then says nothing.
    pub all_caps: bool,
    /// Cue phrases already read, by the word they end before (indexed by
    /// word: the reader asks about most positions, some several times).
    cue_memo: RefCell<Vec<Option<CueAt>>>,
    /// A buffer for the keys of cue phrases of several words (one
    /// allocation per text, not one per phrase tried).
    cue_key: RefCell<String>,
}

/// Whether a space token (its bytes) holds a line break. A byte loop on
/// purpose: space tokens are a byte or two, and `<[u8]>::contains` calls
/// core's `memchr` out of line, which costs more than the loop.
#[allow(clippy::manual_contains)]
#[inline]
fn has_line_break(space: &[u8]) -> bool {
    space.iter().any(|&b| b == b'\n')
}

/// Whether a punctuation token (its bytes) is a hyphen or an apostrophe.
/// One capital Latin letter: an initial of an abbreviation ("U" of "U.S.").
fn is_initial(s: &[u8]) -> bool {
    matches!(s, [c] if c.is_ascii_uppercase())
}

fn is_joiner(s: &[u8]) -> bool {
    ["-", "‐", "‑", "–", "'", "’", "ʼ"]
        .iter()
        .any(|j| j.as_bytes() == s)
}

impl<'a> Doc<'a> {
    pub fn new(tables: &Tables, text: &'a str, analysis: &'a Analysis) -> Doc<'a> {
        let mut words: Vec<Word<'a>> = Vec::with_capacity(analysis.tokens.len() / 2);
        let (mut upper, mut lower) = (0usize, 0usize);
        let bytes = text.as_bytes();
        for sentence in &analysis.sentences {
            let mut gap_ok = false;
            let mut gap_comma = false;
            let mut gap_punct = 0;
            // Only a full stop since the last word ("U.S.", "U.K."): two
            // initials of an abbreviation are joined like one name's words.
            let mut gap_stop_only = true;
            let mut first = true;
            for t in &analysis.tokens[sentence.tokens.clone()] {
                // The token's bytes, without the character-boundary checks of
                // `str::get` (every token of the text is read here): the text
                // layer's spans are character boundaries of this text, and
                // only Latin words need the token as a `str` (below).
                let Some(raw) = bytes.get(t.span.start..t.span.end) else {
                    continue;
                };
                match t.kind {
                    TokenKind::Word | TokenKind::Number => {
                        if let Some(prev) = words.last_mut() {
                            if !first {
                                let initials = gap_stop_only
                                    && gap_punct == 1
                                    && is_initial(raw)
                                    && bytes
                                        .get(prev.span.start..prev.span.end)
                                        .is_some_and(is_initial);
                                prev.join_next =
                                    (gap_ok || initials) && gap_punct <= 1 && !gap_comma;
                                prev.comma_next = gap_comma && gap_punct == 1;
                            }
                        }
                        first = false;
                        gap_ok = true;
                        gap_comma = false;
                        gap_punct = 0;
                        gap_stop_only = true;
                        let number = t.kind == TokenKind::Number;
                        let arabic = !number && keys::is_arabic(&t.key);
                        let mut cap = false;
                        if !arabic {
                            let raw = text.get(t.span.start..t.span.end).unwrap_or("");
                            cap = raw.chars().next().is_some_and(char::is_uppercase);
                            if !number {
                                for c in raw.chars().filter(|c| c.is_alphabetic()) {
                                    if c.is_uppercase() {
                                        upper += 1;
                                    } else {
                                        lower += 1;
                                    }
                                }
                            }
                        }
                        let stem = t.stem();
                        // One look-up for both: whether the stem may end
                        // a cue phrase, and its kind as a one-word cue.
                        let (tail, cue) = match tables.tail_cues.get(stem) {
                            Some(&cue) => (true, cue),
                            None => (false, None),
                        };
                        words.push(Word {
                            key: keys::token_key(&t.key),
                            stem,
                            span: t.span,
                            arabic,
                            cap,
                            number,
                            join_next: false,
                            comma_next: false,
                            tail,
                            cue,
                        });
                    }
                    TokenKind::Space => {
                        if has_line_break(raw) {
                            gap_ok = false;
                            gap_stop_only = false;
                        }
                    }
                    TokenKind::Punct => {
                        gap_punct += 1;
                        gap_stop_only &= raw == b".";
                        if raw == b"," || raw == "،".as_bytes() {
                            gap_comma = true;
                        } else if !is_joiner(raw) {
                            gap_ok = false;
                        }
                    }
                }
            }
        }
        let memo = vec![None; words.len() + 1];
        Doc {
            text,
            words,
            all_caps: upper > 20 && upper > lower * 2,
            cue_memo: RefCell::new(memo),
            cue_key: RefCell::new(String::with_capacity(KEY_BUF)),
        }
    }

    /// Whether words `a` and `a + 1` are adjacent (see [`Word::join_next`]).
    pub fn joined(&self, a: usize) -> bool {
        self.words.get(a).is_some_and(|w| w.join_next)
    }
}

/// One proclitic reading of an Arabic word.
#[derive(Debug, Clone)]
pub struct Variant<'a> {
    pub key: Cow<'a, str>,
    /// Key characters stripped from the front.
    pub prefix_chars: usize,
    /// A preposition was stripped (ب "in", ل "to"): a weak place cue.
    pub prep: bool,
    /// A conjunction was stripped (و, ف).
    pub conj: bool,
}

/// The readings of a word: itself, and for Arabic words each proclitic
/// split that leaves two letters or more. `whole`: the text layer kept the
/// word whole although it begins with a clitic letter (its list of
/// protected words: بلدة، ولاية، باماكو), so it is read whole here too.
#[inline]
pub fn variants<'a>(key: &'a str, arabic: bool, whole: bool, out: &mut Vec<Variant<'a>>) {
    out.clear();
    out.push(Variant {
        key: Cow::Borrowed(key),
        prefix_chars: 0,
        prep: false,
        conj: false,
    });
    // Most words have no other reading: a test of the first two bytes
    // says so here, and only the others go through the splits.
    if arabic && !whole && starts_with_clitic(key) {
        clitic_variants(key, out);
    }
}

/// Whether `key` starts with و ف ب or ل (each two bytes in UTF-8: a
/// byte test instead of decoding a character).
#[inline]
fn starts_with_clitic(key: &str) -> bool {
    matches!(
        key.as_bytes(),
        [0xD9, 0x88 | 0x81 | 0x84, ..] | [0xD8, 0xA8, ..]
    )
}

/// The readings of [`variants`] after the word itself, for an Arabic word
/// that starts with a proclitic letter.
fn clitic_variants<'a>(key: &'a str, out: &mut Vec<Variant<'a>>) {
    let mut bases: [(&str, usize, bool); 2] = [(key, 0, false), ("", 0, false)];
    for c in [WAW, FA] {
        if let Some(rest) = strip_letter(key, c) {
            if two_chars(rest) {
                out.push(Variant {
                    key: Cow::Borrowed(rest),
                    prefix_chars: 1,
                    prep: false,
                    conj: true,
                });
                bases[1] = (rest, 1, true);
            }
        }
    }
    for (base, n, conj) in bases {
        if base.is_empty() {
            continue;
        }
        // ك "like" is left out: it rarely meets a place name, and كمين،
        // كبير، كان would read as ك + a name.
        for p in [BA, LAM] {
            let Some(rest) = strip_letter(base, p) else {
                continue;
            };
            if !two_chars(rest) {
                continue;
            }
            out.push(Variant {
                key: Cow::Borrowed(rest),
                prefix_chars: n + 1,
                prep: true,
                conj,
            });
            // لل + name: ل and the article with its alef elided (للرقة).
            if p == LAM {
                if let Some(after) = strip_letter(rest, LAM) {
                    if two_chars(after) {
                        out.push(Variant {
                            key: Cow::Owned(format!("ال{after}")),
                            prefix_chars: n + 2,
                            prep: true,
                            conj,
                        });
                    }
                }
            }
        }
    }
}

// The proclitic letters as their UTF-8 bytes (و ف ب ل): the readings of
// every word that starts with one are taken apart with byte tests rather
// than a character's `strip_prefix` and a count of characters.
const WAW: [u8; 2] = [0xD9, 0x88];
const FA: [u8; 2] = [0xD9, 0x81];
const BA: [u8; 2] = [0xD8, 0xA8];
const LAM: [u8; 2] = [0xD9, 0x84];

/// `s` without its first letter when that is `letter` (two bytes).
#[inline]
fn strip_letter(s: &str, letter: [u8; 2]) -> Option<&str> {
    if s.as_bytes().starts_with(&letter) {
        s.get(2..)
    } else {
        None
    }
}

/// Whether `s` has two characters or more: more bytes than its first
/// character takes (read from its lead byte; `s` is UTF-8).
#[inline]
fn two_chars(s: &str) -> bool {
    let Some(&b) = s.as_bytes().first() else {
        return false;
    };
    let first = match b {
        0..=0x7F => 1,
        0x80..=0xDF => 2,
        0xE0..=0xEF => 3,
        _ => 4,
    };
    s.len() > first
}

/// A match of a name in the text, before resolution.
#[derive(Debug, Clone)]
pub struct RawMention {
    pub first: usize,
    pub last: usize,
    /// Original bytes of the name (the proclitics of the first word left out).
    pub span: Span,
    /// The matched key (words joined by spaces).
    pub key: String,
    pub postings: Vec<Posting>,
    pub prep_clitic: bool,
    pub conj_clitic: bool,
    pub loose: bool,
    /// The first word is a capitalised Latin word.
    pub first_word_cap: bool,
    /// A one-word match that another reading of the word makes a common
    /// word: وأن is و + أن before it is the town of Van, وجيزة is a word
    /// before it is و + Giza.
    pub stop_reading: bool,
    /// Whether `key` is a function word (`Tables::is_stop`), when the
    /// matcher has already asked.
    pub key_stop: Option<bool>,
}

/// The original byte offset after `n` key characters of `raw` (which starts
/// at `start`): marks and tatweel, which fold away, do not count.
pub fn offset_after_key_chars(raw: &str, start: usize, n: usize) -> usize {
    if n == 0 {
        return start;
    }
    let mut seen = 0;
    let mut buf = String::new();
    for (i, c) in raw.char_indices() {
        buf.clear();
        rasd_text::fold::fold_char(c, &mut buf);
        if seen >= n && !buf.is_empty() {
            return start + i;
        }
        seen += buf.chars().count();
    }
    start + raw.len()
}

impl Tables {
    /// Whether the last word of `before` may end a cue phrase.
    fn cue_tail_last(&self, before: &[Word]) -> bool {
        before.last().is_some_and(|w| w.tail)
    }

    fn best_salience(&self, hit: &Hit) -> Salience {
        hit.postings()
            .map(|p| self.entries[p.entry as usize].salience)
            .max()
            .unwrap_or(Salience::Low)
    }
}

/// Extends a match that starts with `first` at word `i` through `ix`: the
/// last word of the longest key with postings, and its postings.
/// `word_key` writes the key of a following word in the index's form.
fn extend<'t>(
    ix: &'t NameIndex,
    doc: &Doc,
    i: usize,
    first: &str,
    buf: &mut String,
    word_key: &dyn Fn(&Word, &mut String) -> bool,
) -> Option<(usize, Hit<'t>)> {
    let hit = ix.get(first)?;
    extend_from(ix, doc, i, first, hit, buf, word_key)
}

/// [`extend`] from the hit of the first word.
fn extend_from<'t>(
    ix: &'t NameIndex,
    doc: &Doc,
    i: usize,
    first: &str,
    mut hit: Hit<'t>,
    buf: &mut String,
    word_key: &dyn Fn(&Word, &mut String) -> bool,
) -> Option<(usize, Hit<'t>)> {
    let mut best = (!hit.is_empty()).then(|| (i, hit.clone()));
    if !hit.continues {
        return best;
    }
    buf.clear();
    buf.push_str(first);
    let mut j = i;
    while hit.continues && doc.joined(j) && j + 1 < doc.words.len() {
        // A number may end a name ("Zone 3"): the index says whether one
        // does.
        let next = &doc.words[j + 1];
        buf.push(' ');
        if !word_key(next, buf) {
            break;
        }
        j += 1;
        match ix.get(buf) {
            Some(h) => {
                if !h.is_empty() {
                    best = Some((j, h.clone()));
                }
                hit = h;
            }
            None => break,
        }
    }
    best
}

/// Every name match of the text, left to right, not overlapping; and the
/// words that may begin a country name or demonym (for
/// [`crate::countries::find_countries`]).
pub fn find_names(t: &Tables, doc: &Doc) -> (Vec<RawMention>, Vec<usize>) {
    // A short text has a few names: room for them from the start rather
    // than growing by doubling.
    let mut out = Vec::with_capacity(8);
    let mut country_words: Vec<usize> = Vec::with_capacity(8);
    let mut vars = Vec::with_capacity(8);
    let mut loose_buf = String::with_capacity(KEY_BUF);
    let mut ext_buf = String::with_capacity(KEY_BUF);
    let exact_key = |w: &Word, out: &mut String| {
        out.push_str(&w.key);
        true
    };
    let loose_key = |w: &Word, out: &mut String| {
        if w.arabic {
            keys::loose_word(&w.key, out);
        }
        w.arabic
    };
    let mut i = 0;
    while i < doc.words.len() {
        let w = &doc.words[i];
        if w.number {
            i += 1;
            continue;
        }
        variants(&w.key, w.arabic, w.whole(), &mut vars);
        // (last word, postings, variant, loose)
        let mut best: Option<(usize, Hit, usize, bool)> = None;
        let better = |cand: &(usize, Hit, usize, bool), cur: &Option<(usize, Hit, usize, bool)>| {
            let Some(cur) = cur else { return true };
            // Longest first; then the most salient place, the whole word
            // counting one level up (a whole-word reading that names a
            // town beats a stripped one that names a city: بامبا is Bamba,
            // not ب + Amba); then exact over loose; then less stripped.
            let rank = |c: &(usize, Hit, usize, bool)| {
                let level =
                    t.best_salience(&c.1) as usize + usize::from(vars[c.2].prefix_chars == 0);
                (c.0, level, !c.3, usize::MAX - vars[c.2].prefix_chars)
            };
            rank(cand) > rank(cur)
        };
        for (vi, v) in vars.iter().enumerate() {
            let Some(first_hit) = t.names.get(&v.key) else {
                continue;
            };
            if first_hit.head && country_words.last() != Some(&i) {
                country_words.push(i);
            }
            if let Some((last, postings)) = extend_from(
                &t.names,
                doc,
                i,
                &v.key,
                first_hit,
                &mut ext_buf,
                &exact_key,
            ) {
                let cand = (last, postings, vi, false);
                if better(&cand, &best) {
                    best = Some(cand);
                }
            }
        }
        // Loose readings only when no exact one matched, only for the whole
        // word and the text layer's stem, and only for words of five
        // letters or more that do not end like a plural verb (قتلوا،
        // سرقوا).
        if best.is_none() && w.arabic {
            for (vi, v) in vars.iter().enumerate() {
                let candidate =
                    (v.prefix_chars == 0 && w.stem.len() == w.key.len()) || *v.key == *w.stem;
                if !candidate || v.key.len() < 10 || v.key.ends_with("وا") {
                    continue;
                }
                // Most long words begin no loose key: a hash of their loose
                // form, taken while reading them, says so before the form is
                // written and looked up.
                if !t.loose_first.may_hold(keys::loose_word_hash(&v.key)) {
                    continue;
                }
                loose_buf.clear();
                keys::loose_word(&v.key, &mut loose_buf);
                if let Some((last, postings)) =
                    extend(&t.loose, doc, i, &loose_buf, &mut ext_buf, &loose_key)
                {
                    let cand = (last, postings, vi, true);
                    if better(&cand, &best) {
                        best = Some(cand);
                    }
                }
            }
        }
        let Some((last, postings, vi, loose)) = best else {
            i += 1;
            continue;
        };
        let v = &vars[vi];
        // A one-word exact match: the hit is the index node of the key,
        // which knows whether the key is a cue or a function word (see
        // `Tables::stop_nodes`), so the word lists need not be asked.
        let node = (last == i && !loose).then_some(postings.node);
        // A cue word (شرقي، قرب، منطقة) is never a one-word place name.
        let is_cue = || match node {
            Some(n) => t.cue_nodes.contains(n),
            None => {
                let bare = keys::strip_article(&v.key).unwrap_or(&v.key);
                t.cues.contains_key(&v.key) || t.cues.contains_key(bare)
            }
        };
        if last == i && is_cue() {
            i += 1;
            continue;
        }
        let stop_reading = last == i
            && if v.prefix_chars > 0 {
                t.is_stop(&w.key)
            } else {
                vars.iter().skip(1).any(|o| t.is_stop(&o.key))
            };
        // A common word (الأمن، بيان، تحت) can only be a place right after
        // a cue phrase: without one, drop it here rather than resolve it.
        // A Latin one also after a capitalised type noun: "the Sahel
        // Region", "Centre-Nord Province" (lower-case, "the Sahel region"
        // is as often the whole belt).
        let type_after = !w.arabic
            && doc.joined(i)
            && doc
                .words
                .get(i + 1)
                .is_some_and(|n| n.cap && !n.arabic && matches!(n.cue, Some(CueKind::Type(_))));
        // Asked once here for a one-word name, and kept for the resolver.
        let key_stop = (last == i && !stop_reading).then(|| match node {
            Some(n) => t.stop_nodes.contains(n),
            None => t.is_stop(&v.key),
        });
        if last == i
            && (stop_reading || key_stop == Some(true))
            && !(i > 0 && doc.joined(i - 1) && t.cue_tail_last(&doc.words[..i]))
            && !type_after
        {
            i += 1;
            continue;
        }
        let raw = &doc.text[w.span.start..w.span.end];
        let start = offset_after_key_chars(raw, w.span.start, v.prefix_chars);
        // The exact key of the text (also for a loose match: the stop-word
        // check reads it).
        let len = v.key.len()
            + doc.words[i + 1..=last]
                .iter()
                .map(|w| 1 + w.key.len())
                .sum::<usize>();
        let mut key = String::with_capacity(len);
        key.push_str(&v.key);
        for w in &doc.words[i + 1..=last] {
            key.push(' ');
            key.push_str(&w.key);
        }
        // Words inside a longer name may still begin a country name.
        country_words.extend(i + 1..=last);
        out.push(RawMention {
            first: i,
            last,
            span: Span::new(start, doc.words[last].span.end),
            key,
            postings: postings
                .postings()
                .map(|p| Posting {
                    entry: p.entry,
                    flags: p.flags | if loose { LOOSE } else { 0 },
                })
                .collect(),
            prep_clitic: v.prep,
            conj_clitic: v.conj,
            loose,
            // "al-Jawf", "ad-Dali": a lower-case article before a capital.
            first_word_cap: w.cap
                || (last > i
                    && (keys::LATIN_ARTICLES.contains(&&*w.key) || matches!(&*w.key, "l" | "d"))
                    && doc.words[i + 1].cap),
            stop_reading,
            key_stop,
        });
        i = last + 1;
    }
    (out, country_words)
}

/// What the words before a mention say.
#[derive(Debug, Clone, PartialEq)]
pub struct Cue {
    pub strength: Strength,
    pub hint: Option<TypeHint>,
    pub relation: Relation,
    pub relation_span: Option<Span>,
    /// Where the cue words begin (for list continuation).
    pub start_word: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Strength {
    None,
    /// A preposition: "في X", "بX", "in X".
    Weak,
    /// A type noun, a word of nearness, a distance or a direction.
    Strong,
}

impl Doc<'_> {
    /// The cue phrase (of `cues.tsv`) that ends just before word `p`, if
    /// any: its first word and kind. The words must be adjacent and in one
    /// sentence; the longest phrase wins.
    #[inline]
    pub fn cue_before(&self, t: &Tables, p: usize) -> Option<(usize, CueKind)> {
        // Most words end no cue phrase: the flag of the word before says
        // so, here, inline; the rest is out of line.
        if !self.after_tail(p) {
            return None;
        }
        self.cue_before_tail(t, p)
    }

    /// [`Doc::cue_before`] after a word that may end a cue phrase.
    #[inline(never)]
    fn cue_before_tail(&self, t: &Tables, p: usize) -> Option<(usize, CueKind)> {
        // The reader asks about the same positions several times.
        if let Some(&Some(known)) = self.cue_memo.borrow().get(p) {
            return known;
        }
        let found = self.find_cue_before(t, p);
        if let Some(slot) = self.cue_memo.borrow_mut().get_mut(p) {
            *slot = Some(found);
        }
        found
    }

    /// Whether word `p` follows, adjacent, a word that may end a cue
    /// phrase: false for most words, which then have no cue before them.
    #[inline]
    pub fn after_tail(&self, p: usize) -> bool {
        p > 0 && self.joined(p - 1) && self.words[p - 1].tail
    }

    fn find_cue_before(&self, t: &Tables, p: usize) -> Option<(usize, CueKind)> {
        let max = t.cue_max_words.min(p);
        let mut key = self.cue_key.borrow_mut();
        for len in (2..=max).rev() {
            let a = p - len;
            // Most words begin no phrase of several words.
            if !t.cue_heads.contains(self.words[a].stem) {
                continue;
            }
            if (a..p - 1).any(|k| !self.joined(k)) {
                continue;
            }
            key.clear();
            for (k, w) in self.words[a..p].iter().enumerate() {
                if k > 0 {
                    key.push(' ');
                }
                key.push_str(w.stem);
            }
            if let Some(kind) = t.cues.get(key.as_str()) {
                return Some((a, *kind));
            }
        }
        self.words[p - 1].cue.map(|k| (p - 1, k))
    }

    fn word_has_article(&self, k: usize) -> bool {
        let w = &self.words[k];
        w.arabic
            && w.key.len() > w.stem.len()
            && w.key[..w.key.len() - w.stem.len()].ends_with("ال")
    }

    /// Reads the cue words around the mention at words `first..=last`.
    pub fn cue_around(&self, t: &Tables, first: usize, last: usize, prep_clitic: bool) -> Cue {
        let mut cue = self.cue(t, first, prep_clitic);
        // English and French also put the type noun after the name: "the
        // Tarmiyah district", "Lac province".
        if cue.hint.is_none() && !self.words[first].arabic && self.joined(last) {
            if let Some(next) = self.words.get(last + 1) {
                if let Some(CueKind::Type(h)) = next.cue {
                    cue.hint = Some(h);
                    cue.strength = Strength::Strong;
                }
            }
        }
        cue
    }

    /// Reads the cue words before the mention that starts at word `first`.
    pub fn cue(&self, t: &Tables, first: usize, prep_clitic: bool) -> Cue {
        let mut cue = Cue {
            strength: if prep_clitic {
                Strength::Weak
            } else {
                Strength::None
            },
            hint: None,
            relation: Relation::At,
            relation_span: None,
            start_word: first,
        };
        let mut p = first;
        // "in the Hamrin mountains", "à la ville de": an article between
        // the cue and the name belongs to neither.
        let is_article = |k: usize| {
            let w = &self.words[k];
            !w.arabic && matches!(&*w.key, "the" | "la" | "le" | "les" | "l")
        };
        while p > 0 && self.joined(p - 1) && is_article(p - 1) {
            p -= 1;
        }
        // The phrase before a position is asked up to five times below,
        // nearly always of the same one or two positions: the last two
        // answers are kept here, in front of the document's memo (which
        // costs a call and a borrow each time).
        let mut recent: [Option<(usize, CueAt)>; 2] = [None, None];
        let mut before_at = |k: usize| -> CueAt {
            if let Some((_, r)) = recent.iter().flatten().find(|(rk, _)| *rk == k) {
                return *r;
            }
            let r = self.cue_before(t, k);
            recent = [Some((k, r)), recent[0]];
            r
        };
        // A type noun: "مدينة X", "the town of X", "la ville de X".
        let mut q = p;
        if let Some((a, CueKind::Link)) = before_at(p) {
            if !self.words[a].arabic {
                q = a;
            }
        }
        if let Some((a, CueKind::Type(h))) = before_at(q) {
            // "المدينة X" is "the city, X" or an adjective: not a type noun.
            let linked_arabic = q != p && self.words[a].arabic;
            if !(self.word_has_article(a) || linked_arabic) {
                cue.hint = Some(h);
                cue.strength = Strength::Strong;
                p = a;
                cue.start_word = a;
            }
        }
        // A relation before that.
        let rel_end = p;
        let mut q = p;
        let mut linked = false;
        if let Some((a, CueKind::Link)) = before_at(p) {
            q = a;
            linked = true;
        }
        // French "à l'est de", English "to the north of".
        let skip_articles = |mut k: usize| {
            while k > 0
                && self.joined(k - 1)
                && matches!(
                    &*self.words[k - 1].key,
                    "l" | "la" | "le" | "the" | "au" | "a" | "à"
                )
                && !self.words[k - 1].arabic
            {
                k -= 1;
            }
            k
        };
        let dir = before_at(q).and_then(|(a, k)| match k {
            CueKind::Dir(d) => Some((a, d)),
            _ => None,
        });
        let dir = dir.filter(|&(a, _)| {
            let w = &self.words[a];
            w.arabic
                || linked
                || w.key.ends_with("ern")
                || w.key == "central"
                || self.words[a..q].iter().any(|w| w.key.ends_with("ern"))
        });
        if let Some((a, d)) = dir {
            let mut start = a;
            let mut km = None;
            let before = skip_articles(a);
            if let Some((u, CueKind::Unit)) = before_at(before) {
                if let Some(n) = self.number_before(u) {
                    km = Some(n.1 * unit_factor(self.words[u].stem));
                    start = self.intro_before(t, n.0);
                }
            }
            cue.relation = if km.is_some() {
                Relation::Distance {
                    km,
                    direction: Some(d.to_string()),
                }
            } else {
                Relation::Direction(d.to_string())
            };
            cue.relation_span = Some(self.span_of(start, rel_end));
            cue.strength = Strength::Strong;
            cue.start_word = start;
            return cue;
        }
        if linked {
            if let Some((u, CueKind::Unit)) = before_at(q) {
                if let Some((n_at, n)) = self.number_before(u) {
                    let start = self.intro_before(t, n_at);
                    cue.relation = Relation::Distance {
                        km: Some(n * unit_factor(self.words[u].stem)),
                        direction: None,
                    };
                    cue.relation_span = Some(self.span_of(start, rel_end));
                    cue.strength = Strength::Strong;
                    cue.start_word = start;
                    return cue;
                }
            }
        }
        match before_at(p) {
            Some((a, CueKind::Near)) => {
                cue.relation = Relation::Near;
                cue.relation_span = Some(self.span_of(a, rel_end));
                cue.strength = Strength::Strong;
                cue.start_word = a;
            }
            Some((a, CueKind::Prep)) => {
                cue.strength = cue.strength.max(Strength::Weak);
                cue.start_word = cue.start_word.min(a);
            }
            _ => {}
        }
        cue
    }

    /// The number just before word `u` (adjacent), with its value: digits
    /// or a number word of `cues.tsv` ("vingtaine", "twenty", "عشرين").
    fn number_before(&self, u: usize) -> Option<(usize, f64)> {
        if u == 0 || !self.joined(u - 1) {
            return None;
        }
        let w = &self.words[u - 1];
        if let Some(CueKind::Num(v)) = w.cue {
            // "une vingtaine de kilomètres": skip the link before the unit.
            return Some((u - 1, v as f64));
        }
        if !w.number {
            // "vingtaine de kilomètres": the number word, then a link.
            if let (Some(CueKind::Link), true) = (w.cue, u >= 2) {
                if let Some(CueKind::Num(v)) = self.words[u - 2].cue {
                    if self.joined(u - 2) {
                        return Some((u - 2, v as f64));
                    }
                }
            }
            return None;
        }
        let digits: String = w.key.chars().filter(|c| *c != ',').collect();
        digits.parse::<f64>().ok().map(|v| (u - 1, v))
    }

    /// Moves `k` back over an opening phrase ("على بعد", "about").
    fn intro_before(&self, t: &Tables, k: usize) -> usize {
        match self.cue_before(t, k) {
            Some((a, CueKind::Intro)) => a,
            _ => k,
        }
    }

    /// The span from the start of word `a` to the end of word `b - 1`.
    pub fn span_of(&self, a: usize, b: usize) -> Span {
        let b = b.max(a + 1);
        Span::new(self.words[a].span.start, self.words[b - 1].span.end)
    }
}

fn unit_factor(stem: &str) -> f64 {
    match stem {
        "ميل" | "اميال" | "miles" | "mi" => 1.609,
        _ => 1.0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys_of(word: &str) -> Vec<(String, usize)> {
        let mut v = Vec::new();
        variants(word, true, false, &mut v);
        v.into_iter()
            .map(|v| (v.key.into_owned(), v.prefix_chars))
            .collect()
    }

    #[test]
    fn proclitic_readings() {
        let k = keys_of("وبجاو");
        assert!(k.contains(&("بجاو".into(), 1)));
        assert!(k.contains(&("جاو".into(), 2)));
        let k = keys_of("للرقه");
        assert!(k.contains(&("الرقه".into(), 2)));
        let k = keys_of("والرقه");
        assert!(k.contains(&("الرقه".into(), 1)));
        let k = keys_of("بالرقه");
        assert!(k.contains(&("الرقه".into(), 1)));
        assert_eq!(keys_of("بي"), vec![("بي".to_string(), 0)]);
    }

    #[test]
    fn the_answers_of_the_nodes_are_those_of_the_word_lists() {
        let t = &crate::Gazetteer::global().t;
        let (mut stops, mut cues) = (0, 0);
        for key in t.names.keys() {
            let node = t.names.get(key).expect("a key of the index").node;
            let bare = keys::strip_article(key).unwrap_or(key);
            let cue = t.cues.contains_key(key) || t.cues.contains_key(bare);
            assert_eq!(t.cue_nodes.contains(node), cue, "{key}");
            assert_eq!(t.stop_nodes.contains(node), t.is_stop(key), "{key}");
            stops += usize::from(t.is_stop(key));
            cues += usize::from(cue);
        }
        // Both kinds are there, with and without the article.
        assert!(stops > 100 && cues > 10, "{stops} {cues}");
        for key in ["في", "الجيش", "الخميس"] {
            let node = t.names.get(key).expect("a key of the index").node;
            assert!(t.stop_nodes.contains(node), "{key}");
        }
    }

    #[test]
    fn the_byte_tests_read_letters_as_the_char_tests() {
        for s in [
            "", "a", "ab", "و", "وا", "ول", "é", "éa", "😀", "😀a", "جاو", "ﻻ", "ﻻا",
        ] {
            assert_eq!(two_chars(s), s.chars().nth(1).is_some(), "{s:?}");
            for (letter, c) in [(WAW, 'و'), (FA, 'ف'), (BA, 'ب'), (LAM, 'ل')] {
                assert_eq!(strip_letter(s, letter), s.strip_prefix(c), "{s:?} {c}");
            }
        }
        let k = keys_of("وللرقه");
        assert!(k.contains(&("الرقه".into(), 3)));
        assert!(k.contains(&("للرقه".into(), 1)));
        assert_eq!(keys_of("فل"), vec![("فل".to_string(), 0)]);
    }

    #[test]
    fn offsets_skip_marks() {
        let raw = "وَبِجاو";
        let at = offset_after_key_chars(raw, 10, 2);
        assert_eq!(&raw[at - 10..], "جاو");
        assert_eq!(offset_after_key_chars("جاو", 0, 0), 0);
    }
}
