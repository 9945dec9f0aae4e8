//! Comparing a report with a baseline report.
//!
//! Every score of every language group is compared. A drop beyond the
//! tolerance in a *gating* score is a regression and fails the run. The
//! gating scores are the event P/R/F1 (strict and relaxed), the period
//! total P/R/F1, and each field's share of gold events found with the field
//! right (`of_gold`). Field accuracy over matched pairs and the share of
//! clean negative documents are shown but do not gate: accuracy falls when
//! a coder newly finds a hard event and gets one field wrong, which is an
//! improvement; false events on negative documents already lower precision.

use std::fmt;
use std::path::Path;

use serde::Serialize;

use crate::fields::Field;
use crate::gold::{read_text, EvalError};
use crate::score::{FieldScores, GroupScores, Prf, Report, REPORT_FORMAT};

/// Exit status: no regression.
pub const EXIT_OK: u8 = 0;
/// Exit status: a score fell below the baseline beyond the tolerance.
pub const EXIT_REGRESSION: u8 = 1;
/// Exit status: bad arguments or unreadable input.
pub const EXIT_USAGE: u8 = 2;

/// Reads a JSON report written by [`Report::to_json`] (a baseline).
pub fn load_report(path: impl AsRef<Path>) -> Result<Report, EvalError> {
    let path = path.as_ref();
    let text = read_text(path)?;
    let report: Report = serde_json::from_str(&text).map_err(|e| EvalError::Report {
        path: path.to_path_buf(),
        reason: e.to_string(),
    })?;
    if report.format != REPORT_FORMAT {
        return Err(EvalError::Report {
            path: path.to_path_buf(),
            reason: format!(
                "report format {} but this scorer writes format {REPORT_FORMAT}; regenerate the baseline",
                report.format
            ),
        });
    }
    Ok(report)
}

/// One named score of a group.
#[derive(Debug, Clone, PartialEq)]
pub struct Metric {
    pub name: String,
    pub value: Option<f64>,
    /// Whether a drop fails the comparison.
    pub gating: bool,
}

fn prf_metrics(out: &mut Vec<Metric>, prefix: &str, p: &Prf) {
    for (name, value) in [
        ("precision", p.precision()),
        ("recall", p.recall()),
        ("f1", p.f1()),
    ] {
        out.push(Metric {
            name: format!("{prefix}.{name}"),
            value,
            gating: true,
        });
    }
}

/// `of_gold` is left out when `with_of_gold` is false (relaxed pairs:
/// there it only repeats the relaxed recall).
fn field_metrics(out: &mut Vec<Metric>, prefix: &str, fields: &FieldScores, with_of_gold: bool) {
    // Known fields in report order first, then any others the report holds.
    let mut names: Vec<&str> = Field::ALL.iter().map(|f| f.name()).collect();
    names.extend(
        fields
            .keys()
            .map(String::as_str)
            .filter(|k| Field::ALL.iter().all(|f| f.name() != *k)),
    );
    for name in names {
        let Some(s) = fields.get(name) else { continue };
        out.push(Metric {
            name: format!("{prefix}.{name}.accuracy"),
            value: s.accuracy(),
            gating: false,
        });
        if with_of_gold {
            out.push(Metric {
                name: format!("{prefix}.{name}.of_gold"),
                value: s.of_gold(),
                gating: true,
            });
        }
    }
}

/// Every score of a group, in a stable order.
pub fn metrics(g: &GroupScores) -> Vec<Metric> {
    let mut out = Vec::new();
    prf_metrics(&mut out, "events", &g.events);
    prf_metrics(&mut out, "events_relaxed", &g.events_relaxed);
    field_metrics(&mut out, "fields", &g.fields, true);
    field_metrics(&mut out, "fields_relaxed", &g.fields_relaxed, false);
    prf_metrics(&mut out, "period_totals", &g.period_totals);
    field_metrics(
        &mut out,
        "period_total_fields",
        &g.period_total_fields,
        true,
    );
    out.push(Metric {
        name: "negatives.clean_rate".into(),
        value: g.negatives.clean_rate(),
        gating: false,
    });
    out
}

/// How a score moved.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Trend {
    Better,
    /// Lower, but within the tolerance or not a gating score.
    Worse,
    /// A gating score lower by more than the tolerance.
    Regression,
}

/// A score that differs between baseline and current report.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Change {
    pub group: String,
    pub metric: String,
    pub baseline: f64,
    pub current: f64,
    pub gating: bool,
    pub trend: Trend,
}

impl Change {
    pub fn delta(&self) -> f64 {
        self.current - self.baseline
    }
}

/// A group the two reports cannot be compared on, and why.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Incomparable {
    pub group: String,
    pub reason: String,
}

