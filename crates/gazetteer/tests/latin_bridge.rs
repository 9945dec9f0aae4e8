//! Latin press spellings that differ from the gazetteer's (doubled vowels,
//! ou/u, dh/d, Somali x and c, hyphenated Tin-/Ti-n-) read as the place
//! where the text says a place stands, in a country the document is
//! about; and admin names with their type word before or after them.
//! (Sentences written for the tests; the incidents are fictional.)

use rasd_gazetteer::{Gazetteer, PlaceMention};

fn geocode(text: &str) -> Vec<PlaceMention> {
    Gazetteer::global().geocode(text, &rasd_text::analyze(text))
}

/// (name, ISO3, admin1) read for `surface`, if any.
fn place_of(found: &[PlaceMention], surface: &str) -> Option<(String, String, String)> {
    found.iter().find(|m| m.surface == surface).and_then(|m| {
        m.place
            .as_ref()
            .map(|p| (p.name.clone(), p.iso3.clone(), p.admin1.clone()))
    })
}

fn is(name: &str, iso3: &str, admin1: &str) -> Option<(String, String, String)> {
    Some((name.into(), iso3.into(), admin1.into()))
}

#[test]
fn doubled_vowels_and_other_vowel_spellings_meet() {
    let found =
        geocode("Militia fighters overran the village of Bulo Mareer in Lower Shabelle, Somalia.");
    assert_eq!(
        place_of(&found, "Bulo Mareer"),
        is("Buulo Mareer", "SOM", "Lower Shabelle"),
        "{found:#?}"
    );
    let found =
        geocode("Des hommes armés ont incendié le village d'Ogossagu, dans le centre du Mali.");
    assert_eq!(
        place_of(&found, "Ogossagu"),
        is("Ogossagou", "MLI", "Mopti"),
        "{found:#?}"
    );
}

#[test]
fn somali_orthography_and_hyphenated_names() {
    let found =
        geocode("Government troops entered the town of Khuddur in Somalia's Bakool region.");
    assert_eq!(
        place_of(&found, "Khuddur").map(|p| p.1),
        Some("SOM".to_string()),
        "{found:#?}"
    );
    let found = geocode("Gunmen attacked Ti-n-Akof in northern Burkina Faso on Sunday.");
    assert_eq!(
        place_of(&found, "Ti-n-Akof").map(|p| (p.1, p.2)),
        Some(("BFA".to_string(), "Sahel".to_string())),
        "{found:#?}"
    );
}

#[test]
fn a_variant_needs_a_cue_and_the_country_of_the_document() {
    // No word says a place stands there.
    let found = geocode("Bulo Mareer elders met the governor, Somali officials said.");
    assert_eq!(place_of(&found, "Bulo Mareer"), None, "{found:#?}");
    // A Somali village is not read in a report about Kenya.
    let found =
        geocode("Police said the attack near Buulo Marreer in Kenya's Mandera county killed two.");
    assert!(
        place_of(&found, "Buulo Marreer").is_none_or(|p| p.1 != "SOM"),
        "{found:#?}"
    );
    // A capitalised institution after "in" is no village.
    let found = geocode("The motion was read in Parliament in Mogadishu, Somalia, on Monday.");
    assert_eq!(place_of(&found, "Parliament"), None, "{found:#?}");
}

#[test]
fn vowels_that_differ_too_much_stay_apart() {
    // Kadala shares Kidal's consonants, not its vowels.
    let found = geocode("Soldiers patrolled the village of Kadala in northern Mali.");
    assert_ne!(
        place_of(&found, "Kadala").map(|p| p.0),
        Some("Kidal".to_string()),
        "{found:#?}"
    );
}

#[test]
fn the_area_named_after_the_name_rules_out_a_namesake_elsewhere() {
    // The only Qunyo Barrow of the data lies in Middle Juba.
    let found =
        geocode("A drone strike hit a vehicle near Kunyo Barrow in Lower Shabelle, Somalia.");
    assert_ne!(
        place_of(&found, "Kunyo Barrow").map(|p| p.2),
        Some("Middle Juba".to_string()),
        "{found:#?}"
    );
}

