//! Merging reports of one incident into one event.
//!
//! A *report* is one event record as the coder produced it from one
//! document. An *event* is a cluster of reports that describe the same
//! incident. This module holds the pure rules (no database): when two
//! reports may describe the same incident ([`compatible`]), and how the
//! fields of the merged event are chosen from its reports ([`combine`]),
//! with the provenance of every field. The rules are written down in the
//! crate README; the tests below and in `tests/merge.rs` pin them.
//!
//! Clustering is *complete-link*: a report joins an event only when it is
//! compatible with every report already in it. Chains (Monday ~ Tuesday ~
//! Wednesday) therefore never glue three days into one incident, and
//! removing a report (its document changed) never leaves a cluster whose
//! members no longer belong together.

use std::collections::BTreeMap;

use chrono::{Datelike, NaiveDate, NaiveDateTime};
use rasd_model::{DatePrecision, Event, EventType, FatalityQualifier, Inter};
use serde::{Deserialize, Serialize};

/// Maximum distance between two places that count as the same place.
pub const MAX_DISTANCE_KM: f64 = 25.0;

/// Widest date tolerance of any precision (month), used to bound the
/// candidate search.
pub const MAX_DATE_TOLERANCE_DAYS: i64 = 16;

/// Days two dates of this precision may differ and still be one incident;
/// `None` for precisions too vague to merge on.
pub fn date_tolerance(p: DatePrecision) -> Option<i64> {
    match p {
        // "Yesterday" in a report published after midnight, time zones,
        // a night attack reported on the next day: one day of slack.
        DatePrecision::Day => Some(1),
        // A week-precision date is the middle day of its week.
        DatePrecision::Week => Some(4),
        // A month-precision date is the 15th (or the 1st / last day).
        DatePrecision::Month => Some(MAX_DATE_TOLERANCE_DAYS),
        DatePrecision::Year => None,
    }
}

/// What the merge rules look at in a report, kept beside each stored report
/// so candidates are checked without reading the whole record.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MergeKey {
    pub report_id: String,
    pub doc_id: String,
    pub iso3: String,
    /// Days since 0001-01-01 (chrono's `num_days_from_ce`).
    pub day: Option<i64>,
    pub tolerance: Option<i64>,
    pub period_total: bool,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
    pub geo_precision: u8,
    /// Lower-cased, trimmed.
    pub location: String,
    pub admin1: String,
    pub event_type: EventType,
    pub sub_event_type: rasd_model::SubEventType,
    pub actor1: String,
    pub actor2: String,
}

impl MergeKey {
    pub fn of(report_id: &str, e: &Event) -> MergeKey {
        MergeKey {
            report_id: report_id.to_string(),
            doc_id: e.doc_id.clone(),
            iso3: e.iso3.trim().to_uppercase(),
            day: e.event_date.map(|d| i64::from(d.num_days_from_ce())),
            tolerance: date_tolerance(e.date_precision),
            period_total: e.is_period_total,
            lat: e.latitude.filter(|v| v.is_finite()),
            lon: e.longitude.filter(|v| v.is_finite()),
            geo_precision: e.geo_precision,
            location: e.location.trim().to_lowercase(),
            admin1: e.admin1.trim().to_lowercase(),
            event_type: e.event_type,
            sub_event_type: e.sub_event_type,
            actor1: e.actor1.trim().to_lowercase(),
            actor2: e.actor2.trim().to_lowercase(),
        }
    }

    /// Whether this report can merge with anything at all.
    pub fn mergeable(&self) -> bool {
        !self.period_total
            && !self.iso3.is_empty()
            && self.day.is_some()
            && self.tolerance.is_some()
    }
}

/// Why two reports are not the same incident (the first rule that failed).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mismatch {
    /// Two events of one document are two incidents by construction.
    SameDocument,
    /// Period totals ("since March, 900 killed") are never merged.
    PeriodTotal,
    /// A date, country or precision is missing or too vague.
    Unmergeable,
    Country,
    Date,
    Place,
    Type,
    Actors,
}

