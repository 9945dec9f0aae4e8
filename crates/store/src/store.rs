//! The store logic, written once for both backends.
//!
//! [`SqlStore`] implements [`Store`] on any [`Db`]: ingest (idempotency by
//! content hash, replacement of changed documents, incremental merging),
//! queries, stats and explanations. The backends only provide connections,
//! transactions and their dialect.

use std::collections::{BTreeMap, BTreeSet};

use chrono::{NaiveDate, NaiveDateTime, Utc};
use rasd_model::{DatePrecision, Document, Event, Language};
use sha2::{Digest, Sha256};

use crate::db::{Conn, Db, Dialect, Param, Row, RowExt};
use crate::merge::{self, Member, MergeKey};
use crate::types::*;
use crate::{Store, StoreError};

type Result<T> = std::result::Result<T, StoreError>;

/// A [`Store`] over a database backend.
pub struct SqlStore<D: Db> {
    pub(crate) db: D,
    backend: Backend,
}

impl<D: Db> SqlStore<D> {
    pub(crate) fn new(db: D, backend: Backend) -> Self {
        SqlStore { db, backend }
    }

    /// Applies `one` to each document of a batch in one transaction.
    fn write_batch(
        &self,
        batch: Vec<(Document, Vec<Event>)>,
        one: fn(&mut dyn Conn, &Document, Vec<Event>, &str) -> Result<IngestOutcome>,
    ) -> Result<Vec<IngestOutcome>> {
        let now = now();
        let mut batch = Some(batch);
        self.db.write(&mut |c| {
            let items = batch.take().unwrap_or_default();
            let mut out = Vec::with_capacity(items.len());
            for (doc, events) in items {
                out.push(one(c, &doc, events, &now)?);
            }
            Ok(out)
        })
    }
}

/// The content hash that decides whether a document changed: SHA-256 over
/// every stored field, each length-prefixed so fields cannot run together.
pub fn content_hash(doc: &Document) -> String {
    let mut h = Sha256::new();
    let published = doc.published.map(|p| p.to_string());
    let lang = doc.lang.map(|l| l.code().to_string());
    for part in [
        Some(doc.text.as_str()),
        doc.title.as_deref(),
        doc.url.as_deref(),
        published.as_deref(),
        lang.as_deref(),
    ] {
        match part {
            Some(s) => {
                h.update((s.len() as u64).to_le_bytes());
                h.update(s.as_bytes());
            }
            None => h.update(u64::MAX.to_le_bytes()),
        }
    }
    let digest = h.finalize();
    digest.iter().map(|b| format!("{b:02x}")).collect()
}

fn validate(doc: &Document) -> Result<()> {
    let bad = |reason: &str| {
        Err(StoreError::InvalidDocument {
            doc_id: doc.id.clone(),
            reason: reason.to_string(),
        })
    };
    if doc.id.trim().is_empty() {
        return bad("empty document id");
    }
    // PostgreSQL text cannot hold NUL; refuse it on both backends alike.
    let has_nul = |s: &str| s.contains('\0');
    if has_nul(&doc.id)
        || has_nul(&doc.text)
        || doc.title.as_deref().is_some_and(has_nul)
        || doc.url.as_deref().is_some_and(has_nul)
    {
        return bad("contains a NUL character (binary data?)");
    }
    Ok(())
}

/// The folded form full-text search runs on (Arabic diacritics, tatweel and
/// letter variants, Latin case and accents folded), so a query matches
/// whatever way a word was written.
pub(crate) fn search_text(doc: &Document) -> String {
    let mut s = String::new();
    if let Some(t) = &doc.title {
        s.push_str(&rasd_text::fold::fold_str(t));
        s.push('\n');
    }
    s.push_str(&rasd_text::fold::fold_str(&doc.text));
    s
}

/// The words of a free-text query, folded like the indexed text. Only
/// letters and digits survive, so quotes, operators and punctuation in the
/// query are never interpreted by the search engine.
pub(crate) fn search_words(q: &str) -> Vec<String> {
    rasd_text::fold::fold_str(q)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}

fn now() -> String {
    Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}

fn fmt_published(p: Option<NaiveDateTime>) -> Option<String> {
    p.map(|p| p.format("%Y-%m-%dT%H:%M:%S").to_string())
}

fn parse_published(s: Option<String>) -> Option<NaiveDateTime> {
    s.and_then(|s| NaiveDateTime::parse_from_str(&s, "%Y-%m-%dT%H:%M:%S").ok())
}

fn url_host(url: &str) -> &str {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    let host = rest.split(['/', '?', '#']).next().unwrap_or(rest);
    host.strip_prefix("www.").unwrap_or(host)
}

// ---------------------------------------------------------------- ingest

struct DocRow {
    hash: String,
    seq: i64,
    search: String,
}

fn existing_doc(c: &mut dyn Conn, id: &str) -> Result<Option<DocRow>> {
    let rows = c.rows(
        "SELECT content_hash, seq, search_text FROM documents WHERE id = ?",
        &[id.into()],
    )?;
    rows.first()
        .map(|r| {
            Ok(DocRow {
                hash: r.text(0, "documents")?,
                seq: r.int(1, "documents")?,
                search: r.text(2, "documents")?,
            })
        })
        .transpose()
}

fn fts_insert(c: &mut dyn Conn, seq: i64, search: &str) -> Result<()> {
    if c.dialect() == Dialect::Sqlite {
        c.exec(
            "INSERT INTO documents_fts(rowid, search_text) VALUES (?, ?)",
            &[seq.into(), search.into()],
        )?;
    }
    Ok(())
}

fn fts_delete(c: &mut dyn Conn, seq: i64, search: &str) -> Result<()> {
    if c.dialect() == Dialect::Sqlite {
        // External-content FTS5 tables are told the old row to unindex.
        c.exec(
            "INSERT INTO documents_fts(documents_fts, rowid, search_text) VALUES ('delete', ?, ?)",
            &[seq.into(), search.into()],
        )?;
    }
    Ok(())
}