#[test]
fn a_namesake_outside_the_named_area_gives_way_to_a_spelling_inside_it() {
    // The sources know a "Buulo Marer" in Bay, and the Lower Shabelle
    // village as Bulo Marer: the area named after the name decides.
    let found =
        geocode("Militants attacked the village of Buulo Marer in Lower Shabelle, Somalia.");
    assert_eq!(
        place_of(&found, "Buulo Marer"),
        is("Buulo Mareer", "SOM", "Lower Shabelle"),
        "{found:#?}"
    );
    assert_eq!(
        found.iter().filter(|m| m.surface.contains("Marer")).count(),
        1,
        "{found:#?}"
    );
    // With Bay named, the Bay village stays.
    let found = geocode("Militants attacked the village of Buulo Marer in Bay region, Somalia.");
    assert_eq!(
        place_of(&found, "Buulo Marer").map(|p| p.2),
        Some("Bay".to_string()),
        "{found:#?}"
    );
}

#[test]
fn admin_names_with_their_type_word() {
    for (text, surface, want) in [
        (
            "Jihadists ambushed a convoy in the Sahel Region of Burkina Faso.",
            "Sahel",
            is("Sahel", "BFA", "Sahel"),
        ),
        (
            "Les combats ont repris dans la Province du Nord-Kivu, en RDC.",
            "Nord-Kivu",
            is("North Kivu", "COD", "North Kivu"),
        ),
        (
            "L'armée a mené des frappes dans la Région de Tillabéri, au Niger.",
            "Tillabéri",
            is("Tillaberi", "NER", "Tillaberi"),
        ),
        (
            "Clashes spread across the Lower Shabelle region of Somalia.",
            "Lower Shabelle",
            is("Lower Shabelle", "SOM", "Lower Shabelle"),
        ),
        (
            "اشتبكت القوات مع مسلحين في ولاية شمال دارفور غربي السودان.",
            "شمال دارفور",
            is("North Darfur", "SDN", "North Darfur"),
        ),
        (
            "Fano fighters seized a district town in West Gojjam Zone, Ethiopia.",
            "West Gojjam",
            is("West Gojjam Zone", "ETH", "Amhara"),
        ),
        (
            "Local militias clashed in Zone 3 of Ethiopia's Afar region on Friday.",
            "Zone 3",
            is("Administrative Zone 3", "ETH", "Afar"),
        ),
        (
            "قُتل مدنيون في هجوم بمقاطعة ماكوميا في إقليم كابو ديلغادو.",
            "كابو ديلغادو",
            is("Cabo Delgado", "MOZ", "Cabo Delgado"),
        ),
    ] {
        let found = geocode(text);
        assert_eq!(place_of(&found, surface), want, "{text}\n{found:#?}");
    }
    // Lower case, "the Sahel region" is the whole belt as often as the
    // Burkinabe region: the common word stays a word.
    let found = geocode("Violence is spreading across the Sahel region, Burkina Faso's army said.");
    assert_eq!(place_of(&found, "Sahel"), None, "{found:#?}");
}

/// The countries named in `text`, by ISO3, in order.
fn countries(text: &str) -> Vec<&'static str> {
    let (_, found) = Gazetteer::global().geocode_with_countries(text, &rasd_text::analyze(text));
    found.iter().map(|c| c.iso3).collect()
}

#[test]
fn a_dotted_abbreviation_names_its_country() {
    assert_eq!(
        countries("A U.S. drone strike hit a car near Jilib on Sunday."),
        ["USA"]
    );
    assert_eq!(countries("U.S. troops left the base at dawn."), ["USA"]);
    // single initials that spell no country stay unread, and a sentence
    // end between two initials joins nothing
    assert!(countries("The report by J.P. Smith was published.").is_empty());
    assert!(countries("He was born in the U. Since then").is_empty());
}
