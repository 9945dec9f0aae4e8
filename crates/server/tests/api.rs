//! API integration tests: a real server on 127.0.0.1:0 over a SQLite store
//! filled with hand-made events, asked over HTTP.

mod common;

use common::{TestServer, TOKEN};
use rasd_server::{Config, RateLimit};
use reqwest::StatusCode;
use serde_json::{json, Value};

/// POST /api/documents, the request finished by `with`.
async fn post_documents(
    s: &TestServer,
    with: impl FnOnce(reqwest::RequestBuilder) -> reqwest::RequestBuilder,
) -> reqwest::Response {
    let request = reqwest::Client::new().post(s.url("/api/documents"));
    with(request).send().await.unwrap()
}

async fn get(s: &TestServer, path: &str) -> (StatusCode, Value) {
    let r = reqwest::get(s.url(path)).await.unwrap();
    let status = r.status();
    (status, r.json().await.unwrap())
}

fn ids(v: &Value) -> Vec<String> {
    v["events"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["location"].as_str().unwrap().to_string())
        .collect()
}

#[tokio::test]
async fn health_and_version() {
    let s = TestServer::start(Config::default()).await;
    let (st, h) = get(&s, "/api/health").await;
    assert_eq!(st, 200);
    assert_eq!(h["status"], "ok");
    assert_eq!(h["events"], 5);
    assert_eq!(h["documents"], 4);
    let (_, v) = get(&s, "/api/version").await;
    assert_eq!(v["version"], env!("CARGO_PKG_VERSION"));
    assert_eq!(v["writes_enabled"], false);
    s.stop().await;
}

#[tokio::test]
async fn events_filters_and_pages() {
    let s = TestServer::start(Config::default()).await;
    let (st, all) = get(&s, "/api/events").await;
    assert_eq!(st, 200);
    assert_eq!(all["total"], 5);
    // Newest first.
    assert_eq!(
        ids(&all),
        ["El Fasher", "Niamey", "Tessit", "Menaka", "Gao"]
    );

    let (_, p) = get(&s, "/api/events?limit=2&offset=2").await;
    assert_eq!(p["total"], 5);
    assert_eq!(ids(&p), ["Tessit", "Menaka"]);

    let cases: &[(&str, &[&str])] = &[
        ("country=MLI", &["Tessit", "Menaka", "Gao"]),
        ("country=mali&admin1=gao", &["Tessit", "Gao"]),
        ("location=Niamey", &["Niamey"]),
        ("actor=JNIM&actor=Rapid", &["El Fasher", "Gao"]),
        (
            "type=Explosions%2FRemote%20violence",
            &["El Fasher", "Tessit", "Menaka"],
        ),
        ("sub_type=Air%2Fdrone%20strike", &["Tessit", "Menaka"]),
        ("from=2024-02-01&to=2024-02-29", &["Tessit", "Menaka"]),
        ("min_fatalities=8", &["El Fasher", "Menaka"]),
        ("near=16.0,0.0&radius_km=60", &["Gao"]),
        // Free text over the source documents, Arabic and English.
        ("text=%D8%A7%D9%84%D9%81%D8%A7%D8%B4%D8%B1", &["El Fasher"]),
        ("text=drone%20army", &["Tessit", "Menaka"]),
        (
            "country=",
            &["El Fasher", "Niamey", "Tessit", "Menaka", "Gao"],
        ),
    ];
    for (q, want) in cases {
        let (st, v) = get(&s, &format!("/api/events?{q}")).await;
        assert_eq!(st, 200, "{q}: {v}");
        assert_eq!(ids(&v), *want, "{q}");
        assert_eq!(v["total"], want.len(), "{q}");
    }
    s.stop().await;
}

