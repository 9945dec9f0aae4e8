//! The Rasd event store.
//!
//! Analysts follow a region for months: the store keeps every document Rasd
//! read, every event the coder found in each (a *report*), and merges the
//! reports of one incident from many documents into one *event* whose every
//! field can be traced back to the report it came from.
//!
//! ## Design
//!
//! - [`Store`] is the one interface the CLI and the server use. It is a
//!   plain synchronous, object-safe trait (`Send + Sync`), opened from a URL
//!   by [`open`] and shared as `Arc<dyn Store>`. The async server calls it
//!   inside `tokio::task::spawn_blocking`; every method is short (one
//!   transaction) so this costs a thread hop, not a thread per request.
//! - Two backends, chosen by the URL: SQLite (a file path or
//!   `sqlite://PATH`; WAL, one writer and a pool of readers) and PostgreSQL
//!   (`postgres://…`; an r2d2 pool of synchronous clients). Their logic is
//!   written once (`store.rs`) against a small connection seam (`db.rs`);
//!   each backend brings its migrations (run on open) and its dialect.
//! - Ingest runs one transaction per call ([`Store::ingest`] for one
//!   document, [`Store::ingest_batch`] for many): the document, its reports,
//!   their evidence and the merged events change together or not at all, so
//!   a process killed at any moment leaves a consistent database, and
//!   re-running the same input finishes the job (documents already stored
//!   with the same content hash are skipped).
//! - Merging ([`merge`]) is incremental, complete-link and deterministic for
//!   a given ingestion order; [`Store::remerge_all`] recomputes every
//!   cluster from the stored reports (after a rule change).
//! - Filters ([`Filter`]) become SQL with bound parameters only.
//! - Exports ([`export`]): ACLED CSV, GeoJSON, JSON lines, and Parquet
//!   behind the `parquet` feature.

mod db;
mod error;
pub mod export;
pub mod merge;
mod pg;
mod schema;
mod sqlite;
mod store;
pub mod synth;
mod types;

use std::sync::Arc;

pub use error::StoreError;
pub use pg::{open_postgres, open_postgres_in_schema};
pub use sqlite::open_sqlite;
pub use store::{content_hash, parse_date};
pub use types::*;

use rasd_model::{Document, Event, Span};

/// The event store. Object-safe and `Send + Sync`: share it as
/// `Arc<dyn Store>`; from async code call it in `spawn_blocking`.
pub trait Store: Send + Sync {
    /// Which backend this is.
    fn backend(&self) -> Backend;

    /// Stores one document and the events coded from it, in one
    /// transaction. The same document (same id and content hash) twice
    /// changes nothing; a document whose content changed has its old reports
    /// replaced and the affected events recomputed. Each event's
    /// `event_id` is kept as its report id when set (the coder's stable
    /// id), else derived from the document id and position; `doc_id` is set
    /// to the document's id.
    fn ingest(&self, doc: &Document, events: Vec<Event>) -> Result<IngestOutcome, StoreError>;

    /// Like [`Store::ingest`] for many documents in one transaction (much
    /// faster; all or nothing).
    fn ingest_batch(
        &self,
        batch: Vec<(Document, Vec<Event>)>,
    ) -> Result<Vec<IngestOutcome>, StoreError>;

    /// Replaces the reports of stored documents by events coded afresh
    /// from them (after the coder changed), in one transaction. Each
    /// document keeps its place in the ingestion order; events that lose
    /// or gain reports are recomputed. A document not in the store is an
    /// error (nothing of the batch is written).
    fn recode_batch(
        &self,
        batch: Vec<(Document, Vec<Event>)>,
    ) -> Result<Vec<IngestOutcome>, StoreError>;

    /// Up to `limit` stored documents in ingestion order, after the
    /// document with id `after` (from the first when `None`): page through
    /// a store of any size in bounded memory.
    fn documents_after(&self, after: Option<&str>, limit: u64)
        -> Result<Vec<Document>, StoreError>;

    /// Merged events matching the filter, newest first (then by id).
    fn query(&self, filter: &Filter) -> Result<Vec<StoredEvent>, StoreError>;

    /// Number of merged events matching the filter (its limit and offset
    /// are ignored).
    fn count(&self, filter: &Filter) -> Result<u64, StoreError>;

    /// Event counts and fatality sums grouped by zero, one or more keys.
    fn stats(&self, filter: &Filter, group_by: &[GroupKey]) -> Result<Vec<StatRow>, StoreError>;

    /// Calls `f` on every matching event in id order, reading in pages so
    /// exports of millions of events run in bounded memory. Returns the
    /// number of events passed to `f`. `limit`/`offset` of the filter are
    /// ignored. Each page is its own snapshot: events written meanwhile may
    /// or may not appear.
    fn for_each_event(
        &self,
        filter: &Filter,
        f: &mut dyn FnMut(StoredEvent) -> Result<(), StoreError>,
    ) -> Result<u64, StoreError>;

    /// A merged event by its id, or by the id of one of its reports.
    fn event(&self, id: &str) -> Result<Option<StoredEvent>, StoreError>;

    /// A merged event (by event or report id) with every report and the
    /// report each field came from.
    fn explain(&self, id: &str) -> Result<Option<Explanation>, StoreError>;

    /// A stored document with the ids of its reports.
    fn document(&self, id: &str) -> Result<Option<StoredDocument>, StoreError>;

    /// The evidence spans of one report (field, span into its document).
    fn evidence(&self, report_id: &str) -> Result<Vec<(String, Span)>, StoreError>;

    /// Numbers of documents, reports and events.
    fn counts(&self) -> Result<Counts, StoreError>;

    /// Rebuilds every merged event from the stored reports, in ingestion
    /// order. Returns the number of events.
    fn remerge_all(&self) -> Result<u64, StoreError>;
}

/// Opens (creating and migrating as needed) the store a URL names:
/// `postgres://…` / `postgresql://…` for PostgreSQL, `sqlite://PATH` or a
/// plain file path for SQLite.
pub fn open(url: &str) -> Result<Arc<dyn Store>, StoreError> {
    let u = url.trim();
    if u.starts_with("postgres://") || u.starts_with("postgresql://") {
        return open_postgres(u);
    }
    let path = if let Some(p) = u.strip_prefix("sqlite://") {
        p
    } else if let Some(p) = u.strip_prefix("sqlite:") {
        p
    } else if u.contains("://") || u.is_empty() {
        return Err(StoreError::BadUrl { url: url.into() });
    } else {
        u
    };
    open_sqlite(std::path::Path::new(path))
}
