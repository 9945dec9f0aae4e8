//! Exports of merged events: ACLED CSV, GeoJSON, JSON lines, Parquet.
//!
//! Every format streams: events are read from the store in pages
//! ([`Store::for_each_event`]) and written as they come, so exporting a
//! million events needs no more memory than one page.
//!
//! The ACLED CSV has ACLED's 31 columns in the order of ACLED's export
//! (`event_id_cnty` … `timestamp`); the README lists what Rasd puts in each.

use std::collections::HashMap;
use std::io::Write;
use std::sync::LazyLock;

use rasd_model::DatePrecision;
use serde_json::{json, Map, Value};

use crate::{Filter, Store, StoreError, StoredEvent};

/// Export formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    AcledCsv,
    GeoJson,
    Jsonl,
    /// Only with the `parquet` cargo feature.
    Parquet,
}

impl Format {
    pub fn parse(s: &str) -> Option<Format> {
        match s.trim().to_ascii_lowercase().as_str() {
            "acled-csv" | "acled_csv" | "csv" => Some(Format::AcledCsv),
            "geojson" => Some(Format::GeoJson),
            "jsonl" | "json-lines" => Some(Format::Jsonl),
            "parquet" => Some(Format::Parquet),
            _ => None,
        }
    }

    /// Whether this build can write the format.
    pub fn available(self) -> bool {
        self != Format::Parquet || cfg!(feature = "parquet")
    }
}

/// ACLED's export columns, in ACLED's order.
pub const ACLED_COLUMNS: [&str; 31] = [
    "event_id_cnty",
    "event_date",
    "year",
    "time_precision",
    "disorder_type",
    "event_type",
    "sub_event_type",
    "actor1",
    "assoc_actor_1",
    "inter1",
    "actor2",
    "assoc_actor_2",
    "inter2",
    "interaction",
    "civilian_targeting",
    "iso",
    "region",
    "country",
    "admin1",
    "admin2",
    "admin3",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "source_scale",
    "notes",
    "fatalities",
    "tags",
    "timestamp",
];

/// A country line of `data/countries.tsv`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Country {
    pub numeric: u16,
    pub region: &'static str,
    pub name: &'static str,
}

static COUNTRIES: LazyLock<HashMap<&'static str, Country>> = LazyLock::new(|| {
    let mut m = HashMap::new();
    for line in include_str!("../data/countries.tsv").lines() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let f: Vec<&str> = line.split('\t').collect();
        // The table is checked by a test; a malformed line is skipped.
        if let [iso3, numeric, region, name] = f[..] {
            if let Ok(numeric) = numeric.parse() {
                m.insert(
                    iso3,
                    Country {
                        numeric,
                        region,
                        name,
                    },
                );
            }
        }
    }
    m
});

/// The country line for an ISO3 code.
pub fn country(iso3: &str) -> Option<&'static Country> {
    COUNTRIES.get(iso3.trim().to_uppercase().as_str())
}

/// Lower-cased English name → ISO3, the reverse of [`country`].
static ISO3_BY_NAME: LazyLock<HashMap<String, &'static str>> = LazyLock::new(|| {
    COUNTRIES
        .iter()
        .map(|(iso3, c)| (c.name.to_lowercase(), *iso3))
        .collect()
});

/// The ISO3 code a user means by `country`: an ISO3 code the table knows,
/// or a country's English name in any case. `None` when it is neither.
pub fn iso3_of(country_or_code: &str) -> Option<&'static str> {
    let key = country_or_code.trim();
    if let Some((iso3, _)) = COUNTRIES.get_key_value(key.to_uppercase().as_str()) {
        return Some(iso3);
    }
    ISO3_BY_NAME.get(&key.to_lowercase()).copied()
}

fn time_precision(p: DatePrecision) -> &'static str {
    match p {
        DatePrecision::Day => "1",
        DatePrecision::Week => "2",
        // ACLED has no year precision; a year is coarser than a month.
        DatePrecision::Month | DatePrecision::Year => "3",
    }
}

