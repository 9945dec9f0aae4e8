//! Multi-report clusters: what merges, what must not, and how the merged
//! fields are chosen and explained.

use rasd_model::{DatePrecision, FatalityQualifier::*, SubEventType::*};
use rasd_store::Store;

use crate::common::*;

const AR: &str = "هاجم مسلحون موكبا عسكريا قرب ميناكا صباح الأحد وقتل عشرة جنود على الأقل.";
const EN: &str =
    "Gunmen ambushed an army convoy near Menaka on Sunday; 23 soldiers were killed, the army said.";
const FR: &str =
    "Une embuscade contre un convoi militaire près de Ménaka a fait 23 morts dimanche.";

store_test!(
    three_reports_of_one_ambush_become_one_event,
    |s: &dyn Store| {
        let ids = ingest_all(
            s,
            vec![
                (
                    doc("ar-1", "2024-03-10 09:00", AR),
                    vec![R::new(ArmedClash, "2024-03-10", &MENAKA)
                        .actors("Unidentified Armed Group (Mali)", FAMA)
                        .dead(10, AtLeast)
                        .attributed("local official")
                        .e()],
                ),
                (
                    doc("en-1", "2024-03-11 07:30", EN),
                    vec![R::new(ArmedClash, "2024-03-10", &MENAKA_OUTSKIRTS)
                        .actors(ISSP, FAMA)
                        .dead(23, Exact)
                        .attributed("Malian army statement")
                        .e()],
                ),
                (
                    // Dated a day later by a report published after midnight.
                    doc("fr-1", "2024-03-11 10:00", FR),
                    vec![
                        R::new(ShellingArtilleryMissileAttack, "2024-03-11", &MENAKA)
                            .actors("", FAMA)
                            .dead(23, Exact)
                            .e(),
                    ],
                ),
            ],
        );
        assert_eq!(ids[0], ids[1]);
        assert_eq!(ids[1], ids[2]);
        let c = s.counts().unwrap();
        assert_eq!((c.documents, c.reports, c.events), (3, 3, 1));

        let x = s.explain(&ids[0]).unwrap().unwrap();
        let e = &x.event.event;
        assert_eq!(x.event.n_reports, 3);
        assert_eq!(x.event.doc_ids, vec!["ar-1", "en-1", "fr-1"]);
        // "at least 10", then an exact 23 from a later report: a revision.
        assert_eq!(e.fatalities, Some(23));
        assert_eq!(e.fatalities_qualifier, Exact);
        // The named attacker comes from the English report.
        assert_eq!(e.actor1, ISSP);
        assert_eq!(e.event_type, rasd_model::EventType::Battles);
        assert_eq!(e.event_date, Some(date("2024-03-10")));
        assert_eq!(e.location, "Menaka");
        assert_eq!(
            e.source_attribution.as_deref(),
            Some("local official; Malian army statement")
        );
        // Provenance names a report for every field group it filled.
        let en_report = &x.reports[1];
        assert_eq!(en_report.doc_id, "en-1");
        assert!(en_report.fields_used.contains(&"actor1".to_string()));
        assert!(en_report.fields_used.contains(&"fatalities".to_string()));
        assert_eq!(x.provenance["fatalities"], en_report.report_id);
        assert_eq!(x.reports.len(), 3);
        assert_eq!(x.reports[0].record.fatalities, Some(10));
        // Looking up by a report id finds the merged event.
        let by_report = s.event(&x.reports[2].report_id).unwrap().unwrap();
        assert_eq!(by_report.event.event_id, ids[0]);
    }
);

store_test!(
    consecutive_days_with_different_attackers_stay_apart,
    |s: &dyn Store| {
        let ids = ingest_all(
            s,
            vec![
                (
                    doc("a", "2024-05-02 08:00", "Attack on Menaka market by JNIM."),
                    vec![R::new(Attack, "2024-05-01", &MENAKA)
                        .actors(JNIM, "Civilians (Mali)")
                        .e()],
                ),
                (
                    doc("b", "2024-05-03 08:00", "ISSP fighters raided Menaka."),
                    vec![R::new(Attack, "2024-05-02", &MENAKA)
                        .actors(ISSP, "Civilians (Mali)")
                        .e()],
                ),
            ],
        );
        assert_ne!(ids[0], ids[1]);
        assert_eq!(s.counts().unwrap().events, 2);
    }
);

store_test!(same_day_thirty_km_apart_stay_apart, |s: &dyn Store| {
    let ids = ingest_all(
        s,
        vec![
            (
                doc("a", "2024-05-02 08:00", "Clashes in Menaka."),
                vec![R::new(ArmedClash, "2024-05-01", &MENAKA)
                    .actors(JNIM, FAMA)
                    .e()],
            ),
            (
                doc("b", "2024-05-02 09:00", "Clashes near Tinfadimata."),
                vec![R::new(ArmedClash, "2024-05-01", &MENAKA_30KM)
                    .actors(JNIM, FAMA)
                    .e()],
            ),
        ],
    );
    assert_ne!(ids[0], ids[1]);
});

