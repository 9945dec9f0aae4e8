//! Dictionaries as data: TSV rows compiled into a phrase matcher over tokens.
//!
//! Every word list of the coder (event words, actor aliases, cue words,
//! victim nouns) is a TSV file with a header comment, embedded with
//! `include_str!` and compiled once. A phrase is matched on the *match keys*
//! of the text layer ([`rasd_text::match_key`]), word by word, so spelling
//! variants (أ/ا، ة/ه، ى/ي), diacritics, tatweel and proclitics (و ف ب ل
//! ال) never need their own rows. A trailing `*` on the last word of a
//! phrase matches any ending, which covers Arabic verb conjugations and
//! plural suffixes (`هاجم*` = هاجموا، هاجمت).
//!
//! Matching is a hash lookup per word (plus one per prefix length for the
//! `*` rows), then a check of the following words: linear in the text and
//! independent of the dictionary size.

use std::collections::HashMap;

use rasd_model::Span;
use rasd_text::{Analysis, TokenKind};

/// A malformed dictionary row.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{file}:{line}: {reason}")]
pub struct RowError {
    pub file: &'static str,
    pub line: usize,
    pub reason: String,
}

/// The data rows of a TSV dictionary: `(line number, fields)`, comments and
/// blank lines skipped.
pub fn rows(text: &str) -> impl Iterator<Item = (usize, Vec<&str>)> {
    text.lines().enumerate().filter_map(|(i, line)| {
        let l = line.trim_end_matches('\r');
        if l.trim().is_empty() || l.trim_start().starts_with('#') {
            None
        } else {
            Some((i + 1, l.split('\t').map(str::trim).collect()))
        }
    })
}

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
enum Pat {
    /// A whole word, with its [`word_hash`].
    Exact(String, u64),
    Prefix(String),
}

impl Pat {
    fn matches(&self, stem: &str, key: &str) -> bool {
        match self {
            Pat::Exact(p, _) => p == stem || p == key || strip_conjunction(key) == Some(p.as_str()),
            Pat::Prefix(p) => {
                stem.starts_with(p.as_str())
                    || key.starts_with(p.as_str())
                    || strip_conjunction(key).is_some_and(|b| b.starts_with(p.as_str()))
            }
        }
    }
}

/// A short word after the conjunction و or ف ("ولم", "فلا", "وقد"): the
/// text layer keeps such words whole (its stems need three letters), so
/// the matcher also tries them without the conjunction.
fn strip_conjunction(key: &str) -> Option<&str> {
    let rest = key.strip_prefix('و').or_else(|| key.strip_prefix('ف'))?;
    // Two characters or more.
    rest.chars().nth(1).is_some().then_some(rest)
}

/// The words of a text that phrases are matched on, with the knowledge of
/// which neighbours may belong to one phrase (not across a comma, a full
/// stop or a line break; quotes and brackets are transparent).
#[derive(Debug, Clone)]
pub struct Words {
    /// Token indices (into `Analysis::tokens`) of word and number tokens.
    pub tok: Vec<usize>,
    /// `joined[i]`: words `i` and `i + 1` may belong to one phrase.
    pub joined: Vec<bool>,
    /// Words read for dictionaries not known in advance
    /// ([`FirstWords::all`]): the look-ups of each word, computed once per
    /// document: word `i` owns `probes[pstart[i]..pstart[i + 1]]`. Most
    /// words have none.
    probes: Vec<Probe>,
    pstart: Vec<u32>,
    /// The words that have a look-up at all, in order: each dictionary
    /// visits these instead of every word of the text.
    probed: Vec<u32>,
    /// Words read for known dictionaries ([`FirstWords::add`]): the
    /// [`PhraseMatcher::id`] of each, by its slot.
    dict_ids: Vec<u32>,
    /// For each slot, the words some row of that dictionary may start at,
    /// in order: `(word, a, b)`, the rows being `rows[a..b]` (sorted, no
    /// repeats). Every word's look-ups are made once, in the index of all
    /// the dictionaries together, instead of once per dictionary.
    starts: Vec<Vec<(u32, u32, u32)>>,
    rows: Vec<u32>,
    /// The [`word_hash`] of each word's stem, key and key without a
    /// conjunction (a missing one repeats the stem's): a whole-word
    /// pattern whose hash is none of them does not match the word, and
    /// the rows of a dictionary that begin alike but go on differently
    /// are told apart without comparing strings.
    hashes: Vec<[u64; 3]>,
}

/// One look-up of a word: the hash ([`word_hash`]) of its stem, its key or its
/// key without a conjunction (`chars == 0`), or of the first `chars`
/// characters of its stem or key, for the open-ended rows.
#[derive(Debug, Clone, Copy)]
struct Probe {
    hash: u64,
    chars: u8,
}

/// Longest open-ended row stem looked up, in characters.
const MAX_PREFIX: usize = 12;

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const FNV_PRIME: u64 = 0x0100_0000_01b3;

/// The hash of a dictionary word and of a text word: FNV-1a over its
/// characters, each character's UTF-8 bytes taken together as one number.
/// Every word of a text is hashed, and this takes half the dependent
/// multiplications of byte-wise FNV on Arabic, whose letters are two bytes.
pub fn word_hash(s: &str) -> u64 {
    hash_with_prefixes(s, 0, |_, _| {})
}