fn unix_seconds(rfc3339: &str) -> String {
    chrono::DateTime::parse_from_rfc3339(rfc3339)
        .map(|t| t.timestamp().to_string())
        .unwrap_or_default()
}

/// One ACLED CSV row.
pub fn acled_row(s: &StoredEvent) -> Vec<String> {
    let e = &s.event;
    let c = country(&e.iso3);
    let coord = |v: Option<f64>| v.map(|v| format!("{v:.4}")).unwrap_or_default();
    let inter2 = if e.actor2.trim().is_empty() {
        String::new()
    } else {
        e.inter2.code().to_string()
    };
    vec![
        e.event_id.clone(),
        e.event_date.map(|d| d.to_string()).unwrap_or_default(),
        e.event_date
            .map(|d| chrono::Datelike::year(&d).to_string())
            .unwrap_or_default(),
        time_precision(e.date_precision).into(),
        e.disorder_type.to_string(),
        e.event_type.to_string(),
        e.sub_event_type.to_string(),
        e.actor1.clone(),
        e.assoc_actor_1.clone(),
        e.inter1.code().to_string(),
        e.actor2.clone(),
        e.assoc_actor_2.clone(),
        inter2,
        e.interaction.to_string(),
        if e.civilian_targeting {
            "Civilian targeting".into()
        } else {
            String::new()
        },
        c.map(|c| c.numeric.to_string()).unwrap_or_default(),
        c.map(|c| c.region.to_string()).unwrap_or_default(),
        if e.country.trim().is_empty() {
            c.map(|c| c.name.to_string()).unwrap_or_default()
        } else {
            e.country.clone()
        },
        e.admin1.clone(),
        e.admin2.clone(),
        String::new(),
        e.location.clone(),
        coord(e.latitude),
        coord(e.longitude),
        e.geo_precision.to_string(),
        s.sources.clone(),
        String::new(),
        e.notes.clone(),
        // ACLED writes 0 where no figure is reported.
        e.fatalities.unwrap_or(0).to_string(),
        String::new(),
        unix_seconds(&s.updated_at),
    ]
}

/// The JSON object of one event: the schema's fields plus `n_reports`,
/// `doc_ids` and `sources`.
pub fn event_json(s: &StoredEvent) -> Value {
    let mut v = serde_json::to_value(&s.event).unwrap_or(Value::Null);
    if let Value::Object(m) = &mut v {
        m.insert("n_reports".into(), json!(s.n_reports));
        m.insert("doc_ids".into(), json!(s.doc_ids));
        m.insert("sources".into(), json!(s.sources));
    }
    v
}

// I/O errors stay `StoreError::Io`, so a closed pipe is told apart from a
// bug in the export.
fn json_err(format: &'static str) -> impl Fn(serde_json::Error) -> StoreError {
    move |e| match e.io_error_kind() {
        Some(kind) => StoreError::Io(std::io::Error::new(kind, e)),
        None => StoreError::Export {
            format,
            reason: e.to_string(),
        },
    }
}

fn csv_err(e: csv::Error) -> StoreError {
    match e.into_kind() {
        csv::ErrorKind::Io(io) => StoreError::Io(io),
        other => StoreError::Export {
            format: "acled-csv",
            reason: format!("{other:?}"),
        },
    }
}

