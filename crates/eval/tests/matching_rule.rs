//! Edge cases of the matching rule, one small document each.

use chrono::NaiveDate;
use rasd_eval::{score, GoldDoc, Predictions, Prf};
use rasd_model::{DatePrecision, Event, Language, SubEventType};

fn event(sub: SubEventType, date: &str, location: &str) -> Event {
    let mut e = Event::new("doc", sub);
    e.event_date = Some(NaiveDate::parse_from_str(date, "%Y-%m-%d").unwrap());
    e.iso3 = "SOM".into();
    e.location = location.into();
    e.admin1 = "Banadir".into();
    e.actor1 = "Al Shabaab".into();
    e.fatalities = Some(2);
    e
}

fn doc(events: Vec<Event>) -> Vec<GoldDoc> {
    vec![GoldDoc {
        id: "doc".into(),
        lang: Language::En,
        publication_date: NaiveDate::from_ymd_opt(2022, 5, 20),
        events,
    }]
}

fn preds(events: Vec<Event>) -> Predictions {
    Predictions::from([("doc".to_string(), events)])
}

fn strict(gold: Vec<Event>, predicted: Vec<Event>) -> Prf {
    score(&doc(gold), &preds(predicted)).groups["all"].events
}

#[test]
fn same_day_same_town_different_types_pair_by_type() {
    let clash = event(SubEventType::ArmedClash, "2022-05-18", "Mogadishu");
    let mut mortar = event(
        SubEventType::ShellingArtilleryMissileAttack,
        "2022-05-18",
        "Mogadishu",
    );
    mortar.fatalities = Some(0);
    // Predictions in the other order, and the mortar with the clash's toll:
    // the type decides the pairs, so the clash's fields are all right.
    let mut p_mortar = mortar.clone();
    p_mortar.fatalities = Some(2);
    let report = score(
        &doc(vec![clash.clone(), mortar]),
        &preds(vec![p_mortar, clash]),
    );
    let all = &report.groups["all"];
    assert_eq!(all.events.matched, 2);
    assert_eq!(all.field(rasd_eval::Field::Fatalities).correct, 1);
    // A prediction of a third type in the same town and day matches
    // neither.
    let raid = event(SubEventType::Attack, "2022-05-18", "Mogadishu");
    assert_eq!(
        strict(
            vec![event(SubEventType::ArmedClash, "2022-05-18", "Mogadishu")],
            vec![raid]
        )
        .matched,
        0
    );
}

#[test]
fn day_precision_accepts_one_day_either_way_and_no_more() {
    let gold = || vec![event(SubEventType::ArmedClash, "2022-05-18", "Mogadishu")];
    for (date, matched) in [
        ("2022-05-17", 1),
        ("2022-05-19", 1),
        ("2022-05-16", 0),
        ("2022-05-20", 0),
    ] {
        let p = event(SubEventType::ArmedClash, date, "Mogadishu");
        assert_eq!(strict(gold(), vec![p]).matched, matched, "{date}");
    }
}

#[test]
fn week_precision_accepts_the_whole_window() {
    let mut g = event(SubEventType::Attack, "2022-05-12", "Afgooye");
    g.date_precision = DatePrecision::Week;
    for (date, matched) in [
        ("2022-05-09", 1),
        ("2022-05-15", 1),
        ("2022-05-08", 0),
        ("2022-05-16", 0),
    ] {
        let p = event(SubEventType::Attack, date, "Afgooye");
        assert_eq!(strict(vec![g.clone()], vec![p]).matched, matched, "{date}");
    }
}

#[test]
fn month_precision_accepts_the_month() {
    let mut g = event(SubEventType::Attack, "2022-03-15", "Afgooye");
    g.date_precision = DatePrecision::Month;
    let inside = event(SubEventType::Attack, "2022-03-31", "Afgooye");
    let outside = event(SubEventType::Attack, "2022-04-01", "Afgooye");
    assert_eq!(strict(vec![g.clone()], vec![inside]).matched, 1);
    assert_eq!(strict(vec![g], vec![outside]).matched, 0);
}

#[test]
fn place_matches_through_admin1_but_not_across_regions() {
    let g = event(SubEventType::ArmedClash, "2022-05-18", "Mogadishu");
    let neighbour = event(SubEventType::ArmedClash, "2022-05-18", "Hodan");
    assert_eq!(strict(vec![g.clone()], vec![neighbour]).matched, 1);
    let mut elsewhere = event(SubEventType::ArmedClash, "2022-05-18", "Jowhar");
    elsewhere.admin1 = "Middle Shabelle".into();
    assert_eq!(strict(vec![g.clone()], vec![elsewhere.clone()]).matched, 0);
    // The relaxed rule still pairs them: a near miss on place.
    let relaxed = score(&doc(vec![g]), &preds(vec![elsewhere])).groups["all"].events_relaxed;
    assert_eq!(relaxed.matched, 1);
}

