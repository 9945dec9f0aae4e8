//! `rasd doc` end to end: the built binary on files written to a fresh
//! temporary folder, good inputs and every kind of bad input.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

const ARTICLE_AR: &str = "مقتل أربعة جنود في كمين قرب الحدود الشمالية
الخميس 14/مارس/2024 - 07:45 م
طباعة مقتل أربعة جنود في سامي يوسف
كتب: سامي يوسف

قالت مصادر عسكرية إن أربعة جنود قتلوا وأصيب ستة آخرون مساء الأربعاء في كمين نصبه مسلحون لدورية على الطريق المؤدي إلى بلدة حدودية.
وأضافت المصادر أن المهاجمين فروا نحو منطقة جبلية بعد اشتباك استمر ساعة.
اقرأ أيضا: الحكومة تمدد حالة الطوارئ في ثلاث ولايات
للمزيد

شارك
";

const ARTICLE_EN: &str = "Drone strike hits fuel depot in northern town
May 2, 2023 9:05 AM GMT Updated 4 hours ago

GAO, May 2 (Reuters) - A drone strike hit a fuel depot on the edge of the town on Monday night, killing two guards, a local official said.

(Reporting by Gao newsroom; Editing by Someone Else)
";

struct Run {
    code: Option<i32>,
    stdout: String,
    stderr: String,
}

fn run(args: &[&str], stdin: Option<&[u8]>) -> Run {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_rasd"));
    cmd.args(args)
        .stdin(if stdin.is_some() {
            Stdio::piped()
        } else {
            Stdio::null()
        })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let mut child = cmd.spawn().expect("run rasd");
    if let Some(input) = stdin {
        child
            .stdin
            .take()
            .expect("stdin")
            .write_all(input)
            .expect("write stdin");
    }
    let Output {
        status,
        stdout,
        stderr,
    } = child.wait_with_output().expect("wait for rasd");
    Run {
        code: status.code(),
        stdout: String::from_utf8(stdout).expect("stdout is UTF-8"),
        stderr: String::from_utf8(stderr).expect("stderr is UTF-8"),
    }
}

fn p(path: &Path) -> &str {
    path.to_str().expect("temp paths are UTF-8")
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.join(name);
    if let Some(parent) = path.parent() {
        fs::create_dir_all(parent).unwrap();
    }
    fs::write(&path, bytes).unwrap();
    path
}