/// [`word_hash`] of `s`; on the way, `prefix(n, hash)` for each prefix of
/// `s` whose length in characters has its bit set in `lens`.
fn hash_with_prefixes(s: &str, lens: u64, prefix: impl FnMut(u8, u64)) -> u64 {
    let mut h = Fnv::new(lens);
    h.run(s.as_bytes(), prefix);
    h.hash
}

/// The next character of `bytes` (valid UTF-8) from byte `*i`, its bytes
/// taken together as one number, as [`word_hash`] reads them.
#[inline(always)]
fn next_char(bytes: &[u8], i: &mut usize) -> u64 {
    let b = bytes[*i];
    if b < 0x80 {
        *i += 1;
        u64::from(b)
    } else if b < 0xE0 {
        // A two-byte character (Arabic letters), read at once: in valid
        // UTF-8 a first byte below 0xE0 is followed by one more.
        let c = u64::from(b) << 8 | u64::from(bytes.get(*i + 1).copied().unwrap_or(0));
        *i += 2;
        c
    } else {
        let mut c = u64::from(b);
        *i += 1;
        while *i < bytes.len() && bytes[*i] & 0xC0 == 0x80 {
            c = c << 8 | u64::from(bytes[*i]);
            *i += 1;
        }
        c
    }
}

/// A running [`word_hash`], with the prefix lengths still to offer.
#[derive(Clone, Copy)]
struct Fnv {
    hash: u64,
    chars: u32,
    /// Bit 0: the prefix ending at the next character is offered (the
    /// lengths asked for, shifted once a character).
    lens: u64,
}

impl Fnv {
    fn new(lens: u64) -> Fnv {
        Fnv {
            hash: FNV_OFFSET,
            chars: 0,
            lens: lens >> 1,
        }
    }

    #[inline(always)]
    fn push(&mut self, c: u64, prefix: &mut impl FnMut(u8, u64)) {
        self.hash = (self.hash ^ c).wrapping_mul(FNV_PRIME);
        self.chars += 1;
        if self.lens & 1 != 0 {
            prefix(self.chars as u8, self.hash);
        }
        self.lens >>= 1;
    }

    /// Reads all of `bytes`.
    #[inline(always)]
    fn run(&mut self, bytes: &[u8], mut prefix: impl FnMut(u8, u64)) {
        let mut i = 0;
        while i < bytes.len() {
            let c = next_char(bytes, &mut i);
            self.push(c, &mut prefix);
        }
    }
}

/// The [`word_hash`] of a token's stem, key and key without a conjunction
/// (a missing one repeats the stem's), each also offered to `add` as a
/// whole-word look-up (`chars == 0`), with the prefixes of the stem and
/// key whose lengths are in `lens` offered on the way.
#[inline]
fn token_hashes(t: &rasd_text::Token, lens: u64, mut add: impl FnMut(u8, u64)) -> [u64; 3] {
    let t_stem = t.stem();
    let key = t.key.as_bytes();
    // The stem is the key less its proclitics (a suffix of it): the two are
    // equal exactly when their lengths are.
    let k = key.len() - t_stem.len();
    let mut stem = Fnv::new(lens);
    let mut h = if k == 0 {
        stem.run(key, &mut add);
        add(0, stem.hash);
        [stem.hash; 3]
    } else {
        // Key and stem in one pass over the key (the stem's characters are
        // decoded once for both): every word is hashed, and a third of
        // them carry a proclitic.
        let mut whole = Fnv::new(lens);
        let mut i = 0;
        while i < k {
            let c = next_char(key, &mut i);
            whole.push(c, &mut add);
        }
        while i < key.len() {
            let c = next_char(key, &mut i);
            whole.push(c, &mut add);
            stem.push(c, &mut add);
        }
        add(0, stem.hash);
        add(0, whole.hash);
        [stem.hash, whole.hash, stem.hash]
    };
    // (Of the stem's length, the key without its conjunction is the stem.)
    if let Some(bare) = strip_conjunction(&t.key).filter(|b| b.len() != t_stem.len()) {
        let bare = word_hash(bare);
        add(0, bare);
        h[2] = bare;
    }
    h
}

/// What the first words of a set of dictionaries can be: a filter of their
/// hashes and the lengths of their open-ended stems. [`Words`] keeps only
/// the look-ups that pass it, so each dictionary of the set then visits a
/// few words of a document instead of every word.
#[derive(Debug, Clone)]
pub struct FirstWords {
    /// 2^16 bits, as [`PhraseMatcher::filter`].
    filter: Vec<u64>,
    /// Bit `n`: some open-ended first word has `n` characters.
    prefix_lens: u64,
    /// The dictionaries added, by slot: their [`PhraseMatcher::id`] and
    /// open-ended first-word lengths. Empty for [`FirstWords::all`].
    dicts: Vec<(u32, u64)>,
    /// The rows of every dictionary added, `slot << 32 | row`, by the
    /// hash of their first word: whole-word rows and open-ended ones apart,
    /// as in each [`PhraseMatcher`]. Each list is in order. Rows whose
    /// second word is a whole word are in `exact2` and `prefix2` instead,
    /// by the [`pair_key`] of their first two words: a common first word
    /// ("قوات", "the") starts dozens of rows, of which the next word
    /// leaves one or none, and those are all a word's candidates.
    exact: HashedMap<Vec<u64>>,
    prefix: HashedMap<Vec<u64>>,
    exact2: HashedMap<Vec<u64>>,
    prefix2: HashedMap<Vec<u64>>,
    /// 2^16 bits of the pair keys of `exact2` and `prefix2`.
    pair_filter: Vec<u64>,
    /// 2^16 bits of the first-word hashes of the whole-word rows and of
    /// the open-ended ones, apart: a look-up of either kind is tested
    /// against its own kind only (fewer false hits than `filter`).
    exact_filter: Vec<u64>,
    prefix_filter: Vec<u64>,
    /// 2^16 bits of the first-word hashes of the rows in `exact` or
    /// `prefix` (alone) and of those in `exact2` or `prefix2` (with their
    /// second word): a look-up skips the map that cannot answer it.
    single_filter: Vec<u64>,
    pair_first_filter: Vec<u64>,
}