/// Removes a document, its reports and evidence; returns the events that
/// lost reports.
fn remove_document(c: &mut dyn Conn, id: &str, old: &DocRow) -> Result<BTreeSet<String>> {
    let events = remove_reports(c, id)?;
    fts_delete(c, old.seq, &old.search)?;
    c.exec("DELETE FROM documents WHERE id = ?", &[id.into()])?;
    Ok(events)
}

/// Deletes the reports of a document and their evidence; returns the
/// events they belonged to (to be recomputed).
fn remove_reports(c: &mut dyn Conn, id: &str) -> Result<BTreeSet<String>> {
    let events: BTreeSet<String> = c
        .rows(
            "SELECT DISTINCT event_id FROM event_sources WHERE doc_id = ?",
            &[id.into()],
        )?
        .iter()
        .map(|r| r.text(0, "event_sources"))
        .collect::<Result<_>>()?;
    c.exec(
        "DELETE FROM evidence WHERE report_id IN (SELECT report_id FROM event_sources WHERE doc_id = ?)",
        &[id.into()],
    )?;
    c.exec("DELETE FROM event_sources WHERE doc_id = ?", &[id.into()])?;
    Ok(events)
}

fn member_keys(c: &mut dyn Conn, event_id: &str) -> Result<Vec<MergeKey>> {
    c.rows(
        "SELECT report_id, mkey FROM event_sources WHERE event_id = ?",
        &[event_id.into()],
    )?
    .iter()
    .map(|r| {
        let id = r.text(0, "event_sources")?;
        serde_json::from_str(&r.text(1, "event_sources")?).map_err(|source| StoreError::Corrupt {
            what: "merge key of report",
            id,
            source,
        })
    })
    .collect()
}

/// The event a new report joins, if any (see `merge` for the rules).
fn choose_event(c: &mut dyn Conn, key: &MergeKey) -> Result<Option<String>> {
    let (Some(day), Some(tol)) = (key.day, key.tolerance) else {
        return Ok(None);
    };
    if !key.mergeable() {
        return Ok(None);
    }
    // A superset of the compatible reports, narrowed in SQL so the merge
    // rules only run on plausible candidates: same country, near in time
    // (own tolerance, or a coarser-dated report within the widest one), and
    // the same admin1, the same location name, or inside a box around the
    // point.
    let wide = merge::MAX_DATE_TOLERANCE_DAYS.max(tol);
    let greatest = c.dialect().greatest();
    let common = format!(
        "mergeable = ? AND event_id <> '' AND abs(day_num - ?) <= {greatest}(date_tol, ?) \
         AND ((? <> '' AND admin1_key = ?) OR (? <> '' AND location_key = ?) \
              OR (lat BETWEEN ? AND ? AND lon BETWEEN ? AND ?))"
    );
    // Reports dated more coarsely than this one (week: ±4, month: ±16) may
    // lie further away; they are looked up through their own index.
    let coarser: Vec<i64> = [DatePrecision::Week, DatePrecision::Month]
        .into_iter()
        .filter_map(merge::date_tolerance)
        .filter(|t| *t > tol)
        .collect();
    let mut sql = format!(
        "SELECT event_id, mkey FROM event_sources \
         WHERE iso3 = ? AND day_num BETWEEN ? AND ? AND {common}"
    );
    if !coarser.is_empty() {
        let marks = vec!["?"; coarser.len()].join(", ");
        sql.push_str(&format!(
            " UNION ALL SELECT event_id, mkey FROM event_sources \
             WHERE iso3 = ? AND date_tol IN ({marks}) AND day_num BETWEEN ? AND ? \
             AND NOT (day_num BETWEEN ? AND ?) AND {common}"
        ));
    }
    let dlat = merge::MAX_DISTANCE_KM / 110.0;
    let (lat_lo, lat_hi, lon_lo, lon_hi) = match (key.lat, key.lon) {
        (Some(la), Some(lo)) => {
            let dlon = (dlat / la.to_radians().cos().abs().max(0.01)).min(360.0);
            (
                Some(la - dlat),
                Some(la + dlat),
                Some(lo - dlon),
                Some(lo + dlon),
            )
        }
        _ => (None, None, None, None),
    };
    let common_params: Vec<Param> = vec![
        true.into(),
        day.into(),
        tol.into(),
        key.admin1.clone().into(),
        key.admin1.clone().into(),
        key.location.clone().into(),
        key.location.clone().into(),
        lat_lo.into(),
        lat_hi.into(),
        lon_lo.into(),
        lon_hi.into(),
    ];
    let mut params: Vec<Param> = vec![
        key.iso3.clone().into(),
        (day - tol).into(),
        (day + tol).into(),
    ];
    params.extend(common_params.iter().cloned());
    if !coarser.is_empty() {
        params.push(key.iso3.clone().into());
        params.extend(coarser.iter().map(|t| Param::from(*t)));
        params.extend([
            (day - wide).into(),
            (day + wide).into(),
            (day - tol).into(),
            (day + tol).into(),
        ]);
        params.extend(common_params);
    }
    let rows = c.rows(&sql, &params)?;
    let mut candidates = BTreeSet::new();
    for r in &rows {
        let event_id = r.text(0, "event_sources")?;
        let other: MergeKey =
            serde_json::from_str(&r.text(1, "event_sources")?).map_err(|source| {
                StoreError::Corrupt {
                    what: "merge key of a report of event",
                    id: event_id.clone(),
                    source,
                }
            })?;
        if merge::compatible(key, &other).is_ok() {
            candidates.insert(event_id);
        }
    }
    let mut best: Option<((i64, u64), String)> = None;
    for event_id in candidates {
        let members = member_keys(c, &event_id)?;
        if members.iter().all(|m| merge::compatible(key, m).is_ok()) {
            let score = merge::fit(key, &members);
            if best.as_ref().is_none_or(|(s, _)| score < *s) {
                best = Some((score, event_id));
            }
        }
    }
    Ok(best.map(|(_, id)| id))
}

