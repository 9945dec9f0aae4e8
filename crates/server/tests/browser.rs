//! The dashboard in a real browser: Debian's headless Chromium, driven over
//! the DevTools protocol by a small client written here (a WebSocket and
//! JSON messages: no browser download, no WebDriver).
//!
//! Ignored in a plain `cargo test` because it needs `/usr/bin/chromium`;
//! `scripts/test` installs it (`scripts/browser-deps`) and runs this test
//! with `--ignored`. Run alone:
//!
//!     scripts/browser-deps && cargo test -p rasd-server --test browser -- --ignored
//!
//! Screenshots go to `target/browser-test/`.

mod common;

use std::io::{BufRead, BufReader};
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use base64::Engine;
use futures_util::{SinkExt, StreamExt};
use serde_json::{json, Value};
use tokio_tungstenite::tungstenite::Message;

type Ws =
    tokio_tungstenite::WebSocketStream<tokio_tungstenite::MaybeTlsStream<tokio::net::TcpStream>>;

fn chromium_path() -> Option<PathBuf> {
    if let Ok(p) = std::env::var("RASD_CHROMIUM") {
        return Some(PathBuf::from(p));
    }
    ["/usr/bin/chromium", "/usr/bin/chromium-browser"]
        .iter()
        .map(PathBuf::from)
        .find(|p| p.exists())
}

/// Kills the browser (the one this test started) when dropped.
struct Browser {
    child: Child,
    _profile: tempfile::TempDir,
}

impl Drop for Browser {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn launch(path: &PathBuf) -> (Browser, String) {
    let profile = tempfile::tempdir().unwrap();
    let mut child = Command::new(path)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--disable-extensions",
            "--remote-debugging-port=0",
            "--window-size=1400,1100",
        ])
        .arg(format!("--user-data-dir={}", profile.path().display()))
        .arg("about:blank")
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| panic!("cannot start {}: {e}", path.display()));
    let stderr = child.stderr.take().unwrap();
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        // Keep reading so the browser never blocks on a full pipe.
        for line in BufReader::new(stderr).lines().map_while(Result::ok) {
            if let Some(at) = line.find("ws://") {
                let _ = tx.send(line[at..].trim().to_string());
            }
        }
    });
    let url = rx
        .recv_timeout(Duration::from_secs(30))
        .expect("chromium did not print its DevTools address within 30 s");
    (
        Browser {
            child,
            _profile: profile,
        },
        url,
    )
}

/// A DevTools-protocol client: one command at a time, events kept.
struct Cdp {
    ws: Ws,
    next: u64,
    session: Option<String>,
    events: Vec<Value>,
}

impl Cdp {
    async fn connect(url: &str) -> Cdp {
        let (ws, _) = tokio_tungstenite::connect_async(url).await.unwrap();
        Cdp {
            ws,
            next: 1,
            session: None,
            events: Vec::new(),
        }
    }

    async fn call(&mut self, method: &str, params: Value) -> Value {
        let id = self.next;
        self.next += 1;
        let mut msg = json!({ "id": id, "method": method, "params": params });
        if let Some(s) = &self.session {
            msg["sessionId"] = json!(s);
        }
        self.ws.send(Message::text(msg.to_string())).await.unwrap();
        loop {
            let frame = tokio::time::timeout(Duration::from_secs(30), self.ws.next())
                .await
                .unwrap_or_else(|_| panic!("no answer to {method} within 30 s"))
                .expect("DevTools connection closed")
                .unwrap();
            let Message::Text(text) = frame else { continue };
            let v: Value = serde_json::from_str(text.as_str()).unwrap();
            if v["id"] == json!(id) {
                if let Some(e) = v.get("error") {
                    panic!("{method}: {e}");
                }
                return v["result"].clone();
            }
            if v.get("method").is_some() {
                self.events.push(v);
            }
        }
    }

    async fn eval(&mut self, js: &str) -> Value {
        let r = self
            .call(
                "Runtime.evaluate",
                json!({ "expression": js, "returnByValue": true, "awaitPromise": true }),
            )
            .await;
        if let Some(ex) = r.get("exceptionDetails") {
            panic!("script {js:?} threw: {ex}");
        }
        r["result"]["value"].clone()
    }

