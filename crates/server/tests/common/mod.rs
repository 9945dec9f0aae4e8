//! Shared test helpers: hand-made events, a store in a temp dir, a server
//! on 127.0.0.1:0 that stops through a channel.

#![allow(dead_code)]

use std::net::SocketAddr;
use std::sync::Arc;

use chrono::NaiveDate;
use rasd_model::{Document, Event, FatalityQualifier, Inter, Span, SubEventType};
use rasd_server::{AppState, CodeFn, Config};
use rasd_store::Store;

pub const TOKEN: &str = "test-token-0123456789abcdef";

/// A hand-made event of a document.
#[allow(clippy::too_many_arguments)]
pub fn event(
    doc: &Document,
    n: usize,
    sub: SubEventType,
    date: &str,
    (iso3, country, admin1, location): (&str, &str, &str, &str),
    (lat, lon): (f64, f64),
    actor1: &str,
    fatalities: u32,
) -> Event {
    let mut e = Event::new(doc.id.clone(), sub);
    e.event_id = rasd_model::event_id(&doc.id, &n.to_string());
    e.event_date = NaiveDate::parse_from_str(date, "%Y-%m-%d").ok();
    e.iso3 = iso3.into();
    e.country = country.into();
    e.admin1 = admin1.into();
    e.location = location.into();
    e.latitude = Some(lat);
    e.longitude = Some(lon);
    e.actor1 = actor1.into();
    e.inter1 = Inter::RebelGroup;
    e.interaction = 20;
    e.fatalities = Some(fatalities);
    e.fatalities_qualifier = FatalityQualifier::Exact;
    e.confidence = 0.7;
    e
}

/// Adds evidence for `field` on the first occurrence of `quote`.
pub fn cite(e: &mut Event, doc: &Document, field: &str, quote: &str) {
    let start = doc.text.find(quote).expect("quote in text");
    e.add_evidence(field, Span::new(start, start + quote.len()));
}

pub fn doc(id: &str, lang: &str, title: &str, text: &str, published: &str) -> Document {
    Document {
        id: id.into(),
        url: Some(format!("https://news.example/{id}")),
        title: Some(title.into()),
        published: chrono::NaiveDateTime::parse_from_str(published, "%Y-%m-%dT%H:%M:%S").ok(),
        lang: rasd_model::Language::from_code(lang),
        text: text.into(),
        body: Vec::new(),
    }
}

/// Four documents, five events in Mali, Niger and Sudan over three months.
pub fn fixture() -> Vec<(Document, Vec<Event>)> {
    use SubEventType::*;
    let d1 = doc(
        "t-ar-1",
        "ar",
        "اشتباك في منطقة غاو",
        "قالت مصادر أمنية إن اشتباكا عنيفا وقع قرب مدينة غاو يوم الخميس وأسفر عن مقتل خمسة مسلحين.",
        "2024-01-12T10:00:00",
    );
    let mut e1 = event(
        &d1,
        0,
        ArmedClash,
        "2024-01-11",
        ("MLI", "Mali", "Gao", "Gao"),
        (16.27, -0.04),
        "JNIM: Group for Support of Islam and Muslims",
        5,
    );
    cite(&mut e1, &d1, "event_type", "اشتباكا");
    cite(&mut e1, &d1, "location", "غاو");
    cite(&mut e1, &d1, "fatalities", "مقتل خمسة مسلحين");
    let d2 = doc(
        "t-en-2",
        "en",
        "Drone strike near Menaka",
        "A drone strike near Menaka killed nine fighters on Sunday, the army said. Another strike hit Tessit later that week and killed two.",
        "2024-02-05T08:00:00",
    );
    let mut e2 = event(
        &d2,
        0,
        AirDroneStrike,
        "2024-02-04",
        ("MLI", "Mali", "Menaka", "Menaka"),
        (15.92, 2.40),
        "Military Forces of Mali",
        9,
    );
    cite(&mut e2, &d2, "event_type", "drone strike");
    cite(&mut e2, &d2, "location", "Menaka");
    let mut e3 = event(
        &d2,
        1,
        AirDroneStrike,
        "2024-02-08",
        ("MLI", "Mali", "Gao", "Tessit"),
        (15.22, -0.30),
        "Military Forces of Mali",
        2,
    );
    cite(&mut e3, &d2, "location", "Tessit");
    let d3 = doc(
        "t-fr-3",
        "fr",
        "Manifestation à Niamey",
        "Des centaines de personnes ont manifesté samedi à Niamey contre la vie chère.",
        "2024-03-02T18:00:00",
    );
    let e4 = event(
        &d3,
        0,
        PeacefulProtest,
        "2024-03-02",
        ("NER", "Niger", "Niamey", "Niamey"),
        (13.51, 2.11),
        "Protesters (Niger)",
        0,
    );
    let d4 = doc(
        "t-ar-4",
        "ar",
        "قصف على الفاشر",
        "قصفت قوات الدعم السريع أحياء في الفاشر يوم الاثنين ما أدى إلى مقتل ثمانية مدنيين.",
        "2024-03-19T21:00:00",
    );
    let mut e5 = event(
        &d4,
        0,
        ShellingArtilleryMissileAttack,
        "2024-03-18",
        ("SDN", "Sudan", "North Darfur", "El Fasher"),
        (13.63, 25.35),
        "Rapid Support Forces",
        8,
    );
    cite(&mut e5, &d4, "actor1", "قوات الدعم السريع");
    cite(&mut e5, &d4, "location", "الفاشر");
    vec![
        (d1, vec![e1]),
        (d2, vec![e2, e3]),
        (d3, vec![e4]),
        (d4, vec![e5]),
    ]
}

