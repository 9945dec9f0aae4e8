//! The values the store takes and gives back: filters, stats rows, stored
//! events with their sources, explanations of merges.

use std::collections::BTreeMap;

use chrono::{NaiveDate, NaiveDateTime};
use rasd_model::{Event, EventType, SubEventType};
use serde::{Deserialize, Serialize};

/// What happened to one document on ingest.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum IngestStatus {
    /// First time this document id was seen.
    New,
    /// Same id and same content hash: nothing was written.
    Unchanged,
    /// Same id, different content: its old reports were replaced.
    Replaced,
    /// Coded afresh (`Store::recode_batch`): its reports were replaced.
    Recoded,
}

/// The result of ingesting one document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct IngestOutcome {
    pub doc_id: String,
    pub status: IngestStatus,
    /// Reports (coded events) stored from this document.
    pub reports: usize,
    /// Reports that founded a new event.
    pub new_events: usize,
    /// Reports merged into an event already reported by another document.
    pub merged: usize,
    /// Events deleted because their only reports were replaced.
    pub removed_events: usize,
}

/// Filters shared by query, stats and export. Every text value is bound as
/// a parameter; nothing here is ever pasted into SQL.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Filter {
    /// ISO3 code or English country name (case-insensitive).
    pub country: Option<String>,
    /// Exact admin1 name (case-insensitive).
    pub admin1: Option<String>,
    /// Exact location name (case-insensitive).
    pub location: Option<String>,
    /// Events whose coordinates lie within the radius of the point.
    pub near: Option<Near>,
    /// Any of these names appears (case-insensitive substring) in actor1,
    /// actor2 or the associated actors. Callers expand aliases into this
    /// list.
    pub actors: Vec<String>,
    pub event_type: Option<EventType>,
    pub sub_event_type: Option<SubEventType>,
    /// Inclusive.
    pub date_from: Option<NaiveDate>,
    /// Inclusive.
    pub date_to: Option<NaiveDate>,
    pub min_fatalities: Option<u32>,
    /// Words that must all occur in one of the event's source documents.
    pub text: Option<String>,
    /// Period totals ("since March, 900 killed") are left out unless asked
    /// for: summing them with incidents counts deaths twice.
    pub include_period_totals: bool,
    pub limit: Option<u64>,
    pub offset: Option<u64>,
}

/// A point and a radius.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Near {
    pub lat: f64,
    pub lon: f64,
    pub radius_km: f64,
}

/// A `stats` grouping key.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum GroupKey {
    Year,
    /// `YYYY-MM`.
    Month,
    /// ISO week, `YYYY-Www`.
    Week,
    Country,
    Admin1,
    /// The acting side (actor1).
    Actor,
    EventType,
    SubEventType,
}

impl GroupKey {
    pub const ALL: &'static [GroupKey] = &[
        GroupKey::Year,
        GroupKey::Month,
        GroupKey::Week,
        GroupKey::Country,
        GroupKey::Admin1,
        GroupKey::Actor,
        GroupKey::EventType,
        GroupKey::SubEventType,
    ];

    pub fn name(self) -> &'static str {
        match self {
            GroupKey::Year => "year",
            GroupKey::Month => "month",
            GroupKey::Week => "week",
            GroupKey::Country => "country",
            GroupKey::Admin1 => "admin1",
            GroupKey::Actor => "actor",
            GroupKey::EventType => "event_type",
            GroupKey::SubEventType => "sub_event_type",
        }
    }

    pub fn parse(s: &str) -> Option<GroupKey> {
        let s = s.trim().to_ascii_lowercase().replace('-', "_");
        GroupKey::ALL.iter().copied().find(|k| {
            k.name() == s
                || (s == "actor1" && *k == GroupKey::Actor)
                || (s == "type" && *k == GroupKey::EventType)
        })
    }

    /// The events-table column the key groups on (a fixed name, never
    /// user text).
    pub(crate) fn column(self) -> &'static str {
        match self {
            GroupKey::Year => "year",
            GroupKey::Month => "month",
            GroupKey::Week => "week",
            GroupKey::Country => "country",
            GroupKey::Admin1 => "admin1",
            GroupKey::Actor => "actor1",
            GroupKey::EventType => "event_type",
            GroupKey::SubEventType => "sub_event_type",
        }
    }
}

/// One group of a `stats` answer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StatRow {
    /// One value per group key, in the order asked; empty for unknown.
    pub keys: Vec<String>,
    pub events: u64,
    /// Sum of the known fatality figures.
    pub fatalities: u64,
}

/// A merged event with its sources.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StoredEvent {
    /// The merged record; `event_id` is the merged id, `doc_id` the primary
    /// document (the one its type, notes and evidence come from).
    pub event: Event,
    /// Number of reports merged into it.
    pub n_reports: u32,
    /// Every document that reported it, in ingestion order.
    pub doc_ids: Vec<String>,
    /// Distinct source attributions or, when none, document titles/URLs —
    /// what the ACLED `source` column holds.
    pub sources: String,
    /// When the event was last (re)computed, RFC 3339 UTC.
    pub updated_at: String,
}

/// One report of a merged event, for `rasd show`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ReportView {
    pub report_id: String,
    pub doc_id: String,
    pub doc_title: Option<String>,
    pub doc_url: Option<String>,
    pub published: Option<NaiveDateTime>,
    /// The record exactly as the coder produced it from this document.
    pub record: Event,
    /// Field groups of the merged event taken from this report.
    pub fields_used: Vec<String>,
}

/// Why a merged event looks the way it does.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Explanation {
    pub event: StoredEvent,
    /// Field group → report id (see `merge::FIELD_GROUPS`).
    pub provenance: BTreeMap<String, String>,
    /// Every report, in chronological order of publication.
    pub reports: Vec<ReportView>,
}

/// A stored document with its ingest bookkeeping.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StoredDocument {
    pub document: rasd_model::Document,
    pub content_hash: String,
    pub ingested_at: String,
    /// Report ids coded from it.
    pub reports: Vec<String>,
}

/// Sizes of the store.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Counts {
    pub documents: u64,
    pub reports: u64,
    pub events: u64,
}

/// Which backend a store runs on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Backend {
    Sqlite,
    Postgres,
}
