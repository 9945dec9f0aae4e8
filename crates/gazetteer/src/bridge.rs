//! The cross-script bridge: an Arabic spelling the gazetteer does not know,
//! read as a place of the document's country whose name has the same
//! consonant skeleton (see [`crate::skeleton`]).
//!
//! A skeleton is a weak key: any three consonants are the skeleton of
//! some village of some country, and of many Arabic words. So the bridge
//! is crossed only where the text itself says a place stands, and only
//! towards places the document is about:
//!
//! - the words stand where a place must be: right after a type noun
//!   (قرية، بلدة، مدينة، منطقة، محلية، مخيم، حي) or, for skeletons of
//!   three consonants or more, after a word of nearness or a preposition
//!   (قرب، بالقرب من، في، بين);
//! - no reading of the gazetteer took them, and they are no common word,
//!   given name, cue word or frequent Arabic word (`bridge_words.tsv`);
//! - the place lies in a country the document is about, or within 100 km
//!   of its other places; a two-consonant skeleton needs the type noun and
//!   the country, a skeleton after a bare preposition the country and
//!   either four consonants or the support of the document's other places
//!   (within 100 km of one, or in a first-level area it names).
//!
//! Among the places that pass, the one that fits best wins: the document's
//! other places (distance, first-level area), the fit of the vowels
//! ([`skeleton::similarity`]), the kind the type noun announces, and the
//! population. When two far-apart places fit equally and nothing in the
//! document chooses between them, the name stays unresolved.

use rasd_model::Span;

use crate::data::{Class, CueKind, Entry, Tables, TypeHint};
use crate::index::ARABIC_NAMED;
use crate::keys;
use crate::matcher::{Doc, Word};
use crate::resolve::Ctx;
use crate::skeleton;
use crate::PlaceKind;

/// What announces the words as a place.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Stand {
    /// A type noun of a town, area, district or site.
    Type(TypeHint),
    /// A word of nearness or a preposition.
    Prep,
}

/// A name the bridge placed: words `first..=last`, the record.
#[derive(Debug, Clone)]
pub(crate) struct Bridged {
    pub first: usize,
    pub last: usize,
    pub span: Span,
    pub entry: u32,
    /// How clearly the best record beat the others, 0..1.
    pub margin: f32,
}

/// Most words a name read through the bridge may have.
const MAX_WORDS: usize = 3;

impl Tables {
    /// A word that may open a place name the gazetteer lacks: an Arabic
    /// word of three letters or more, no word of the lists, and not ending
    /// in ة (after a type noun, nearly always an adjective that agrees
    /// with it: منطقة حدودية، بلدة مجاورة). This is the part that counts
    /// and looks up; [`bridgeable_shape`] is the rest of the test.
    fn bridgeable_word(&self, w: &Word) -> bool {
        if keys::letters(&w.key) < 3 {
            return false;
        }
        let prefix = &w.key[..w.key.len() - w.stem.len()];
        let prefix = prefix.strip_suffix("ال").unwrap_or(prefix);
        let bare = keys::strip_article(&w.key).unwrap_or(&w.key);
        let listed = |k: &str| self.listed.contains(k);
        // With a proclitic split off, the rest must be no listed word
        // either (في مخيمات ومواقع: "and sites").
        !(listed(&w.key)
            || listed(bare)
            || (!prefix.is_empty() && listed(w.stem))
            || w.cue.is_some()
            || self.cues.contains_key(bare)
            || self.named.contains(bare))
    }
}

/// The quick tests of [`Tables::bridgeable_word`]: an Arabic word not
/// ending in ة, without a preposition and the article in front.
fn bridgeable_shape(w: &Word) -> bool {
    if !w.arabic || w.number || w.key.ends_with('ه') {
        return false;
    }
    // A preposition with the article (للبناء، بالقرب) opens no name; a
    // bare proclitic letter may be the name's own first letter
    // (فينوتي).
    let prefix = &w.key[..w.key.len() - w.stem.len()];
    !(prefix.starts_with("لل") || (prefix.len() > "ال".len() && prefix.ends_with("ال")))
}