/// A coder for posted documents: one Battles event in Gao when the text
/// says "Gao" or "غاو", else nothing.
pub fn test_coder() -> CodeFn {
    Arc::new(|d: &Document| {
        if !(d.text.contains("Gao") || d.text.contains("غاو")) {
            return Vec::new();
        }
        let mut e = event(
            d,
            0,
            SubEventType::ArmedClash,
            "2024-04-01",
            ("MLI", "Mali", "Gao", "Gao"),
            (16.27, -0.04),
            "Unidentified Armed Group (Mali)",
            1,
        );
        e.notes = d.title.clone().unwrap_or_default();
        if let Some(at) = d.text.find("Gao").or_else(|| d.text.find("غاو")) {
            let len = if d.text[at..].starts_with("Gao") {
                3
            } else {
                "غاو".len()
            };
            e.add_evidence("location", Span::new(at, at + len));
        }
        vec![e]
    })
}

pub struct TestServer {
    pub base: String,
    pub addr: SocketAddr,
    pub store: Arc<dyn Store>,
    stop: Option<tokio::sync::oneshot::Sender<()>>,
    task: Option<tokio::task::JoinHandle<std::io::Result<()>>>,
    _dir: tempfile::TempDir,
}

impl TestServer {
    /// A server over a fresh SQLite store filled with `fixture()`.
    pub async fn start(config: Config) -> TestServer {
        TestServer::start_with(config, fixture()).await
    }

    pub async fn start_with(config: Config, data: Vec<(Document, Vec<Event>)>) -> TestServer {
        let dir = tempfile::tempdir().unwrap();
        let store = rasd_store::open_sqlite(&dir.path().join("t.db")).unwrap();
        if !data.is_empty() {
            store.ingest_batch(data).unwrap();
        }
        let state = AppState::new(store.clone(), test_coder(), config);
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        let (tx, rx) = tokio::sync::oneshot::channel::<()>();
        let task = tokio::spawn(rasd_server::serve(listener, state, async {
            let _ = rx.await;
        }));
        TestServer {
            base: format!("http://{addr}"),
            addr,
            store,
            stop: Some(tx),
            task: Some(task),
            _dir: dir,
        }
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    /// Stops the server and waits for it to finish.
    pub async fn stop(mut self) {
        if let Some(tx) = self.stop.take() {
            let _ = tx.send(());
        }
        if let Some(task) = self.task.take() {
            task.await.unwrap().unwrap();
        }
    }
}

pub fn with_token() -> Config {
    Config {
        token: Some(TOKEN.into()),
        rate_limit: None,
        ..Config::default()
    }
}