    /// Polls `js` until it is truthy (20 s at most).
    async fn wait_for(&mut self, js: &str) -> Value {
        for _ in 0..200 {
            let v = self.eval(js).await;
            if !(v.is_null() || v == json!(false) || v == json!(0) || v == json!("")) {
                return v;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        let state = self
            .eval("document.body ? document.body.dataset.state + ' ' + document.querySelector('#error').textContent : 'no body'")
            .await;
        panic!("timed out waiting for {js} (page state: {state})");
    }

    /// Runs `js` (which changes the page) and waits until the dashboard
    /// has loaded again.
    async fn act_and_wait(&mut self, js: &str) {
        self.eval(&format!(
            "document.body.dataset.state = 'stale'; {js}; true"
        ))
        .await;
        self.wait_for("document.body.dataset.state === 'ready'")
            .await;
    }

    async fn screenshot(&mut self, name: &str) -> PathBuf {
        let r = self
            .call(
                "Page.captureScreenshot",
                json!({ "format": "png", "captureBeyondViewport": true }),
            )
            .await;
        let png = base64::engine::general_purpose::STANDARD
            .decode(r["data"].as_str().unwrap())
            .unwrap();
        assert!(png.starts_with(b"\x89PNG"), "not a PNG");
        let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../target/browser-test");
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join(name);
        std::fs::write(&path, png).unwrap();
        eprintln!("screenshot: {}", path.display());
        path
    }

    fn exceptions(&self) -> Vec<&Value> {
        self.events
            .iter()
            .filter(|e| e["method"] == "Runtime.exceptionThrown")
            .collect()
    }
}

const COUNTS: &str = "JSON.stringify({
    markers: document.querySelectorAll('#map circle.marker').length,
    countries: document.querySelectorAll('#map path.country').length,
    bars: document.querySelectorAll('#chart rect.bar').length,
    barEvents: [...document.querySelectorAll('#chart rect.bar')].reduce((s, b) => s + Number(b.dataset.events), 0),
    rows: document.querySelectorAll('#events tbody tr').length,
    total: document.querySelector('#table-count').dataset.total,
})";

