//! Loading the embedded data files into the compiled gazetteer.
//!
//! The sources are TSV files kept in `data/` (see `data/README.md`): three
//! generated from the GeoNames / Who's On First extract (`places.tsv.gz`,
//! `admin.tsv.gz`, `countries.tsv`) and the reviewed, hand-written ones
//! (aliases, extra places, name overrides, stop words, cue words, country
//! words). The generated tables are decompressed by `build.rs` and embedded
//! as `&'static str`, so every name of a record is a slice of the binary and
//! loading allocates only the tables and the index.
//!
//! Loading never stops at a bad row: it records a [`DataError`] with the
//! file, the line and the reason, skips the row and goes on (a test asserts
//! that the shipped data has none).

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use crate::index::{
    FirstWords, IndexBuilder, NameIndex, NodeSet, Posting, ALIAS, ALTERNATE, ARABIC_NAMED, GUESSED,
    LATIN, VARIANT,
};
use crate::keys::{self, name_words};
use crate::skeleton;
use crate::wordset::{PairSet, WordSet};
use crate::PlaceKind;
use rasd_text::KeyMap;

/// The text of every data file the gazetteer is built from.
#[derive(Debug, Clone, Copy)]
pub struct Sources {
    pub places: &'static str,
    pub admin: &'static str,
    pub countries: &'static str,
    pub admin1_names: &'static str,
    pub names: &'static str,
    pub aliases: &'static str,
    pub extra_places: &'static str,
    pub stopwords: &'static str,
    /// Arabic words that are also a place name (generated, reviewed).
    pub common_words: &'static str,
    /// Given names: a name after one is part of a person's name.
    pub given_names: &'static str,
    /// Frequent Arabic words the skeleton bridge must not read as places.
    pub bridge_words: &'static str,
    pub cues: &'static str,
    pub country_words: &'static str,
    pub name_drops: &'static str,
}

/// A row of a data file that could not be used.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{file}:{line}: {reason}")]
pub struct DataError {
    pub file: &'static str,
    pub line: usize,
    pub reason: String,
}

pub const NONE: u32 = u32::MAX;

/// What a record is, finer than [`PlaceKind`]: decides the prior.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Class {
    Country,
    Admin1,
    Admin2,
    Capital,
    Seat1,
    Seat2,
    Seat3,
    Town,
    Region,
    Site,
    Terrain,
}

/// How much evidence a mention needs before it is taken for this record.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Salience {
    /// A tiny place: only after a strong cue ("قرية X", "near X").
    Low,
    /// A town or district: after any cue, or in a document about its country.
    Medium,
    /// A country, first-level area, capital or city: on its own.
    High,
}

#[derive(Debug, Clone)]
pub struct Entry {
    pub name: &'static str,
    pub kind: PlaceKind,
    pub class: Class,
    pub country: u16,
    pub admin1: u32,
    pub admin2: u32,
    pub lat: f32,
    pub lon: f32,
    pub population: u32,
    pub prior: f32,
    pub salience: Salience,
}

#[derive(Debug, Clone)]
pub struct CountryRec {
    #[allow(dead_code)]
    pub iso2: &'static str,
    pub iso3: &'static str,
    pub name: &'static str,
    pub entry: u32,
    /// Place names of this country reach Arabic as transliterations (the
    /// Sahel, West and East Africa): spelling varies, and a name is rarely
    /// also an Arabic word.
    pub translit: bool,
}

/// Cue kinds of `cues.tsv`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CueKind {
    Type(TypeHint),
    Near,
    Prep,
    Dir(&'static str),
    Unit,
    Intro,
    Link,
    /// A number word that can open a distance ("vingtaine", "twenty").
    Num(u32),
}

/// The kind of place a type noun announces.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TypeHint {
    Town,
    Admin1,
    Admin2,
    Area,
    Site,
}

/// How a word of `country_words.tsv` / `countries.tsv` names a country.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FormRec {
    pub country: u16,
    pub demonym: bool,
    /// The form carries the Arabic article (المالي).
    pub article: bool,
}

pub struct Tables {
    pub entries: Vec<Entry>,
    pub countries: Vec<CountryRec>,
    pub country_by_iso3: HashMap<&'static str, u16>,
    pub names: NameIndex,
    pub loose: NameIndex,
    /// The one-word keys of `loose`, by [`keys::loose_key_hash`].
    pub loose_first: FirstWords,
    /// Consonant skeletons of every name of every record but the
    /// countries, Arabic and Latin alike (see [`crate::skeleton`]): the
    /// bridge between an Arabic spelling and a Latin-only name.
    pub skeleton: NameIndex,
    pub stopwords: WordSet,
    /// Keys of common words that are also place names (`common_words.tsv`
    /// and the month names of `rasd_text`): a place only with support.
    pub common: WordSet,
    /// Keys of given names (`given_names.tsv`).
    pub given: WordSet,
    /// Keys of frequent words the bridge never reads (`bridge_words.tsv`,
    /// `any`).
    pub bridge_words: WordSet,
    /// The union of `stopwords`, `common`, `given` and `bridge_words`,
    /// built once when the tables are loaded: the bridge asks about every
    /// Arabic word of a text whether it is in any of them, and one look-up
    /// answers instead of four.
    pub listed: WordSet,
    /// Keys of words it does not read after a bare preposition (`prep`).
    pub bridge_prep: WordSet,
    /// Facilities often named after a person (`named` in `cues.tsv`):
    /// مطار، شارع، مستشفى. The name after one is more often a man's.
    pub named: WordSet,
    pub cues: KeyMap<CueKind>,
    pub cue_max_words: usize,
    /// First words of the cue phrases of two words or more.
    pub cue_heads: WordSet,
    /// Last words of the cue phrases.
    pub cue_tails: WordSet,
    /// The same words with their kind as one-word cues: the text's words
    /// are asked both questions at once (see [`crate::matcher::Doc::new`]).
    pub tail_cues: KeyMap<Option<CueKind>>,
    /// The keys of `names` that are function words (`Tables::is_stop`),
    /// and those that are cue words with or without their article (the
    /// matcher's test of a one-word name): asked of nearly every name the
    /// matcher reads, and answered by the key's node, not two look-ups.
    pub stop_nodes: NodeSet,
    pub cue_nodes: NodeSet,
    pub country_index: NameIndex,
    pub country_forms: Vec<FormRec>,
    /// (country, noun key) pairs: after this noun the country's ambiguous
    /// adjective is an ordinary word (دعم مالي).
    pub not_after: PairSet,
    /// (country, next word key): the name is part of another name
    /// (المغرب العربي).
    pub not_before: PairSet,
    /// (country, noun key) pairs: after this noun the ambiguous form is the
    /// country's adjective (الجيش المالي).
    pub confirm_after: PairSet,
    /// (country, key without article) of forms that are also ordinary words
    /// (مالي "financial", مالية "finance").
    pub ambiguous: PairSet,
    pub problems: Vec<DataError>,
    /// Each country's capital record (`NONE` without one), found on first
    /// use by [`crate::capital`].
    pub capitals: std::sync::OnceLock<Vec<u32>>,
}

