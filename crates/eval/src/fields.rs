//! The event fields the scorer compares, and how each is compared.
//!
//! One table-like enum rather than scattered comparisons: the scorer, the
//! tie-break of the matcher and the error listing all walk [`Field::ALL`],
//! so a field is compared the same way everywhere.
//!
//! String fields are compared after [`normalize_name`] (case and
//! whitespace only). There is deliberately no fuzzy matching: an actor name
//! that is nearly right is wrong in the output, and the analysts' tools
//! that read it group by exact name.

use rasd_model::Event;

/// A compared field. Some are derived views of one schema field (the date
/// exact and within a day; fatalities exact and within 10 % / 20 %).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Field {
    EventType,
    SubEventType,
    Actor1,
    Actor2,
    EventDate,
    EventDateWithinDay,
    DatePrecision,
    Country,
    Admin1,
    Location,
    Fatalities,
    FatalitiesWithin10,
    FatalitiesWithin20,
    FatalitiesQualifier,
    FatalitiesByGroup,
    Injured,
    ClaimedBy,
    ClaimedByWhenClaimed,
}

impl Field {
    /// Every field, in the order reports print them.
    pub const ALL: &'static [Field] = &[
        Field::EventType,
        Field::SubEventType,
        Field::Actor1,
        Field::Actor2,
        Field::EventDate,
        Field::EventDateWithinDay,
        Field::DatePrecision,
        Field::Country,
        Field::Admin1,
        Field::Location,
        Field::Fatalities,
        Field::FatalitiesWithin10,
        Field::FatalitiesWithin20,
        Field::FatalitiesQualifier,
        Field::FatalitiesByGroup,
        Field::Injured,
        Field::ClaimedBy,
        Field::ClaimedByWhenClaimed,
    ];

    /// The fields scored on matched period totals: the figure and its start.
    pub const PERIOD_TOTAL: &'static [Field] = &[
        Field::Fatalities,
        Field::FatalitiesWithin10,
        Field::FatalitiesWithin20,
        Field::FatalitiesQualifier,
        Field::EventDate,
    ];

    /// Key in the JSON report.
    pub fn name(self) -> &'static str {
        match self {
            Field::EventType => "event_type",
            Field::SubEventType => "sub_event_type",
            Field::Actor1 => "actor1",
            Field::Actor2 => "actor2",
            Field::EventDate => "event_date",
            Field::EventDateWithinDay => "event_date_1d",
            Field::DatePrecision => "date_precision",
            Field::Country => "country",
            Field::Admin1 => "admin1",
            Field::Location => "location",
            Field::Fatalities => "fatalities",
            Field::FatalitiesWithin10 => "fatalities_10pct",
            Field::FatalitiesWithin20 => "fatalities_20pct",
            Field::FatalitiesQualifier => "fatalities_qualifier",
            Field::FatalitiesByGroup => "fatalities_by_group",
            Field::Injured => "injured",
            Field::ClaimedBy => "claimed_by",
            Field::ClaimedByWhenClaimed => "claimed_by_claimed",
        }
    }

    /// Row label in the printed table.
    pub fn label(self) -> &'static str {
        match self {
            Field::EventType => "event_type",
            Field::SubEventType => "sub_event_type",
            Field::Actor1 => "actor1",
            Field::Actor2 => "actor2",
            Field::EventDate => "event_date exact",
            Field::EventDateWithinDay => "event_date ±1 day",
            Field::DatePrecision => "date_precision",
            Field::Country => "country (iso3)",
            Field::Admin1 => "admin1",
            Field::Location => "location",
            Field::Fatalities => "fatalities exact",
            Field::FatalitiesWithin10 => "fatalities ±10%",
            Field::FatalitiesWithin20 => "fatalities ±20%",
            Field::FatalitiesQualifier => "fatalities_qualifier",
            Field::FatalitiesByGroup => "fatalities_by_group",
            Field::Injured => "injured",
            Field::ClaimedBy => "claimed_by (null=null)",
            Field::ClaimedByWhenClaimed => "claimed_by, gold claimed",
        }
    }

    /// The key of the `evidence` map that supports this field.
    pub fn evidence_key(self) -> &'static str {
        match self {
            Field::EventType => "event_type",
            Field::SubEventType => "sub_event_type",
            Field::Actor1 => "actor1",
            Field::Actor2 => "actor2",
            Field::EventDate | Field::EventDateWithinDay | Field::DatePrecision => "event_date",
            Field::Country => "iso3",
            Field::Admin1 => "admin1",
            Field::Location => "location",
            Field::Fatalities | Field::FatalitiesWithin10 | Field::FatalitiesWithin20 => {
                "fatalities"
            }
            Field::FatalitiesQualifier => "fatalities_qualifier",
            Field::FatalitiesByGroup => "fatalities_by_group",
            Field::Injured => "injured",
            Field::ClaimedBy | Field::ClaimedByWhenClaimed => "claimed_by",
        }
    }

    /// Derived views repeat a schema field; the error listing and the
    /// matcher's tie-break use only the schema fields themselves.
    pub fn is_primary(self) -> bool {
        !matches!(
            self,
            Field::EventDateWithinDay
                | Field::FatalitiesWithin10
                | Field::FatalitiesWithin20
                | Field::ClaimedByWhenClaimed
        )
    }

    /// Whether this gold event is scored on the field at all. Only the
    /// "claimed_by when gold says claimed" view is restricted: it shows
    /// whether real claims are found, which the plain field (dominated by
    /// null = null agreements) hides.
    pub fn applies(self, gold: &Event) -> bool {
        match self {
            Field::ClaimedByWhenClaimed => claim(gold).is_some(),
            _ => true,
        }
    }

    /// Whether the predicted value agrees with the gold one.
    pub fn agrees(self, gold: &Event, pred: &Event) -> bool {
        match self {
            Field::EventType => gold.event_type == pred.event_type,
            Field::SubEventType => gold.sub_event_type == pred.sub_event_type,
            Field::Actor1 => same_name(&gold.actor1, &pred.actor1),
            Field::Actor2 => same_name(&gold.actor2, &pred.actor2),
            Field::EventDate => gold.event_date == pred.event_date,
            Field::EventDateWithinDay => match (gold.event_date, pred.event_date) {
                (Some(g), Some(p)) => (p - g).num_days().abs() <= 1,
                (None, None) => true,
                _ => false,
            },
            Field::DatePrecision => gold.date_precision == pred.date_precision,
            Field::Country => same_name(&gold.iso3, &pred.iso3),
            Field::Admin1 => same_name(&gold.admin1, &pred.admin1),
            Field::Location => same_name(&gold.location, &pred.location),
            Field::Fatalities => gold.fatalities == pred.fatalities,
            Field::FatalitiesWithin10 => within_percent(gold.fatalities, pred.fatalities, 10),
            Field::FatalitiesWithin20 => within_percent(gold.fatalities, pred.fatalities, 20),
            Field::FatalitiesQualifier => gold.fatalities_qualifier == pred.fatalities_qualifier,
            Field::FatalitiesByGroup => gold.fatalities_by_group == pred.fatalities_by_group,
            Field::Injured => gold.injured == pred.injured,
            Field::ClaimedBy | Field::ClaimedByWhenClaimed => claim(gold) == claim(pred),
        }
    }

    /// The field's value as the error listing shows it.
    pub fn show(self, e: &Event) -> String {
        fn opt<T: std::fmt::Display>(v: Option<T>) -> String {
            v.map_or_else(|| "null".to_string(), |v| v.to_string())
        }
        fn text(s: &str) -> String {
            if s.trim().is_empty() {
                "null".to_string()
            } else {
                format!("{s:?}")
            }
        }
        match self {
            Field::EventType => e.event_type.to_string(),
            Field::SubEventType => e.sub_event_type.to_string(),
            Field::Actor1 => text(&e.actor1),
            Field::Actor2 => text(&e.actor2),
            Field::EventDate | Field::EventDateWithinDay => opt(e.event_date),
            Field::DatePrecision => e.date_precision.to_string(),
            Field::Country => text(&e.iso3),
            Field::Admin1 => text(&e.admin1),
            Field::Location => text(&e.location),
            Field::Fatalities | Field::FatalitiesWithin10 | Field::FatalitiesWithin20 => {
                opt(e.fatalities)
            }
            Field::FatalitiesQualifier => e.fatalities_qualifier.to_string(),
            Field::FatalitiesByGroup => {
                if e.fatalities_by_group.is_empty() {
                    "{}".to_string()
                } else {
                    let parts: Vec<String> = e
                        .fatalities_by_group
                        .iter()
                        .map(|(k, v)| format!("{k}: {v}"))
                        .collect();
                    format!("{{{}}}", parts.join(", "))
                }
            }
            Field::Injured => opt(e.injured),
            Field::ClaimedBy | Field::ClaimedByWhenClaimed => {
                claim(e).map_or_else(|| "null".to_string(), |_| text(claim_raw(e)))
            }
        }
    }
}

