//! Scoring coded events against gold events.
//!
//! Every change to the coder is judged by this crate. It is pure scoring:
//! it reads a gold file ([`load_gold`]) and predicted events (from a file,
//! [`load_predictions`], or from whatever coder the caller runs), matches
//! them document by document and counts. It never runs the coder itself,
//! so the scorer can be tested without one and any coder can be scored.
//!
//! - [`score`] returns a [`Report`]: events P/R/F1 under a strict and a
//!   relaxed match, field accuracy over matched pairs, period totals scored
//!   apart from incidents, false events on negative documents; per language
//!   and over all. Its JSON form ([`Report::to_json`]) is the baseline file
//!   format; its `Display` is the table `rasd eval` prints.
//! - [`compare`] sets a report against a baseline and says what got better
//!   or worse; a gating score that drops beyond the tolerance is a
//!   regression ([`Comparison::exit_code`]).
//! - [`list_errors`] lists every missed, spurious and mismatched event with
//!   the evidence text.
//!
//! # The matching rule
//!
//! Within one document, predicted incidents are matched to gold incidents
//! one to one (period totals are matched among themselves, never to
//! incidents). A pair may match when it agrees on
//!
//! 1. the country (`iso3`);
//! 2. the place: `location`, or `admin1` when the locations differ (a known,
//!    equal admin1; two empty ones do not count);
//! 3. the `event_type`;
//! 4. the date, inside the gold precision window: ±1 day for day precision,
//!    ±3 days around the stored middle for week precision (the whole
//!    window), the same month for month, the same year for year.
//!
//! Why these four: they are what makes an event *this* event in ACLED's
//! definition (one type, one place, one day); actors and figures are what
//! the coder should get right *about* the event, so they are scored on the
//! pairs instead of deciding them. The day window is ±1 because night
//! attacks and "yesterday" against late datelines legitimately land on
//! either side of midnight; the wider windows follow the annotation rule
//! that a date known to a week or month is stored at its middle, so any day
//! inside is as right as the stored one. The admin1 fall-back keeps one
//! gazetteer slip (a neighbouring village) from turning a found event into
//! a miss *and* a false event; the location score still records the slip.
//!
//! Among the admissible pairs the matcher takes the assignment with the
//! most pairs, then the most agreeing fields (Kuhn–Munkres; see
//! [`matching`]). Duplicated predictions therefore match once, the extra
//! copy counts as spurious.
//!
//! A relaxed match (country and date window only) is scored beside it: the
//! gap between the two shows how many events were found with the wrong type
//! or place. Period totals match on country and start month (start year
//! when the gold start is only known to the year).
//!
//! # Field comparison
//!
//! Strings compare after case and whitespace normalization only — no fuzzy
//! matching of actors. `claimed_by` compares null with null as agreement
//! (saying "nobody claimed it" is an answer the coder must get right), and
//! a second view counts only gold events that were claimed. Fatalities are
//! scored exactly and within ±10 % (the issue) and ±20 % (the annotation
//! guidelines); both unknown agree, one known and one unknown do not.

mod compare;
pub mod fields;
mod gold;
mod listing;
pub mod matching;
mod score;
mod table;

pub use compare::{
    compare, load_report, metrics, Change, Comparison, Incomparable, Metric, Trend, EXIT_OK,
    EXIT_REGRESSION, EXIT_USAGE,
};
pub use fields::{normalize_name, Field};
pub use gold::{
    load_gold, load_predictions, parse_gold, parse_predictions, read_text, unknown_documents,
    EvalError, GoldDoc, Predictions,
};
pub use listing::{
    list_errors, render_errors, summary, ErrorKind, EventError, EvidenceText, FieldDifference,
    NearMiss,
};
pub use matching::Rule;
pub use score::{
    score, FieldScore, FieldScores, GroupScores, Negatives, Prf, Report, ALL, REPORT_FORMAT,
};
