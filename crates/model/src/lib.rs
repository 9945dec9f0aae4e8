//! The shared vocabulary of every Rasd stage.
//!
//! Everything that crosses a crate boundary lives here: a [`Span`] of byte
//! offsets into an original text, the [`Document`] the readers produce, the
//! [`Event`] record the coder produces and the store keeps (field for field
//! the record of `docs/event-schema.md`), and the ACLED categories as enums
//! rather than strings. This crate does no I/O and knows nothing about how
//! text is analysed, so every other crate can depend on it.

mod acled;
mod document;
mod event;
mod span;

pub use acled::{
    DatePrecision, DisorderType, EventType, FatalityGroup, FatalityQualifier, Inter, SubEventType,
    UnknownCategory,
};
pub use document::{Document, Language};
pub use event::{event_id, event_id_of_parts, Event, Evidence, Fatalities};
pub use span::Span;