/// Writes the events matching `filter` in `format`; returns how many were
/// written (GeoJSON skips events without coordinates).
pub fn export<W: Write + Send>(
    store: &dyn Store,
    filter: &Filter,
    format: Format,
    out: W,
) -> Result<u64, StoreError> {
    match format {
        Format::AcledCsv => {
            let mut w = csv::Writer::from_writer(out);
            w.write_record(ACLED_COLUMNS).map_err(csv_err)?;
            let n = store.for_each_event(filter, &mut |s| {
                w.write_record(acled_row(&s)).map_err(csv_err)
            })?;
            w.flush().map_err(StoreError::Io)?;
            Ok(n)
        }
        Format::Jsonl => {
            let mut w = std::io::BufWriter::new(out);
            let n = store.for_each_event(filter, &mut |s| {
                serde_json::to_writer(&mut w, &event_json(&s)).map_err(json_err("jsonl"))?;
                w.write_all(b"\n").map_err(StoreError::Io)
            })?;
            w.flush().map_err(StoreError::Io)?;
            Ok(n)
        }
        Format::GeoJson => {
            let mut w = std::io::BufWriter::new(out);
            w.write_all(b"{\"type\":\"FeatureCollection\",\"features\":[\n")
                .map_err(StoreError::Io)?;
            let mut written = 0u64;
            store.for_each_event(filter, &mut |s| {
                let Some(f) = feature(&s) else {
                    return Ok(());
                };
                if written > 0 {
                    w.write_all(b",\n").map_err(StoreError::Io)?;
                }
                serde_json::to_writer(&mut w, &f).map_err(json_err("geojson"))?;
                written += 1;
                Ok(())
            })?;
            w.write_all(b"\n]}\n").map_err(StoreError::Io)?;
            w.flush().map_err(StoreError::Io)?;
            Ok(written)
        }
        Format::Parquet => parquet_export(store, filter, out),
    }
}

/// A GeoJSON point feature with flat properties (nested values as JSON
/// text, evidence left out) so desktop GIS reads every attribute.
pub fn feature(s: &StoredEvent) -> Option<Value> {
    let (lat, lon) = (s.event.latitude?, s.event.longitude?);
    if !lat.is_finite() || !lon.is_finite() {
        return None;
    }
    let mut props = Map::new();
    if let Value::Object(m) = event_json(s) {
        for (k, v) in m {
            match (k.as_str(), v) {
                ("evidence", _) => {}
                (_, v @ (Value::Object(_) | Value::Array(_))) => {
                    props.insert(k, Value::String(v.to_string()));
                }
                (_, v) => {
                    props.insert(k, v);
                }
            }
        }
    }
    Some(json!({
        "type": "Feature",
        "id": s.event.event_id,
        "geometry": {"type": "Point", "coordinates": [lon, lat]},
        "properties": props,
    }))
}

#[cfg(not(feature = "parquet"))]
fn parquet_export<W: Write + Send>(
    _store: &dyn Store,
    _filter: &Filter,
    _out: W,
) -> Result<u64, StoreError> {
    Err(StoreError::Export {
        format: "parquet",
        reason: "this build has no Parquet support (cargo feature `parquet`)".into(),
    })
}

#[cfg(feature = "parquet")]
fn parquet_export<W: Write + Send>(
    store: &dyn Store,
    filter: &Filter,
    out: W,
) -> Result<u64, StoreError> {
    parquet_out::write(store, filter, out)
}

#[cfg(feature = "parquet")]
mod parquet_out {
    //! Parquet through arrow record batches, zstd-compressed.

    use std::io::Write;
    use std::sync::Arc;

    use arrow_array::builder::{
        BooleanBuilder, Date32Builder, Float32Builder, Float64Builder, Int32Builder, Int64Builder,
        StringBuilder,
    };
    use arrow_array::{ArrayRef, RecordBatch};
    use arrow_schema::{DataType, Field, Schema};
    use parquet::arrow::ArrowWriter;
    use parquet::basic::{Compression, ZstdLevel};
    use parquet::file::properties::WriterProperties;

    use crate::{Filter, Store, StoreError, StoredEvent};

    const BATCH: usize = 8_192;

    fn err(e: impl std::fmt::Display) -> StoreError {
        StoreError::Export {
            format: "parquet",
            reason: e.to_string(),
        }
    }

