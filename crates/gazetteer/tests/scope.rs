//! Names beyond the shared extract's reach: the first-level areas it
//! names in Latin only, read in Arabic after their type noun, and the
//! press's names for DR Congo and Mozambique and their people. (Sentences
//! written for the tests; the incidents are fictional.)

use rasd_gazetteer::{Gazetteer, PlaceMention};

fn geocode(text: &str) -> Vec<PlaceMention> {
    Gazetteer::global().geocode(text, &rasd_text::analyze(text))
}

#[test]
fn a_governorate_named_like_its_city_is_the_area_after_its_type_noun() {
    let kind = |text: &str, surface: &str| {
        geocode(text)
            .into_iter()
            .find(|m| m.surface == surface)
            .and_then(|m| m.place)
            .map(|p| p.kind)
    };
    assert_eq!(
        kind(
            "قال مسؤول أمني في محافظة كركوك إن دورية تعرضت لهجوم.",
            "كركوك"
        ),
        Some(rasd_gazetteer::PlaceKind::Admin1)
    );
    assert_eq!(
        kind("وصلت تعزيزات عسكرية إلى مدينة كركوك صباح اليوم.", "كركوك"),
        Some(rasd_gazetteer::PlaceKind::PopulatedPlace)
    );
}

#[test]
fn the_press_names_for_dr_congo_and_mozambique() {
    for (text, iso3) in [
        (
            "Des combats ont opposé l'armée congolaise aux rebelles en RDC.",
            "COD",
        ),
        ("The Congolese army said it had retaken the hill.", "COD"),
        (
            "قال الجيش الكونغولي إنه صد هجوما في شرق الكونغو الديمقراطية.",
            "COD",
        ),
        ("Mozambican troops patrolled the coast on Sunday.", "MOZ"),
        ("وأعلن الجيش الموزمبيقي مقتل عشرة مسلحين.", "MOZ"),
        (
            "Les soldats rwandais déployés au Mozambique ont mené une opération.",
            "RWA",
        ),
    ] {
        let analysis = rasd_text::analyze(text);
        let found = Gazetteer::global().countries(text, &analysis);
        assert!(found.iter().any(|c| c.iso3 == iso3), "{text}: {found:#?}");
    }
    // Congo-Brazzaville named as such stays the Republic of the Congo.
    let text = "وصل الرئيس إلى الكونغو برازافيل في زيارة رسمية.";
    let found = Gazetteer::global().countries(text, &rasd_text::analyze(text));
    assert!(found.iter().all(|c| c.iso3 != "COD"), "{found:#?}");
}

#[test]
fn names_of_peoples_are_not_their_namesake_villages() {
    for (text, word) in [
        (
            "Plateau officials blamed the attack on Fulani herders, Nigeria's police said.",
            "Fulani",
        ),
        (
            "Fighting in Zaghawa areas of Sudan displaced thousands.",
            "Zaghawa",
        ),
        (
            "Arab militias in Sudan's Darfur were accused of the killings.",
            "Arab",
        ),
        ("Des éleveurs peuls ont été tués au Mali.", "peuls"),
    ] {
        let found = geocode(text);
        assert!(
            found.iter().all(|m| m.surface != word || m.place.is_none()),
            "{text}: {found:#?}"
        );
    }
}
