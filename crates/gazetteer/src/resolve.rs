//! Choosing the place each mention means, and whether it is one at all.
//!
//! Each candidate record of a mention gets a score:
//!
//! - its prior (countries > capitals > cities by population > districts >
//!   villages > sites), plus a bonus when the spelling is a curated alias;
//! - the fit between the cue word and the record's kind (مدينة favours a
//!   town, ولاية/محافظة a first-level area, منطقة any area, معسكر a camp);
//! - the document: a country the text names or whose unambiguous cities it
//!   names, a first-level area it names, other places within 100–300 km.
//!
//! The best candidate must then earn acceptance, by salience:
//!
//! | record | accepted when |
//! |---|---|
//! | High (country, admin1, capital, city ≥ 50 000) | always |
//! | Medium (district, town ≥ 2 000, curated) | after any cue; or, for a transliterated Arabic name, in a document about its country |
//! | Low (any other village, site) | after a strong cue; or after a weak cue in a document about its country (transliterated names) |
//!
//! with these vetoes: a name that is a function word (`stopwords.tsv`)
//! needs a strong cue and a document about its country; a name that is a
//! common word (`common_words.tsv`, the month names) or a given name
//! (`given_names.tsv`) needs a strong cue, or a preposition in a document
//! about its country, whatever the record's size; the word after a given
//! name is part of a man's name, and a name after a facility often named
//! after a person (مطار، شارع، مستشفى) is a place only in a document about
//! its country; a name of fewer than three letters needs a strong cue and a
//! High record; a Latin name must be capitalised. A record outside the
//! countries the document is about needs to be High, or Medium with a
//! strong cue; and with no cue word, far from the document's other places,
//! only a capital or a first-level area stays. None of these doubtful names
//! makes its country one the document is about. A name accepted once in the
//! document is accepted wherever it recurs. A name that a type noun
//! announces but that fails (or is not in the gazetteer at all) is reported
//! unresolved, with its span.
//!
//! Geo precision follows the event schema: 1 the town itself, 2 near it, a
//! distance or direction from it, 3 an admin area, region or country.

use std::cell::RefCell;

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use rasd_model::Span;
use rasd_text::Analysis;

use crate::countries::{find_countries, CountryHit};
use crate::data::{Class, CueKind, Entry, Salience, Tables, TypeHint, NONE};
use crate::index::{Posting, ALIAS, ALTERNATE, GUESSED, LATIN, LOOSE, VARIANT};
use crate::keys;
use crate::matcher::{find_names, Cue, Doc, RawMention, Strength};
use crate::{CountryForm, CountryMention, Place, PlaceKind, PlaceMention, Relation};

/// The document-level picture every mention is scored against.
#[derive(Default)]
pub(crate) struct Ctx {
    /// Countries the text names (names and demonyms).
    named: HashSet<u16>,
    /// Countries of unambiguous, salient city names.
    anchors: HashSet<u16>,
    /// First-level areas of the salient places of the text, with the
    /// names that point to them.
    pub(crate) admin1: HashMap<u32, Vec<u32>>,
    /// Coordinates of the first-pass choices, with the name (each pair once:
    /// a long text repeats its places).
    points: Vec<Point>,
    /// Distance bonus already computed, by (record, name).
    near_memo: RefCell<HashMap<(u32, u32), f32>>,
    /// The first-level area named right after a mention ("Balcad in Middle
    /// Shabelle", "X بولاية Y"), by the mention's first word: it says which
    /// of the places of that name is meant, whatever the rest of the text
    /// is about.
    pub(crate) container: HashMap<usize, u32>,
}

/// Points up to which [`Ctx::near_bonus`] measures again rather than
/// memoizes.
const MEMO_POINTS: usize = 16;

struct Point {
    lat: f32,
    lon: f32,
    cos_lat: f32,
    key: u32,
}

impl Ctx {
    /// The bonus for being close to the other places of the text (not to
    /// other mentions of the same name). Distances are equirectangular:
    /// exact enough at the 100–300 km this cares about, and cheap.
    pub(crate) fn near_bonus(&self, entry: u32, e: &Entry, key: u32) -> f32 {
        // The memo pays for a long text with many places; a few points
        // cost less to measure again than a hash map entry (the points are
        // all in place before the first call: the answer is the same).
        let memo = self.points.len() > MEMO_POINTS;
        if memo {
            if let Some(&b) = self.near_memo.borrow().get(&(entry, key)) {
                return b;
            }
        }
        let mut best = f32::INFINITY;
        for p in self.points.iter().filter(|p| p.key != key) {
            let dx = (e.lon - p.lon) * p.cos_lat;
            let dy = e.lat - p.lat;
            best = best.min(dx * dx + dy * dy);
        }
        let km = best.sqrt() * 111.2;
        let b = if km < 100.0 {
            0.3
        } else if km < 300.0 {
            0.15
        } else {
            0.0
        };
        if memo {
            self.near_memo.borrow_mut().insert((entry, key), b);
        }
        b
    }
}

impl Ctx {
    pub(crate) fn about(&self, country: u16) -> bool {
        self.named.contains(&country) || self.anchors.contains(&country)
    }
    fn is_empty(&self) -> bool {
        self.named.is_empty() && self.anchors.is_empty()
    }
}

