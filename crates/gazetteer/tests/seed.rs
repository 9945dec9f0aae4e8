//! The places of the Sahel report the project started from, in sentences
//! written for these tests: every one must resolve, with the right
//! relation and geo precision.

use rasd_gazetteer::{CountryForm, Gazetteer, PlaceKind, PlaceMention, Relation};

fn geocode(text: &str) -> Vec<PlaceMention> {
    Gazetteer::global().geocode(text, &rasd_text::analyze(text))
}

fn find<'a>(found: &'a [PlaceMention], surface: &str) -> &'a PlaceMention {
    found
        .iter()
        .find(|m| m.surface == surface)
        .unwrap_or_else(|| panic!("no mention {surface:?} in {found:#?}"))
}

#[test]
fn seed_towns_resolve() {
    let text = "فر السكان من تلاتاي إلى جاو، ثم هاجم التنظيم معسكرا في تيسيت. \
                وقتل مرتزقة في أنسونغو بمنطقة غاو، وانتشروا في تمبكتو وتنبكتو. \
                وقالت السلطات في باماكو إن الوضع في ميناكا هادئ.";
    let found = geocode(text);
    for (surface, name, admin1) in [
        ("تلاتاي", "Talataye", "Gao"),
        ("جاو", "Gao", "Gao"),
        ("تيسيت", "Tessit", "Gao"),
        ("أنسونغو", "Ansongo", "Gao"),
        ("تمبكتو", "Timbuktu", "Timbuktu"),
        ("تنبكتو", "Timbuktu", "Timbuktu"),
        ("باماكو", "Bamako", "Bamako"),
        ("ميناكا", "Menaka", "Menaka"),
    ] {
        let m = find(&found, surface);
        let p = m
            .place
            .as_ref()
            .unwrap_or_else(|| panic!("{surface} unresolved"));
        assert_eq!(
            (p.name.as_str(), p.iso3.as_str(), p.admin1.as_str()),
            (name, "MLI", admin1)
        );
        assert_eq!(&text[m.span.start..m.span.end], surface);
    }
    let gao = find(&found, "غاو").place.as_ref().unwrap();
    assert_eq!(gao.kind, PlaceKind::Admin1, "بمنطقة غاو is the Gao region");
    assert_eq!(find(&found, "غاو").geo_precision, 3);
}

#[test]
fn liptako_gourma_is_a_region() {
    for text in [
        "تنشط الجماعات في ليبتاكو غورما على حدود مالي.",
        "تنشط الجماعات في ليبتاكو جورما على حدود مالي.",
        "Les groupes armés sont actifs dans le Liptako-Gourma, au Mali.",
    ] {
        let found = geocode(text);
        let m = found
            .iter()
            .find(|m| m.place.as_ref().is_some_and(|p| p.name == "Liptako-Gourma"))
            .unwrap_or_else(|| panic!("Liptako-Gourma not found in {text}: {found:#?}"));
        let p = m.place.as_ref().unwrap();
        assert_eq!(p.kind, PlaceKind::Region);
        assert_eq!(p.iso3, "MLI", "the document is about Mali");
        assert_eq!(m.geo_precision, 3);
    }
}

#[test]
fn seed_countries_are_named() {
    let text = "امتد العنف من مالي إلى بوركينا فاسو والنيجر وشمال بنين، بعد أن فقد \
                التنظيم أرضه في سوريا والعراق. وقال باحث في جامعة بألمانيا إن فرنسا \
                سحبت قواتها، وإن اتفاق الجزائر لم يعد يحمي أحدا.";
    let g = Gazetteer::global();
    let countries = g.countries(text, &rasd_text::analyze(text));
    let named: Vec<&str> = countries
        .iter()
        .filter(|c| c.form == CountryForm::Name)
        .map(|c| c.iso3)
        .collect();
    for iso3 in [
        "MLI", "BFA", "NER", "BEN", "SYR", "IRQ", "DEU", "FRA", "DZA",
    ] {
        assert!(named.contains(&iso3), "{iso3} missing from {countries:#?}");
    }
    let found = geocode(text);
    let benin = find(&found, "بنين");
    assert_eq!(benin.relation, Relation::Direction("north".into()));
    assert_eq!(benin.geo_precision, 3);
    assert_eq!(benin.place.as_ref().unwrap().kind, PlaceKind::Country);
}

#[test]
fn distance_and_direction_give_precision_two() {
    let text = "تحولت البلدة الواقعة على بعد 150 كم شرق جاو إلى ساحة معركة.";
    let found = geocode(text);
    let gao = find(&found, "جاو");
    assert_eq!(
        gao.relation,
        Relation::Distance {
            km: Some(150.0),
            direction: Some("east".into())
        }
    );
    assert_eq!(gao.geo_precision, 2);
    let rel = gao.relation_span.expect("relation span");
    assert_eq!(&text[rel.start..rel.end], "على بعد 150 كم شرق");
    assert_eq!(gao.place.as_ref().unwrap().kind, PlaceKind::PopulatedPlace);
}

#[test]
fn nearness_and_latin_relations() {
    let found = geocode("هاجم مسلحون قرية قرب ميناكا.");
    let m = find(&found, "ميناكا");
    assert_eq!(m.relation, Relation::Near);
    assert_eq!(
        (m.geo_precision, m.place.as_ref().unwrap().name.as_str()),
        (2, "Menaka")
    );

    let found = geocode("Gunmen attacked a convoy 20 km north of Ménaka, in Mali.");
    let m = find(&found, "Ménaka");
    assert_eq!(
        m.relation,
        Relation::Distance {
            km: Some(20.0),
            direction: Some("north".into())
        }
    );
    assert_eq!(m.geo_precision, 2);

    let found = geocode("L'attaque a eu lieu près de Tessit, dans la région de Gao.");
    assert_eq!(find(&found, "Tessit").relation, Relation::Near);
    let gao = find(&found, "Gao").place.as_ref().unwrap();
    assert_eq!(gao.kind, PlaceKind::Admin1);
}

#[test]
fn clitics_are_outside_the_span() {
    let text = "وصلت التعزيزات لتمبكتو وبجاو، ووقعت اشتباكات بالرقة وللرقة.";
    let found = geocode(text);
    let surfaces: Vec<&str> = found.iter().map(|m| m.surface.as_str()).collect();
    assert_eq!(surfaces, ["تمبكتو", "جاو", "الرقة", "رقة"], "{found:#?}");
    for m in &found {
        assert_eq!(&text[m.span.start..m.span.end], m.surface);
    }
}

#[test]
fn multi_word_names() {
    let found = geocode("قصفت الطائرات دير الزور، وتوجه الوفد إلى بوركينا فاسو.");
    assert_eq!(
        find(&found, "دير الزور").place.as_ref().unwrap().name,
        "Deir ez-Zor"
    );
    assert_eq!(
        find(&found, "بوركينا فاسو").place.as_ref().unwrap().iso3,
        "BFA"
    );
    let found = geocode("Fighting resumed in Deir ez-Zor and in Deir-ez-Zor province of Syria.");
    assert!(
        found
            .iter()
            .filter(|m| m.surface.starts_with("Deir"))
            .count()
            == 2,
        "{found:#?}"
    );
}