impl FirstWords {
    /// Lets every look-up through (for dictionaries not known in advance).
    pub fn all() -> FirstWords {
        FirstWords::open_endings(u64::MAX >> (63 - MAX_PREFIX))
    }

    /// Lets every whole-word look-up through, and the prefixes of the
    /// lengths in `lens`.
    fn open_endings(lens: u64) -> FirstWords {
        FirstWords {
            filter: vec![u64::MAX; FILTER_WORDS],
            prefix_lens: lens,
            dicts: Vec::new(),
            exact: HashedMap::default(),
            prefix: HashedMap::default(),
            exact2: HashedMap::default(),
            prefix2: HashedMap::default(),
            pair_filter: vec![0; FILTER_WORDS],
            exact_filter: vec![0; FILTER_WORDS],
            prefix_filter: vec![0; FILTER_WORDS],
            single_filter: vec![0; FILTER_WORDS],
            pair_first_filter: vec![0; FILTER_WORDS],
        }
    }

    /// Nothing yet: add the dictionaries with [`FirstWords::add`].
    pub fn none() -> FirstWords {
        FirstWords {
            filter: vec![0; FILTER_WORDS],
            prefix_lens: 0,
            dicts: Vec::new(),
            exact: HashedMap::default(),
            prefix: HashedMap::default(),
            exact2: HashedMap::default(),
            prefix2: HashedMap::default(),
            pair_filter: vec![0; FILTER_WORDS],
            exact_filter: vec![0; FILTER_WORDS],
            prefix_filter: vec![0; FILTER_WORDS],
            single_filter: vec![0; FILTER_WORDS],
            pair_first_filter: vec![0; FILTER_WORDS],
        }
    }

    /// Adds the first words of a dictionary (complete: rows inserted
    /// later are not seen).
    pub fn add<T>(&mut self, m: &PhraseMatcher<T>) {
        for (a, b) in self.filter.iter_mut().zip(&m.filter) {
            *a |= b;
        }
        self.prefix_lens |= m.prefix_lens;
        let slot = self.dicts.len() as u64;
        self.dicts.push((m.id, m.prefix_lens));
        for (one, two, kind_filter, theirs) in [
            (
                &mut self.exact,
                &mut self.exact2,
                &mut self.exact_filter,
                &m.exact,
            ),
            (
                &mut self.prefix,
                &mut self.prefix2,
                &mut self.prefix_filter,
                &m.prefix,
            ),
        ] {
            for (&h, rows) in theirs {
                let (i, bit) = filter_bit(h);
                kind_filter[i] |= bit;
                for &r in rows {
                    let sr = slot << 32 | u64::from(r);
                    match m.second[r as usize] {
                        None => {
                            self.single_filter[i] |= bit;
                            one.entry(h).or_default().push(sr);
                        }
                        Some(h2) => {
                            self.pair_first_filter[i] |= bit;
                            let pk = pair_key(h, h2);
                            let (i, bit) = filter_bit(pk);
                            self.pair_filter[i] |= bit;
                            two.entry(pk).or_default().push(sr);
                        }
                    }
                }
            }
        }
    }

    fn may_hold(&self, h: u64) -> bool {
        let (i, bit) = filter_bit(h);
        self.filter[i] & bit != 0
    }
}

impl Words {
    /// The words of a text, ready for any dictionary.
    pub fn new(text: &str, analysis: &Analysis) -> Words {
        Words::for_dictionaries(text, analysis, &FirstWords::all())
    }

    /// The words of a text for dictionaries whose open-ended rows start
    /// with stems of the lengths in `lens` ([`PhraseMatcher::prefix_lengths`]
    /// of each, or-ed together).
    pub fn for_prefixes(text: &str, analysis: &Analysis, lens: u64) -> Words {
        Words::for_dictionaries(text, analysis, &FirstWords::open_endings(lens))
    }

