//! Filters, free text, stats — and that user text never becomes SQL.

use rasd_model::{EventType, FatalityQualifier::*, SubEventType, SubEventType::*};
use rasd_store::{Filter, GroupKey, Near, Store};

use crate::common::*;

fn load(s: &dyn Store) {
    s.ingest_batch(vec![
        (
            doc(
                "q1",
                "2024-03-02 08:00",
                "قُتِلَ ثلاثة جنود في اشتباك مع جماعة نصرة الإسلام في ميناكا.",
            ),
            vec![R::new(ArmedClash, "2024-03-01", &MENAKA)
                .actors(JNIM, FAMA)
                .dead(3, Exact)
                .e()],
        ),
        (
            doc(
                "q2",
                "2024-03-20 08:00",
                "A drone strike hit a wedding near Gao, killing 14.",
            ),
            vec![R::new(AirDroneStrike, "2024-03-19", &GAO)
                .actors(FAMA, "Civilians (Mali)")
                .dead(14, Exact)
                .e()],
        ),
        (
            doc(
                "q3",
                "2024-04-11 08:00",
                "Des manifestants ont bloqué la route à Djibo.",
            ),
            vec![R::new(PeacefulProtest, "2024-04-10", &DJIBO)
                .actors("Protesters (Burkina Faso)", "")
                .e()],
        ),
        (
            doc(
                "q4",
                "2024-04-12 08:00",
                "Fighters of the Islamic State attacked Inekar.",
            ),
            vec![R::new(Attack, "2024-04-12", &MENAKA_OUTSKIRTS)
                .actors(ISSP, "Civilians (Mali)")
                .dead(9, AtLeast)
                .e()],
        ),
    ])
    .unwrap();
}

fn ids(s: &dyn Store, f: Filter) -> Vec<String> {
    let mut v: Vec<String> = s
        .query(&f)
        .unwrap()
        .into_iter()
        .map(|e| e.doc_ids.join("+"))
        .collect();
    v.sort();
    v
}

store_test!(every_filter_selects, |s: &dyn Store| {
    load(s);
    let f = Filter::default;
    assert_eq!(ids(s, f()).len(), 4);
    assert_eq!(
        ids(
            s,
            Filter {
                country: Some("bfa".into()),
                ..f()
            }
        ),
        ["q3"]
    );
    assert_eq!(
        ids(
            s,
            Filter {
                country: Some("Mali".into()),
                ..f()
            }
        )
        .len(),
        3
    );
    assert_eq!(
        ids(
            s,
            Filter {
                admin1: Some("gao".into()),
                ..f()
            }
        ),
        ["q2"]
    );
    assert_eq!(
        ids(
            s,
            Filter {
                location: Some("MENAKA".into()),
                ..f()
            }
        ),
        ["q1"]
    );
    let near = |km| Filter {
        near: Some(Near {
            lat: 15.918,
            lon: 2.402,
            radius_km: km,
        }),
        ..f()
    };
    assert_eq!(ids(s, near(5.0)), ["q1"]);
    assert_eq!(ids(s, near(20.0)), ["q1", "q4"]);
    assert_eq!(ids(s, near(400.0)).len(), 3);
    assert_eq!(
        ids(
            s,
            Filter {
                actors: vec!["jnim".into()],
                ..f()
            }
        ),
        ["q1"]
    );
    // Matches actor2 too, and any of several aliases.
    assert_eq!(
        ids(
            s,
            Filter {
                actors: vec!["military forces of mali".into()],
                ..f()
            }
        ),
        ["q1", "q2"]
    );
    assert_eq!(
        ids(
            s,
            Filter {
                actors: vec!["islamic state".into(), "JNIM".into()],
                ..f()
            }
        ),
        ["q1", "q4"]
    );
    assert_eq!(
        ids(
            s,
            Filter {
                event_type: Some(EventType::Protests),
                ..f()
            }
        ),
        ["q3"]
    );
    assert_eq!(
        ids(
            s,
            Filter {
                sub_event_type: Some(SubEventType::AirDroneStrike),
                ..f()
            }
        ),
        ["q2"]
    );
    assert_eq!(
        ids(
            s,
            Filter {
                date_from: Some(date("2024-03-19")),
                date_to: Some(date("2024-04-10")),
                ..f()
            }
        ),
        ["q2", "q3"]
    );
    assert_eq!(
        ids(
            s,
            Filter {
                min_fatalities: Some(9),
                ..f()
            }
        ),
        ["q2", "q4"]
    );
    assert_eq!(
        s.count(&Filter {
            min_fatalities: Some(9),
            ..f()
        })
        .unwrap(),
        2
    );
    let page = s
        .query(&Filter {
            limit: Some(2),
            offset: Some(1),
            ..f()
        })
        .unwrap();
    assert_eq!(page.len(), 2);
    // Newest first.
    assert_eq!(page[0].doc_ids, ["q3"]);
});

