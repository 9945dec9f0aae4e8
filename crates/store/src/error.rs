//! The store's error type: every variant names what was being done.

/// Errors of the store. Database errors carry the statement (abridged) or
/// the step that failed; input errors name the document.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("unsupported database {url:?}: expected a file path, sqlite://PATH or postgres://…")]
    BadUrl { url: String },

    #[error("cannot open SQLite database {path}: {source}")]
    OpenSqlite {
        path: String,
        #[source]
        source: rusqlite::Error,
    },

    #[error("SQLite error in {context}: {source}")]
    Sqlite {
        context: String,
        #[source]
        source: rusqlite::Error,
    },

    #[error("cannot connect to PostgreSQL {url}: {source}")]
    ConnectPostgres {
        url: String,
        #[source]
        source: r2d2::Error,
    },

    #[error("PostgreSQL error in {context}: {source}")]
    Postgres {
        context: String,
        #[source]
        source: postgres::Error,
    },

    #[error("PostgreSQL connection pool: {0}")]
    Pool(#[from] r2d2::Error),

    #[error("stored {what} {id} cannot be read back: {source}")]
    Corrupt {
        what: &'static str,
        id: String,
        #[source]
        source: serde_json::Error,
    },

    #[error("document {doc_id:?}: {reason}")]
    InvalidDocument { doc_id: String, reason: String },

    #[error("document {doc_id:?}: event id {report_id} is already stored for document {other:?}")]
    DuplicateReportId {
        doc_id: String,
        report_id: String,
        other: String,
    },

    #[error("unexpected value in column {column} of {context}")]
    Column {
        column: usize,
        context: &'static str,
    },

    #[error("export to {format}: {reason}")]
    Export {
        format: &'static str,
        reason: String,
    },

    #[error("export I/O: {0}")]
    Io(#[from] std::io::Error),
}

/// Short form of a statement for error messages.
pub(crate) fn abridge(sql: &str) -> String {
    let one_line: String = sql.split_whitespace().collect::<Vec<_>>().join(" ");
    if one_line.chars().count() > 90 {
        let cut: String = one_line.chars().take(90).collect();
        format!("{cut}…")
    } else {
        one_line
    }
}
