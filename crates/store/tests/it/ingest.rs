//! Idempotency, replacement of changed documents, validation.

use rasd_model::{FatalityQualifier::*, SubEventType::*};
use rasd_store::{IngestStatus, Store, StoreError};

use crate::common::*;

fn corpus() -> Vec<(rasd_model::Document, Vec<rasd_model::Event>)> {
    vec![
        (
            doc(
                "n1",
                "2024-01-05 08:00",
                "قتل خمسة مدنيين في هجوم على قرية قرب جاو.",
            ),
            vec![R::new(Attack, "2024-01-04", &GAO)
                .actors("Unidentified Armed Group (Mali)", "Civilians (Mali)")
                .dead(5, Exact)
                .e()],
        ),
        (
            doc(
                "n2",
                "2024-01-05 09:00",
                "Five villagers were killed near Gao on Thursday.",
            ),
            vec![R::new(Attack, "2024-01-04", &GAO)
                .actors("", "Civilians (Mali)")
                .dead(5, Exact)
                .e()],
        ),
        (
            doc(
                "n3",
                "2024-01-06 09:00",
                "Des soldats ont repoussé une attaque à Djibo.",
            ),
            vec![
                R::new(ArmedClash, "2024-01-05", &DJIBO)
                    .actors(JNIM, "")
                    .e(),
                R::new(Arrests, "2024-01-05", &DJIBO)
                    .actors("Military Forces of Burkina Faso", "")
                    .e(),
            ],
        ),
        (
            doc("n4", "2024-01-06 10:00", "Nothing violent happened today."),
            vec![],
        ),
    ]
}

store_test!(the_same_documents_twice_add_nothing, |s: &dyn Store| {
    for (d, e) in corpus() {
        assert_eq!(s.ingest(&d, e).unwrap().status, IngestStatus::New);
    }
    let before = s.counts().unwrap();
    assert_eq!((before.documents, before.reports, before.events), (4, 4, 3));
    let snapshot = s.query(&Default::default()).unwrap();
    let outcomes = s.ingest_batch(corpus()).unwrap();
    assert!(outcomes.iter().all(|o| o.status == IngestStatus::Unchanged));
    assert!(outcomes.iter().all(|o| o.reports == 0 && o.new_events == 0));
    assert_eq!(s.counts().unwrap(), before);
    // Not even the timestamps moved.
    assert_eq!(s.query(&Default::default()).unwrap(), snapshot);
});

store_test!(a_changed_document_replaces_its_reports, |s: &dyn Store| {
    s.ingest_batch(corpus()).unwrap();
    let n2 = s.document("n2").unwrap().unwrap();
    let merged = s.event(&n2.reports[0]).unwrap().unwrap();
    assert_eq!(merged.n_reports, 2);
    let merged_id = merged.event.event_id.clone();

    // n2 is corrected: the toll is now seven, recoded as such.
    let mut d = doc(
        "n2",
        "2024-01-05 09:00",
        "Seven villagers were killed near Gao on Thursday.",
    );
    d.title = Some("Report n2 (updated)".into());
    let out = s
        .ingest(
            &d,
            vec![R::new(Attack, "2024-01-04", &GAO)
                .actors("", "Civilians (Mali)")
                .dead(7, Exact)
                .e()],
        )
        .unwrap();
    assert_eq!(out.status, IngestStatus::Replaced);
    assert_eq!(out.merged, 1);
    let c = s.counts().unwrap();
    assert_eq!((c.documents, c.reports, c.events), (4, 4, 3));
    let stored = s.document("n2").unwrap().unwrap();
    assert!(stored.document.text.starts_with("Seven"));
    // The event keeps its id; 5 vs 7 exact contradict: the lowest stands.
    let e = s.event(&merged_id).unwrap().unwrap();
    assert_eq!(e.n_reports, 2);
    assert_eq!(e.event.fatalities, Some(5));

    // n3 is recoded with no events at all: its two events disappear.
    let d3 = doc(
        "n3",
        "2024-01-06 09:00",
        "Correction: the Djibo report was withdrawn.",
    );
    let out = s.ingest(&d3, vec![]).unwrap();
    assert_eq!(out.status, IngestStatus::Replaced);
    assert_eq!(out.removed_events, 2);
    let c = s.counts().unwrap();
    assert_eq!((c.documents, c.reports, c.events), (4, 2, 1));
});