store_test!(
    incompatible_types_stay_apart_compatible_pairs_merge,
    |s: &dyn Store| {
        let ids = ingest_all(
            s,
            vec![
                (
                    doc("a", "2024-06-02 08:00", "Protest in Gao."),
                    vec![R::new(PeacefulProtest, "2024-06-01", &GAO)
                        .actors("Protesters (Mali)", "")
                        .e()],
                ),
                (
                    doc("b", "2024-06-02 09:00", "Drone strike in Gao."),
                    vec![R::new(AirDroneStrike, "2024-06-01", &GAO)
                        .actors(FAMA, "")
                        .e()],
                ),
                (
                    // Clashes and shelling: one incident seen by two outlets.
                    doc("c", "2024-06-02 10:00", "Fighting in Gao."),
                    vec![R::new(ArmedClash, "2024-06-01", &GAO).actors(FAMA, "").e()],
                ),
                (
                    // Arrests and looting are different strategic developments.
                    doc("d", "2024-06-02 11:00", "Arrests in Gao."),
                    vec![R::new(Arrests, "2024-06-01", &GAO).actors(FAMA, "").e()],
                ),
                (
                    doc("e", "2024-06-02 12:00", "Looting in Gao."),
                    vec![R::new(LootingPropertyDestruction, "2024-06-01", &GAO)
                        .actors(FAMA, "")
                        .e()],
                ),
            ],
        );
        assert_ne!(ids[0], ids[1], "protest and airstrike");
        assert_eq!(ids[1], ids[2], "airstrike and clash");
        assert_ne!(ids[3], ids[4], "arrests and looting");
        assert_eq!(s.counts().unwrap().events, 4);
    }
);

store_test!(period_totals_never_merge, |s: &dyn Store| {
    let ids = ingest_all(
        s,
        vec![
            (
                doc("a", "2024-07-02 08:00", "An attack in Menaka killed 12."),
                vec![R::new(Attack, "2024-07-01", &MENAKA)
                    .actors(ISSP, "Civilians (Mali)")
                    .dead(12, Exact)
                    .e()],
            ),
            (
                doc(
                    "b",
                    "2024-07-02 09:00",
                    "Since March, 900 killed in Menaka.",
                ),
                vec![R::new(Attack, "2024-07-01", &MENAKA)
                    .actors(ISSP, "Civilians (Mali)")
                    .dead(900, MoreThan)
                    .period_total()
                    .e()],
            ),
            (
                doc(
                    "c",
                    "2024-07-02 10:00",
                    "Again: 900 killed in Menaka since March.",
                ),
                vec![R::new(Attack, "2024-07-01", &MENAKA)
                    .actors(ISSP, "Civilians (Mali)")
                    .dead(900, MoreThan)
                    .period_total()
                    .e()],
            ),
        ],
    );
    assert_ne!(ids[0], ids[1]);
    assert_ne!(ids[1], ids[2]);
    // Stats leave period totals out unless asked.
    let st = s.stats(&Default::default(), &[]).unwrap();
    assert_eq!((st[0].events, st[0].fatalities), (1, 12));
    let all = rasd_store::Filter {
        include_period_totals: true,
        ..Default::default()
    };
    assert_eq!(s.stats(&all, &[]).unwrap()[0].events, 3);
});

store_test!(chains_do_not_glue_three_days_together, |s: &dyn Store| {
    let ids = ingest_all(
        s,
        vec![
            (
                doc("d1", "2024-08-01 20:00", "Monday clash."),
                vec![R::new(ArmedClash, "2024-08-01", &GAO)
                    .actors(JNIM, FAMA)
                    .e()],
            ),
            (
                doc("d2", "2024-08-02 20:00", "Tuesday clash."),
                vec![R::new(ArmedClash, "2024-08-02", &GAO)
                    .actors(JNIM, FAMA)
                    .e()],
            ),
            (
                doc("d3", "2024-08-03 20:00", "Wednesday clash."),
                vec![R::new(ArmedClash, "2024-08-03", &GAO)
                    .actors(JNIM, FAMA)
                    .e()],
            ),
        ],
    );
    // Monday and Tuesday are within a day; Wednesday is two days from
    // Monday, so it cannot join their event.
    assert_eq!(ids[0], ids[1]);
    assert_ne!(ids[1], ids[2]);
});

store_test!(two_events_of_one_document_stay_apart, |s: &dyn Store| {
    let ids = ingest_all(
        s,
        vec![(
            doc(
                "a",
                "2024-08-05 08:00",
                "Two attacks on Gao, Sunday and Monday.",
            ),
            vec![
                R::new(Attack, "2024-08-04", &GAO).actors(JNIM, "").e(),
                R::new(Attack, "2024-08-05", &GAO).actors(JNIM, "").e(),
            ],
        )],
    );
    assert_ne!(ids[0], ids[1]);
});