struct Mention {
    raw: RawMention,
    cue: Cue,
    stop: bool,
    latin: bool,
    /// The cue is the one of the name before, in a list.
    inherited: bool,
    /// A number for the matched key, equal for equal keys.
    key_id: u32,
    /// Cannot stand on its own (see `analyse`): only a recurrence of an
    /// accepted name.
    idle: bool,
    /// A Latin name right after or before another capitalised word that
    /// is no cue: part of a person's or a body's name ("Abdullahi Farah"),
    /// or the head of a longer place name the gazetteer lacks.
    in_proper_name: bool,
    /// What the words say about the name itself (see [`Words`]).
    words: Words,
}

/// What a name's own words say against it being a place.
#[derive(Debug, Clone, Copy, Default)]
struct Words {
    /// The name (or the whole word it was read from, clitics included) is
    /// a common word (`common_words.tsv`, the month names): لجان، يونيو.
    common: bool,
    /// Only the whole word is: its clitic (ل in ولسان "and a tongue", read
    /// و + ل + San) is no preposition before a place.
    clitic_word: bool,
    /// The name is a given name (آدم، عدي).
    given: bool,
    /// Right after a given name: the rest of a man's name (محمد حسن).
    after_given: bool,
    /// Right after a facility that is often named after a person (مطار،
    /// شارع، مستشفى).
    named_after: bool,
}

impl Words {
    fn of(t: &Tables, doc: &Doc, raw: &RawMention) -> Words {
        let first = raw.first;
        let w = &doc.words[first];
        if !w.arabic {
            return Words::default();
        }
        let one = raw.first == raw.last;
        // The name's own look-ups only for a one-word name, the only kind
        // they decide.
        let name_common = || {
            t.is_common(raw.key.as_str())
                || keys::strip_article(&raw.key).is_some_and(|b| t.is_common(b))
        };
        // The word with its preposition (لسان، ولسان) is itself a word.
        let clitic_word = one
            && raw.prep_clitic
            && (t.is_common(&w.key)
                || w.key
                    .strip_prefix(['و', 'ف'])
                    .is_some_and(|k| t.is_common(k)));
        let common = one && (name_common() || t.is_common(&w.key));
        let given = one && t.is_given(raw.key.as_str());
        let before = first
            .checked_sub(1)
            .filter(|&k| doc.joined(k))
            .map(|k| &doc.words[k]);
        let after_given = before.is_some_and(|b| b.arabic && t.is_given(b.stem) && b.cue.is_none());
        let named_after = before.is_some_and(|b| t.named.contains(b.stem));
        Words {
            common,
            clitic_word,
            given,
            after_given,
            named_after,
        }
    }

    /// Any of the above: the name cannot vouch for its country.
    fn doubtful(self) -> bool {
        self.common || self.given || self.after_given || self.named_after
    }
}

/// Whether `s` overlaps one of `sorted` (in text order, not overlapping
/// each other).
fn overlaps_any(sorted: &[Span], s: Span) -> bool {
    let i = sorted.partition_point(|c| c.end <= s.start);
    sorted.get(i).is_some_and(|c| c.overlaps(&s))
}

/// Great-circle distance in km.
fn km(a: (f32, f32), b: (f32, f32)) -> f32 {
    let (la1, lo1) = (a.0.to_radians(), a.1.to_radians());
    let (la2, lo2) = (b.0.to_radians(), b.1.to_radians());
    let h = ((la2 - la1) / 2.0).sin().powi(2)
        + la1.cos() * la2.cos() * ((lo2 - lo1) / 2.0).sin().powi(2);
    2.0 * 6371.0 * h.sqrt().asin()
}

impl Tables {
    pub(crate) fn is_stop(&self, key: &str) -> bool {
        // A filtered set: its filter answers most words without hashing
        // them.
        let stop = |k: &str| self.stopwords.contains(k);
        stop(key) || keys::strip_article(key).is_some_and(stop)
    }

    fn is_common(&self, key: &str) -> bool {
        self.common.contains(key)
    }

    fn is_given(&self, key: &str) -> bool {
        self.given.contains(key)
    }

    /// The public record of entry `idx`.
    pub(crate) fn place(&self, idx: u32) -> Place {
        let e = &self.entries[idx as usize];
        let c = &self.countries[e.country as usize];
        let name_of = |i: u32| {
            if i == NONE {
                String::new()
            } else {
                self.entries[i as usize].name.to_string()
            }
        };
        let round = |x: f32| ((x as f64) * 1e4).round() / 1e4;
        Place {
            id: idx,
            name: e.name.to_string(),
            kind: e.kind,
            iso3: c.iso3.to_string(),
            country: c.name.to_string(),
            admin1: if e.kind == PlaceKind::Country {
                String::new()
            } else {
                name_of(e.admin1)
            },
            admin2: name_of(e.admin2),
            lat: round(e.lat),
            lon: round(e.lon),
            population: e.population as u64,
        }
    }
}

/// Fit between the cue's type noun and a record's kind.
fn type_fit(hint: Option<TypeHint>, e: &Entry) -> f32 {
    let Some(h) = hint else {
        return 0.0;
    };
    let populated = e.kind == PlaceKind::PopulatedPlace;
    match (h, e.class) {
        (_, Class::Country) => -0.6,
        (TypeHint::Town, _) if populated => 0.3,
        (TypeHint::Town, Class::Admin1 | Class::Admin2 | Class::Region) => -0.2,
        (TypeHint::Admin1, Class::Admin1) => 0.6,
        (TypeHint::Admin1, Class::Admin2) => 0.2,
        (TypeHint::Admin1, _) if populated => -0.1,
        (TypeHint::Admin2, Class::Admin2) => 0.6,
        (TypeHint::Admin2, Class::Admin1) => 0.1,
        (TypeHint::Area, Class::Admin1 | Class::Admin2 | Class::Region) => 0.45,
        (TypeHint::Site, Class::Site) => 0.3,
        (TypeHint::Site, _) if populated => 0.1,
        _ => 0.0,
    }
}

