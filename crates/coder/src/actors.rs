//! The actor dictionary: named organizations with every alias.
//!
//! `data/actors.tsv` lists armed groups, state and foreign forces, private
//! military companies and peacekeepers with their ACLED name and category;
//! `data/regional.tsv` resolves families whose ACLED name depends on the
//! country of the event (داعش is `Islamic State (Syria)` in Syria and
//! `Islamic State Sahel Province` in Mali). Generic sides ("the army",
//! "gunmen", "civilians") are named per country by [`generic_name`].

use std::collections::HashMap;
use std::sync::LazyLock;

use rasd_model::Inter;

use crate::lang::Side;
use crate::lexicon::{rows, PhraseMatcher, RowError};

#[derive(Debug, Clone, PartialEq)]
pub struct ActorDef {
    /// ACLED name; a family contains `{country}`.
    pub canonical: String,
    pub inter: Inter,
    /// Home country of a state force.
    pub iso3: Option<String>,
}

impl ActorDef {
    pub fn is_family(&self) -> bool {
        self.canonical.contains("{country}")
    }
}

/// One alias row: which actor, and the countries the document must mention
/// for a short alias to count.
#[derive(Debug, Clone, PartialEq)]
pub struct Alias {
    pub actor: usize,
    pub only_in: Vec<String>,
}

#[derive(Debug)]
pub struct ActorDict {
    pub actors: Vec<ActorDef>,
    pub matcher: PhraseMatcher<Alias>,
    /// Family name → ISO3 → the family's name in that country.
    regional: HashMap<String, HashMap<String, String>>,
    by_name: HashMap<String, usize>,
    pub errors: Vec<RowError>,
}

pub static ACTORS: LazyLock<ActorDict> = LazyLock::new(|| {
    ActorDict::compile(
        include_str!("../data/actors.tsv"),
        include_str!("../data/regional.tsv"),
    )
});

impl ActorDict {
    pub fn compile(actors_tsv: &str, regional_tsv: &str) -> ActorDict {
        let mut errors = Vec::new();
        let mut actors = Vec::new();
        let mut matcher = PhraseMatcher::new();
        let mut by_name = HashMap::new();
        for (line, f) in rows(actors_tsv) {
            let inter = f
                .get(1)
                .and_then(|s| s.parse::<u8>().ok())
                .and_then(|n| Inter::try_from(n).ok());
            let (Some(inter), Some(aliases)) = (inter, f.get(3)) else {
                errors.push(RowError {
                    file: "data/actors.tsv",
                    line,
                    reason: "expected canonical, inter 1..8, iso3, aliases".into(),
                });
                continue;
            };
            let id = actors.len();
            let canonical = f[0].to_string();
            by_name.insert(canonical.clone(), id);
            actors.push(ActorDef {
                canonical,
                inter,
                iso3: f.get(2).filter(|s| !s.is_empty()).map(|s| s.to_string()),
            });
            // The canonical name itself is an alias too (English text).
            let canonical_alias = f[0]
                .split(':')
                .next()
                .unwrap_or(f[0])
                .replace("{country}", "");
            for alias in aliases.split('|').chain([canonical_alias.as_str()]) {
                let alias = alias.trim();
                if alias.is_empty() {
                    continue;
                }
                let (phrase, only_in) = match alias.split_once('@') {
                    Some((p, c)) => (p, c.split(',').map(|s| s.trim().to_string()).collect()),
                    None => (alias, Vec::new()),
                };
                matcher.insert(phrase, Alias { actor: id, only_in });
            }
        }
        let mut regional = HashMap::new();
        for (line, f) in rows(regional_tsv) {
            if f.len() < 3 || !by_name.contains_key(f[0]) {
                errors.push(RowError {
                    file: "data/regional.tsv",
                    line,
                    reason: "expected a family of actors.tsv, iso3, canonical".into(),
                });
                continue;
            }
            regional
                .entry(f[0].to_string())
                .or_insert_with(HashMap::new)
                .insert(f[1].to_string(), f[2].to_string());
        }
        ActorDict {
            actors,
            matcher,
            regional,
            by_name,
            errors,
        }
    }

    /// The ACLED name of an actor for an event in `iso3` (`country` is the
    /// English country name), and its inter code there.
    pub fn name_in(&self, actor: usize, iso3: &str, country: &str) -> (String, Inter) {
        let def = &self.actors[actor];
        let name = if def.is_family() {
            match self
                .regional
                .get(&def.canonical)
                .and_then(|by_country| by_country.get(iso3))
            {
                Some(n) => n.clone(),
                None if !country.is_empty() => def.canonical.replace("{country}", country),
                None => def.canonical.replace(" ({country})", ""),
            }
        } else {
            def.canonical.clone()
        };
        (name, self.inter_in(actor, iso3))
    }

    /// The inter code of a named actor for an event in `iso3` (what
    /// [`ActorDict::name_in`] gives, without building the name).
    pub fn inter_in(&self, actor: usize, iso3: &str) -> Inter {
        let def = &self.actors[actor];
        match (&def.iso3, def.inter) {
            // A state force outside its own country is an external force.
            (Some(home), Inter::StateForces) if !iso3.is_empty() && home != iso3 => Inter::External,
            _ => def.inter,
        }
    }

    pub fn by_name(&self, canonical: &str) -> Option<usize> {
        self.by_name.get(canonical).copied()
    }

