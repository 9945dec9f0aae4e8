//! General wording rules added in session 5, each checked on short texts
//! composed for the test in at least two phrasings (and in each language
//! where the phenomenon exists): the Arabic verb-first sentence whose
//! perpetrator follows the verb, camps of displaced people, vague tolls,
//! towns named with their province, and press spellings of places.
//! (Fictional incidents in real places.)

use rasd_model::SubEventType;

mod common;
use common::*;

// --- Arabic verb first: "قتل مسلحو X خمسة مدنيين" ---

#[test]
fn the_group_after_an_active_killed_with_its_victims_after_it_is_the_perpetrator() {
    for text in [
        "قتل مسلحو حركة الشباب ستة مدنيين في هجوم على قرية قريبة من مدينة جوهر يوم الاثنين.",
        "قتل مقاتلو حركة الشباب ستة قرويين قرب جوهر صباح الاثنين بحسب شهود.",
    ] {
        let ev = ar(text);
        let e = only(&ev);
        assert_eq!(e.actor1, "Al Shabaab", "{text}: {e:#?}");
        assert_eq!(e.actor2, "Civilians (Somalia)", "{text}: {e:#?}");
        assert_eq!(e.sub_event_type, SubEventType::Attack, "{text}");
        assert_eq!(e.fatalities, Some(6), "{text}");
    }
}

#[test]
fn members_of_a_group_after_the_verb_with_min_kill_the_counted_victims() {
    let ev = ar("قتل عناصر من تنظيم داعش أربعة رعاة في بادية دير الزور الشرقية يوم الاثنين.");
    let e = only(&ev);
    assert_eq!(e.actor1, "Islamic State (Syria)", "{e:#?}");
    assert_eq!(e.actor2, "Civilians (Syria)");
    assert_eq!(e.fatalities, Some(4));
}

#[test]
fn the_group_after_the_verb_kills_soldiers_in_an_ambush() {
    let ev = ar(
        "قتل مسلحو حركة الشباب ثلاثة جنود في كمين نصبوه لدورية عسكرية قرب مدينة جوهر يوم الاثنين.",
    );
    let e = only(&ev);
    assert_eq!(e.actor1, "Al Shabaab", "{e:#?}");
    assert_eq!(e.actor2, "Military Forces of Somalia", "{e:#?}");
}

#[test]
fn a_marked_passive_or_no_object_keeps_the_group_as_the_victim() {
    // "قُتل مسلحو الحركة": the group's fighters were killed.
    let ev = ar("قُتل مسلحو حركة الشباب في غارة جوية استهدفت تجمعا لهم قرب جوهر يوم الاثنين.");
    let e = only(&ev);
    assert_ne!(e.actor1, "Al Shabaab", "{e:#?}");
    assert_eq!(e.actor2, "Al Shabaab", "{e:#?}");
}

// --- a village of the province the text names ---

#[test]
fn a_village_after_in_is_taken_when_the_text_names_its_province() {
    for text in [
        "أفادت مصادر محلية بأن مسلحين حوثيين قصفوا مواقع للجيش في صرواح يوم الاثنين، في تصعيد جديد تشهده محافظة مأرب.",
        "قتل جنديان في هجوم شنه الحوثيون على مواقع في صرواح بمأرب يوم الاثنين.",
    ] {
        let ev = ar(text);
        let e = only(&ev);
        assert_eq!(e.location, "Sirwah", "{text}: {e:#?}");
        assert_eq!(e.admin1, "Marib", "{text}");
    }
}

// --- Somalia's federal member states ---

#[test]
fn puntland_and_jubaland_are_regions_of_somalia() {
    let ev = en("Al-Shabaab fighters attacked a police station in Puntland on Monday, killing three officers.");
    let e = only(&ev);
    assert_eq!((e.iso3.as_str(), e.location.as_str()), ("SOM", "Puntland"));
    assert_eq!(e.admin1, "Nugaal");
    let ev = ar("هاجم مسلحو حركة الشباب مركزا للشرطة في ولاية جوبالاند جنوبي الصومال يوم الاثنين وقتلوا ثلاثة من أفراد الشرطة.");
    let e = only(&ev);
    assert_eq!((e.iso3.as_str(), e.location.as_str()), ("SOM", "Jubaland"));
    assert_eq!(e.admin1, "Lower Juba");
}

// --- the names ACLED writes ---

#[test]
fn places_carry_the_names_acled_writes() {
    for ev in [
        en("Jihadists killed at least 20 civilians near Barsalogho on Monday, residents said."),
        fr("Des jihadistes ont tué au moins vingt civils lundi près de Barsalogho, dans le Centre-Nord."),
    ] {
        let e = only(&ev);
        assert_eq!(e.location, "Barsalogho", "{e:#?}");
        assert_eq!(e.admin1, "Centre-Nord");
    }
    for ev in [
        en("An Islamic State cell attacked an SDF checkpoint in Raqqa on Monday, killing two fighters."),
        ar("هاجمت خلية لتنظيم داعش حاجزا لقسد في مدينة الرقة يوم الاثنين وقتلت عنصرين."),
    ] {
        assert_eq!(only(&ev).location, "Ar-Raqqa");
    }
    let ev = en("A roadside bomb killed two soldiers near Mosul on Monday.");
    assert_eq!(only(&ev).admin1, "Ninewa");
}
