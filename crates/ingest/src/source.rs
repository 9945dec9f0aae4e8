//! Inputs: files, folders and stdin, read lazily.
//!
//! [`read_paths`] returns an iterator that opens one file at a time (and
//! reads JSON lines one line at a time), so memory stays flat whatever the
//! size of the batch. Folders are walked recursively in file-name order,
//! skipping hidden files and folders; inside a folder only files with a
//! known extension (or none) are read, so images or archives next to the
//! articles are not reported as errors. Every byte-level check — size
//! limit, NUL bytes, UTF-8, emptiness — happens here, before a reader sees
//! the text.

use std::fs::File;
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

use rasd_model::Document;

use crate::jsonl::{self, stem};
use crate::{html, plain, Format, ReadError, ReadOptions};

type Results = Box<dyn Iterator<Item = Result<Document, ReadError>> + Send>;

/// The documents of a batch of inputs, one `Result` each, in input order.
pub struct Documents {
    inner: Results,
}

impl Iterator for Documents {
    type Item = Result<Document, ReadError>;

    fn next(&mut self) -> Option<Self::Item> {
        self.inner.next()
    }
}

/// Reads files, folders (recursively) and `-` (stdin).
pub fn read_paths(paths: &[PathBuf], opts: &ReadOptions) -> Documents {
    let opts = opts.clone();
    let paths = paths.to_vec();
    Documents {
        inner: Box::new(
            paths
                .into_iter()
                .flat_map(move |p| read_path(p, opts.clone())),
        ),
    }
}

fn one(r: Result<Document, ReadError>) -> Results {
    Box::new(std::iter::once(r))
}

fn read_path(path: PathBuf, opts: ReadOptions) -> Results {
    if path.as_os_str() == "-" {
        return read_stdin(opts);
    }
    match std::fs::metadata(&path) {
        Err(e) => one(Err(ReadError::io(&path, e))),
        Ok(m) if m.is_dir() => Box::new(FolderDocuments::new(path, opts)),
        Ok(_) => read_file(&path, &opts),
    }
}

/// Reads one file of any format.
fn read_file(path: &Path, opts: &ReadOptions) -> Results {
    let file = match File::open(path) {
        Ok(f) => f,
        Err(e) => return one(Err(ReadError::io(path, e))),
    };
    let mut reader = BufReader::with_capacity(64 * 1024, file);
    let format = match opts.format.or_else(|| Format::from_extension(path)) {
        Some(f) => f,
        None => match reader.fill_buf() {
            Ok(head) => Format::sniff(head),
            Err(e) => return one(Err(ReadError::io(path, e))),
        },
    };
    if format == Format::Jsonl {
        return stream_jsonl(path, reader, opts);
    }
    if let Ok(m) = std::fs::metadata(path) {
        if m.len() > opts.max_bytes {
            return one(Err(ReadError::TooLarge {
                path: path.to_path_buf(),
                line: None,
                size: m.len(),
                limit: opts.max_bytes,
            }));
        }
    }
    match read_limited(path, reader, opts.max_bytes) {
        Ok(bytes) => Box::new(read_bytes(path, &bytes, Some(format), opts).into_iter()),
        Err(e) => one(Err(e)),
    }
}

/// Reads a whole input, refusing more than `limit` bytes (the file may
/// grow, or be a pipe, after its size was checked).
fn read_limited<R: Read>(path: &Path, reader: R, limit: u64) -> Result<Vec<u8>, ReadError> {
    let mut bytes = Vec::new();
    reader
        .take(limit.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(|e| ReadError::io(path, e))?;
    if bytes.len() as u64 > limit {
        return Err(ReadError::TooLarge {
            path: path.to_path_buf(),
            line: None,
            size: bytes.len() as u64,
            limit,
        });
    }
    Ok(bytes)
}

/// JSON lines from a reader, after checking that the input is text.
fn stream_jsonl<R: BufRead + Send + 'static>(
    path: &Path,
    mut reader: R,
    opts: &ReadOptions,
) -> Results {
    match reader.fill_buf() {
        Ok(head) => {
            if let Some(offset) = head.iter().position(|&b| b == 0) {
                return one(Err(ReadError::Binary {
                    path: path.to_path_buf(),
                    offset,
                }));
            }
        }
        Err(e) => return one(Err(ReadError::io(path, e))),
    }
    Box::new(jsonl::read_jsonl(path, reader, opts.max_bytes))
}

fn read_stdin(opts: ReadOptions) -> Results {
    let path = PathBuf::from("-");
    let mut reader = BufReader::with_capacity(64 * 1024, std::io::stdin());
    let format = match opts.format {
        Some(f) => f,
        None => match reader.fill_buf() {
            Ok(head) => Format::sniff(head),
            Err(e) => return one(Err(ReadError::io(&path, e))),
        },
    };
    if format == Format::Jsonl {
        return stream_jsonl(&path, reader, &opts);
    }
    match read_limited(&path, reader, opts.max_bytes) {
        Ok(bytes) => Box::new(read_bytes(&path, &bytes, Some(format), &opts).into_iter()),
        Err(e) => one(Err(e)),
    }
}

