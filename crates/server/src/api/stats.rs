//! Aggregates: `/api/stats` (the groupings of `rasd stats`),
//! `/api/actors` (events per acting side) and `/api/places` (events per
//! location, and per admin1 area with the mean position of its events —
//! the dashboard labels admin1 areas there, as Rasd has no admin1
//! outlines).

use std::collections::BTreeMap;

use axum::extract::{RawQuery, State};
use axum::routing::get;
use axum::{Json, Router};
use rasd_store::GroupKey;
use serde_json::{json, Map, Value};

use crate::params::Params;
use crate::{ApiError, AppState};

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/api/stats", get(stats))
        .route("/api/actors", get(actors))
        .route("/api/places", get(places))
}

async fn stats(
    State(state): State<AppState>,
    RawQuery(q): RawQuery,
) -> Result<Json<Value>, ApiError> {
    let p = Params::parse(q.as_deref());
    p.only(&["by"])?;
    let filter = p.filter(&state.config)?;
    let keys = p.group_keys()?;
    let k = keys.clone();
    let rows = state.blocking(move |s| Ok(s.stats(&filter, &k)?)).await?;
    let names: Vec<&str> = keys.iter().map(|k| k.name()).collect();
    let (mut events, mut fatalities) = (0u64, 0u64);
    let rows: Vec<Value> = rows
        .iter()
        .map(|r| {
            events += r.events;
            fatalities += r.fatalities;
            let mut m = Map::new();
            for (k, v) in names.iter().zip(&r.keys) {
                m.insert((*k).into(), v.clone().into());
            }
            m.insert("events".into(), r.events.into());
            m.insert("fatalities".into(), r.fatalities.into());
            Value::Object(m)
        })
        .collect();
    Ok(Json(json!({
        "by": names,
        "rows": rows,
        "total": { "events": events, "fatalities": fatalities },
    })))
}

async fn actors(
    State(state): State<AppState>,
    RawQuery(q): RawQuery,
) -> Result<Json<Value>, ApiError> {
    let p = Params::parse(q.as_deref());
    p.only(&["limit"])?;
    let filter = p.filter(&state.config)?;
    let limit = p.number::<usize>("limit")?.unwrap_or(500);
    let mut rows = state
        .blocking(move |s| Ok(s.stats(&filter, &[GroupKey::Actor])?))
        .await?;
    rows.retain(|r| r.keys.first().is_some_and(|k| !k.trim().is_empty()));
    rows.sort_by(|a, b| b.events.cmp(&a.events).then_with(|| a.keys.cmp(&b.keys)));
    rows.truncate(limit);
    let actors: Vec<Value> = rows
        .iter()
        .map(|r| json!({ "actor": r.keys[0], "events": r.events, "fatalities": r.fatalities }))
        .collect();
    Ok(Json(json!({ "actors": actors })))
}

#[derive(Default)]
struct Acc {
    events: u64,
    fatalities: u64,
    lat: f64,
    lon: f64,
    located: u64,
}

impl Acc {
    fn add(&mut self, e: &rasd_model::Event) {
        self.events += 1;
        self.fatalities += u64::from(e.fatalities.unwrap_or(0));
        if let (Some(lat), Some(lon)) = (e.latitude, e.longitude) {
            self.lat += lat;
            self.lon += lon;
            self.located += 1;
        }
    }

    fn position(&self) -> (Option<f64>, Option<f64>) {
        if self.located == 0 {
            return (None, None);
        }
        let n = self.located as f64;
        let r = |v: f64| (v / n * 1e4).round() / 1e4;
        (Some(r(self.lat)), Some(r(self.lon)))
    }
}

async fn places(
    State(state): State<AppState>,
    RawQuery(q): RawQuery,
) -> Result<Json<Value>, ApiError> {
    let p = Params::parse(q.as_deref());
    p.only(&[])?;
    let filter = p.filter(&state.config)?;
    type Key = (String, String, String, String);
    let (locs, areas) = state
        .blocking(move |s| {
            let mut locs: BTreeMap<Key, Acc> = BTreeMap::new();
            let mut areas: BTreeMap<(String, String, String), Acc> = BTreeMap::new();
            s.for_each_event(&filter, &mut |se| {
                let e = &se.event;
                locs.entry((
                    e.iso3.clone(),
                    e.country.clone(),
                    e.admin1.clone(),
                    e.location.clone(),
                ))
                .or_default()
                .add(e);
                if !e.admin1.trim().is_empty() {
                    areas
                        .entry((e.iso3.clone(), e.country.clone(), e.admin1.clone()))
                        .or_default()
                        .add(e);
                }
                Ok(())
            })?;
            Ok((locs, areas))
        })
        .await?;
    let places: Vec<Value> = locs
        .iter()
        .map(|((iso3, country, admin1, location), a)| {
            let (lat, lon) = a.position();
            json!({
                "iso3": iso3, "country": country, "admin1": admin1, "location": location,
                "latitude": lat, "longitude": lon,
                "events": a.events, "fatalities": a.fatalities,
            })
        })
        .collect();
    let admin1: Vec<Value> = areas
        .iter()
        .map(|((iso3, country, admin1), a)| {
            let (lat, lon) = a.position();
            json!({
                "iso3": iso3, "country": country, "admin1": admin1,
                "latitude": lat, "longitude": lon,
                "events": a.events, "fatalities": a.fatalities,
            })
        })
        .collect();
    Ok(Json(json!({ "places": places, "admin1": admin1 })))
}
