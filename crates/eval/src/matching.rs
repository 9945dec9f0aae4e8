//! One-to-one matching of predicted events to gold events in a document.
//!
//! A pair is a *candidate* when it passes the rule's tests (see [`Rule`]).
//! Among candidates, the matcher picks the assignment that first maximizes
//! the number of matched pairs and then, among assignments of that size,
//! the number of agreeing fields. Both are one maximum-weight assignment
//! problem: a candidate pair weighs `BIG + agreements`, any other pair 0,
//! with `BIG` larger than every possible sum of agreements, so one more
//! pair always outweighs any amount of field agreement. Kuhn–Munkres solves
//! it exactly in O(n³) (documents hold a handful of events, but a runaway
//! coder may emit dozens, which rules out trying permutations).
//!
//! Why maximize pairs first: a greedy "best pair first" can take the one
//! gold event that two predictions both fit and leave a second gold event
//! unmatched although a full matching existed, turning one coder error into
//! a miss plus a spurious event. Why field agreement second: with two
//! clashes in the same town on consecutive days, the pairing that lines up
//! the dates (and actors) is the one the coder meant, and field scores
//! should be computed on that pairing.

use chrono::Datelike;
use pathfinding::kuhn_munkres::kuhn_munkres;
use pathfinding::matrix::Matrix;
use rasd_model::{DatePrecision, Event};

use crate::fields::{same_name, Field};

/// Which test a pair must pass to be matched.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rule {
    /// Incidents: same country, same place (location, or admin1 when the
    /// locations differ), same event type, and a date inside the gold
    /// precision window (see [`date_in_window`]).
    Strict,
    /// Incidents, near misses included: same country and a date inside the
    /// gold window; the type and the place may be wrong.
    Relaxed,
    /// Period totals: same country and same start month (same start year
    /// when the gold start is only known to the year).
    PeriodTotal,
}

impl Rule {
    /// Whether `pred` may be matched to `gold` under this rule.
    pub fn is_candidate(self, gold: &Event, pred: &Event) -> bool {
        match self {
            Rule::Strict => {
                same_name(&gold.iso3, &pred.iso3)
                    && gold.event_type == pred.event_type
                    && same_place(gold, pred)
                    && date_in_window(gold, pred)
            }
            Rule::Relaxed => same_name(&gold.iso3, &pred.iso3) && date_in_window(gold, pred),
            Rule::PeriodTotal => same_name(&gold.iso3, &pred.iso3) && same_period_start(gold, pred),
        }
    }
}

/// Location agrees, or — when the locations differ — admin1 agrees and is
/// known. A coder that puts an event in the right district under a
/// neighbouring village name has found the event; the location field score
/// then records the error. Two empty admin1 fields say nothing about the
/// place, so they do not count as agreement.
pub fn same_place(gold: &Event, pred: &Event) -> bool {
    same_name(&gold.location, &pred.location)
        || (!gold.admin1.trim().is_empty() && same_name(&gold.admin1, &pred.admin1))
}

/// The predicted date lies inside the window the gold precision allows:
///
/// | gold precision | accepted predicted dates |
/// |---|---|
/// | day | the gold day ± 1 (night events and "yesterday" against a late dateline) |
/// | week | the stored middle day ± 3: the whole 7-day window |
/// | month | any day of the gold month |
/// | year | any day of the gold year |
///
/// A gold event without a date accepts any prediction (the annotator could
/// not fix one); a prediction without a date never matches a dated gold
/// event.
pub fn date_in_window(gold: &Event, pred: &Event) -> bool {
    let Some(g) = gold.event_date else {
        return true;
    };
    let Some(p) = pred.event_date else {
        return false;
    };
    match gold.date_precision {
        DatePrecision::Day => (p - g).num_days().abs() <= 1,
        DatePrecision::Week => (p - g).num_days().abs() <= 3,
        DatePrecision::Month => p.year() == g.year() && p.month() == g.month(),
        DatePrecision::Year => p.year() == g.year(),
    }
}