    /// The words of a text for the dictionaries of `first` (only they may
    /// then be matched on it).
    pub fn for_dictionaries(text: &str, analysis: &Analysis, first: &FirstWords) -> Words {
        let mut tok = Vec::with_capacity(analysis.tokens.len() / 2);
        let mut joined = Vec::with_capacity(analysis.tokens.len() / 2);
        let mut gap_ok = true;
        // The previous word was one Latin letter: a dot after it belongs
        // to an abbreviation ("U.S. military", "U.N. mission").
        let mut initial = false;
        // Tokens read as bytes (no character-boundary checks on every
        // slice): only a punctuation token's character is decoded.
        let bytes = text.as_bytes();
        for (i, t) in analysis.tokens.iter().enumerate() {
            let raw = &bytes[t.span.start..t.span.end];
            match t.kind {
                TokenKind::Word | TokenKind::Number => {
                    if !tok.is_empty() {
                        joined.push(gap_ok);
                    }
                    tok.push(i);
                    gap_ok = true;
                    initial = raw.len() == 1 && raw[0].is_ascii_alphabetic();
                }
                TokenKind::Space => {
                    // A byte loop: space tokens are a byte or two, too short
                    // for memchr (which `contains` calls, measured slower).
                    #[allow(clippy::manual_contains)]
                    let newline = raw.iter().any(|&b| b == b'\n');
                    if newline {
                        gap_ok = false;
                    }
                }
                // A punctuation token is one character.
                TokenKind::Punct => match text[t.span.start..t.span.end].chars().next() {
                    Some('.') if initial => {}
                    Some(
                        '«' | '»' | '"' | '\'' | '“' | '”' | '‘' | '’' | '(' | ')' | '-' | '–'
                        | 'ـ' | '/',
                    ) => {}
                    _ => gap_ok = false,
                },
            }
        }
        joined.push(false);
        if !first.dicts.is_empty() {
            return Words::for_known(analysis, first, tok, joined);
        }
        let lens = first.prefix_lens;
        let mut probes = Vec::with_capacity(tok.len());
        let mut pstart = Vec::with_capacity(tok.len() + 1);
        let mut hashes = Vec::with_capacity(tok.len());
        let mut probed = Vec::with_capacity(tok.len());
        for (w, &i) in tok.iter().enumerate() {
            let t = &analysis.tokens[i];
            let before = probes.len();
            pstart.push(before as u32);
            let mut add = |chars: u8, hash: u64| {
                if first.may_hold(hash) {
                    probes.push(Probe { hash, chars });
                }
            };
            hashes.push(token_hashes(t, lens, &mut add));
            if probes.len() > before {
                probed.push(w as u32);
            }
        }
        pstart.push(probes.len() as u32);
        Words {
            tok,
            joined,
            probes,
            pstart,
            probed,
            dict_ids: Vec::new(),
            starts: Vec::new(),
            rows: Vec::new(),
            hashes,
        }
    }

    /// [`Words::for_dictionaries`] for known dictionaries: each look-up
    /// that passes the filter goes to the index of all of them at once,
    /// and each dictionary then visits only the words with rows of its own.
    fn for_known(
        analysis: &Analysis,
        first: &FirstWords,
        tok: Vec<usize>,
        joined: Vec<bool>,
    ) -> Words {
        let lens = first.prefix_lens;
        // First every word's hashes and look-ups (a row's second word is
        // looked up with its first: the next word's hashes are needed).
        let mut hashes: Vec<[u64; 3]> = Vec::with_capacity(tok.len());
        // The look-ups that pass the filter, `(word, chars, hash)`: most do
        // not, and that test stays inside the hashing loop.
        let mut pending: Vec<(u32, u8, u64)> = Vec::with_capacity(tok.len() * 2);
        for (w, &i) in tok.iter().enumerate() {
            let t = &analysis.tokens[i];
            let mut add = |chars: u8, hash: u64| {
                let kind_filter = if chars == 0 {
                    &first.exact_filter
                } else {
                    &first.prefix_filter
                };
                let (i, bit) = filter_bit(hash);
                if kind_filter[i] & bit != 0 {
                    pending.push((w as u32, chars, hash));
                }
            };
            hashes.push(token_hashes(t, lens, &mut add));
        }
        // Sized for a document's words: growing these element by element
        // cost more than the look-ups.
        let mut starts: Vec<Vec<(u32, u32, u32)>> = (0..first.dicts.len())
            .map(|_| Vec::with_capacity(tok.len() / 4 + 4))
            .collect();
        let mut rows: Vec<u32> = Vec::with_capacity(tok.len() * 2);
        // The candidates of one word, `slot << 32 | row` (one number: cheap
        // to compare and sort).
        let mut found: Vec<u64> = Vec::with_capacity(32);
        let mut k = 0;
        while k < pending.len() {
            let w = pending[k].0 as usize;
            let mut end = k + 1;
            while end < pending.len() && pending[end].0 as usize == w {
                end += 1;
            }
            // The next word's distinct hashes, when a phrase may go on.
            let mut next = [0u64; 3];
            let mut n_next = 0;
            if w + 1 < hashes.len() && joined[w] {
                for h2 in hashes[w + 1] {
                    if !next[..n_next].contains(&h2) {
                        next[n_next] = h2;
                        n_next += 1;
                    }
                }
            }
            found.clear();
            for &(_, chars, hash) in &pending[k..end] {
                let (one, two) = if chars == 0 {
                    (&first.exact, &first.exact2)
                } else {
                    (&first.prefix, &first.prefix2)
                };
                // As in each dictionary: its open-ended rows of this length
                // only.
                let fits = |sr: &&u64| {
                    chars == 0 || first.dicts[(*sr >> 32) as usize].1 & (1 << chars) != 0
                };
                let (fi, bit) = filter_bit(hash);
                if first.single_filter[fi] & bit != 0 {
                    if let Some(v) = one.get(&hash) {
                        found.extend(v.iter().filter(fits));
                    }
                }
                if first.pair_first_filter[fi] & bit == 0 {
                    continue;
                }
                for &h2 in &next[..n_next] {
                    let pk = pair_key(hash, h2);
                    let (fi, bit) = filter_bit(pk);
                    if first.pair_filter[fi] & bit == 0 {
                        continue;
                    }
                    if let Some(v) = two.get(&pk) {
                        found.extend(v.iter().filter(fits));
                    }
                }
            }
            k = end;
            if found.is_empty() {
                continue;
            }
            found.sort_unstable();
            found.dedup();
            let base = rows.len();
            let mut a = 0;
            for j in 0..found.len() {
                rows.push(found[j] as u32);
                let slot = found[a] >> 32;
                if j + 1 == found.len() || found[j + 1] >> 32 != slot {
                    starts[slot as usize].push((
                        w as u32,
                        (base + a) as u32,
                        (base + j + 1) as u32,
                    ));
                    a = j + 1;
                }
            }
        }
        Words {
            tok,
            joined,
            probes: Vec::new(),
            pstart: Vec::new(),
            probed: Vec::new(),
            dict_ids: first.dicts.iter().map(|d| d.0).collect(),
            starts,
            rows,
            hashes,
        }
    }