/// Countries whose places reach Arabic as transliterations.
/// (Turkey, Iran and Afghanistan are not among them: their Arabic-script
/// names are Ottoman and Persian words, as likely to be Arabic words as the
/// names of Arab countries.)
const TRANSLIT: &[&str] = &[
    "ML", "BF", "NE", "TD", "MR", "NG", "BJ", "TG", "CM", "SN", "CI", "GH", "SO", "DJ", "ER", "ET",
    "SS",
];

/// Type words that begin or end admin names in the sources ("منطقة جاو",
/// "Région de Gao", "Gao Region"): indexed without them.
const LATIN_TYPE_HEADS: &[&str] = &[
    "region",
    "cercle",
    "province",
    "prefecture",
    "department",
    "departement",
    "commune",
    "district",
    "governorate",
    "gouvernorat",
    "wilaya",
    "muhafazat",
    "state",
    "territoire",
    "territory",
    // "Administrative Zone 3" of the sources is the press's "Zone 3".
    "administrative",
];
const LATIN_TYPE_TAILS: &[&str] = &[
    "region",
    "cercle",
    "province",
    "state",
    "governorate",
    "district",
    "prefecture",
    "department",
    "emirate",
    "municipality",
    "territory",
    "territoire",
    "zone",
];
const LATIN_LINKS: &[&str] = &["de", "du", "d", "des", "of", "la", "l"];

pub(crate) struct Rows<'a> {
    file: &'static str,
    lines: std::iter::Enumerate<std::str::Lines<'a>>,
}

/// Data rows of a TSV file: comments (`#`) and blank lines skipped.
pub(crate) fn rows(file: &'static str, text: &'static str) -> Rows<'static> {
    Rows {
        file,
        lines: text.lines().enumerate(),
    }
}

impl Iterator for Rows<'static> {
    type Item = (usize, Vec<&'static str>);
    fn next(&mut self) -> Option<Self::Item> {
        for (i, line) in self.lines.by_ref() {
            let line = line.trim_end_matches('\r');
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let _ = self.file;
            return Some((i + 1, line.split('\t').collect()));
        }
        None
    }
}