/// Great-circle distance in kilometres (haversine, mean Earth radius).
pub fn haversine_km(lat1: f64, lon1: f64, lat2: f64, lon2: f64) -> f64 {
    let (p1, p2) = (lat1.to_radians(), lat2.to_radians());
    let dp = p2 - p1;
    let dl = (lon2 - lon1).to_radians();
    let a = (dp / 2.0).sin().powi(2) + p1.cos() * p2.cos() * (dl / 2.0).sin().powi(2);
    2.0 * 6371.0088 * a.sqrt().min(1.0).asin()
}

/// Event types that different sources commonly give to one incident.
/// Kept short on purpose: each pair is a known source disagreement.
/// - Battles ~ Explosions/Remote violence: an assault with mortars is
///   "clashes" for one outlet and "shelling" for another.
/// - Violence against civilians ~ Explosions/Remote violence: a roadside
///   bomb on a bus is "an attack on civilians" or "an IED".
/// - Protests ~ Riots: a demonstration that turned violent.
fn types_compatible(a: &MergeKey, b: &MergeKey) -> bool {
    use EventType::*;
    if a.event_type == b.event_type {
        // Strategic developments are a bag of unrelated things (arrests,
        // agreements, looting): only the same sub-event type merges.
        return a.event_type != StrategicDevelopments || a.sub_event_type == b.sub_event_type;
    }
    matches!(
        (a.event_type, b.event_type),
        (Battles, ExplosionsRemoteViolence)
            | (ExplosionsRemoteViolence, Battles)
            | (ViolenceAgainstCivilians, ExplosionsRemoteViolence)
            | (ExplosionsRemoteViolence, ViolenceAgainstCivilians)
            | (Protests, Riots)
            | (Riots, Protests)
    )
}

/// An actor name that says nobody in particular.
pub fn actor_unknown(a: &str) -> bool {
    let a = a.trim().to_lowercase();
    a.is_empty() || a.starts_with("unidentified") || a.starts_with("unknown")
}

fn actor_compatible(a: &str, b: &str) -> bool {
    actor_unknown(a) || actor_unknown(b) || a.trim().eq_ignore_ascii_case(b.trim())
}

fn place_compatible(a: &MergeKey, b: &MergeKey) -> bool {
    if let (Some(la), Some(oa), Some(lb), Some(ob)) = (a.lat, a.lon, b.lat, b.lon) {
        // Region-level coordinates (precision 3) are centroids: a distance
        // to them means nothing, so those fall through to the names.
        if a.geo_precision <= 2 && b.geo_precision <= 2 {
            return haversine_km(la, oa, lb, ob) <= MAX_DISTANCE_KM;
        }
    }
    let admin_ok = a.admin1.is_empty() || b.admin1.is_empty() || a.admin1 == b.admin1;
    let a_town = !a.location.is_empty() && a.geo_precision <= 2;
    let b_town = !b.location.is_empty() && b.geo_precision <= 2;
    if a_town && b_town {
        return a.location == b.location && admin_ok;
    }
    // One side knows only the region: the same first-level area.
    !a.admin1.is_empty() && a.admin1 == b.admin1
}

/// Whether two reports may describe one incident; `Err` gives the first
/// rule that failed.
pub fn compatible(a: &MergeKey, b: &MergeKey) -> Result<(), Mismatch> {
    if a.doc_id == b.doc_id {
        return Err(Mismatch::SameDocument);
    }
    if a.period_total || b.period_total {
        return Err(Mismatch::PeriodTotal);
    }
    if !a.mergeable() || !b.mergeable() {
        return Err(Mismatch::Unmergeable);
    }
    if a.iso3 != b.iso3 {
        return Err(Mismatch::Country);
    }
    let (Some(da), Some(db), Some(ta), Some(tb)) = (a.day, b.day, a.tolerance, b.tolerance) else {
        return Err(Mismatch::Unmergeable);
    };
    if (da - db).abs() > ta.max(tb) {
        return Err(Mismatch::Date);
    }
    if !place_compatible(a, b) {
        return Err(Mismatch::Place);
    }
    if !types_compatible(a, b) {
        return Err(Mismatch::Type);
    }
    if !actor_compatible(&a.actor1, &b.actor1) || !actor_compatible(&a.actor2, &b.actor2) {
        return Err(Mismatch::Actors);
    }
    Ok(())
}

