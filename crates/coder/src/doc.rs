//! One document, read once: its words, sentences and every dictionary hit.
//!
//! Everything later stages need is found here in a single pass per
//! dictionary: event words, actor aliases, side nouns, cue words, source
//! names, numbers, dates, places and country mentions. Each hit records
//! the range of *words* it covers (indices into [`Words::tok`]) as well as
//! its byte span, so rules can speak of "the word before" or "within three
//! words" without re-tokenizing.
//!
//! Only the document's body spans are read as sentences (a sentence that
//! runs past the body counts for its part inside it), and a sentence the
//! page repeats is read once, so that page chrome and copies the reader let
//! through never open incidents or double a toll. When the body names no
//! country, the title may; the rest of the page (menus listing every
//! country) never does. Look-ups by position are binary searches, so the
//! cost stays near-linear on very long pages.

use rustc_hash::FxHashSet as HashSet;

use chrono::NaiveDate;
use rasd_model::{Document, Inter, Span};
use rasd_text::Analysis;

use crate::actors::{ActorDict, ACTORS};
use crate::dates::DateRef;
use crate::geo::{CountryMention, Gazetteer, PlaceMention};
use crate::lang::{Cue, Grammar, LangData, Side, SideDef, TriggerDef};
use crate::lexicon::{longest_first, Words};
use crate::numbers::Quantity;

/// Word range `[w0, w1)` and byte span of a hit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct At {
    pub w0: usize,
    pub w1: usize,
    pub span: Span,
}

#[derive(Debug, Clone)]
pub struct TrigM {
    pub at: At,
    pub def: TriggerDef,
    /// The word carries the definite article (a reference back).
    pub definite: bool,
}

#[derive(Debug, Clone)]
pub struct ActorM {
    pub at: At,
    pub actor: usize,
}

#[derive(Debug, Clone)]
pub struct SideM {
    pub at: At,
    pub def: SideDef,
    /// Country of a demonym or country name right after the noun
    /// ("الجيش المالي", "جيش بوركينا فاسو").
    pub iso3: Option<&'static str>,
    pub country: Option<&'static str>,
}

#[derive(Debug, Clone)]
pub struct CueM {
    pub at: At,
    pub cue: Cue,
}

#[derive(Debug, Clone)]
pub struct SrcM {
    pub at: At,
    pub label: String,
}

#[derive(Debug, Clone)]
pub struct QtyM {
    pub at: At,
    pub q: Quantity,
}

#[derive(Debug, Clone)]
pub struct DateM {
    pub at: At,
    pub d: DateRef,
}

#[derive(Debug, Clone)]
pub struct PlaceM {
    pub at: At,
    /// The mention (its `place` moved to [`PlaceM::place`]).
    pub m: PlaceMention,
    /// The resolved place, shared by every incident that takes it.
    pub place: Option<std::rc::Rc<crate::geo::Place>>,
    /// Inside the article's body (its sentences or its dateline), not in a
    /// menu, a related-story link or other page furniture.
    pub in_body: bool,
}

#[derive(Debug, Clone)]
pub struct CountryM {
    pub at: At,
    pub m: CountryMention,
}

/// A body sentence: word range `[w0, w1)`.
#[derive(Debug, Clone, Copy)]
pub struct Sent {
    pub span: Span,
    pub w0: usize,
    pub w1: usize,
}

/// A document read once: the analysis and every dictionary hit, each
/// list sorted by position. Rules look at it through [`Doc`] views of a
/// stretch of words, so each look-up only scans the hits nearby and the
/// cost of coding stays linear in the length of the document.
pub struct DocData<'a> {
    pub text: &'a str,
    pub an: Analysis,
    pub words: Words,
    pub publication: Option<NaiveDate>,
    pub sents: Vec<Sent>,
    pub triggers: Vec<TrigM>,
    pub actors: Vec<ActorM>,
    pub sides: Vec<SideM>,
    pub cues: Vec<CueM>,
    pub sources: Vec<SrcM>,
    pub qtys: Vec<QtyM>,
    pub dates: Vec<DateM>,
    pub places: Vec<PlaceM>,
    pub countries: Vec<CountryM>,
    pub doc_countries: Vec<(&'static str, &'static str)>,
    pub dict: &'static ActorDict,
    /// Word order of the document's language.
    pub grammar: Grammar,
    /// The most words a cue hit covers: bounds the cues that can end near
    /// a word (see [`Doc::cues_ending`]).
    pub cue_words: usize,
    /// See [`Doc::cue_ends`].
    pub cue_ends: Vec<u128>,
    /// See [`Doc::cue_kinds`].
    pub cue_kinds: u128,
}

