//! The SQLite backend: the embedded default.
//!
//! One database file in WAL mode: one writer connection (writes are
//! serialized by SQLite anyway; `BEGIN IMMEDIATE` takes the write lock at
//! the start so two processes never deadlock on an upgrade) and a small
//! pool of reader connections that see snapshots while the writer works.
//! `synchronous=NORMAL` in WAL mode loses no committed transaction when the
//! process is killed (only on power loss may the last ones roll back, and
//! the file is never corrupted). Migrations are numbered by
//! `PRAGMA user_version` and run in one transaction on open.

use std::path::Path;
use std::sync::{Arc, Mutex};

use rusqlite::functions::FunctionFlags;
use rusqlite::types::{ToSqlOutput, ValueRef};
use rusqlite::{Connection, OpenFlags, TransactionBehavior};

use crate::db::{Conn, Db, Dialect, Param, Row, Value};
use crate::error::abridge;
use crate::schema;
use crate::store::SqlStore;
use crate::{Backend, Store, StoreError};

/// Each entry upgrades the schema from version `index` to `index + 1`.
const MIGRATIONS: &[&str] = &[
    schema::SQLITE_CREATE,
    schema::STATS_SUMMARY,
    schema::NEWEST_FIRST,
];

fn err(context: &str, source: rusqlite::Error) -> StoreError {
    StoreError::Sqlite {
        context: abridge(context),
        source,
    }
}

impl rusqlite::ToSql for Param {
    fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
        Ok(match self {
            Param::Text(Some(s)) => ToSqlOutput::Borrowed(ValueRef::Text(s.as_bytes())),
            Param::Int(Some(v)) => ToSqlOutput::Owned(rusqlite::types::Value::Integer(*v)),
            Param::Real(Some(v)) => ToSqlOutput::Owned(rusqlite::types::Value::Real(*v)),
            Param::Bool(b) => ToSqlOutput::Owned(rusqlite::types::Value::Integer(i64::from(*b))),
            Param::Text(None) | Param::Int(None) | Param::Real(None) => {
                ToSqlOutput::Owned(rusqlite::types::Value::Null)
            }
        })
    }
}

struct SqliteConn<'a>(&'a Connection);

impl Conn for SqliteConn<'_> {
    fn dialect(&self) -> Dialect {
        Dialect::Sqlite
    }

    fn exec(&mut self, sql: &str, params: &[Param]) -> Result<u64, StoreError> {
        let mut stmt = self.0.prepare_cached(sql).map_err(|e| err(sql, e))?;
        let n = stmt
            .execute(rusqlite::params_from_iter(params))
            .map_err(|e| err(sql, e))?;
        Ok(n as u64)
    }

    fn rows(&mut self, sql: &str, params: &[Param]) -> Result<Vec<Row>, StoreError> {
        let mut stmt = self.0.prepare_cached(sql).map_err(|e| err(sql, e))?;
        let ncol = stmt.column_count();
        let mut rows = stmt
            .query(rusqlite::params_from_iter(params))
            .map_err(|e| err(sql, e))?;
        let mut out = Vec::new();
        while let Some(r) = rows.next().map_err(|e| err(sql, e))? {
            let mut row = Vec::with_capacity(ncol);
            for i in 0..ncol {
                row.push(match r.get_ref(i).map_err(|e| err(sql, e))? {
                    ValueRef::Null => Value::Null,
                    ValueRef::Integer(v) => Value::Int(v),
                    ValueRef::Real(v) => Value::Real(v),
                    // `from_utf8` validates much faster than the lossy
                    // scan; stored text is always UTF-8.
                    ValueRef::Text(t) | ValueRef::Blob(t) => {
                        Value::Text(match std::str::from_utf8(t) {
                            Ok(s) => s.to_owned(),
                            Err(_) => String::from_utf8_lossy(t).into_owned(),
                        })
                    }
                });
            }
            out.push(row);
        }
        Ok(out)
    }
}

pub(crate) struct SqliteDb {
    path: String,
    writer: Mutex<Connection>,
    readers: Mutex<Vec<Connection>>,
}

/// Most readers kept open; more are opened on demand and closed after use.
const MAX_IDLE_READERS: usize = 8;

