//! Baselines: a coder change that breaks dates visibly drops the date score
//! and fails against the baseline.

mod common;

use chrono::Days;
use rasd_eval::{
    compare, load_report, score, Predictions, Report, Trend, EXIT_OK, EXIT_REGRESSION,
};

/// A broken coder: everything right except that every date is five days
/// late (say, a relative-date resolver that counts from the wrong anchor).
fn dates_shifted(p: &Predictions, days: u64) -> Predictions {
    p.iter()
        .map(|(id, events)| {
            let events = events
                .iter()
                .map(|e| {
                    let mut e = e.clone();
                    e.event_date = e
                        .event_date
                        .and_then(|d| d.checked_add_days(Days::new(days)));
                    e
                })
                .collect();
            (id.clone(), events)
        })
        .collect()
}

fn baseline() -> Report {
    let gold = common::gold();
    score(&gold, &common::perfect(&gold))
}

#[test]
fn broken_dates_drop_the_date_score_and_fail_against_the_baseline() {
    let gold = common::gold();
    let baseline = baseline();
    let broken = score(&gold, &dates_shifted(&common::perfect(&gold), 5));

    // The date score drops visibly: day and week events no longer match,
    // and the month-precision totals that still match have the wrong start.
    let all = &broken.groups["all"];
    assert_eq!(all.events.matched, 0);
    assert_eq!(all.events.f1(), Some(0.0));
    let start = all.period_total_fields["event_date"];
    assert_eq!((start.correct, start.pairs), (0, 2));

    let cmp = compare(&baseline, &broken, 0.02);
    assert!(cmp.has_regression());
    assert_eq!(cmp.exit_code(), EXIT_REGRESSION);
    let regressed: Vec<(&str, &str)> = cmp
        .regressions()
        .map(|c| (c.group.as_str(), c.metric.as_str()))
        .collect();
    for expected in [
        ("all", "events.f1"),
        ("all", "fields.event_date.of_gold"),
        ("all", "period_total_fields.event_date.of_gold"),
        ("ar", "events.recall"),
        ("en", "events.recall"),
        ("fr", "events.recall"),
    ] {
        assert!(
            regressed.contains(&expected),
            "{expected:?} in {regressed:?}"
        );
    }
    let printed = cmp.to_string();
    assert!(printed.contains("REGRESSION all  events.f1"), "{printed}");
    assert!(printed.contains("Result: FAIL"), "{printed}");
}

#[test]
fn the_same_run_passes_and_a_better_run_passes() {
    let gold = common::gold();
    let base = score(&gold, &common::predictions());
    let same = compare(&base, &base, 0.02);
    assert!(same.changes.is_empty());
    assert!(same.unchanged > 0);
    assert_eq!(same.exit_code(), EXIT_OK);

    let better = score(&gold, &common::perfect(&gold));
    let cmp = compare(&base, &better, 0.02);
    assert_eq!(cmp.exit_code(), EXIT_OK);
    assert!(cmp.changes.iter().all(|c| c.trend == Trend::Better));
    // And back down again is a regression.
    assert_eq!(compare(&better, &base, 0.02).exit_code(), EXIT_REGRESSION);
}

#[test]
fn drops_within_the_tolerance_pass() {
    let gold = common::gold();
    let base = score(&gold, &common::perfect(&gold));
    // One missed event of eight: recall 1 → 0.875, F1 1 → 0.933.
    let mut p = common::perfect(&gold);
    p.get_mut("en01").unwrap().pop();
    let worse = score(&gold, &p);
    assert_eq!(compare(&base, &worse, 0.02).exit_code(), EXIT_REGRESSION);
    assert_eq!(compare(&base, &worse, 0.5).exit_code(), EXIT_OK);
    let lenient = compare(&base, &worse, 0.5);
    assert!(lenient.changes.iter().any(|c| c.trend == Trend::Worse));
}

#[test]
fn finding_a_new_event_with_one_wrong_field_is_not_a_regression() {
    // Baseline: en01's abduction is missed. Current: it is found but with
    // the wrong actor. actor1 accuracy over pairs falls, but its share of
    // gold events does not, and only the latter gates.
    let gold = common::gold();
    let mut before = common::perfect(&gold);
    let abduction = before.get_mut("en01").unwrap().pop().unwrap();
    let mut after = before.clone();
    let mut found = abduction;
    found.actor1 = "Islamic State West Africa Province".into();
    after.get_mut("en01").unwrap().push(found);
    let cmp = compare(&score(&gold, &before), &score(&gold, &after), 0.0);
    assert_eq!(cmp.exit_code(), EXIT_OK, "{cmp}");
    assert!(cmp
        .changes
        .iter()
        .any(|c| c.metric == "fields.actor1.accuracy" && c.trend == Trend::Worse));
}

#[test]
fn a_baseline_over_other_documents_is_not_compared() {
    let gold = common::gold();
    let base = score(&gold, &common::predictions());
    let arabic: Vec<_> = gold
        .iter()
        .filter(|d| d.lang == rasd_model::Language::Ar)
        .cloned()
        .collect();
    let cur = score(&arabic, &Predictions::new());
    let cmp = compare(&base, &cur, 0.02);
    // "ar" is comparable (and worse: nothing predicted); "all" is not (other
    // documents); "en" and "fr" are missing from this run.
    assert!(cmp.changes.iter().all(|c| c.group == "ar"));
    assert_eq!(cmp.exit_code(), EXIT_REGRESSION);
    let groups: Vec<&str> = cmp.incomparable.iter().map(|i| i.group.as_str()).collect();
    assert_eq!(groups, vec!["all", "en", "fr"]);
}

#[test]
fn baseline_files_round_trip_and_bad_ones_are_clear_errors() {
    let dir = std::env::temp_dir().join(format!("rasd-eval-baseline-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("baseline.json");
    let report = baseline();
    std::fs::write(&path, report.to_json()).unwrap();
    let back = load_report(&path).unwrap();
    assert_eq!(back, report);
    assert_eq!(compare(&back, &report, 0.0).exit_code(), EXIT_OK);

    std::fs::write(&path, "{\"format\": 99, \"groups\": {}}").unwrap();
    let err = load_report(&path).unwrap_err().to_string();
    assert!(err.contains("format 99"), "{err}");
    std::fs::write(&path, "not json").unwrap();
    let err = load_report(&path).unwrap_err().to_string();
    assert!(err.contains("baseline.json"), "{err}");
    std::fs::remove_dir_all(&dir).unwrap();
}