/// A view of a document: the hits of a stretch of words (all sentences
/// stay visible, with their document-wide indices).
#[derive(Clone, Copy)]
pub struct Doc<'a> {
    pub text: &'a str,
    pub an: &'a Analysis,
    pub words: &'a Words,
    pub publication: Option<NaiveDate>,
    pub sents: &'a [Sent],
    pub triggers: &'a [TrigM],
    pub actors: &'a [ActorM],
    pub sides: &'a [SideM],
    pub cues: &'a [CueM],
    pub sources: &'a [SrcM],
    pub qtys: &'a [QtyM],
    pub dates: &'a [DateM],
    pub places: &'a [PlaceM],
    pub countries: &'a [CountryM],
    /// Countries the body names, most mentioned first.
    pub doc_countries: &'a [(&'static str, &'static str)],
    pub dict: &'static ActorDict,
    /// Word order of the document's language.
    pub grammar: Grammar,
    /// See [`DocData::cue_words`].
    pub cue_words: usize,
    /// `cue_ends[w]`: bit `k` is set when a cue of kind `k` (the
    /// [`Cue`]'s number) ends at word `w` (its `at.w1`), in the whole
    /// document. Rules ask "a cue of this kind just before this word?"
    /// tens of thousands of times a second, and most often the answer is
    /// no: these bits say so without scanning the cues.
    pub cue_ends: &'a [u128],
    /// Bit `k`: the document has a cue of kind `k` somewhere.
    pub cue_kinds: u128,
}

/// The hits of `v` (sorted by first word) that start in `[w0, w1)`, of a
/// document of `n` words. A view of a short document usually spans all of
/// it (it looks [`LOOK_BACK`] words back): the searches are skipped then.
fn slice<T>(v: &[T], w0: usize, w1: usize, n: usize, at: impl Fn(&T) -> usize) -> &[T] {
    let a = if w0 == 0 {
        0
    } else {
        v.partition_point(|x| at(x) < w0)
    };
    // (Every hit starts at a word below `n`.)
    let b = if w1 >= n {
        v.len()
    } else {
        v.partition_point(|x| at(x) < w1)
    };
    &v[a..b.max(a)]
}

impl<'a> DocData<'a> {
    /// The whole document.
    pub fn full(&self) -> Doc<'_> {
        self.view(0, usize::MAX)
    }

    /// The hits that start in words `[w0, w1)`.
    pub fn view(&self, w0: usize, w1: usize) -> Doc<'_> {
        let n = self.words.len();
        Doc {
            text: self.text,
            an: &self.an,
            words: &self.words,
            publication: self.publication,
            sents: &self.sents,
            triggers: slice(&self.triggers, w0, w1, n, |x| x.at.w0),
            actors: slice(&self.actors, w0, w1, n, |x| x.at.w0),
            sides: slice(&self.sides, w0, w1, n, |x| x.at.w0),
            cues: slice(&self.cues, w0, w1, n, |x| x.at.w0),
            sources: slice(&self.sources, w0, w1, n, |x| x.at.w0),
            qtys: slice(&self.qtys, w0, w1, n, |x| x.at.w0),
            dates: slice(&self.dates, w0, w1, n, |x| x.at.w0),
            places: slice(&self.places, w0, w1, n, |x| x.at.w0),
            countries: slice(&self.countries, w0, w1, n, |x| x.at.w0),
            doc_countries: &self.doc_countries,
            dict: self.dict,
            grammar: self.grammar,
            cue_words: self.cue_words,
            cue_ends: &self.cue_ends,
            cue_kinds: self.cue_kinds,
        }
    }

    /// The view rules use for sentences `a..=b`: their words, with
    /// [`LOOK_BACK`] words before them (for "the group named before") and
    /// a few after.
    pub fn around(&self, a: usize, b: usize) -> Doc<'_> {
        let (Some(first), Some(last)) = (self.sents.get(a), self.sents.get(b)) else {
            return self.full();
        };
        self.view(first.w0.saturating_sub(LOOK_BACK), last.w1 + 4)
    }
}

/// The words of a sentence as a set key: equal when their match keys
/// are, hashed once (no vector of keys is built per sentence).
struct SentKey<'k> {
    hash: u64,
    an: &'k Analysis,
    tok: &'k [usize],
}

impl<'k> SentKey<'k> {
    /// Words `w0..w1`: their keys were hashed already ([`Words::key_hash`]).
    fn new(an: &'k Analysis, words: &'k Words, w0: usize, w1: usize) -> SentKey<'k> {
        let hash = (w0..w1).fold(0u64, |h, w| {
            (h.rotate_left(5) ^ words.key_hash(w)).wrapping_mul(0x517c_c1b7_2722_0a95)
        });
        SentKey {
            hash,
            an,
            tok: &words.tok[w0..w1],
        }
    }
}

impl PartialEq for SentKey<'_> {
    fn eq(&self, other: &Self) -> bool {
        self.hash == other.hash
            && self.tok.len() == other.tok.len()
            && (self.tok.iter().zip(other.tok))
                .all(|(&a, &b)| self.an.tokens[a].key == other.an.tokens[b].key)
    }
}

impl Eq for SentKey<'_> {}

impl std::hash::Hash for SentKey<'_> {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        state.write_u64(self.hash);
    }
}

/// Fewest words of a sentence that is read once however often the page
/// repeats it (short ones, "وأضاف المصدر", may recur legitimately).
const MIN_REPEAT_WORDS: usize = 6;

/// Lists of hits up to this long are scanned whole rather than cut by a
/// binary search.
const SHORT_LIST: usize = 24;

/// How far back, in words, rules look for a name a sentence refers to.
pub const LOOK_BACK: usize = 300;