    pub fn len(&self) -> usize {
        self.tok.len()
    }

    pub fn is_empty(&self) -> bool {
        self.tok.is_empty()
    }

    /// The [`word_hash`] of word `i`'s match key (with its clitics).
    pub fn key_hash(&self, i: usize) -> u64 {
        // (A key as long as the stem is the stem: both entries hold it.)
        self.hashes[i][1]
    }

    fn probes_of(&self, i: usize) -> &[Probe] {
        &self.probes[self.pstart[i] as usize..self.pstart[i + 1] as usize]
    }
}

/// One dictionary hit: words `start..end` (indices into [`Words::tok`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    pub start: usize,
    pub end: usize,
    pub span: Span,
    /// Index of the dictionary row.
    pub entry: usize,
    /// The row ends in a `*` (matched any ending): an exact row wins a tie.
    pub prefix: bool,
}

/// A compiled phrase dictionary whose rows carry values of type `T`.
#[derive(Debug)]
pub struct PhraseMatcher<T> {
    /// A number of its own, by which [`Words`] read for it
    /// ([`FirstWords::add`]) find the rows it may start at each word.
    id: u32,
    pats: Vec<Vec<Pat>>,
    /// Row → the hash of its second word when that is a whole word: most
    /// candidate rows fail there, and this says so before their patterns
    /// are read.
    second: Vec<Option<u64>>,
    /// Row → number of its first word pattern: rows that begin alike are
    /// checked against a word once, not once per row.
    firsts: Vec<u32>,
    first_ids: HashMap<Pat, u32>,
    values: Vec<T>,
    /// Rows by the hash of their first word.
    exact: HashedMap<Vec<u32>>,
    /// Open-ended rows by the hash of their first word's stem.
    prefix: HashedMap<Vec<u32>>,
    /// Bit `n`: some open-ended first word has `n` characters.
    prefix_lens: u64,
    /// A 2^16-bit filter of the first-word hashes of all rows: most words
    /// of a text start no row, and one bit test says so without a probe.
    filter: Vec<u64>,
}

/// The size of a first-word filter in 64-bit words (2^16 bits).
const FILTER_WORDS: usize = 1 << 10;

/// The key of a row's first two words in [`FirstWords`], from their
/// hashes: mixed, since maps and filters read its high bits.
fn pair_key(h1: u64, h2: u64) -> u64 {
    (h1 ^ h2.rotate_left(29)).wrapping_mul(0x9E37_79B9_7F4A_7C15)
}

/// The filter bit of a hash.
fn filter_bit(h: u64) -> (usize, u64) {
    let b = (h >> 48) as usize;
    (b >> 6, 1u64 << (b & 63))
}

impl<T> Default for PhraseMatcher<T> {
    fn default() -> Self {
        static NEXT_ID: std::sync::atomic::AtomicU32 = std::sync::atomic::AtomicU32::new(0);
        PhraseMatcher {
            id: NEXT_ID.fetch_add(1, std::sync::atomic::Ordering::Relaxed),
            pats: Vec::new(),
            second: Vec::new(),
            firsts: Vec::new(),
            first_ids: HashMap::new(),
            values: Vec::new(),
            exact: HashedMap::default(),
            prefix: HashedMap::default(),
            prefix_lens: 0,
            filter: vec![0; FILTER_WORDS],
        }
    }
}

impl<T> PhraseMatcher<T> {
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds a phrase; returns false when it has no words after folding.
    /// A word ending in `*` matches any ending of that word, wherever it
    /// stands in the phrase (`أغلق* قاعدة` = أغلقت قاعدة، أغلقوا قاعدة).
    pub fn insert(&mut self, phrase: &str, value: T) -> bool {
        let mut pats: Vec<Pat> = Vec::new();
        for raw in phrase.split_whitespace() {
            let (body, star) = match raw.strip_suffix('*') {
                Some(b) => (b, true),
                None => (raw, false),
            };
            let key = rasd_text::match_key(body);
            let words: Vec<&str> = key.split(' ').filter(|w| !w.is_empty()).collect();
            let n = words.len();
            for (i, w) in words.into_iter().enumerate() {
                pats.push(if star && i + 1 == n {
                    Pat::Prefix(w.to_string())
                } else {
                    Pat::Exact(w.to_string(), word_hash(w))
                });
            }
        }
        if pats.is_empty() {
            return false;
        }
        let id = self.values.len() as u32;
        let h = match &pats[0] {
            Pat::Exact(_, h) => {
                let h = *h;
                self.exact.entry(h).or_default().push(id);
                h
            }
            Pat::Prefix(w) => {
                let n = w.chars().count();
                if n == 0 || n > MAX_PREFIX {
                    return false;
                }
                self.prefix_lens |= 1 << n;
                let h = word_hash(w);
                self.prefix.entry(h).or_default().push(id);
                h
            }
        };
        let (i, bit) = filter_bit(h);
        self.filter[i] |= bit;
        let next = self.first_ids.len() as u32;
        let first = *self.first_ids.entry(pats[0].clone()).or_insert(next);
        self.firsts.push(first);
        self.second.push(match pats.get(1) {
            Some(Pat::Exact(_, h)) => Some(*h),
            _ => None,
        });
        self.pats.push(pats);
        self.values.push(value);
        true
    }