fn score(t: &Tables, p: Posting, m: &Mention, ctx: &Ctx, second_pass: bool) -> f32 {
    let e = &t.entries[p.entry as usize];
    let mut s = e.prior;
    // A curated spelling is strong evidence for a place; for an area it is
    // not (ميناكا is listed for the Ménaka region, and is the town first).
    if p.flags & ALIAS != 0 && !matches!(e.class, Class::Admin1 | Class::Admin2) {
        s += 0.25;
    }
    if p.flags & LOOSE != 0 {
        s -= 0.25;
    }
    if p.flags & VARIANT != 0 {
        s -= 0.1;
    }
    if p.flags & ALTERNATE != 0 {
        s -= 0.3;
    }
    if e.class == Class::Site && m.cue.hint != Some(TypeHint::Site) {
        s -= 0.1;
    }
    s += type_fit(m.cue.hint, e);
    if ctx.named.contains(&e.country) {
        s += 0.5;
    } else if ctx.anchors.contains(&e.country) {
        s += 0.3;
    }
    if second_pass {
        if ctx.container.get(&m.raw.first) == Some(&e.admin1) && e.class != Class::Admin1 {
            s += 0.8;
        }
        // Evidence from the other names of the text only: a name repeated
        // does not vouch for itself.
        if e.admin1 != NONE {
            if let Some(by) = ctx.admin1.get(&e.admin1) {
                if by.iter().any(|k| *k != m.key_id) {
                    s += 0.4;
                }
            }
        }
        s += ctx.near_bonus(p.entry, e, m.key_id);
    }
    s
}

/// Candidates of a mention, best first: (posting, score), written into
/// `buf` (one buffer for all the mentions of a text, not a vector each).
fn ranked<'b>(
    t: &Tables,
    m: &Mention,
    ctx: &Ctx,
    second: bool,
    buf: &'b mut Vec<(Posting, f32)>,
) -> &'b [(Posting, f32)] {
    buf.clear();
    // One candidate: nothing to rank (its margin is taken as 1).
    if let [p] = m.raw.postings[..] {
        buf.push((p, 1.0));
        return buf;
    }
    buf.extend(
        m.raw
            .postings
            .iter()
            .map(|&p| (p, score(t, p, m, ctx, second))),
    );
    buf.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.entry.cmp(&b.0.entry)));
    buf
}

/// Whether the best candidate `e` may stand for the mention.
fn accept(t: &Tables, m: &Mention, e: &Entry, flags: u8, ctx: &Ctx, all_caps: bool) -> bool {
    let c = &t.countries[e.country as usize];
    let about = ctx.about(e.country);
    let strength = m.cue.strength;
    if m.latin && !all_caps && !m.raw.first_word_cap {
        return false;
    }
    if m.in_proper_name && strength < Strength::Strong {
        return false;
    }
    if m.stop && !(strength == Strength::Strong && about && e.salience >= Salience::Medium) {
        return false;
    }
    // The rest of a man's name is no place; nor is a name after "airport",
    // "street" or "hospital" that the document does not support.
    if m.words.after_given || (m.words.named_after && !(about && e.salience >= Salience::Medium)) {
        return false;
    }
    // A common word or a given name needs a cue: a type noun or a word of
    // nearness (in a document about the place's country, when the document
    // is about any), or a preposition in a document about its country.
    if (m.words.common || m.words.given)
        && !(strength == Strength::Strong && (about || ctx.is_empty()) && !m.words.named_after)
        && !(strength == Strength::Weak
            && about
            && e.salience >= Salience::Medium
            && !m.words.named_after
            && !m.words.clitic_word)
    {
        return false;
    }
    if keys::letters(&m.raw.key) < 3
        && !(strength == Strength::Strong && e.salience == Salience::High)
    {
        return false;
    }
    // A loose reading is a spelling variant: it needs a cue, and a
    // document about the place's country when the document is about any.
    if flags & LOOSE != 0 && (strength == Strength::None || (!about && !ctx.is_empty())) {
        return false;
    }
    // A spelling guessed from a Latin name: a type noun, or a document
    // about the place's country.
    if flags & GUESSED != 0 && !(about || strength == Strength::Strong) {
        return false;
    }
    // A transliterated Arabic name is rarely also an Arabic word; a Latin
    // word or an Arabic name of an Arab country may well be.
    let distinctive = c.translit && !m.latin;
    let ok = match e.salience {
        Salience::High => true,
        // A document that names no country at all gives no reason to doubt
        // a curated press spelling of a transliterated name.
        Salience::Medium => {
            strength >= Strength::Weak
                || (distinctive && (about || (ctx.is_empty() && flags & ALIAS != 0)))
        }
        // A capitalised Latin name after "in"/"à" in a document about its
        // country is a place as surely as a transliterated Arabic one.
        // So is a village of a first-level area the text names by another
        // name ("في صرواح" in a report on Marib province, "the market of
        // Mozogo in the Far North region"): the province vouches for the
        // village, even where names are Arabic words (after a preposition)
        // or a capitalised Latin name has no cue word.
        Salience::Low => {
            strength == Strength::Strong
                || (strength == Strength::Weak && about && (distinctive || m.latin))
                || ((strength == Strength::Weak || m.latin)
                    && about
                    && !m.stop
                    && !m.words.doubtful()
                    && area_named(ctx, e, m.key_id))
        }
    };
    if !ok {
        return false;
    }
    if !ctx.is_empty() && !about {
        return match e.salience {
            Salience::High => true,
            Salience::Medium => strength == Strength::Strong,
            Salience::Low => false,
        };
    }
    true
}