/// What stands before word `k`, if it announces a place.
fn stand_before(t: &Tables, doc: &Doc, k: usize) -> Option<Stand> {
    let (a, kind) = doc.cue_before(t, k)?;
    let w = &doc.words[a];
    // After "airport", "street", "hospital" comes a man's name more often
    // than a place's (مطار ديوري هاماني).
    if !w.arabic || t.named.contains(w.stem) {
        return None;
    }
    match kind {
        // "المدينة X" is "the city, X": the article makes it no type noun.
        CueKind::Type(h) if !has_article(w) => match h {
            TypeHint::Town | TypeHint::Area | TypeHint::Admin2 | TypeHint::Site => {
                Some(Stand::Type(h))
            }
            TypeHint::Admin1 => None,
        },
        CueKind::Near | CueKind::Prep => Some(Stand::Prep),
        _ => None,
    }
}

fn has_article(w: &Word) -> bool {
    w.key.len() > w.stem.len() && w.key[..w.key.len() - w.stem.len()].ends_with("ال")
}

/// Whether a span of `taken` (sorted, not overlapping) overlaps `s`.
fn covers(taken: &[Span], s: Span) -> bool {
    let i = taken.partition_point(|c| c.end <= s.start);
    taken.get(i).is_some_and(|c| c.overlaps(&s))
}

/// Walks `n` words left to right: `read_at(k)` is the name read from word
/// `k`, if any; after a name the walk goes on past its last word.
fn walk(n: usize, mut read_at: impl FnMut(usize) -> Option<Bridged>) -> Vec<Bridged> {
    let mut out = Vec::new();
    let mut k = 0;
    while k < n {
        match read_at(k) {
            Some(b) => {
                k = b.last + 1;
                out.push(b);
            }
            None => k += 1,
        }
    }
    out
}

/// Reads, through the bridge, the names that stand where a place must be
/// and that no mention in `taken` (sorted, not overlapping) covers.
pub(crate) fn bridge(t: &Tables, doc: &Doc, ctx: &Ctx, taken: &[Span]) -> Vec<Bridged> {
    let is_taken = |s: Span| covers(taken, s);
    walk(doc.words.len(), |k| {
        let w = &doc.words[k];
        // The cheap tests first: whether it stands after a word that may
        // end a cue (most words do not: a flag of the word before says
        // so), the word's shape, whether a mention took it, and only then
        // the look-ups of its lists.
        // (A cue word is no name: its flag says so before the look-ups.)
        let stand =
            (doc.after_tail(k) && bridgeable_shape(w) && w.cue.is_none() && !is_taken(w.span))
                .then(|| stand_before(t, doc, k))
                .flatten()
                .filter(|_| t.bridgeable_word(w));
        let stand = stand?;
        // The longest run of words first: فنوت سلام before فنوت. A later
        // word may be a common word (سلام "peace"), not a cue word nor a
        // word joined by "and" (بين ديافارابي وتينينكو).
        let mut end = k;
        while end + 1 < doc.words.len() && end + 1 - k < MAX_WORDS && doc.joined(end) {
            let next = &doc.words[end + 1];
            let prefix = &next.key[..next.key.len() - next.stem.len()];
            if !next.arabic
                || next.number
                || is_taken(next.span)
                || next.cue.is_some()
                || prefix.starts_with(['و', 'ف'])
                || next.key.ends_with('ه')
            {
                break;
            }
            end += 1;
        }
        (k..=end)
            .rev()
            .find_map(|last| read(t, doc, ctx, k, last, stand))
    })
}