    /// Bit `n` is set when some open-ended row starts with a stem of `n`
    /// characters (for [`Words::for_prefixes`]).
    pub fn prefix_lengths(&self) -> u64 {
        self.prefix_lens
    }

    pub fn value(&self, entry: usize) -> &T {
        &self.values[entry]
    }

    pub fn len(&self) -> usize {
        self.values.len()
    }

    pub fn is_empty(&self) -> bool {
        self.values.is_empty()
    }

    /// Every hit in the text (overlapping hits included). `words` must
    /// have been read for this dictionary (see [`Words::for_dictionaries`]).
    pub fn find_all(&self, analysis: &Analysis, words: &Words) -> Vec<Hit> {
        // (first pattern, whether it matches word `i`)
        let mut firsts: Vec<(u32, bool)> = Vec::with_capacity(8);
        if let Some(slot) = words.dict_ids.iter().position(|&d| d == self.id) {
            // About a hit for each word with candidate rows.
            let mut out = Vec::with_capacity(words.starts[slot].len() + 4);
            for &(i, a, b) in &words.starts[slot] {
                let cands = &words.rows[a as usize..b as usize];
                self.hits_at(analysis, words, i as usize, cands, &mut firsts, &mut out);
            }
            return out;
        }
        let mut out = Vec::new();
        let mut cands: Vec<u32> = Vec::with_capacity(8);
        for &i in &words.probed {
            let i = i as usize;
            let probes = words.probes_of(i);
            cands.clear();
            for p in probes {
                let (fi, bit) = filter_bit(p.hash);
                if self.filter[fi] & bit == 0 {
                    continue;
                }
                let rows = if p.chars == 0 {
                    self.exact.get(&p.hash)
                } else if self.prefix_lens & (1 << p.chars) != 0 {
                    self.prefix.get(&p.hash)
                } else {
                    None
                };
                if let Some(v) = rows {
                    cands.extend_from_slice(v);
                }
            }
            if cands.is_empty() {
                continue;
            }
            cands.sort_unstable();
            cands.dedup();
            self.hits_at(analysis, words, i, &cands, &mut firsts, &mut out);
        }
        out
    }

    /// The hits of rows `cands` (sorted) that start at word `i`, onto `out`.
    fn hits_at(
        &self,
        analysis: &Analysis,
        words: &Words,
        i: usize,
        cands: &[u32],
        firsts: &mut Vec<(u32, bool)>,
        out: &mut Vec<Hit>,
    ) {
        firsts.clear();
        let first_tok = &analysis.tokens[words.tok[i]];
        for &id in cands {
            // The second word first: a flat look-up that most rows fail.
            if let Some(h) = self.second[id as usize] {
                if i + 1 >= words.len() || !words.joined[i] || !words.hashes[i + 1].contains(&h) {
                    continue;
                }
            }
            let pats = &self.pats[id as usize];
            let fid = self.firsts[id as usize];
            let first_ok = match firsts.iter().find(|f| f.0 == fid) {
                Some(&(_, ok)) => ok,
                None => {
                    let ok = pats[0].matches(first_tok.stem(), &first_tok.key);
                    firsts.push((fid, ok));
                    ok
                }
            };
            if !first_ok {
                continue;
            }
            let mut j = i;
            let mut ok = true;
            for p in &pats[1..] {
                if j + 1 >= words.len() || !words.joined[j] {
                    ok = false;
                    break;
                }
                j += 1;
                if let Pat::Exact(_, h) = p {
                    if !words.hashes[j].contains(h) {
                        ok = false;
                        break;
                    }
                }
                let tk = &analysis.tokens[words.tok[j]];
                if !p.matches(tk.stem(), &tk.key) {
                    ok = false;
                    break;
                }
            }
            if ok {
                let span = Span::new(
                    analysis.tokens[words.tok[i]].span.start,
                    analysis.tokens[words.tok[j]].span.end,
                );
                out.push(Hit {
                    start: i,
                    end: j + 1,
                    span,
                    entry: id as usize,
                    prefix: matches!(pats.last(), Some(Pat::Prefix(_))),
                });
            }
        }
    }

    /// Hits with overlaps removed: the longest hit wins, then the earliest.
    pub fn find(&self, analysis: &Analysis, words: &Words) -> Vec<Hit> {
        longest_first(self.find_all(analysis, words))
    }
}