/// The line (1-based) of a byte offset.
fn line_of(bytes: &[u8], offset: usize) -> usize {
    bytes[..offset.min(bytes.len())]
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
        + 1
}

/// Reads the documents of one input held in memory. `path` names the
/// input (its stem is the document id); the format is detected from the
/// content when `format` is `None`.
pub fn read_bytes(
    path: &Path,
    bytes: &[u8],
    format: Option<Format>,
    opts: &ReadOptions,
) -> Vec<Result<Document, ReadError>> {
    let err = |e| vec![Err(e)];
    if bytes.len() as u64 > opts.max_bytes {
        return err(ReadError::TooLarge {
            path: path.to_path_buf(),
            line: None,
            size: bytes.len() as u64,
            limit: opts.max_bytes,
        });
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if let Some(offset) = bytes.iter().position(|&b| b == 0) {
        return err(ReadError::Binary {
            path: path.to_path_buf(),
            offset,
        });
    }
    let text = match std::str::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => {
            return err(ReadError::InvalidUtf8 {
                path: path.to_path_buf(),
                line: None,
                bad_line: line_of(bytes, e.valid_up_to()),
                byte: e.valid_up_to(),
            })
        }
    };
    if crate::plain::is_blank(text) {
        return err(ReadError::Empty {
            path: path.to_path_buf(),
            line: None,
        });
    }
    let id = stem(path);
    match format.unwrap_or_else(|| Format::sniff(bytes)) {
        Format::Text => {
            let doc = plain::read_text(&id, text);
            if doc.body.is_empty() {
                err(ReadError::NoBody {
                    path: path.to_path_buf(),
                    line: None,
                })
            } else {
                vec![Ok(doc)]
            }
        }
        Format::Html => match html::extract(&id, text) {
            Some(doc) => vec![Ok(doc)],
            None => err(ReadError::NoBody {
                path: path.to_path_buf(),
                line: None,
            }),
        },
        Format::Jsonl => jsonl::read_jsonl(path, text.as_bytes(), opts.max_bytes).collect(),
        Format::Json => jsonl::read_json_str(path, text),
    }
}

/// Whether a folder entry is a document to read.
fn is_document(path: &Path) -> bool {
    path.extension().is_none() || Format::from_extension(path).is_some()
}

fn is_hidden(entry: &walkdir::DirEntry) -> bool {
    entry.file_name().to_string_lossy().starts_with('.')
}

type Walk = Box<dyn Iterator<Item = walkdir::Result<walkdir::DirEntry>> + Send>;

/// The documents under a folder, file by file.
struct FolderDocuments {
    root: PathBuf,
    walk: Walk,
    current: Option<Results>,
    opts: ReadOptions,
    found: bool,
    done: bool,
}

impl FolderDocuments {
    fn new(root: PathBuf, opts: ReadOptions) -> Self {
        let walk = walkdir::WalkDir::new(&root)
            .follow_links(true)
            .sort_by_file_name()
            .into_iter()
            .filter_entry(|e| e.depth() == 0 || !is_hidden(e));
        FolderDocuments {
            root,
            walk: Box::new(walk),
            current: None,
            opts,
            found: false,
            done: false,
        }
    }
}