    fn schema() -> Arc<Schema> {
        let s = |n: &str| Field::new(n, DataType::Utf8, false);
        let os = |n: &str| Field::new(n, DataType::Utf8, true);
        Arc::new(Schema::new(vec![
            s("event_id"),
            Field::new("event_date", DataType::Date32, true),
            s("date_precision"),
            s("disorder_type"),
            s("event_type"),
            s("sub_event_type"),
            s("actor1"),
            s("assoc_actor_1"),
            Field::new("inter1", DataType::Int32, false),
            s("actor2"),
            s("assoc_actor_2"),
            Field::new("inter2", DataType::Int32, false),
            Field::new("interaction", DataType::Int32, false),
            Field::new("civilian_targeting", DataType::Boolean, false),
            s("iso3"),
            s("country"),
            s("admin1"),
            s("admin2"),
            s("location"),
            Field::new("latitude", DataType::Float64, true),
            Field::new("longitude", DataType::Float64, true),
            Field::new("geo_precision", DataType::Int32, false),
            Field::new("fatalities", DataType::Int64, true),
            s("fatalities_qualifier"),
            s("fatalities_by_group"),
            Field::new("injured", DataType::Int64, true),
            os("claimed_by"),
            os("source_attribution"),
            Field::new("is_period_total", DataType::Boolean, false),
            s("notes"),
            Field::new("confidence", DataType::Float32, false),
            Field::new("n_reports", DataType::Int32, false),
            s("doc_ids"),
            s("sources"),
        ]))
    }

    #[derive(Default)]
    struct Builders {
        event_id: StringBuilder,
        event_date: Date32Builder,
        date_precision: StringBuilder,
        disorder_type: StringBuilder,
        event_type: StringBuilder,
        sub_event_type: StringBuilder,
        actor1: StringBuilder,
        assoc_actor_1: StringBuilder,
        inter1: Int32Builder,
        actor2: StringBuilder,
        assoc_actor_2: StringBuilder,
        inter2: Int32Builder,
        interaction: Int32Builder,
        civilian_targeting: BooleanBuilder,
        iso3: StringBuilder,
        country: StringBuilder,
        admin1: StringBuilder,
        admin2: StringBuilder,
        location: StringBuilder,
        latitude: Float64Builder,
        longitude: Float64Builder,
        geo_precision: Int32Builder,
        fatalities: Int64Builder,
        fatalities_qualifier: StringBuilder,
        fatalities_by_group: StringBuilder,
        injured: Int64Builder,
        claimed_by: StringBuilder,
        source_attribution: StringBuilder,
        is_period_total: BooleanBuilder,
        notes: StringBuilder,
        confidence: Float32Builder,
        n_reports: Int32Builder,
        doc_ids: StringBuilder,
        sources: StringBuilder,
        rows: usize,
    }

    const EPOCH_CE_DAYS: i32 = 719_163; // 1970-01-01 in days from CE

    impl Builders {
        fn push(&mut self, s: &StoredEvent) {
            let e = &s.event;
            self.event_id.append_value(&e.event_id);
            self.event_date.append_option(
                e.event_date
                    .map(|d| chrono::Datelike::num_days_from_ce(&d) - EPOCH_CE_DAYS),
            );
            self.date_precision.append_value(e.date_precision.as_str());
            self.disorder_type.append_value(e.disorder_type.as_str());
            self.event_type.append_value(e.event_type.as_str());
            self.sub_event_type.append_value(e.sub_event_type.as_str());
            self.actor1.append_value(&e.actor1);
            self.assoc_actor_1.append_value(&e.assoc_actor_1);
            self.inter1.append_value(i32::from(e.inter1.code()));
            self.actor2.append_value(&e.actor2);
            self.assoc_actor_2.append_value(&e.assoc_actor_2);
            self.inter2.append_value(i32::from(e.inter2.code()));
            self.interaction.append_value(i32::from(e.interaction));
            self.civilian_targeting.append_value(e.civilian_targeting);
            self.iso3.append_value(&e.iso3);
            self.country.append_value(&e.country);
            self.admin1.append_value(&e.admin1);
            self.admin2.append_value(&e.admin2);
            self.location.append_value(&e.location);
            self.latitude.append_option(e.latitude);
            self.longitude.append_option(e.longitude);
            self.geo_precision.append_value(i32::from(e.geo_precision));
            self.fatalities.append_option(e.fatalities.map(i64::from));
            self.fatalities_qualifier
                .append_value(e.fatalities_qualifier.as_str());
            self.fatalities_by_group
                .append_value(serde_json::to_string(&e.fatalities_by_group).unwrap_or_default());
            self.injured.append_option(e.injured.map(i64::from));
            self.claimed_by.append_option(e.claimed_by.as_deref());
            self.source_attribution
                .append_option(e.source_attribution.as_deref());
            self.is_period_total.append_value(e.is_period_total);
            self.notes.append_value(&e.notes);
            self.confidence.append_value(e.confidence);
            self.n_reports.append_value(s.n_reports as i32);
            self.doc_ids.append_value(s.doc_ids.join(";"));
            self.sources.append_value(&s.sources);
            self.rows += 1;
        }