fn list(s: &'static str) -> impl Iterator<Item = &'static str> {
    s.split('|').map(str::trim).filter(|x| !x.is_empty())
}

struct Loader {
    t: Tables,
    builder: IndexBuilder,
    loose: IndexBuilder,
    skeleton: IndexBuilder,
    country_builder: IndexBuilder,
    by_id: HashMap<&'static str, u32>,
    extra: HashMap<&'static str, u32>,
    admin1: HashMap<(&'static str, &'static str), u32>,
    admin2: HashMap<(&'static str, &'static str, &'static str), u32>,
    country_by_iso2: HashMap<&'static str, u16>,
    alias_targets: HashSet<u32>,
    /// Type nouns (folded, without article) that open Arabic admin names.
    arabic_type_heads: HashSet<String>,
    /// (record, key) pairs not to index (`name_drops.tsv`).
    drops: HashSet<(u32, String)>,
    /// Records that have an Arabic name in the sources.
    arabic_named: HashSet<u32>,
}

impl Loader {
    fn problem(&mut self, file: &'static str, line: usize, reason: impl Into<String>) {
        self.t.problems.push(DataError {
            file,
            line,
            reason: reason.into(),
        });
    }
}

fn parse_f32(s: &str) -> Option<f32> {
    s.trim().parse::<f32>().ok().filter(|v| v.is_finite())
}

fn class_of(code: &str) -> (PlaceKind, Class) {
    match code {
        "P.PPLC" => (PlaceKind::PopulatedPlace, Class::Capital),
        "P.PPLA" | "P.PPLG" => (PlaceKind::PopulatedPlace, Class::Seat1),
        "P.PPLA2" => (PlaceKind::PopulatedPlace, Class::Seat2),
        "P.PPLA3" | "P.PPLA4" => (PlaceKind::PopulatedPlace, Class::Seat3),
        "L.RGN" | "L.AREA" => (PlaceKind::Region, Class::Region),
        c if c.starts_with("P.") => (PlaceKind::PopulatedPlace, Class::Town),
        c if c.starts_with("S.") => (PlaceKind::Other, Class::Site),
        "A.ADM1" => (PlaceKind::Admin1, Class::Admin1),
        "A.ADM2" => (PlaceKind::Admin2, Class::Admin2),
        _ => (PlaceKind::Other, Class::Terrain),
    }
}

/// The prior of a record before any context: how likely a bare mention of
/// its name means it (countries > capitals > cities by size > districts >
/// villages > sites and terrain).
fn prior_of(class: Class, population: u32) -> f32 {
    let pop = if population > 0 {
        0.12 * (population as f32).log10()
    } else {
        0.0
    };
    let base = match class {
        Class::Country => return 1.0,
        Class::Admin1 => 0.55,
        Class::Admin2 => 0.35,
        Class::Capital => 0.9,
        Class::Seat1 => 0.65,
        Class::Seat2 => 0.45,
        Class::Seat3 => 0.35,
        Class::Town => 0.2,
        Class::Region => 0.3,
        Class::Site => 0.15,
        Class::Terrain => 0.1,
    };
    match class {
        Class::Admin1 | Class::Admin2 | Class::Region | Class::Site | Class::Terrain => base,
        _ => base.max(pop).min(0.95),
    }
}

fn salience_of(class: Class, population: u32) -> Salience {
    match class {
        Class::Country | Class::Admin1 | Class::Capital | Class::Seat1 => Salience::High,
        _ if population >= 50_000 => Salience::High,
        Class::Admin2 | Class::Seat2 => Salience::Medium,
        Class::Town | Class::Seat3 if population >= 2_000 => Salience::Medium,
        _ => Salience::Low,
    }
}

/// Loads every table from `src`.
pub fn load(src: &Sources) -> Tables {
    let mut l = Loader {
        t: Tables {
            entries: Vec::with_capacity(160_000),
            countries: Vec::new(),
            country_by_iso3: HashMap::default(),
            names: NameIndex::default(),
            loose: NameIndex::default(),
            loose_first: FirstWords::default(),
            skeleton: NameIndex::default(),
            stopwords: WordSet::default(),
            common: WordSet::default(),
            given: WordSet::default(),
            bridge_words: WordSet::default(),
            listed: WordSet::default(),
            bridge_prep: WordSet::default(),
            named: WordSet::default(),
            cues: KeyMap::default(),
            cue_max_words: 1,
            cue_heads: WordSet::default(),
            cue_tails: WordSet::default(),
            tail_cues: KeyMap::default(),
            stop_nodes: NodeSet::default(),
            cue_nodes: NodeSet::default(),
            country_index: NameIndex::default(),
            country_forms: Vec::new(),
            not_after: PairSet::default(),
            not_before: PairSet::default(),
            ambiguous: PairSet::default(),
            confirm_after: PairSet::default(),
            problems: Vec::new(),
            capitals: std::sync::OnceLock::new(),
        },
        builder: IndexBuilder::default(),
        loose: IndexBuilder::default(),
        skeleton: IndexBuilder::default(),
        country_builder: IndexBuilder::default(),
        by_id: HashMap::with_capacity_and_hasher(160_000, Default::default()),
        extra: HashMap::default(),
        admin1: HashMap::default(),
        admin2: HashMap::default(),
        country_by_iso2: HashMap::default(),
        alias_targets: HashSet::default(),
        arabic_type_heads: HashSet::default(),
        drops: HashSet::default(),
        arabic_named: HashSet::default(),
    };
    l.load_cues(src.cues);
    l.load_stopwords(src.stopwords);
    l.load_common(src.common_words, src.given_names);
    l.load_bridge_words(src.bridge_words);
    l.load_countries(src.countries, src.names);
    l.load_admin(src.admin, src.admin1_names);
    l.load_places(src.places);
    l.load_extra(src.extra_places);
    l.load_name_overrides(src.names);
    l.fill_admin_coordinates();
    l.load_drops(src.name_drops);
    l.index_entries(src);
    l.load_aliases(src.aliases);
    l.load_country_words(src.country_words);
    l.finish()
}

impl Loader {
    fn load_cues(&mut self, text: &'static str) {
        for (line, cols) in rows("cues.tsv", text) {
            let (Some(kind), Some(phrase)) = (cols.first(), cols.get(1)) else {
                self.problem("cues.tsv", line, "expected kind<TAB>phrase");
                continue;
            };
            let kind = match *kind {
                "town" => CueKind::Type(TypeHint::Town),
                "admin1" => CueKind::Type(TypeHint::Admin1),
                "admin2" => CueKind::Type(TypeHint::Admin2),
                "area" => CueKind::Type(TypeHint::Area),
                "site" => CueKind::Type(TypeHint::Site),
                "near" => CueKind::Near,
                "prep" => CueKind::Prep,
                "unit" => CueKind::Unit,
                "intro" => CueKind::Intro,
                "link" => CueKind::Link,
                // Not a cue of its own: a word may be both (مطار is a site).
                "named" => {
                    let key = rasd_text::match_key(phrase);
                    if key.is_empty() {
                        self.problem("cues.tsv", line, "empty phrase");
                    } else {
                        self.t.named.insert(key);
                    }
                    continue;
                }
                k => match (k.strip_prefix("dir:"), k.strip_prefix("num:")) {
                    (Some(d), _) => CueKind::Dir(d),
                    (_, Some(n)) => match n.parse() {
                        Ok(v) => CueKind::Num(v),
                        Err(_) => {
                            self.problem("cues.tsv", line, format!("bad number {n:?}"));
                            continue;
                        }
                    },
                    _ => {
                        self.problem("cues.tsv", line, format!("unknown cue kind {k:?}"));
                        continue;
                    }
                },
            };
            let key = rasd_text::match_key(phrase);
            if key.is_empty() {
                self.problem("cues.tsv", line, "empty phrase");
                continue;
            }
            self.t.cue_max_words = self.t.cue_max_words.max(key.split(' ').count());
            if let Some((head, _)) = key.split_once(' ') {
                self.t.cue_heads.insert(head.to_string());
            }
            if let Some(tail) = key.split(' ').next_back() {
                self.t.cue_tails.insert(tail.to_string());
            }
            if let CueKind::Type(_) = kind {
                let folded = name_words(phrase).join(" ");
                if !folded.contains(' ') {
                    let bare = keys::strip_article(&folded).unwrap_or(&folded).to_string();
                    self.arabic_type_heads.insert(bare);
                }
            }
            // A phrase may serve two roles (من is a preposition and a link):
            // the first line wins, so list the stronger role first.
            self.t.cues.insert_first(key, kind);
        }
        // Type words that only ever open admin names in the sources.
        for w in ["اماره", "امارة", "مقاطعه", "الدايره", "الولايه"] {
            let folded = name_words(w).join(" ");
            let bare = keys::strip_article(&folded).unwrap_or(&folded).to_string();
            self.arabic_type_heads.insert(bare);
        }
    }

    fn load_stopwords(&mut self, text: &'static str) {
        for (line, cols) in rows("stopwords.tsv", text) {
            let (Some(lang), Some(phrase)) = (cols.first(), cols.get(1)) else {
                self.problem("stopwords.tsv", line, "expected lang<TAB>phrase");
                continue;
            };
            if !matches!(*lang, "ar" | "en" | "fr") {
                self.problem("stopwords.tsv", line, format!("unknown language {lang:?}"));
                continue;
            }
            let key = name_words(phrase).join(" ");
            if key.is_empty() {
                self.problem("stopwords.tsv", line, "empty phrase");
                continue;
            }
            // Matched with and without the article (see the file header).
            if let Some(bare) = keys::strip_article(&key) {
                self.t.stopwords.insert(bare.to_string());
            }
            self.t.stopwords.insert(key);
        }
    }

    fn load_common(&mut self, common: &'static str, given: &'static str) {
        for (line, cols) in rows("common_words.tsv", common) {
            let key = name_words(cols[0]).join(" ");
            if key.is_empty() || !keys::is_arabic(&key) {
                self.problem("common_words.tsv", line, "expected an Arabic word");
                continue;
            }
            self.t.common.insert(key);
        }
        // Month names are words before they are places (يونيو is a hamlet
        // of Benue State too).
        for m in rasd_text::months::month_keys() {
            let key = name_words(m).join(" ");
            if keys::is_arabic(&key) {
                self.t.common.insert(key);
            }
        }
        for (line, cols) in rows("given_names.tsv", given) {
            let key = name_words(cols[0]).join(" ");
            if key.is_empty() {
                self.problem("given_names.tsv", line, "empty name");
                continue;
            }
            self.t.given.insert(key);
        }
    }

    fn load_bridge_words(&mut self, text: &'static str) {
        for (line, cols) in rows("bridge_words.tsv", text) {
            let key = name_words(cols[0]).join(" ");
            if key.is_empty() || !keys::is_arabic(&key) {
                self.problem("bridge_words.tsv", line, "expected an Arabic word");
                continue;
            }
            match cols.get(3).map(|s| s.trim()) {
                Some("any") => {
                    self.t.bridge_words.insert(key);
                }
                Some("prep") => {
                    self.t.bridge_prep.insert(key);
                }
                other => self.problem(
                    "bridge_words.tsv",
                    line,
                    format!("expected `any` or `prep` in column 4, found {other:?}"),
                ),
            }
        }
    }

    fn load_countries(&mut self, text: &'static str, names: &'static str) {
        let mut display: HashMap<&str, &'static str> = HashMap::default();
        for (_, cols) in rows("names.tsv", names) {
            if let (Some(t), Some(n)) = (cols.first(), cols.get(1)) {
                if let Some(iso3) = t.strip_prefix("country:") {
                    display.insert(iso3, n.trim());
                }
            }
        }
        for (line, c) in rows("countries.tsv", text) {
            if c.len() < 11 {
                self.problem(
                    "countries.tsv",
                    line,
                    format!("{} columns, expected 11", c.len()),
                );
                continue;
            }
            let (iso2, iso3) = (c[0], c[1]);
            let idx = self.t.countries.len() as u16;
            let name = display.get(iso3).copied().unwrap_or(c[2]);
            let entry = self.t.entries.len() as u32;
            let population = c[5].parse::<u64>().unwrap_or(0).min(u32::MAX as u64) as u32;
            self.t.entries.push(Entry {
                name,
                kind: PlaceKind::Country,
                class: Class::Country,
                country: idx,
                admin1: NONE,
                admin2: NONE,
                lat: parse_f32(c[3]).unwrap_or(f32::NAN),
                lon: parse_f32(c[4]).unwrap_or(f32::NAN),
                population,
                prior: 1.0,
                salience: Salience::High,
            });
            self.t.countries.push(CountryRec {
                iso2,
                iso3,
                name,
                entry,
                translit: TRANSLIT.contains(&iso2)
                    || (c[6] != "1" && !matches!(iso2, "TR" | "IR" | "AF")),
            });
            self.t.country_by_iso3.insert(iso3, idx);
            self.country_by_iso2.insert(iso2, idx);
            // Country names go to the country index (see countries.rs), not
            // the place index: a country is found by its own rules.
            let forms: Vec<&'static str> = std::iter::once(name)
                .chain(list(c[7]))
                .chain(list(c[8]))
                .chain(list(c[9]))
                .collect();
            for n in forms {
                self.add_country_form(n, idx, false, false);
            }
        }
    }

    /// Adds one form; `article`: a demonym form made with the Arabic
    /// article (not a name that merely begins with ال, like ألمانيا).
    fn add_country_form(&mut self, form: &str, country: u16, demonym: bool, article: bool) {
        let words = name_words(form);
        if words.is_empty() {
            return;
        }
        let id = self.t.country_forms.len() as u32;
        self.t.country_forms.push(FormRec {
            country,
            demonym,
            article,
        });
        let refs: Vec<&str> = words.iter().map(String::as_str).collect();
        let flags = if keys::is_arabic(&words[0]) { 0 } else { LATIN };
        self.country_builder
            .add(&refs, Posting { entry: id, flags });
        // The place index says which words may begin a country form.
        self.builder.mark_head(&words[0]);
    }

    fn load_admin(&mut self, text: &'static str, overrides: &'static str) {
        let mut names: HashMap<&str, &'static str> = HashMap::default();
        for (line, cols) in rows("admin1_names.tsv", overrides) {
            match (cols.first(), cols.get(1)) {
                (Some(code), Some(name)) if !name.trim().is_empty() => {
                    names.insert(code, name.trim());
                }
                _ => self.problem("admin1_names.tsv", line, "expected CC.code<TAB>name"),
            }
        }
        // ADM1 rows come first in the file (it is sorted by level).
        for (line, c) in rows("admin.tsv", text) {
            if c.len() < 10 {
                self.problem(
                    "admin.tsv",
                    line,
                    format!("{} columns, expected 10", c.len()),
                );
                continue;
            }
            let (level, cc, a1, a2) = (c[0], c[1], c[2], c[3]);
            let Some(&country) = self.country_by_iso2.get(cc) else {
                self.problem("admin.tsv", line, format!("unknown country {cc}"));
                continue;
            };
            let idx = self.t.entries.len() as u32;
            let (kind, class, parent) = match level {
                "ADM1" => (PlaceKind::Admin1, Class::Admin1, NONE),
                "ADM2" => {
                    let parent = self.admin1.get(&(cc, a1)).copied().unwrap_or(NONE);
                    (PlaceKind::Admin2, Class::Admin2, parent)
                }
                _ => {
                    self.problem("admin.tsv", line, format!("unknown level {level:?}"));
                    continue;
                }
            };
            let mut name = c[5];
            if level == "ADM1" {
                if let Some(n) = names.get(format!("{cc}.{a1}").as_str()) {
                    name = n;
                }
            }
            self.t.entries.push(Entry {
                name,
                kind,
                class,
                country,
                admin1: if level == "ADM1" { idx } else { parent },
                admin2: if level == "ADM2" { idx } else { NONE },
                lat: parse_f32(c[8]).unwrap_or(f32::NAN),
                lon: parse_f32(c[9]).unwrap_or(f32::NAN),
                population: 0,
                prior: prior_of(class, 0),
                salience: salience_of(class, 0),
            });
            if level == "ADM1" {
                self.admin1.insert((cc, a1), idx);
            } else {
                self.admin2.insert((cc, a1, a2), idx);
            }
            if !c[4].is_empty() {
                self.by_id.insert(c[4], idx);
            }
        }
    }

    fn load_places(&mut self, text: &'static str) {
        for (line, c) in rows("places.tsv", text) {
            if c.len() < 12 {
                self.problem(
                    "places.tsv",
                    line,
                    format!("{} columns, expected 12", c.len()),
                );
                continue;
            }
            self.push_place(line, "places.tsv", &c);
        }
    }

    /// Pushes one place row: id, name, code, cc, admin1, admin2, lat, lon,
    /// population, ... Returns its entry number.
    fn push_place(&mut self, line: usize, file: &'static str, c: &[&'static str]) -> Option<u32> {
        let (id, name, code, cc, a1, a2) = (c[0], c[1], c[2], c[3], c[4], c[5]);
        let Some(&country) = self.country_by_iso2.get(cc) else {
            self.problem(file, line, format!("unknown country {cc}"));
            return None;
        };
        let (Some(lat), Some(lon)) = (parse_f32(c[6]), parse_f32(c[7])) else {
            self.problem(file, line, "bad coordinates");
            return None;
        };
        let population = c[8].trim().parse::<u32>().unwrap_or(0);
        let (kind, class) = class_of(code);
        let admin1 = self.admin1.get(&(cc, a1)).copied().unwrap_or(NONE);
        let admin2 = self.admin2.get(&(cc, a1, a2)).copied().unwrap_or(NONE);
        let idx = self.t.entries.len() as u32;
        self.t.entries.push(Entry {
            name,
            kind,
            class,
            country,
            admin1,
            admin2,
            lat,
            lon,
            population,
            prior: prior_of(class, population),
            salience: salience_of(class, population),
        });
        if !id.is_empty() {
            self.by_id.insert(id, idx);
        }
        Some(idx)
    }

    fn load_extra(&mut self, text: &'static str) {
        for (line, c) in rows("extra_places.tsv", text) {
            if c.len() < 11 {
                self.problem(
                    "extra_places.tsv",
                    line,
                    format!("{} columns, expected 12", c.len()),
                );
                continue;
            }
            // key name code cc admin1 admin2 lat lon pop arabic latin note
            let row = [c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7], c[8]];
            let key = c[0];
            let Some(idx) = self.push_place(line, "extra_places.tsv", &row) else {
                continue;
            };
            self.by_id.remove(key);
            if self.extra.insert(key, idx).is_some() {
                self.problem("extra_places.tsv", line, format!("duplicate key {key}"));
            }
            // An admin area of a country outside the extract (DR Congo,
            // Mozambique): its row carries its own code, and the places
            // listed after it refer to it by that code.
            match c[2] {
                "A.ADM1" => self.add_extra_admin1(line, c[3], c[4], idx),
                "A.ADM2" => self.add_extra_admin2(line, c[3], c[4], c[5], idx),
                _ => {}
            }
            let e = &mut self.t.entries[idx as usize];
            e.salience = if e.class == Class::Region {
                Salience::High
            } else {
                e.salience.max(Salience::Medium)
            };
            e.prior = e
                .prior
                .max(if e.class == Class::Region { 0.5 } else { 0.4 });
        }
    }

    fn add_extra_admin1(&mut self, line: usize, cc: &'static str, a1: &'static str, idx: u32) {
        if a1.is_empty() || self.admin1.insert((cc, a1), idx).is_some() {
            self.problem(
                "extra_places.tsv",
                line,
                format!("first-level code {cc}.{a1:?} empty or taken"),
            );
        }
        self.t.entries[idx as usize].admin1 = idx;
    }

    fn add_extra_admin2(
        &mut self,
        line: usize,
        cc: &'static str,
        a1: &'static str,
        a2: &'static str,
        idx: u32,
    ) {
        if !self.admin1.contains_key(&(cc, a1)) {
            self.problem(
                "extra_places.tsv",
                line,
                format!("district of an unknown first-level area {cc}.{a1}"),
            );
        }
        if a2.is_empty() || self.admin2.insert((cc, a1, a2), idx).is_some() {
            self.problem(
                "extra_places.tsv",
                line,
                format!("district code {cc}.{a1}.{a2:?} empty or taken"),
            );
        }
        self.t.entries[idx as usize].admin2 = idx;
    }

    fn load_name_overrides(&mut self, text: &'static str) {
        for (line, c) in rows("names.tsv", text) {
            let (Some(target), Some(name)) = (c.first(), c.get(1)) else {
                self.problem("names.tsv", line, "expected target<TAB>name");
                continue;
            };
            if target.starts_with("country:") {
                continue; // applied while loading countries
            }
            match self.target(target) {
                Ok(e) => self.t.entries[e as usize].name = name.trim(),
                Err(reason) => self.problem("names.tsv", line, reason),
            }
        }
    }

    /// Resolves a target of the curated files to an entry.
    fn target(&self, target: &str) -> Result<u32, String> {
        let found = if let Some(id) = target.strip_prefix("id:") {
            self.by_id.get(id).copied()
        } else if let Some(key) = target.strip_prefix("new:") {
            self.extra.get(key).copied()
        } else if let Some(code) = target.strip_prefix("admin1:") {
            code.split_once('.')
                .and_then(|(cc, a1)| self.admin1.get(&(cc, a1)).copied())
        } else if let Some(code) = target.strip_prefix("admin2:") {
            let parts: Vec<&str> = code.splitn(3, '.').collect();
            match parts[..] {
                [cc, a1, a2] => self.admin2.get(&(cc, a1, a2)).copied(),
                _ => None,
            }
        } else if let Some(iso3) = target.strip_prefix("country:") {
            self.t
                .country_by_iso3
                .get(iso3)
                .map(|&c| self.t.countries[c as usize].entry)
        } else if let Some((name, cc)) = target.rsplit_once('@') {
            let country = self.country_by_iso2.get(cc).copied();
            country.and_then(|country| {
                self.t
                    .entries
                    .iter()
                    .enumerate()
                    .filter(|(_, e)| e.country == country && e.name == name)
                    .max_by(|a, b| a.1.prior.total_cmp(&b.1.prior))
                    .map(|(i, _)| i as u32)
            })
        } else {
            return Err(format!("target {target:?} has no known form"));
        };
        found.ok_or_else(|| format!("target {target:?} not found"))
    }

    /// Admin areas without a centroid get the mean of their places (or
    /// their country's label point).
    fn fill_admin_coordinates(&mut self) {
        let n = self.t.entries.len();
        let mut sums = vec![(0f64, 0f64, 0u32); n];
        for e in &self.t.entries {
            if e.kind != PlaceKind::PopulatedPlace || !e.lat.is_finite() {
                continue;
            }
            for a in [e.admin1, e.admin2] {
                if a != NONE {
                    let s = &mut sums[a as usize];
                    s.0 += e.lat as f64;
                    s.1 += e.lon as f64;
                    s.2 += 1;
                }
            }
        }
        for (i, sum) in sums.iter().enumerate() {
            let e = &self.t.entries[i];
            if e.lat.is_finite() && e.lon.is_finite() {
                continue;
            }
            let (lat, lon) = match *sum {
                (la, lo, k) if k > 0 => ((la / k as f64) as f32, (lo / k as f64) as f32),
                _ => {
                    let c = &self.t.entries[self.t.countries[e.country as usize].entry as usize];
                    (c.lat, c.lon)
                }
            };
            let e = &mut self.t.entries[i];
            e.lat = lat;
            e.lon = lon;
        }
    }

    fn load_drops(&mut self, text: &'static str) {
        for (line, c) in rows("name_drops.tsv", text) {
            let (Some(name), Some(target)) = (c.first(), c.get(1)) else {
                self.problem("name_drops.tsv", line, "expected name<TAB>target<TAB>note");
                continue;
            };
            match self.target(target.trim()) {
                Ok(e) => {
                    self.drops.insert((e, name_words(name).join(" ")));
                }
                Err(reason) => self.problem("name_drops.tsv", line, reason),
            }
        }
    }

    /// Indexes the names of every record: the display name, French and
    /// Latin alternates, Arabic names.
    fn index_entries(&mut self, src: &Sources) {
        // Admin areas: names from admin.tsv.
        for (line, c) in rows("admin.tsv", src.admin) {
            if c.len() < 10 {
                continue;
            }
            let key: Option<u32> = match c[0] {
                "ADM1" => self.admin1.get(&(c[1], c[2])).copied(),
                _ => self.admin2.get(&(c[1], c[2], c[3])).copied(),
            };
            let Some(e) = key else {
                let _ = line;
                continue;
            };
            let display = self.t.entries[e as usize].name;
            if !c[6].is_empty() {
                self.arabic_named.insert(e);
            }
            self.index_latin(e, display, 0);
            self.index_latin(e, c[5], 0);
            for n in list(c[7]) {
                self.index_latin(e, n, 0);
            }
            for n in list(c[6]) {
                self.index_arabic(e, n, 0);
            }
            if c[6].is_empty() {
                for n in std::iter::once(display).chain(list(c[7])) {
                    self.guess_arabic(e, n);
                }
            }
        }
        for (_, c) in rows("places.tsv", src.places) {
            if c.len() < 12 {
                continue;
            }
            let Some(&e) = self.by_id.get(c[0]) else {
                continue;
            };
            let display = self.t.entries[e as usize].name;
            if !c[9].is_empty() {
                self.arabic_named.insert(e);
            }
            self.index_latin(e, display, 0);
            if display != c[1] {
                self.index_latin(e, c[1], 0);
            }
            for n in list(c[10]) {
                self.index_latin(e, n, 0);
            }
            let alt = if self.t.entries[e as usize].salience == Salience::Low {
                ALTERNATE
            } else {
                0
            };
            let alternates: Vec<&str> = list(c[11]).collect();
            for &n in &alternates {
                // A one-word alternate that is only the first word of the
                // place's longer names ("Buulo" of "Buulo Burte") is a
                // generic head many places share, and would swallow the
                // first word of other names ("Buulo Mareer").
                let truncated = !n.contains(' ')
                    && [display, c[1]]
                        .into_iter()
                        .chain(alternates.iter().copied())
                        .any(|m| m.split(' ').count() > 1 && m.split(' ').next() == Some(n));
                if !truncated {
                    self.index_latin(e, n, alt);
                }
            }
            for n in list(c[9]) {
                self.index_arabic(e, n, 0);
            }
            if c[9].is_empty() {
                for n in [display, c[1]].into_iter().chain(list(c[10])) {
                    self.guess_arabic(e, n);
                }
            }
        }
        for (_, c) in rows("extra_places.tsv", src.extra_places) {
            if c.len() < 11 {
                continue;
            }
            let Some(&e) = self.extra.get(c[0]) else {
                continue;
            };
            self.alias_targets.insert(e);
            if !c[9].is_empty() {
                self.arabic_named.insert(e);
            }
            self.index_latin(e, c[1], ALIAS);
            for n in list(c[10]) {
                self.index_latin(e, n, ALIAS);
            }
            for n in list(c[9]) {
                self.index_arabic(e, n, ALIAS);
            }
        }
    }

    fn index_latin(&mut self, e: u32, name: &str, flags: u8) {
        let mut words = name_words(name);
        if words.is_empty() {
            return;
        }
        if words.iter().any(|w| keys::is_arabic(w)) {
            // An Arabic name in a Latin column: index it as Arabic.
            self.index_arabic(e, name, flags);
            return;
        }
        // "Région de Gao", "Cercle de Bourem", "Gao Region", "West Gojjam
        // Zone"; but "Zone 3" keeps its type word, which is all its name.
        let named = |rest: &[String]| rest.iter().any(|w| !w.bytes().all(|b| b.is_ascii_digit()));
        if words.len() >= 3
            && LATIN_TYPE_HEADS.contains(&words[0].as_str())
            && LATIN_LINKS.contains(&words[1].as_str())
        {
            words.drain(..2);
        } else if words.len() >= 2
            && LATIN_TYPE_HEADS.contains(&words[0].as_str())
            && named(&words[1..])
        {
            words.remove(0);
        }
        if words.len() >= 2
            && LATIN_TYPE_TAILS.contains(&words[words.len() - 1].as_str())
            && named(&words[..words.len() - 1])
        {
            words.pop();
        }
        let refs: Vec<&str> = words.iter().map(String::as_str).collect();
        if self.drops.contains(&(e, refs.join(" "))) {
            return;
        }
        self.builder.add(
            &refs,
            Posting {
                entry: e,
                flags: flags | LATIN,
            },
        );
        self.add_skeleton(e, skeleton::latin(refs.iter().copied()), flags | LATIN);
        // Somali names in the official orthography (Xuddur, Ceel Barde)
        // also meet the press's Hudur and El Barde.
        let country = self.t.entries[e as usize].country;
        if self.t.countries[country as usize].iso2 == "SO" {
            if let Some(press) = skeleton::somali_spelling(&refs) {
                let key = skeleton::latin(press.iter().map(String::as_str));
                self.add_skeleton(e, key, flags | LATIN);
            }
        }
        // "N'Gouboua" is also written "Ngouboua".
        if refs.len() >= 2 && refs[0].len() == 1 {
            let mut joined = vec![format!("{}{}", refs[0], refs[1])];
            joined.extend(refs[2..].iter().map(|w| w.to_string()));
            let j: Vec<&str> = joined.iter().map(String::as_str).collect();
            self.builder.add(
                &j,
                Posting {
                    entry: e,
                    flags: flags | LATIN,
                },
            );
        }
        // "Al Hudaydah" is also written "Hudaydah".
        if refs.len() >= 2
            && keys::LATIN_ARTICLES.contains(&refs[0])
            && refs[1..].iter().map(|w| w.len()).sum::<usize>() >= 4
        {
            self.builder.add(
                &refs[1..],
                Posting {
                    entry: e,
                    flags: flags | LATIN | VARIANT,
                },
            );
        }
    }

    /// The Arabic spellings of a Latin name, guessed: a town or district
    /// of the Sahel, West or East Africa that GeoNames names in Latin only
    /// gets the loose key its Arabic spellings would have (Bourem → برم
    /// meets بوريم). Only places a report names without saying what they
    /// are (towns of 2 000 people or more, seats, districts), and keys of
    /// four letters or more: a village's or a short name's guessed key
    /// would meet too many Arabic words.
    fn guess_arabic(&mut self, e: u32, name: &str) {
        let entry = &self.t.entries[e as usize];
        if !self.t.countries[entry.country as usize].translit
            || entry.salience < Salience::Medium
            || !matches!(entry.kind, PlaceKind::PopulatedPlace | PlaceKind::Admin2)
        {
            return;
        }
        let mut words = name_words(name);
        if words.len() >= 2 && LATIN_TYPE_HEADS.contains(&words[0].as_str()) {
            words.remove(0);
        }
        let posting = Posting {
            entry: e,
            flags: GUESSED | VARIANT,
        };
        let refs: Vec<&str> = words.iter().map(String::as_str).collect();
        let mut keys = vec![keys::latin_loose(refs.iter().copied())];
        // "Bani Bangou" is also written in one word (بانيبانغو).
        if refs.len() == 2 {
            keys.push(keys::latin_loose([refs.concat().as_str()]));
        }
        // Three consonants are a common Arabic root: a guessed Kindi (كند)
        // would meet جنوده "his soldiers". Four or more are a name.
        for key in keys.into_iter().flatten() {
            if keys::letters(&key) >= 4 {
                self.loose.add_key(&key, posting);
            }
        }
    }

    /// Indexes a name's consonant skeleton, for every record but a country,
    /// when it has two consonants or more.
    fn add_skeleton(&mut self, e: u32, key: Option<String>, flags: u8) {
        let Some(key) = key else { return };
        if skeleton::len(&key) < 2 || self.t.entries[e as usize].kind == PlaceKind::Country {
            return;
        }
        let named = if self.arabic_named.contains(&e) {
            ARABIC_NAMED
        } else {
            0
        };
        self.skeleton.add(
            &[key.as_str()],
            Posting {
                entry: e,
                flags: flags | named,
            },
        );
    }

    fn index_arabic(&mut self, e: u32, name: &str, flags: u8) {
        let mut words = name_words(name);
        if words.is_empty() {
            return;
        }
        if words.len() >= 2 {
            let head = keys::strip_article(&words[0]).unwrap_or(&words[0]);
            if self.arabic_type_heads.contains(head) {
                words.remove(0);
            }
        }
        let refs: Vec<&str> = words.iter().map(String::as_str).collect();
        if self.drops.contains(&(e, refs.join(" "))) {
            return;
        }
        self.builder.add(&refs, Posting { entry: e, flags });
        self.add_skeleton(e, skeleton::arabic(refs.iter().copied()), flags);
        let country = self.t.entries[e as usize].country;
        // The press writes a village's name with the article that the
        // sources leave out (بلدة الشحيل for شحيل): a one-word name of an
        // Arabic-speaking country is also indexed with it. (Common words
        // that the article makes, الوقت for a village وقت, are listed in
        // common_words.tsv.)
        if refs.len() == 1
            && !refs[0].starts_with("ال")
            && keys::letters(refs[0]) >= 3
            && !self.t.countries[country as usize].translit
        {
            let with = format!("ال{}", refs[0]);
            self.builder.add(
                &[with.as_str()],
                Posting {
                    entry: e,
                    flags: flags | VARIANT,
                },
            );
        }
        if flags & ALIAS != 0 || self.t.countries[country as usize].translit {
            if let Some(loose) = keys::loose_key(refs.iter().copied()) {
                if keys::letters(&loose) >= 4 {
                    self.loose.add_key(&loose, Posting { entry: e, flags });
                }
            }
        }
    }

    fn load_aliases(&mut self, text: &'static str) {
        for (line, c) in rows("aliases.tsv", text) {
            let (Some(alias), Some(target)) = (c.first(), c.get(1)) else {
                self.problem("aliases.tsv", line, "expected alias<TAB>target<TAB>note");
                continue;
            };
            let e = match self.target(target.trim()) {
                Ok(e) => e,
                Err(reason) => {
                    self.problem("aliases.tsv", line, reason);
                    continue;
                }
            };
            self.alias_targets.insert(e);
            let words = name_words(alias);
            if words.is_empty() {
                self.problem("aliases.tsv", line, "empty alias");
                continue;
            }
            if keys::is_arabic(&words[0]) {
                self.index_arabic(e, alias, ALIAS);
            } else {
                self.index_latin(e, alias, ALIAS);
            }
        }
    }

    fn load_country_words(&mut self, text: &'static str) {
        let mut pending = Vec::new();
        for (line, c) in rows("country_words.tsv", text) {
            if c.len() < 4 {
                self.problem(
                    "country_words.tsv",
                    line,
                    "expected iso3<TAB>lang<TAB>kind<TAB>form",
                );
                continue;
            }
            let Some(&country) = self.t.country_by_iso3.get(c[0]) else {
                self.problem(
                    "country_words.tsv",
                    line,
                    format!("unknown country {}", c[0]),
                );
                continue;
            };
            match c[2] {
                "ambiguous" => {
                    let base = name_words(c[3]).join(" ");
                    for suffix in ["", "ة", "ين", "ون", "ا"] {
                        let f = name_words(&format!("{base}{suffix}")).join(" ");
                        self.t.ambiguous.insert((country, f));
                    }
                }
                "not-after" => {
                    let key = name_words(c[3]).join(" ");
                    let bare = keys::strip_article(&key).unwrap_or(&key).to_string();
                    self.t.not_after.insert((country, bare));
                }
                "confirm-after" => {
                    let key = name_words(c[3]).join(" ");
                    let bare = keys::strip_article(&key).unwrap_or(&key).to_string();
                    self.t.confirm_after.insert((country, bare));
                }
                "not-before" => {
                    let key = name_words(c[3]).join(" ");
                    let bare = keys::strip_article(&key).unwrap_or(&key).to_string();
                    self.t.not_before.insert((country, bare));
                }
                "name" | "adj" | "demonym" => pending.push((line, country, c[2], c[3])),
                k => self.problem("country_words.tsv", line, format!("unknown kind {k:?}")),
            }
        }
        for (_, country, kind, form) in pending {
            let base = name_words(form).join(" ");
            match kind {
                "name" => self.add_country_form(form, country, false, false),
                "demonym" => self.add_country_form(form, country, true, false),
                _ => {
                    // Arabic nisba: X, Xة, Xين, Xون, Xا (accusative), and each
                    // with the article.
                    for suffix in ["", "ة", "ين", "ون", "ا"] {
                        let f = format!("{base}{suffix}");
                        self.add_country_form(&f, country, true, false);
                        self.add_country_form(&format!("ال{f}"), country, true, true);
                    }
                }
            }
        }
    }

    /// A town that bears the name of its first- or second-level area is
    /// that area's seat (GeoNames' cities500 rows carry no feature code, so
    /// Ma'rib or Idlib would otherwise rank as villages).
    fn promote_seats(&mut self) {
        let fold = |s: &str| keys::name_words(s).join(" ");
        for i in 0..self.t.entries.len() {
            let e = &self.t.entries[i];
            if e.class != Class::Town {
                continue;
            }
            let name = fold(e.name);
            let same = |a: u32| a != NONE && fold(self.t.entries[a as usize].name) == name;
            let class = if same(e.admin1) {
                Class::Seat1
            } else if same(e.admin2) {
                Class::Seat2
            } else {
                continue;
            };
            let e = &mut self.t.entries[i];
            e.class = class;
            e.prior = prior_of(class, e.population);
            e.salience = e.salience.max(salience_of(class, e.population));
        }
    }

    fn finish(mut self) -> Tables {
        self.promote_seats();
        for &e in &self.alias_targets {
            let entry = &mut self.t.entries[e as usize];
            entry.salience = entry.salience.max(Salience::Medium);
        }
        self.t.tail_cues = tail_cues(&self.t.cue_tails, &self.t.cues);
        self.t.names = self.builder.build();
        (self.t.stop_nodes, self.t.cue_nodes) =
            node_sets(&self.t.names, &self.t.stopwords, &self.t.cues);
        self.t.loose = self.loose.build();
        self.t.loose_first = FirstWords::of(&self.t.loose, keys::loose_key_hash);
        self.t.skeleton = self.skeleton.build();
        self.t.country_index = self.country_builder.build();
        self.t.listed = listed(
            &self.t.stopwords,
            &self.t.common,
            &self.t.given,
            &self.t.bridge_words,
        );
        self.t
    }
}