/// Keeps the longest of overlapping hits (ties: an exact row, then the
/// earlier row). Linear in the hits: words already taken are marked.
pub fn longest_first(mut hits: Vec<Hit>) -> Vec<Hit> {
    // Nothing overlaps (most dictionaries find a few hits, apart): each
    // hit ends before the next begins, so the hits are already what the
    // pass below would return, in the order it would return them.
    if hits.windows(2).all(|w| w[0].end <= w[1].start) {
        return hits;
    }
    if let Some(kept) = longest_first_small(&hits) {
        let mut n = 0;
        for i in 0..hits.len() {
            if kept & (1 << i) != 0 {
                hits[n] = hits[i];
                n += 1;
            }
        }
        hits.truncate(n);
        return hits;
    }
    // (A row matches once at a word: the keys are unique, and an
    // unstable sort gives the one order.)
    hits.sort_unstable_by_key(|h| {
        (
            std::cmp::Reverse(h.end - h.start),
            h.prefix,
            h.start,
            h.entry,
        )
    });
    let lo = hits.iter().map(|h| h.start).min().unwrap_or(0);
    let hi = hits.iter().map(|h| h.end).max().unwrap_or(0);
    // The hits taken are kept in place. Words taken are bits of one
    // number when the hits lie within 128 words (short documents), a
    // vector otherwise.
    if hi - lo <= 128 {
        let mut used = 0u128;
        hits.retain(|h| {
            let n = h.end - h.start;
            let bits = (u128::MAX >> (128 - n)) << (h.start - lo);
            let free = used & bits == 0;
            if free {
                used |= bits;
            }
            free
        });
    } else {
        let mut used = vec![false; hi - lo];
        hits.retain(|h| {
            let slots = &mut used[h.start - lo..h.end - lo];
            let free = slots.iter().all(|u| !u);
            if free {
                slots.iter_mut().for_each(|u| *u = true);
            }
            free
        });
    }
    // (Hits taken do not overlap: their starts differ.)
    hits.sort_unstable_by_key(|h| h.start);
    hits
}

/// [`longest_first`] for the common case, as a mask of the hits kept: up
/// to 32 hits in order of their first word, within 128 words (`None`
/// otherwise). Each hit's order is packed into one number with its index
/// and only the numbers are sorted: sorting the hits themselves by a
/// four-part key, then again by their first word, cost more than the rest
/// of the matching of a dictionary. (The hits kept do not overlap, so in
/// their first words' order they are the sorted result of the general
/// pass.)
fn longest_first_small(hits: &[Hit]) -> Option<u32> {
    let n = hits.len();
    let lo = hits.first()?.start;
    if n > 32 {
        return None;
    }
    let mut keys = [0u64; 32];
    let mut last = lo;
    for (i, h) in hits.iter().enumerate() {
        let len = h.end - h.start;
        if h.start < last || h.end - lo > 128 || h.entry >= 1 << 32 {
            return None;
        }
        last = h.start;
        // Longer first (the complement of the length: 8 bits), then an
        // exact row, then the earlier word (8 bits), then the earlier row
        // (32 bits); the index last (5 bits).
        let order = ((255 - len as u64) << 1 | h.prefix as u64) << 8 | (h.start - lo) as u64;
        keys[i] = (order << 32 | h.entry as u64) << 5 | i as u64;
    }
    let keys = &mut keys[..n];
    keys.sort_unstable();
    let mut used = 0u128;
    let mut kept = 0u32;
    for k in keys.iter() {
        let i = (k & 31) as usize;
        let h = &hits[i];
        let bits = (u128::MAX >> (128 - (h.end - h.start))) << (h.start - lo);
        if used & bits == 0 {
            used |= bits;
            kept |= 1 << i;
        }
    }
    Some(kept)
}

/// Keys that are already hashes ([`word_hash`]): the map uses them as they are.
#[derive(Default, Clone, Copy)]
pub struct KeyIsHash(u64);

impl std::hash::Hasher for KeyIsHash {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        // Only u64 keys are hashed here; fold anything else in.
        self.0 = bytes.iter().fold(self.0.rotate_left(5), |h, &b| {
            (h ^ u64::from(b)).wrapping_mul(FNV_PRIME)
        });
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

type HashedMap<V> = HashMap<u64, V, std::hash::BuildHasherDefault<KeyIsHash>>;

#[cfg(test)]
mod tests {
    use super::*;

