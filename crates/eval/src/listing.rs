//! The error listing behind `rasd eval --errors`: every missed, spurious
//! and mismatched event, with the gold and predicted values side by side
//! and the text the coder cited as evidence, so a developer sees at once
//! what to fix.
//!
//! It runs the same matching as the scorer, so the listing and the table
//! always agree. A missed gold event shows its nearest prediction (its
//! relaxed-match partner) and a spurious prediction its nearest gold event:
//! most errors are a right event with a wrong type or place, and showing
//! the pair says which.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

use rasd_model::{Event, Language};
use serde::Serialize;

use crate::fields::Field;
use crate::gold::{GoldDoc, Predictions};
use crate::score::match_document;

/// What went wrong with an event.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ErrorKind {
    /// Matched, but some fields differ.
    Mismatched,
    /// A gold event no prediction matched.
    Missed,
    /// A prediction matched to no gold event.
    Spurious,
}

/// One differing field of a pair.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FieldDifference {
    pub field: &'static str,
    pub gold: String,
    pub predicted: String,
    /// The text the coder cited for the field, if it cited any.
    pub evidence: Option<String>,
}

/// The evidence text of one field of a predicted event.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EvidenceText {
    pub field: String,
    pub text: String,
}

/// The closest event on the other side for a missed or spurious event.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct NearMiss {
    pub event: Event,
    /// Fields where gold and prediction differ.
    pub differences: Vec<FieldDifference>,
}

/// One entry of the listing.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EventError {
    pub doc_id: String,
    pub lang: Language,
    pub kind: ErrorKind,
    pub period_total: bool,
    pub gold: Option<Event>,
    pub predicted: Option<Event>,
    /// For mismatches: the differing fields.
    pub differences: Vec<FieldDifference>,
    /// For spurious events every evidence span of the prediction, as text;
    /// for missed events those of the gold event, when the gold file has
    /// spans (the shared gold files have none today).
    pub evidence: Vec<EvidenceText>,
    pub near: Option<NearMiss>,
}

/// Longest evidence excerpt shown, in characters.
const EXCERPT_CHARS: usize = 160;

/// The text under the spans the event cites for `key`, or `None` when it
/// cites none. Spans that fall outside the text (or split a character) are
/// reported as such rather than skipped: that is a coder bug worth seeing.
fn evidence_for(e: &Event, key: &str, text: Option<&str>) -> Option<String> {
    let spans = e.evidence.get(key).filter(|s| !s.is_empty())?;
    let Some(text) = text else {
        return Some("(document text not available)".into());
    };
    let parts: Vec<String> = spans
        .iter()
        .map(|s| match s.slice(text) {
            Some(t) => excerpt(t),
            None => format!("(span {}..{} is not inside the text)", s.start, s.end),
        })
        .collect();
    Some(parts.join(" … "))
}

/// One line, whitespace squeezed, cut at [`EXCERPT_CHARS`].
fn excerpt(t: &str) -> String {
    let flat: String = t.split_whitespace().collect::<Vec<_>>().join(" ");
    if flat.chars().count() <= EXCERPT_CHARS {
        flat
    } else {
        let cut: String = flat.chars().take(EXCERPT_CHARS).collect();
        format!("{cut}…")
    }
}

fn differences(gold: &Event, pred: &Event, text: Option<&str>) -> Vec<FieldDifference> {
    Field::ALL
        .iter()
        .filter(|f| f.is_primary() && !f.agrees(gold, pred))
        .map(|f| FieldDifference {
            field: f.name(),
            gold: f.show(gold),
            predicted: f.show(pred),
            evidence: evidence_for(pred, f.evidence_key(), text),
        })
        .collect()
}

fn all_evidence(e: &Event, text: Option<&str>) -> Vec<EvidenceText> {
    e.evidence
        .keys()
        .filter_map(|k| {
            evidence_for(e, k, text).map(|t| EvidenceText {
                field: k.clone(),
                text: t,
            })
        })
        .collect()
}