#[tokio::test]
async fn bad_parameters_are_named() {
    let s = TestServer::start(Config::default()).await;
    for (q, word) in [
        ("contry=MLI", "contry"),
        ("from=last%20week", "from"),
        ("type=Skirmish", "Skirmish"),
        ("limit=100000", "limit"),
        ("limit=-1", "limit"),
        ("near=95,0&radius_km=3", "near"),
        ("near=1,1", "radius_km"),
        ("period_totals=maybe", "period_totals"),
    ] {
        let (st, v) = get(&s, &format!("/api/events?{q}")).await;
        assert_eq!(st, 400, "{q}");
        assert_eq!(v["status"], 400);
        assert!(v["error"].as_str().unwrap().contains(word), "{q}: {v}");
    }
    let (st, v) = get(&s, "/api/stats?by=colour").await;
    assert_eq!(st, 400);
    assert!(v["error"].as_str().unwrap().contains("colour"));
    s.stop().await;
}

#[tokio::test]
async fn one_event_with_reports_and_evidence_offsets() {
    let s = TestServer::start(Config::default()).await;
    let (_, all) = get(&s, "/api/events?location=El%20Fasher").await;
    let id = all["events"][0]["event_id"].as_str().unwrap().to_string();
    let (st, ev) = get(&s, &format!("/api/events/{id}")).await;
    assert_eq!(st, 200);
    assert_eq!(ev["event"]["event_id"], id.as_str());
    assert_eq!(ev["event"]["fatalities"], 8);
    let reports = ev["reports"].as_array().unwrap();
    assert_eq!(reports.len(), 1);
    assert_eq!(reports[0]["doc_id"], "t-ar-4");
    assert_eq!(reports[0]["doc_title"], "قصف على الفاشر");

    let report = reports[0]["report_id"].as_str().unwrap();
    let (st, doc) = get(&s, &format!("/api/documents/t-ar-4?report={report}")).await;
    assert_eq!(st, 200);
    let text = doc["text"].as_str().unwrap();
    let units: Vec<u16> = text.encode_utf16().collect();
    let ev = doc["evidence"].as_array().unwrap();
    assert_eq!(ev.len(), 2);
    for span in ev {
        // What JavaScript's slice(utf16_start, utf16_end) returns is the
        // text under the byte span.
        let a = span["utf16_start"].as_u64().unwrap() as usize;
        let b = span["utf16_end"].as_u64().unwrap() as usize;
        let js = String::from_utf16(&units[a..b]).unwrap();
        let bytes =
            &text[span["start"].as_u64().unwrap() as usize..span["end"].as_u64().unwrap() as usize];
        assert_eq!(js, bytes);
        assert_eq!(span["text"], bytes);
    }
    let fields: Vec<&str> = ev.iter().map(|e| e["field"].as_str().unwrap()).collect();
    assert!(fields.contains(&"actor1") && fields.contains(&"location"));

    let (st, v) = get(&s, "/api/events/evt-nope").await;
    assert_eq!(st, 404);
    assert!(v["error"].as_str().unwrap().contains("evt-nope"));
    let (st, _) = get(&s, "/api/documents/nope").await;
    assert_eq!(st, 404);
    s.stop().await;
}

#[tokio::test]
async fn stats_actors_places() {
    let s = TestServer::start(Config::default()).await;
    let (_, v) = get(&s, "/api/stats?by=month").await;
    assert_eq!(
        v["rows"],
        json!([
            {"month": "2024-01", "events": 1, "fatalities": 5},
            {"month": "2024-02", "events": 2, "fatalities": 11},
            {"month": "2024-03", "events": 2, "fatalities": 8},
        ])
    );
    assert_eq!(v["total"], json!({"events": 5, "fatalities": 24}));
    let (_, v) = get(&s, "/api/stats?by=country,admin1&country=MLI").await;
    assert_eq!(v["by"], json!(["country", "admin1"]));
    let rows = v["rows"].as_array().unwrap();
    let gao = rows.iter().find(|r| r["admin1"] == "Gao").unwrap();
    assert_eq!(gao["events"], 2);
    assert_eq!(gao["fatalities"], 7);

    let (_, v) = get(&s, "/api/actors").await;
    let a = v["actors"].as_array().unwrap();
    assert_eq!(a[0]["actor"], "Military Forces of Mali");
    assert_eq!(a[0]["events"], 2);
    assert_eq!(a.len(), 4);

    let (_, v) = get(&s, "/api/places?country=MLI").await;
    let places = v["places"].as_array().unwrap();
    assert_eq!(places.len(), 3);
    let areas = v["admin1"].as_array().unwrap();
    let gao = areas.iter().find(|r| r["admin1"] == "Gao").unwrap();
    assert_eq!(gao["events"], 2);
    // Mean position of Gao and Tessit.
    assert!(
        (gao["latitude"].as_f64().unwrap() - 15.745).abs() < 1e-3,
        "{gao}"
    );
    s.stop().await;
}

