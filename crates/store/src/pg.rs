//! The PostgreSQL backend: for teams sharing one store.
//!
//! Synchronous `postgres` clients in an r2d2 pool, each keeping its own
//! cache of prepared statements (one round trip per statement after the
//! first). Write transactions take a transaction-level advisory lock keyed
//! by the schema, so concurrent ingesters serialize exactly like SQLite's
//! single writer and never race to found the same event twice; readers use
//! REPEATABLE READ, read-only transactions for a consistent snapshot.
//! Migrations are numbered in `rasd_schema_version` and run under the same
//! lock on open. Dates are stored as ISO text as in SQLite so both backends
//! run the same SQL; full-text search uses a GIN index over
//! `to_tsvector('simple', search_text)`.

use std::collections::HashMap;
use std::sync::Arc;

use postgres::types::{ToSql, Type};
use postgres::{Client, IsolationLevel, NoTls, Statement};

use crate::db::{Conn, Db, Dialect, Param, Row, Value};
use crate::error::abridge;
use crate::schema;
use crate::store::SqlStore;
use crate::{Backend, Store, StoreError};

const MIGRATIONS: &[&str] = &[
    schema::PG_CREATE,
    schema::STATS_SUMMARY,
    schema::NEWEST_FIRST,
];

fn err(context: &str, source: postgres::Error) -> StoreError {
    StoreError::Postgres {
        context: abridge(context),
        source,
    }
}

/// `?` placeholders to `$1, $2, …`. The store's SQL has no `?` inside
/// string literals, so a plain scan is exact.
fn number_placeholders(sql: &str) -> String {
    let mut out = String::with_capacity(sql.len() + 16);
    let mut n = 0;
    for c in sql.chars() {
        if c == '?' {
            n += 1;
            out.push('$');
            out.push_str(&n.to_string());
        } else {
            out.push(c);
        }
    }
    out
}

/// One pooled client and its prepared statements.
pub(crate) struct PgConn {
    client: Client,
    statements: HashMap<String, Statement>,
}

struct Manager {
    config: postgres::Config,
}

impl r2d2::ManageConnection for Manager {
    type Connection = PgConn;
    type Error = postgres::Error;

    fn connect(&self) -> Result<PgConn, postgres::Error> {
        Ok(PgConn {
            client: self.config.connect(NoTls)?,
            statements: HashMap::new(),
        })
    }

    fn is_valid(&self, conn: &mut PgConn) -> Result<(), postgres::Error> {
        conn.client.simple_query("").map(|_| ())
    }

    fn has_broken(&self, conn: &mut PgConn) -> bool {
        conn.client.is_closed()
    }
}

struct PgTx<'a, 'b> {
    tx: &'a mut postgres::Transaction<'b>,
    statements: &'a mut HashMap<String, Statement>,
}

impl PgTx<'_, '_> {
    fn prepare(&mut self, sql: &str) -> Result<Statement, StoreError> {
        if let Some(s) = self.statements.get(sql) {
            return Ok(s.clone());
        }
        let stmt = self
            .tx
            .prepare(&number_placeholders(sql))
            .map_err(|e| err(sql, e))?;
        self.statements.insert(sql.to_string(), stmt.clone());
        Ok(stmt)
    }
}

fn to_sql(params: &[Param]) -> Vec<Box<dyn ToSql + Sync>> {
    params
        .iter()
        .map(|p| -> Box<dyn ToSql + Sync> {
            match p {
                Param::Text(v) => Box::new(v.clone()),
                Param::Int(v) => Box::new(*v),
                Param::Real(v) => Box::new(*v),
                Param::Bool(v) => Box::new(*v),
            }
        })
        .collect()
}

impl Conn for PgTx<'_, '_> {
    fn dialect(&self) -> Dialect {
        Dialect::Postgres
    }

