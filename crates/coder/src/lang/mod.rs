//! Language modules: the word lists of one language, compiled.
//!
//! The coding logic is shared; what differs between Arabic, English and
//! French is data: event words ([`TriggerClass`]), side nouns ([`Side`]),
//! cue words ([`Cue`]) and source names. Each language is one module that
//! embeds its TSV files (`data/<lang>/*.tsv`) and hands them to
//! [`LangData::compile`]. Adding a language = one module + four files.
//!
//! What differs in *structure* (Arabic puts the verb before its subject and
//! the adjective after its noun; English puts both before) is a small
//! [`Grammar`] each module declares; function words the rules look at
//! (determiners, "of", "that", passive auxiliaries) are cue rows of the
//! language's `cues.tsv`, so the shared rules never name a word.

/// One language module: its four embedded TSV files of `data/<dir>/`, its
/// [`Grammar`], the compiled [`LangData`] (`DATA`, built on first use) and
/// a test that every row reads and that the lists are not cut short.
macro_rules! language {
    ($dir:literal, subject_first: $sf:literal, modifier_first: $mf:literal, min_rows: $min:literal) => {
        use std::sync::LazyLock;

        use super::{Grammar, LangData, LangFiles};

        pub static FILES: LangFiles = LangFiles {
            name: concat!("data/", $dir),
            triggers: include_str!(concat!("../../data/", $dir, "/triggers.tsv")),
            sides: include_str!(concat!("../../data/", $dir, "/sides.tsv")),
            cues: include_str!(concat!("../../data/", $dir, "/cues.tsv")),
            sources: include_str!(concat!("../../data/", $dir, "/sources.tsv")),
            grammar: Grammar {
                subject_first: $sf,
                modifier_first: $mf,
            },
        };

        /// Compiled on first use.
        pub static DATA: LazyLock<LangData> = LazyLock::new(|| LangData::compile(&FILES));

        #[cfg(test)]
        mod tests {
            use super::*;

            #[test]
            fn every_row_is_well_formed() {
                assert!(DATA.errors.is_empty(), "{:#?}", DATA.errors);
                assert!(DATA.triggers.len() > $min);
                assert!(DATA.cues.len() > $min);
            }

            /// A row listed twice is a review slip (one copy gets edited,
            /// the other not).
            #[test]
            fn no_row_is_listed_twice() {
                for (file, text) in [
                    ("triggers", FILES.triggers),
                    ("sides", FILES.sides),
                    ("cues", FILES.cues),
                    ("sources", FILES.sources),
                ] {
                    let mut seen = std::collections::HashSet::new();
                    for line in text
                        .lines()
                        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
                    {
                        assert!(seen.insert(line), "{}/{file}: {line:?} twice", FILES.name);
                    }
                }
            }
        }
    };
}

pub mod ar;
pub mod en;
pub mod fr;

use rasd_model::Language;

use std::str::FromStr;

use crate::lexicon::{rows, FirstWords, PhraseMatcher, RowError};

macro_rules! word_enum {
    ($(#[$m:meta])* $name:ident { $($variant:ident => $text:literal),+ $(,)? }) => {
        $(#[$m])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum $name { $($variant),+ }

        impl FromStr for $name {
            type Err = String;
            fn from_str(s: &str) -> Result<Self, String> {
                match s {
                    $($text => Ok($name::$variant),)+
                    other => Err(format!("unknown {} {other:?}", stringify!($name))),
                }
            }
        }

        impl $name {
            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $text),+ }
            }
        }
    };
}

word_enum!(
    /// What an event word reports (see `data/ar/triggers.tsv`).
    TriggerClass {
        Attack => "attack",
        Clash => "clash",
        Shooting => "shooting",
        Air => "air",
        Shelling => "shelling",
        Ied => "ied",
        Suicide => "suicide",
        Grenade => "grenade",
        Explosion => "explosion",
        Massacre => "massacre",
        Kill => "kill",
        Abduction => "abduction",
        Sexual => "sexual",
        Protest => "protest",
        Riot => "riot",
        Mob => "mob",
        Arrest => "arrest",
        Take => "take",
        Handover => "handover",
        Base => "base",
        Agreement => "agreement",
        Looting => "looting",
        Intercept => "intercept",
        Merger => "merger",
    }
);

