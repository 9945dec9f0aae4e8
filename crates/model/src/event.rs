//! The event record of `docs/event-schema.md`.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::{
    DatePrecision, DisorderType, EventType, FatalityGroup, FatalityQualifier, Inter, Span,
    SubEventType,
};

/// Deaths per victim group, as far as the text says.
pub type Fatalities = BTreeMap<FatalityGroup, u32>;

/// For each field that came from the text, the spans of the original text
/// that support it (`{"event_type": [[120, 128]], ...}`).
pub type Evidence = BTreeMap<String, Vec<Span>>;

/// One coded event. Field names and meanings follow the schema exactly; the
/// gold files hold a subset of the fields, so every field that a gold line
/// may omit has a default and the same type reads both.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Event {
    #[serde(default)]
    pub event_id: String,
    #[serde(default)]
    pub doc_id: String,
    pub event_date: Option<NaiveDate>,
    #[serde(default = "default_precision")]
    pub date_precision: DatePrecision,
    #[serde(default = "default_disorder")]
    pub disorder_type: DisorderType,
    pub event_type: EventType,
    pub sub_event_type: SubEventType,
    #[serde(default, deserialize_with = "null_as_empty")]
    pub actor1: String,
    #[serde(default)]
    pub assoc_actor_1: String,
    #[serde(default = "default_inter")]
    pub inter1: Inter,
    #[serde(default, deserialize_with = "null_as_empty")]
    pub actor2: String,
    #[serde(default)]
    pub assoc_actor_2: String,
    #[serde(default = "default_inter")]
    pub inter2: Inter,
    #[serde(default)]
    pub interaction: u8,
    #[serde(default)]
    pub civilian_targeting: bool,
    #[serde(default, deserialize_with = "null_as_empty")]
    pub iso3: String,
    #[serde(default)]
    pub country: String,
    #[serde(default, deserialize_with = "null_as_empty")]
    pub admin1: String,
    #[serde(default)]
    pub admin2: String,
    #[serde(default, deserialize_with = "null_as_empty")]
    pub location: String,
    #[serde(default)]
    pub latitude: Option<f64>,
    #[serde(default)]
    pub longitude: Option<f64>,
    #[serde(default = "default_geo_precision")]
    pub geo_precision: u8,
    #[serde(default)]
    pub fatalities: Option<u32>,
    #[serde(default = "default_qualifier")]
    pub fatalities_qualifier: FatalityQualifier,
    #[serde(default)]
    pub fatalities_by_group: Fatalities,
    #[serde(default)]
    pub injured: Option<u32>,
    #[serde(default)]
    pub claimed_by: Option<String>,
    #[serde(default)]
    pub source_attribution: Option<String>,
    #[serde(default)]
    pub is_period_total: bool,
    #[serde(default)]
    pub notes: String,
    #[serde(default)]
    pub evidence: Evidence,
    #[serde(default)]
    pub confidence: f32,
}

fn default_precision() -> DatePrecision {
    DatePrecision::Day
}
fn default_disorder() -> DisorderType {
    DisorderType::PoliticalViolence
}
fn default_inter() -> Inter {
    Inter::None
}
fn default_geo_precision() -> u8 {
    1
}
fn default_qualifier() -> FatalityQualifier {
    FatalityQualifier::Unknown
}

fn null_as_empty<'de, D: serde::Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    Ok(Option::<String>::deserialize(d)?.unwrap_or_default())
}

impl Event {
    /// A new event of the given sub-event type with every other field empty.
    pub fn new(doc_id: impl Into<String>, sub_event_type: SubEventType) -> Event {
        let event_type = sub_event_type.event_type();
        Event {
            event_id: String::new(),
            doc_id: doc_id.into(),
            event_date: None,
            date_precision: DatePrecision::Day,
            disorder_type: event_type.disorder_type(sub_event_type),
            event_type,
            sub_event_type,
            actor1: String::new(),
            assoc_actor_1: String::new(),
            inter1: Inter::None,
            actor2: String::new(),
            assoc_actor_2: String::new(),
            inter2: Inter::None,
            interaction: 0,
            civilian_targeting: false,
            iso3: String::new(),
            country: String::new(),
            admin1: String::new(),
            admin2: String::new(),
            location: String::new(),
            latitude: None,
            longitude: None,
            geo_precision: 1,
            fatalities: None,
            fatalities_qualifier: FatalityQualifier::Unknown,
            fatalities_by_group: Fatalities::new(),
            injured: None,
            claimed_by: None,
            source_attribution: None,
            is_period_total: false,
            notes: String::new(),
            evidence: Evidence::new(),
            confidence: 0.0,
        }
    }

    /// Sets the type and keeps `event_type` and `disorder_type` consistent.
    pub fn set_sub_event_type(&mut self, sub: SubEventType) {
        self.sub_event_type = sub;
        self.event_type = sub.event_type();
        self.disorder_type = self.event_type.disorder_type(sub);
    }