    fn exec(&mut self, sql: &str, params: &[Param]) -> Result<u64, StoreError> {
        let stmt = self.prepare(sql)?;
        let owned = to_sql(params);
        let refs: Vec<&(dyn ToSql + Sync)> = owned.iter().map(|b| b.as_ref()).collect();
        self.tx.execute(&stmt, &refs).map_err(|e| err(sql, e))
    }

    fn rows(&mut self, sql: &str, params: &[Param]) -> Result<Vec<Row>, StoreError> {
        let stmt = self.prepare(sql)?;
        let owned = to_sql(params);
        let refs: Vec<&(dyn ToSql + Sync)> = owned.iter().map(|b| b.as_ref()).collect();
        let rows = self.tx.query(&stmt, &refs).map_err(|e| err(sql, e))?;
        let mut out = Vec::with_capacity(rows.len());
        for r in &rows {
            let mut row = Vec::with_capacity(r.len());
            for (i, col) in r.columns().iter().enumerate() {
                let ty = col.type_();
                let v = if *ty == Type::INT8 {
                    r.try_get::<_, Option<i64>>(i).map(|v| v.map(Value::Int))
                } else if *ty == Type::INT4 {
                    r.try_get::<_, Option<i32>>(i)
                        .map(|v| v.map(|v| Value::Int(i64::from(v))))
                } else if *ty == Type::INT2 {
                    r.try_get::<_, Option<i16>>(i)
                        .map(|v| v.map(|v| Value::Int(i64::from(v))))
                } else if *ty == Type::FLOAT8 {
                    r.try_get::<_, Option<f64>>(i).map(|v| v.map(Value::Real))
                } else if *ty == Type::BOOL {
                    r.try_get::<_, Option<bool>>(i).map(|v| v.map(Value::Bool))
                } else {
                    r.try_get::<_, Option<String>>(i)
                        .map(|v| v.map(Value::Text))
                };
                row.push(v.map_err(|e| err(sql, e))?.unwrap_or(Value::Null));
            }
            out.push(row);
        }
        Ok(out)
    }
}

pub(crate) struct PgDb {
    pool: r2d2::Pool<Manager>,
}

/// Serializes writers of one schema (see the module comment).
const WRITE_LOCK: &str = "SELECT pg_advisory_xact_lock(hashtext(current_schema()))";

impl PgDb {
    fn open(url: &str, schema: Option<&str>) -> Result<PgDb, StoreError> {
        let redacted = redact(url);
        let mut config: postgres::Config = url.parse().map_err(|e| StoreError::Postgres {
            context: format!("parsing the URL {redacted}"),
            source: e,
        })?;
        if let Some(schema) = schema {
            if schema.is_empty()
                || !schema
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
            {
                return Err(StoreError::BadUrl {
                    url: format!("{redacted} (schema {schema:?}: use [a-z0-9_] only)"),
                });
            }
            let mut admin = config.connect(NoTls).map_err(|e| StoreError::Postgres {
                context: format!("connecting to {redacted}"),
                source: e,
            })?;
            admin
                .batch_execute(&format!("CREATE SCHEMA IF NOT EXISTS {schema}"))
                .map_err(|e| err("CREATE SCHEMA", e))?;
            config.options(&format!("-c search_path={schema}"));
        }
        let pool = r2d2::Pool::builder()
            .max_size(8)
            .min_idle(Some(1))
            .connection_timeout(std::time::Duration::from_secs(20))
            .build(Manager { config })
            .map_err(|source| StoreError::ConnectPostgres {
                url: redacted.clone(),
                source,
            })?;
        let db = PgDb { pool };
        db.migrate()?;
        Ok(db)
    }