#[test]
fn another_country_never_matches() {
    let g = event(SubEventType::ArmedClash, "2022-05-18", "Mogadishu");
    let mut p = g.clone();
    p.iso3 = "KEN".into();
    assert_eq!(strict(vec![g.clone()], vec![p.clone()]).matched, 0);
    let relaxed = score(&doc(vec![g]), &preds(vec![p])).groups["all"].events_relaxed;
    assert_eq!(relaxed.matched, 0);
}

#[test]
fn duplicate_predictions_count_one_as_spurious() {
    let g = event(SubEventType::SuicideBomb, "2022-05-18", "Mogadishu");
    let prf = strict(vec![g.clone()], vec![g.clone(), g.clone(), g]);
    assert_eq!(
        prf,
        Prf {
            gold: 1,
            predicted: 3,
            matched: 1
        }
    );
    assert_eq!(prf.precision(), Some(1.0 / 3.0));
}

#[test]
fn period_totals_are_never_matched_to_incidents() {
    let mut total = event(SubEventType::Attack, "2022-01-01", "");
    total.is_period_total = true;
    total.date_precision = DatePrecision::Month;
    total.fatalities = Some(300);
    let mut as_incident = total.clone();
    as_incident.is_period_total = false;

    // Gold total, predicted as an incident: a missed total and a spurious
    // incident, not a match.
    let r = score(&doc(vec![total.clone()]), &preds(vec![as_incident.clone()]));
    let all = &r.groups["all"];
    assert_eq!(
        all.events,
        Prf {
            gold: 0,
            predicted: 1,
            matched: 0
        }
    );
    assert_eq!(
        all.period_totals,
        Prf {
            gold: 1,
            predicted: 0,
            matched: 0
        }
    );

    // Gold incident, predicted as a total: the other way round.
    let r = score(&doc(vec![as_incident]), &preds(vec![total]));
    let all = &r.groups["all"];
    assert_eq!(all.events.matched, 0);
    assert_eq!(all.events.gold, 1);
    assert_eq!(all.period_totals.predicted, 1);
    assert_eq!(all.period_totals.matched, 0);
}

#[test]
fn period_totals_match_on_country_and_start_month() {
    let mut total = event(SubEventType::Attack, "2022-03-01", "");
    total.is_period_total = true;
    total.date_precision = DatePrecision::Month;
    let mut mid_month = total.clone();
    mid_month.event_date = NaiveDate::from_ymd_opt(2022, 3, 15);
    let mut next_month = total.clone();
    next_month.event_date = NaiveDate::from_ymd_opt(2022, 4, 1);
    let r = score(&doc(vec![total.clone()]), &preds(vec![mid_month]));
    assert_eq!(r.groups["all"].period_totals.matched, 1);
    let r = score(&doc(vec![total]), &preds(vec![next_month]));
    assert_eq!(r.groups["all"].period_totals.matched, 0);
}

#[test]
fn negative_documents_count_false_events() {
    let gold = vec![
        GoldDoc {
            id: "neg1".into(),
            lang: Language::Ar,
            publication_date: None,
            events: vec![],
        },
        GoldDoc {
            id: "neg2".into(),
            lang: Language::Ar,
            publication_date: None,
            events: vec![],
        },
    ];
    let mut total = event(SubEventType::Attack, "2022-01-01", "");
    total.is_period_total = true;
    // Only a period total on neg1: still a false event on a negative
    // document. Two events on neg2 count as one document.
    let p = Predictions::from([
        ("neg1".to_string(), vec![total]),
        (
            "neg2".to_string(),
            vec![
                event(SubEventType::Attack, "2022-01-01", "X"),
                event(SubEventType::Attack, "2022-01-02", "Y"),
            ],
        ),
    ]);
    let r = score(&gold, &p);
    let neg = r.groups["ar"].negatives;
    assert_eq!((neg.documents, neg.with_false_event), (2, 2));
    assert_eq!(neg.clean_rate(), Some(0.0));
    assert_eq!(r.groups["ar"].events.predicted, 2);
    let clean = score(&gold, &Predictions::new()).groups["ar"].negatives;
    assert_eq!((clean.documents, clean.with_false_event), (2, 0));
}

#[test]
fn predictions_for_unknown_documents_are_not_scored() {
    let g = event(SubEventType::ArmedClash, "2022-05-18", "Mogadishu");
    let gold = doc(vec![g.clone()]);
    let p = Predictions::from([("other".to_string(), vec![g])]);
    assert_eq!(rasd_eval::unknown_documents(&gold, &p), vec!["other"]);
    let r = score(&gold, &p);
    assert_eq!(r.groups["all"].events.predicted, 0);
}