fn fresh_event_id(c: &mut dyn Conn, founder: &str) -> Result<String> {
    for attempt in 0.. {
        let id = merge::merged_event_id(founder, attempt);
        let taken = c.rows(
            "SELECT 1 FROM events WHERE event_id = ? UNION ALL SELECT 1 FROM event_sources WHERE event_id = ?",
            &[id.clone().into(), id.clone().into()],
        )?;
        if taken.is_empty() {
            return Ok(id);
        }
    }
    unreachable!("the attempt counter is unbounded")
}

struct MemberRow {
    member: Member,
    doc_id: String,
    /// The outlet (URL host, else document id), for the `sources` column.
    outlet: String,
}

fn load_members(c: &mut dyn Conn, event_id: &str) -> Result<Vec<MemberRow>> {
    // No join with documents: SQLite re-prepared that statement on every
    // run, a tenth of the ingest time; the outlet is kept per report.
    let rows = c.rows(
        "SELECT report_id, record, seq, ordinal, published, doc_id, outlet \
         FROM event_sources WHERE event_id = ?",
        &[event_id.into()],
    )?;
    let mut members: Vec<MemberRow> = rows
        .iter()
        .map(|r| {
            let report_id = r.text(0, "event_sources")?;
            let event: Event =
                serde_json::from_str(&r.text(1, "event_sources")?).map_err(|source| {
                    StoreError::Corrupt {
                        what: "report",
                        id: report_id.clone(),
                        source,
                    }
                })?;
            Ok(MemberRow {
                member: Member {
                    report_id,
                    published: parse_published(r.opt_text(4, "event_sources")?),
                    seq: (r.int(2, "event_sources")?, r.int(3, "event_sources")?),
                    event,
                },
                doc_id: r.text(5, "event_sources")?,
                outlet: r.text(6, "event_sources")?,
            })
        })
        .collect::<Result<_>>()?;
    members.sort_by_key(|m| m.member.seq);
    Ok(members)
}

fn outlet(doc: &Document) -> String {
    match doc.url.as_deref().map(url_host) {
        Some(h) if !h.is_empty() => h.to_string(),
        _ => doc.id.clone(),
    }
}

/// An event's contribution to `stats_summary`.
struct SummaryKey {
    month: String,
    iso3: String,
    country: String,
    admin1: String,
    period_total: bool,
    fatalities: i64,
}

fn summary_of(c: &mut dyn Conn, event_id: &str) -> Result<Option<SummaryKey>> {
    let rows = c.rows(
        "SELECT month, iso3, country, admin1, is_period_total, fatalities \
         FROM events WHERE event_id = ?",
        &[event_id.into()],
    )?;
    rows.first()
        .map(|r| {
            Ok(SummaryKey {
                month: r.opt_text(0, "events")?.unwrap_or_default(),
                iso3: r.text(1, "events")?,
                country: r.text(2, "events")?,
                admin1: r.text(3, "events")?,
                period_total: r.int(4, "events")? != 0,
                fatalities: r.opt_int(5, "events")?.unwrap_or(0),
            })
        })
        .transpose()
}

/// Adds (`sign` 1) or removes (`sign` -1) an event from the summary.
fn summary_add(c: &mut dyn Conn, k: &SummaryKey, sign: i64) -> Result<()> {
    c.exec(
        "INSERT INTO stats_summary (month, iso3, country, admin1, is_period_total, events, \
         fatalities) VALUES (?, ?, ?, ?, ?, ?, ?) \
         ON CONFLICT (month, iso3, country, admin1, is_period_total) DO UPDATE SET \
         events = stats_summary.events + excluded.events, \
         fatalities = stats_summary.fatalities + excluded.fatalities",
        &[
            k.month.clone().into(),
            k.iso3.clone().into(),
            k.country.clone().into(),
            k.admin1.clone().into(),
            k.period_total.into(),
            sign.into(),
            (sign * k.fatalities).into(),
        ],
    )?;
    Ok(())
}