/// The first-level area of `e` is named in the text by another name than
/// the mention's own (a province, or a salient town of it).
fn area_named(ctx: &Ctx, e: &Entry, key: u32) -> bool {
    e.admin1 != NONE
        && e.class != Class::Admin1
        && ctx
            .admin1
            .get(&e.admin1)
            .is_some_and(|by| by.iter().any(|k| *k != key))
}

/// A place in a country the document is not about, with no cue word,
/// far (300 km or more) from every other place of the document: more likely
/// a word or a man's name read as a name than a place the report is about.
/// A country's capital, a first-level area or a big city named with a
/// preposition stays (a report on Mali may well say "in Lagos").
fn far_abroad(m: &Mention, e: &Entry, entry: u32, ctx: &Ctx) -> bool {
    if ctx.is_empty() || ctx.about(e.country) || ctx.near_bonus(entry, e, m.key_id) > 0.0 {
        return false;
    }
    let major = matches!(e.class, Class::Country | Class::Capital | Class::Admin1);
    match m.cue.strength {
        Strength::None => !major,
        Strength::Weak => !major && e.population < 100_000,
        Strength::Strong => false,
    }
}

fn precision(kind: PlaceKind, relation: &Relation) -> u8 {
    match kind {
        PlaceKind::PopulatedPlace | PlaceKind::Other => match relation {
            Relation::At => 1,
            _ => 2,
        },
        _ => 3,
    }
}

/// The words of a text with everything the resolver needs.
pub(crate) struct Analysed<'a> {
    doc: Doc<'a>,
    mentions: Vec<Mention>,
    countries: Vec<CountryHit>,
    anchors: HashSet<u16>,
}

pub(crate) fn analyse<'a>(t: &Tables, text: &'a str, analysis: &'a Analysis) -> Analysed<'a> {
    let doc = Doc::new(t, text, analysis);
    let (raws, country_starts) = find_names(t, &doc);
    // Countries of names that can only be salient places of one country.
    let mut anchors = HashSet::default();
    let words: Vec<Words> = raws.iter().map(|r| Words::of(t, &doc, r)).collect();
    // Asked twice below: once here.
    let stop_keys: Vec<bool> = raws
        .iter()
        .map(|r| r.key_stop.unwrap_or_else(|| t.is_stop(&r.key)))
        .collect();
    for ((r, w), &stop_key) in raws.iter().zip(&words).zip(&stop_keys) {
        // A name that may be a word or a man's name says nothing about the
        // document's country (عدي made a report on Mogadishu one about
        // Nigeria).
        if r.loose || r.stop_reading || stop_key || keys::letters(&r.key) < 3 || w.doubtful() {
            continue;
        }
        if r.postings.iter().any(|p| p.flags & LATIN != 0)
            && !doc.words[r.first].cap
            && !doc.all_caps
        {
            continue;
        }
        let mut countries = r
            .postings
            .iter()
            .map(|p| &t.entries[p.entry as usize])
            .filter(|e| e.salience == Salience::High)
            .map(|e| e.country);
        if let Some(first) = countries.next() {
            if countries.all(|c| c == first) {
                anchors.insert(first);
            }
        }
    }
    let countries = find_countries(t, &doc, &country_starts, &anchors);
    let mut mentions: Vec<Mention> = Vec::with_capacity(raws.len());
    let key_of = key_ids(&raws);
    let mut prev_last: Option<usize> = None;
    for (((raw, key_id), words), stop_key) in raws.into_iter().zip(key_of).zip(words).zip(stop_keys)
    {
        // A village name with no cue word before it, no preposition and no
        // list to join can only be accepted by recurring after a cued
        // mention: it is left idle, and costs nothing more unless it does.
        let first = raw.first;
        let listed = prev_last.is_some_and(|p| p + 2 >= first);
        let cue_before = first > 0 && doc.joined(first - 1) && doc.words[first - 1].tail;
        let may_stand =
            raw.prep_clitic || raw.conj_clitic || listed || cue_before || !doc.words[first].arabic;
        let idle = !may_stand
            && raw
                .postings
                .iter()
                .all(|p| t.entries[p.entry as usize].salience == Salience::Low);
        prev_last = Some(raw.last);
        let mut cue = if idle {
            Cue {
                strength: Strength::None,
                hint: None,
                relation: Relation::At,
                relation_span: None,
                start_word: first,
            }
        } else {
            doc.cue_around(t, raw.first, raw.last, raw.prep_clitic)
        };
        // "مطار مقديشو": the airport of a town is at the town, as "في" says.
        if words.named_after && cue.strength == Strength::None {
            cue.strength = Strength::Weak;
        }
        let stop = stop_key || raw.stop_reading;
        // A capitalised word that is no cue or common word, joined to the
        // name, before it ("Abdullahi Farah") or after it (the first word
        // of a longer name the gazetteer lacks: "Buulo Mareer").
        let proper_word = |w: usize| {
            doc.words[w].cap
                && !doc.words[w].arabic
                && !t.is_stop(&doc.words[w].key)
                && doc.words[w].cue.is_none()
        };
        let last = raw.last;
        let in_proper_name = !doc.words[first].arabic
            && !doc.all_caps
            && ((first > 0 && doc.joined(first - 1) && proper_word(first - 1))
                || (last + 1 < doc.words.len() && doc.joined(last) && proper_word(last + 1)));
        let latin = !doc.words[raw.first].arabic;
        mentions.push(Mention {
            raw,
            cue,
            stop,
            latin,
            inherited: false,
            key_id,
            idle,
            in_proper_name,
            words,
        });
    }
    // A name in a list inherits the cue of the name before it: "في جاو
    // وميناكا", "near Gao, Ansongo and Menaka".
    for k in 1..mentions.len() {
        let (before, after) = mentions.split_at_mut(k);
        let prev = &before[k - 1];
        let m = &mut after[0];
        if m.cue.strength != Strength::None && m.cue.hint.is_some() {
            continue;
        }
        let gap = m.raw.first - prev.raw.last;
        let listed = (gap == 1
            && (doc.words[prev.raw.last].comma_next
                || (m.raw.conj_clitic && doc.joined(prev.raw.last))))
            || (gap == 2
                && doc.joined(prev.raw.last)
                && doc.joined(prev.raw.last + 1)
                && matches!(
                    &*doc.words[prev.raw.last + 1].key,
                    "و" | "او" | "and" | "or" | "et" | "ou"
                ));
        if listed && prev.cue.strength > m.cue.strength {
            let start_word = m.cue.start_word;
            m.cue = prev.cue.clone();
            m.cue.start_word = start_word;
            m.inherited = true;
        }
    }
    Analysed {
        doc,
        mentions,
        countries,
        anchors,
    }
}