store_test!(
    recoding_replaces_reports_in_place_and_pages_in_order,
    |s: &dyn Store| {
        s.ingest_batch(corpus()).unwrap();
        // Paging through the store gives every document once, in
        // ingestion order.
        let mut ids = Vec::new();
        let mut after: Option<String> = None;
        loop {
            let page = s.documents_after(after.as_deref(), 3).unwrap();
            let Some(last) = page.last() else { break };
            after = Some(last.id.clone());
            ids.extend(page.into_iter().map(|d| d.id));
        }
        assert_eq!(ids, ["n1", "n2", "n3", "n4"]);
        assert!(s.documents_after(Some("nope"), 3).is_err());

        // A better coder finds the Djibo clash only, and an incident in
        // n4 that it missed before; n1 and n2 come out as before.
        let docs: Vec<_> = s
            .documents_after(None, 10)
            .unwrap()
            .into_iter()
            .zip(corpus())
            .map(|(d, (_, evs))| {
                let evs = match d.id.as_str() {
                    "n3" => evs.into_iter().take(1).collect(),
                    "n4" => vec![R::new(AbductionForcedDisappearance, "2024-03-01", &GAO).e()],
                    _ => evs,
                };
                (d, evs)
            })
            .collect();
        let merged_before = s
            .event(&s.document("n2").unwrap().unwrap().reports[0])
            .unwrap()
            .unwrap();
        let out = s.recode_batch(docs).unwrap();
        assert!(out.iter().all(|o| o.status == IngestStatus::Recoded));
        assert_eq!(out[2].removed_events, 2);
        // Gao (two reports), the Djibo clash, the new abduction; the
        // arrest is gone.
        let c = s.counts().unwrap();
        assert_eq!((c.documents, c.reports, c.events), (4, 4, 3));
        assert_eq!(out[3].new_events, 1);
        // The two reports of the Gao attack still make one event, with
        // the same id: recoding kept n1 before n2.
        let n2 = s.document("n2").unwrap().unwrap();
        let merged = s.event(&n2.reports[0]).unwrap().unwrap();
        assert_eq!(merged.n_reports, 2);
        assert_eq!(merged.event.event_id, merged_before.event.event_id);
        // The document text is untouched; the order is unchanged.
        assert_eq!(n2.document.text, corpus()[1].0.text);
        let ids: Vec<_> = s
            .documents_after(None, 10)
            .unwrap()
            .into_iter()
            .map(|d| d.id)
            .collect();
        assert_eq!(ids, ["n1", "n2", "n3", "n4"]);

        // A document the store never saw cannot be recoded, and the whole
        // batch is refused.
        let stranger = doc("n9", "2024-01-07 09:00", "Unknown.");
        let (d1, e1) = corpus().remove(0);
        assert!(s.recode_batch(vec![(d1, e1), (stranger, vec![])]).is_err());
        assert_eq!(s.counts().unwrap(), c);
    }
);

store_test!(
    replacing_a_founding_report_keeps_the_event_id,
    |s: &dyn Store| {
        s.ingest_batch(corpus()).unwrap();
        let first = s.document("n1").unwrap().unwrap().reports[0].clone();
        let id = s.event(&first).unwrap().unwrap().event.event_id;
        // The founder's document changes but still reports the same incident.
        let d = doc(
            "n1",
            "2024-01-05 08:00",
            "قتل خمسة مدنيين في هجوم على قرية قرب مدينة جاو.",
        );
        let (_, evs) = corpus().remove(0);
        s.ingest(&d, evs).unwrap();
        assert_eq!(s.event(&first).unwrap().unwrap().event.event_id, id);
        assert_eq!(s.event(&id).unwrap().unwrap().n_reports, 2);
    }
);