/// Recomputes an event from its reports; deletes it when none is left.
/// Returns whether the event still exists.
fn recompute(c: &mut dyn Conn, event_id: &str, now: &str) -> Result<bool> {
    let rows = load_members(c, event_id)?;
    if let Some(old) = summary_of(c, event_id)? {
        summary_add(c, &old, -1)?;
    }
    if rows.is_empty() {
        c.exec("DELETE FROM events WHERE event_id = ?", &[event_id.into()])?;
        return Ok(false);
    }
    let members: Vec<Member> = rows.iter().map(|r| r.member.clone()).collect();
    let (event, provenance) = merge::combine(event_id, &members);
    let mut doc_ids: Vec<String> = Vec::new();
    let mut sources: Vec<String> = Vec::new();
    for r in &rows {
        if !doc_ids.contains(&r.doc_id) {
            doc_ids.push(r.doc_id.clone());
        }
        if !sources.contains(&r.outlet) {
            sources.push(r.outlet.clone());
        }
    }
    let (month, week, year) = match event.event_date {
        Some(d) => {
            let (m, w) = merge::month_week(d);
            (
                Some(m),
                Some(w),
                Some(i64::from(chrono::Datelike::year(&d))),
            )
        }
        None => (None, None, None),
    };
    let month_key = month.clone().unwrap_or_default();
    let record = serde_json::to_string(&event).expect("events serialize");
    let prov = serde_json::to_string(&provenance).expect("maps serialize");
    let doc_ids_json = serde_json::to_string(&doc_ids).expect("lists serialize");
    let params: Vec<Param> = vec![
        event_id.into(),
        event.event_date.map(|d| d.to_string()).into(),
        year.into(),
        month.into(),
        week.into(),
        event.date_precision.as_str().into(),
        event.disorder_type.as_str().into(),
        event.event_type.as_str().into(),
        event.sub_event_type.as_str().into(),
        event.actor1.clone().into(),
        event.assoc_actor_1.clone().into(),
        event.actor2.clone().into(),
        event.assoc_actor_2.clone().into(),
        event.iso3.clone().into(),
        event.country.clone().into(),
        event.admin1.clone().into(),
        event.admin2.clone().into(),
        event.location.clone().into(),
        event.latitude.into(),
        event.longitude.into(),
        event.fatalities.map(i64::from).into(),
        event.is_period_total.into(),
        (rows.len() as i64).into(),
        doc_ids_json.into(),
        sources.join("; ").into(),
        record.into(),
        prov.into(),
        now.into(),
    ];
    c.exec(
        "INSERT INTO events (event_id, event_date, year, month, week, date_precision, \
         disorder_type, event_type, sub_event_type, actor1, assoc_actor_1, actor2, assoc_actor_2, \
         iso3, country, admin1, admin2, location, latitude, longitude, fatalities, \
         is_period_total, n_reports, doc_ids, sources, record, provenance, updated_at) \
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) \
         ON CONFLICT (event_id) DO UPDATE SET event_date = excluded.event_date, \
         year = excluded.year, month = excluded.month, week = excluded.week, \
         date_precision = excluded.date_precision, disorder_type = excluded.disorder_type, \
         event_type = excluded.event_type, sub_event_type = excluded.sub_event_type, \
         actor1 = excluded.actor1, assoc_actor_1 = excluded.assoc_actor_1, \
         actor2 = excluded.actor2, assoc_actor_2 = excluded.assoc_actor_2, \
         iso3 = excluded.iso3, country = excluded.country, admin1 = excluded.admin1, \
         admin2 = excluded.admin2, location = excluded.location, latitude = excluded.latitude, \
         longitude = excluded.longitude, fatalities = excluded.fatalities, \
         is_period_total = excluded.is_period_total, n_reports = excluded.n_reports, \
         doc_ids = excluded.doc_ids, sources = excluded.sources, record = excluded.record, \
         provenance = excluded.provenance, updated_at = excluded.updated_at",
        &params,
    )?;
    summary_add(
        c,
        &SummaryKey {
            month: month_key,
            iso3: event.iso3.clone(),
            country: event.country.clone(),
            admin1: event.admin1.clone(),
            period_total: event.is_period_total,
            fatalities: event.fatalities.map_or(0, i64::from),
        },
        1,
    )?;
    Ok(true)
}

/// Gives every report a unique, stable id: the coder's id when it has one
/// (the coder derives it from the document id), else one derived from the
/// document id and the report's position.
fn assign_report_ids(doc: &Document, events: &mut [Event]) {
    let mut seen = BTreeSet::new();
    for (i, e) in events.iter_mut().enumerate() {
        e.doc_id = doc.id.clone();
        let id = e.event_id.trim();
        if id.is_empty() || seen.contains(id) {
            e.event_id = rasd_model::event_id(&doc.id, &format!("#report-{i}"));
        }
        seen.insert(e.event_id.clone());
    }
}

pub(crate) fn ingest_one(
    c: &mut dyn Conn,
    doc: &Document,
    events: Vec<Event>,
    now: &str,
) -> Result<IngestOutcome> {
    validate(doc)?;
    let hash = content_hash(doc);
    let mut outcome = IngestOutcome {
        doc_id: doc.id.clone(),
        status: IngestStatus::New,
        reports: 0,
        new_events: 0,
        merged: 0,
        removed_events: 0,
    };
    let mut touched = BTreeSet::new();
    if let Some(old) = existing_doc(c, &doc.id)? {
        if old.hash == hash {
            outcome.status = IngestStatus::Unchanged;
            return Ok(outcome);
        }
        outcome.status = IngestStatus::Replaced;
        touched = remove_document(c, &doc.id, &old)?;
    }
    let seq =
        c.rows("SELECT coalesce(max(seq), 0) + 1 FROM documents", &[])?[0].int(0, "documents")?;
    let search = search_text(doc);
    c.exec(
        "INSERT INTO documents (id, seq, url, title, published, lang, text, search_text, \
         content_hash, ingested_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        &[
            doc.id.clone().into(),
            seq.into(),
            doc.url.clone().into(),
            doc.title.clone().into(),
            fmt_published(doc.published).into(),
            doc.lang.map(|l| l.code().to_string()).into(),
            doc.text.clone().into(),
            search.clone().into(),
            hash.into(),
            now.into(),
        ],
    )?;
    fts_insert(c, seq, &search)?;
    add_reports(c, doc, seq, events, &touched, now, &mut outcome)?;
    Ok(outcome)
}

/// Replaces the reports of a stored document by `events`, coded afresh
/// from it (the coder improved): the document keeps its place in the
/// ingestion order, so merges come out as if it had been coded so the
/// first time. A document not in the store is an error.
pub(crate) fn recode_one(
    c: &mut dyn Conn,
    doc: &Document,
    events: Vec<Event>,
    now: &str,
) -> Result<IngestOutcome> {
    let Some(old) = existing_doc(c, &doc.id)? else {
        return Err(StoreError::InvalidDocument {
            doc_id: doc.id.clone(),
            reason: "not in the store, so it cannot be recoded".into(),
        });
    };
    let touched = remove_reports(c, &doc.id)?;
    let mut outcome = IngestOutcome {
        doc_id: doc.id.clone(),
        status: IngestStatus::Recoded,
        reports: 0,
        new_events: 0,
        merged: 0,
        removed_events: 0,
    };
    add_reports(c, doc, old.seq, events, &touched, now, &mut outcome)?;
    Ok(outcome)
}

