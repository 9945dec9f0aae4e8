//! The schema both backends share. The first migration is the core
//! tables, written once, plus what each backend does its own way (full-text
//! search; the distance function, which SQLite registers from Rust); later
//! migrations are the same on both. Integer columns are declared `BIGINT`
//! and floating ones `DOUBLE PRECISION`, which PostgreSQL needs for 64-bit
//! values and SQLite reads as its INTEGER and REAL affinities.

/// The tables and indexes of migration 1, as a literal for `concat!`.
macro_rules! core_tables {
    () => {
        r#"
CREATE TABLE documents (
    id            TEXT PRIMARY KEY,
    seq           BIGINT NOT NULL UNIQUE,
    url           TEXT,
    title         TEXT,
    published     TEXT,
    lang          TEXT,
    text          TEXT NOT NULL,
    search_text   TEXT NOT NULL,
    content_hash  TEXT NOT NULL,
    ingested_at   TEXT NOT NULL
);
CREATE TABLE event_sources (
    report_id   TEXT PRIMARY KEY,
    doc_id      TEXT NOT NULL REFERENCES documents(id),
    ordinal     BIGINT NOT NULL,
    event_id    TEXT NOT NULL,
    seq         BIGINT NOT NULL,
    published   TEXT,
    iso3        TEXT NOT NULL,
    day_num     BIGINT,
    date_tol    BIGINT,
    mergeable   BOOLEAN NOT NULL,
    admin1_key  TEXT NOT NULL,
    location_key TEXT NOT NULL,
    outlet      TEXT NOT NULL,
    lat         DOUBLE PRECISION,
    lon         DOUBLE PRECISION,
    mkey        TEXT NOT NULL,
    record      TEXT NOT NULL
);
CREATE INDEX event_sources_doc ON event_sources(doc_id);
CREATE INDEX event_sources_event ON event_sources(event_id);
-- Merge candidates: reports of a country near a day, the columns that
-- narrow them included so only plausible rows are read from the table;
-- coarse-dated ones (week, month) through the second index.
CREATE INDEX event_sources_merge ON event_sources(iso3, day_num, date_tol, mergeable,
    admin1_key, location_key, lat, lon, event_id);
CREATE INDEX event_sources_merge_coarse ON event_sources(iso3, date_tol, day_num);
CREATE TABLE evidence (
    report_id   TEXT NOT NULL REFERENCES event_sources(report_id),
    doc_id      TEXT NOT NULL,
    field       TEXT NOT NULL,
    span_start  BIGINT NOT NULL,
    span_end    BIGINT NOT NULL
);
CREATE INDEX evidence_report ON evidence(report_id);
CREATE TABLE events (
    event_id        TEXT PRIMARY KEY,
    event_date      TEXT,
    year            BIGINT,
    month           TEXT,
    week            TEXT,
    date_precision  TEXT NOT NULL,
    disorder_type   TEXT NOT NULL,
    event_type      TEXT NOT NULL,
    sub_event_type  TEXT NOT NULL,
    actor1          TEXT NOT NULL,
    assoc_actor_1   TEXT NOT NULL,
    actor2          TEXT NOT NULL,
    assoc_actor_2   TEXT NOT NULL,
    iso3            TEXT NOT NULL,
    country         TEXT NOT NULL,
    admin1          TEXT NOT NULL,
    admin2          TEXT NOT NULL,
    location        TEXT NOT NULL,
    latitude        DOUBLE PRECISION,
    longitude       DOUBLE PRECISION,
    fatalities      BIGINT,
    is_period_total BOOLEAN NOT NULL,
    n_reports       BIGINT NOT NULL,
    doc_ids         TEXT NOT NULL,
    sources         TEXT NOT NULL,
    record          TEXT NOT NULL,
    provenance      TEXT NOT NULL,
    updated_at      TEXT NOT NULL
);
CREATE INDEX events_date ON events(event_date);
CREATE INDEX events_place ON events(iso3, admin1);
CREATE INDEX events_lat ON events(latitude);
-- Covering indexes for the common stats groupings: the GROUP BY walks the
-- index in order and never touches the table.
CREATE INDEX events_by_month_admin1 ON events(is_period_total, month, admin1, fatalities);
CREATE INDEX events_by_week ON events(is_period_total, week, fatalities);
"#
    };
}

/// Migration 1 on SQLite: the core tables and an FTS5 index of the
/// documents' search text.
pub(crate) const SQLITE_CREATE: &str = concat!(
    core_tables!(),
    r#"CREATE VIRTUAL TABLE documents_fts USING fts5(
    search_text, content='documents', content_rowid='seq',
    tokenize='unicode61 remove_diacritics 0'
);
"#
);

/// Migration 1 on PostgreSQL: the core tables, a GIN index of the
/// documents' search text and the distance function.
pub(crate) const PG_CREATE: &str = concat!(
    core_tables!(),
    r#"CREATE INDEX documents_fts ON documents USING gin (to_tsvector('simple', search_text));
CREATE FUNCTION rasd_km(lat1 DOUBLE PRECISION, lon1 DOUBLE PRECISION,
                        lat2 DOUBLE PRECISION, lon2 DOUBLE PRECISION)
RETURNS DOUBLE PRECISION LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT 2 * 6371.0088 * asin(least(1.0, sqrt(
        power(sin(radians(lat2 - lat1) / 2), 2)
        + cos(radians(lat1)) * cos(radians(lat2)) * power(sin(radians(lon2 - lon1) / 2), 2))))
$$;
"#
);

/// Migration 2: a summary by month and place, kept by every event write, so
/// the dashboard's stats by month, country and admin1 read thousands of
/// rows instead of every event.
pub(crate) const STATS_SUMMARY: &str = r#"
CREATE TABLE stats_summary (
    month           TEXT NOT NULL,
    iso3            TEXT NOT NULL,
    country         TEXT NOT NULL,
    admin1          TEXT NOT NULL,
    is_period_total BOOLEAN NOT NULL,
    events          BIGINT NOT NULL,
    fatalities      BIGINT NOT NULL,
    PRIMARY KEY (month, iso3, country, admin1, is_period_total)
);
INSERT INTO stats_summary
SELECT coalesce(month, ''), iso3, country, admin1, is_period_total,
       count(*), coalesce(sum(fatalities), 0)
FROM events GROUP BY coalesce(month, ''), iso3, country, admin1, is_period_total;
-- Stats by actor or type walk these instead of the (wide) table.
CREATE INDEX events_by_actor ON events(is_period_total, actor1, fatalities);
CREATE INDEX events_by_type ON events(is_period_total, event_type, sub_event_type, fatalities);
"#;

/// Migration 3: newest first, as `query` orders: a page of /api/events is
/// read in index order instead of sorting every matching event. (IF NOT
/// EXISTS: stores made from an earlier main have it from migration 1.)
pub(crate) const NEWEST_FIRST: &str = r#"
CREATE INDEX IF NOT EXISTS events_recent ON events(is_period_total, (event_date IS NULL), event_date DESC, event_id);
"#;
