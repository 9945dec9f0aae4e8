//! Export formats: ACLED CSV columns, GeoJSON geometry, JSON lines that
//! read back as events, Parquet files.

use rasd_model::{FatalityQualifier::*, SubEventType::*};
use rasd_store::export::{export, Format, ACLED_COLUMNS};
use rasd_store::{Filter, Store};

use crate::common::*;

fn load(s: &dyn Store) {
    s.ingest_batch(vec![
        (
            doc(
                "x1",
                "2024-03-02 08:00",
                "Clash in Menaka, three soldiers killed.",
            ),
            vec![R::new(ArmedClash, "2024-03-01", &MENAKA)
                .actors(JNIM, FAMA)
                .dead(3, Exact)
                .notes("Clash between JNIM and the army in Menaka, 3 soldiers killed.")
                .e()],
        ),
        (
            doc(
                "x2",
                "2024-03-02 09:00",
                "Soldiers died in a clash at Menaka, \"three\" say sources.",
            ),
            vec![R::new(ArmedClash, "2024-03-01", &MENAKA)
                .actors("", FAMA)
                .dead(3, Exact)
                .e()],
        ),
        (
            doc(
                "x3",
                "2024-03-05 09:00",
                "Unrest somewhere in the Gao region.",
            ),
            vec![R::new(PeacefulProtest, "2024-03-04", &GAO).no_coords().e()],
        ),
    ])
    .unwrap();
}

fn run(s: &dyn Store, f: Format) -> Vec<u8> {
    let mut out = Vec::new();
    export(s, &Filter::default(), f, &mut out).unwrap();
    out
}

store_test!(acled_csv_has_acled_columns_in_order, |s: &dyn Store| {
    load(s);
    let out = run(s, Format::AcledCsv);
    let mut r = csv::Reader::from_reader(out.as_slice());
    let header: Vec<String> = r.headers().unwrap().iter().map(String::from).collect();
    assert_eq!(header, ACLED_COLUMNS);
    assert_eq!(header.len(), 31);
    let rows: Vec<csv::StringRecord> = r.records().map(|x| x.unwrap()).collect();
    assert_eq!(rows.len(), 2);
    let col = |row: &csv::StringRecord, name: &str| {
        row[ACLED_COLUMNS.iter().position(|c| *c == name).unwrap()].to_string()
    };
    let clash = rows
        .iter()
        .find(|r| col(r, "event_type") == "Battles")
        .unwrap();
    assert_eq!(col(clash, "event_date"), "2024-03-01");
    assert_eq!(col(clash, "year"), "2024");
    assert_eq!(col(clash, "time_precision"), "1");
    assert_eq!(col(clash, "disorder_type"), "Political violence");
    assert_eq!(col(clash, "actor1"), JNIM);
    assert_eq!(col(clash, "inter1"), "2");
    assert_eq!(col(clash, "inter2"), "1");
    assert_eq!(col(clash, "interaction"), "12");
    assert_eq!(col(clash, "iso"), "466");
    assert_eq!(col(clash, "region"), "Western Africa");
    assert_eq!(col(clash, "country"), "Mali");
    assert_eq!(col(clash, "latitude"), "15.9180");
    assert_eq!(col(clash, "longitude"), "2.4020");
    assert_eq!(col(clash, "fatalities"), "3");
    assert_eq!(col(clash, "source"), "news.example.org");
    assert!(col(clash, "timestamp").parse::<i64>().unwrap() > 1_700_000_000);
    let protest = rows
        .iter()
        .find(|r| col(r, "event_type") == "Protests")
        .unwrap();
    assert_eq!(col(protest, "latitude"), "");
    assert_eq!(col(protest, "fatalities"), "0");
});

store_test!(geojson_points_are_lon_lat, |s: &dyn Store| {
    load(s);
    let out = run(s, Format::GeoJson);
    let v: serde_json::Value = serde_json::from_slice(&out).unwrap();
    assert_eq!(v["type"], "FeatureCollection");
    let feats = v["features"].as_array().unwrap();
    // The protest has no coordinates and is left out.
    assert_eq!(feats.len(), 1);
    let f = &feats[0];
    assert_eq!(f["geometry"]["type"], "Point");
    assert_eq!(f["geometry"]["coordinates"][0], 2.402);
    assert_eq!(f["geometry"]["coordinates"][1], 15.918);
    assert_eq!(f["properties"]["n_reports"], 2);
    assert!(f["properties"]["doc_ids"].is_string());
    assert!(f["properties"].get("evidence").is_none());
});

store_test!(jsonl_reads_back_as_events, |s: &dyn Store| {
    load(s);
    let out = run(s, Format::Jsonl);
    let text = String::from_utf8(out).unwrap();
    let events: Vec<rasd_model::Event> = text
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(events.len(), 2);
    let stored = s.query(&Filter::default()).unwrap();
    for e in &events {
        assert!(stored.iter().any(|s| s.event == *e));
    }
});

#[cfg(feature = "parquet")]
store_test!(parquet_files_are_written, |s: &dyn Store| {
    load(s);
    let out = run(s, Format::Parquet);
    assert_eq!(&out[..4], b"PAR1");
    assert_eq!(&out[out.len() - 4..], b"PAR1");
    // Read it back as a reader would: one row per stored event, with the
    // ACLED-named columns.
    use parquet::file::reader::{FileReader, SerializedFileReader};
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("events.parquet");
    std::fs::write(&path, &out).unwrap();
    let reader = SerializedFileReader::new(std::fs::File::open(&path).unwrap()).unwrap();
    let meta = reader.metadata().file_metadata();
    let expected = s.count(&Filter::default()).unwrap();
    assert!(expected > 0);
    assert_eq!(meta.num_rows() as u64, expected);
    let columns: Vec<String> = meta
        .schema_descr()
        .columns()
        .iter()
        .map(|c| c.name().to_string())
        .collect();
    for name in [
        "event_date",
        "event_type",
        "actor1",
        "fatalities",
        "latitude",
    ] {
        assert!(columns.iter().any(|c| c == name), "{name} in {columns:?}");
    }
});

#[cfg(not(feature = "parquet"))]
store_test!(
    parquet_without_the_feature_is_a_clear_error,
    |s: &dyn Store| {
        let mut out = Vec::new();
        let err = export(s, &Filter::default(), Format::Parquet, &mut out).unwrap_err();
        assert!(err.to_string().contains("parquet"), "{err}");
    }
);