/// How well a report fits a cluster it is compatible with; lower is better
/// (largest day gap, then largest distance).
pub fn fit(k: &MergeKey, members: &[MergeKey]) -> (i64, u64) {
    let mut days = 0;
    let mut metres = 0u64;
    for m in members {
        if let (Some(a), Some(b)) = (k.day, m.day) {
            days = days.max((a - b).abs());
        }
        if let (Some(la), Some(oa), Some(lb), Some(ob)) = (k.lat, k.lon, m.lat, m.lon) {
            metres = metres.max((haversine_km(la, oa, lb, ob) * 1000.0) as u64);
        }
    }
    (days, metres)
}

/// The id of an event founded by a report. Stable: a report keeps its id
/// across runs (the coder's ids are stable), so the event does too; the
/// `attempt` disambiguates the rare case where a founder's event id is still
/// held by the cluster it left.
pub fn merged_event_id(founder_report_id: &str, attempt: u32) -> String {
    let key = if attempt == 0 {
        founder_report_id.to_string()
    } else {
        format!("{founder_report_id}#{attempt}")
    };
    let h = rasd_model::event_id("rasd-merged-event", &key);
    format!("evt-{}", h.trim_start_matches("ev-"))
}

/// One report as stored: its record and when it was published/ingested.
#[derive(Debug, Clone, PartialEq)]
pub struct Member {
    pub report_id: String,
    pub published: Option<NaiveDateTime>,
    /// Ingestion order (document sequence number, then ordinal).
    pub seq: (i64, i64),
    pub event: Event,
}

impl Member {
    /// Chronological order: publication time when known, else ingestion.
    fn chron(&self) -> (NaiveDateTime, (i64, i64)) {
        (self.published.unwrap_or(NaiveDateTime::MAX), self.seq)
    }
}

/// Which report each merged field came from (field group → report id).
pub type Provenance = BTreeMap<String, String>;

/// Field groups named in the provenance; each group is taken whole from one
/// report so that, e.g., a location and its coordinates never come from two
/// different reports.
pub const FIELD_GROUPS: &[(&str, &[&str])] = &[
    ("date", &["event_date", "date_precision"]),
    (
        "type",
        &[
            "disorder_type",
            "event_type",
            "sub_event_type",
            "civilian_targeting",
            "notes",
            "evidence",
        ],
    ),
    ("actor1", &["actor1", "assoc_actor_1", "inter1"]),
    ("actor2", &["actor2", "assoc_actor_2", "inter2"]),
    (
        "place",
        &[
            "iso3",
            "country",
            "admin1",
            "admin2",
            "location",
            "latitude",
            "longitude",
            "geo_precision",
        ],
    ),
    (
        "fatalities",
        &["fatalities", "fatalities_qualifier", "fatalities_by_group"],
    ),
    ("injured", &["injured"]),
    ("claimed_by", &["claimed_by"]),
];

fn precision_rank(p: DatePrecision) -> u8 {
    match p {
        DatePrecision::Day => 0,
        DatePrecision::Week => 1,
        DatePrecision::Month => 2,
        DatePrecision::Year => 3,
    }
}

/// Index of the most frequent value (ties: the earliest member in `order`).
fn most_frequent<T: PartialEq>(order: &[usize], value: impl Fn(usize) -> T) -> usize {
    let mut best = order[0];
    let mut best_count = 0;
    for &i in order {
        let v = value(i);
        let count = order.iter().filter(|&&j| value(j) == v).count();
        if count > best_count {
            best = i;
            best_count = count;
        }
    }
    best
}