store_test!(free_text_searches_source_documents, |s: &dyn Store| {
    load(s);
    let text = |t: &str| {
        ids(
            s,
            Filter {
                text: Some(t.into()),
                ..Default::default()
            },
        )
    };
    assert_eq!(text("wedding"), ["q2"]);
    assert_eq!(text("DRONE Gao"), ["q2"]);
    assert_eq!(text("drone Djibo"), Vec::<String>::new());
    // Arabic: the query without diacritics finds the vocalised text, and a
    // hamza-less alef finds "الإسلام".
    assert_eq!(text("قتل"), ["q1"]);
    assert_eq!(text("الاسلام"), ["q1"]);
    // French accents fold too.
    assert_eq!(text("bloque"), ["q3"]);
});

/// Text that would do damage if it were pasted into SQL or a search query.
const NASTY: &[&str] = &[
    "'; DROP TABLE events; --",
    "\"; DROP TABLE documents; --",
    "O'Brien",
    "x' OR '1'='1",
    "SELECT * FROM events WHERE 1=1",
    "%_\\",
    "NEAR(a b) OR NOT c AND d*",
    "1; DELETE FROM event_sources",
    "?",
    "$1",
    "\u{0}",
    "قتل'; --",
];

store_test!(
    hostile_text_in_every_filter_is_only_data,
    |s: &dyn Store| {
        load(s);
        for bad in NASTY {
            let fields: Vec<Filter> = vec![
                Filter {
                    country: Some(bad.to_string()),
                    ..Default::default()
                },
                Filter {
                    admin1: Some(bad.to_string()),
                    ..Default::default()
                },
                Filter {
                    location: Some(bad.to_string()),
                    ..Default::default()
                },
                Filter {
                    actors: vec![bad.to_string()],
                    ..Default::default()
                },
                Filter {
                    text: Some(bad.to_string()),
                    ..Default::default()
                },
            ];
            for f in fields {
                let r = s
                    .query(&f)
                    .unwrap_or_else(|e| panic!("{bad:?} in {f:?}: {e}"));
                // (A value that is only NUL is empty once cleaned: no filter.)
                if f.text.is_none() && !bad.replace('\u{0}', "").is_empty() {
                    assert!(r.is_empty(), "{bad:?} matched something in {f:?}");
                }
                s.stats(&f, &[GroupKey::Month]).unwrap();
            }
        }
        // Everything is still there.
        let c = s.counts().unwrap();
        assert_eq!((c.documents, c.reports, c.events), (4, 4, 4));
    }
);

store_test!(stats_group_by_one_or_two_keys, |s: &dyn Store| {
    load(s);
    let all = s.stats(&Filter::default(), &[]).unwrap();
    assert_eq!(all.len(), 1);
    assert_eq!((all[0].events, all[0].fatalities), (4, 26));

    let by = s
        .stats(&Filter::default(), &[GroupKey::Month, GroupKey::Admin1])
        .unwrap();
    let rows: Vec<(Vec<String>, u64, u64)> = by
        .into_iter()
        .map(|r| (r.keys, r.events, r.fatalities))
        .collect();
    assert_eq!(
        rows,
        vec![
            (vec!["2024-03".into(), "Gao".into()], 1, 14),
            (vec!["2024-03".into(), "Menaka".into()], 1, 3),
            (vec!["2024-04".into(), "Menaka".into()], 1, 9),
            (vec!["2024-04".into(), "Sahel".into()], 1, 0),
        ]
    );
    let weeks = s.stats(&Filter::default(), &[GroupKey::Week]).unwrap();
    assert_eq!(weeks[0].keys, ["2024-W09"]);
    let actors = s
        .stats(
            &Filter {
                country: Some("MLI".into()),
                ..Default::default()
            },
            &[GroupKey::Actor],
        )
        .unwrap();
    let names: Vec<&str> = actors.iter().map(|r| r.keys[0].as_str()).collect();
    assert_eq!(names, [ISSP, JNIM, FAMA]);
    let years = s
        .stats(&Filter::default(), &[GroupKey::Year, GroupKey::EventType])
        .unwrap();
    assert_eq!(years[0].keys[0], "2024");
    assert_eq!(years.len(), 4);
});