impl Iterator for FolderDocuments {
    type Item = Result<Document, ReadError>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            if let Some(cur) = &mut self.current {
                if let Some(r) = cur.next() {
                    return Some(r);
                }
                self.current = None;
            }
            if self.done {
                return None;
            }
            match self.walk.next() {
                None => {
                    self.done = true;
                    if !self.found {
                        return Some(Err(ReadError::NoDocuments {
                            path: self.root.clone(),
                        }));
                    }
                    return None;
                }
                Some(Err(e)) => {
                    let path = e.path().unwrap_or(&self.root).to_path_buf();
                    let io = match e.into_io_error() {
                        Some(io) => io,
                        None => std::io::Error::other("file system loop"),
                    };
                    self.found = true;
                    return Some(Err(ReadError::io(&path, io)));
                }
                Some(Ok(entry)) => {
                    if entry.file_type().is_file() && is_document(entry.path()) {
                        self.found = true;
                        self.current = Some(read_file(entry.path(), &self.opts));
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::fs;

    const ARTICLE: &str = "هجوم على نقطة تفتيش\nالسبت 4 مايو 2024\n\nهاجم مسلحون نقطة تفتيش عسكرية على الطريق السريع فجر اليوم وقتلوا جنديين، بحسب مصدر أمني.";

    fn opts() -> ReadOptions {
        ReadOptions::default()
    }

    #[test]
    fn byte_level_errors() {
        let p = Path::new("x.txt");
        let o = opts();
        assert!(matches!(
            read_bytes(p, b"", None, &o)[0],
            Err(ReadError::Empty { .. })
        ));
        assert!(matches!(
            read_bytes(p, b" \n\t\n", None, &o)[0],
            Err(ReadError::Empty { .. })
        ));
        assert!(matches!(
            read_bytes(p, b"\xEF\xBB\xBF", None, &o)[0],
            Err(ReadError::Empty { .. })
        ));
        assert!(matches!(
            read_bytes(p, b"abc\0def", None, &o)[0],
            Err(ReadError::Binary { offset: 3, .. })
        ));
        let r = read_bytes(p, b"line one\nline \xC3\x28 two", None, &o);
        match &r[0] {
            Err(ReadError::InvalidUtf8 { bad_line, byte, .. }) => {
                assert_eq!(*bad_line, 2);
                assert_eq!(*byte, 14);
            }
            other => panic!("{other:?}"),
        }
        let small = ReadOptions {
            max_bytes: 10,
            ..opts()
        };
        assert!(matches!(
            read_bytes(p, ARTICLE.as_bytes(), None, &small)[0],
            Err(ReadError::TooLarge { limit: 10, .. })
        ));
        // Only chrome: no article text.
        assert!(matches!(
            read_bytes(p, "طباعة\nشارك\n".as_bytes(), Some(Format::Text), &o)[0],
            Err(ReadError::NoBody { .. })
        ));
    }

    #[test]
    fn bom_is_dropped_before_reading() {
        let mut bytes = b"\xEF\xBB\xBF".to_vec();
        bytes.extend_from_slice(ARTICLE.as_bytes());
        let r = read_bytes(Path::new("a.txt"), &bytes, None, &opts());
        let doc = r[0].as_ref().unwrap();
        assert_eq!(doc.text, ARTICLE);
        assert_eq!(doc.id, "a");
    }

    #[test]
    fn folder_is_walked_in_order_skipping_hidden_and_unknown() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        fs::create_dir_all(root.join("sub")).unwrap();
        fs::create_dir_all(root.join(".git")).unwrap();
        fs::write(root.join("b.txt"), ARTICLE).unwrap();
        fs::write(root.join("a.txt"), ARTICLE).unwrap();
        fs::write(root.join("sub/c.txt"), ARTICLE).unwrap();
        fs::write(root.join(".hidden.txt"), ARTICLE).unwrap();
        fs::write(root.join(".git/d.txt"), ARTICLE).unwrap();
        fs::write(root.join("photo.png"), b"\x89PNG\0\0").unwrap();
        fs::write(root.join("empty.txt"), b"").unwrap();
        let out: Vec<_> = read_paths(&[root.to_path_buf()], &opts()).collect();
        let ids: Vec<String> = out
            .iter()
            .map(|r| match r {
                Ok(d) => d.id.clone(),
                Err(e) => format!("error {}", e.path().file_name().unwrap().to_string_lossy()),
            })
            .collect();
        assert_eq!(ids, vec!["a", "b", "error empty.txt", "c"]);
    }

    #[test]
    fn folder_without_documents() {
        let dir = tempfile::tempdir().unwrap();
        fs::write(dir.path().join("x.png"), b"\x89PNG").unwrap();
        let out: Vec<_> = read_paths(&[dir.path().to_path_buf()], &opts()).collect();
        assert_eq!(out.len(), 1);
        assert!(matches!(out[0], Err(ReadError::NoDocuments { .. })));
    }

    #[test]
    fn missing_path_and_batch_goes_on() {
        let dir = tempfile::tempdir().unwrap();
        let good = dir.path().join("good.txt");
        fs::write(&good, ARTICLE).unwrap();
        let out: Vec<_> = read_paths(&[dir.path().join("missing.txt"), good], &opts()).collect();
        assert!(matches!(out[0], Err(ReadError::Io { .. })));
        assert!(out[0]
            .as_ref()
            .unwrap_err()
            .to_string()
            .contains("missing.txt"));
        assert_eq!(out[1].as_ref().unwrap().id, "good");
    }

    #[test]
    fn sniffs_files_without_extension() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("page");
        fs::write(
            &p,
            "<html><body><p>Troops and rebels fought for hours near the river crossing, residents said on Monday.</p></body></html>",
        )
        .unwrap();
        let q = dir.path().join("lines");
        fs::write(
            &q,
            "{\"id\":\"j\",\"text\":\"Shelling hit the town overnight.\"}\n",
        )
        .unwrap();
        let out: Vec<_> = read_paths(&[p, q], &opts()).collect();
        assert_eq!(out[0].as_ref().unwrap().text.lines().count(), 1);
        assert_eq!(out[1].as_ref().unwrap().id, "j");
    }

    #[test]
    fn large_file_refused_without_reading() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("big.txt");
        fs::write(&p, "x".repeat(2000)).unwrap();
        let o = ReadOptions {
            max_bytes: 1000,
            format: None,
        };
        let out: Vec<_> = read_paths(&[p], &o).collect();
        assert!(matches!(
            out[0],
            Err(ReadError::TooLarge { size: 2000, .. })
        ));
    }

    #[test]
    fn binary_jsonl_file() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("bin.jsonl");
        fs::write(&p, b"{\"id\":1}\0\0\0").unwrap();
        let out: Vec<_> = read_paths(&[p], &opts()).collect();
        assert_eq!(out.len(), 1);
        assert!(matches!(out[0], Err(ReadError::Binary { .. })));
    }
}