    fn migrate(&self) -> Result<(), StoreError> {
        let mut conn = self.pool.get()?;
        let mut tx = conn.client.transaction().map_err(|e| err("BEGIN", e))?;
        tx.batch_execute(WRITE_LOCK)
            .map_err(|e| err(WRITE_LOCK, e))?;
        tx.batch_execute(
            "CREATE TABLE IF NOT EXISTS rasd_schema_version (version BIGINT NOT NULL)",
        )
        .map_err(|e| err("CREATE TABLE rasd_schema_version", e))?;
        let version: i64 = tx
            .query_opt("SELECT max(version) FROM rasd_schema_version", &[])
            .map_err(|e| err("SELECT schema version", e))?
            .and_then(|r| r.get::<_, Option<i64>>(0))
            .unwrap_or(0);
        let version = usize::try_from(version).unwrap_or(0);
        for (i, sql) in MIGRATIONS.iter().enumerate().skip(version) {
            tx.batch_execute(sql)
                .map_err(|e| err(&format!("migration {}", i + 1), e))?;
            tx.execute(
                "INSERT INTO rasd_schema_version (version) VALUES ($1)",
                &[&((i + 1) as i64)],
            )
            .map_err(|e| err("INSERT schema version", e))?;
        }
        tx.commit().map_err(|e| err("COMMIT", e))
    }
}

/// The URL without its password, for messages.
fn redact(url: &str) -> String {
    match (url.find("://"), url.rfind('@')) {
        (Some(s), Some(at)) if at > s => {
            let userinfo = &url[s + 3..at];
            match userinfo.split_once(':') {
                Some((user, _)) => format!("{}{}:***{}", &url[..s + 3], user, &url[at..]),
                None => url.to_string(),
            }
        }
        _ => url.to_string(),
    }
}

impl Db for PgDb {
    fn write<T>(
        &self,
        f: &mut dyn FnMut(&mut dyn Conn) -> Result<T, StoreError>,
    ) -> Result<T, StoreError> {
        let mut conn = self.pool.get()?;
        let PgConn { client, statements } = &mut *conn;
        let mut tx = client.transaction().map_err(|e| err("BEGIN", e))?;
        tx.batch_execute(WRITE_LOCK)
            .map_err(|e| err(WRITE_LOCK, e))?;
        let out = f(&mut PgTx {
            tx: &mut tx,
            statements,
        })?;
        tx.commit().map_err(|e| err("COMMIT", e))?;
        Ok(out)
    }

    fn read<T>(
        &self,
        f: &mut dyn FnMut(&mut dyn Conn) -> Result<T, StoreError>,
    ) -> Result<T, StoreError> {
        let mut conn = self.pool.get()?;
        let PgConn { client, statements } = &mut *conn;
        let mut tx = client
            .build_transaction()
            .isolation_level(IsolationLevel::RepeatableRead)
            .read_only(true)
            .start()
            .map_err(|e| err("BEGIN READ ONLY", e))?;
        let out = f(&mut PgTx {
            tx: &mut tx,
            statements,
        })?;
        tx.commit().map_err(|e| err("COMMIT", e))?;
        Ok(out)
    }
}

/// Opens (migrating as needed) a PostgreSQL store.
pub fn open_postgres(url: &str) -> Result<Arc<dyn Store>, StoreError> {
    Ok(Arc::new(SqlStore::new(
        PgDb::open(url, None)?,
        Backend::Postgres,
    )))
}

/// Opens a PostgreSQL store inside `schema` (created if missing; `[a-z0-9_]`
/// only). Tests give each test its own schema so they run in parallel.
pub fn open_postgres_in_schema(url: &str, schema: &str) -> Result<Arc<dyn Store>, StoreError> {
    Ok(Arc::new(SqlStore::new(
        PgDb::open(url, Some(schema))?,
        Backend::Postgres,
    )))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholders_are_numbered() {
        assert_eq!(
            number_placeholders("a = ? AND b IN (?, ?)"),
            "a = $1 AND b IN ($2, $3)"
        );
    }

    #[test]
    fn passwords_are_redacted() {
        assert_eq!(
            redact("postgres://u:secret@h:5432/db"),
            "postgres://u:***@h:5432/db"
        );
        assert_eq!(redact("postgres://u@h/db"), "postgres://u@h/db");
    }
}
