//! Which reader an input goes to: by file extension, else by its first
//! bytes.

use std::path::Path;

/// An input format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    /// Plain text with a site's header lines.
    Text,
    /// A saved HTML page.
    Html,
    /// JSON lines, one document a line, read as a stream.
    Jsonl,
    /// A `.json` file: one document object, an array of them, or JSON
    /// lines (read whole, within the size limit).
    Json,
}

impl Format {
    /// The format an extension promises, if it is one we know.
    pub fn from_extension(path: &Path) -> Option<Format> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "txt" | "text" => Some(Format::Text),
            "html" | "htm" | "xhtml" => Some(Format::Html),
            "jsonl" | "ndjson" => Some(Format::Jsonl),
            "json" => Some(Format::Json),
            _ => None,
        }
    }

    /// Guesses the format from the first bytes of an input.
    pub fn sniff(head: &[u8]) -> Format {
        let head = head.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(head);
        let start = head
            .iter()
            .position(|b| !b.is_ascii_whitespace())
            .unwrap_or(head.len());
        let rest = &head[start..];
        match rest.first() {
            Some(b'{') => Format::Jsonl,
            Some(b'[') => Format::Json,
            Some(b'<') => {
                let probe: Vec<u8> = rest
                    .iter()
                    .take(2048)
                    .map(|b| b.to_ascii_lowercase())
                    .collect();
                const MARKERS: [&[u8]; 9] = [
                    b"<!doctype html",
                    b"<html",
                    b"<head",
                    b"<body",
                    b"<meta",
                    b"<article",
                    b"<div",
                    b"<p>",
                    b"<title",
                ];
                if MARKERS
                    .iter()
                    .any(|m| probe.windows(m.len()).any(|w| w == *m))
                {
                    Format::Html
                } else {
                    Format::Text
                }
            }
            _ => Format::Text,
        }
    }

    /// Parses a format name as a user writes it (`text`, `html`, `jsonl`).
    pub fn from_name(name: &str) -> Option<Format> {
        match name.trim().to_ascii_lowercase().as_str() {
            "text" | "txt" | "plain" => Some(Format::Text),
            "html" | "htm" => Some(Format::Html),
            "jsonl" | "ndjson" => Some(Format::Jsonl),
            "json" => Some(Format::Json),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn by_extension() {
        assert_eq!(
            Format::from_extension(Path::new("a/b.TXT")),
            Some(Format::Text)
        );
        assert_eq!(
            Format::from_extension(Path::new("p.htm")),
            Some(Format::Html)
        );
        assert_eq!(
            Format::from_extension(Path::new("x.ndjson")),
            Some(Format::Jsonl)
        );
        assert_eq!(
            Format::from_extension(Path::new("x.json")),
            Some(Format::Json)
        );
        assert_eq!(Format::from_extension(Path::new("README")), None);
        assert_eq!(Format::from_extension(Path::new("photo.png")), None);
    }

    #[test]
    fn by_content() {
        assert_eq!(
            Format::sniff(b"\xEF\xBB\xBF  <!DOCTYPE html><html>"),
            Format::Html
        );
        assert_eq!(Format::sniff(b"<div class=x>hi</div>"), Format::Html);
        assert_eq!(Format::sniff(b"<<< not markup"), Format::Text);
        assert_eq!(Format::sniff(b"{\"id\":1}\n"), Format::Jsonl);
        assert_eq!(Format::sniff(b"[{\"id\":1}]"), Format::Json);
        assert_eq!(Format::sniff("عنوان\nنص".as_bytes()), Format::Text);
        assert_eq!(Format::sniff(b""), Format::Text);
    }
}
