//! Classes of words that read as place names and are not: common Arabic
//! words (`data/common_words.tsv`), month names, given names and the rest
//! of a man's name, names of airports and streets, and places abroad that
//! nothing in the document supports. Each class has its near misses: the
//! same word is a place when a cue and the document say so.

use rasd_gazetteer::{Gazetteer, PlaceKind};

/// (surface, place name, ISO3) of every resolved place that is not a
/// country.
fn places(text: &str) -> Vec<(String, String, String)> {
    Gazetteer::global()
        .geocode(text, &rasd_text::analyze(text))
        .into_iter()
        .filter_map(|m| {
            let p = m.place?;
            (p.kind != PlaceKind::Country).then_some((m.surface, p.name, p.iso3))
        })
        .collect()
}

fn resolves(text: &str, surface: &str) -> Option<(String, String)> {
    places(text)
        .into_iter()
        .find(|(s, _, _)| s == surface)
        .map(|(_, n, c)| (n, c))
}

#[test]
fn frequent_words_that_name_a_village_somewhere_are_words() {
    for (text, word) in [
        ("أعلنت سلطات مالي حظر التجول في العاصمة باماكو.", "سلطات"),
        (
            "شكلت الحكومة النيجيرية لجان تحقيق بعد الهجوم على مايدوغوري.",
            "جان",
        ),
        (
            "تنشط الجماعات المسلحة في دول الساحل منذ سنوات، ومنها مالي.",
            "الساحل",
        ),
        (
            "قتل جنود في كمين شمال مالي، ونفى الجيش وجود إنكار للخسائر.",
            "إنكار",
        ),
        (
            "قالت حكومة النيجر إن دوري كرة القدم علق بسبب الوضع الأمني.",
            "دوري",
        ),
    ] {
        assert_eq!(resolves(text, word), None, "{text}: {:?}", places(text));
    }
}

#[test]
fn a_common_word_is_a_place_after_a_cue_in_a_document_about_its_country() {
    // Inékar is a town of the Ménaka region, and إنكار also means "denial".
    assert_eq!(
        resolves("هاجم مسلحون بلدة إنكار في منطقة ميناكا شرقي مالي.", "إنكار"),
        Some(("Inekar".into(), "MLI".into()))
    );
    // "The Sahel" is the belt, even after "region" (منطقة الساحل).
    assert_eq!(
        resolves("تتمدد الجماعات في منطقة الساحل انطلاقا من مالي.", "الساحل"),
        None
    );
    // Dori is a town of Burkina Faso as well as "league".
    assert_eq!(
        resolves(
            "وصلت تعزيزات عسكرية إلى مدينة دوري في بوركينا فاسو.",
            "دوري"
        ),
        Some(("Dori".into(), "BFA".into()))
    );
}

#[test]
fn month_names_are_never_places_on_their_own() {
    // Every Arabic month name the text layer reads, in a sentence about a
    // country that has a village of the same name somewhere.
    let mut checked = 0;
    for key in rasd_text::months::month_keys() {
        if !key.starts_with(|c: char| ('\u{0600}'..='\u{06FF}').contains(&c)) {
            continue;
        }
        for text in [
            format!("قتل مسلحون عشرة مدنيين في {key} الماضي شمال نيجيريا."),
            format!("وفي {key} أعلنت السلطات في مالي حالة الطوارئ."),
        ] {
            let found: Vec<_> = places(&text)
                .into_iter()
                .filter(|(s, _, _)| rasd_text::match_key(s) == key)
                .collect();
            assert!(found.is_empty(), "{text}: {found:?}");
            checked += 1;
        }
    }
    assert!(checked >= 40, "only {checked} month sentences");
}

#[test]
fn listed_common_words_do_not_become_places_without_a_cue() {
    // The whole generated list: every word, put where a noun goes
    // without a preposition, in a report about a country of the region.
    let list = include_str!("../data/common_words.tsv");
    let words: Vec<&str> = list
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .filter_map(|l| l.split('\t').next())
        .collect();
    assert!(words.len() > 1000, "{} words", words.len());
    let mut bad = Vec::new();
    for w in &words {
        let text = format!("وقال متحدث عسكري في مالي عن الاجتماع: {w} كان حاضرا في النقاش.");
        let hits: Vec<_> = places(&text)
            .into_iter()
            .filter(|(s, _, _)| !matches!(s.as_str(), "مالي"))
            .collect();
        if !hits.is_empty() {
            bad.push((w, hits));
        }
    }
    assert!(
        bad.is_empty(),
        "{} words read as places: {bad:?}",
        bad.len()
    );
}