/// Stores the reports of a document (at ingestion position `seq`) after
/// recomputing the events that lost reports of it (`touched`).
fn add_reports(
    c: &mut dyn Conn,
    doc: &Document,
    seq: i64,
    mut events: Vec<Event>,
    touched: &BTreeSet<String>,
    now: &str,
    outcome: &mut IngestOutcome,
) -> Result<()> {
    // Events that lost their reports are recomputed before the new reports
    // look for partners, so they are matched against what is left.
    for ev in touched {
        if !recompute(c, ev, now)? {
            outcome.removed_events += 1;
        }
    }

    assign_report_ids(doc, &mut events);
    for (ordinal, e) in events.iter().enumerate() {
        let record = serde_json::to_string(e).expect("events serialize");
        if record.contains("\\u0000") {
            return Err(StoreError::InvalidDocument {
                doc_id: doc.id.clone(),
                reason: format!("event {ordinal} contains a NUL character"),
            });
        }
        let other = c.rows(
            "SELECT doc_id FROM event_sources WHERE report_id = ?",
            &[e.event_id.clone().into()],
        )?;
        if let Some(r) = other.first() {
            return Err(StoreError::DuplicateReportId {
                doc_id: doc.id.clone(),
                report_id: e.event_id.clone(),
                other: r.text(0, "event_sources")?,
            });
        }
        let key = MergeKey::of(&e.event_id, e);
        let event_id = match choose_event(c, &key)? {
            Some(id) => {
                outcome.merged += 1;
                id
            }
            None => {
                outcome.new_events += 1;
                fresh_event_id(c, &e.event_id)?
            }
        };
        c.exec(
            "INSERT INTO event_sources (report_id, doc_id, ordinal, event_id, seq, published, \
             iso3, day_num, date_tol, mergeable, admin1_key, location_key, lat, lon, outlet, \
             mkey, record) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            &[
                e.event_id.clone().into(),
                doc.id.clone().into(),
                (ordinal as i64).into(),
                event_id.clone().into(),
                seq.into(),
                fmt_published(doc.published).into(),
                key.iso3.clone().into(),
                key.day.into(),
                key.tolerance.into(),
                key.mergeable().into(),
                key.admin1.clone().into(),
                key.location.clone().into(),
                key.lat.into(),
                key.lon.into(),
                outlet(doc).into(),
                serde_json::to_string(&key).expect("keys serialize").into(),
                record.into(),
            ],
        )?;
        for (field, spans) in &e.evidence {
            for s in spans {
                c.exec(
                    "INSERT INTO evidence (report_id, doc_id, field, span_start, span_end) \
                     VALUES (?, ?, ?, ?, ?)",
                    &[
                        e.event_id.clone().into(),
                        doc.id.clone().into(),
                        field.clone().into(),
                        (s.start as i64).into(),
                        (s.end as i64).into(),
                    ],
                )?;
            }
        }
        recompute(c, &event_id, now)?;
        outcome.reports += 1;
    }
    Ok(())
}

// ---------------------------------------------------------------- reading

/// The WHERE clause of a filter and its parameters. Column names are fixed
/// strings; every value the user typed is a parameter.
pub(crate) fn where_clause(f: &Filter, d: Dialect) -> (String, Vec<Param>) {
    // NUL can be neither stored nor sent to PostgreSQL: drop it from every
    // text value so both backends answer alike.
    let clean = |s: &Option<String>| s.as_ref().map(|v| v.replace('\0', ""));
    let f = &Filter {
        country: clean(&f.country),
        admin1: clean(&f.admin1),
        location: clean(&f.location),
        text: clean(&f.text),
        actors: f.actors.iter().map(|a| a.replace('\0', "")).collect(),
        ..f.clone()
    };
    let mut conds: Vec<String> = Vec::new();
    let mut params: Vec<Param> = Vec::new();
    if !f.include_period_totals {
        conds.push("is_period_total = ?".into());
        params.push(false.into());
    }
    if let Some(c) = f
        .country
        .as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty())
    {
        // A code or name the country table knows becomes an ISO3 match,
        // which the (iso3, admin1) index serves; anything else is compared
        // with the stored names, which needs a scan.
        match crate::export::iso3_of(c) {
            Some(iso3) => {
                conds.push("iso3 = ?".into());
                params.push(iso3.into());
            }
            None => {
                conds.push("(iso3 = ? OR lower(country) = ?)".into());
                params.push(c.to_uppercase().into());
                params.push(c.to_lowercase().into());
            }
        }
    }
    for (col, v) in [("admin1", &f.admin1), ("location", &f.location)] {
        if let Some(v) = v.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
            conds.push(format!("lower({col}) = ?"));
            params.push(v.to_lowercase().into());
        }
    }
    if let Some(n) = f.near {
        // A bounding box on latitude narrows the scan; the distance decides.
        let dlat = n.radius_km / 111.0;
        conds.push(
            "latitude IS NOT NULL AND longitude IS NOT NULL AND latitude BETWEEN ? AND ? \
             AND rasd_km(latitude, longitude, ?, ?) <= ?"
                .into(),
        );
        params.extend([
            (n.lat - dlat).into(),
            (n.lat + dlat).into(),
            n.lat.into(),
            n.lon.into(),
            n.radius_km.into(),
        ]);
    }
    let actors: Vec<String> = f
        .actors
        .iter()
        .map(|a| a.trim().to_lowercase())
        .filter(|a| !a.is_empty())
        .collect();
    if !actors.is_empty() {
        let pos = d.strpos();
        let mut alts = Vec::new();
        for a in actors {
            for col in ["actor1", "actor2", "assoc_actor_1", "assoc_actor_2"] {
                alts.push(format!("{pos}(lower({col}), ?) > 0"));
                params.push(a.clone().into());
            }
        }
        conds.push(format!("({})", alts.join(" OR ")));
    }
    if let Some(t) = f.event_type {
        conds.push("event_type = ?".into());
        params.push(t.as_str().into());
    }
    if let Some(t) = f.sub_event_type {
        conds.push("sub_event_type = ?".into());
        params.push(t.as_str().into());
    }
    if let Some(from) = f.date_from {
        conds.push("event_date >= ?".into());
        params.push(from.to_string().into());
    }
    if let Some(to) = f.date_to {
        conds.push("event_date <= ?".into());
        params.push(to.to_string().into());
    }
    if let Some(n) = f.min_fatalities {
        conds.push("fatalities >= ?".into());
        params.push(i64::from(n).into());
    }
    if let Some(text) = &f.text {
        let words = search_words(text);
        if !words.is_empty() {
            match d {
                Dialect::Sqlite => {
                    // Every word a quoted FTS5 string: no query syntax left.
                    let q: Vec<String> = words
                        .iter()
                        .map(|w| format!("\"{}\"", w.replace('"', "\"\"")))
                        .collect();
                    conds.push(
                        "event_id IN (SELECT s.event_id FROM event_sources s \
                         JOIN documents d ON d.id = s.doc_id WHERE d.seq IN \
                         (SELECT rowid FROM documents_fts WHERE documents_fts MATCH ?))"
                            .into(),
                    );
                    params.push(q.join(" ").into());
                }
                Dialect::Postgres => {
                    conds.push(
                        "event_id IN (SELECT s.event_id FROM event_sources s \
                         JOIN documents d ON d.id = s.doc_id WHERE \
                         to_tsvector('simple', d.search_text) @@ plainto_tsquery('simple', ?))"
                            .into(),
                    );
                    params.push(words.join(" ").into());
                }
            }
        }
    }
    if conds.is_empty() {
        ("1 = 1".into(), params)
    } else {
        (conds.join(" AND "), params)
    }
}