/// A number for each mention's key, equal for equal keys, in order of
/// first appearance.
fn key_ids(raws: &[RawMention]) -> Vec<u32> {
    // A short text has a handful of names: comparing each key with the
    // ones before costs less than hashing them all into a map (which
    // also allocates). A long text gets the map.
    const FEW: usize = 16;
    if raws.len() <= FEW {
        let mut ids: Vec<u32> = Vec::with_capacity(raws.len());
        let mut next = 0;
        for (k, r) in raws.iter().enumerate() {
            let id = match raws[..k].iter().position(|o| o.key == r.key) {
                Some(j) => ids[j],
                None => {
                    next += 1;
                    next - 1
                }
            };
            ids.push(id);
        }
        return ids;
    }
    let mut ids: HashMap<&str, u32> = HashMap::default();
    raws.iter()
        .map(|r| {
            let next = ids.len() as u32;
            *ids.entry(r.key.as_str()).or_insert(next)
        })
        .collect()
}

pub(crate) fn country_mentions(t: &Tables, a: &Analysed) -> Vec<CountryMention> {
    a.countries
        .iter()
        .map(|h| {
            let c = &t.countries[h.country as usize];
            CountryMention {
                span: h.span,
                iso3: c.iso3,
                country: c.name,
                form: if h.demonym {
                    CountryForm::Demonym
                } else {
                    CountryForm::Name
                },
            }
        })
        .collect()
}