store_test!(
    places_without_coordinates_fall_back_to_names,
    |s: &dyn Store| {
        let other_gao = Place {
            admin1: "Tombouctou",
            ..GAO
        };
        let ids = ingest_all(
            s,
            vec![
                (
                    doc("a", "2024-09-02 08:00", "Clash at Gao."),
                    vec![R::new(ArmedClash, "2024-09-01", &GAO)
                        .actors(JNIM, FAMA)
                        .no_coords()
                        .e()],
                ),
                (
                    // Same town name in another region: a homonym.
                    doc("b", "2024-09-02 09:00", "Clash at a place called Gao."),
                    vec![R::new(ArmedClash, "2024-09-01", &other_gao)
                        .actors(JNIM, FAMA)
                        .no_coords()
                        .e()],
                ),
                (
                    // Only the region is known: joins the town in that region.
                    doc("c", "2024-09-02 10:00", "Clash in the Gao region."),
                    vec![R::new(ArmedClash, "2024-09-01", &GAO)
                        .actors(JNIM, FAMA)
                        .region_only()
                        .e()],
                ),
            ],
        );
        assert_ne!(ids[0], ids[1]);
        assert_eq!(ids[0], ids[2]);
        // The merged place is the town, not the region.
        let e = s.event(&ids[0]).unwrap().unwrap().event;
        assert_eq!((e.location.as_str(), e.geo_precision), ("Gao", 1));
    }
);

store_test!(date_windows_follow_precision, |s: &dyn Store| {
    let ids = ingest_all(
        s,
        vec![
            (
                doc("a", "2024-10-21 08:00", "Battle of Djibo on 20 October."),
                vec![R::new(ArmedClash, "2024-10-20", &DJIBO)
                    .actors(JNIM, "")
                    .e()],
            ),
            (
                doc("b", "2024-11-02 08:00", "A battle in Djibo in October."),
                vec![R::new(ArmedClash, "2024-10-15", &DJIBO)
                    .actors(JNIM, "")
                    .precision(DatePrecision::Month)
                    .e()],
            ),
            (
                doc("c", "2024-12-30 08:00", "Fighting in Djibo this year."),
                vec![R::new(ArmedClash, "2024-07-01", &DJIBO)
                    .actors(JNIM, "")
                    .precision(DatePrecision::Year)
                    .e()],
            ),
            (
                doc("d", "2024-10-29 08:00", "Clash in Djibo on 28 October."),
                vec![R::new(ArmedClash, "2024-10-28", &DJIBO)
                    .actors(JNIM, "")
                    .e()],
            ),
        ],
    );
    assert_eq!(
        ids[0], ids[1],
        "a month-precision report falls in the month"
    );
    // A day-precision report arriving after a month-precision one finds it
    // ten days away (through the coarse-date lookup).
    let later = ingest_all(
        s,
        vec![
            (
                doc("e", "2024-12-02 08:00", "Djibo saw a battle in November."),
                vec![R::new(ArmedClash, "2024-11-15", &DJIBO)
                    .actors(JNIM, "")
                    .precision(DatePrecision::Month)
                    .e()],
            ),
            (
                doc("f", "2024-11-26 08:00", "Battle in Djibo on 25 November."),
                vec![R::new(ArmedClash, "2024-11-25", &DJIBO)
                    .actors(JNIM, "")
                    .e()],
            ),
        ],
    );
    assert_eq!(later[0], later[1]);
    assert_ne!(ids[0], ids[2], "year precision never merges");
    assert_ne!(ids[0], ids[3], "eight days from the day-precision report");
    // The merged date keeps the finest precision.
    let e = s.event(&ids[0]).unwrap().unwrap().event;
    assert_eq!(e.date_precision, DatePrecision::Day);
    assert_eq!(e.event_date, Some(date("2024-10-20")));
});

store_test!(remerge_reproduces_the_clusters, |s: &dyn Store| {
    let ids = ingest_all(
        s,
        vec![
            (
                doc("a", "2024-03-10 09:00", AR),
                vec![R::new(ArmedClash, "2024-03-10", &MENAKA)
                    .actors("", FAMA)
                    .e()],
            ),
            (
                doc("b", "2024-03-11 07:30", EN),
                vec![R::new(ArmedClash, "2024-03-10", &MENAKA)
                    .actors(ISSP, FAMA)
                    .e()],
            ),
            (
                doc("c", "2024-03-11 07:30", "Unrelated protest in Gao."),
                vec![R::new(PeacefulProtest, "2024-03-10", &GAO).e()],
            ),
        ],
    );
    let before: Vec<_> = s.query(&Default::default()).unwrap();
    assert_eq!(s.remerge_all().unwrap(), 2);
    let after: Vec<_> = s.query(&Default::default()).unwrap();
    let key = |v: &Vec<rasd_store::StoredEvent>| {
        let mut k: Vec<_> = v
            .iter()
            .map(|e| (e.event.event_id.clone(), e.doc_ids.clone()))
            .collect();
        k.sort();
        k
    };
    assert_eq!(key(&before), key(&after));
    assert_eq!(ids[0], ids[1]);
});