        fn finish(&mut self, schema: &Arc<Schema>) -> Result<RecordBatch, StoreError> {
            let cols: Vec<ArrayRef> = vec![
                Arc::new(self.event_id.finish()),
                Arc::new(self.event_date.finish()),
                Arc::new(self.date_precision.finish()),
                Arc::new(self.disorder_type.finish()),
                Arc::new(self.event_type.finish()),
                Arc::new(self.sub_event_type.finish()),
                Arc::new(self.actor1.finish()),
                Arc::new(self.assoc_actor_1.finish()),
                Arc::new(self.inter1.finish()),
                Arc::new(self.actor2.finish()),
                Arc::new(self.assoc_actor_2.finish()),
                Arc::new(self.inter2.finish()),
                Arc::new(self.interaction.finish()),
                Arc::new(self.civilian_targeting.finish()),
                Arc::new(self.iso3.finish()),
                Arc::new(self.country.finish()),
                Arc::new(self.admin1.finish()),
                Arc::new(self.admin2.finish()),
                Arc::new(self.location.finish()),
                Arc::new(self.latitude.finish()),
                Arc::new(self.longitude.finish()),
                Arc::new(self.geo_precision.finish()),
                Arc::new(self.fatalities.finish()),
                Arc::new(self.fatalities_qualifier.finish()),
                Arc::new(self.fatalities_by_group.finish()),
                Arc::new(self.injured.finish()),
                Arc::new(self.claimed_by.finish()),
                Arc::new(self.source_attribution.finish()),
                Arc::new(self.is_period_total.finish()),
                Arc::new(self.notes.finish()),
                Arc::new(self.confidence.finish()),
                Arc::new(self.n_reports.finish()),
                Arc::new(self.doc_ids.finish()),
                Arc::new(self.sources.finish()),
            ];
            self.rows = 0;
            RecordBatch::try_new(schema.clone(), cols).map_err(err)
        }
    }

    pub(super) fn write<W: Write + Send>(
        store: &dyn Store,
        filter: &Filter,
        out: W,
    ) -> Result<u64, StoreError> {
        let schema = schema();
        let props = WriterProperties::builder()
            .set_compression(Compression::ZSTD(ZstdLevel::try_new(3).map_err(err)?))
            .build();
        let mut writer = ArrowWriter::try_new(out, schema.clone(), Some(props)).map_err(err)?;
        let mut b = Builders::default();
        let n = store.for_each_event(filter, &mut |s| {
            b.push(&s);
            if b.rows >= BATCH {
                let batch = b.finish(&schema)?;
                writer.write(&batch).map_err(err)?;
            }
            Ok(())
        })?;
        if b.rows > 0 {
            let batch = b.finish(&schema)?;
            writer.write(&batch).map_err(err)?;
        }
        writer.close().map_err(err)?;
        Ok(n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn country_table_is_well_formed() {
        let text = include_str!("../data/countries.tsv");
        let data_lines = text
            .lines()
            .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
            .count();
        assert_eq!(COUNTRIES.len(), data_lines, "a line failed to parse");
        let mli = country("mli").unwrap();
        assert_eq!(mli.numeric, 466);
        assert_eq!(mli.region, "Western Africa");
        assert!(country("XXX").is_none());
        assert_eq!(iso3_of("mli"), Some("MLI"));
        assert_eq!(iso3_of(" burkina faso "), Some("BFA"));
        assert_eq!(iso3_of("Atlantis"), None);
    }

    #[test]
    fn formats_parse() {
        assert_eq!(Format::parse("acled-csv"), Some(Format::AcledCsv));
        assert_eq!(Format::parse("GeoJSON"), Some(Format::GeoJson));
        assert_eq!(Format::parse("xml"), None);
    }
}