pub(crate) fn geocode(t: &Tables, a: &Analysed) -> Vec<PlaceMention> {
    let doc = &a.doc;
    let mut ctx = Ctx {
        named: a.countries.iter().map(|h| h.country).collect(),
        anchors: a.anchors.clone(),
        ..Ctx::default()
    };
    // First pass: context of countries only. A name that is read as a
    // country (Niger, not Niger State) adds no area or point.
    let mut seen: HashSet<(u32, u32)> = HashSet::default();
    let country_spans: Vec<Span> = a.countries.iter().map(|h| h.span).collect();
    let demonym_spans: Vec<Span> = a
        .countries
        .iter()
        .filter(|h| h.demonym)
        .map(|h| h.span)
        .collect();
    // The first-level area each mention was read as in this pass, accepted
    // (the acceptance rules read only the countries, which this pass does
    // not change): it contains the name just before it.
    let mut first_area: Vec<Option<u32>> = vec![None; a.mentions.len()];
    // Names this pass skips (read as countries, or idle) are ranked when
    // needed.
    let mut skipped: Vec<bool> = vec![false; a.mentions.len()];
    let mut rank_buf: Vec<(Posting, f32)> = Vec::new();
    for (k, m) in a.mentions.iter().enumerate().filter(|(_, m)| !m.idle) {
        let country_name = overlaps_any(&country_spans, m.raw.span);
        if country_name && m.cue.hint.is_none() {
            skipped[k] = true;
            continue;
        }
        let r = ranked(t, m, &ctx, false, &mut rank_buf);
        if let Some(&(p, _)) = r.first() {
            let e = &t.entries[p.entry as usize];
            // A town of the document's country that is not taken for
            // lack of a cue ("l'axe Douentza-Boni") still says where the
            // document is: its point helps choose among the villages of
            // the same name as its neighbours (the Boni of Mopti, not of
            // Kayes), when the name can be no other place.
            let hint = !m.stop
                && !m.words.doubtful()
                && (!m.latin || m.raw.first_word_cap)
                && e.salience >= Salience::Medium
                && ctx.about(e.country)
                && m.raw.postings.iter().all(|q| {
                    // The town, its district, its airport: one area.
                    let f = &t.entries[q.entry as usize];
                    f.country == e.country && f.admin1 == e.admin1
                });
            let accepted = accept(t, m, e, p.flags, &ctx, doc.all_caps);
            if accepted && e.class == Class::Admin1 && e.admin1 != NONE {
                first_area[k] = Some(e.admin1);
            }
            if (accepted || hint) && seen.insert((p.entry, m.key_id)) {
                ctx.points.push(Point {
                    lat: e.lat,
                    lon: e.lon,
                    cos_lat: e.lat.to_radians().cos(),
                    key: m.key_id,
                });
                if (e.salience == Salience::High || m.cue.strength == Strength::Strong)
                    && e.admin1 != NONE
                    && accepted
                {
                    ctx.admin1.entry(e.admin1).or_default().push(m.key_id);
                }
            }
        }
    }
    // The area named right after a name contains it.
    for (k, pair) in a.mentions.windows(2).enumerate() {
        let (m, next) = (&pair[0], &pair[1]);
        if m.idle || next.raw.first <= m.raw.last || next.raw.first > m.raw.last + 3 {
            continue;
        }
        let area = if skipped[k + 1] || next.idle {
            ranked(t, next, &ctx, false, &mut rank_buf)
                .first()
                .and_then(|&(p, _)| {
                    let e = &t.entries[p.entry as usize];
                    (e.class == Class::Admin1
                        && e.admin1 != NONE
                        && accept(t, next, e, p.flags, &ctx, doc.all_caps))
                    .then_some(e.admin1)
                })
        } else {
            first_area[k + 1]
        };
        if let Some(admin1) = area {
            ctx.container.insert(m.raw.first, admin1);
        }
    }
    // Second pass: areas and neighbours too.
    let mut out: Vec<PlaceMention> = Vec::new();
    let mut chosen: Vec<Option<(u32, f32)>> = vec![None; a.mentions.len()];
    let mut accepted_keys: HashMap<&str, u32> = HashMap::default();
    for (k, m) in a.mentions.iter().enumerate() {
        if m.idle {
            continue;
        }
        let r = ranked(t, m, &ctx, true, &mut rank_buf);
        let Some(&(p, best)) = r.first() else {
            continue;
        };
        let e = &t.entries[p.entry as usize];
        if accept(t, m, e, p.flags, &ctx, doc.all_caps) && !far_abroad(m, e, p.entry, &ctx) {
            // The runner-up that is a different place (not the same town's
            // airport or its district of the same name, within 25 km).
            let second = r
                .iter()
                .skip(1)
                .find(|(q, _)| {
                    let f = &t.entries[q.entry as usize];
                    f.country != e.country || km((e.lat, e.lon), (f.lat, f.lon)) > 25.0
                })
                .map_or(best - 1.0, |x| x.1);
            chosen[k] = Some((p.entry, best - second));
            accepted_keys.entry(m.raw.key.as_str()).or_insert(p.entry);
        }
    }
    // Names no reading of the gazetteer took, where a place must stand:
    // the skeleton bridge to places of the document's country.
    // A Latin name read as a place outside the first-level area named
    // right after it ("the village of X in Lower Shabelle") may be a
    // spelling of a place of that area that the gazetteer writes
    // otherwise: the Latin bridge may read it again.
    let misplaced: Vec<bool> = a
        .mentions
        .iter()
        .zip(&chosen)
        .map(|(m, c)| {
            c.is_some_and(|(e, _)| {
                let e = &t.entries[e as usize];
                m.latin
                    && e.class != Class::Admin1
                    && ctx
                        .container
                        .get(&m.raw.first)
                        .is_some_and(|&area| area != e.admin1)
            })
        })
        .collect();
    let taken: Vec<Span> = {
        let mut v: Vec<Span> = a
            .mentions
            .iter()
            .zip(&chosen)
            .zip(&misplaced)
            .filter(|((_, c), &x)| c.is_some() && !x)
            .map(|((m, _), _)| m.raw.span)
            .chain(a.countries.iter().map(|h| h.span))
            .collect();
        v.sort_by_key(|s| (s.start, s.end));
        v
    };
    let mut bridged = crate::bridge::bridge(t, doc, &ctx, &taken);
    // And Latin names spelt otherwise than the gazetteer writes them.
    let known: Vec<Span> = a
        .mentions
        .iter()
        .zip(&misplaced)
        .filter(|(_, &x)| !x)
        .map(|(m, _)| m.raw.span)
        .collect();
    bridged.extend(crate::bridge::bridge_latin(t, doc, &ctx, &taken, &known));
    // In text order: the look-ups below are binary searches.
    bridged.sort_by_key(|b| (b.span.start, b.span.end));
    let bridged_spans: Vec<Span> = bridged.iter().map(|b| b.span).collect();
    for (k, m) in a.mentions.iter().enumerate() {
        if misplaced[k] && overlaps_any(&bridged_spans, m.raw.span) {
            chosen[k] = None;
        }
    }
    for b in &bridged {
        let place = t.place(b.entry);
        let cue = doc.cue(t, b.first, false);
        let about = if ctx.about(t.entries[b.entry as usize].country) {
            0.1
        } else {
            0.0
        };
        out.push(PlaceMention {
            span: b.span,
            surface: doc.text[b.span.start..b.span.end].to_string(),
            geo_precision: precision(place.kind, &cue.relation),
            place: Some(place),
            relation: cue.relation.clone(),
            relation_span: cue.relation_span,
            score: (0.3 + 0.3 * b.margin + about).clamp(0.0, 1.0),
        });
    }
    for (k, m) in a.mentions.iter().enumerate() {
        if chosen[k].is_none() && overlaps_any(&bridged_spans, m.raw.span) {
            continue;
        }
        // A demonym (الصومالية، المالي) is not the place of the same name
        // (the Somali region) unless a type noun says so (الإقليم الصومالي).
        let demonym = overlaps_any(&demonym_spans, m.raw.span);
        if demonym && !matches!(m.cue.hint, Some(TypeHint::Admin1 | TypeHint::Area)) {
            continue;
        }
        let entry = match chosen[k] {
            Some((e, margin)) => Some((e, margin)),
            // A word accepted once as a place (after a cue) is still a word
            // where nothing marks it as a place; a man's name always is.
            None if m.words.given
                || m.words.after_given
                || m.words.named_after
                || (m.words.common && m.cue.strength == Strength::None) =>
            {
                None
            }
            None => accepted_keys
                .get(m.raw.key.as_str())
                .filter(|_| !m.latin || doc.words[m.raw.first].cap || doc.all_caps)
                .map(|&e| (e, 0.2)),
        };
        let surface = doc.text[m.raw.span.start..m.raw.span.end].to_string();
        match entry {
            Some((e, margin)) => {
                let place = t.place(e);
                let strength_bonus = match m.cue.strength {
                    Strength::Strong => 0.15,
                    Strength::Weak => 0.05,
                    Strength::None => 0.0,
                };
                let about = if ctx.about(t.entries[e as usize].country) {
                    0.1
                } else {
                    0.0
                };
                let score =
                    (0.35 + 0.4 * margin.clamp(0.0, 1.0) + strength_bonus + about).clamp(0.0, 1.0);
                out.push(PlaceMention {
                    span: m.raw.span,
                    surface,
                    geo_precision: precision(place.kind, &m.cue.relation),
                    place: Some(place),
                    relation: m.cue.relation.clone(),
                    relation_span: m.cue.relation_span,
                    score,
                });
            }
            // (Not a lower-case Latin word, "les villages se vident", nor
            // a common word, "محلية بدعم من".)
            None if m.cue.strength == Strength::Strong
                && !m.stop
                && !m.inherited
                && (!m.latin || m.raw.first_word_cap || doc.all_caps)
                && !m.words.doubtful()
                && matches!(
                    m.cue.hint,
                    Some(TypeHint::Town | TypeHint::Area | TypeHint::Admin1 | TypeHint::Admin2)
                ) =>
            {
                out.push(unresolved(m.raw.span, surface, &m.cue));
            }
            None => {}
        }
    }
    // Names a type noun announces that the gazetteer does not know.
    // A spelling guessed from a Latin name that was not taken does not hide
    // the word from them (تينكيري meets a guess for an Ivorian village).
    let covered: Vec<Span> = a
        .mentions
        .iter()
        .zip(&chosen)
        .filter(|(m, c)| c.is_some() || m.raw.postings.iter().any(|p| p.flags & GUESSED == 0))
        .map(|(m, _)| m.raw.span)
        .chain(bridged_spans.iter().copied())
        .collect();
    // Sorted and merged: the look-up below is a binary search.
    let covered = {
        let mut c = covered;
        c.sort_by_key(|s| (s.start, s.end));
        let mut merged: Vec<Span> = Vec::with_capacity(c.len());
        for s in c {
            match merged.last_mut() {
                Some(l) if s.start < l.end => l.end = l.end.max(s.end),
                _ => merged.push(s),
            }
        }
        merged
    };
    out.extend(unknown_names(t, doc, &covered));
    // Countries named in the text. Where a place name covers the same
    // words, the country wins unless the place is longer (Benin City) or
    // a type noun announced it (مدينة الجزائر، Niger State).
    out.sort_by_key(|m| (m.span.start, m.span.end));
    // Whether a type noun announced a mention of this span. Asked only
    // where a place and a country meet (rarely): a scan then, not a set
    // built for every text.
    let hinted = |span: &Span| {
        a.mentions.iter().any(|x| {
            x.raw.span == *span
                && matches!(
                    x.cue.hint,
                    Some(TypeHint::Town | TypeHint::Admin1 | TypeHint::Admin2)
                )
        })
    };
    let mut drop = vec![false; out.len()];
    // "The Somali capital", "عاصمة مالي": the capital, in place of the
    // country when the country's name is part of the phrase.
    let capitals = crate::capital::capital_mentions(t, doc.text, &a.countries);
    let mut countries = Vec::new();
    for h in a.countries.iter().filter(|h| !h.demonym) {
        let i = out.partition_point(|m| m.span.end <= h.span.start);
        if let Some(m) = out.get(i).filter(|m| m.span.overlaps(&h.span)) {
            if m.span.len() > h.span.len() || hinted(&m.span) {
                continue;
            }
            drop[i] = true;
        }
        if capitals
            .iter()
            .any(|c| c.span.start <= h.span.start && h.span.end <= c.span.end)
        {
            continue;
        }
        let c = &t.countries[h.country as usize];
        let cue = doc.cue(t, h.first, h.prep_clitic);
        countries.push(PlaceMention {
            span: h.span,
            surface: doc.text[h.span.start..h.span.end].to_string(),
            place: Some(t.place(c.entry)),
            geo_precision: 3,
            relation: cue.relation,
            relation_span: cue.relation_span,
            score: 0.9,
        });
    }
    let mut keep = drop.iter().map(|d| !d);
    out.retain(|_| keep.next().unwrap_or(true));
    out.extend(countries);
    out.extend(capitals);
    out.sort_by_key(|m| (m.span.start, m.span.end));
    out
}