/// Period totals store the start of the period; the month it falls in is
/// what the text says ("since March"), whatever day a coder stores.
fn same_period_start(gold: &Event, pred: &Event) -> bool {
    match (gold.event_date, pred.event_date) {
        (None, _) => true,
        (Some(_), None) => false,
        (Some(g), Some(p)) => match gold.date_precision {
            DatePrecision::Year => p.year() == g.year(),
            _ => p.year() == g.year() && p.month() == g.month(),
        },
    }
}

/// How many primary fields of the pair agree; the matcher's tie-break.
pub fn agreement(gold: &Event, pred: &Event) -> u32 {
    let n = Field::ALL
        .iter()
        .filter(|f| f.is_primary() && f.agrees(gold, pred))
        .count();
    // At most Field::ALL.len(): fits in u32.
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// Matches `pred` to `gold` one to one under `rule`. Returns `(gold index,
/// predicted index)` pairs sorted by gold index.
pub fn match_events(rule: Rule, gold: &[&Event], pred: &[&Event]) -> Vec<(usize, usize)> {
    if gold.is_empty() || pred.is_empty() {
        return Vec::new();
    }
    // Kuhn–Munkres wants no more rows than columns: the smaller side goes
    // in the rows.
    let transpose = gold.len() > pred.len();
    let (rows, cols) = if transpose {
        (pred.len(), gold.len())
    } else {
        (gold.len(), pred.len())
    };
    let max_agreement = Field::ALL.len() as i64;
    let big = max_agreement * rows as i64 + 1;
    let weights = Matrix::from_fn(rows, cols, |(r, c)| {
        let (g, p) = if transpose { (c, r) } else { (r, c) };
        if rule.is_candidate(gold[g], pred[p]) {
            big + i64::from(agreement(gold[g], pred[p]))
        } else {
            0
        }
    });
    let (_, assignment) = kuhn_munkres(&weights);
    let mut pairs: Vec<(usize, usize)> = assignment
        .into_iter()
        .enumerate()
        .map(|(r, c)| if transpose { (c, r) } else { (r, c) })
        .filter(|&(g, p)| rule.is_candidate(gold[g], pred[p]))
        .collect();
    pairs.sort_unstable();
    pairs
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;
    use rasd_model::SubEventType;

    fn ev(sub: SubEventType, date: &str, prec: DatePrecision, loc: &str, admin1: &str) -> Event {
        let mut e = Event::new("d", sub);
        e.event_date = Some(NaiveDate::parse_from_str(date, "%Y-%m-%d").unwrap());
        e.date_precision = prec;
        e.iso3 = "MLI".into();
        e.location = loc.into();
        e.admin1 = admin1.into();
        e
    }

    fn day(date: &str, loc: &str) -> Event {
        ev(
            SubEventType::ArmedClash,
            date,
            DatePrecision::Day,
            loc,
            "Mopti",
        )
    }

    #[test]
    fn day_window_is_one_day() {
        let g = day("2023-05-10", "Boni");
        assert!(date_in_window(&g, &day("2023-05-09", "Boni")));
        assert!(date_in_window(&g, &day("2023-05-11", "Boni")));
        assert!(!date_in_window(&g, &day("2023-05-12", "Boni")));
        let mut undated = day("2023-05-10", "Boni");
        undated.event_date = None;
        assert!(!date_in_window(&g, &undated));
        assert!(date_in_window(&undated, &g));
    }

    #[test]
    fn week_month_year_windows() {
        let w = ev(
            SubEventType::ArmedClash,
            "2024-06-06",
            DatePrecision::Week,
            "Fana",
            "Koulikoro",
        );
        assert!(date_in_window(&w, &day("2024-06-03", "Fana")));
        assert!(date_in_window(&w, &day("2024-06-09", "Fana")));
        assert!(!date_in_window(&w, &day("2024-06-10", "Fana")));
        assert!(!date_in_window(&w, &day("2024-06-02", "Fana")));
        let m = ev(
            SubEventType::ArmedClash,
            "2024-02-15",
            DatePrecision::Month,
            "Titao",
            "Nord",
        );
        assert!(date_in_window(&m, &day("2024-02-01", "Titao")));
        assert!(date_in_window(&m, &day("2024-02-29", "Titao")));
        assert!(!date_in_window(&m, &day("2024-03-01", "Titao")));
        assert!(!date_in_window(&m, &day("2023-02-15", "Titao")));
        let y = ev(
            SubEventType::ArmedClash,
            "2023-07-01",
            DatePrecision::Year,
            "Titao",
            "Nord",
        );
        assert!(date_in_window(&y, &day("2023-12-31", "Titao")));
        assert!(!date_in_window(&y, &day("2024-01-01", "Titao")));
    }

    #[test]
    fn place_falls_back_to_a_known_admin1() {
        let g = day("2023-05-10", "Boni");
        assert!(same_place(&g, &day("2023-05-10", "boni ")));
        assert!(same_place(&g, &day("2023-05-10", "Douentza")));
        let mut other_region = day("2023-05-10", "Gao");
        other_region.admin1 = "Gao".into();
        assert!(!same_place(&g, &other_region));
        let mut g2 = g.clone();
        g2.admin1.clear();
        let mut p2 = day("2023-05-10", "Douentza");
        p2.admin1.clear();
        assert!(!same_place(&g2, &p2), "two empty admin1 are no agreement");
    }

    #[test]
    fn maximizes_pairs_before_agreement() {
        // Gold A (day 10) fits predictions 0 and 1; gold B (day 12) fits
        // only prediction 1. Prediction 1 agrees better with A (same
        // date), but taking it for A would leave B unmatched.
        let ga = day("2023-05-10", "Boni");
        let gb = day("2023-05-12", "Boni");
        let p0 = day("2023-05-09", "Boni");
        let p1 = day("2023-05-11", "Boni");
        let pairs = match_events(Rule::Strict, &[&ga, &gb], &[&p0, &p1]);
        assert_eq!(pairs, vec![(0, 0), (1, 1)]);
    }

    #[test]
    fn agreement_breaks_ties() {
        let ga = day("2023-05-10", "Boni");
        let gb = day("2023-05-11", "Boni");
        // Predictions listed in the opposite order: the exact dates decide.
        let pairs = match_events(Rule::Strict, &[&ga, &gb], &[&gb.clone(), &ga.clone()]);
        assert_eq!(pairs, vec![(0, 1), (1, 0)]);
    }

    #[test]
    fn more_gold_than_predictions() {
        let g: Vec<Event> = (1..=4)
            .map(|d| day(&format!("2023-05-{:02}", d * 3), "Boni"))
            .collect();
        let p = day("2023-05-07", "Boni");
        let gold: Vec<&Event> = g.iter().collect();
        assert_eq!(match_events(Rule::Strict, &gold, &[&p]), vec![(1, 0)]);
        assert!(match_events(Rule::Strict, &gold, &[]).is_empty());
    }

    #[test]
    fn period_totals_match_on_start_month() {
        let mut g = ev(
            SubEventType::Attack,
            "2023-03-01",
            DatePrecision::Month,
            "",
            "",
        );
        g.is_period_total = true;
        let mut p = g.clone();
        p.event_date = NaiveDate::from_ymd_opt(2023, 3, 15);
        assert!(Rule::PeriodTotal.is_candidate(&g, &p));
        p.event_date = NaiveDate::from_ymd_opt(2023, 4, 1);
        assert!(!Rule::PeriodTotal.is_candidate(&g, &p));
        g.date_precision = DatePrecision::Year;
        assert!(Rule::PeriodTotal.is_candidate(&g, &p));
        p.iso3 = "NER".into();
        assert!(!Rule::PeriodTotal.is_candidate(&g, &p));
    }
}
