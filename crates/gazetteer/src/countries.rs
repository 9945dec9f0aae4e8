//! Country names and demonyms in text.
//!
//! Forms come from `countries.tsv` (official names in three languages) and
//! `country_words.tsv` (other names, Arabic nisba adjectives with their
//! inflections, French and English demonyms). The rules that need care:
//!
//! - A name that is also a nisba (مالي, جيبوتي) is the country after a
//!   preposition, a direction, a type noun or at the start of a sentence
//!   ("في مالي", "شمال مالي"), and an adjective after a noun ("جنود
//!   ماليين", "الجيش المالي").
//! - A form that is also an ordinary word (مالي "financial", مالية
//!   "finance") is dropped after the nouns listed as `not-after` for its
//!   country (دعم مالي، وزارة المالية); elsewhere it counts only when a word
//!   listed as `confirm-after` precedes it ("الجيش المالي"), when it stands
//!   in a place context ("في مالي"), or when the document otherwise speaks
//!   of that country (an unambiguous name or demonym, or one of its cities).
//! - A name followed by a word listed as `not-before` is part of another
//!   name (المغرب العربي, the Maghreb); after a `not-after` word it is
//!   something else (نهر النيجر, the river).
//! - Latin names must be capitalised (so "chad" or "us" are not countries);
//!   French demonyms are lower-case in French and are taken in any case.

use rustc_hash::FxHashSet as HashSet;

use rasd_model::Span;

use crate::data::{CueKind, Tables};
use crate::index::LATIN;
use crate::keys;
use crate::matcher::{offset_after_key_chars, variants, Doc};

/// A country form found in the text, before it becomes a public mention.
#[derive(Debug, Clone)]
pub struct CountryHit {
    pub span: Span,
    pub first: usize,
    pub country: u16,
    pub demonym: bool,
    pub prep_clitic: bool,
}

struct Cand {
    first: usize,
    last: usize,
    span: Span,
    key: String,
    country: u16,
    name: bool,
    demonym: bool,
    latin: bool,
    /// Matched as a demonym with the Arabic article (المالي).
    article: bool,
    prep_clitic: bool,
}

/// Every country name and demonym of the text. `starts` are the words
/// that may begin one (in order; see [`crate::matcher::find_names`]);
/// `places` is the set of countries the document's unambiguous city names
/// point to.
pub fn find_countries(
    t: &Tables,
    doc: &Doc,
    starts: &[usize],
    places: &HashSet<u16>,
) -> Vec<CountryHit> {
    // About one candidate a start (sized once rather than grown).
    let mut cands: Vec<Cand> = Vec::with_capacity(starts.len());
    let mut vars = Vec::with_capacity(8);
    let mut buf = String::with_capacity(crate::matcher::KEY_BUF);
    let mut next_free = 0;
    for &i in starts {
        if i < next_free {
            continue;
        }
        let w = &doc.words[i];
        if w.number {
            continue;
        }
        variants(&w.key, w.arabic, w.whole(), &mut vars);
        let mut best: Option<(usize, usize, String, crate::index::Hit)> = None;
        for (vi, v) in vars.iter().enumerate() {
            let Some(mut hit) = t.country_index.get(&v.key) else {
                continue;
            };
            // (last word, key length in `buf`, postings): the key is copied
            // out only for the best reading.
            let mut found = (!hit.is_empty()).then(|| (i, v.key.len(), hit.clone()));
            buf.clear();
            buf.push_str(&v.key);
            let mut j = i;
            while hit.continues && doc.joined(j) && j + 1 < doc.words.len() {
                buf.push(' ');
                buf.push_str(&doc.words[j + 1].key);
                j += 1;
                match t.country_index.get(&buf) {
                    Some(h) => {
                        if !h.is_empty() {
                            found = Some((j, buf.len(), h.clone()));
                        }
                        hit = h;
                    }
                    None => break,
                }
            }
            if let Some((last, len, postings)) = found {
                let better = match &best {
                    None => true,
                    Some((b_last, b_vi, _, _)) => {
                        last > *b_last
                            || (last == *b_last && vars[vi].prefix_chars < vars[*b_vi].prefix_chars)
                    }
                };
                if better {
                    best = Some((last, vi, buf[..len].to_string(), postings));
                }
            }
        }
        let Some((last, vi, key, postings)) = best else {
            continue;
        };
        let v = &vars[vi];
        let raw = &doc.text[w.span.start..w.span.end];
        let start = offset_after_key_chars(raw, w.span.start, v.prefix_chars);
        // One candidate per country named by the form (those of this
        // form are `cands[here..]`).
        let here = cands.len();
        for p in postings.postings() {
            let f = t.country_forms[p.entry as usize];
            if let Some(c) = cands[here..].iter_mut().find(|c| c.country == f.country) {
                c.name |= !f.demonym;
                c.demonym |= f.demonym;
                c.article |= f.article;
                continue;
            }
            cands.push(Cand {
                first: i,
                last,
                span: Span::new(start, doc.words[last].span.end),
                key: key.clone(),
                country: f.country,
                name: !f.demonym,
                demonym: f.demonym,
                latin: p.flags & LATIN != 0,
                article: f.article,
                prep_clitic: v.prep,
            });
        }
        next_free = last + 1;
    }

    // Evidence for ambiguous forms: unambiguous mentions, city names, and
    // ambiguous names in a place context ("في مالي").
    let mut evidence = Countries::new(t.countries.len());
    for &c in places {
        evidence.insert(c);
    }
    for c in &cands {
        let bare = keys::strip_article(&c.key).unwrap_or(&c.key);
        let ambiguous = t.ambiguous.contains(c.country, bare);
        let sure =
            !ambiguous || decide(t, doc, c, &Countries::default()).is_some_and(|h| !h.demonym);
        if sure {
            evidence.insert(c.country);
        }
    }

    let mut out = Vec::with_capacity(cands.len());
    let mut last_first = usize::MAX;
    for c in &cands {
        if c.first == last_first {
            continue; // a form shared by two countries: the first one listed
        }
        if let Some(hit) = decide(t, doc, c, &evidence) {
            last_first = c.first;
            out.push(hit);
        }
    }
    out
}

