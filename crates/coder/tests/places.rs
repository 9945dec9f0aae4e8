//! Which of the places a sentence names is the event's: the most specific
//! one the incident is at, never one named only to say where another lies.
//! (Short texts written for the tests; the incidents are fictional.)

use chrono::NaiveDate;
use rasd_model::{Event, Language};

mod common;

/// Codes `text` as published on Tuesday 14 May 2024.
fn code(text: &str, lang: Language) -> Vec<Event> {
    let tuesday = NaiveDate::from_ymd_opt(2024, 5, 14).expect("a valid date");
    common::code_on(lang, tuesday, text)
}

fn only(ev: &[Event]) -> &Event {
    assert_eq!(ev.len(), 1, "{ev:#?}");
    &ev[0]
}

#[test]
fn a_town_located_from_a_city_is_the_place_not_the_city() {
    let ev = code(
        "A drone strike hit a pickup truck near Abu Ghraib, west of Baghdad, on Sunday night, killing three militiamen, Iraqi security officials said.",
        Language::En,
    );
    let e = only(&ev);
    assert_eq!(e.location, "Abu Ghurayb");
    assert_eq!(e.geo_precision, 2);

    let ev = code(
        "أصيب عشرة متظاهرين بالرصاص المطاطي يوم الجمعة في بلدة بيتا جنوب نابلس بعد أن فرق جنود الاحتلال مسيرة أسبوعية.",
        Language::Ar,
    );
    let e = only(&ev);
    assert_eq!(e.location, "Beita");
    assert_eq!(e.geo_precision, 1);
}

#[test]
fn the_countryside_of_a_city_locates_the_village() {
    let ev = code(
        "وفي بلدة ذيبان بريف دير الزور الشرقي، اعتقلت قوات سوريا الديمقراطية يوم الإثنين تسعة شبان خلال حملة دهم.",
        Language::Ar,
    );
    assert_eq!(only(&ev).location, "Diban");
}

#[test]
fn a_city_named_like_its_area_beside_a_town_of_it_stands_for_the_area() {
    let ev = code(
        "وفي درعا جنوبي سوريا، قتل مسلحون مجهولون يوم الأحد مدرسا بالرصاص قرب بلدة المزيريب.",
        Language::Ar,
    );
    assert_eq!(only(&ev).location, "Al Muzayrib");
}

#[test]
fn a_city_alone_stays_the_place() {
    let ev = code(
        "قتل مسلحون مجهولون يوم الأحد مدرسا بالرصاص في مدينة درعا جنوبي سوريا.",
        Language::Ar,
    );
    let e = only(&ev);
    assert_eq!(e.location, "Daraa");
    assert_eq!(e.geo_precision, 1);
}

#[test]
fn the_road_leading_to_a_town_puts_the_event_near_it() {
    let ev = code(
        "قتل خمسة مدنيين يوم الأحد في غارة بطائرة مسيرة على حافلة على الطريق المؤدي إلى مدينة بحر دار في إقليم أمهرة الإثيوبي.",
        Language::Ar,
    );
    let e = only(&ev);
    assert_eq!(e.location, "Bahir Dar");
    assert_eq!(e.geo_precision, 2);
}

#[test]
fn the_containing_area_never_displaces_the_town() {
    let ev = code(
        "Gunmen attacked the army post in Sebba, the capital of Yagha province, on Saturday, killing eleven soldiers.",
        Language::En,
    );
    assert_eq!(only(&ev).location, "Sebba");
    let ev = code(
        "اختطف مسلحون يوم الأحد عشرين قرويا من بلدة مارتي التابعة لولاية بورنو في نيجيريا.",
        Language::Ar,
    );
    assert_eq!(only(&ev).location, "Marte");
}

#[test]
fn a_region_named_alone_stays_the_region() {
    let ev = code(
        "اختطف مسلحون يوم الأحد عشرين قرويا في ولاية زامفارا شمال غربي نيجيريا.",
        Language::Ar,
    );
    let e = only(&ev);
    assert_eq!(e.location, "Zamfara");
    assert_eq!(e.geo_precision, 3);
}

#[test]
fn two_places_of_a_list_are_not_one_locating_the_other() {
    let ev = code(
        "في ميناكا وقرب أنسونغو شرقي مالي، قتل ثلاثة جنود يوم الأحد في هجومين على مواقع للجيش.",
        Language::Ar,
    );
    // Ansongo, named last and nearest the event words, is not dropped as
    // the locator of Menaka: "and near" joins two places.
    assert!(ev.iter().any(|e| e.location == "Ansongo"), "{ev:#?}");
}

#[test]
fn the_hospital_the_wounded_were_taken_to_is_not_the_scene() {
    let ev = code(
        "Gunmen killed nine villagers in a night raid on the village of Kiwanja in Congo's North Kivu province on Monday. Residents said the raiders burned houses, and the wounded were being treated in a hospital in Goma.",
        Language::En,
    );
    assert!(!ev.is_empty(), "{ev:#?}");
    assert!(ev.iter().all(|e| e.location != "Goma"), "{ev:#?}");
    assert_eq!(ev[0].location, "Kiwanja");
    let ev = code(
        "قتل مسلحون سبعة قرويين يوم الأحد في هجوم على بلدة كيوانجا بإقليم شمال كيفو شرقي الكونغو الديمقراطية، ونقل الجرحى إلى مستشفى في مدينة غوما، وفق مصادر محلية.",
        Language::Ar,
    );
    assert!(!ev.is_empty(), "{ev:#?}");
    assert!(ev.iter().all(|e| e.location != "Goma"), "{ev:#?}");
    // A strike that hit a hospital keeps the hospital's town.
    let ev = code(
        "An air strike hit a hospital in Goma, in Congo's North Kivu province, on Monday, killing four patients, medical staff said.",
        Language::En,
    );
    assert_eq!(only(&ev).location, "Goma");
}
