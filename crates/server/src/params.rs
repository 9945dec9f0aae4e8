//! Query-string parameters: the filters of `rasd query` and paging.
//!
//! Parsed by hand from the raw query (not with a derived struct) so that
//! `actor` can repeat, names have aliases (`type` / `event_type`), and an
//! unknown or malformed parameter is a 400 that names it instead of being
//! silently ignored — a typo in a filter must not return every event.

use rasd_model::{EventType, SubEventType};
use rasd_store::{Filter, GroupKey, Near};

use crate::error::ApiError;
use crate::Config;

/// The parameters of a request, in order.
#[derive(Debug, Clone, Default)]
pub struct Params(Vec<(String, String)>);

/// Filter parameter names (shared by every endpoint that filters).
pub const FILTER_PARAMS: &[&str] = &[
    "country",
    "admin1",
    "location",
    "near",
    "radius_km",
    "actor",
    "type",
    "event_type",
    "sub_type",
    "sub_event_type",
    "from",
    "to",
    "min_fatalities",
    "text",
    "period_totals",
];

impl Params {
    pub fn parse(raw: Option<&str>) -> Params {
        Params(
            form_urlencoded::parse(raw.unwrap_or("").as_bytes())
                .map(|(k, v)| (k.into_owned(), v.into_owned()))
                .collect(),
        )
    }

    /// Every (name, value) pair.
    pub fn all_pairs(&self) -> impl Iterator<Item = (&str, &str)> {
        self.0.iter().map(|(k, v)| (k.as_str(), v.as_str()))
    }

    /// Refuses parameters outside the filter names and `extra`.
    pub fn only(&self, extra: &[&str]) -> Result<(), ApiError> {
        for (k, _) in &self.0 {
            if !FILTER_PARAMS.contains(&k.as_str()) && !extra.contains(&k.as_str()) {
                let mut known: Vec<&str> = FILTER_PARAMS.to_vec();
                known.extend(extra);
                return Err(ApiError::bad_request(format!(
                    "unknown parameter {k:?}; known: {}",
                    known.join(", ")
                )));
            }
        }
        Ok(())
    }

    /// The last non-empty value of a parameter (an empty value means unset,
    /// as an HTML form sends it).
    pub fn get(&self, name: &str) -> Option<&str> {
        self.0
            .iter()
            .rev()
            .find(|(k, v)| k == name && !v.trim().is_empty())
            .map(|(_, v)| v.as_str())
    }

    fn get_any<'a>(&'a self, names: &[&'static str]) -> Option<(&'static str, &'a str)> {
        names.iter().find_map(|n| self.get(n).map(|v| (*n, v)))
    }

    /// Every non-empty value of a repeatable parameter.
    pub fn all(&self, name: &str) -> Vec<&str> {
        self.0
            .iter()
            .filter(|(k, v)| k == name && !v.trim().is_empty())
            .map(|(_, v)| v.as_str())
            .collect()
    }

    pub fn number<T: std::str::FromStr>(&self, name: &str) -> Result<Option<T>, ApiError> {
        self.get(name)
            .map(|v| {
                v.trim().parse::<T>().map_err(|_| {
                    ApiError::bad_request(format!("parameter {name}={v:?}: expected a number"))
                })
            })
            .transpose()
    }

    pub fn flag(&self, name: &str) -> Result<bool, ApiError> {
        match self.get(name).map(|v| v.trim().to_ascii_lowercase()) {
            None => Ok(false),
            Some(v) if matches!(v.as_str(), "1" | "true" | "yes" | "on") => Ok(true),
            Some(v) if matches!(v.as_str(), "0" | "false" | "no" | "off") => Ok(false),
            Some(v) => Err(ApiError::bad_request(format!(
                "parameter {name}={v:?}: expected true or false"
            ))),
        }
    }