/// Lists every error of `predicted` against `gold`. `texts` maps document
/// ids to their text (to show evidence); a missing text only means no
/// evidence excerpts for that document.
pub fn list_errors(
    gold: &[GoldDoc],
    predicted: &Predictions,
    texts: &BTreeMap<String, String>,
) -> Vec<EventError> {
    let mut out = Vec::new();
    for doc in gold {
        let preds = predicted.get(&doc.id).map_or(&[][..], Vec::as_slice);
        let text = texts.get(&doc.id).map(String::as_str);
        let m = match_document(doc, preds);
        let entry = |kind, period_total, gold: Option<&Event>, pred: Option<&Event>| EventError {
            doc_id: doc.id.clone(),
            lang: doc.lang,
            kind,
            period_total,
            gold: gold.cloned(),
            predicted: pred.cloned(),
            differences: Vec::new(),
            evidence: Vec::new(),
            near: None,
        };

        // Incidents.
        for &(g, p) in &m.strict {
            let diffs = differences(m.gold_incidents[g], m.pred_incidents[p], text);
            if !diffs.is_empty() {
                let mut e = entry(
                    ErrorKind::Mismatched,
                    false,
                    Some(m.gold_incidents[g]),
                    Some(m.pred_incidents[p]),
                );
                e.differences = diffs;
                out.push(e);
            }
        }
        let matched_gold: BTreeSet<usize> = m.strict.iter().map(|&(g, _)| g).collect();
        let matched_pred: BTreeSet<usize> = m.strict.iter().map(|&(_, p)| p).collect();
        for (g, gold_event) in m.gold_incidents.iter().enumerate() {
            if matched_gold.contains(&g) {
                continue;
            }
            let mut e = entry(ErrorKind::Missed, false, Some(gold_event), None);
            e.evidence = all_evidence(gold_event, text);
            if let Some(&(_, p)) = m.relaxed.iter().find(|&&(rg, _)| rg == g) {
                let pred = m.pred_incidents[p];
                e.near = Some(NearMiss {
                    event: pred.clone(),
                    differences: differences(gold_event, pred, text),
                });
            }
            out.push(e);
        }
        for (p, pred) in m.pred_incidents.iter().enumerate() {
            if matched_pred.contains(&p) {
                continue;
            }
            let mut e = entry(ErrorKind::Spurious, false, None, Some(pred));
            e.evidence = all_evidence(pred, text);
            if let Some(&(g, _)) = m.relaxed.iter().find(|&&(_, rp)| rp == p) {
                let gold_event = m.gold_incidents[g];
                e.near = Some(NearMiss {
                    event: gold_event.clone(),
                    differences: differences(gold_event, pred, text),
                });
            }
            out.push(e);
        }

        // Period totals: only the fields scored on them.
        for &(g, p) in &m.totals {
            let (ge, pe) = (m.gold_totals[g], m.pred_totals[p]);
            let diffs: Vec<FieldDifference> = differences(ge, pe, text)
                .into_iter()
                .filter(|d| Field::PERIOD_TOTAL.iter().any(|f| f.name() == d.field))
                .collect();
            if !diffs.is_empty() {
                let mut e = entry(ErrorKind::Mismatched, true, Some(ge), Some(pe));
                e.differences = diffs;
                out.push(e);
            }
        }
        let matched_gold: BTreeSet<usize> = m.totals.iter().map(|&(g, _)| g).collect();
        let matched_pred: BTreeSet<usize> = m.totals.iter().map(|&(_, p)| p).collect();
        for (g, ge) in m.gold_totals.iter().enumerate() {
            if !matched_gold.contains(&g) {
                let mut e = entry(ErrorKind::Missed, true, Some(ge), None);
                e.evidence = all_evidence(ge, text);
                out.push(e);
            }
        }
        for (p, pe) in m.pred_totals.iter().enumerate() {
            if !matched_pred.contains(&p) {
                let mut e = entry(ErrorKind::Spurious, true, None, Some(pe));
                e.evidence = all_evidence(pe, text);
                out.push(e);
            }
        }
    }
    out
}

/// A one-line summary of an event.
pub fn summary(e: &Event) -> String {
    let or_dash = |s: &str| {
        if s.trim().is_empty() {
            "—".to_string()
        } else {
            s.to_string()
        }
    };
    let date = e
        .event_date
        .map_or_else(|| "no date".to_string(), |d| d.to_string());
    let fatalities = e
        .fatalities
        .map_or_else(|| "null".to_string(), |n| n.to_string());
    let mut s = format!(
        "{} / {} | {} ({}) | {} {}, {} | {} -> {} | fatalities {} {}",
        e.event_type,
        e.sub_event_type,
        date,
        e.date_precision,
        or_dash(&e.iso3),
        or_dash(&e.location),
        or_dash(&e.admin1),
        or_dash(&e.actor1),
        or_dash(&e.actor2),
        fatalities,
        e.fatalities_qualifier,
    );
    if let Some(c) = e.claimed_by.as_deref().filter(|c| !c.trim().is_empty()) {
        s.push_str(&format!(" | claimed by {c}"));
    }
    s
}

fn write_differences(f: &mut fmt::Formatter<'_>, diffs: &[FieldDifference]) -> fmt::Result {
    for d in diffs {
        write!(
            f,
            "    {}: gold {} | predicted {}",
            d.field, d.gold, d.predicted
        )?;
        if let Some(ev) = &d.evidence {
            write!(f, " | evidence «{ev}»")?;
        }
        writeln!(f)?;
    }
    Ok(())
}

impl fmt::Display for EventError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let kind = match self.kind {
            ErrorKind::Missed => "MISSED",
            ErrorKind::Spurious => "SPURIOUS",
            ErrorKind::Mismatched => "MISMATCH",
        };
        let what = if self.period_total {
            "period total"
        } else {
            "incident"
        };
        writeln!(f, "{} [{}] {kind} {what}", self.doc_id, self.lang)?;
        if let Some(g) = &self.gold {
            writeln!(f, "  gold:      {}", summary(g))?;
        }
        if let Some(p) = &self.predicted {
            writeln!(f, "  predicted: {}", summary(p))?;
        }
        write_differences(f, &self.differences)?;
        for ev in &self.evidence {
            writeln!(f, "    evidence {}: «{}»", ev.field, ev.text)?;
        }
        if let Some(near) = &self.near {
            let side = if self.kind == ErrorKind::Missed {
                "nearest prediction"
            } else {
                "nearest gold event"
            };
            let fields: Vec<&str> = near.differences.iter().map(|d| d.field).collect();
            writeln!(
                f,
                "  {side} (differs on {}): {}",
                fields.join(", "),
                summary(&near.event)
            )?;
        }
        Ok(())
    }
}

/// The whole listing as text, with a count line at the end.
pub fn render_errors(errors: &[EventError]) -> String {
    let mut s = String::new();
    for e in errors {
        s.push_str(&e.to_string());
    }
    let n = |k| errors.iter().filter(|e| e.kind == k).count();
    s.push_str(&format!(
        "{} missed, {} spurious, {} mismatched\n",
        n(ErrorKind::Missed),
        n(ErrorKind::Spurious),
        n(ErrorKind::Mismatched)
    ));
    s
}