    /// Records a span of evidence for a field.
    pub fn add_evidence(&mut self, field: &str, span: Span) {
        let spans = self.evidence.entry(field.to_string()).or_default();
        if !spans.contains(&span) {
            spans.push(span);
            spans.sort();
        }
    }
}

/// A stable event id: the same document and the same key (for instance the
/// event's ordinal and its anchor offset) give the same id on every run.
/// FNV-1a over the parts: tiny, dependency-free and stable across Rust
/// versions (unlike `DefaultHasher`).
pub fn event_id(doc_id: &str, key: &str) -> String {
    event_id_of_parts(doc_id, &[key.as_bytes()])
}

/// [`event_id`] of `doc_id` and the key that `parts` make one after the
/// other, without putting the key together. The hex digits are written by
/// hand: `format!` of the number cost more than the rest of naming an
/// event, and the coder names every event it finds.
pub fn event_id_of_parts(doc_id: &str, parts: &[&[u8]]) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in doc_id
        .bytes()
        .chain([0u8])
        .chain(parts.iter().flat_map(|p| p.iter().copied()))
    {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    let mut id = String::with_capacity(19);
    id.push_str("ev-");
    for i in (0..16).rev() {
        id.push(char::from(
            b"0123456789abcdef"[(h >> (4 * i)) as usize & 15],
        ));
    }
    id
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_a_gold_event() {
        let line = r#"{"event_date": "2022-09-24", "date_precision": "day", "event_type": "Battles", "sub_event_type": "Armed clash", "actor1": "JNIM: Group for Support of Islam and Muslims", "actor2": null, "claimed_by": null, "iso3": "MLI", "location": "Boulkessi", "admin1": "Mopti", "fatalities": 23, "fatalities_qualifier": "at_least", "fatalities_by_group": {"military": 9, "fighters": 14}, "injured": 11, "source_attribution": "Malian army statement", "is_period_total": false}"#;
        let e: Event = serde_json::from_str(line).unwrap();
        assert_eq!(e.event_type, EventType::Battles);
        assert_eq!(e.actor2, "");
        assert_eq!(e.fatalities_by_group[&FatalityGroup::Military], 9);
        assert_eq!(e.fatalities_qualifier, FatalityQualifier::AtLeast);
    }

    #[test]
    fn ids_are_fnv_1a_in_sixteen_hex_digits_whatever_the_split_of_the_key() {
        // The formula written out once more, with `format!`, as the
        // reference the hand-written digits must meet.
        let reference = |doc_id: &str, key: &str| {
            let mut h: u64 = 0xcbf2_9ce4_8422_2325;
            for b in doc_id.bytes().chain([0u8]).chain(key.bytes()) {
                h ^= u64::from(b);
                h = h.wrapping_mul(0x0100_0000_01b3);
            }
            format!("ev-{h:016x}")
        };
        for (doc_id, key) in [
            ("", ""),
            ("doc", "Armed clash:120:false"),
            ("تقرير", "Attack:7:true"),
        ] {
            assert_eq!(event_id(doc_id, key), reference(doc_id, key));
            for cut in (0..=key.len()).filter(|&i| key.is_char_boundary(i)) {
                let (a, b) = key.split_at(cut);
                assert_eq!(
                    event_id_of_parts(doc_id, &[a.as_bytes(), b"", b.as_bytes()]),
                    reference(doc_id, key)
                );
            }
        }
        assert_eq!(event_id("a", "b").len(), 19);
    }

    #[test]
    fn evidence_spans_stay_sorted_and_unique() {
        let mut e = Event::new("doc", SubEventType::AirDroneStrike);
        for (a, b) in [(30, 34), (4, 10), (30, 34), (12, 20), (4, 10)] {
            e.add_evidence("location", Span::new(a, b));
        }
        e.add_evidence("actor1", Span::new(1, 2));
        assert_eq!(
            e.evidence["location"],
            vec![Span::new(4, 10), Span::new(12, 20), Span::new(30, 34)]
        );
        assert_eq!(e.evidence["actor1"], vec![Span::new(1, 2)]);
    }

    #[test]
    fn round_trips() {
        let mut e = Event::new("doc", SubEventType::AirDroneStrike);
        e.add_evidence("event_type", Span::new(4, 10));
        e.fatalities_by_group.insert(FatalityGroup::Civilians, 3);
        let json = serde_json::to_string(&e).unwrap();
        assert!(
            json.contains(r#""evidence":{"event_type":[[4,10]]}"#),
            "{json}"
        );
        assert!(
            json.contains(r#""fatalities_by_group":{"civilians":3}"#),
            "{json}"
        );
        let back: Event = serde_json::from_str(&json).unwrap();
        assert_eq!(back, e);
    }

    #[test]
    fn ids_are_stable_and_distinct() {
        assert_eq!(event_id("a", "1"), event_id("a", "1"));
        assert_ne!(event_id("a", "1"), event_id("a", "2"));
        assert_ne!(event_id("a1", ""), event_id("a", "1"));
    }
}