/// A fatality figure read as the set of values it allows.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Figure {
    low: u64,
    /// `None`: no upper bound ("at least", "more than").
    high: Option<u64>,
}

impl Figure {
    fn of(n: u32, q: FatalityQualifier) -> Figure {
        let n = u64::from(n);
        match q {
            FatalityQualifier::AtLeast => Figure { low: n, high: None },
            FatalityQualifier::MoreThan => Figure {
                low: n + 1,
                high: None,
            },
            _ => Figure {
                low: n,
                high: Some(n),
            },
        }
    }

    /// Every value `self` allows is allowed by `other`.
    fn within(self, other: Figure) -> bool {
        self.low >= other.low
            && match (self.high, other.high) {
                (_, None) => true,
                (Some(h), Some(oh)) => h <= oh,
                (None, Some(_)) => false,
            }
    }
}

fn counted(q: FatalityQualifier) -> bool {
    matches!(
        q,
        FatalityQualifier::Exact | FatalityQualifier::AtLeast | FatalityQualifier::MoreThan
    )
}

/// The report whose fatality figure the event takes (index into
/// `members`), by the rule in the README:
/// 1. counted figures (exact, at least, more than) beat estimates (approx,
///    unknown qualifier): "dozens" is a convention, not a count;
/// 2. reports are read in chronological order; a later figure that falls
///    inside the current one ("at least 10", then "23") is a revision and
///    replaces it; one the current figure falls inside ("23", then "at
///    least 12") adds nothing; two figures that contradict each other
///    ("10", then "23") resolve to the lower — ACLED's lowest credible
///    figure.
pub fn fatality_source(members: &[Member], chron: &[usize]) -> Option<usize> {
    let with: Vec<usize> = chron
        .iter()
        .copied()
        .filter(|&i| members[i].event.fatalities.is_some())
        .collect();
    let any_counted = with
        .iter()
        .any(|&i| counted(members[i].event.fatalities_qualifier));
    let mut cands = with
        .into_iter()
        .filter(|&i| !any_counted || counted(members[i].event.fatalities_qualifier));
    let mut cur = cands.next()?;
    let figure = |i: usize| {
        let e = &members[i].event;
        Figure::of(e.fatalities.unwrap_or(0), e.fatalities_qualifier)
    };
    for r in cands {
        let (fc, fr) = (figure(cur), figure(r));
        if fr == fc {
            continue;
        }
        if fr.within(fc) {
            cur = r; // a later, narrower figure revises the earlier one
        } else if fc.within(fr) {
            // the later report is vaguer: keep the current figure
        } else if fr.low < fc.low {
            cur = r; // contradiction: the lowest figure stands
        }
    }
    Some(cur)
}