impl<'a> DocData<'a> {
    pub fn read(doc: &'a Document, lang: &'static LangData) -> DocData<'a> {
        let text = doc.text.as_str();
        let an = rasd_text::analyze(text);
        let words = Words::for_dictionaries(text, &an, &lang.first_words);
        let mut body = doc.body_spans();
        body.sort_by_key(|b| (b.start, b.end));
        // "Related" boxes the reader let through are no part of the story.
        let body = crate::lists::without(body, &crate::lists::link_lists(text));
        let body_index = Intervals::new(body.iter().map(|b| (b.start, b.end)));
        let in_body = |s: Span| body_index.contains(s.start, s.end);
        let starts: Vec<usize> = words.tok.iter().map(|&t| an.tokens[t].span.start).collect();
        let ends: Vec<usize> = words.tok.iter().map(|&t| an.tokens[t].span.end).collect();
        // The words a span covers, including a word it starts inside (a
        // number read without its glued conjunction: "و|ثلاثة").
        let at_of = |span: Span| -> Option<At> {
            let w0 = ends.partition_point(|&e| e <= span.start);
            let w1 = starts.partition_point(|&s| s < span.end);
            (w1 > w0).then_some(At { w0, w1, span })
        };
        // A sentence counts for the part of it inside the article: the
        // reader may have cut a page's fragment or a glued "read also" link
        // off a line the sentence splitter saw whole.
        let mut sents = Vec::with_capacity(an.sentences.len());
        {
            // A sentence the page repeats (a lede printed twice, a paragraph
            // the crawler doubled) is read once: a second copy would open a
            // second incident or count its dead twice.
            let mut seen: HashSet<SentKey> =
                HashSet::with_capacity_and_hasher(an.sentences.len(), Default::default());
            for s in &an.sentences {
                let first = body.partition_point(|b| b.end <= s.span.start);
                for b in body[first..].iter().take_while(|b| b.start < s.span.end) {
                    let (start, end) = (s.span.start.max(b.start), s.span.end.min(b.end));
                    if start >= end {
                        continue;
                    }
                    let span = Span::new(start, end);
                    let Some(at) = at_of(span) else {
                        continue;
                    };
                    if at.w1 - at.w0 >= MIN_REPEAT_WORDS
                        && !seen.insert(SentKey::new(&an, &words, at.w0, at.w1))
                    {
                        continue;
                    }
                    sents.push(Sent {
                        span,
                        w0: at.w0,
                        w1: at.w1,
                    });
                }
            }
        }
        let hit_at = |h: &crate::lexicon::Hit| At {
            w0: h.start,
            w1: h.end,
            span: h.span,
        };
        let mut triggers: Vec<TrigM> = lang
            .triggers
            .find(&an, &words)
            .iter()
            .map(|h| {
                let t = &an.tokens[words.tok[h.start]];
                TrigM {
                    at: hit_at(h),
                    def: *lang.triggers.value(h.entry),
                    definite: t.has_article(),
                }
            })
            .collect();
        let dict: &'static ActorDict = &ACTORS;
        let (place_mentions, country_mentions) =
            Gazetteer::global().geocode_with_countries(text, &an);
        let mut countries: Vec<CountryM> = country_mentions
            .into_iter()
            .filter_map(|m| at_of(m.span).map(|at| CountryM { at, m }))
            .collect();
        countries.sort_by_key(|c| c.at.w0);
        let mut tally: Vec<(&'static str, &'static str, usize, usize)> = Vec::new();
        for c in &countries {
            if !in_body(c.at.span) {
                continue;
            }
            match tally.iter_mut().find(|t| t.0 == c.m.iso3) {
                Some(t) => t.2 += 1,
                None => tally.push((c.m.iso3, c.m.country, 1, c.at.w0)),
            }
        }
        // The dateline tells where and when the report was filed: its place
        // still counts towards the document's country (below), its day is
        // the publication's; neither is an incident's.
        let filed = datelines(text, &body);
        let filed_index = Intervals::new(filed.iter().map(|d| (d.start, d.end)));
        let in_dateline = |s: Span| filed_index.contains(s.start, s.end);
        let (found_dates, found_qtys) =
            rasd_text::find_dates_and_quantities(text, &an, doc.publication_date());
        let dates: Vec<DateM> = found_dates
            .into_iter()
            .filter(|d| !in_dateline(d.span))
            .filter_map(|d| at_of(d.span).map(|at| DateM { at, d }))
            .collect();
        // A month name is not a place ("في يونيو" is not a town called June).
        let date_index = Intervals::new(dates.iter().map(|d| (d.at.span.start, d.at.span.end)));
        let mut places: Vec<PlaceM> = place_mentions
            .into_iter()
            .filter_map(|mut m| {
                at_of(m.span).map(|at| PlaceM {
                    at,
                    place: m.place.take().map(std::rc::Rc::new),
                    in_body: in_body(m.span),
                    m,
                })
            })
            .filter(|p| !date_index.overlaps(p.at.span.start, p.at.span.end))
            .collect();
        for p in &places {
            if let Some(pl) = &p.place {
                if !p.in_body || pl.iso3.is_empty() {
                    continue;
                }
                // Places count towards their country, less than a name.
                if let Some(t) = tally.iter_mut().find(|t| t.0 == pl.iso3) {
                    t.2 += 1;
                }
            }
        }
        // Nothing in the body: the title still tells the country. Not the
        // rest of the page: its menus and footers list every country.
        if tally.is_empty() {
            let title = title_span(doc);
            let in_title = |s: Span| title.is_some_and(|t| t.start <= s.start && s.end <= t.end);
            for c in countries.iter().filter(|c| in_title(c.at.span)) {
                if !tally.iter().any(|t| t.0 == c.m.iso3) {
                    tally.push((c.m.iso3, c.m.country, 1, c.at.w0));
                }
            }
            for p in places.iter().filter(|p| in_title(p.at.span)) {
                if let Some(pl) = &p.place {
                    if let Some(t) = tally.iter_mut().find(|t| t.0 == pl.iso3) {
                        t.2 += 1;
                    }
                }
            }
        }
        // Still nothing: the dateline's place tells the country the report
        // was filed from ("دمشق - …", "DAMASCUS, Nov 10 (Reuters) -"), which
        // a report that names no other place is about.
        if tally.is_empty() {
            for p in places.iter().filter(|p| in_dateline(p.at.span)) {
                let key = p
                    .place
                    .as_ref()
                    .and_then(|pl| Gazetteer::global().country_key(&pl.iso3));
                if let Some((iso3, name)) = key {
                    if !tally.iter().any(|t| t.0 == iso3) {
                        tally.push((iso3, name, 1, p.at.w0));
                    }
                }
            }
        }
        tally.sort_by_key(|t| (std::cmp::Reverse(t.2), t.3));
        places.retain(|p| !in_dateline(p.at.span));
        let doc_countries: Vec<(&'static str, &'static str)> =
            tally.iter().map(|t| (t.0, t.1)).collect();
        let mut iso_set: Vec<&str> = doc_countries.iter().map(|c| c.0).collect();
        // No country named anywhere: the places still tell which short
        // aliases may count ("Casques bleus" in a report about Kidal).
        if iso_set.is_empty() {
            iso_set.extend(
                places
                    .iter()
                    .filter_map(|p| p.place.as_deref().map(|pl| pl.iso3.as_str())),
            );
        }
        let mut actor_hits: Vec<_> = dict
            .matcher
            .find_all(&an, &words)
            .into_iter()
            .filter(|h| {
                let a = dict.matcher.value(h.entry);
                a.only_in.is_empty() || a.only_in.iter().any(|c| iso_set.contains(&c.as_str()))
            })
            .collect();
        // The same words read two ways, one of them only in this
        // document's countries: the local reading wins ("al-Shabaab" in a
        // report on Cabo Delgado is not the Somali movement).
        let local: Vec<(usize, usize)> = actor_hits
            .iter()
            .filter(|h| !dict.matcher.value(h.entry).only_in.is_empty())
            .map(|h| (h.start, h.end))
            .collect();
        if !local.is_empty() {
            actor_hits.retain(|h| {
                !dict.matcher.value(h.entry).only_in.is_empty()
                    || !local.contains(&(h.start, h.end))
            });
        }
        let actors = longest_first(actor_hits)
            .iter()
            .map(|h| ActorM {
                at: hit_at(h),
                actor: dict.matcher.value(h.entry).actor,
            })
            .collect::<Vec<_>>();
        let actor_index = Intervals::new(actors.iter().map(|a| (a.at.w0, a.at.w1)));
        let mut sides: Vec<SideM> = lang
            .sides
            .find(&an, &words)
            .iter()
            .filter(|h| {
                // A named actor wins over a generic noun inside it
                // ("قوات" in "قوات الدعم السريع").
                !actor_index.overlaps(h.start, h.end)
            })
            .map(|h| SideM {
                at: hit_at(h),
                def: *lang.sides.value(h.entry),
                iso3: None,
                country: None,
            })
            .collect();
        for s in sides.iter_mut() {
            if !matches!(
                s.def.side,
                Side::Military
                    | Side::Police
                    | Side::MilitaryTarget
                    | Side::Members
                    | Side::Authorities
            ) {
                continue;
            }
            // The country follows the noun, possibly after one more word
            // ("القوات المسلحة المالية", "طائرات حربية روسية"); in English
            // it comes first ("Malian troops", "Mali's army", "Iraqi F-16
            // jets").
            // Country mentions are in text order: look only next to the noun.
            let before = || {
                let end = countries.partition_point(|c| c.at.w1 <= s.at.w0);
                countries[..end]
                    .iter()
                    .rev()
                    .take_while(|c| c.at.w1 + 2 >= s.at.w0)
                    .find(|c| lang.grammar.modifier_first && joined(&words, c.at.w0, s.at.w0))
            };
            if let Some(c) = before().or_else(|| {
                let start = countries.partition_point(|c| c.at.w0 < s.at.w1);
                countries[start..]
                    .iter()
                    .take_while(|c| c.at.w0 <= s.at.w1 + 1)
                    .find(|c| joined(&words, s.at.w1 - 1, c.at.w0))
            }) {
                s.iso3 = Some(c.m.iso3);
                s.country = Some(c.m.country);
            }
        }
        let cues: Vec<CueM> = lang
            .cues
            .find(&an, &words)
            .iter()
            .map(|h| CueM {
                at: hit_at(h),
                cue: *lang.cues.value(h.entry),
            })
            .collect();
        // "a camp sheltering displaced people", "un camp abritant des
        // déplacés", "معسكر للنازحين": a camp whose people are civilians is
        // a civilian target, not a military one. Only a word or two, with
        // no event word, count or death word, may stand between.
        if sides.iter().any(|s| s.def.side == Side::Civilians) {
            let civil_after = |end: usize| {
                sides.iter().any(|x| {
                    x.def.side == Side::Civilians
                        && x.at.w0 >= end
                        && x.at.w0 <= end + 2
                        && (end.saturating_sub(1)..x.at.w0).all(|k| words.joined[k])
                        && !triggers.iter().any(|t| t.at.w0 >= end && t.at.w0 < x.at.w0)
                        && !found_qtys
                            .iter()
                            .any(|q| at_of(q.span).is_some_and(|a| a.w0 >= end && a.w0 < x.at.w0))
                        && !cues.iter().any(|c| {
                            c.at.w0 >= end
                                && c.at.w0 < x.at.w0
                                && matches!(c.cue, Cue::Death | Cue::Injury | Cue::And)
                        })
                })
            };
            let flip: Vec<usize> = (0..sides.len())
                .filter(|&i| {
                    sides[i].def.side == Side::MilitaryTarget && civil_after(sides[i].at.w1)
                })
                .collect();
            for i in flip {
                sides[i].def.side = Side::CivilianTarget;
            }
        }
        // Languages without the Arabic article clitic mark a reference back
        // with a determiner word ("the attack", "cette attaque").
        // A complement right after the word ("le retrait de son camp",
        // "the attack on the checkpoint") makes it new information instead.
        // The cues by the word they end at and the word they start at: the
        // hits of `find` do not overlap and come in order, so both their
        // first and their last words increase, and a binary search finds
        // them (no map built per document).
        debug_assert!(cues.windows(2).all(|p| p[0].at.w1 <= p[1].at.w1));
        let ending_at = |w: usize| {
            let a = cues.partition_point(|c| c.at.w1 < w);
            cues[a..].iter().take_while(move |c| c.at.w1 == w)
        };
        let starting_at = |w: usize| {
            let a = cues.partition_point(|c| c.at.w0 < w);
            cues[a..].iter().take_while(move |c| c.at.w0 == w)
        };
        for t in triggers.iter_mut() {
            let cue_before = |kinds: &[Cue]| {
                ending_at(t.at.w0)
                    .any(|c| kinds.contains(&c.cue) && joined(&words, c.at.w0, t.at.w0))
            };
            let complement = starting_at(t.at.w1).any(|c| {
                matches!(c.cue, Cue::Of | Cue::On | Cue::Target) && joined(&words, t.at.w0, c.at.w0)
            });
            if cue_before(&[Cue::Definite, Cue::That, Cue::Possessive]) && !complement {
                t.definite = true;
                // "no group claimed the ambush": even a word that reports
                // an incident alone refers back after a determiner.
                t.def.strength = t.def.strength.min(1);
            }
            // "une opération de l'armée": an indefinite article opens a new
            // incident even with a word that usually refers back.
            if t.def.strength == 0 && cue_before(&[Cue::Article]) {
                t.def.strength = 1;
            }
        }
        let sources = lang
            .sources
            .find(&an, &words)
            .iter()
            .map(|h| SrcM {
                at: hit_at(h),
                label: lang.sources.value(h.entry).clone(),
            })
            .collect();
        let mut qtys: Vec<QtyM> = found_qtys
            .into_iter()
            .filter_map(|q| at_of(q.span).map(|at| QtyM { at, q }))
            .collect();
        // A number glued to the conjunction ("و8 من متطوعي") that the
        // number reader left out: a plain count.
        for (i, &t) in words.tok.iter().enumerate() {
            let tok = &an.tokens[t];
            if tok.kind != rasd_text::TokenKind::Number
                || i == 0
                || an.tokens[words.tok[i - 1]].key != "و"
            {
                continue;
            }
            if tok.span.start != an.tokens[words.tok[i - 1]].span.end
                || qtys.iter().any(|q| q.at.w0 <= i && i < q.at.w1)
            {
                continue;
            }
            if let Ok(value) = tok.key.replace(',', "").parse::<u64>() {
                qtys.push(QtyM {
                    at: At {
                        w0: i,
                        w1: i + 1,
                        span: tok.span,
                    },
                    q: crate::numbers::Quantity {
                        span: tok.span,
                        value,
                        qualifier: crate::numbers::NumberQualifier::Exact,
                        vague: false,
                    },
                });
            }
        }
        qtys.sort_by_key(|q| q.at.w0);
        let mut doc = DocData {
            text,
            an,
            words,
            publication: doc.publication_date(),
            sents,
            triggers,
            actors,
            sides,
            cues,
            sources,
            qtys,
            dates,
            places,
            countries,
            doc_countries,
            dict,
            grammar: lang.grammar,
            cue_words: 0,
            cue_ends: Vec::new(),
            cue_kinds: 0,
        };
        // Views cut every list by position.
        doc.triggers.sort_by_key(|x| x.at.w0);
        doc.actors.sort_by_key(|x| x.at.w0);
        doc.sides.sort_by_key(|x| x.at.w0);
        doc.cues.sort_by_key(|x| x.at.w0);
        doc.sources.sort_by_key(|x| x.at.w0);
        doc.qtys.sort_by_key(|x| x.at.w0);
        doc.dates.sort_by_key(|x| x.at.w0);
        doc.places.sort_by_key(|x| x.at.w0);
        doc.countries.sort_by_key(|x| x.at.w0);
        doc.cue_words = doc
            .cues
            .iter()
            .map(|c| c.at.w1 - c.at.w0)
            .max()
            .unwrap_or(0);
        let mut cue_ends = vec![0u128; doc.words.len() + 1];
        for c in &doc.cues {
            let bit = cue_bit(c.cue);
            cue_ends[c.at.w1] |= bit;
            doc.cue_kinds |= bit;
        }
        doc.cue_ends = cue_ends;
        doc
    }
}