/// Candidates of words `first..=last` and the best, if one may stand.
fn read(
    t: &Tables,
    doc: &Doc,
    ctx: &Ctx,
    first: usize,
    last: usize,
    stand: Stand,
) -> Option<Bridged> {
    let words: Vec<&str> = doc.words[first..=last].iter().map(|w| &*w.key).collect();
    let key = skeleton::arabic(words.iter().copied())?;
    let n = skeleton::len(&key);
    let typed = matches!(stand, Stand::Type(_));
    // A site noun (موقع، قاعدة، حي) is followed by a description as often
    // as by a name: three consonants at least.
    let site = stand == Stand::Type(TypeHint::Site);
    let prep_ok = n >= 3 && transliterated(&words);
    if n < 2 || (site && n < 3) || !(typed || prep_ok) {
        return None;
    }
    if !typed && words.iter().any(|w| t.bridge_prep.contains(w)) {
        return None;
    }
    let hit = t.skeleton.get(&key)?;
    let hint = match stand {
        Stand::Type(h) => Some(h),
        Stand::Prep => None,
    };
    let mut cands: Vec<(u32, f32)> = Vec::new();
    for p in hit.postings() {
        let e = &t.entries[p.entry as usize];
        if matches!(e.class, Class::Country | Class::Admin1) {
            continue;
        }
        // A name of one word is not spelt as two Arabic words: the second
        // is the sentence going on (ليوا لجأ "Liwa, took refuge").
        if words.len() > keys::name_words(e.name).len() {
            continue;
        }
        let about = ctx.about(e.country);
        let near = ctx.near_bonus(p.entry, e, u32::MAX);
        let area = e.admin1 != crate::data::NONE && ctx.admin1.contains_key(&e.admin1);
        // After a bare preposition, only the countries whose names reach
        // Arabic as transliterations: elsewhere a word that reads like a
        // village is a word (مقاتلي "fighters of" is no Syrian hamlet),
        // and the villages have their Arabic names in the sources.
        // In the other countries the sources have the Arabic names of
        // most villages: a spelling they lack is for a place they name in
        // Latin only, and it needs the document's other places nearby
        // (حي ثعبات in Taiz is not Thabat of Marib, ثبت).
        let translit = t.countries[e.country as usize].translit;
        let support = near >= 0.3 || area;
        let ok = if typed {
            (about || (n >= 3 && near >= 0.3))
                && (translit || (support && p.flags & ARABIC_NAMED == 0))
        } else {
            translit && about && (n >= 4 || support)
        };
        if !ok {
            continue;
        }
        let Some(f) = fit(&words, e, hint, n) else {
            continue;
        };
        let s = f + near + if area { 0.3 } else { 0.0 };
        match cands.iter_mut().find(|c| c.0 == p.entry) {
            Some(c) => c.1 = c.1.max(s),
            None => cands.push((p.entry, s)),
        }
    }
    choose(t, doc, cands, first, last)
}

/// The best of the candidates (record, score) of words `first..=last`,
/// unless a far-apart place (not the same town's district or airport, 25 km
/// or more away) fits within 0.05 of it: then nothing in the document
/// chooses between them.
fn choose(
    t: &Tables,
    doc: &Doc,
    mut cands: Vec<(u32, f32)>,
    first: usize,
    last: usize,
) -> Option<Bridged> {
    cands.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    let &(best, score) = cands.first()?;
    let b = &t.entries[best as usize];
    let second = cands
        .iter()
        .skip(1)
        .find(|(q, _)| {
            let f = &t.entries[*q as usize];
            f.country != b.country || km(b, f) > 25.0
        })
        .map(|c| c.1);
    if second.is_some_and(|s2| score - s2 < 0.05) {
        return None;
    }
    Some(Bridged {
        first,
        last,
        span: Span::new(doc.words[first].span.start, doc.words[last].span.end),
        entry: best,
        margin: second.map_or(1.0, |s2| (score - s2).clamp(0.0, 1.0)),
    })
}

/// After a bare preposition only a name that looks transliterated may
/// cross: no article, and a last word that ends in a long vowel (ديافارابي،
/// باتيبو، كانوما), as the names of the Sahel and of East and West Africa
/// do and the nouns that follow في، على، من in a report do not (a noun
/// after a preposition ends in a consonant or ة; an ending -ين، -ون، -ات
/// is a plural).
fn transliterated(words: &[&str]) -> bool {
    let Some(last) = words.last() else {
        return false;
    };
    words.iter().all(|w| keys::strip_article(w).is_none())
        && last.ends_with(['ا', 'ي', 'و'])
        && !last.ends_with("وا")
}

/// The least vowel fit ([`skeleton::similarity`]) a record's name needs,
/// by the number of consonants the skeletons share: the fewer, the more
/// the vowels must agree (أكوبو is Akobo, not Juba).
fn least_fit(n: usize) -> f32 {
    match n {
        0..=2 => 0.75,
        3 => 0.6,
        _ => 0.5,
    }
}