#[tokio::test]
async fn exports_are_downloads() {
    let s = TestServer::start(Config::default()).await;
    let r = reqwest::get(s.url("/api/export.csv?country=MLI"))
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    assert!(r.headers()["content-disposition"]
        .to_str()
        .unwrap()
        .contains("attachment"));
    assert!(r.headers()["content-type"]
        .to_str()
        .unwrap()
        .starts_with("text/csv"));
    let body = r.text().await.unwrap();
    let mut rd = csv::Reader::from_reader(body.as_bytes());
    assert_eq!(rd.headers().unwrap().len(), 31);
    assert_eq!(rd.records().count(), 3);

    let r = reqwest::get(s.url("/api/export.geojson")).await.unwrap();
    let g: Value = r.json().await.unwrap();
    assert_eq!(g["type"], "FeatureCollection");
    assert_eq!(g["features"].as_array().unwrap().len(), 5);

    let r = reqwest::get(s.url("/api/export.jsonl?min_fatalities=5"))
        .await
        .unwrap();
    let body = r.text().await.unwrap();
    let lines: Vec<Value> = body
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 3);

    let r = reqwest::get(s.url("/api/export.parquet")).await.unwrap();
    if cfg!(feature = "parquet") {
        assert_eq!(r.status(), 200);
    } else {
        assert_eq!(r.status(), 501);
        let v: Value = r.json().await.unwrap();
        assert!(v["error"].as_str().unwrap().contains("parquet"));
    }
    s.stop().await;
}

#[tokio::test]
async fn writes_need_a_configured_token() {
    let s = TestServer::start(Config::default()).await;
    let r = reqwest::Client::new()
        .post(s.url("/api/documents"))
        .bearer_auth(TOKEN)
        .json(&json!({"id": "x", "text": "Clashes in Gao."}))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 403);
    let v: Value = r.json().await.unwrap();
    assert!(v["error"].as_str().unwrap().contains("no token"));
    s.stop().await;
}

