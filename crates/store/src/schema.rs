//! Schema migrations both backends share word for word. The first
//! migration stays with each backend (full-text search and the distance
//! function differ); later ones are written once here. Integer columns are
//! declared `BIGINT`, which PostgreSQL needs for 64-bit values and SQLite
//! reads as its (always 64-bit) INTEGER affinity.

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
