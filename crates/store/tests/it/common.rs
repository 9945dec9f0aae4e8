//! Fixtures: a store per test on each backend, and builders for documents
//! and reports written for these tests.

use std::sync::Arc;

use chrono::{NaiveDate, NaiveDateTime};
use rasd_model::{Document, Event, FatalityQualifier, Inter, SubEventType};
use rasd_store::Store;

/// Runs the body on a fresh SQLite store, and on a fresh PostgreSQL schema
/// when `RASD_TEST_PG_URL` is set.
macro_rules! store_test {
    ($name:ident, $body:expr) => {
        mod $name {
            #[allow(unused_imports)]
            use super::*;

            #[test]
            fn sqlite() {
                let db = $crate::common::TestDb::sqlite();
                let body: fn(&dyn rasd_store::Store) = $body;
                body(db.store());
            }

            #[test]
            fn postgres() {
                let Some(db) = $crate::common::TestDb::postgres(concat!(
                    module_path!(),
                    "::",
                    stringify!($name)
                )) else {
                    eprintln!("RASD_TEST_PG_URL not set: PostgreSQL run skipped");
                    return;
                };
                let body: fn(&dyn rasd_store::Store) = $body;
                body(db.store());
            }
        }
    };
}

pub fn pg_url() -> Option<String> {
    std::env::var("RASD_TEST_PG_URL")
        .ok()
        .filter(|s| !s.trim().is_empty())
}

/// A store that cleans up after itself.
pub struct TestDb {
    store: Option<Arc<dyn Store>>,
    _dir: Option<tempfile::TempDir>,
    pg_schema: Option<(String, String)>,
}

impl TestDb {
    pub fn sqlite() -> TestDb {
        let dir = tempfile::tempdir().unwrap();
        let store = rasd_store::open_sqlite(&dir.path().join("test.db")).unwrap();
        TestDb {
            store: Some(store),
            _dir: Some(dir),
            pg_schema: None,
        }
    }

    /// A schema named after the test (and process), dropped first and
    /// after.
    pub fn postgres(test: &str) -> Option<TestDb> {
        let url = pg_url()?;
        let schema = schema_name(test);
        drop_schema(&url, &schema);
        let store = rasd_store::open_postgres_in_schema(&url, &schema).unwrap();
        Some(TestDb {
            store: Some(store),
            _dir: None,
            pg_schema: Some((url, schema)),
        })
    }

    pub fn store(&self) -> &dyn Store {
        self.store.as_deref().unwrap()
    }
}

pub fn schema_name(test: &str) -> String {
    let mut s: String = test
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '_'
            }
        })
        .collect();
    // PostgreSQL truncates identifiers at 63 bytes; keep the distinct tail.
    if s.len() > 48 {
        s = s[s.len() - 48..].to_string();
    }
    format!("t{}_{}", std::process::id(), s)
}

pub fn drop_schema(url: &str, schema: &str) {
    if let Ok(mut c) = postgres::Client::connect(url, postgres::NoTls) {
        let _ = c.batch_execute(&format!("DROP SCHEMA IF EXISTS {schema} CASCADE"));
    }
}

impl Drop for TestDb {
    fn drop(&mut self) {
        self.store.take();
        if let Some((url, schema)) = &self.pg_schema {
            drop_schema(url, schema);
        }
    }
}