fn unresolved(span: Span, surface: String, cue: &Cue) -> PlaceMention {
    PlaceMention {
        span,
        surface,
        place: None,
        relation: cue.relation.clone(),
        relation_span: cue.relation_span,
        geo_precision: 0,
        score: 0.5,
    }
}

/// First words of two-word Arabic names ("أبو شوك", "كفر نبل", "عين عيسى").
const NAME_HEADS: &[&str] = &[
    "ابو",
    "ام",
    "بني",
    "بير",
    "عين",
    "كفر",
    "تل",
    "جبل",
    "دير",
    "وادي",
    "راس",
    "بيت",
    "سيدي",
    "ذي",
    "حاسي",
    "تين",
    "ان",
    "خان",
    "قصر",
    "بئر",
    "شيخ",
    "الشيخ",
    "مرسى",
    "سوق",
    "حي",
    "جسر",
];

/// After a type noun (not definite), a word the gazetteer did not match
/// and that is not a common word is a place name it does not know.
fn unknown_names(t: &Tables, doc: &Doc, covered: &[Span]) -> Vec<PlaceMention> {
    let mut out = Vec::new();
    // `covered` is in text order and does not overlap: a binary search.
    let is_covered = |s: Span| {
        let i = covered.partition_point(|c| c.end <= s.start);
        covered.get(i).is_some_and(|c| c.overlaps(&s))
    };
    for k in 0..doc.words.len() {
        let w = &doc.words[k];
        if !w.tail {
            continue;
        }
        let Some(CueKind::Type(hint)) = w.cue else {
            continue;
        };
        // Sites (قاعدة، معسكر، موقع) are followed by descriptions more
        // often than by names: only towns and areas announce a name.
        if !matches!(hint, TypeHint::Town | TypeHint::Area) {
            continue;
        }
        if w.arabic
            && w.key.len() > w.stem.len()
            && w.key[..w.key.len() - w.stem.len()].ends_with("ال")
        {
            continue;
        }
        let mut n = k + 1;
        if !doc.joined(k) || n >= doc.words.len() {
            continue;
        }
        // "the town of X", "la ville de X", "la région de l'Extrême-Nord".
        while !w.arabic
            && matches!(
                &*doc.words[n].key,
                "of" | "de" | "d" | "du" | "l" | "la" | "the"
            )
        {
            if !doc.joined(n) || n + 1 >= doc.words.len() {
                break;
            }
            n += 1;
        }
        let name_like = |x: &crate::matcher::Word| {
            // A type noun is followed by its name directly (construct
            // state), so what looks like a proclitic on an unknown word is
            // part of the name (بلدة بريري، منطقة كايغا); but a preposition
            // with the article is not (بالقرب، للبناء).
            let prefix = &x.key[..x.key.len() - x.stem.len()];
            !(prefix.len() > "ال".len() && (prefix.ends_with("ال") || prefix.ends_with("لل")))
                && !x.number
                && !t.is_stop(&x.key)
                && !t.is_stop(x.stem)
                && x.cue.is_none()
                && keys::letters(&x.key) >= 2
                && (x.arabic || x.cap)
                && x.arabic == w.arabic
        };
        let first = &doc.words[n];
        // After an Arabic type noun, a word ending in ة is nearly always an
        // adjective agreeing with it (منطقة واسعة، مناطق متفرقة), as the
        // bridge also assumes.
        let adjective = first.arabic && first.key.ends_with('ه');
        if !name_like(first) || is_covered(first.span) || adjective {
            continue;
        }
        let mut last = n;
        let head = keys::strip_article(&first.key).unwrap_or(&first.key);
        // A second word when the first opens two-word names (أبو، عين،
        // كفر), or when the phrase is closed right after it (by a cue
        // word, punctuation or the end of the sentence): "منطقة كايغا
        // كيندجيريا بإقليم البحيرة".
        if doc.joined(n) && n + 1 < doc.words.len() {
            let next = &doc.words[n + 1];
            let opens =
                !first.arabic || NAME_HEADS.contains(&head) || NAME_HEADS.contains(&&*first.key);
            let closed = !doc.joined(n + 1)
                || doc
                    .words
                    .get(n + 2)
                    .is_some_and(|after| after.cue.is_some());
            let bare = next.key == next.stem;
            if name_like(next) && !is_covered(next.span) && (opens || (closed && bare)) {
                last = n + 1;
            }
        }
        let span = Span::new(first.span.start, doc.words[last].span.end);
        let cue = doc.cue(t, n, false);
        out.push(unresolved(
            span,
            doc.text[span.start..span.end].to_string(),
            &cue,
        ));
    }
    out
}

/// Candidates for a name typed by a user, best first.
pub(crate) fn lookup(t: &Tables, name: &str) -> Vec<Place> {
    let analysis = rasd_text::analyze(name);
    let a = analyse(t, name, &analysis);
    let mut entries: Vec<(u32, f32)> = Vec::new();
    for h in &a.countries {
        entries.push((t.countries[h.country as usize].entry, 2.0));
    }
    if let Some(m) = a.mentions.iter().max_by_key(|m| m.raw.last - m.raw.first) {
        for p in &m.raw.postings {
            let e = &t.entries[p.entry as usize];
            let bonus = if p.flags & ALIAS != 0 { 0.25 } else { 0.0 }
                - if p.flags & (LOOSE | VARIANT) != 0 {
                    0.2
                } else {
                    0.0
                };
            entries.push((p.entry, e.prior + bonus));
        }
    }
    entries.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    let mut seen = HashSet::default();
    entries
        .into_iter()
        .filter(|(e, _)| seen.insert(*e))
        .map(|(e, _)| t.place(e))
        .collect()
}