/// How well a record fits the words: the vowels of its name, the kind the
/// type noun announces, its size.
/// `None` when the vowels do not fit well enough.
fn fit(words: &[&str], e: &Entry, hint: Option<TypeHint>, n: usize) -> Option<f32> {
    let name = keys::name_words(e.name);
    let latin: Vec<&str> = name.iter().map(String::as_str).collect();
    let vowels = skeleton::similarity(words, &latin);
    if vowels < least_fit(n) {
        return None;
    }
    let kind = kind_fit(hint, e);
    let size = if e.population > 0 {
        0.05 * (e.population as f32).log10()
    } else {
        0.0
    };
    Some(0.5 * vowels + kind + size + 0.5 * e.prior)
}

/// How well a record's kind fits the type noun before it (the bridge's
/// own weights, milder than the resolver's: the name is uncertain).
fn kind_fit(hint: Option<TypeHint>, e: &Entry) -> f32 {
    match hint {
        Some(TypeHint::Town) if e.kind == PlaceKind::PopulatedPlace => 0.2,
        Some(TypeHint::Town) => -0.2,
        Some(TypeHint::Admin1) if e.class == Class::Admin1 => 0.3,
        Some(TypeHint::Admin2) if e.class == Class::Admin2 => 0.3,
        Some(TypeHint::Area) if matches!(e.class, Class::Admin2 | Class::Region) => 0.2,
        Some(TypeHint::Site) if e.class == Class::Site => 0.2,
        _ => 0.0,
    }
}

fn km(a: &Entry, b: &Entry) -> f32 {
    let dx = (a.lon - b.lon) * a.lat.to_radians().cos();
    let dy = a.lat - b.lat;
    (dx * dx + dy * dy).sqrt() * 111.2
}

/// Lower-case words that may sit inside a Latin place name ("Mocímboa da
/// Praia", "Ti-n-Akof", "Dar es Salaam"): articles and particles.
const LATIN_INNER: &[&str] = &[
    "da", "de", "do", "di", "du", "el", "al", "es", "ed", "n", "i", "wa",
];

/// The Latin side of the bridge: a capitalised name the gazetteer does not
/// know as written, read as a place of the document's country whose Latin
/// name is spelt alike (Bulo Mareer for Buulo Mareer, Ogossagu for
/// Ogossagou, Hudur for Xuddur, Ti-n-Akof for Tin-Akof). The same safety
/// conditions as for Arabic, stricter on the spelling:
///
/// - a cue says a place stands there: a type noun before or after the
///   name ("the village of X", "X district"), a word of nearness, a
///   distance or direction, or a preposition;
/// - no reading of the gazetteer matched the same words, and no word is a
///   cue or a listed common word (`stopwords.tsv`);
/// - the place lies in a country the document is about; after a bare
///   preposition its skeleton has four consonants or more, or the
///   document's other places support it (within 100 km, or in a
///   first-level area the text names); after a type noun, three or more;
///   and when a first-level area is named right after the name, in it;
/// - the two spellings open alike and their shapes agree at 0.8 or more
///   ([`skeleton::latin_similarity`]), and no far-apart place fits as well.
pub(crate) fn bridge_latin(
    t: &Tables,
    doc: &Doc,
    ctx: &Ctx,
    taken: &[Span],
    known: &[Span],
) -> Vec<Bridged> {
    if doc.all_caps {
        return Vec::new();
    }
    let is_taken = |s: Span| covers(taken, s);
    let opens = |w: &Word| {
        !w.arabic
            && w.cap
            && !w.number
            && w.key.len() >= 3
            && !t.is_stop(&w.key)
            && w.cue.is_none()
            && !is_taken(w.span)
    };
    walk(doc.words.len(), |k| {
        if !opens(&doc.words[k]) {
            return None;
        }
        // The run of words the name may span: capitalised words, and the
        // particles between them.
        let mut end = k;
        while end + 1 < doc.words.len() && end + 1 - k < MAX_WORDS + 1 && doc.joined(end) {
            let next = &doc.words[end + 1];
            let inner = !next.cap && LATIN_INNER.contains(&&*next.key);
            if next.arabic || next.number || is_taken(next.span) || !(opens(next) || inner) {
                break;
            }
            end += 1;
        }
        (k..=end).rev().find_map(|last| {
            if !doc.words[last].cap {
                return None;
            }
            let span = Span::new(doc.words[k].span.start, doc.words[last].span.end);
            // The gazetteer knows these words as written: its own rules
            // took or refused them.
            if known
                .binary_search_by_key(&(span.start, span.end), |s| (s.start, s.end))
                .is_ok()
            {
                return None;
            }
            let stand = latin_stand(t, doc, k, last)?;
            read_latin(t, doc, ctx, k, last, stand)
        })
    })
}

