//! What the coder's rule tests share: a short text of their own made into a
//! document and coded.

// Each test file uses the helpers it needs; the rest are unused there.
#![allow(dead_code)]

use chrono::NaiveDate;
use rasd_coder::Coder;
use rasd_model::{Document, Event, Language};

/// Codes `text`, written in `lang`, as published on `published` at 09:00.
pub fn code_on(lang: Language, published: NaiveDate, text: &str) -> Vec<Event> {
    let doc = Document {
        id: "rule-test".into(),
        url: None,
        title: None,
        published: published.and_hms_opt(9, 0, 0),
        lang: Some(lang),
        text: text.into(),
        body: Vec::new(),
    };
    Coder::global().code(&doc)
}

/// Codes `text` as published on Wednesday 20 March 2024.
pub fn code_in(lang: Language, text: &str) -> Vec<Event> {
    let wednesday = NaiveDate::from_ymd_opt(2024, 3, 20).expect("a valid date");
    code_on(lang, wednesday, text)
}

pub fn ar(text: &str) -> Vec<Event> {
    code_in(Language::Ar, text)
}

pub fn en(text: &str) -> Vec<Event> {
    code_in(Language::En, text)
}

pub fn fr(text: &str) -> Vec<Event> {
    code_in(Language::Fr, text)
}

/// The one incident coded (period totals aside); fails when there are
/// none or several.
pub fn only(ev: &[Event]) -> &Event {
    let incidents: Vec<&Event> = ev.iter().filter(|e| !e.is_period_total).collect();
    assert_eq!(incidents.len(), 1, "{ev:#?}");
    incidents[0]
}
