//! The scorer's figures against a hand count on the small gold set.
//!
//! Gold (tests/data/gold.jsonl), incidents G1..G9 and period totals T1, T2:
//!
//! | doc | lang | gold |
//! |---|---|---|
//! | ar01 | ar | G1 IED Ansongo 2023-03-11; G2 clash Ansongo 2023-03-10 (claimed by JNIM); T1 total Gao since Jan 2023 |
//! | ar02 | ar | G3 peaceful protest Khartoum 2022-08-18 |
//! | ar03 | ar | negative |
//! | en01 | en | G4 clash Diffa 2024-02-12; G5 drone strike Diffa 2024-02-12; G6 abduction Bosso, week of 2024-02-08 |
//! | en02 | en | negative |
//! | fr01 | fr | G7 suicide bomb Djibo 2022-10-02 (claimed by ISSP); G8 protest Ouagadougou 2022-10-03; T2 total Sahel since Jan 2022 |
//!
//! Predictions (tests/data/predictions.jsonl), P1..P12 in file order:
//!
//! - P1 = G1 dated 2023-03-12 (one day late) and without the injured count
//!   → strict match; event_date exact wrong, ±1 day right; injured wrong.
//! - P2 = G2 placed in "Gao" (admin1 Gao, as gold) without the claim →
//!   strict match through admin1; location wrong; claimed_by wrong.
//! - P3 = T1 starting 2023-01-15 → period total match (same start month);
//!   its start date is not exact.
//! - P4 = G3 typed as a riot → no strict match (type), relaxed match.
//! - P5 a shelling in the negative document ar03 → spurious; ar03 gets a
//!   false event.
//! - P6 = G5 exactly → strict match, all fields right.
//! - P7 = G4 with the actor in lower case, 10 dead instead of 9, no
//!   breakdown → strict match; actor1 right (case is ignored); fatalities
//!   exact and ±10 % wrong (1/9 = 11 %), ±20 % right; by_group wrong.
//! - P8 = a duplicate of P7 → spurious.
//! - P9 = G6 dated 2024-02-10 with day precision → strict match (inside
//!   the week window 02-05..02-11); date exact wrong, ±1 day wrong (2 days
//!   from the stored middle), date_precision wrong.
//! - P10 = G7 exactly → strict match, claim right.
//! - P11 = T2 starting in February → no period total match (start month).
//! - P12 = T2 coded as an incident → a spurious incident; it is never
//!   matched to the gold total.
//!
//! G8 has no prediction: missed.

mod common;

use rasd_eval::{list_errors, render_errors, score, ErrorKind, Field, FieldScore, Prf};
use rasd_model::{Event, Span};

fn field(report: &rasd_eval::Report, group: &str, f: Field) -> FieldScore {
    report.groups[group].field(f)
}

fn close(a: Option<f64>, b: f64) -> bool {
    a.is_some_and(|a| (a - b).abs() < 1e-12)
}

#[test]
fn event_counts_agree_with_the_hand_count() {
    let gold = common::gold();
    let report = score(&gold, &common::predictions());
    let g = &report.groups;
    assert_eq!(report.group_names(), vec!["ar", "en", "fr", "all"]);

    // Documents: ar01 ar02 ar03 | en01 en02 | fr01.
    assert_eq!(
        [g["ar"].documents, g["en"].documents, g["fr"].documents],
        [3, 2, 1]
    );
    assert_eq!(g["all"].documents, 6);

    // Strict. ar: gold G1 G2 G3; predicted P1 P2 P4 P5; matched P1 P2.
    let prf = |gold, predicted, matched| Prf {
        gold,
        predicted,
        matched,
    };
    assert_eq!(g["ar"].events, prf(3, 4, 2));
    // en: gold G4 G5 G6; predicted P6 P7 P8 P9; matched P6 P7 P9.
    assert_eq!(g["en"].events, prf(3, 4, 3));
    // fr: gold G7 G8; predicted P10 P12; matched P10.
    assert_eq!(g["fr"].events, prf(2, 2, 1));
    assert_eq!(g["all"].events, prf(8, 10, 6));
    assert!(close(g["all"].events.precision(), 0.6));
    assert!(close(g["all"].events.recall(), 0.75));
    // F1 = 2·6 / (8 + 10) = 2/3.
    assert!(close(g["all"].events.f1(), 2.0 / 3.0));

    // Relaxed (country + date window): ar adds G3–P4; en unchanged; fr:
    // G7 and G8 both fit P10 (a day apart), one pair only; P12 (January)
    // fits neither.
    assert_eq!(g["ar"].events_relaxed.matched, 3);
    assert_eq!(g["en"].events_relaxed.matched, 3);
    assert_eq!(g["fr"].events_relaxed.matched, 1);
    assert_eq!(g["all"].events_relaxed, prf(8, 10, 7));

    // Period totals: gold T1 T2, predicted P3 P11, matched P3 only. P12 is
    // an incident and does not count here.
    assert_eq!(g["all"].period_totals, prf(2, 2, 1));
    assert_eq!(g["en"].period_totals, prf(0, 0, 0));
    assert_eq!(g["en"].period_totals.precision(), None);
    let pt = &g["all"].period_total_fields;
    assert_eq!(pt["fatalities"].correct, 1);
    assert_eq!(pt["fatalities_qualifier"].correct, 1);
    assert_eq!(
        pt["event_date"],
        FieldScore {
            correct: 0,
            pairs: 1,
            gold: 2
        }
    );

    // Negatives: ar03 got P5, en02 got nothing.
    assert_eq!(g["ar"].negatives.documents, 1);
    assert_eq!(g["ar"].negatives.with_false_event, 1);
    assert_eq!(g["en"].negatives.with_false_event, 0);
    assert_eq!(g["all"].negatives.documents, 2);
    assert_eq!(g["all"].negatives.with_false_event, 1);
    assert!(close(g["all"].negatives.clean_rate(), 0.5));
}

