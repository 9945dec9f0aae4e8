//! Names the gazetteer does not know: reported with their span, not
//! dropped and not forced onto a wrong place.

use rasd_gazetteer::{Gazetteer, PlaceMention, Relation};

fn geocode(text: &str) -> Vec<PlaceMention> {
    Gazetteer::global().geocode(text, &rasd_text::analyze(text))
}

#[test]
fn a_town_noun_announces_an_unknown_name() {
    // زنغوبيرا is made up for this test.
    let text = "هاجم مسلحون قرية زنغوبيرا بمنطقة موبتي وسط مالي.";
    let found = geocode(text);
    let m = found
        .iter()
        .find(|m| m.place.is_none())
        .unwrap_or_else(|| panic!("no unresolved mention: {found:#?}"));
    assert_eq!(m.surface, "زنغوبيرا");
    assert_eq!(&text[m.span.start..m.span.end], "زنغوبيرا");
    assert_eq!(m.geo_precision, 0);
    // The region after it still resolves.
    assert!(found
        .iter()
        .any(|m| m.place.as_ref().is_some_and(|p| p.name == "Mopti")));
}

#[test]
fn two_word_unknown_names_and_latin_ones() {
    let found = geocode("قتل جنود في منطقة واغابو تينكيري بإقليم البحيرة غربي تشاد.");
    let m = found
        .iter()
        .find(|m| m.place.is_none())
        .expect("unresolved");
    assert_eq!(m.surface, "واغابو تينكيري");

    let found = geocode("Gunmen stormed the village of Zangabouri near Djibo, Burkina Faso.");
    let m = found
        .iter()
        .find(|m| m.place.is_none())
        .expect("unresolved");
    assert_eq!(m.surface, "Zangabouri");
    let djibo = found.iter().find(|m| m.surface == "Djibo").unwrap();
    assert_eq!(djibo.relation, Relation::Near);
    assert_eq!(djibo.place.as_ref().unwrap().iso3, "BFA");
}

#[test]
fn a_village_of_another_country_is_not_forced() {
    // Tayba exists in Mali's gazetteer, as a tiny village; a Sudanese
    // report about "the village of Tayba" must not land in Mali (it is one
    // of the Taybas of Al Jazirah, or unresolved).
    let text = "Gunmen killed 14 civilians in the village of Tayba in Al-Jazira state, Sudan.";
    let found = geocode(text);
    let m = found
        .iter()
        .find(|m| m.surface == "Tayba")
        .expect("Tayba reported");
    assert!(
        m.place
            .as_ref()
            .is_none_or(|p| p.iso3 == "SDN" && p.admin1 == "Al Jazirah"),
        "forced onto {:?}",
        m.place
    );
    let state = found.iter().find(|m| m.surface == "Al-Jazira").unwrap();
    assert_eq!(state.place.as_ref().unwrap().iso3, "SDN");
}

#[test]
fn descriptions_after_a_type_noun_are_not_names() {
    for text in [
        "قتل ثلاثة في قرية صغيرة تقع على الحدود.",
        "وصلت القوات إلى المدينة المحاصرة.",
        "اقتحم مسلحون بلدة تقع شمالي البلاد.",
        "They reached the town after a long march.",
        // An adjective agreeing with the type noun, in ة.
        "شنت الطائرات غارات على مناطق متفرقة من الإقليم.",
        "سيطر المسلحون على منطقة واسعة شمال البلاد.",
        "قصفت المدفعية مناطق مأهولة بالسكان في المدينة.",
        // A lower-case word after a French type noun.
        "Dans la région, les villages se vident et les marchés ferment.",
        "Les assaillants ont visé un village peul déjà meurtri.",
    ] {
        let found = geocode(text);
        assert!(
            found.iter().all(|m| m.place.is_some()),
            "{text}: {found:#?}"
        );
    }
}