/// The body text of a document printed as JSON.
fn body_of(doc: &serde_json::Value) -> String {
    let text = doc["text"].as_str().unwrap().as_bytes();
    doc["body"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| {
            let (a, b) = (
                s[0].as_u64().unwrap() as usize,
                s[1].as_u64().unwrap() as usize,
            );
            String::from_utf8(text[a..b].to_vec()).unwrap()
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn jsonl_docs(stdout: &str) -> Vec<serde_json::Value> {
    stdout
        .lines()
        .map(|l| serde_json::from_str(l).expect("a JSON line"))
        .collect()
}

#[test]
fn arabic_site_text_as_table() {
    let dir = tempfile::tempdir().unwrap();
    let f = write(dir.path(), "kameen.txt", ARTICLE_AR.as_bytes());
    let r = run(&["doc", p(&f)], None);
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    assert!(r.stderr.is_empty(), "{}", r.stderr);
    let mut lines = r.stdout.lines();
    assert!(lines.next().unwrap().starts_with("ID"));
    let row = lines.next().unwrap();
    assert!(row.starts_with("kameen"), "{row}");
    assert!(row.contains("2024-03-14 19:45"), "{row}");
    assert!(
        row.contains("مقتل أربعة جنود في كمين قرب الحدود الشمالية"),
        "{row}"
    );
    assert!(lines
        .next()
        .unwrap()
        .trim_start()
        .starts_with("قالت مصادر عسكرية"));
}

#[test]
fn json_output_has_body_without_chrome() {
    let dir = tempfile::tempdir().unwrap();
    let f = write(dir.path(), "kameen.txt", ARTICLE_AR.as_bytes());
    let r = run(&["doc", "--format", "json", p(&f)], None);
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    let docs: Vec<serde_json::Value> = serde_json::from_str(&r.stdout).expect("a JSON array");
    assert_eq!(docs.len(), 1);
    let d = &docs[0];
    assert_eq!(d["id"], "kameen");
    assert_eq!(d["lang"], "ar");
    assert_eq!(d["published"], "2024-03-14T19:45:00");
    assert_eq!(d["text"], ARTICLE_AR);
    let body = body_of(d);
    assert!(body.starts_with("قالت مصادر عسكرية"), "{body}");
    for chrome in ["طباعة", "شارك", "للمزيد", "اقرأ أيضا", "سامي يوسف", "07:45"]
    {
        assert!(!body.contains(chrome), "{chrome} in body");
    }
}

#[test]
fn english_wire_text_as_json_lines() {
    let dir = tempfile::tempdir().unwrap();
    let f = write(dir.path(), "en.txt", ARTICLE_EN.as_bytes());
    let r = run(&["doc", p(&f), "--format", "jsonl"], None);
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    let docs = jsonl_docs(&r.stdout);
    assert_eq!(docs[0]["lang"], "en");
    assert_eq!(docs[0]["published"], "2023-05-02T09:05:00");
    assert!(!body_of(&docs[0]).contains("Reporting by"));
}

#[test]
fn csv_output() {
    let dir = tempfile::tempdir().unwrap();
    let f = write(dir.path(), "en.txt", ARTICLE_EN.as_bytes());
    let r = run(&["doc", "--format", "csv", p(&f)], None);
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    let mut lines = r.stdout.lines();
    assert_eq!(
        lines.next().unwrap(),
        "id,lang,published,title,url,body_chars,body_spans,excerpt"
    );
    let row = lines.next().unwrap();
    assert!(
        row.starts_with(
            "en,en,2023-05-02T09:05:00,Drone strike hits fuel depot in northern town,,"
        ),
        "{row}"
    );
}

#[test]
fn html_jsonl_and_folder() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("batch");
    write(&root, "a.txt", ARTICLE_AR.as_bytes());
    write(
        &root,
        "b/page.html",
        br#"<html lang="fr"><head><meta property="og:title" content="Attaque contre un convoi">
<meta property="article:published_time" content="2022-11-03T08:00:00Z"></head>
<body><nav>Accueil | Monde | Afrique</nav><article><p>Des hommes armes ont attaque un convoi de vivres mardi pres de la frontiere, selon une source locale.</p>
<div class="share">Partager</div></article></body></html>"#,
    );
    write(
        &root,
        "c.jsonl",
        "{\"id\":\"j1\",\"text\":\"Shelling hit a market in the town on Sunday, killing three people.\"}\n{\"id\":\"j2\",\"lang\":\"ar\",\"text\":\"قصف مدفعي على سوق المدينة.\"}\n".as_bytes(),
    );
    write(&root, ".hidden/x.txt", ARTICLE_AR.as_bytes());
    write(&root, "notes.md", b"not read");
    let r = run(&["doc", "--format", "jsonl", p(&root)], None);
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    let docs = jsonl_docs(&r.stdout);
    let ids: Vec<&str> = docs.iter().map(|d| d["id"].as_str().unwrap()).collect();
    assert_eq!(ids, vec!["a", "page", "j1", "j2"]);
    assert_eq!(docs[1]["title"], "Attaque contre un convoi");
    assert_eq!(docs[1]["lang"], "fr");
    assert_eq!(docs[1]["published"], "2022-11-03T08:00:00");
    assert!(!docs[1]["text"].as_str().unwrap().contains("Partager"));
    assert!(!docs[1]["text"].as_str().unwrap().contains("Accueil"));
}

#[test]
fn stdin_is_read() {
    let r = run(
        &["doc", "--format", "jsonl", "-"],
        Some(ARTICLE_EN.as_bytes()),
    );
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    let docs = jsonl_docs(&r.stdout);
    assert_eq!(docs[0]["id"], "stdin");
    assert_eq!(
        docs[0]["title"],
        "Drone strike hits fuel depot in northern town"
    );

    let lines = b"{\"id\":\"s1\",\"text\":\"Protesters marched in the capital on Friday.\"}\n";
    let r = run(&["doc", "--format", "jsonl", "-"], Some(lines));
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    assert_eq!(jsonl_docs(&r.stdout)[0]["id"], "s1");
}

#[test]
fn html_on_stdin_and_forced_input_format() {
    let page = b"<html><body><article><p>Rebels shelled the outskirts of the town on Thursday, killing a farmer and wounding his son, a local official said.</p></article></body></html>";
    let r = run(&["doc", "--format", "jsonl", "-"], Some(page));
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    let docs = jsonl_docs(&r.stdout);
    assert!(docs[0]["text"]
        .as_str()
        .unwrap()
        .starts_with("Rebels shelled"));

    // A .txt file holding markup is read as text unless told otherwise.
    let dir = tempfile::tempdir().unwrap();
    let f = write(dir.path(), "saved.txt", page);
    let r = run(
        &["doc", "--format", "jsonl", "--input-format", "html", p(&f)],
        None,
    );
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    assert!(!jsonl_docs(&r.stdout)[0]["text"]
        .as_str()
        .unwrap()
        .contains("<p>"));
}

/// Every bad input gives one error line naming it, the good file is still
/// printed, and the exit code is 1.
fn assert_bad(name: &str, bytes: &[u8], reason: &str) {
    let dir = tempfile::tempdir().unwrap();
    let bad = write(dir.path(), name, bytes);
    let good = write(dir.path(), "good.txt", ARTICLE_EN.as_bytes());
    let r = run(&["doc", "--format", "jsonl", p(&bad), p(&good)], None);
    assert_eq!(r.code, Some(1), "{name}: {}", r.stderr);
    let errors: Vec<&str> = r.stderr.lines().collect();
    assert_eq!(errors.len(), 1, "{name}: {}", r.stderr);
    let want = format!("error: {}", p(&bad));
    assert!(errors[0].starts_with(&want), "{name}: {}", errors[0]);
    assert!(errors[0].contains(reason), "{name}: {}", errors[0]);
    let docs = jsonl_docs(&r.stdout);
    assert_eq!(docs.len(), 1, "{name}");
    assert_eq!(docs[0]["id"], "good");
}

#[test]
fn invalid_utf8() {
    assert_bad(
        "latin1.txt",
        b"Titre\n\nL'arm\xe9e a annonc\xe9 un bilan.",
        "not valid UTF-8 (line 3",
    );
}

#[test]
fn binary_file() {
    assert_bad("blob.txt", b"PK\x03\x04\0\0\x14\0binary", "binary file");
}

#[test]
fn empty_file() {
    assert_bad("empty.txt", b"", "empty");
    assert_bad("blank.txt", b"  \n\n \t\n", "empty");
}

#[test]
fn fifty_megabyte_file() {
    let big = "نص طويل جدا في سطر واحد. ".repeat(50 * 1024 * 1024 / 44);
    assert!(big.len() > 50_000_000);
    assert_bad("huge.txt", big.as_bytes(), "too large");
}

#[test]
fn size_limit_is_configurable() {
    let dir = tempfile::tempdir().unwrap();
    let f = write(dir.path(), "en.txt", ARTICLE_EN.as_bytes());
    let r = run(&["doc", "--max-bytes", "100", p(&f)], None);
    assert_eq!(r.code, Some(1));
    assert!(r.stderr.contains("too large"), "{}", r.stderr);
    assert!(r.stderr.contains("limit 100"), "{}", r.stderr);
    let r = run(&["doc", "--max-bytes", "1K", p(&f)], None);
    assert_eq!(r.code, Some(0), "{}", r.stderr);
}

#[test]
fn html_without_body() {
    assert_bad(
        "shell.html",
        b"<html><head><title>Nothing here</title><script>load()</script></head><body><nav>Home | World</nav></body></html>",
        "no article text",
    );
}

#[test]
fn malformed_json_lines_keep_the_others() {
    let dir = tempfile::tempdir().unwrap();
    let f = write(
        dir.path(),
        "mixed.jsonl",
        b"{\"id\":\"ok1\",\"text\":\"Clashes erupted near the port on Tuesday.\"}\n{\"id\":\"broken\",\"text\":\n{\"id\":\"ok2\",\"text\":\"Two people were wounded.\"}\n{\"id\":\"notext\"}\n",
    );
    let r = run(&["doc", "--format", "jsonl", p(&f)], None);
    assert_eq!(r.code, Some(1));
    let errors: Vec<&str> = r.stderr.lines().collect();
    assert_eq!(errors.len(), 2, "{}", r.stderr);
    assert!(
        errors[0].starts_with(&format!("error: {}:2: malformed JSON", p(&f))),
        "{}",
        errors[0]
    );
    assert!(
        errors[1].starts_with(&format!("error: {}:4: ", p(&f))),
        "{}",
        errors[1]
    );
    let ids: Vec<String> = jsonl_docs(&r.stdout)
        .iter()
        .map(|d| d["id"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(ids, vec!["ok1", "ok2"]);
}

#[test]
fn unreadable_path() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("nowhere.txt");
    let good = write(dir.path(), "good.txt", ARTICLE_EN.as_bytes());
    let r = run(&["doc", p(&missing), p(&good)], None);
    assert_eq!(r.code, Some(1));
    assert!(
        r.stderr
            .starts_with(&format!("error: {}: cannot read", p(&missing))),
        "{}",
        r.stderr
    );
    assert!(r.stdout.contains("Drone strike"));
}

#[test]
fn folder_without_documents() {
    let dir = tempfile::tempdir().unwrap();
    let empty = dir.path().join("nothing");
    write(&empty, "image.png", b"\x89PNG\r\n");
    let r = run(&["doc", p(&empty)], None);
    assert_eq!(r.code, Some(1));
    assert!(r.stderr.contains("no documents found"), "{}", r.stderr);
}

#[test]
fn usage_errors_exit_2() {
    assert_eq!(run(&["doc"], None).code, Some(2));
    assert_eq!(run(&["doc", "--format", "xml", "x"], None).code, Some(2));
    assert_eq!(run(&["nonsense"], None).code, Some(2));
    let help = run(&["doc", "--help"], None);
    assert_eq!(help.code, Some(0));
    assert!(help.stdout.contains("--max-bytes"));
}