    /// What an analyst's actor filter stands for: the query itself and,
    /// when the whole query is an alias of a known actor in any language
    /// (داعش, "FSR", "Wagner"), that actor's ACLED names. For a family the
    /// names are its stem (`Islamic State`, which the store matches as a
    /// substring of every country's name) and its regional names (JNIM for
    /// `Al Qaeda` in the Sahel). A query that is not an alias comes back
    /// alone, so spelling a canonical name still works.
    pub fn names_for_query(&self, query: &str) -> Vec<String> {
        let query = query.trim();
        let mut names = vec![query.to_string()];
        if query.is_empty() {
            return names;
        }
        let analysis = rasd_text::analyze(query);
        let words = crate::lexicon::Words::new(query, &analysis);
        let hits = self.matcher.find(&analysis, &words);
        let whole = |h: &crate::lexicon::Hit| h.span.start == 0 && h.span.end == query.len();
        let Some(hit) = hits.iter().find(|h| whole(h)) else {
            return names;
        };
        let def = &self.actors[self.matcher.value(hit.entry).actor];
        let mut add = |n: &str| {
            if !names.iter().any(|m| m == n) {
                names.push(n.to_string());
            }
        };
        if def.is_family() {
            add(def.canonical.split(" ({country})").next().unwrap_or(""));
            let mut regional: Vec<&str> = self
                .regional
                .get(&def.canonical)
                .into_iter()
                .flat_map(|by_country| by_country.values().map(String::as_str))
                .collect();
            regional.sort_unstable();
            for n in regional {
                add(n);
            }
        } else {
            add(&def.canonical);
        }
        names.retain(|n| !n.is_empty());
        names
    }
}

/// The ACLED name and inter code of a generic side in a country.
/// `None` for sides that are not actors (people, members).
pub fn generic_name(
    side: Side,
    country: &str,
    event_iso3: &str,
    side_iso3: &str,
) -> Option<(String, Inter)> {
    let c = if country.is_empty() {
        "Unknown"
    } else {
        country
    };
    let foreign = !side_iso3.is_empty() && !event_iso3.is_empty() && side_iso3 != event_iso3;
    // Names are put together by `name` (one allocation, no formatting
    // machinery): they are built for every side mention of an incident.
    let name = |head: &str, tail: &str| {
        // (`concat` of a slice of parts, a generic join, took a third more
        // instructions a name.)
        let mut s = String::with_capacity(head.len() + c.len() + tail.len());
        s.push_str(head);
        s.push_str(c);
        s.push_str(tail);
        s
    };
    Some(match side.as_people() {
        Side::Military => (
            name("Military Forces of ", ""),
            if foreign {
                Inter::External
            } else {
                Inter::StateForces
            },
        ),
        Side::Police | Side::Authorities => (
            name("Police Forces of ", ""),
            if foreign {
                Inter::External
            } else {
                Inter::StateForces
            },
        ),
        Side::Civilians => (name("Civilians (", ")"), Inter::Civilians),
        Side::Fighters => (
            name("Unidentified Armed Group (", ")"),
            Inter::PoliticalMilitia,
        ),
        Side::Protesters => (name("Protesters (", ")"), Inter::Protesters),
        Side::Rioters => (name("Rioters (", ")"), Inter::Rioters),
        Side::Clan => (
            name("Unidentified Clan Militia (", ")"),
            Inter::IdentityMilitia,
        ),
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dictionary_is_well_formed() {
        assert!(ACTORS.errors.is_empty(), "{:#?}", ACTORS.errors);
        assert!(ACTORS.actors.len() > 40);
    }

    #[test]
    fn families_resolve_by_country() {
        let is = ACTORS.by_name("Islamic State ({country})").unwrap();
        assert_eq!(
            ACTORS.name_in(is, "SYR", "Syria").0,
            "Islamic State (Syria)"
        );
        assert_eq!(
            ACTORS.name_in(is, "MLI", "Mali").0,
            "Islamic State Sahel Province"
        );
        let fr = ACTORS.by_name("Military Forces of France").unwrap();
        assert_eq!(ACTORS.name_in(fr, "MLI", "Mali").1, Inter::External);
        assert_eq!(ACTORS.name_in(fr, "FRA", "France").1, Inter::StateForces);
    }

    #[test]
    fn a_filter_by_alias_finds_the_acled_names() {
        // Arabic, French and English aliases of one actor.
        for q in ["قوات الدعم السريع", "FSR", " RSF "] {
            let names = ACTORS.names_for_query(q);
            assert!(
                names.iter().any(|n| n == "Rapid Support Forces"),
                "{q}: {names:?}"
            );
        }
        // A family: the stem matches every country's name, and the
        // regional names that do not share it are listed.
        let names = ACTORS.names_for_query("تنظيم القاعدة");
        assert!(names.iter().any(|n| n == "Al Qaeda"), "{names:?}");
        assert!(
            names
                .iter()
                .any(|n| n == "JNIM: Group for Support of Islam and Muslims"),
            "{names:?}"
        );
        // Not an alias, or an alias inside a longer query: the query alone.
        assert_eq!(ACTORS.names_for_query("Wagnerite"), vec!["Wagnerite"]);
        assert_eq!(
            ACTORS.names_for_query("حي قوات الدعم السريع"),
            vec!["حي قوات الدعم السريع"]
        );
        assert_eq!(ACTORS.names_for_query("  "), vec![""]);
    }

    #[test]
    fn aliases_in_three_languages() {
        for text in [
            "هاجم مسلحو قوات الدعم السريع",
            "the Rapid Support Forces attacked",
            "les FSR ont attaqué",
        ] {
            let a = rasd_text::analyze(text);
            let w = crate::lexicon::Words::new(text, &a);
            let hits = ACTORS.matcher.find(&a, &w);
            let names: Vec<_> = hits
                .iter()
                .map(|h| {
                    ACTORS.actors[ACTORS.matcher.value(h.entry).actor]
                        .canonical
                        .as_str()
                })
                .collect();
            assert_eq!(names, vec!["Rapid Support Forces"], "{text}");
        }
    }
}
