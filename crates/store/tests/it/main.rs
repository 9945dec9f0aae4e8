//! Integration tests of the store, by theme. Every test in a
//! `store_test!` runs on SQLite, and on PostgreSQL when
//! `RASD_TEST_PG_URL` is set (each in its own schema, so they run in
//! parallel).

#[macro_use]
mod common;

mod crash;
mod export;
mod ingest;
mod merge;
mod query;