#[test]
fn field_scores_agree_with_the_hand_count() {
    let gold = common::gold();
    let report = score(&gold, &common::predictions());
    // Six strict pairs over all: P1–G1, P2–G2, P6–G5, P7–G4, P9–G6, P10–G7.
    // (correct, pairs) per field, from the list in the module comment.
    let expected: &[(Field, u32)] = &[
        (Field::EventType, 6),
        (Field::SubEventType, 6),
        (Field::Actor1, 6),
        (Field::Actor2, 6),
        (Field::EventDate, 4),          // P1, P9 wrong
        (Field::EventDateWithinDay, 5), // P9 wrong
        (Field::DatePrecision, 5),      // P9 wrong
        (Field::Country, 6),
        (Field::Admin1, 6),
        (Field::Location, 5),           // P2 wrong
        (Field::Fatalities, 5),         // P7 wrong
        (Field::FatalitiesWithin10, 5), // P7 wrong
        (Field::FatalitiesWithin20, 6),
        (Field::FatalitiesQualifier, 6),
        (Field::FatalitiesByGroup, 5), // P7 wrong
        (Field::Injured, 5),           // P1 wrong
        (Field::ClaimedBy, 5),         // P2 wrong
    ];
    for &(f, correct) in expected {
        assert_eq!(
            field(&report, "all", f),
            FieldScore {
                correct,
                pairs: 6,
                gold: 8
            },
            "{}",
            f.name()
        );
    }
    // Claims: gold claims on G2 and G7; both matched; only P10 has it.
    assert_eq!(
        field(&report, "all", Field::ClaimedByWhenClaimed),
        FieldScore {
            correct: 1,
            pairs: 2,
            gold: 2
        }
    );
    // Per language, the date: ar pairs P1 (wrong), P2; en P6, P7, P9
    // (wrong); fr P10.
    assert_eq!(field(&report, "ar", Field::EventDate).correct, 1);
    assert_eq!(field(&report, "en", Field::EventDate).correct, 2);
    assert_eq!(field(&report, "fr", Field::EventDate).correct, 1);
    let d = field(&report, "all", Field::EventDate);
    assert!(close(d.accuracy(), 4.0 / 6.0));
    assert!(close(d.of_gold(), 0.5));
    // Over relaxed pairs the riot P4 shows as a type error: 6 of 7.
    assert_eq!(report.groups["all"].fields_relaxed["event_type"].correct, 6);
}

