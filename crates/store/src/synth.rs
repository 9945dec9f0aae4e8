//! Synthetic documents and their coded events, for the store's crash test,
//! the store and server benchmarks and demo databases: deterministic (a
//! fixed-seed generator), with a share of documents that re-report an
//! incident an earlier document already reported, so merging is exercised
//! at scale. Not used by the store itself; public so that every crate's
//! tests and benchmarks draw from one generator.

use chrono::{Duration, NaiveDate, NaiveDateTime};
use rasd_model::{Document, Event, FatalityQualifier, Inter, SubEventType};

/// SplitMix64: tiny and good enough for test data.
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    pub fn below(&mut self, n: u64) -> u64 {
        self.next_u64() % n
    }
}

const COUNTRIES: &[(&str, &str, f64, f64)] = &[
    ("MLI", "Mali", 16.0, -1.0),
    ("BFA", "Burkina Faso", 12.5, -1.5),
    ("NER", "Niger", 15.0, 6.0),
    ("SDN", "Sudan", 14.0, 30.0),
    ("SOM", "Somalia", 4.0, 45.0),
    ("YEM", "Yemen", 15.5, 46.0),
    ("SYR", "Syria", 35.0, 38.0),
    ("LBY", "Libya", 29.0, 17.0),
];
const ACTORS: &[&str] = &[
    "JNIM: Group for Support of Islam and Muslims",
    "Islamic State Sahel Province",
    "Al Shabaab",
    "Rapid Support Forces",
    "Houthi Movement",
    "Wagner Group",
    "Unidentified Armed Group",
];
const SUBS: &[SubEventType] = &[
    SubEventType::ArmedClash,
    SubEventType::Attack,
    SubEventType::AirDroneStrike,
    SubEventType::RemoteExplosiveLandmineIed,
    SubEventType::PeacefulProtest,
    SubEventType::AbductionForcedDisappearance,
];

/// One synthetic incident: where, when, who.
#[derive(Debug, Clone)]
pub struct Incident {
    pub country: usize,
    pub admin1: usize,
    pub town: usize,
    pub day: NaiveDate,
    pub sub: SubEventType,
    pub actor: usize,
    pub dead: u32,
}

impl Incident {
    pub fn random(r: &mut Rng, days: i64) -> Incident {
        Incident {
            country: r.below(COUNTRIES.len() as u64) as usize,
            admin1: r.below(12) as usize,
            town: r.below(8) as usize,
            day: NaiveDate::from_ymd_opt(2019, 1, 1).unwrap()
                + Duration::days(r.below(days as u64) as i64),
            sub: SUBS[r.below(SUBS.len() as u64) as usize],
            actor: r.below(ACTORS.len() as u64) as usize,
            dead: r.below(30) as u32,
        }
    }

    pub fn event(&self, doc_id: &str, ordinal: usize) -> Event {
        let (iso3, country, lat0, lon0) = COUNTRIES[self.country];
        let mut e = Event::new(doc_id, self.sub);
        e.event_id = rasd_model::event_id(doc_id, &ordinal.to_string());
        e.event_date = Some(self.day);
        e.iso3 = iso3.into();
        e.country = country.into();
        e.admin1 = format!("{country} Region {}", self.admin1);
        e.location = format!("{country} Town {}-{}", self.admin1, self.town);
        // Towns on a grid 0.5° apart: distinct towns are > 25 km apart.
        e.latitude = Some(lat0 + self.admin1 as f64 * 0.5);
        e.longitude = Some(lon0 + self.town as f64 * 0.5);
        e.actor1 = ACTORS[self.actor].into();
        e.inter1 = Inter::RebelGroup;
        e.interaction = Inter::interaction(Inter::RebelGroup, Inter::None);
        e.fatalities = Some(self.dead);
        e.fatalities_qualifier = FatalityQualifier::Exact;
        e.notes = format!("{} by {} in {}", self.sub, e.actor1, e.location);
        e.confidence = 0.7;
        e
    }
}

/// `n` documents; about one in five re-reports an earlier incident.
pub fn corpus(n: usize, seed: u64) -> Vec<(Document, Vec<Event>)> {
    Corpus::new(n, seed).collect()
}

/// The corpus as a stream, for sizes that should not sit in memory.
pub struct Corpus {
    r: Rng,
    seen: std::collections::VecDeque<Incident>,
    i: usize,
    n: usize,
    /// Highest number of events per document (0..=max).
    pub max_events: u64,
}

impl Corpus {
    pub fn new(n: usize, seed: u64) -> Corpus {
        Corpus {
            r: Rng::new(seed),
            seen: Default::default(),
            i: 0,
            n,
            max_events: 3,
        }
    }
}

impl Iterator for Corpus {
    type Item = (Document, Vec<Event>);

    fn next(&mut self) -> Option<Self::Item> {
        if self.i >= self.n {
            return None;
        }
        let i = self.i;
        self.i += 1;
        let r = &mut self.r;
        let id = format!("synth-{i:07}");
        let k = r.below(self.max_events + 1) as usize;
        let mut events = Vec::with_capacity(k);
        let mut text = format!("Synthetic report {i}.");
        for j in 0..k {
            let inc = if !self.seen.is_empty() && r.below(5) == 0 {
                self.seen[r.below(self.seen.len() as u64) as usize].clone()
            } else {
                let inc = Incident::random(r, 5 * 365);
                self.seen.push_back(inc.clone());
                if self.seen.len() > 5_000 {
                    self.seen.pop_front();
                }
                inc
            };
            let e = inc.event(&id, j);
            text.push_str(&format!(" {}.", e.notes));
            events.push(e);
        }
        let published = NaiveDateTime::new(
            NaiveDate::from_ymd_opt(2019, 1, 1).unwrap() + Duration::days((i / 500) as i64),
            chrono::NaiveTime::from_hms_opt((i % 24) as u32, 0, 0).unwrap(),
        );
        Some((
            Document {
                id,
                url: Some(format!("https://synthetic.example/{i}")),
                title: Some(format!("Synthetic {i}")),
                published: Some(published),
                lang: None,
                text,
                body: Vec::new(),
            },
            events,
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_seed_gives_the_same_corpus_and_some_incidents_recur() {
        let a = corpus(300, 42);
        let b = corpus(300, 42);
        let ids = |c: &[(Document, Vec<Event>)]| -> Vec<String> {
            c.iter()
                .flat_map(|(_, es)| es.iter().map(|e| e.notes.clone()))
                .collect()
        };
        assert_eq!(ids(&a), ids(&b));
        assert_ne!(ids(&a), ids(&corpus(300, 43)));
        // About one report in five repeats an earlier incident: the same
        // place, day and type turns up in two documents.
        let mut seen = std::collections::HashSet::new();
        let repeats = a
            .iter()
            .flat_map(|(_, es)| es)
            .filter(|e| !seen.insert((e.location.clone(), e.event_date, e.sub_event_type)))
            .count();
        assert!(repeats > 10, "only {repeats} repeated incidents");
    }
}
