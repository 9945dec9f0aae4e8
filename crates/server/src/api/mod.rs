//! The JSON API, one module per area. Each module has a `routes()` that
//! the application router merges.

pub mod documents;
pub mod events;
pub mod export;
pub mod meta;
pub mod stats;
