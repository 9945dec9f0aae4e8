//! Document readers: turn files as news sites publish them into
//! [`rasd_model::Document`]s.
//!
//! Three input formats, one module each:
//! - [`plain`]: plain text with a site's header lines (title, date line,
//!   byline) and page chrome ("طباعة", "شارك", "read also" links and
//!   lists of related or most-read headlines, share lines, navigation bars
//!   and footers, crawl and access banners, photo captions and credits,
//!   editor's and translator's notes, comment sections, repeated or
//!   truncated copies of paragraphs, pieces of words where an excerpt was
//!   cut). `text` keeps the file exactly as read (minus a UTF-8 BOM) and
//!   `body` lists the spans that are the article, so every later span is a
//!   byte offset into what the user gave us.
//! - [`html`]: saved article pages. `text` is the extracted text (title
//!   line, blank line, one paragraph per block, blank lines between);
//!   metadata comes from meta tags, JSON-LD and `<time>` elements, else
//!   from the date line printed under the headline. The blocks go through
//!   the same chrome rules as plain-text lines.
//! - [`jsonl`]: one JSON document a line. The record's fields win; its
//!   `text` still goes through the plain-text reader, because crawled text
//!   often carries the site's header lines and chrome too.
//!
//! [`read_paths`] expands files, folders (recursively, sorted, hidden files
//! skipped) and `-` (stdin) lazily and yields one `Result` per document, so
//! one bad file never stops a batch and a folder of thousands of files is
//! never held in memory at once. Every failure is a [`ReadError`] naming
//! the input (and line, for JSON lines) and the reason.
//!
//! Decisions worth knowing:
//! - ids: a JSON record's `id`, else the file name without extension
//!   (`<stem>-<line>` for JSON lines without ids, `stdin` for `-`);
//! - line breaks are kept as they are (CRLF included): spans index the
//!   original text, and the `\r` is simply left outside every body span;
//! - a UTF-8 BOM is dropped (it is not text); any other invisible character
//!   is kept in `text` and ignored by the matchers;
//! - the size limit ([`ReadOptions::max_bytes`]) applies to each text or
//!   HTML file and to each JSON line, not to a JSON-lines file as a whole,
//!   which streams;
//! - a text or page with no article text left (only header lines, markup or
//!   chrome) is an error, [`ReadError::NoBody`], rather than an empty
//!   document.
//!
//! Header dates are read by [`header`] (Arabic, English and French date
//! lines; month names come from `rasd_text::months`), page chrome is
//! recognised by [`chrome`] from the data files in `data/`, and the
//! language by [`lang`].

pub mod chrome;
mod error;
mod format;
pub mod header;
pub mod html;
pub mod jsonl;
pub mod lang;
pub mod plain;
mod source;

pub use error::ReadError;
pub use format::Format;
pub use html::read_html;
pub use jsonl::{read_jsonl, read_jsonl_str};
pub use plain::read_text;
pub use source::{read_bytes, read_paths, Documents};

pub use rasd_model::{Document, Language, Span};

/// The entries of a data file in `data/`, with their 1-based line
/// numbers: blank lines and `#` comments are not entries.
pub(crate) fn data_rows(file: &str) -> impl Iterator<Item = (usize, &str)> {
    file.lines()
        .enumerate()
        .map(|(i, line)| (i + 1, line))
        .filter(|(_, line)| !line.trim().is_empty() && !line.starts_with('#'))
}

/// Default size limit of one input file (and of one JSON line).
pub const DEFAULT_MAX_BYTES: u64 = 20 * 1024 * 1024;

/// How inputs are read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReadOptions {
    /// Files (text, HTML) and JSON lines larger than this are refused with
    /// [`ReadError::TooLarge`] instead of being loaded.
    pub max_bytes: u64,
    /// Read every input as this format instead of detecting it.
    pub format: Option<Format>,
}

impl Default for ReadOptions {
    fn default() -> Self {
        ReadOptions {
            max_bytes: DEFAULT_MAX_BYTES,
            format: None,
        }
    }
}
