//! Scoring: counts per language group, turned into rates on demand.
//!
//! The report keeps *counts* (gold, predicted, matched; correct and
//! compared pairs). Rates are computed from them, and written beside them
//! in the JSON for readers, but a baseline is read back from the counts
//! alone so a rate can never disagree with its counts.

use std::collections::BTreeMap;

use rasd_model::{Event, Language};
use serde::ser::SerializeStruct;
use serde::{Deserialize, Serialize, Serializer};

use crate::fields::Field;
use crate::gold::{GoldDoc, Predictions};
use crate::matching::{match_events, Rule};

/// Version of the JSON report format; bumped when a field changes meaning.
pub const REPORT_FORMAT: u32 = 1;

/// The group that pools every language.
pub const ALL: &str = "all";

/// Precision, recall and F1 from counts. A rate with a zero denominator is
/// undefined (`None`, `null` in JSON, "—" in the table), never 0 or 1: a
/// coder that predicts nothing has no precision to speak of.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
pub struct Prf {
    pub gold: u32,
    pub predicted: u32,
    pub matched: u32,
}

impl Prf {
    pub fn precision(&self) -> Option<f64> {
        ratio(self.matched, self.predicted)
    }

    pub fn recall(&self) -> Option<f64> {
        ratio(self.matched, self.gold)
    }

    /// 2·matched / (gold + predicted): the harmonic mean of P and R, and
    /// defined (as 0) when only one of them is.
    pub fn f1(&self) -> Option<f64> {
        ratio(2 * self.matched, self.gold + self.predicted)
    }

    fn add(&mut self, other: Prf) {
        self.gold += other.gold;
        self.predicted += other.predicted;
        self.matched += other.matched;
    }
}

impl Serialize for Prf {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut st = s.serialize_struct("Prf", 6)?;
        st.serialize_field("gold", &self.gold)?;
        st.serialize_field("predicted", &self.predicted)?;
        st.serialize_field("matched", &self.matched)?;
        st.serialize_field("precision", &round(self.precision()))?;
        st.serialize_field("recall", &round(self.recall()))?;
        st.serialize_field("f1", &round(self.f1()))?;
        st.end()
    }
}

/// One field over matched pairs: how many pairs agree, how many pairs were
/// compared, and how many gold events the field applies to.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
pub struct FieldScore {
    pub correct: u32,
    pub pairs: u32,
    pub gold: u32,
}

impl FieldScore {
    /// Share of matched pairs that agree: the field accuracy developers
    /// read ("when we find the event, how often is the actor right?").
    pub fn accuracy(&self) -> Option<f64> {
        ratio(self.correct, self.pairs)
    }

    /// Share of gold events found *and* right on this field. Unlike
    /// accuracy it cannot fall when the coder finds one more event, so it
    /// is the form the baseline gate uses.
    pub fn of_gold(&self) -> Option<f64> {
        ratio(self.correct, self.gold)
    }

    fn add(&mut self, other: FieldScore) {
        self.correct += other.correct;
        self.pairs += other.pairs;
        self.gold += other.gold;
    }
}

impl Serialize for FieldScore {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut st = s.serialize_struct("FieldScore", 5)?;
        st.serialize_field("correct", &self.correct)?;
        st.serialize_field("pairs", &self.pairs)?;
        st.serialize_field("gold", &self.gold)?;
        st.serialize_field("accuracy", &round(self.accuracy()))?;
        st.serialize_field("of_gold", &round(self.of_gold()))?;
        st.end()
    }
}

/// Documents without any gold entry, and how many of them received at
/// least one predicted entry (incident or period total).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
pub struct Negatives {
    pub documents: u32,
    pub with_false_event: u32,
}

impl Negatives {
    /// Share of negative documents left clean.
    pub fn clean_rate(&self) -> Option<f64> {
        ratio(
            self.documents.saturating_sub(self.with_false_event),
            self.documents,
        )
    }
}

impl Serialize for Negatives {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut st = s.serialize_struct("Negatives", 3)?;
        st.serialize_field("documents", &self.documents)?;
        st.serialize_field("with_false_event", &self.with_false_event)?;
        st.serialize_field("clean_rate", &round(self.clean_rate()))?;
        st.end()
    }
}

/// Field scores keyed by [`Field::name`]. String keys (not the enum) so a
/// baseline written by an older or newer scorer still reads.
pub type FieldScores = BTreeMap<String, FieldScore>;

/// All scores of one language group (or of all languages).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct GroupScores {
    pub documents: u32,
    /// Incidents under the strict rule.
    pub events: Prf,
    /// Incidents under the relaxed rule (country and date only).
    pub events_relaxed: Prf,
    /// Fields over strictly matched pairs.
    pub fields: FieldScores,
    /// Fields over relaxed pairs: shows whether near misses are near on
    /// type or on place.
    pub fields_relaxed: FieldScores,
    pub period_totals: Prf,
    /// The figure and start of matched period totals.
    pub period_total_fields: FieldScores,
    pub negatives: Negatives,
}

impl GroupScores {
    fn add(&mut self, other: &GroupScores) {
        self.documents += other.documents;
        self.events.add(other.events);
        self.events_relaxed.add(other.events_relaxed);
        add_fields(&mut self.fields, &other.fields);
        add_fields(&mut self.fields_relaxed, &other.fields_relaxed);
        self.period_totals.add(other.period_totals);
        add_fields(&mut self.period_total_fields, &other.period_total_fields);
        self.negatives.documents += other.negatives.documents;
        self.negatives.with_false_event += other.negatives.with_false_event;
    }

    /// The field score of `field` over strict pairs (zero if absent).
    pub fn field(&self, field: Field) -> FieldScore {
        self.fields.get(field.name()).copied().unwrap_or_default()
    }
}