word_enum!(
    /// The side a generic noun names (see `data/ar/sides.tsv`).
    Side {
        Military => "military",
        Police => "police",
        Civilians => "civilians",
        Fighters => "fighters",
        Protesters => "protesters",
        Rioters => "rioters",
        Clan => "clan",
        People => "people",
        Members => "members",
        Authorities => "authorities",
        MilitaryTarget => "military_target",
        CivilianTarget => "civilian_target",
        Anaphor => "anaphor",
    }
);

word_enum!(
    /// Cue words (see `data/ar/cues.tsv`).
    Cue {
        Negation => "negation",
        Denial => "denial",
        Modality => "modality",
        Speech => "speech",
        Source => "source",
        Claim => "claim",
        ClaimChannel => "claim_channel",
        Own => "own",
        Support => "support",
        Memorial => "memorial",
        Repel => "repel",
        Superseded => "superseded",
        EnemyClaim => "enemy_claim",
        Hedge => "hedge",
        Blame => "blame",
        Agent => "agent",
        Target => "target",
        Assoc => "assoc",
        Affil => "affil",
        Background => "background",
        Separate => "separate",
        Period => "period",
        Update => "update",
        Death => "death",
        Injury => "injury",
        Neutralized => "neutralized",
        NoDeath => "no_death",
        UnknownDeath => "unknown_death",
        Subset => "subset",
        Plus => "plus",
        SameDay => "same_day",
        NextDay => "next_day",
        DayBefore => "day_before",
        DayBefore2 => "day_before_2",
        DayAfter2 => "day_after_2",
        Between => "between",
        Lynch => "lynch",
        Disperse => "disperse",
        LiveFire => "live_fire",
        Peaceful => "peaceful",
        Tactical => "tactical",
        Demonstrative => "demonstrative",
        PlaceRef => "place_ref",
        Locative => "locative",
        SideA => "side_a",
        SideB => "side_b",
        Ongoing => "ongoing",
        Pair => "pair",
        Suffered => "suffered",
        CarryOut => "carry_out",
        Charge => "charge",
        Suspect => "suspect",
        // Function words of languages without Arabic's clitics (English,
        // French); the Arabic rules read these from the stems instead.
        Affiliate => "affiliate",
        Displaced => "displaced",
        Definite => "definite",
        Article => "article",
        Of => "of",
        OfThem => "of_them",
        That => "that",
        Passive => "passive",
        Possessive => "possessive",
        Toward => "toward",
        And => "and",
        On => "on",
    }
);

/// Word order facts the shared rules need.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Grammar {
    /// The subject comes before its verb ("gunmen killed", "l'armée a
    /// annoncé"); Arabic puts it after ("قتل مسلحون"). The rules then look
    /// on both sides of a verb for its subject.
    pub subject_first: bool,
    /// Adjectives and possessors come before the noun ("the Malian army",
    /// "Mali's army"); French and Arabic put the country after.
    pub modifier_first: bool,
}

/// The compiled word lists of a document's language (Arabic when unknown).
pub fn data_for(lang: Option<Language>) -> &'static LangData {
    match lang {
        Some(Language::En) => &en::DATA,
        Some(Language::Fr) => &fr::DATA,
        Some(Language::Ar) | None => &ar::DATA,
    }
}

impl Side {
    /// Whether the noun names people (so a count can apply to it).
    pub fn names_people(self) -> bool {
        !matches!(
            self,
            Side::MilitaryTarget | Side::CivilianTarget | Side::Anaphor
        )
    }