store_test!(event_ids_are_the_same_in_a_fresh_store, |s: &dyn Store| {
    s.ingest_batch(corpus()).unwrap();
    let mut a: Vec<String> = s
        .query(&Default::default())
        .unwrap()
        .into_iter()
        .map(|e| e.event.event_id)
        .collect();
    a.sort();
    let other = TestDb::sqlite();
    other.store().ingest_batch(corpus()).unwrap();
    let mut b: Vec<String> = other
        .store()
        .query(&Default::default())
        .unwrap()
        .into_iter()
        .map(|e| e.event.event_id)
        .collect();
    b.sort();
    assert_eq!(a, b);
});

store_test!(
    bad_documents_are_refused_and_batches_roll_back,
    |s: &dyn Store| {
        let empty_id = doc("", "2024-01-01 00:00", "text");
        let err = s.ingest(&empty_id, vec![]).unwrap_err();
        assert!(matches!(err, StoreError::InvalidDocument { .. }), "{err}");

        let binary = doc("bin", "2024-01-01 00:00", "PK\u{0}\u{3}\u{4} zip");
        let err = s.ingest(&binary, vec![]).unwrap_err();
        assert!(err.to_string().contains("\"bin\""), "{err}");
        assert!(err.to_string().contains("NUL"), "{err}");

        let mut nul_actor = R::new(Attack, "2024-01-04", &GAO).e();
        nul_actor.actor1 = "Gunmen\u{0}".into();
        let err = s
            .ingest(
                &doc("nul-actor", "2024-01-01 00:00", "text"),
                vec![nul_actor],
            )
            .unwrap_err();
        assert!(err.to_string().contains("event 0"), "{err}");

        let mut batch = corpus();
        batch.push((binary, vec![]));
        assert!(s.ingest_batch(batch).is_err());
        assert_eq!(
            s.counts().unwrap().documents,
            0,
            "the whole batch rolled back"
        );
    }
);

store_test!(
    a_report_id_used_by_another_document_is_refused,
    |s: &dyn Store| {
        let mut e = R::new(Attack, "2024-01-04", &GAO).e();
        e.event_id = "ev-shared".into();
        s.ingest(&doc("x1", "2024-01-05 08:00", "one"), vec![e.clone()])
            .unwrap();
        let err = s
            .ingest(&doc("x2", "2024-01-05 08:00", "two"), vec![e])
            .unwrap_err();
        assert!(
            matches!(&err, StoreError::DuplicateReportId { other, .. } if other == "x1"),
            "{err}"
        );
        assert!(s.document("x2").unwrap().is_none());
    }
);

store_test!(documents_and_evidence_round_trip, |s: &dyn Store| {
    let text = "\u{200f}قُتِلَ جنديان في كمين قرب ميناكا، وفق بيان الجيش.";
    let mut e = R::new(ArmedClash, "2024-02-01", &MENAKA).e();
    let at = text.find("كمين").unwrap();
    e.add_evidence("event_type", rasd_model::Span::new(at, at + "كمين".len()));
    e.event_id = rasd_model::event_id("rt", "0");
    s.ingest(&doc("rt", "2024-02-02 08:00", text), vec![e.clone()])
        .unwrap();
    let d = s.document("rt").unwrap().unwrap();
    assert_eq!(d.document.text, text);
    assert_eq!(d.reports, vec![e.event_id.clone()]);
    let ev = s.evidence(&e.event_id).unwrap();
    assert_eq!(ev.len(), 1);
    assert_eq!(ev[0].1.slice(text), Some("كمين"));
    let x = s.explain(&e.event_id).unwrap().unwrap();
    assert_eq!(x.reports[0].record.evidence, e.evidence);
});