/// What says that words `first..=last` (Latin) name a place.
fn latin_stand(t: &Tables, doc: &Doc, first: usize, last: usize) -> Option<Stand> {
    let cue = doc.cue(t, first, false);
    if let Some(h) = cue.hint {
        return Some(Stand::Type(h));
    }
    if doc.joined(last) {
        if let Some(CueKind::Type(h)) = doc.words.get(last + 1).and_then(|n| n.cue) {
            return Some(Stand::Type(h));
        }
    }
    (cue.strength > crate::matcher::Strength::None).then_some(Stand::Prep)
}

fn read_latin(
    t: &Tables,
    doc: &Doc,
    ctx: &Ctx,
    first: usize,
    last: usize,
    stand: Stand,
) -> Option<Bridged> {
    let words: Vec<&str> = doc.words[first..=last].iter().map(|w| &*w.key).collect();
    let mut keys = vec![skeleton::latin(words.iter().copied())?];
    // "Khudur": the press's kh for a Somali x (Xuddur) or h.
    let soft: Vec<String> = words.iter().map(|w| w.replace("kh", "h")).collect();
    if let Some(k) = skeleton::latin(soft.iter().map(String::as_str)) {
        if !keys.contains(&k) {
            keys.push(k);
        }
    }
    let typed = matches!(stand, Stand::Type(_));
    let hint = match stand {
        Stand::Type(h) => Some(h),
        Stand::Prep => None,
    };
    // The first-level area named right after the words ("X in Lower
    // Shabelle") holds the place: a namesake elsewhere is another place.
    let container = (first..=last).find_map(|w| ctx.container.get(&w)).copied();
    let mut cands: Vec<(u32, f32)> = Vec::new();
    for (ki, key) in keys.iter().enumerate() {
        let n = skeleton::len(key);
        if n < 3 {
            continue;
        }
        let Some(hit) = t.skeleton.get(key) else {
            continue;
        };
        let text: &[String] = if ki == 0 { &[] } else { &soft };
        let text: Vec<&str> = if text.is_empty() {
            words.clone()
        } else {
            text.iter().map(String::as_str).collect()
        };
        for p in hit.postings() {
            let e = &t.entries[p.entry as usize];
            if e.class == Class::Country
                || !ctx.about(e.country)
                || container.is_some_and(|a| a != e.admin1)
            {
                continue;
            }
            let near = ctx.near_bonus(p.entry, e, u32::MAX);
            let area = e.admin1 != crate::data::NONE && ctx.admin1.contains_key(&e.admin1);
            if !typed && n < 4 && !(near >= 0.3 || area) {
                continue;
            }
            let name = keys::name_words(e.name);
            let mut latin: Vec<&str> = name.iter().map(String::as_str).collect();
            let press;
            if t.countries[e.country as usize].iso2 == "SO" {
                if let Some(r) = skeleton::somali_spelling(&latin) {
                    press = r;
                    latin = press.iter().map(String::as_str).collect();
                }
            }
            let sim = skeleton::latin_similarity(&text, &latin);
            if sim < 0.8 {
                continue;
            }
            let s = sim + kind_fit(hint, e) + 0.5 * e.prior + near + if area { 0.3 } else { 0.0 };
            match cands.iter_mut().find(|c| c.0 == p.entry) {
                Some(c) => c.1 = c.1.max(s),
                None => cands.push((p.entry, s)),
            }
        }
    }
    choose(t, doc, cands, first, last)
}