async fn counts(cdp: &mut Cdp) -> Value {
    let s = cdp.eval(COUNTS).await;
    serde_json::from_str(s.as_str().unwrap()).unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs Debian chromium: scripts/browser-deps, then cargo test -p rasd-server --test browser -- --ignored (scripts/test does both)"]
async fn dashboard_in_headless_chromium() {
    let Some(chromium) = chromium_path() else {
        panic!("chromium not found at /usr/bin/chromium (or $RASD_CHROMIUM): run scripts/browser-deps first");
    };
    let server = common::TestServer::start_with(common::with_token(), Vec::new()).await;
    rasd_server::sample::load(server.store.as_ref()).unwrap();

    let (_browser, ws_url) = launch(&chromium);
    let mut cdp = Cdp::connect(&ws_url).await;
    let target = cdp
        .call("Target.createTarget", json!({ "url": "about:blank" }))
        .await;
    let session = cdp
        .call(
            "Target.attachToTarget",
            json!({ "targetId": target["targetId"], "flatten": true }),
        )
        .await;
    cdp.session = Some(session["sessionId"].as_str().unwrap().to_string());
    cdp.call("Runtime.enable", json!({})).await;
    cdp.call("Page.enable", json!({})).await;
    cdp.call(
        "Emulation.setDeviceMetricsOverride",
        json!({ "width": 1400, "height": 1100, "deviceScaleFactor": 1, "mobile": false }),
    )
    .await;

    // 1. The dashboard over the sample: six events, four months.
    cdp.call("Page.navigate", json!({ "url": server.url("/") }))
        .await;
    cdp.wait_for("document.body && document.body.dataset.state === 'ready'")
        .await;
    let c = counts(&mut cdp).await;
    assert_eq!(c["markers"], 6, "{c}");
    assert_eq!(c["rows"], 6, "{c}");
    assert_eq!(c["total"], "6", "{c}");
    assert_eq!(c["bars"], 4, "months March to June: {c}");
    assert_eq!(c["barEvents"], 6, "{c}");
    assert!(c["countries"].as_u64().unwrap() > 40, "{c}");
    let legend = cdp
        .eval("document.querySelector('#legend li[data-type=\"Explosions/Remote violence\"]').textContent")
        .await;
    assert!(legend.as_str().unwrap().contains("(3)"), "{legend}");
    cdp.screenshot("dashboard.png").await;

    // 2. A filter updates map, chart and table together.
    cdp.act_and_wait("location.hash = '#/?country=Mali'").await;
    let c = counts(&mut cdp).await;
    assert_eq!(
        (
            c["markers"].as_u64(),
            c["rows"].as_u64(),
            c["barEvents"].as_u64()
        ),
        (Some(1), Some(1), Some(1)),
        "{c}"
    );
    let selected = cdp
        .eval("document.querySelector('#filters select[name=country]').value")
        .await;
    assert_eq!(selected, "Mali");

    // 3. The event page of the merged Ansongo attack: two reports, the
    //    Arabic text right to left with its evidence highlighted.
    cdp.act_and_wait("document.querySelector('#events tbody tr').click()")
        .await;
    let page = cdp
        .eval(
            "JSON.stringify({
                reports: document.querySelectorAll('#event-detail section.report').length,
                dir: document.querySelector('.doc-text').getAttribute('dir'),
                marks: document.querySelectorAll('.doc-text mark.evidence').length,
                location: [...document.querySelectorAll('.doc-text mark.evidence')]
                    .filter(m => m.dataset.field.split(' ').includes('location')).map(m => m.textContent),
                labels: document.querySelectorAll('.doc-text .ev-label').length,
            })",
        )
        .await;
    let page: Value = serde_json::from_str(page.as_str().unwrap()).unwrap();
    assert_eq!(page["reports"], 2, "{page}");
    assert_eq!(page["dir"], "rtl", "{page}");
    assert!(page["marks"].as_u64().unwrap() >= 8, "{page}");
    assert_eq!(page["location"], json!(["أنسونغو", "أنسونغو"]), "{page}");
    assert!(page["labels"].as_u64().unwrap() >= 8, "{page}");
    cdp.screenshot("event.png").await;

    // 4. An XSS probe posted through the API shows as text, runs nothing.
    let probe = json!({
        "id": "probe-xss",
        "title": "<script>window.__xss=1</script> Gao <img src=x onerror=\"window.__xss=1\">",
        "lang": "en",
        "published": "2024-04-01",
        "text": "Report from Gao. <script>window.__xss=1</script> <img src=x onerror=\"window.__xss=1\"> \u{202E}gpj.exe\u{202C} <b onmouseover=\"window.__xss=1\">bold</b> end."
    });
    let r = reqwest::Client::new()
        .post(server.url("/api/documents"))
        .bearer_auth(common::TOKEN)
        .json(&probe)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 201);
    cdp.act_and_wait("location.hash = '#/'").await;
    let c = counts(&mut cdp).await;
    assert_eq!(c["rows"], 7, "{c}");
    cdp.act_and_wait(
        "[...document.querySelectorAll('#events tbody tr')].find(r => r.textContent.includes('Unidentified Armed Group (Mali)')).click()",
    )
    .await;
    let xss = cdp
        .eval(
            "JSON.stringify({
                xss: typeof window.__xss,
                title: document.querySelector('#event-detail section.report h3').textContent,
                text: document.querySelector('.doc-text').textContent,
                injected: document.querySelectorAll('#event-detail script, #event-detail img, #event-detail b, body img').length,
                notes: [...document.querySelectorAll('#event-detail dd')].map(d => d.textContent).join(' | '),
            })",
        )
        .await;
    let xss: Value = serde_json::from_str(xss.as_str().unwrap()).unwrap();
    assert_eq!(xss["xss"], "undefined", "{xss}");
    assert_eq!(xss["injected"], 0, "{xss}");
    assert!(
        xss["title"]
            .as_str()
            .unwrap()
            .contains("<script>window.__xss=1</script>"),
        "{xss}"
    );
    let text = xss["text"].as_str().unwrap();
    assert!(
        text.contains("<img src=x onerror=\"window.__xss=1\">"),
        "{xss}"
    );
    assert!(text.contains('\u{202E}'), "bidi override kept as text");
    assert!(
        xss["notes"].as_str().unwrap().contains("<img src=x"),
        "{xss}"
    );
    cdp.screenshot("xss-probe.png").await;

    // 5. The Arabic interface: right-to-left layout, translated labels.
    cdp.act_and_wait("location.hash = '#/'").await;
    cdp.act_and_wait("document.querySelector('#lang').click()")
        .await;
    let ar = cdp
        .eval("JSON.stringify({dir: document.documentElement.dir, legend: document.querySelector('#legend').textContent, h: document.querySelector('[data-i18n=map]').textContent})")
        .await;
    let ar: Value = serde_json::from_str(ar.as_str().unwrap()).unwrap();
    assert_eq!(ar["dir"], "rtl", "{ar}");
    assert_eq!(ar["h"], "الخريطة", "{ar}");
    assert!(ar["legend"].as_str().unwrap().contains("معارك"), "{ar}");
    assert_eq!(counts(&mut cdp).await["markers"], 7);
    cdp.screenshot("dashboard-ar.png").await;

    let thrown = cdp.exceptions();
    assert!(
        thrown.is_empty(),
        "uncaught exceptions in the page: {thrown:?}"
    );
    server.stop().await;
}