const EVENT_COLUMNS: &str = "record, n_reports, doc_ids, sources, updated_at";

fn stored_event(r: &[crate::db::Value]) -> Result<StoredEvent> {
    let record = r.text(0, "events")?;
    let event: Event = serde_json::from_str(&record).map_err(|source| StoreError::Corrupt {
        what: "event",
        id: record.chars().take(40).collect(),
        source,
    })?;
    let doc_ids: Vec<String> =
        serde_json::from_str(&r.text(2, "events")?).map_err(|source| StoreError::Corrupt {
            what: "document list of event",
            id: event.event_id.clone(),
            source,
        })?;
    Ok(StoredEvent {
        n_reports: r.int(1, "events")? as u32,
        doc_ids,
        sources: r.text(3, "events")?,
        updated_at: r.text(4, "events")?,
        event,
    })
}

fn query_events(c: &mut dyn Conn, f: &Filter) -> Result<Vec<StoredEvent>> {
    let (w, mut params) = where_clause(f, c.dialect());
    let sql = format!(
        "SELECT {EVENT_COLUMNS} FROM events WHERE {w} \
         ORDER BY event_date IS NULL, event_date DESC, event_id LIMIT ? OFFSET ?"
    );
    params.push((f.limit.map_or(i64::MAX, |l| l.min(i64::MAX as u64) as i64)).into());
    params.push((f.offset.unwrap_or(0).min(i64::MAX as u64) as i64).into());
    c.rows(&sql, &params)?
        .iter()
        .map(|r| stored_event(r))
        .collect()
}

fn event_page(
    c: &mut dyn Conn,
    f: &Filter,
    after: Option<&str>,
    n: i64,
) -> Result<Vec<StoredEvent>> {
    let (mut w, mut params) = where_clause(f, c.dialect());
    if let Some(a) = after {
        w.push_str(" AND event_id > ?");
        params.push(a.into());
    }
    params.push(n.into());
    let sql = format!("SELECT {EVENT_COLUMNS} FROM events WHERE {w} ORDER BY event_id LIMIT ?");
    c.rows(&sql, &params)?
        .iter()
        .map(|r| stored_event(r))
        .collect()
}

fn resolve_event_id(c: &mut dyn Conn, id: &str) -> Result<Option<String>> {
    let rows = c.rows(
        "SELECT event_id FROM events WHERE event_id = ? \
         UNION ALL SELECT event_id FROM event_sources WHERE report_id = ?",
        &[id.into(), id.into()],
    )?;
    rows.first().map(|r| r.text(0, "events")).transpose()
}

fn get_event(c: &mut dyn Conn, id: &str) -> Result<Option<StoredEvent>> {
    let rows = c.rows(
        &format!("SELECT {EVENT_COLUMNS} FROM events WHERE event_id = ?"),
        &[id.into()],
    )?;
    rows.first().map(|r| stored_event(r)).transpose()
}

fn explain(c: &mut dyn Conn, id: &str) -> Result<Option<Explanation>> {
    let Some(event_id) = resolve_event_id(c, id)? else {
        return Ok(None);
    };
    let Some(event) = get_event(c, &event_id)? else {
        return Ok(None);
    };
    let prov_json = c.rows(
        "SELECT provenance FROM events WHERE event_id = ?",
        &[event_id.clone().into()],
    )?[0]
        .text(0, "events")?;
    let provenance: BTreeMap<String, String> =
        serde_json::from_str(&prov_json).map_err(|source| StoreError::Corrupt {
            what: "provenance of event",
            id: event_id.clone(),
            source,
        })?;
    let mut rows = load_members(c, &event_id)?;
    rows.sort_by(|a, b| {
        let key = |m: &MemberRow| {
            (
                m.member.published.unwrap_or(NaiveDateTime::MAX),
                m.member.seq,
            )
        };
        key(a).cmp(&key(b))
    });
    let mut titles: BTreeMap<String, (Option<String>, Option<String>)> = BTreeMap::new();
    for r in &rows {
        if !titles.contains_key(&r.doc_id) {
            let d = c.rows(
                "SELECT title, url FROM documents WHERE id = ?",
                &[r.doc_id.clone().into()],
            )?;
            if let Some(d) = d.first() {
                titles.insert(
                    r.doc_id.clone(),
                    (d.opt_text(0, "documents")?, d.opt_text(1, "documents")?),
                );
            }
        }
    }
    let reports = rows
        .into_iter()
        .map(|r| {
            let fields_used = provenance
                .iter()
                .filter(|(_, rid)| **rid == r.member.report_id)
                .map(|(g, _)| g.clone())
                .collect();
            let (doc_title, doc_url) = titles.get(&r.doc_id).cloned().unwrap_or_default();
            ReportView {
                report_id: r.member.report_id,
                doc_id: r.doc_id,
                doc_title,
                doc_url,
                published: r.member.published,
                record: r.member.event,
                fields_used,
            }
        })
        .collect();
    Ok(Some(Explanation {
        event,
        provenance,
        reports,
    }))
}

