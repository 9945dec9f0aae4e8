//! Places for Rasd: the compiled gazetteer, place mentions in Arabic and
//! Latin-script text, disambiguation, and countries with their demonyms.
//!
//! # Data
//!
//! The gazetteer is the project's own set of TSV sources in `data/`
//! (documented in `data/README.md`): tables generated from the GeoNames /
//! Who's On First extract by `scripts/gazetteer/build_data.py` (about
//! 168 000 populated places and named features of the 40 countries in
//! scope, their 6 400 admin areas, every country), and reviewed files
//! written by hand — press spellings GeoNames lacks (`aliases.tsv`), places
//! it lacks and the two conflict countries outside the extract, DR Congo
//! and Mozambique, with their provinces, districts and towns
//! (`extra_places.tsv`), ACLED-style names (`admin1_names.tsv`,
//! `names.tsv`), function words that are also place names
//! (`stopwords.tsv`), given names (`given_names.tsv`), cue words
//! (`cues.tsv`) and country words (`country_words.tsv`) — and a list of
//! the common Arabic words that are also a place name somewhere
//! (`common_words.tsv`, generated from word frequencies). They are
//! embedded in the binary and compiled on first use (see
//! [`Gazetteer::global`]); nothing is read at run time.
//!
//! # Matching
//!
//! Names are keyed exactly as `rasd_text` keys words (diacritics, alef
//! forms, ة/ه, ى/ي folded; Latin accents and case folded), so a name meets
//! the text on the token keys. Each word is tried with its proclitic
//! readings (وميناكا، بجاو، لتمبكتو، والرقة، للرقة); names of several words
//! (دير الزور، ليبتاكو غورما، Burkina Faso, Deir ez-Zor) are followed word by
//! word through the index. Transliterated names (the Sahel, West and East
//! Africa, the curated aliases) also have a *loose* key on which the letters
//! of g/k (ج غ ق ك گ) merge and long vowels drop, so جورما meets غورما.
//!
//! # Resolution
//!
//! See [`resolve`](crate::resolve) for the scoring and the acceptance rules:
//! a place name that is also a common word or a given name, a tiny village
//! or a foreign place needs the cue words around it (مدينة، قرية، قرب، في,
//! "the town of") and a document about its country; a name announced by a type noun that
//! the gazetteer does not know is tried on the *skeleton bridge* (see
//! `bridge.rs`: its consonants against the skeletons of every Latin and
//! Arabic name of the places of the document's country), and reported
//! unresolved, with its span, when no place fits. Latin names the press
//! spells otherwise than the sources (Bulo Mareer, Hudur, Ti-n-Akof) cross
//! a Latin side of the same bridge under the same conditions.

mod bridge;
mod capital;
mod countries;
mod data;
mod image;
mod index;
mod keys;
mod kind;
mod matcher;
mod resolve;
mod skeleton;
mod wordset;

use std::sync::LazyLock;

pub use data::{DataError, Sources};
pub use kind::PlaceKind;
pub use rasd_model::Span;

impl Sources {
    /// The data files compiled into this crate (the generated tables as
    /// decompressed by `build.rs`).
    pub fn embedded() -> Sources {
        Sources {
            places: include_str!(concat!(env!("OUT_DIR"), "/places.tsv")),
            admin: include_str!(concat!(env!("OUT_DIR"), "/admin.tsv")),
            countries: include_str!("../data/countries.tsv"),
            admin1_names: include_str!("../data/admin1_names.tsv"),
            names: include_str!("../data/names.tsv"),
            aliases: include_str!("../data/aliases.tsv"),
            extra_places: include_str!("../data/extra_places.tsv"),
            stopwords: include_str!("../data/stopwords.tsv"),
            common_words: include_str!("../data/common_words.tsv"),
            given_names: include_str!("../data/given_names.tsv"),
            bridge_words: include_str!("../data/bridge_words.tsv"),
            cues: include_str!("../data/cues.tsv"),
            country_words: include_str!("../data/country_words.tsv"),
            name_drops: include_str!("../data/name_drops.tsv"),
        }
    }
}

/// The gazetteer compiled by `build.rs` from [`Sources::embedded`].
static IMAGE: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/gazetteer.bin"));

/// A gazetteer record.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Place {
    /// Stable id within the compiled gazetteer.
    pub id: u32,
    /// English/Latin name as ACLED writes it ("Menaka", "Timbuktu").
    pub name: String,
    pub kind: PlaceKind,
    pub iso3: String,
    pub country: String,
    /// First-level area ("Gao"); empty for a country.
    pub admin1: String,
    /// Second-level area ("Ansongo"); empty when unknown or not applicable.
    pub admin2: String,
    pub lat: f64,
    pub lon: f64,
    pub population: u64,
}

/// How the text places the event relative to the named place.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub enum Relation {
    /// "في تلاتاي"
    At,
    /// "قرب ميناكا", "near Ménaka"
    Near,
    /// "150 كم شرق جاو"
    Distance {
        km: Option<f64>,
        direction: Option<String>,
    },
    /// "شمال مالي" (a part of the named area)
    Direction(String),
}