    /// The store filter the parameters describe (without paging); actor
    /// names expand through the configured alias dictionary.
    pub fn filter(&self, config: &Config) -> Result<Filter, ApiError> {
        let date = |name: &str| -> Result<_, ApiError> {
            self.get(name)
                .map(|v| {
                    rasd_store::parse_date(v).ok_or_else(|| {
                        ApiError::bad_request(format!(
                            "parameter {name}={v:?}: expected YYYY-MM-DD"
                        ))
                    })
                })
                .transpose()
        };
        let near = match (self.get("near"), self.get("radius_km")) {
            (None, None) => None,
            (Some(p), Some(r)) => {
                let (lat, lon) = p
                    .split_once(',')
                    .and_then(|(a, b)| {
                        Some((a.trim().parse::<f64>().ok()?, b.trim().parse::<f64>().ok()?))
                    })
                    .ok_or_else(|| {
                        ApiError::bad_request(format!("parameter near={p:?}: expected LAT,LON"))
                    })?;
                if !(-90.0..=90.0).contains(&lat) || !(-180.0..=180.0).contains(&lon) {
                    return Err(ApiError::bad_request(format!(
                        "parameter near={p:?}: latitude or longitude out of range"
                    )));
                }
                let radius_km: f64 = r
                    .trim()
                    .parse()
                    .ok()
                    .filter(|r: &f64| r.is_finite() && *r >= 0.0)
                    .ok_or_else(|| {
                        ApiError::bad_request(format!(
                            "parameter radius_km={r:?}: expected a distance in km"
                        ))
                    })?;
                Some(Near {
                    lat,
                    lon,
                    radius_km,
                })
            }
            _ => {
                return Err(ApiError::bad_request(
                    "parameters near and radius_km go together",
                ))
            }
        };
        let event_type = self
            .get_any(&["type", "event_type"])
            .map(|(n, v)| {
                v.parse::<EventType>()
                    .map_err(|e| ApiError::bad_request(format!("parameter {n}: {e}")))
            })
            .transpose()?;
        let sub_event_type = self
            .get_any(&["sub_type", "sub_event_type"])
            .map(|(n, v)| {
                v.parse::<SubEventType>()
                    .map_err(|e| ApiError::bad_request(format!("parameter {n}: {e}")))
            })
            .transpose()?;
        let text = |n: &str| self.get(n).map(|s| s.trim().to_string());
        Ok(Filter {
            country: text("country"),
            admin1: text("admin1"),
            location: text("location"),
            near,
            actors: self
                .all("actor")
                .iter()
                .flat_map(|s| (config.actor_names)(s.trim()))
                .collect(),
            event_type,
            sub_event_type,
            date_from: date("from")?,
            date_to: date("to")?,
            min_fatalities: self.number("min_fatalities")?,
            text: text("text"),
            include_period_totals: self.flag("period_totals")?,
            limit: None,
            offset: None,
        })
    }

    /// `by=month,admin1`: one to three grouping keys (default: month).
    pub fn group_keys(&self) -> Result<Vec<GroupKey>, ApiError> {
        let Some(by) = self.get("by") else {
            return Ok(vec![GroupKey::Month]);
        };
        let keys = by
            .split(',')
            .filter(|s| !s.trim().is_empty())
            .map(|s| {
                GroupKey::parse(s).ok_or_else(|| {
                    let names: Vec<&str> = GroupKey::ALL.iter().map(|k| k.name()).collect();
                    ApiError::bad_request(format!(
                        "parameter by: unknown key {s:?}; known: {}",
                        names.join(", ")
                    ))
                })
            })
            .collect::<Result<Vec<_>, _>>()?;
        if keys.is_empty() || keys.len() > 3 {
            return Err(ApiError::bad_request(format!(
                "parameter by: one to three keys, got {}",
                keys.len()
            )));
        }
        Ok(keys)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_every_filter() {
        let p = Params::parse(Some(
            "country=MLI&admin1=Gao&actor=JNIM&actor=Wagner&type=Battles&from=2024-01-01&to=2024-02-01&min_fatalities=3&text=%D9%82%D8%AA%D9%84&near=16.2,-0.05&radius_km=30&period_totals=true",
        ));
        p.only(&[]).unwrap();
        let f = p.filter(&Config::default()).unwrap();
        assert_eq!(f.country.as_deref(), Some("MLI"));
        assert_eq!(f.actors, vec!["JNIM", "Wagner"]);
        assert_eq!(f.event_type, Some(EventType::Battles));
        assert_eq!(f.min_fatalities, Some(3));
        assert_eq!(f.text.as_deref(), Some("قتل"));
        assert!(f.include_period_totals);
        assert_eq!(f.near.unwrap().radius_km, 30.0);
        assert_eq!(f.date_to.unwrap().to_string(), "2024-02-01");
    }

    #[test]
    fn actor_names_expand_through_the_configured_dictionary() {
        let config = Config {
            actor_names: |n| match n {
                "داعش" => vec![n.into(), "Islamic State".into()],
                _ => vec![n.into()],
            },
            ..Config::default()
        };
        let f = Params::parse(Some("actor=%D8%AF%D8%A7%D8%B9%D8%B4&actor=Wagner"))
            .filter(&config)
            .unwrap();
        assert_eq!(f.actors, vec!["داعش", "Islamic State", "Wagner"]);
    }

    #[test]
    fn empty_values_are_unset_and_bad_values_named() {
        let p = Params::parse(Some("country=&from="));
        assert_eq!(p.filter(&Config::default()).unwrap(), Filter::default());
        let e = Params::parse(Some("from=yesterday"))
            .filter(&Config::default())
            .unwrap_err();
        assert!(e.message.contains("from"), "{}", e.message);
        let e = Params::parse(Some("type=Bombing"))
            .filter(&Config::default())
            .unwrap_err();
        assert!(e.message.contains("Bombing"), "{}", e.message);
        let e = Params::parse(Some("near=1,2"))
            .filter(&Config::default())
            .unwrap_err();
        assert!(e.message.contains("radius_km"), "{}", e.message);
        let e = Params::parse(Some("contry=MLI"))
            .only(&["limit"])
            .unwrap_err();
        assert!(e.message.contains("contry"), "{}", e.message);
    }

    #[test]
    fn group_keys() {
        assert_eq!(
            Params::parse(None).group_keys().unwrap(),
            vec![GroupKey::Month]
        );
        assert_eq!(
            Params::parse(Some("by=week,admin1")).group_keys().unwrap(),
            vec![GroupKey::Week, GroupKey::Admin1]
        );
        assert!(Params::parse(Some("by=colour")).group_keys().is_err());
    }
}
