//! The Rasd event coder: a news document in, ACLED-style events out.
//!
//! [`Coder::code`] reads one [`Document`] and returns every political
//! violence, demonstration and strategic-development event it reports,
//! each field backed by the byte spans of the words that gave it.
//!
//! The pipeline, one module per step:
//! - [`doc`]: the text is analysed once (tokens, sentences) and every
//!   dictionary is matched in one pass each: event words, actor aliases,
//!   side nouns, cue words, sources, numbers, dates, places, countries;
//! - [`detect`]: event words that are not negated, hypothetical or
//!   background become *frames* (one incident told by one sentence), typed
//!   by the guidelines (an IED against soldiers is an IED; an assault on a
//!   base after a car bomb is a battle; an attack is a battle or violence
//!   against civilians by its target);
//! - [`incident`]: frames of several sentences that tell one story merge
//!   into an incident (same kind, no other day or place named); each
//!   incident gets its date (the event's own, not the statement's), place,
//!   actors (attacker and target from the sentence's structure, claims,
//!   attributions), fatalities ([`casualty`]: lowest credible figure per
//!   group), sources, a note and a confidence;
//! - cumulative tolls ("since March more than 900 killed") become separate
//!   records flagged `is_period_total`.
//!
//! All word lists are data files under `data/` (actors for every language;
//! event words, side nouns, cues and sources per language in
//! `data/<lang>/`), compiled once on first use. Arabic is the first
//! language; English and French are one [`lang`] module each.

pub mod actors;
pub mod casualty;
pub mod detect;
pub mod doc;
pub mod incident;
pub mod lang;
pub mod lexicon;
pub mod lists;

// The text-layer and gazetteer APIs the coder builds on (TEXT_API.md,
// GAZETTEER_API.md).
pub(crate) use rasd_gazetteer as geo;
pub(crate) use rasd_text::{dates, numbers};

use std::sync::LazyLock;

use rasd_model::{Document, Event, Language};

use crate::lang::LangData;

/// The event coder. Holds the compiled dictionaries (built once, on first
/// use); cheap to share between threads.
pub struct Coder {
    _private: (),
}

static GLOBAL: LazyLock<Coder> = LazyLock::new(Coder::new);

impl Default for Coder {
    fn default() -> Self {
        Self::new()
    }
}

impl Coder {
    /// A coder. Dictionaries are compiled lazily and shared by all coders.
    pub fn new() -> Coder {
        Coder { _private: () }
    }

    /// The shared coder.
    pub fn global() -> &'static Coder {
        &GLOBAL
    }

    /// Compiles every dictionary now (for a server), instead of on first use.
    pub fn preload(&self) {
        let _ = &*lang::ar::DATA;
        let _ = &*lang::en::DATA;
        let _ = &*lang::fr::DATA;
        let _ = &*actors::ACTORS;
        let _ = geo::Gazetteer::global();
    }

    fn lang_data(&self, lang: Option<Language>) -> &'static LangData {
        lang::data_for(lang)
    }

    /// Every event the document reports, in the order of the text.
    pub fn code(&self, doc: &Document) -> Vec<Event> {
        self.code_with(doc, &mut None)
    }

    /// Like [`Coder::code`], with a trace of the decisions (frames found,
    /// incidents opened and joined, details attached, incidents dropped),
    /// one line a step: for `rasd extract --trace` and for debugging rules.
    pub fn trace(&self, doc: &Document) -> (Vec<Event>, Vec<String>) {
        let mut t = Some(Vec::new());
        let events = self.code_with(doc, &mut t);
        (events, t.unwrap_or_default())
    }

    fn code_with(&self, doc: &Document, trace: &mut Option<Vec<String>>) -> Vec<Event> {
        if doc.text.is_empty() {
            return Vec::new();
        }
        let d = doc::DocData::read(doc, self.lang_data(doc.lang));
        incident::code_traced(&d, &doc.id, trace)
    }
}