/// The merged event of a cluster and the provenance of its fields.
/// `members` must not be empty.
pub fn combine(event_id: &str, members: &[Member]) -> (Event, Provenance) {
    assert!(!members.is_empty(), "combine needs at least one report");
    let mut chron: Vec<usize> = (0..members.len()).collect();
    chron.sort_by(|&a, &b| members[a].chron().cmp(&members[b].chron()));
    let ev = |i: usize| &members[i].event;
    let mut prov = Provenance::new();

    // Type: the most frequent sub-event type; it also gives the notes and
    // the evidence, and its document is the event's primary document.
    let t = most_frequent(&chron, |i| ev(i).sub_event_type);
    let mut out = ev(t).clone();
    out.event_id = event_id.to_string();
    prov.insert("type".into(), members[t].report_id.clone());

    // Date: the finest precision, then the most frequent date.
    let finest = chron
        .iter()
        .filter(|&&i| ev(i).event_date.is_some())
        .map(|&i| precision_rank(ev(i).date_precision))
        .min();
    if let Some(finest) = finest {
        let order: Vec<usize> = chron
            .iter()
            .copied()
            .filter(|&i| {
                ev(i).event_date.is_some() && precision_rank(ev(i).date_precision) == finest
            })
            .collect();
        let d = most_frequent(&order, |i| ev(i).event_date);
        out.event_date = ev(d).event_date;
        out.date_precision = ev(d).date_precision;
        prov.insert("date".into(), members[d].report_id.clone());
    }

    // Place: the most specific geo precision with a named location, then
    // the most frequent location.
    let place_rank = |i: usize| {
        let e = ev(i);
        (
            e.location.trim().is_empty(),
            e.latitude.is_none(),
            e.geo_precision,
        )
    };
    let best_place = chron.iter().map(|&i| place_rank(i)).min();
    if let Some(best_place) = best_place {
        let order: Vec<usize> = chron
            .iter()
            .copied()
            .filter(|&i| place_rank(i) == best_place)
            .collect();
        let p = most_frequent(&order, |i| ev(i).location.trim().to_lowercase());
        let e = ev(p);
        out.iso3 = e.iso3.clone();
        out.country = e.country.clone();
        out.admin1 = e.admin1.clone();
        out.admin2 = e.admin2.clone();
        out.location = e.location.clone();
        out.latitude = e.latitude;
        out.longitude = e.longitude;
        out.geo_precision = e.geo_precision;
        prov.insert("place".into(), members[p].report_id.clone());
    }

    // Actors: the first report (in publication order) that names the side.
    for (group, first) in [("actor1", true), ("actor2", false)] {
        let name = |i: usize| if first { &ev(i).actor1 } else { &ev(i).actor2 };
        let pick = chron
            .iter()
            .copied()
            .find(|&i| !actor_unknown(name(i)))
            .or_else(|| chron.iter().copied().find(|&i| !name(i).trim().is_empty()));
        if let Some(a) = pick {
            let e = ev(a);
            if first {
                out.actor1 = e.actor1.clone();
                out.assoc_actor_1 = e.assoc_actor_1.clone();
                out.inter1 = e.inter1;
            } else {
                out.actor2 = e.actor2.clone();
                out.assoc_actor_2 = e.assoc_actor_2.clone();
                out.inter2 = e.inter2;
            }
            prov.insert(group.into(), members[a].report_id.clone());
        }
    }
    out.interaction = if out.inter1 == Inter::None && out.inter2 == Inter::None {
        out.interaction
    } else {
        Inter::interaction(out.inter1, out.inter2)
    };

    // Fatalities: see `fatality_source`.
    match fatality_source(members, &chron) {
        Some(f) => {
            let e = ev(f);
            out.fatalities = e.fatalities;
            out.fatalities_qualifier = e.fatalities_qualifier;
            out.fatalities_by_group = e.fatalities_by_group.clone();
            prov.insert("fatalities".into(), members[f].report_id.clone());
            if let Some(inj) = e.injured {
                out.injured = Some(inj);
                prov.insert("injured".into(), members[f].report_id.clone());
            }
        }
        None => {
            out.fatalities = None;
            out.fatalities_qualifier = FatalityQualifier::Unknown;
            out.fatalities_by_group.clear();
        }
    }
    if !prov.contains_key("injured") {
        out.injured = None;
        if let Some(i) = chron.iter().copied().find(|&i| ev(i).injured.is_some()) {
            out.injured = ev(i).injured;
            prov.insert("injured".into(), members[i].report_id.clone());
        }
    }

    out.claimed_by = None;
    if let Some(c) = chron.iter().copied().find(|&i| ev(i).claimed_by.is_some()) {
        out.claimed_by = ev(c).claimed_by.clone();
        prov.insert("claimed_by".into(), members[c].report_id.clone());
    }

    // Every distinct attribution, in publication order.
    let mut attributions: Vec<&str> = Vec::new();
    for &i in &chron {
        if let Some(a) = ev(i).source_attribution.as_deref() {
            let a = a.trim();
            if !a.is_empty() && !attributions.contains(&a) {
                attributions.push(a);
            }
        }
    }
    out.source_attribution = if attributions.is_empty() {
        None
    } else {
        Some(attributions.join("; "))
    };

    // Independent reports corroborate each other: noisy-or of confidences.
    let miss: f64 = members
        .iter()
        .map(|m| 1.0 - f64::from(m.event.confidence.clamp(0.0, 1.0)))
        .product();
    out.confidence = (1.0 - miss) as f32;
    out.is_period_total = members.iter().any(|m| m.event.is_period_total);
    (out, prov)
}