    /// The side a target word stands for.
    pub fn as_people(self) -> Side {
        match self {
            Side::MilitaryTarget => Side::Military,
            Side::CivilianTarget => Side::Civilians,
            s => s,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TriggerDef {
    pub class: TriggerClass,
    /// 2: reports an incident alone; 1: needs a victim, target or
    /// perpetrator nearby; 0: only refers back.
    pub strength: u8,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SideDef {
    pub side: Side,
    /// People named by a singular or dual noun with no number.
    pub count: Option<u32>,
}

/// The compiled word lists of one language.
#[derive(Debug)]
pub struct LangData {
    pub triggers: PhraseMatcher<TriggerDef>,
    pub sides: PhraseMatcher<SideDef>,
    pub cues: PhraseMatcher<Cue>,
    pub sources: PhraseMatcher<String>,
    pub grammar: Grammar,
    /// The first words of the four dictionaries and of the actor aliases:
    /// what [`crate::lexicon::Words`] keeps look-ups for.
    pub first_words: FirstWords,
    /// Rows that could not be read (reported by tests, skipped at run time).
    pub errors: Vec<RowError>,
}

/// The TSV sources of one language.
pub struct LangFiles {
    pub name: &'static str,
    pub triggers: &'static str,
    pub sides: &'static str,
    pub cues: &'static str,
    pub sources: &'static str,
    pub grammar: Grammar,
}

impl LangData {
    pub fn compile(files: &LangFiles) -> LangData {
        let mut errors = Vec::new();
        let mut err = |file: &'static str, line: usize, reason: String| {
            errors.push(RowError { file, line, reason })
        };
        let mut triggers = PhraseMatcher::new();
        for (line, f) in rows(files.triggers) {
            let class = f.get(1).map(|s| s.parse::<TriggerClass>());
            let strength = f.get(2).map(|s| s.parse::<u8>());
            match (class, strength) {
                (Some(Ok(class)), Some(Ok(strength))) if strength <= 2 => {
                    if !triggers.insert(f[0], TriggerDef { class, strength }) {
                        err(files.name, line, format!("empty phrase {:?}", f[0]));
                    }
                }
                _ => err(
                    files.name,
                    line,
                    "expected phrase, class, strength 0..2".into(),
                ),
            }
        }
        let mut sides = PhraseMatcher::new();
        for (line, f) in rows(files.sides) {
            let side = f.get(1).map(|s| s.parse::<Side>());
            let count = match f.get(2).filter(|s| !s.is_empty()) {
                None => Ok(None),
                Some(c) => c.parse::<u32>().map(Some),
            };
            match (side, count) {
                (Some(Ok(side)), Ok(count)) => {
                    // `phrase@ISO` rows are country-specific synonyms kept
                    // for later; the suffix is not part of the phrase.
                    let phrase = f[0].split('@').next().unwrap_or(f[0]);
                    if !sides.insert(phrase, SideDef { side, count }) {
                        err(files.name, line, format!("empty phrase {:?}", f[0]));
                    }
                }
                _ => err(files.name, line, "expected phrase, side, [count]".into()),
            }
        }
        let mut cues = PhraseMatcher::new();
        for (line, f) in rows(files.cues) {
            match f.get(1).map(|s| s.parse::<Cue>()) {
                Some(Ok(cue)) => {
                    if !cues.insert(f[0], cue) {
                        err(files.name, line, format!("empty phrase {:?}", f[0]));
                    }
                }
                _ => err(files.name, line, "expected phrase, cue kind".into()),
            }
        }
        let mut sources = PhraseMatcher::new();
        for (line, f) in rows(files.sources) {
            match f.get(1) {
                Some(label) if !label.is_empty() => {
                    if !sources.insert(f[0], (*label).to_string()) {
                        err(files.name, line, format!("empty phrase {:?}", f[0]));
                    }
                }
                _ => err(files.name, line, "expected phrase, label".into()),
            }
        }
        let mut first_words = FirstWords::none();
        first_words.add(&triggers);
        first_words.add(&sides);
        first_words.add(&cues);
        first_words.add(&sources);
        first_words.add(&crate::actors::ACTORS.matcher);
        LangData {
            triggers,
            sides,
            cues,
            sources,
            grammar: files.grammar,
            first_words,
            errors,
        }
    }
}
