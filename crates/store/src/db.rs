//! The thin seam between the store's logic and a database driver.
//!
//! Everything the store does — ingest, merge, query, stats — is written once
//! in `store.rs` against [`Conn`]: run a statement with bound [`Param`]s,
//! get rows of [`Value`]s. Each backend implements `Conn` for its driver and
//! says which [`Dialect`] it speaks (placeholders, a handful of function
//! names, full-text search). Statements are always written with `?`
//! placeholders; the PostgreSQL backend renumbers them to `$n`.

use crate::StoreError;

/// A bound parameter. Nulls are typed because PostgreSQL checks the type
/// of every parameter, null or not.
#[derive(Debug, Clone, PartialEq)]
pub enum Param {
    Text(Option<String>),
    Int(Option<i64>),
    Real(Option<f64>),
    Bool(bool),
}

impl From<&str> for Param {
    fn from(s: &str) -> Param {
        Param::Text(Some(s.to_string()))
    }
}
impl From<String> for Param {
    fn from(s: String) -> Param {
        Param::Text(Some(s))
    }
}
impl From<Option<String>> for Param {
    fn from(s: Option<String>) -> Param {
        Param::Text(s)
    }
}
impl From<i64> for Param {
    fn from(v: i64) -> Param {
        Param::Int(Some(v))
    }
}
impl From<Option<i64>> for Param {
    fn from(v: Option<i64>) -> Param {
        Param::Int(v)
    }
}
impl From<f64> for Param {
    fn from(v: f64) -> Param {
        Param::Real(Some(v))
    }
}
impl From<Option<f64>> for Param {
    fn from(v: Option<f64>) -> Param {
        Param::Real(v)
    }
}
impl From<bool> for Param {
    fn from(v: bool) -> Param {
        Param::Bool(v)
    }
}

/// A column value read back.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Null,
    Int(i64),
    Real(f64),
    Text(String),
    Bool(bool),
}

/// One result row.
pub type Row = Vec<Value>;

/// Typed access to a row's columns, with an error naming the column.
pub(crate) trait RowExt {
    fn text(&self, i: usize, ctx: &'static str) -> Result<String, StoreError>;
    fn opt_text(&self, i: usize, ctx: &'static str) -> Result<Option<String>, StoreError>;
    fn int(&self, i: usize, ctx: &'static str) -> Result<i64, StoreError>;
}

impl RowExt for [Value] {
    fn text(&self, i: usize, ctx: &'static str) -> Result<String, StoreError> {
        match self.get(i) {
            Some(Value::Text(s)) => Ok(s.clone()),
            _ => Err(StoreError::Column {
                column: i,
                context: ctx,
            }),
        }
    }
    fn opt_text(&self, i: usize, ctx: &'static str) -> Result<Option<String>, StoreError> {
        match self.get(i) {
            Some(Value::Null) => Ok(None),
            _ => self.text(i, ctx).map(Some),
        }
    }
    fn int(&self, i: usize, ctx: &'static str) -> Result<i64, StoreError> {
        match self.get(i) {
            Some(Value::Int(v)) => Ok(*v),
            Some(Value::Bool(b)) => Ok(i64::from(*b)),
            _ => Err(StoreError::Column {
                column: i,
                context: ctx,
            }),
        }
    }
}

/// What differs between the SQL the two backends accept.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dialect {
    Sqlite,
    Postgres,
}

impl Dialect {
    /// `position of needle in haystack` (1-based, 0 when absent).
    pub fn strpos(self) -> &'static str {
        match self {
            Dialect::Sqlite => "instr",
            Dialect::Postgres => "strpos",
        }
    }

    /// Two-argument maximum.
    pub fn greatest(self) -> &'static str {
        match self {
            Dialect::Sqlite => "max",
            Dialect::Postgres => "greatest",
        }
    }
}

/// A connection (or a transaction on one).
pub trait Conn {
    fn dialect(&self) -> Dialect;
    /// Runs a statement; returns the number of rows changed.
    fn exec(&mut self, sql: &str, params: &[Param]) -> Result<u64, StoreError>;
    /// Runs a query and collects its rows.
    fn rows(&mut self, sql: &str, params: &[Param]) -> Result<Vec<Row>, StoreError>;
}

/// A database the store can open connections on.
pub trait Db: Send + Sync {
    /// Runs `f` in one write transaction, committed when `f` returns `Ok`,
    /// rolled back otherwise. Write transactions are serialized.
    fn write<T>(
        &self,
        f: &mut dyn FnMut(&mut dyn Conn) -> Result<T, StoreError>,
    ) -> Result<T, StoreError>;
    /// Runs `f` on a connection that sees one consistent snapshot.
    fn read<T>(
        &self,
        f: &mut dyn FnMut(&mut dyn Conn) -> Result<T, StoreError>,
    ) -> Result<T, StoreError>;
}