/// The outcome of [`compare`].
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Comparison {
    pub tolerance: f64,
    pub changes: Vec<Change>,
    pub unchanged: usize,
    pub incomparable: Vec<Incomparable>,
}

impl Comparison {
    pub fn regressions(&self) -> impl Iterator<Item = &Change> {
        self.changes.iter().filter(|c| c.trend == Trend::Regression)
    }

    pub fn has_regression(&self) -> bool {
        self.regressions().next().is_some()
    }

    /// The process exit status this comparison calls for.
    pub fn exit_code(&self) -> u8 {
        if self.has_regression() {
            EXIT_REGRESSION
        } else {
            EXIT_OK
        }
    }
}

/// Scores move by float noise only when nothing changed; anything smaller
/// than this is "unchanged".
const EPSILON: f64 = 1e-9;

/// Why two groups cannot be compared: they were not scored on the same
/// gold set (a `--lang` run against a full baseline, or a changed gold
/// file). Comparing rates over different gold sets would be meaningless.
fn incomparable(base: &GroupScores, cur: &GroupScores) -> Option<String> {
    let checks = [
        ("documents", base.documents, cur.documents),
        ("gold events", base.events.gold, cur.events.gold),
        (
            "gold period totals",
            base.period_totals.gold,
            cur.period_totals.gold,
        ),
        (
            "negative documents",
            base.negatives.documents,
            cur.negatives.documents,
        ),
    ];
    checks
        .iter()
        .find(|(_, b, c)| b != c)
        .map(|(what, b, c)| format!("{what}: baseline {b}, now {c} (different gold set)"))
}

/// Compares `current` with `baseline`. `tolerance` is in score units (0.02
/// = two points of F1 or accuracy). Scores undefined in either report (no
/// predictions, no pairs) are skipped.
pub fn compare(baseline: &Report, current: &Report, tolerance: f64) -> Comparison {
    let tolerance = if tolerance.is_finite() {
        tolerance.max(0.0)
    } else {
        0.0
    };
    let mut out = Comparison {
        tolerance,
        changes: Vec::new(),
        unchanged: 0,
        incomparable: Vec::new(),
    };
    for name in current.group_names() {
        let cur = &current.groups[name];
        let Some(base) = baseline.groups.get(name) else {
            out.incomparable.push(Incomparable {
                group: name.to_string(),
                reason: "not in the baseline".into(),
            });
            continue;
        };
        if let Some(reason) = incomparable(base, cur) {
            out.incomparable.push(Incomparable {
                group: name.to_string(),
                reason,
            });
            continue;
        }
        let base_metrics = metrics(base);
        for m in metrics(cur) {
            let Some(b) = base_metrics.iter().find(|x| x.name == m.name) else {
                continue;
            };
            let (Some(bv), Some(cv)) = (b.value, m.value) else {
                continue;
            };
            let delta = cv - bv;
            if delta.abs() <= EPSILON {
                out.unchanged += 1;
                continue;
            }
            let trend = if delta > 0.0 {
                Trend::Better
            } else if m.gating && -delta > tolerance + EPSILON {
                Trend::Regression
            } else {
                Trend::Worse
            };
            out.changes.push(Change {
                group: name.to_string(),
                metric: m.name,
                baseline: bv,
                current: cv,
                gating: m.gating,
                trend,
            });
        }
    }
    for name in baseline.group_names() {
        if !current.groups.contains_key(name) {
            out.incomparable.push(Incomparable {
                group: name.to_string(),
                reason: "not in this run".into(),
            });
        }
    }
    out
}

impl fmt::Display for Comparison {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "Compared with the baseline (tolerance {:.3}):",
            self.tolerance
        )?;
        let order = [Trend::Regression, Trend::Worse, Trend::Better];
        for trend in order {
            for c in self.changes.iter().filter(|c| c.trend == trend) {
                let tag = match trend {
                    Trend::Regression => "REGRESSION",
                    Trend::Worse => "worse",
                    Trend::Better => "better",
                };
                let note = if c.gating || trend == Trend::Better {
                    ""
                } else {
                    "  (not gating)"
                };
                writeln!(
                    f,
                    "  {tag:<10} {:<4} {:<44} {:.3} -> {:.3} ({:+.3}){note}",
                    c.group,
                    c.metric,
                    c.baseline,
                    c.current,
                    c.delta()
                )?;
            }
        }
        for i in &self.incomparable {
            writeln!(f, "  not compared: {}: {}", i.group, i.reason)?;
        }
        writeln!(f, "  {} scores unchanged", self.unchanged)?;
        let n = self.regressions().count();
        if n == 0 {
            writeln!(f, "Result: OK, no score fell below the baseline")
        } else {
            writeln!(
                f,
                "Result: FAIL, {n} score(s) fell below the baseline by more than {:.3}",
                self.tolerance
            )
        }
    }
}