    fn hits(m: &PhraseMatcher<&'static str>, text: &str) -> Vec<&'static str> {
        let a = rasd_text::analyze(text);
        let w = Words::new(text, &a);
        m.find(&a, &w).iter().map(|h| *m.value(h.entry)).collect()
    }

    #[test]
    fn matches_folded_forms_clitics_and_endings() {
        let mut m = PhraseMatcher::new();
        m.insert("عبوة ناسفة", "ied");
        m.insert("هاجم*", "attack");
        m.insert("الجيش المالي", "army");
        assert_eq!(hits(&m, "انفجرت عبوه ناسفه"), vec!["ied"]);
        assert_eq!(hits(&m, "وهاجموا القرية"), vec!["attack"]);
        assert_eq!(hits(&m, "وقال الجيشُ المالي"), vec!["army"]);
        assert_eq!(hits(&m, "وقال «الجيش» المالي"), vec!["army"]);
    }

    #[test]
    fn open_endings_inside_a_phrase() {
        let mut m = PhraseMatcher::new();
        m.insert("أغلق* قاعدة", "closed");
        assert_eq!(hits(&m, "وأغلقت القوات قاعدة"), Vec::<&str>::new());
        assert_eq!(hits(&m, "بعدما أغلقوا قاعدة الجيش"), vec!["closed"]);
        assert_eq!(hits(&m, "أغلقت قاعدة تمبكتو"), vec!["closed"]);
    }

    #[test]
    fn phrases_do_not_cross_commas_or_lines() {
        let mut m = PhraseMatcher::new();
        m.insert("عبوة ناسفة", "ied");
        assert!(hits(&m, "عبوة، ناسفة").is_empty());
        assert!(hits(&m, "عبوة\nناسفة").is_empty());
    }

    #[test]
    fn exact_rows_beat_open_endings() {
        let mut m = PhraseMatcher::new();
        m.insert("مدني*", "plural");
        m.insert("مدنيان", "dual");
        assert_eq!(hits(&m, "قتل مدنيان"), vec!["dual"]);
        assert_eq!(hits(&m, "قتل مدنيين"), vec!["plural"]);
    }

    #[test]
    fn longest_hit_wins() {
        let mut m = PhraseMatcher::new();
        m.insert("قصف", "shelling");
        m.insert("قصف جوي", "air");
        assert_eq!(hits(&m, "في قصف جوي على"), vec!["air"]);
    }

    /// [`word_hash`] as first written: a plain character-by-character
    /// FNV-1a over `str::chars`, each character's UTF-8 bytes as one
    /// number.
    fn reference_hash(s: &str) -> u64 {
        s.chars().fold(FNV_OFFSET, |h, ch| {
            let mut buf = [0u8; 4];
            let c = ch
                .encode_utf8(&mut buf)
                .bytes()
                .fold(0u64, |c, b| c << 8 | u64::from(b));
            (h ^ c).wrapping_mul(FNV_PRIME)
        })
    }

    /// The look-ups of a token as first written: stem, key and bare key
    /// hashed apart, and each prefix of the lengths in `lens` hashed anew.
    fn reference_lookups(t: &rasd_text::Token, lens: u64) -> (Vec<(u8, u64)>, [u64; 3]) {
        let mut out = Vec::new();
        let prefixes = |s: &str, out: &mut Vec<(u8, u64)>| {
            let chars: Vec<char> = s.chars().collect();
            for n in 1..=chars.len().min(63) {
                if lens & (1 << n) != 0 {
                    let p: String = chars[..n].iter().collect();
                    out.push((n as u8, reference_hash(&p)));
                }
            }
        };
        let stem = reference_hash(t.stem());
        prefixes(t.stem(), &mut out);
        out.push((0, stem));
        let mut h = [stem; 3];
        if t.key != t.stem() {
            prefixes(&t.key, &mut out);
            h[1] = reference_hash(&t.key);
            out.push((0, h[1]));
        }
        if let Some(bare) = strip_conjunction(&t.key).filter(|b| b.len() != t.stem().len()) {
            h[2] = reference_hash(bare);
            out.push((0, h[2]));
        }
        out.sort_unstable();
        (out, h)
    }

    proptest::proptest! {
        /// The one-pass hashing of a token's stem, key and prefixes gives
        /// the look-ups of hashing each apart, on words with clitics, Latin
        /// letters, digits and characters of three and four bytes.
        #[test]
        fn token_hashes_equal_separate_hashing(
            text in "(وال|فال|ول|بال|لل|و|ف|ب|ال)?[اأبتثجحخدذرسشصعغفقكلمنهويىةءؤئ]{1,14}( [a-zé0-9€𝔸]{1,6})?",
            lens in proptest::prelude::any::<u64>(),
        ) {
            let a = rasd_text::analyze(&text);
            for t in a.tokens.iter().filter(|t| matches!(t.kind, TokenKind::Word | TokenKind::Number)) {
                let mut got = Vec::new();
                let h = token_hashes(t, lens, |n, h| got.push((n, h)));
                got.sort_unstable();
                let (want, want_h) = reference_lookups(t, lens);
                proptest::prop_assert_eq!(h, want_h, "{:?}", t);
                proptest::prop_assert_eq!(got, want, "{:?}", t);
                proptest::prop_assert_eq!(word_hash(&t.key), reference_hash(&t.key));
            }
        }
    }

    /// [`longest_first`] as first written: the general pass alone.
    fn reference_longest_first(mut hits: Vec<Hit>) -> Vec<Hit> {
        hits.sort_by_key(|h| {
            (
                std::cmp::Reverse(h.end - h.start),
                h.prefix,
                h.start,
                h.entry,
            )
        });
        let mut used = vec![false; hits.iter().map(|h| h.end).max().unwrap_or(0)];
        hits.retain(|h| {
            let free = used[h.start..h.end].iter().all(|u| !u);
            if free {
                used[h.start..h.end].iter_mut().for_each(|u| *u = true);
            }
            free
        });
        hits.sort_by_key(|h| h.start);
        hits
    }

    proptest::proptest! {
        /// The packed-key pass keeps the hits the general pass keeps, on
        /// overlapping hits in order of their first word (a row matches
        /// once at a word), short and long lists, near and far apart.
        #[test]
        fn longest_first_equals_general_pass(
            raw in proptest::collection::btree_set((0usize..150, 0usize..12), 0..80),
            lens in proptest::collection::vec(1usize..6, 80),
            prefix in proptest::collection::vec(proptest::prelude::any::<bool>(), 80),
        ) {
            let hits: Vec<Hit> = raw
                .iter()
                .enumerate()
                .map(|(i, &(start, entry))| Hit {
                    start,
                    end: start + lens[i],
                    span: Span::new(start * 4, (start + lens[i]) * 4),
                    entry,
                    prefix: prefix[i],
                })
                .collect();
            proptest::prop_assert_eq!(longest_first(hits.clone()), reference_longest_first(hits));
        }
    }

    #[test]
    fn latin_phrases_fold_case_and_accents() {
        let mut m = PhraseMatcher::new();
        m.insert("État islamique", "is");
        assert_eq!(hits(&m, "l'etat Islamique"), vec!["is"]);
    }
}