impl<'a> Doc<'a> {
    /// The match key (stem) of word `w`.
    pub fn stem(&self, w: usize) -> &str {
        self.an.tokens[self.words.tok[w]].stem()
    }

    /// The match key of word `w` with its clitics.
    pub fn key(&self, w: usize) -> &str {
        &self.an.tokens[self.words.tok[w]].key
    }

    /// Whether word `w` carries the article (ال, or لل after the
    /// preposition).
    pub fn definite(&self, w: usize) -> bool {
        self.an.tokens[self.words.tok[w]].has_article()
    }

    pub fn word_span(&self, w: usize) -> Span {
        self.an.tokens[self.words.tok[w]].span
    }

    /// Whether words `a < b` are in one clause: no comma, full stop or line
    /// break between them.
    pub fn same_clause(&self, a: usize, b: usize) -> bool {
        let (a, b) = if a <= b { (a, b) } else { (b, a) };
        (a..b).all(|i| self.words.joined[i])
    }

    /// Whether a comma-free stretch: like [`Doc::same_clause`] but a comma is
    /// allowed (only a full stop or line break separates).
    pub fn same_sentence(&self, a: usize, b: usize) -> bool {
        let (a, b) = if a <= b { (a, b) } else { (b, a) };
        self.sent_of(a).is_some_and(|i| b < self.sents[i].w1)
    }