/// Case- and whitespace-insensitive form of a name: `"  Military  Forces
/// of mali "` and `"Military Forces of Mali"` are the same actor.
pub fn normalize_name(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for word in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.extend(word.chars().flat_map(char::to_lowercase));
    }
    out
}

/// Whether two names are the same after [`normalize_name`].
pub fn same_name(a: &str, b: &str) -> bool {
    // Cheap exits first: most comparisons are equal or plainly different.
    a == b || normalize_name(a) == normalize_name(b)
}

/// A claim, normalized; an empty string counts as no claim.
fn claim(e: &Event) -> Option<String> {
    e.claimed_by
        .as_deref()
        .map(normalize_name)
        .filter(|c| !c.is_empty())
}

fn claim_raw(e: &Event) -> &str {
    e.claimed_by.as_deref().unwrap_or("")
}

/// Fatality figures agree within `pct` percent of the gold figure. Both
/// unknown agree; one known and one unknown do not (knowing whether anyone
/// died is part of the answer). Integer arithmetic: no rounding surprises at
/// the boundary (gold 10, ±10 % accepts exactly 9..=11).
fn within_percent(gold: Option<u32>, pred: Option<u32>, pct: u64) -> bool {
    match (gold, pred) {
        (Some(g), Some(p)) => {
            let diff = u64::from(g.abs_diff(p));
            diff * 100 <= u64::from(g) * pct
        }
        (None, None) => true,
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rasd_model::SubEventType;

    #[test]
    fn names_ignore_case_and_spacing_only() {
        assert!(same_name(
            " Military  Forces of MALI",
            "Military Forces of Mali"
        ));
        assert!(!same_name("Wagner", "Wagner Group"));
        assert!(same_name("", "  "));
        assert_eq!(normalize_name("  حركة   الشباب "), "حركة الشباب");
    }

    #[test]
    fn fatality_windows() {
        assert!(within_percent(Some(10), Some(11), 10));
        assert!(!within_percent(Some(10), Some(12), 10));
        assert!(within_percent(Some(10), Some(12), 20));
        assert!(within_percent(Some(0), Some(0), 10));
        assert!(!within_percent(Some(0), Some(1), 20));
        assert!(within_percent(None, None, 10));
        assert!(!within_percent(None, Some(0), 10));
    }

    #[test]
    fn claims_compare_null_with_null() {
        let mut g = Event::new("d", SubEventType::ArmedClash);
        let mut p = g.clone();
        assert!(Field::ClaimedBy.agrees(&g, &p));
        assert!(!Field::ClaimedByWhenClaimed.applies(&g));
        p.claimed_by = Some(String::new());
        assert!(Field::ClaimedBy.agrees(&g, &p), "empty claim is no claim");
        g.claimed_by = Some("Al Shabaab".into());
        assert!(Field::ClaimedByWhenClaimed.applies(&g));
        assert!(!Field::ClaimedBy.agrees(&g, &p));
        p.claimed_by = Some("al shabaab".into());
        assert!(Field::ClaimedBy.agrees(&g, &p));
        assert_eq!(Field::ClaimedBy.show(&p), "\"al shabaab\"");
    }

    #[test]
    fn names_are_unique() {
        let mut names: Vec<_> = Field::ALL.iter().map(|f| f.name()).collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), Field::ALL.len());
    }
}