#[test]
fn error_listing_agrees_with_the_scores() {
    let gold = common::gold();
    let mut preds = common::predictions();
    let texts = common::texts(&gold);
    // Give the spurious P5 and the mismatched P2 some evidence, as a coder
    // would: spans found in the article text.
    let span_of = |doc: &str, needle: &str| {
        let start = texts[doc].find(needle).expect("needle in text");
        Span::new(start, start + needle.len())
    };
    let p5: &mut Event = &mut preds.get_mut("ar03").unwrap()[0];
    p5.add_evidence("location", span_of("ar03", "صنعاء وعدن"));
    let p2: &mut Event = &mut preds.get_mut("ar01").unwrap()[1];
    p2.add_evidence("location", span_of("ar01", "منطقة غاو"));
    p2.add_evidence("actor1", Span::new(0, 100_000));

    let errors = list_errors(&gold, &preds, &texts);
    let count = |k: ErrorKind, total: bool| {
        errors
            .iter()
            .filter(|e| e.kind == k && e.period_total == total)
            .count()
    };
    // Incidents: missed G3 and G8; spurious P4, P5, P8, P12; mismatched
    // P1, P2, P7, P9. Totals: missed T2, spurious P11, mismatched P3.
    assert_eq!(count(ErrorKind::Missed, false), 2);
    assert_eq!(count(ErrorKind::Spurious, false), 4);
    assert_eq!(count(ErrorKind::Mismatched, false), 4);
    assert_eq!(count(ErrorKind::Missed, true), 1);
    assert_eq!(count(ErrorKind::Spurious, true), 1);
    assert_eq!(count(ErrorKind::Mismatched, true), 1);

    // The riot P4 is the nearest prediction of the missed protest G3.
    let missed_protest = errors
        .iter()
        .find(|e| e.doc_id == "ar02" && e.kind == ErrorKind::Missed)
        .unwrap();
    let near = missed_protest.near.as_ref().expect("near miss shown");
    let fields: Vec<&str> = near.differences.iter().map(|d| d.field).collect();
    assert_eq!(fields, vec!["event_type", "sub_event_type", "actor1"]);

    // The mismatch of P2 shows gold and predicted values and the evidence.
    let p2_err = errors
        .iter()
        .find(|e| {
            e.doc_id == "ar01"
                && e.kind == ErrorKind::Mismatched
                && e.differences.iter().any(|d| d.field == "location")
        })
        .expect("P2 mismatch listed");
    let loc = p2_err
        .differences
        .iter()
        .find(|d| d.field == "location")
        .unwrap();
    assert_eq!(loc.gold, "\"Ansongo\"");
    assert_eq!(loc.predicted, "\"Gao\"");
    assert_eq!(loc.evidence.as_deref(), Some("منطقة غاو"));

    // Spurious P5 lists its evidence text.
    let p5_err = errors
        .iter()
        .find(|e| e.doc_id == "ar03")
        .expect("P5 listed");
    assert_eq!(p5_err.kind, ErrorKind::Spurious);
    assert_eq!(p5_err.evidence[0].text, "صنعاء وعدن");

    let text = render_errors(&errors);
    assert!(text.contains("ar02 [ar] MISSED incident"), "{text}");
    assert!(text.contains("evidence «منطقة غاو»"), "{text}");
    assert!(
        text.ends_with("3 missed, 5 spurious, 5 mismatched\n"),
        "{text}"
    );
}

#[test]
fn out_of_range_evidence_is_reported_not_a_panic() {
    let gold = common::gold();
    let mut preds = common::predictions();
    let texts = common::texts(&gold);
    // A span past the end and one splitting an Arabic letter.
    let p5: &mut Event = &mut preds.get_mut("ar03").unwrap()[0];
    p5.add_evidence("location", Span::new(1, 2));
    p5.add_evidence("event_type", Span::new(10, 100_000));
    let errors = list_errors(&gold, &preds, &texts);
    let p5_err = errors.iter().find(|e| e.doc_id == "ar03").unwrap();
    assert!(p5_err
        .evidence
        .iter()
        .all(|e| e.text.contains("is not inside the text")));
}

#[test]
fn a_perfect_coder_scores_one_everywhere() {
    let gold = common::gold();
    let report = score(&gold, &common::perfect(&gold));
    let all = &report.groups["all"];
    assert_eq!(all.events.f1(), Some(1.0));
    assert_eq!(all.period_totals.f1(), Some(1.0));
    for f in Field::ALL {
        assert_eq!(all.field(*f).accuracy(), Some(1.0), "{}", f.name());
    }
    assert_eq!(all.negatives.with_false_event, 0);
    assert!(list_errors(&gold, &common::perfect(&gold), &common::texts(&gold)).is_empty());
}

#[test]
fn no_predictions_give_zero_recall_and_no_precision() {
    let gold = common::gold();
    let report = score(&gold, &Default::default());
    let all = &report.groups["all"];
    assert_eq!(all.events.precision(), None);
    assert_eq!(all.events.recall(), Some(0.0));
    assert_eq!(all.events.f1(), Some(0.0));
    assert_eq!(all.field(Field::Actor1).accuracy(), None);
    assert_eq!(all.negatives.with_false_event, 0);
}

#[test]
fn table_shows_every_language_and_the_sections() {
    let gold = common::gold();
    let table = score(&gold, &common::predictions()).to_table();
    let header = table.lines().next().unwrap();
    let cols: Vec<&str> = header.split_whitespace().collect();
    assert_eq!(cols, vec!["ar", "en", "fr", "all"]);
    for section in [
        "Events, strict match",
        "Events, relaxed match",
        "Fields, accuracy over strictly matched pairs",
        "Period totals",
        "Negative documents",
    ] {
        assert!(table.contains(section), "{section} missing:\n{table}");
    }
    let f1 = table
        .lines()
        .find(|l| l.trim_start().starts_with("F1"))
        .unwrap();
    // ar 2·2/7, en 2·3/7, fr 2·1/4, all 2/3.
    assert_eq!(
        f1.split_whitespace().collect::<Vec<_>>(),
        vec!["F1", "0.571", "0.857", "0.500", "0.667"]
    );
}

#[test]
fn json_report_round_trips() {
    let gold = common::gold();
    let report = score(&gold, &common::predictions());
    let json = report.to_json();
    assert!(json.contains("\"f1\": 0.6667"), "{json}");
    let back: rasd_eval::Report = serde_json::from_str(&json).unwrap();
    assert_eq!(back, report);
}
