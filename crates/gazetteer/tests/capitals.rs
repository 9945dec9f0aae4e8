//! A capital named only through its country: "العاصمة الصومالية", "the
//! Malian capital", "la capitale nigérienne", "capital of Sudan", "عاصمة
//! ليبيا", "Iraq's capital". (Sentences written for the tests; the
//! incidents are fictional.)

use rasd_gazetteer::{Gazetteer, PlaceMention};

fn geocode(text: &str) -> Vec<PlaceMention> {
    Gazetteer::global().geocode(text, &rasd_text::analyze(text))
}

/// The (surface, place name, ISO3) of every resolved mention.
fn resolved(found: &[PlaceMention]) -> Vec<(String, String, String)> {
    found
        .iter()
        .filter_map(|m| {
            m.place
                .as_ref()
                .map(|p| (m.surface.clone(), p.name.clone(), p.iso3.clone()))
        })
        .collect()
}

/// The place read for the phrase that contains `words`.
fn capital_in(found: &[PlaceMention], words: &str) -> Option<(String, String)> {
    found
        .iter()
        .find(|m| m.surface.contains(words))
        .and_then(|m| m.place.as_ref())
        .map(|p| (p.name.clone(), p.iso3.clone()))
}

#[test]
fn arabic_capital_with_the_country_adjective() {
    let found = geocode("انفجرت قنبلة يدوية في مطعم بالعاصمة الصومالية مساء أمس.");
    assert_eq!(
        capital_in(&found, "الصومالية"),
        Some(("Mogadishu".into(), "SOM".into())),
        "{:?}",
        resolved(&found)
    );
    let found = geocode("خرج مئات المحتجين في شوارع العاصمة السودانية للمطالبة بوقف الحرب.");
    assert_eq!(
        capital_in(&found, "السودانية"),
        Some(("Khartoum".into(), "SDN".into())),
        "{:?}",
        resolved(&found)
    );
}

#[test]
fn arabic_capital_of_a_named_country_replaces_the_country() {
    let found = geocode("اندلعت اشتباكات بين مجموعتين مسلحتين في عاصمة ليبيا ليلة الجمعة.");
    assert_eq!(
        capital_in(&found, "ليبيا"),
        Some(("Tripoli".into(), "LBY".into())),
        "{:?}",
        resolved(&found)
    );
    // The country is not also read on its own for the same words.
    assert!(
        !found
            .iter()
            .any(|m| m.surface == "ليبيا" && m.place.as_ref().is_some_and(|p| p.name == "Libya")),
        "{:?}",
        resolved(&found)
    );
}

#[test]
fn english_capital_before_and_after_the_country() {
    let found = geocode("A car bomb went off near a checkpoint in the Somali capital on Tuesday.");
    assert_eq!(
        capital_in(&found, "Somali"),
        Some(("Mogadishu".into(), "SOM".into())),
        "{:?}",
        resolved(&found)
    );
    let found = geocode("Protesters marched through the capital of Sudan on Friday.");
    assert_eq!(
        capital_in(&found, "Sudan"),
        Some(("Khartoum".into(), "SDN".into())),
        "{:?}",
        resolved(&found)
    );
    let found = geocode("Two rockets landed in Iraq's capital overnight, police said.");
    assert_eq!(
        capital_in(&found, "Iraq"),
        Some(("Baghdad".into(), "IRQ".into())),
        "{:?}",
        resolved(&found)
    );
}

#[test]
fn french_capital_with_adjective_or_country_name() {
    let found = geocode("Des tirs ont été entendus dans la capitale malienne dans la nuit.");
    assert_eq!(
        capital_in(&found, "malienne"),
        Some(("Bamako".into(), "MLI".into())),
        "{:?}",
        resolved(&found)
    );
    let found = geocode("Une manifestation a été dispersée dans la capitale du Niger samedi.");
    assert_eq!(
        capital_in(&found, "Niger"),
        Some(("Niamey".into(), "NER".into())),
        "{:?}",
        resolved(&found)
    );
}

#[test]
fn a_country_without_the_cue_stays_a_country() {
    // No capital word next to the country: no capital is made up.
    let found = geocode("The Somali army said it had retaken two villages in the south.");
    assert!(
        !resolved(&found).iter().any(|r| r.1 == "Mogadishu"),
        "{:?}",
        resolved(&found)
    );
    let found = geocode("Le gouvernement malien a annoncé une nouvelle capitale régionale.");
    assert!(
        !resolved(&found).iter().any(|r| r.1 == "Bamako"),
        "{:?}",
        resolved(&found)
    );
}

#[test]
fn wide_punctuation_next_to_a_country_is_read_safely() {
    // The Arabic comma and semicolon are two bytes long; the cue reading
    // must cut around them, not inside them.
    let found = geocode("وقع الهجوم شرق البلاد، قرب الحدود مع النيجر، وفقا للدفاع المدني.");
    assert!(
        resolved(&found).iter().any(|r| r.2 == "NER"),
        "{:?}",
        resolved(&found)
    );
    let found = geocode("قال مسؤول في السودان، فيما تحدث الجيش عن معارك؛ العاصمة السودانية هادئة.");
    assert_eq!(
        capital_in(&found, "السودانية"),
        Some(("Khartoum".into(), "SDN".into())),
        "{:?}",
        resolved(&found)
    );
    // Stray punctuation around a country name: read, whatever comes of it.
    let _ = geocode("«العاصمة» الليبية… ،ليبيا، ؛العراق؛ capitale, Mali's");
}