/// Up to `limit` stored documents in ingestion order, starting after the
/// document `after`.
fn documents_after(c: &mut dyn Conn, after: Option<&str>, limit: u64) -> Result<Vec<Document>> {
    let from = match after {
        Some(id) => match existing_doc(c, id)? {
            Some(d) => d.seq,
            None => {
                return Err(StoreError::InvalidDocument {
                    doc_id: id.to_string(),
                    reason: "not in the store".into(),
                })
            }
        },
        None => 0,
    };
    c.rows(
        "SELECT id, url, title, published, lang, text FROM documents \
         WHERE seq > ? ORDER BY seq LIMIT ?",
        &[from.into(), (limit.min(i64::MAX as u64) as i64).into()],
    )?
    .iter()
    .map(document_of_row)
    .collect()
}

/// A document from the columns id, url, title, published, lang, text.
fn document_of_row(r: &Row) -> Result<Document> {
    Ok(Document {
        id: r.text(0, "documents")?,
        url: r.opt_text(1, "documents")?,
        title: r.opt_text(2, "documents")?,
        published: parse_published(r.opt_text(3, "documents")?),
        lang: r
            .opt_text(4, "documents")?
            .and_then(|l| Language::from_code(&l)),
        text: r.text(5, "documents")?,
        body: Vec::new(),
    })
}

fn get_document(c: &mut dyn Conn, id: &str) -> Result<Option<StoredDocument>> {
    let rows = c.rows(
        "SELECT id, url, title, published, lang, text, content_hash, ingested_at \
         FROM documents WHERE id = ?",
        &[id.into()],
    )?;
    let Some(r) = rows.first() else {
        return Ok(None);
    };
    let reports = c
        .rows(
            "SELECT report_id FROM event_sources WHERE doc_id = ? ORDER BY ordinal",
            &[id.into()],
        )?
        .iter()
        .map(|r| r.text(0, "event_sources"))
        .collect::<Result<_>>()?;
    Ok(Some(StoredDocument {
        document: document_of_row(r)?,
        content_hash: r.text(6, "documents")?,
        ingested_at: r.text(7, "documents")?,
        reports,
    }))
}

/// Whether the summary table can answer: only place filters and keys
/// among month, country and admin1.
fn summary_answers(f: &Filter, keys: &[GroupKey]) -> bool {
    let place_only = Filter {
        country: f.country.clone(),
        admin1: f.admin1.clone(),
        include_period_totals: f.include_period_totals,
        ..Filter::default()
    };
    *f == place_only
        && keys
            .iter()
            .all(|k| matches!(k, GroupKey::Month | GroupKey::Country | GroupKey::Admin1))
}

fn stats(c: &mut dyn Conn, f: &Filter, keys: &[GroupKey]) -> Result<Vec<StatRow>> {
    let (w, params) = where_clause(f, c.dialect());
    let (table, count, sum) = if summary_answers(f, keys) {
        ("stats_summary", "sum(events)", "sum(fatalities)")
    } else {
        ("events", "count(*)", "sum(fatalities)")
    };
    let cols: Vec<&str> = keys.iter().map(|k| k.column()).collect();
    // Keys are read back as text on both backends (year is an integer).
    let select: Vec<String> = cols.iter().map(|c| format!("CAST({c} AS TEXT)")).collect();
    // Summary months are '' for undated events, NULL in the events table:
    // both read back as an empty key. Groups emptied by deletions are
    // skipped.
    let sql = if cols.is_empty() {
        format!(
            "SELECT CAST(coalesce({count}, 0) AS BIGINT), \
             CAST(coalesce({sum}, 0) AS BIGINT) FROM {table} WHERE {w}"
        )
    } else {
        let g = cols.join(", ");
        format!(
            "SELECT {}, CAST({count} AS BIGINT), CAST(coalesce({sum}, 0) AS BIGINT) \
             FROM {table} WHERE {w} GROUP BY {g} HAVING {count} > 0 ORDER BY {g}",
            select.join(", ")
        )
    };
    let n = cols.len();
    c.rows(&sql, &params)?
        .iter()
        .map(|r| {
            let keys = (0..n)
                .map(|i| Ok(r.opt_text(i, "stats")?.unwrap_or_default()))
                .collect::<Result<Vec<_>>>()?;
            Ok(StatRow {
                keys,
                events: r.int(n, "stats")? as u64,
                fatalities: r.int(n + 1, "stats")? as u64,
            })
        })
        .collect()
}

fn count_rows(c: &mut dyn Conn, table: &str) -> Result<u64> {
    // `table` is one of three fixed names below.
    Ok(c.rows(&format!("SELECT count(*) FROM {table}"), &[])?[0].int(0, "count")? as u64)
}

impl<D: Db> Store for SqlStore<D> {
    fn backend(&self) -> Backend {
        self.backend
    }