/// A place named in a text.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct PlaceMention {
    /// Bytes of the name in the original text (proclitics excluded).
    pub span: Span,
    /// The text under the span.
    pub surface: String,
    /// `None`: a place name the gazetteer does not know (or cannot place
    /// with confidence).
    pub place: Option<Place>,
    pub relation: Relation,
    /// Bytes of "قرب", "150 كم شرق", "near" etc.
    pub relation_span: Option<Span>,
    /// 1 the town itself, 2 near it or part of it, 3 only the admin
    /// region or country; 0 when `place` is `None`.
    pub geo_precision: u8,
    /// Disambiguation confidence, 0..1.
    pub score: f32,
}

/// How a country is named.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub enum CountryForm {
    /// مالي، Mali
    Name,
    /// المالي، الماليين، malien, Malian
    Demonym,
}

/// A country named in a text, by name or by adjective.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct CountryMention {
    pub span: Span,
    pub iso3: &'static str,
    /// English name, "Burkina Faso".
    pub country: &'static str,
    pub form: CountryForm,
}

/// Sizes of the compiled gazetteer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub struct Stats {
    pub records: usize,
    pub countries: usize,
    pub name_keys: usize,
    pub loose_keys: usize,
    /// Approximate heap bytes of the tables and indexes.
    pub heap_bytes: usize,
}

/// The compiled gazetteer.
pub struct Gazetteer {
    t: data::Tables,
}

static GLOBAL: LazyLock<Gazetteer> = LazyLock::new(Gazetteer::load_embedded);

impl Gazetteer {
    /// The embedded gazetteer, compiled lazily on first use.
    pub fn global() -> &'static Gazetteer {
        &GLOBAL
    }

    /// A fresh copy of the embedded gazetteer (what [`Gazetteer::global`]
    /// holds), read from the image compiled by the build script. For
    /// benchmarks and tools that want their own instance.
    pub fn load_embedded() -> Gazetteer {
        match image::read(IMAGE) {
            Ok(t) => Gazetteer { t },
            Err(reason) => {
                // Only a build bug can get here; compile from the sources
                // instead and say so in the data problems.
                let mut g = Gazetteer::from_sources(&Sources::embedded());
                g.t.problems.push(DataError {
                    file: "gazetteer.bin",
                    line: 0,
                    reason,
                });
                g
            }
        }
    }

    /// Compiles a gazetteer from the given sources. Bad rows are skipped and
    /// reported by [`Gazetteer::data_problems`].
    pub fn from_sources(sources: &Sources) -> Gazetteer {
        Gazetteer {
            t: data::load(sources),
        }
    }

    /// Rows of the data files that could not be used.
    pub fn data_problems(&self) -> &[DataError] {
        &self.t.problems
    }

    /// Every place mention of a text (all languages), disambiguated using
    /// the whole text as context. `analysis` is `rasd_text::analyze(text)`.
    pub fn geocode(&self, text: &str, analysis: &rasd_text::Analysis) -> Vec<PlaceMention> {
        let a = resolve::analyse(&self.t, text, analysis);
        resolve::geocode(&self.t, &a)
    }

    /// Country names and demonyms/adjectives (Arabic, French, English).
    pub fn countries(&self, text: &str, analysis: &rasd_text::Analysis) -> Vec<CountryMention> {
        let a = resolve::analyse(&self.t, text, analysis);
        resolve::country_mentions(&self.t, &a)
    }

    /// Both at once (one pass over the text).
    pub fn geocode_with_countries(
        &self,
        text: &str,
        analysis: &rasd_text::Analysis,
    ) -> (Vec<PlaceMention>, Vec<CountryMention>) {
        let a = resolve::analyse(&self.t, text, analysis);
        (
            resolve::geocode(&self.t, &a),
            resolve::country_mentions(&self.t, &a),
        )
    }

    /// Name lookup ("rasd places NAME"): candidates, best first.
    pub fn lookup(&self, name: &str) -> Vec<Place> {
        resolve::lookup(&self.t, name)
    }

    /// Country record by ISO3.
    pub fn country(&self, iso3: &str) -> Option<Place> {
        let c = self.t.country_by_iso3.get(iso3)?;
        Some(self.t.place(self.t.countries[*c as usize].entry))
    }

    /// The ISO3 code and English name of a country as the tables hold them
    /// (for callers that keep country keys beside [`CountryMention`]s).
    pub fn country_key(&self, iso3: &str) -> Option<(&'static str, &'static str)> {
        let c = &self.t.countries[*self.t.country_by_iso3.get(iso3)? as usize];
        Some((c.iso3, c.name))
    }

    /// A record by its id.
    pub fn place(&self, id: u32) -> Option<Place> {
        ((id as usize) < self.t.entries.len()).then(|| self.t.place(id))
    }

    pub fn stats(&self) -> Stats {
        Stats {
            records: self.t.entries.len(),
            countries: self.t.countries.len(),
            name_keys: self.t.names.len(),
            loose_keys: self.t.loose.len(),
            heap_bytes: self.t.entries.capacity() * std::mem::size_of::<data::Entry>()
                + self.t.names.memory_bytes()
                + self.t.loose.memory_bytes()
                + self.t.country_index.memory_bytes(),
        }
    }
}
