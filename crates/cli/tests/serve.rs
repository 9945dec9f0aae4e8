//! `rasd serve` end to end: the binary starts on a free port with the
//! sample, answers over HTTP, refuses bad tokens at start-up.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

/// Kills the server this test started when dropped.
struct Server(Child);

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn http_get(addr: &str, path: &str) -> String {
    http_get_as(addr, addr, path)
}

/// A GET whose Host header names `host`, as a browser sends it.
fn http_get_as(addr: &str, host: &str, path: &str) -> String {
    let mut s = TcpStream::connect(addr).unwrap();
    s.set_read_timeout(Some(Duration::from_secs(30))).unwrap();
    write!(
        s,
        "GET {path} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut out = String::new();
    s.read_to_string(&mut out).unwrap();
    out
}

#[test]
fn serves_the_sample_on_a_free_port() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("s.db");
    let mut child = Command::new(env!("CARGO_BIN_EXE_rasd"))
        .args(["serve", "--sample", "--listen", "127.0.0.1:0", "--db"])
        .arg(&db)
        .env_remove("RASD_TOKEN")
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let stderr = child.stderr.take().unwrap();
    let server = Server(child);
    let mut addr = None;
    for line in BufReader::new(stderr).lines().map_while(Result::ok) {
        if let Some(rest) = line.split("http://").nth(1) {
            addr = rest.split('/').next().map(str::to_string);
            break;
        }
    }
    let addr = addr.expect("the server prints its address");
    assert!(addr.starts_with("127.0.0.1:"), "{addr}");
    let health = http_get(&addr, "/api/health");
    assert!(health.starts_with("HTTP/1.1 200"), "{health}");
    assert!(health.contains("\"events\":6"), "{health}");
    let page = http_get(&addr, "/");
    assert!(page.contains("content-security-policy"), "{page}");
    assert!(page.contains("/assets/app.js"));
    // A page on another site whose name resolves to 127.0.0.1 (DNS
    // rebinding) gets nothing; localhost by name is fine.
    let port = addr.rsplit(':').next().unwrap();
    let rebound = http_get_as(&addr, &format!("attacker.example:{port}"), "/api/events");
    assert!(rebound.starts_with("HTTP/1.1 421"), "{rebound}");
    assert!(!rebound.contains("event_id"), "{rebound}");
    let named = http_get_as(&addr, &format!("localhost:{port}"), "/api/health");
    assert!(named.starts_with("HTTP/1.1 200"), "{named}");
    drop(server);
}

#[test]
fn a_short_token_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_rasd"))
        .args(["serve", "--listen", "127.0.0.1:0", "--db"])
        .arg(dir.path().join("t.db"))
        .env("RASD_TOKEN", "short")
        .output()
        .unwrap();
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("at least 16"), "{err}");
}