/// [`Tables::stop_nodes`] and [`Tables::cue_nodes`] of the name index.
/// A key is a function word when it is one, or one with the article in
/// front (`Tables::is_stop`); the same for cue words: so the node of each
/// listed word is marked, and the node of the word with ال when it has two
/// letters or more (as [`keys::strip_article`] asks).
pub(crate) fn node_sets(
    names: &NameIndex,
    stopwords: &WordSet,
    cues: &KeyMap<CueKind>,
) -> (NodeSet, NodeSet) {
    let with_article = |words: Vec<&str>| -> Vec<String> {
        let mut keys: Vec<String> = words.iter().map(|w| w.to_string()).collect();
        for w in words {
            if w.chars().nth(1).is_some() {
                keys.push(format!("ال{w}"));
            }
        }
        keys
    };
    let stop = with_article(stopwords.iter().map(String::as_str).collect());
    let cue = with_article(cues.keys().map(String::as_str).collect());
    (
        NodeSet::of(names, stop.iter().map(String::as_str)),
        NodeSet::of(names, cue.iter().map(String::as_str)),
    )
}

/// [`Tables::tail_cues`] of the cue tails and the cue phrases.
pub(crate) fn tail_cues(cue_tails: &WordSet, cues: &KeyMap<CueKind>) -> KeyMap<Option<CueKind>> {
    let mut m = KeyMap::default();
    for w in cue_tails.iter() {
        m.insert_first(w.clone(), cues.get(w).copied());
    }
    m
}

/// [`Tables::listed`]: the union of the word lists the bridge tests every
/// word against.
pub(crate) fn listed(
    stopwords: &WordSet,
    common: &WordSet,
    given: &WordSet,
    bridge_words: &WordSet,
) -> WordSet {
    stopwords
        .iter()
        .chain(common.iter())
        .chain(given.iter())
        .chain(bridge_words.iter())
        .cloned()
        .collect()
}