fn configure(conn: &Connection, path: &str) -> Result<(), StoreError> {
    let open_err = |source| StoreError::OpenSqlite {
        path: path.to_string(),
        source,
    };
    conn.busy_timeout(std::time::Duration::from_secs(30))
        .map_err(open_err)?;
    // A page cache large enough that merge lookups and index updates do
    // not re-read pages through the kernel on every statement, and reads
    // through a memory map rather than copies (the defaults made ingest
    // into a large store I/O-bound).
    conn.execute_batch(
        "PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL; \
         PRAGMA cache_size = -16384; PRAGMA mmap_size = 1073741824; \
         PRAGMA temp_store = MEMORY;",
    )
    .map_err(open_err)?;
    conn.set_prepared_statement_cache_capacity(64);
    conn.create_scalar_function(
        "rasd_km",
        4,
        FunctionFlags::SQLITE_UTF8 | FunctionFlags::SQLITE_DETERMINISTIC,
        |ctx| {
            let a: Option<f64> = ctx.get(0)?;
            let b: Option<f64> = ctx.get(1)?;
            let c: Option<f64> = ctx.get(2)?;
            let d: Option<f64> = ctx.get(3)?;
            Ok(match (a, b, c, d) {
                (Some(a), Some(b), Some(c), Some(d)) => {
                    Some(crate::merge::haversine_km(a, b, c, d))
                }
                _ => None,
            })
        },
    )
    .map_err(open_err)?;
    Ok(())
}

impl SqliteDb {
    fn open(path: &Path) -> Result<SqliteDb, StoreError> {
        let p = path.display().to_string();
        let open_err = |source| StoreError::OpenSqlite {
            path: p.clone(),
            source,
        };
        let conn = Connection::open(path).map_err(open_err)?;
        // WAL is a property of the file; set once, it stays.
        conn.pragma_update(None, "journal_mode", "WAL")
            .map_err(open_err)?;
        configure(&conn, &p)?;
        migrate(&conn, &p)?;
        Ok(SqliteDb {
            path: p,
            writer: Mutex::new(conn),
            readers: Mutex::new(Vec::new()),
        })
    }

    fn reader(&self) -> Result<Connection, StoreError> {
        if let Some(c) = self.readers.lock().unwrap_or_else(|e| e.into_inner()).pop() {
            return Ok(c);
        }
        let conn = Connection::open_with_flags(
            &self.path,
            OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )
        .map_err(|source| StoreError::OpenSqlite {
            path: self.path.clone(),
            source,
        })?;
        configure(&conn, &self.path)?;
        Ok(conn)
    }
}

fn migrate(conn: &Connection, path: &str) -> Result<(), StoreError> {
    let version: i64 = conn
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .map_err(|e| err("PRAGMA user_version", e))?;
    let version = usize::try_from(version).unwrap_or(0);
    if version > MIGRATIONS.len() {
        return Err(StoreError::Sqlite {
            context: format!(
                "opening {path}: schema version {version} is newer than this program knows ({})",
                MIGRATIONS.len()
            ),
            source: rusqlite::Error::InvalidQuery,
        });
    }
    for (i, sql) in MIGRATIONS.iter().enumerate().skip(version) {
        let tx = conn.unchecked_transaction().map_err(|e| err("BEGIN", e))?;
        tx.execute_batch(sql)
            .map_err(|e| err(&format!("migration {}", i + 1), e))?;
        tx.pragma_update(None, "user_version", (i + 1) as i64)
            .map_err(|e| err("PRAGMA user_version", e))?;
        tx.commit().map_err(|e| err("COMMIT", e))?;
    }
    Ok(())
}

impl Db for SqliteDb {
    fn write<T>(
        &self,
        f: &mut dyn FnMut(&mut dyn Conn) -> Result<T, StoreError>,
    ) -> Result<T, StoreError> {
        let mut conn = self.writer.lock().unwrap_or_else(|e| e.into_inner());
        let tx = conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(|e| err("BEGIN IMMEDIATE", e))?;
        let out = f(&mut SqliteConn(&tx))?;
        tx.commit().map_err(|e| err("COMMIT", e))?;
        Ok(out)
    }

    fn read<T>(
        &self,
        f: &mut dyn FnMut(&mut dyn Conn) -> Result<T, StoreError>,
    ) -> Result<T, StoreError> {
        let mut conn = self.reader()?;
        let out = {
            let tx = conn.transaction().map_err(|e| err("BEGIN", e))?;
            let out = f(&mut SqliteConn(&tx));
            tx.finish().map_err(|e| err("END", e))?;
            out
        };
        let mut idle = self.readers.lock().unwrap_or_else(|e| e.into_inner());
        if idle.len() < MAX_IDLE_READERS {
            idle.push(conn);
        }
        out
    }
}

/// Opens (creating and migrating) a SQLite store at `path`.
pub fn open_sqlite(path: &Path) -> Result<Arc<dyn Store>, StoreError> {
    Ok(Arc::new(SqlStore::new(
        SqliteDb::open(path)?,
        Backend::Sqlite,
    )))
}