#[test]
fn an_airport_named_after_a_man_is_not_two_foreign_towns() {
    let text =
        "سقطت قذائف هاون قرب مطار آدم عدي الدولي في مقديشو، وقالت الشرطة الصومالية إن ثلاثة أصيبوا.";
    let found = places(text);
    assert!(
        found.iter().all(|(_, _, c)| c == "SOM"),
        "{text}: {found:?}"
    );
    assert!(found.iter().any(|(_, n, _)| n == "Mogadishu"), "{found:?}");
    // A man's name in running text.
    let text = "التقى الرئيس الصومالي بالوزير آدم عدي في مقديشو أمس.";
    assert!(
        places(text).iter().all(|(_, _, c)| c == "SOM"),
        "{:?}",
        places(text)
    );
}

#[test]
fn an_airport_or_a_hospital_named_after_its_town_is_the_town() {
    assert_eq!(
        resolves("سقطت قذائف على مطار مقديشو في الصومال مساء الأحد.", "مقديشو"),
        Some(("Mogadishu".into(), "SOM".into()))
    );
    assert_eq!(
        resolves(
            "نقل الجرحى إلى مستشفى الفاشر في شمال دارفور بالسودان.",
            "الفاشر"
        ),
        Some(("El Fasher".into(), "SDN".into()))
    );
}

#[test]
fn a_given_name_is_a_place_only_after_a_type_noun() {
    // آدم is a village of Niger's Zinder region, among others.
    assert_eq!(
        resolves("قال محمد آدم إن الجيش النيجري انسحب.", "آدم"),
        None
    );
    assert_eq!(
        resolves("هاجم مسلحون قرية آدم في منطقة زندر جنوب النيجر.", "آدم"),
        Some(("Adam".into(), "NER".into()))
    );
}

#[test]
fn a_place_abroad_needs_support_when_the_report_is_about_elsewhere() {
    // A report on Somalia; Ede is a city of Nigeria, and nothing in the text
    // speaks of Nigeria.
    let text = "Somali troops repelled an attack near Beledweyne on Sunday, the army said. Commander Ede told reporters the town was calm.";
    assert!(
        places(text).iter().all(|(_, _, c)| c == "SOM"),
        "{:?}",
        places(text)
    );
    // A big city abroad named with a preposition stays.
    let text = "Malian officials met mediators in Lagos after the attack on Gao.";
    assert!(
        places(text)
            .iter()
            .any(|(s, _, c)| s == "Lagos" && c == "NGA"),
        "{:?}",
        places(text)
    );
}

#[test]
fn the_area_named_right_after_a_place_says_which_place_it_is() {
    // Somalia has villages called Balcad in two regions; the region that
    // follows the name decides, whatever else the report names.
    let admin1 = |text: &str| -> String {
        Gazetteer::global()
            .geocode(text, &rasd_text::analyze(text))
            .into_iter()
            .find(|m| m.surface == "Balcad")
            .and_then(|m| m.place)
            .map(|p| p.admin1)
            .unwrap_or_default()
    };
    assert_eq!(
        admin1(
            "Fighting went on in Lower Shabelle. Later a mine hit a bus near the \
             village of Balcad in Middle Shabelle."
        ),
        "Middle Shabelle"
    );
    assert_eq!(
        admin1(
            "Fighting went on in Middle Shabelle. Later a mine hit a bus near the \
             village of Balcad in Lower Shabelle."
        ),
        "Lower Shabelle"
    );
}

#[test]
fn a_latin_name_glued_to_another_capitalised_word_is_part_of_a_longer_name() {
    // "Buulo" alone is a village, but here it begins a name the gazetteer
    // does not hold: the event must not move to that village.
    let text = "Militants stormed the base at Buulo Xaawo Dheere in Lower Shabelle.";
    assert!(resolves(text, "Buulo").is_none(), "{:?}", places(text));
    // Near misses: a town followed by a lower-case word, a comma or a
    // cue word still resolves.
    for text in [
        "Militants stormed the base at Balcad in Middle Shabelle.",
        "Militants stormed Balcad, a town in Middle Shabelle.",
        "Militants stormed the town of Balcad District in Middle Shabelle.",
    ] {
        assert!(
            resolves(text, "Balcad").is_some(),
            "{text}: {:?}",
            places(text)
        );
    }
}