/// A set of countries by index, as bits: built for every text and asked
/// a few times, it costs less than a hash set (no hashing, one small
/// allocation).
#[derive(Default)]
struct Countries(Vec<u64>);

impl Countries {
    fn new(n: usize) -> Countries {
        Countries(vec![0; n.div_ceil(64)])
    }

    fn insert(&mut self, c: u16) {
        let (w, b) = (usize::from(c) / 64, c % 64);
        if w >= self.0.len() {
            self.0.resize(w + 1, 0);
        }
        self.0[w] |= 1 << b;
    }

    fn contains(&self, c: u16) -> bool {
        self.0
            .get(usize::from(c) / 64)
            .is_some_and(|w| w & (1 << (c % 64)) != 0)
    }
}

/// The key without its Arabic article.
fn bare_of(k: &str) -> &str {
    keys::strip_article(k).unwrap_or(k)
}

fn decide(t: &Tables, doc: &Doc, c: &Cand, evidence: &Countries) -> Option<CountryHit> {
    let w = &doc.words[c.first];
    if c.latin && c.name && !c.demonym && !w.cap && !doc.all_caps {
        return None;
    }
    if c.latin && c.demonym && !c.name && !w.cap && !doc.all_caps && w.key.len() <= 3 {
        return None;
    }
    let prev = (c.first > 0 && doc.joined(c.first - 1)).then(|| &doc.words[c.first - 1]);
    let next = (doc.joined(c.last) && c.last + 1 < doc.words.len()).then(|| &doc.words[c.last + 1]);
    if let Some(n) = next {
        if t.not_before.contains(c.country, bare_of(&n.key)) {
            return None;
        }
    }
    let prev_bare = prev.map(|p| bare_of(p.stem));
    if let Some(p) = prev_bare {
        if t.not_after.contains(c.country, p) {
            return None;
        }
    }
    // A place context before the form: a preposition, a direction, a type
    // noun, nearness, a link; or nothing (start of sentence or after
    // punctuation). A proclitic ب/ل is a preposition too.
    let place_context = c.prep_clitic
        || match doc.cue_before(t, c.first) {
            Some((_, CueKind::Prep | CueKind::Dir(_) | CueKind::Type(_) | CueKind::Near))
            | Some((_, CueKind::Link)) => true,
            _ => prev.is_none(),
        };
    let demonym = if c.name && c.demonym {
        c.article || !place_context
    } else {
        c.demonym
    };
    let bare = bare_of(&c.key);
    if t.ambiguous.contains(c.country, bare) {
        let confirmed = prev_bare.is_some_and(|p| t.confirm_after.contains(c.country, p));
        let keep = confirmed || (place_context && !demonym) || evidence.contains(c.country);
        if !keep {
            return None;
        }
    }
    Some(CountryHit {
        span: c.span,
        first: c.first,
        country: c.country,
        demonym,
        prep_clitic: c.prep_clitic,
    })
}
