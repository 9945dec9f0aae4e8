//! Why an input could not be read.
//!
//! Every variant names the input (a path, `-` for stdin, or the id given to
//! the string readers) so that one line of output tells the user which file
//! to look at; JSON-lines errors also carry the 1-based line number. The
//! `Display` form is `<input>: <reason>` (or `<input>:<line>: <reason>`).

use std::path::{Path, PathBuf};

/// A failure to read one input or one record of it.
#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    #[error("{}: cannot read: {source}", path.display())]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },

    #[error("{}{}: not valid UTF-8 (line {bad_line}, byte {byte})", path.display(), at_line(*line))]
    InvalidUtf8 {
        path: PathBuf,
        /// The JSON line, when the error is inside a JSON-lines file.
        line: Option<usize>,
        /// The line of the first bad byte, counted within the input read.
        bad_line: usize,
        /// The offset of the first bad byte, counted within the input read.
        byte: usize,
    },

    #[error("{}: binary file (NUL byte at offset {offset}), not text", path.display())]
    Binary { path: PathBuf, offset: usize },

    #[error("{}{}: empty (no text)", path.display(), at_line(*line))]
    Empty { path: PathBuf, line: Option<usize> },

    #[error("{}{}: too large ({size} bytes, limit {limit})", path.display(), at_line(*line))]
    TooLarge {
        path: PathBuf,
        line: Option<usize>,
        size: u64,
        limit: u64,
    },

    #[error("{}{}: no article text (only markup, header lines or page chrome)", path.display(), at_line(*line))]
    NoBody {
        path: PathBuf,
        /// The JSON line, when the record is inside a JSON-lines file.
        line: Option<usize>,
    },

    #[error("{}:{line}: malformed JSON: {reason}", path.display())]
    Json {
        path: PathBuf,
        line: usize,
        reason: String,
    },

    #[error("{}{}: {reason}", path.display(), at_line(*line))]
    BadRecord {
        path: PathBuf,
        line: Option<usize>,
        reason: String,
    },

    #[error("{}: no documents found (looked for .txt, .html, .htm, .jsonl, .ndjson, .json and files without extension)", path.display())]
    NoDocuments { path: PathBuf },
}

fn at_line(line: Option<usize>) -> String {
    line.map(|l| format!(":{l}")).unwrap_or_default()
}

impl ReadError {
    /// The input the error is about.
    pub fn path(&self) -> &Path {
        match self {
            ReadError::Io { path, .. }
            | ReadError::InvalidUtf8 { path, .. }
            | ReadError::Binary { path, .. }
            | ReadError::Empty { path, .. }
            | ReadError::TooLarge { path, .. }
            | ReadError::NoBody { path, .. }
            | ReadError::Json { path, .. }
            | ReadError::BadRecord { path, .. }
            | ReadError::NoDocuments { path } => path,
        }
    }

    /// The 1-based JSON line the error is about, if any.
    pub fn line(&self) -> Option<usize> {
        match self {
            ReadError::Json { line, .. } => Some(*line),
            ReadError::InvalidUtf8 { line, .. }
            | ReadError::Empty { line, .. }
            | ReadError::TooLarge { line, .. }
            | ReadError::BadRecord { line, .. } => *line,
            _ => None,
        }
    }

    pub(crate) fn io(path: &Path, source: std::io::Error) -> ReadError {
        ReadError::Io {
            path: path.to_path_buf(),
            source,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_name_input_and_line() {
        let e = ReadError::Json {
            path: "batch.jsonl".into(),
            line: 3,
            reason: "expected value".into(),
        };
        assert_eq!(
            e.to_string(),
            "batch.jsonl:3: malformed JSON: expected value"
        );
        assert_eq!(e.line(), Some(3));
        let e = ReadError::TooLarge {
            path: "big.txt".into(),
            line: None,
            size: 50,
            limit: 20,
        };
        assert_eq!(e.to_string(), "big.txt: too large (50 bytes, limit 20)");
        assert_eq!(e.path(), Path::new("big.txt"));
        assert_eq!(e.line(), None);
    }
}