pub fn date(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

pub fn doc(id: &str, published: &str, text: &str) -> Document {
    Document {
        id: id.into(),
        url: Some(format!("https://news.example.org/{id}")),
        title: Some(format!("Report {id}")),
        published: Some(NaiveDateTime::parse_from_str(published, "%Y-%m-%d %H:%M").unwrap()),
        lang: None,
        text: text.into(),
        body: Vec::new(),
    }
}

/// Places used by the fixtures (coordinates rounded from public
/// gazetteers).
pub struct Place {
    pub iso3: &'static str,
    pub country: &'static str,
    pub admin1: &'static str,
    pub location: &'static str,
    pub lat: f64,
    pub lon: f64,
}

pub const MENAKA: Place = Place {
    iso3: "MLI",
    country: "Mali",
    admin1: "Menaka",
    location: "Menaka",
    lat: 15.918,
    lon: 2.402,
};
/// About 11 km from Menaka town.
pub const MENAKA_OUTSKIRTS: Place = Place {
    iso3: "MLI",
    country: "Mali",
    admin1: "Menaka",
    location: "Inekar road",
    lat: 15.95,
    lon: 2.30,
};
/// About 30 km from Menaka town.
pub const MENAKA_30KM: Place = Place {
    iso3: "MLI",
    country: "Mali",
    admin1: "Menaka",
    location: "Tinfadimata",
    lat: 15.90,
    lon: 2.12,
};
pub const GAO: Place = Place {
    iso3: "MLI",
    country: "Mali",
    admin1: "Gao",
    location: "Gao",
    lat: 16.27,
    lon: -0.04,
};
pub const DJIBO: Place = Place {
    iso3: "BFA",
    country: "Burkina Faso",
    admin1: "Sahel",
    location: "Djibo",
    lat: 14.10,
    lon: -1.63,
};

pub const JNIM: &str = "JNIM: Group for Support of Islam and Muslims";
pub const ISSP: &str = "Islamic State Sahel Province";
pub const FAMA: &str = "Military Forces of Mali";

/// A report builder with sensible defaults.
pub struct R(pub Event);

impl R {
    pub fn new(sub: SubEventType, day: &str, p: &Place) -> R {
        let mut e = Event::new("", sub);
        e.event_date = Some(date(day));
        e.iso3 = p.iso3.into();
        e.country = p.country.into();
        e.admin1 = p.admin1.into();
        e.location = p.location.into();
        e.latitude = Some(p.lat);
        e.longitude = Some(p.lon);
        e.geo_precision = 1;
        e.confidence = 0.6;
        R(e)
    }
    pub fn actors(mut self, a1: &str, a2: &str) -> R {
        self.0.actor1 = a1.into();
        self.0.actor2 = a2.into();
        self.0.inter1 = if a1.is_empty() {
            Inter::None
        } else {
            Inter::RebelGroup
        };
        self.0.inter2 = if a2.is_empty() {
            Inter::None
        } else {
            Inter::StateForces
        };
        self.0.interaction = Inter::interaction(self.0.inter1, self.0.inter2);
        self
    }
    pub fn dead(mut self, n: u32, q: FatalityQualifier) -> R {
        self.0.fatalities = Some(n);
        self.0.fatalities_qualifier = q;
        self
    }
    pub fn no_coords(mut self) -> R {
        self.0.latitude = None;
        self.0.longitude = None;
        self
    }
    pub fn region_only(mut self) -> R {
        self.0.location = String::new();
        self.0.geo_precision = 3;
        self
    }
    pub fn precision(mut self, p: rasd_model::DatePrecision) -> R {
        self.0.date_precision = p;
        self
    }
    pub fn period_total(mut self) -> R {
        self.0.is_period_total = true;
        self
    }
    pub fn attributed(mut self, who: &str) -> R {
        self.0.source_attribution = Some(who.into());
        self
    }
    pub fn notes(mut self, n: &str) -> R {
        self.0.notes = n.into();
        self
    }
    pub fn e(self) -> Event {
        self.0
    }
}

/// Ingests documents each with its reports; returns the merged event id of
/// every report, in order.
pub fn ingest_all(s: &dyn Store, items: Vec<(Document, Vec<Event>)>) -> Vec<String> {
    let mut ids = Vec::new();
    for (d, evs) in items {
        let n = evs.len();
        s.ingest(&d, evs).unwrap();
        let stored = s.document(&d.id).unwrap().unwrap();
        assert_eq!(stored.reports.len(), n);
        for r in stored.reports {
            ids.push(s.event(&r).unwrap().unwrap().event.event_id);
        }
    }
    ids
}