#[tokio::test]
async fn post_documents_codes_and_stores() {
    let s = TestServer::start(common::with_token()).await;
    let c = reqwest::Client::new();
    let body = json!({
        "id": "posted-1", "url": "https://news.example/p1", "title": "Clash in Gao",
        "published": "2024-04-02T07:30", "lang": "en",
        "text": "Gunmen clashed with a patrol near Gao on Monday; one person died."
    });
    // No token, a wrong token, a malformed header.
    let r = post_documents(&s, |r| r.json(&body)).await;
    assert_eq!(r.status(), 401);
    assert!(r.headers().contains_key("www-authenticate"));
    let r = post_documents(&s, |r| r.bearer_auth("wrong-token-0123456789").json(&body)).await;
    assert_eq!(r.status(), 401);
    let r = post_documents(&s, |r| r.header("authorization", TOKEN).json(&body)).await;
    assert_eq!(r.status(), 401);
    assert_eq!(
        s.store.counts().unwrap().documents,
        4,
        "refused writes stored nothing"
    );

    let r = post_documents(&s, |r| r.bearer_auth(TOKEN).json(&body)).await;
    assert_eq!(r.status(), 201);
    let v: Value = r.json().await.unwrap();
    assert_eq!(v["documents"][0]["status"], "new");
    assert_eq!(v["documents"][0]["reports"], 1);
    // The total is recomputed at once after a write through the server.
    let (_, all) = get(&s, "/api/events").await;
    assert_eq!(all["total"], 6);
    // The same document again changes nothing.
    let r = post_documents(&s, |r| r.bearer_auth(TOKEN).json(&body)).await;
    assert_eq!(r.status(), 200);
    let v: Value = r.json().await.unwrap();
    assert_eq!(v["documents"][0]["status"], "unchanged");

    // A raw text body with metadata in the query.
    let r = c
        .post(
            s.url("/api/documents?id=raw-1&title=%D8%BA%D8%A7%D9%88&lang=ar&published=2024-04-03"),
        )
        .bearer_auth(TOKEN)
        .header("content-type", "text/plain; charset=utf-8")
        .body("اشتباك قرب غاو صباح اليوم.")
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 201, "{}", r.text().await.unwrap());
    let d = s.store.document("raw-1").unwrap().unwrap();
    assert_eq!(d.document.title.as_deref(), Some("غاو"));
    assert_eq!(d.reports.len(), 1);

    // A multipart upload; the file name gives the id.
    let form = reqwest::multipart::Form::new()
        .part(
            "file",
            reqwest::multipart::Part::bytes("No incident was reported today.".as_bytes().to_vec())
                .file_name("quiet-day.txt"),
        )
        .text("lang", "en");
    let r = post_documents(&s, |r| r.bearer_auth(TOKEN).multipart(form)).await;
    assert_eq!(r.status(), 201);
    let d = s.store.document("quiet-day").unwrap().unwrap();
    assert!(d.reports.is_empty());

    // An array of documents, ids derived from the content.
    let r = post_documents(&s, |r| {
        r.bearer_auth(TOKEN)
            .json(&json!([{"text": "first note"}, {"text": "second note"}]))
    })
    .await;
    assert_eq!(r.status(), 201);
    let v: Value = r.json().await.unwrap();
    assert!(v["documents"][0]["doc_id"]
        .as_str()
        .unwrap()
        .starts_with("doc-"));
    s.stop().await;
}

#[tokio::test]
async fn bad_documents_get_clear_errors() {
    let s = TestServer::start(Config {
        max_body_bytes: 4096,
        ..common::with_token()
    })
    .await;
    let c = reqwest::Client::new();
    let post = |body: Vec<u8>, ctype: &'static str| {
        c.post(s.url("/api/documents"))
            .bearer_auth(TOKEN)
            .header("content-type", ctype)
            .body(body)
            .send()
    };
    let cases: Vec<(Vec<u8>, &str, u16, &str)> = vec![
        (
            b"{\"id\": \"a\", \"text\": ".to_vec(),
            "application/json",
            400,
            "line 1",
        ),
        (b"{\"id\": \"a\"}".to_vec(), "application/json", 400, "text"),
        (
            b"{\"text\": \"x\", \"colour\": 1}".to_vec(),
            "application/json",
            400,
            "colour",
        ),
        (
            b"{\"text\": \"   \"}".to_vec(),
            "application/json",
            400,
            "empty",
        ),
        (
            b"{\"text\": \"x\", \"lang\": \"de\"}".to_vec(),
            "application/json",
            400,
            "lang",
        ),
        (
            b"{\"text\": \"x\", \"published\": \"March\"}".to_vec(),
            "application/json",
            400,
            "published",
        ),
        (b"[]".to_vec(), "application/json", 400, "empty array"),
        (
            b"{\"text\": \"a\\u0000b\"}".to_vec(),
            "application/json",
            400,
            "NUL",
        ),
        (vec![0x66, 0xff, 0xfe], "text/plain", 400, "UTF-8"),
        (vec![b'a'; 5000], "text/plain", 413, "4096"),
        (b"<x/>".to_vec(), "application/xml", 415, "content type"),
    ];
    for (body, ctype, status, word) in cases {
        let r = post(body, ctype).await.unwrap();
        assert_eq!(r.status().as_u16(), status, "{word}");
        let v: Value = r.json().await.unwrap();
        assert_eq!(v["status"], status);
        let msg = v["error"].as_str().unwrap();
        assert!(
            msg.to_lowercase().contains(&word.to_lowercase()),
            "{word}: {msg}"
        );
    }
    assert_eq!(s.store.counts().unwrap().documents, 4);
    s.stop().await;
}