    /// A stretch of the cues, in order, holding every cue that starts in
    /// words `[lo, hi]` (and maybe others: callers still test the start).
    /// Cues are sorted by their first word: rules that look near a word
    /// cut the list instead of scanning every cue of the view.
    pub fn cues_starting(&self, lo: usize, hi: usize) -> &'a [CueM] {
        // A short list is cheaper to scan whole than to cut.
        if self.cues.len() <= SHORT_LIST {
            return self.cues;
        }
        let a = self.cues.partition_point(|c| c.at.w0 < lo);
        let b = self.cues.partition_point(|c| c.at.w0 <= hi);
        &self.cues[a..b.max(a)]
    }

    /// A stretch of the cues, in order, holding every cue that ends (its
    /// `at.w1`) in `[lo, hi]` (and maybe a few others: callers still test
    /// the end).
    pub fn cues_ending(&self, lo: usize, hi: usize) -> &'a [CueM] {
        match hi.checked_sub(1) {
            Some(last) => self.cues_starting(lo.saturating_sub(self.cue_words), last),
            None => &[],
        }
    }

    pub fn cues_in(&self, w0: usize, w1: usize) -> impl Iterator<Item = &CueM> {
        self.cues_starting(w0, w1)
            .iter()
            .filter(move |c| c.at.w0 >= w0 && c.at.w1 <= w1)
    }

    #[inline]
    pub fn has_cue(&self, w0: usize, w1: usize, cue: Cue) -> bool {
        // (A kind the document lacks: no scan.)
        self.cue_kinds & cue_bit(cue) != 0 && self.has_cue_scan(w0, w1, cue)
    }

    #[inline(never)]
    fn has_cue_scan(&self, w0: usize, w1: usize, cue: Cue) -> bool {
        self.cues_in(w0, w1).any(|c| c.cue == cue)
    }

    /// The view's cues, or none when the document has no cue of this kind:
    /// for scans whose first test is the kind (most of them look for a
    /// kind the document lacks, and then scan nothing).
    #[inline]
    pub fn cues_of(&self, cue: Cue) -> &'a [CueM] {
        if self.cue_kinds & cue_bit(cue) == 0 {
            &[]
        } else {
            self.cues
        }
    }

    /// Whether some cue whose kind is in `kinds` (bits of [`cue_bit`])
    /// ends at a word in `[lo, hi]`, in the whole document: when not, no
    /// view holds one either, and a rule need not scan the cues.
    pub fn cue_may_end(&self, lo: usize, hi: usize, kinds: u128) -> bool {
        if self.cue_kinds & kinds == 0 {
            return false;
        }
        let hi = hi.min(self.cue_ends.len().saturating_sub(1));
        lo <= hi && self.cue_ends[lo..=hi].iter().any(|m| m & kinds != 0)
    }

    /// A cue of this kind ending within `n` words before word `w` (same clause).
    #[inline]
    pub fn cue_before(&self, w: usize, n: usize, cue: Cue) -> Option<&'a CueM> {
        // Inlined: two of three calls ask for a kind the document lacks.
        if self.cue_kinds & cue_bit(cue) == 0 {
            return None;
        }
        self.cue_before_scan(w, n, cue)
    }

    #[inline(never)]
    fn cue_before_scan(&self, w: usize, n: usize, cue: Cue) -> Option<&'a CueM> {
        if !self.cue_may_end(w.saturating_sub(n), w, cue_bit(cue)) {
            return None;
        }
        // The cues do not overlap (one dictionary's hits, longest first):
        // their last words increase with their first, so the latest-ending
        // match is the first found going back from `w`.
        let end = self.cues.partition_point(|c| c.at.w1 <= w);
        self.cues[..end]
            .iter()
            .rev()
            .take_while(|c| c.at.w1 + n >= w)
            .find(|c| c.cue == cue && self.same_clause(c.at.w0, w))
    }

    /// A cue of this kind that starts at word `w`.
    #[inline]
    pub fn cue_at(&self, w: usize, cue: Cue) -> Option<&'a CueM> {
        // (A kind the document lacks: no scan.)
        if self.cue_kinds & cue_bit(cue) == 0 {
            return None;
        }
        self.cue_at_scan(w, cue)
    }

    #[inline(never)]
    fn cue_at_scan(&self, w: usize, cue: Cue) -> Option<&'a CueM> {
        self.cues_starting(w, w)
            .iter()
            .find(|c| c.at.w0 == w && c.cue == cue)
    }

    /// Words `a..b` are only determiners, articles, possessives or "of"
    /// (function words of English and French that Arabic writes as
    /// clitics): what comes after them is the next content word.
    pub fn only_function_words(&self, a: usize, b: usize) -> bool {
        let mut w = a;
        while w < b {
            match self.cues_starting(w, w).iter().find(|c| {
                c.at.w0 == w
                    && c.at.w1 <= b
                    && matches!(
                        c.cue,
                        Cue::Definite | Cue::Article | Cue::Possessive | Cue::Of
                    )
            }) {
                Some(c) => w = c.at.w1,
                None => return false,
            }
        }
        true
    }

    /// Word `w` follows word `end` (the end of a previous item) with only
    /// function words between, at most `n` of them.
    pub fn next_after(&self, end: usize, w: usize, n: usize) -> bool {
        w >= end
            && w - end <= n
            && self.same_clause(end.saturating_sub(1).min(w), w)
            && self.only_function_words(end, w)
    }

    /// A target is introduced before word `w`: "against", or "on"/"sur"
    /// right after an event word ("an attack on a base").
    pub fn target_before(&self, w: usize) -> bool {
        if self.cue_before(w, 2, Cue::Target).is_some() {
            return true;
        }
        self.cues_ending(w.saturating_sub(2), w).iter().any(|c| {
            c.cue == Cue::On
                && c.at.w1 <= w
                && self.next_after(c.at.w1, w, 2)
                && self.triggers.iter().any(|t| {
                    // "handed the base over to the army", "l'a remis aux
                    // FAMa": the recipient of a handover comes further on.
                    let reach = if t.def.class == crate::lang::TriggerClass::Handover {
                        8
                    } else {
                        4
                    };
                    t.at.w1 <= c.at.w0
                        && c.at.w0 - t.at.w1 <= reach
                        && self.same_clause(t.at.w0, c.at.w0)
                })
        })
    }

    /// The sentence that contains word `w`.
    pub fn sent_of(&self, w: usize) -> Option<usize> {
        let i = self.sents.partition_point(|s| s.w1 <= w);
        self.sents.get(i).filter(|s| s.w0 <= w).map(|_| i)
    }

    /// Name and inter of a named actor for an event in `iso3`.
    pub fn actor_name(&self, actor: usize, iso3: &str, country: &str) -> (String, Inter) {
        self.dict.name_in(actor, iso3, country)
    }
}