    fn ingest(&self, doc: &Document, events: Vec<Event>) -> Result<IngestOutcome> {
        let now = now();
        let mut events = Some(events);
        self.db
            .write(&mut |c| ingest_one(c, doc, events.take().unwrap_or_default(), &now))
    }

    fn ingest_batch(&self, batch: Vec<(Document, Vec<Event>)>) -> Result<Vec<IngestOutcome>> {
        self.write_batch(batch, ingest_one)
    }

    fn recode_batch(&self, batch: Vec<(Document, Vec<Event>)>) -> Result<Vec<IngestOutcome>> {
        self.write_batch(batch, recode_one)
    }

    fn documents_after(&self, after: Option<&str>, limit: u64) -> Result<Vec<Document>> {
        self.db.read(&mut |c| documents_after(c, after, limit))
    }

    fn query(&self, filter: &Filter) -> Result<Vec<StoredEvent>> {
        self.db.read(&mut |c| query_events(c, filter))
    }

    fn count(&self, filter: &Filter) -> Result<u64> {
        self.db.read(&mut |c| {
            let (w, params) = where_clause(filter, c.dialect());
            Ok(
                c.rows(&format!("SELECT count(*) FROM events WHERE {w}"), &params)?[0]
                    .int(0, "count")? as u64,
            )
        })
    }

    fn stats(&self, filter: &Filter, group_by: &[GroupKey]) -> Result<Vec<StatRow>> {
        self.db.read(&mut |c| stats(c, filter, group_by))
    }

    fn for_each_event(
        &self,
        filter: &Filter,
        f: &mut dyn FnMut(StoredEvent) -> Result<()>,
    ) -> Result<u64> {
        const PAGE: i64 = 5_000;
        let mut after: Option<String> = None;
        let mut n = 0u64;
        loop {
            let page = self
                .db
                .read(&mut |c| event_page(c, filter, after.as_deref(), PAGE))?;
            let len = page.len();
            for e in page {
                after = Some(e.event.event_id.clone());
                f(e)?;
                n += 1;
            }
            if (len as i64) < PAGE {
                return Ok(n);
            }
        }
    }

    fn event(&self, id: &str) -> Result<Option<StoredEvent>> {
        self.db.read(&mut |c| match resolve_event_id(c, id)? {
            Some(eid) => get_event(c, &eid),
            None => Ok(None),
        })
    }

    fn explain(&self, id: &str) -> Result<Option<Explanation>> {
        self.db.read(&mut |c| explain(c, id))
    }

    fn document(&self, id: &str) -> Result<Option<StoredDocument>> {
        self.db.read(&mut |c| get_document(c, id))
    }

    fn evidence(&self, report_id: &str) -> Result<Vec<(String, rasd_model::Span)>> {
        self.db.read(&mut |c| {
            c.rows(
                "SELECT field, span_start, span_end FROM evidence WHERE report_id = ? \
                 ORDER BY span_start, field",
                &[report_id.into()],
            )?
            .iter()
            .map(|r| {
                Ok((
                    r.text(0, "evidence")?,
                    rasd_model::Span::new(
                        r.int(1, "evidence")? as usize,
                        r.int(2, "evidence")? as usize,
                    ),
                ))
            })
            .collect()
        })
    }

    fn counts(&self) -> Result<Counts> {
        self.db.read(&mut |c| {
            Ok(Counts {
                documents: count_rows(c, "documents")?,
                reports: count_rows(c, "event_sources")?,
                events: count_rows(c, "events")?,
            })
        })
    }

    fn remerge_all(&self) -> Result<u64> {
        let now = now();
        self.db.write(&mut |c| {
            // Forget every cluster, then let each report find its event
            // again in ingestion order, exactly as ingest does.
            c.exec("DELETE FROM events", &[])?;
            c.exec("DELETE FROM stats_summary", &[])?;
            let rows = c.rows(
                "SELECT report_id, mkey FROM event_sources ORDER BY seq, ordinal",
                &[],
            )?;
            c.exec("UPDATE event_sources SET event_id = ?", &["".into()])?;
            for r in &rows {
                let rid = r.text(0, "event_sources")?;
                let key: MergeKey =
                    serde_json::from_str(&r.text(1, "event_sources")?).map_err(|source| {
                        StoreError::Corrupt {
                            what: "merge key of report",
                            id: rid.clone(),
                            source,
                        }
                    })?;
                let event_id = match choose_event(c, &key)? {
                    Some(id) => id,
                    None => fresh_event_id(c, &rid)?,
                };
                c.exec(
                    "UPDATE event_sources SET event_id = ? WHERE report_id = ?",
                    &[event_id.clone().into(), rid.into()],
                )?;
                recompute(c, &event_id, &now)?;
            }
            count_rows(c, "events")
        })
    }
}

/// Parses `YYYY-MM-DD`.
pub fn parse_date(s: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d").ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn country_clause(country: &str) -> (String, Vec<Param>) {
        let f = Filter {
            country: Some(country.into()),
            include_period_totals: true,
            ..Default::default()
        };
        where_clause(&f, Dialect::Sqlite)
    }

    #[test]
    fn a_known_country_name_is_matched_by_its_code() {
        // "Mali" and "mli" both become `iso3 = 'MLI'`, which the
        // (iso3, admin1) index serves, instead of lower(country) = ?.
        for typed in ["Mali", " mali ", "mli", "MLI"] {
            let (sql, params) = country_clause(typed);
            assert!(sql.contains("iso3 = ?"), "{typed}: {sql}");
            assert!(!sql.contains("lower(country)"), "{typed}: {sql}");
            assert!(matches!(&params[..], [Param::Text(Some(c))] if c == "MLI"));
        }
    }

    #[test]
    fn an_unknown_country_is_compared_with_the_stored_names() {
        let (sql, params) = country_clause("Atlantis");
        assert!(sql.contains("lower(country) = ?"), "{sql}");
        assert_eq!(params.len(), 2);
    }
}