fn add_fields(into: &mut FieldScores, from: &FieldScores) {
    for (k, v) in from {
        into.entry(k.clone()).or_default().add(*v);
    }
}

/// The scores of one evaluation run, per language and over all (`"all"`).
/// Its JSON form is the baseline file format.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Report {
    pub format: u32,
    /// Keys: language codes (`ar`, `en`, `fr`) and [`ALL`].
    pub groups: BTreeMap<String, GroupScores>,
}

impl Report {
    /// Group names in display order: languages, then `all`.
    pub fn group_names(&self) -> Vec<&str> {
        let mut names: Vec<&str> = self
            .groups
            .keys()
            .map(String::as_str)
            .filter(|g| *g != ALL)
            .collect();
        if self.groups.contains_key(ALL) {
            names.push(ALL);
        }
        names
    }

    /// The pooled scores (an empty group if the report has none).
    pub fn all(&self) -> GroupScores {
        self.groups.get(ALL).cloned().unwrap_or_default()
    }

    pub fn to_json(&self) -> String {
        // A report holds only maps with string keys, numbers and options:
        // serialization cannot fail.
        serde_json::to_string_pretty(self).unwrap_or_default()
    }
}

/// What matching found in one document; shared by the scorer and the error
/// listing so both see the same pairs.
pub(crate) struct DocMatch<'a> {
    pub gold_incidents: Vec<&'a Event>,
    pub pred_incidents: Vec<&'a Event>,
    pub strict: Vec<(usize, usize)>,
    pub relaxed: Vec<(usize, usize)>,
    pub gold_totals: Vec<&'a Event>,
    pub pred_totals: Vec<&'a Event>,
    pub totals: Vec<(usize, usize)>,
}

pub(crate) fn match_document<'a>(gold: &'a GoldDoc, predicted: &'a [Event]) -> DocMatch<'a> {
    let (gold_totals, gold_incidents): (Vec<&Event>, Vec<&Event>) =
        gold.events.iter().partition(|e| e.is_period_total);
    let (pred_totals, pred_incidents): (Vec<&Event>, Vec<&Event>) =
        predicted.iter().partition(|e| e.is_period_total);
    DocMatch {
        strict: match_events(Rule::Strict, &gold_incidents, &pred_incidents),
        relaxed: match_events(Rule::Relaxed, &gold_incidents, &pred_incidents),
        totals: match_events(Rule::PeriodTotal, &gold_totals, &pred_totals),
        gold_incidents,
        pred_incidents,
        gold_totals,
        pred_totals,
    }
}

fn count(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

fn field_scores(
    fields: &[Field],
    gold: &[&Event],
    pred: &[&Event],
    pairs: &[(usize, usize)],
) -> FieldScores {
    fields
        .iter()
        .map(|&f| {
            let mut s = FieldScore {
                gold: count(gold.iter().filter(|g| f.applies(g)).count()),
                ..FieldScore::default()
            };
            for &(g, p) in pairs {
                if f.applies(gold[g]) {
                    s.pairs += 1;
                    if f.agrees(gold[g], pred[p]) {
                        s.correct += 1;
                    }
                }
            }
            (f.name().to_string(), s)
        })
        .collect()
}

fn score_document(gold: &GoldDoc, predicted: &[Event]) -> GroupScores {
    let m = match_document(gold, predicted);
    let prf = |g: &[&Event], p: &[&Event], pairs: &[(usize, usize)]| Prf {
        gold: count(g.len()),
        predicted: count(p.len()),
        matched: count(pairs.len()),
    };
    let negative = gold.is_negative();
    GroupScores {
        documents: 1,
        events: prf(&m.gold_incidents, &m.pred_incidents, &m.strict),
        events_relaxed: prf(&m.gold_incidents, &m.pred_incidents, &m.relaxed),
        fields: field_scores(Field::ALL, &m.gold_incidents, &m.pred_incidents, &m.strict),
        fields_relaxed: field_scores(Field::ALL, &m.gold_incidents, &m.pred_incidents, &m.relaxed),
        period_totals: prf(&m.gold_totals, &m.pred_totals, &m.totals),
        period_total_fields: field_scores(
            Field::PERIOD_TOTAL,
            &m.gold_totals,
            &m.pred_totals,
            &m.totals,
        ),
        negatives: Negatives {
            documents: u32::from(negative),
            with_false_event: u32::from(negative && !predicted.is_empty()),
        },
    }
}

/// Scores predictions against the gold documents. Predictions for
/// documents outside `gold` are ignored (see
/// [`unknown_documents`](crate::unknown_documents)); a gold document with
/// no entry in `predicted` got no events.
pub fn score(gold: &[GoldDoc], predicted: &Predictions) -> Report {
    let mut groups: BTreeMap<String, GroupScores> = BTreeMap::new();
    let mut all = GroupScores::default();
    for doc in gold {
        let preds = predicted.get(&doc.id).map_or(&[][..], Vec::as_slice);
        let s = score_document(doc, preds);
        groups
            .entry(lang_key(doc.lang).to_string())
            .or_default()
            .add(&s);
        all.add(&s);
    }
    groups.insert(ALL.to_string(), all);
    Report {
        format: REPORT_FORMAT,
        groups,
    }
}

fn lang_key(lang: Language) -> &'static str {
    lang.code()
}

pub(crate) fn ratio(num: u32, den: u32) -> Option<f64> {
    (den > 0).then(|| f64::from(num) / f64::from(den))
}

/// Rates in JSON are rounded to 4 decimals: enough to compare at a
/// tolerance of 0.01, and diffs of baseline files stay readable.
fn round(v: Option<f64>) -> Option<f64> {
    v.map(|x| (x * 10_000.0).round() / 10_000.0)
}