/// The bit of a cue kind in [`Doc::cue_ends`] and [`Doc::cue_kinds`].
pub fn cue_bit(cue: Cue) -> u128 {
    1u128 << (cue as u32)
}

// Every cue kind has its bit.
const _: () = assert!((Cue::On as u32) < 128);

/// Wire datelines at the start of a body line: "BAMAKO, June 11 (Reuters) -",
/// "OUAGADOUGOU (AFP) -", "PORT SUDAN (AFP) –", "باماكو (أ ف ب) -". A
/// dateline is a short prefix ending in a dash that names an agency in
/// brackets or opens with a capitalised place name.
pub fn datelines(text: &str, body: &[Span]) -> Vec<Span> {
    let mut out = Vec::new();
    for b in body {
        let Some(part) = text.get(b.start..b.end) else {
            continue;
        };
        // Every dash below holds '-' or starts with the byte 0xE2 ('–',
        // '—'), and every line's head is part of `part`: a part with
        // neither byte (most reports) has no dateline, and two scans of it
        // (`memchr`, faster than one test of both bytes) say so before any
        // line is looked at.
        let bytes = part.as_bytes();
        if !bytes.contains(&b'-') && !bytes.contains(&0xE2) {
            continue;
        }
        let starts = std::iter::once(0).chain(part.match_indices('\n').map(|(i, _)| i + 1));
        for st in starts {
            let line = &part[st..];
            let lead = line.len() - line.trim_start().len();
            let line = line.trim_start();
            let mut cut = line.len().min(140);
            while !line.is_char_boundary(cut) {
                cut -= 1;
            }
            let head = &line[..cut];
            let head = head.split('\n').next().unwrap_or("");
            // Every dash below holds '-' or starts with the byte 0xE2 ('–',
            // '—'): most lines have neither, and one scan says so.
            if !head.bytes().any(|b| b == b'-' || b == 0xE2) {
                continue;
            }
            let Some((dash, dash_len)) = [" - ", " – ", " — ", " -- ", ") -", ")-"]
                .iter()
                .filter_map(|d| head.find(d).map(|i| (i, d.len())))
                .min()
            else {
                continue;
            };
            let prefix = &head[..dash + usize::from(head[dash..].starts_with(')'))];
            if prefix.split_whitespace().count() > 12
                || prefix.contains(['.', '!', '?']) && !prefix.contains('(')
            {
                continue;
            }
            let agency = prefix
                .find('(')
                .zip(prefix.rfind(')'))
                .is_some_and(|(a, z)| a < z && prefix[a..z].chars().count() <= 30);
            let first = prefix.split([',', '(']).next().unwrap_or("").trim();
            // Latin capitals only: Arabic letters have no case.
            let capital_place = first.chars().filter(|c| c.is_alphabetic()).count() >= 3
                && first
                    .chars()
                    .filter(|c| c.is_alphabetic())
                    .all(|c| c.is_uppercase());
            // Arabic has no case: a place of at most three words (and maybe
            // a date after a comma) before the dash of a line that goes on
            // as a sentence ("دمشق - تظاهر مئات ...", "عدن، 3 مايو – ...").
            let arabic_place = !agency
                && !capital_place
                && prefix.split_whitespace().count() <= 6
                && (1..=3).contains(&first.split_whitespace().count())
                && first.chars().filter(|c| c.is_alphabetic()).count() >= 3
                && first
                    .chars()
                    .filter(|c| c.is_alphabetic())
                    .all(|c| ('\u{0600}'..='\u{06FF}').contains(&c))
                && line[dash + dash_len..].split_whitespace().take(4).count() == 4;
            if agency || capital_place || arabic_place {
                let s0 = b.start + st + lead;
                out.push(Span::new(s0, s0 + dash + dash_len));
            }
        }
    }
    out
}