#[tokio::test]
async fn security_headers_everywhere() {
    let s = TestServer::start(Config::default()).await;
    for path in [
        "/",
        "/assets/app.js",
        "/api/events",
        "/api/nope",
        "/assets/nope.js",
    ] {
        let r = reqwest::get(s.url(path)).await.unwrap();
        let h = r.headers();
        let csp = h["content-security-policy"].to_str().unwrap();
        assert!(
            csp.contains("default-src 'self'") && csp.contains("script-src 'self'"),
            "{path}"
        );
        assert!(
            !csp.contains("unsafe-inline") && !csp.contains("unsafe-eval"),
            "{path}"
        );
        assert_eq!(h["x-content-type-options"], "nosniff", "{path}");
        assert_eq!(h["x-frame-options"], "DENY", "{path}");
    }
    s.stop().await;
}

#[tokio::test]
async fn dashboard_assets_cache_and_404() {
    let s = TestServer::start(Config::default()).await;
    let r = reqwest::get(s.url("/")).await.unwrap();
    assert_eq!(r.status(), 200);
    assert_eq!(r.headers()["cache-control"], "no-cache");
    let body = r.text().await.unwrap();
    assert!(body.contains("/assets/app.js"));
    // No inline script: every <script> has a src (the CSP would block one).
    assert_eq!(
        body.matches("<script").count(),
        body.matches("<script src=").count()
    );

    let r = reqwest::get(s.url("/assets/app.js")).await.unwrap();
    assert!(r.headers()["cache-control"]
        .to_str()
        .unwrap()
        .contains("max-age"));
    assert!(r.headers()["content-type"]
        .to_str()
        .unwrap()
        .starts_with("text/javascript"));
    let etag = r.headers()["etag"].to_str().unwrap().to_string();
    let r = reqwest::Client::new()
        .get(s.url("/assets/app.js"))
        .header("if-none-match", &etag)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 304);

    let r = reqwest::get(s.url("/assets/countries.json")).await.unwrap();
    let c: Value = r.json().await.unwrap();
    assert!(c["countries"].as_array().unwrap().len() > 40);

    for path in ["/assets/nope.js", "/assets/..%2fCargo.toml", "/nope"] {
        let r = reqwest::get(s.url(path)).await.unwrap();
        assert_eq!(r.status(), 404, "{path}");
        let v: Value = r.json().await.unwrap();
        assert_eq!(v["status"], 404);
    }
    let r = reqwest::Client::new()
        .delete(s.url("/api/events"))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 405);
    let v: Value = r.json().await.unwrap();
    assert!(v["error"].as_str().unwrap().contains("DELETE"));
    s.stop().await;
}

#[tokio::test]
async fn rate_limit_per_client() {
    let s = TestServer::start(Config {
        rate_limit: Some(RateLimit {
            per_second: 0.01,
            burst: 3,
        }),
        ..Config::default()
    })
    .await;
    for _ in 0..3 {
        assert_eq!(
            reqwest::get(s.url("/api/version")).await.unwrap().status(),
            200
        );
    }
    let r = reqwest::get(s.url("/api/version")).await.unwrap();
    assert_eq!(r.status(), 429);
    assert!(
        r.headers()["retry-after"]
            .to_str()
            .unwrap()
            .parse::<u64>()
            .unwrap()
            >= 1
    );
    let v: Value = r.json().await.unwrap();
    assert!(v["error"].as_str().unwrap().contains("too many requests"));
    s.stop().await;
}