/// Month key `YYYY-MM` and ISO week key `YYYY-Www` of a date.
pub fn month_week(d: NaiveDate) -> (String, String) {
    let w = d.iso_week();
    (
        format!("{:04}-{:02}", d.year(), d.month()),
        format!("{:04}-W{:02}", w.year(), w.week()),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use rasd_model::SubEventType;

    fn report(doc: &str, n: u32, q: FatalityQualifier, published: &str) -> Member {
        let mut e = Event::new(doc, SubEventType::ArmedClash);
        e.fatalities = Some(n);
        e.fatalities_qualifier = q;
        Member {
            report_id: format!("r-{doc}"),
            published: Some(NaiveDateTime::parse_from_str(published, "%Y-%m-%d %H:%M").unwrap()),
            seq: (0, 0),
            event: e,
        }
    }

    fn fat(ms: &[Member]) -> (Option<u32>, FatalityQualifier) {
        let (e, _) = combine("evt-x", ms);
        (e.fatalities, e.fatalities_qualifier)
    }

    use FatalityQualifier::*;

    #[test]
    fn later_narrower_figure_revises() {
        let ms = [
            report("a", 10, AtLeast, "2024-03-01 08:00"),
            report("b", 23, Exact, "2024-03-02 09:00"),
        ];
        assert_eq!(fat(&ms), (Some(23), Exact));
    }

    #[test]
    fn contradicting_counts_take_the_lowest_whatever_the_order() {
        let ms = [
            report("a", 10, Exact, "2024-03-01 08:00"),
            report("b", 23, Exact, "2024-03-02 09:00"),
        ];
        assert_eq!(fat(&ms), (Some(10), Exact));
        let ms = [
            report("a", 23, Exact, "2024-03-01 08:00"),
            report("b", 10, Exact, "2024-03-02 09:00"),
        ];
        assert_eq!(fat(&ms), (Some(10), Exact));
    }

    #[test]
    fn vaguer_later_figure_adds_nothing() {
        let ms = [
            report("a", 23, Exact, "2024-03-01 08:00"),
            report("b", 12, AtLeast, "2024-03-02 09:00"),
        ];
        assert_eq!(fat(&ms), (Some(23), Exact));
    }

    #[test]
    fn estimates_give_way_to_counts() {
        let ms = [
            report("a", 12, Approx, "2024-03-01 08:00"),
            report("b", 31, Exact, "2024-03-02 09:00"),
        ];
        assert_eq!(fat(&ms), (Some(31), Exact));
        let ms = [
            report("a", 12, Approx, "2024-03-01 08:00"),
            report("b", 10, Approx, "2024-03-02 09:00"),
        ];
        assert_eq!(fat(&ms), (Some(10), Approx));
    }

    #[test]
    fn haversine_is_sane() {
        // Gao to Ansongo, roughly 90 km.
        let d = haversine_km(16.27, -0.04, 15.66, 0.50);
        assert!((85.0..100.0).contains(&d), "{d}");
        assert!(haversine_km(1.0, 1.0, 1.0, 1.0) < 1e-9);
    }

    #[test]
    fn ids_are_stable_and_distinct() {
        assert_eq!(merged_event_id("ev-1", 0), merged_event_id("ev-1", 0));
        assert_ne!(merged_event_id("ev-1", 0), merged_event_id("ev-1", 1));
        assert!(merged_event_id("ev-1", 0).starts_with("evt-"));
    }

    #[test]
    fn month_and_iso_week_keys() {
        let d = NaiveDate::from_ymd_opt(2021, 1, 2).unwrap();
        assert_eq!(month_week(d), ("2021-01".into(), "2020-W53".into()));
    }
}