/// Where the document's title is in its text: the first line equal to it
/// (the readers keep the title line in the text), or, failing that, the
/// first place it occurs. A document without a title (or whose text has
/// none) has none, and a document with no body spans is all body.
fn title_span(doc: &Document) -> Option<Span> {
    let title = doc
        .title
        .as_deref()
        .map(str::trim)
        .filter(|t| !t.is_empty())?;
    let text = doc.text.as_str();
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let trimmed = line.trim();
        if trimmed == title {
            let start = offset + (line.len() - line.trim_start().len());
            return Some(Span::new(start, start + trimmed.len()));
        }
        offset += line.len();
    }
    text.find(title)
        .map(|start| Span::new(start, start + title.len()))
}

/// Intervals `[start, end)` sorted by start, with the running maximum of
/// their ends, so "does one of them overlap (or hold) this stretch?" costs
/// a binary search rather than a scan: a page of a hundred thousand
/// lines stays linear-logarithmic.
struct Intervals {
    starts: Vec<usize>,
    max_end: Vec<usize>,
}

impl Intervals {
    fn new(spans: impl Iterator<Item = (usize, usize)>) -> Intervals {
        let mut v: Vec<(usize, usize)> = spans.map(|(a, b)| (a, b.max(a))).collect();
        v.sort_unstable();
        let mut max = 0;
        let max_end = v
            .iter()
            .map(|&(_, e)| {
                max = max.max(e);
                max
            })
            .collect();
        Intervals {
            starts: v.iter().map(|&(a, _)| a).collect(),
            max_end,
        }
    }

    /// One interval overlaps `[a, b)`.
    fn overlaps(&self, a: usize, b: usize) -> bool {
        let k = self.starts.partition_point(|&s| s < b);
        k > 0 && self.max_end[k - 1] > a
    }

    /// One interval holds `[a, b)`.
    fn contains(&self, a: usize, b: usize) -> bool {
        let k = self.starts.partition_point(|&s| s <= a);
        k > 0 && self.max_end[k - 1] >= b
    }
}

/// Words `a..=b` are connected without a clause break (a ≤ b).
fn joined(words: &Words, a: usize, b: usize) -> bool {
    (a..b).all(|i| words.joined.get(i).copied().unwrap_or(false))
}
