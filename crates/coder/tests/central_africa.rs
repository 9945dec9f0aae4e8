//! Actors of DR Congo and Mozambique: ADF, M23, CODECO and the Congolese
//! army by their names in Arabic, English and French, and the Cabo Delgado
//! insurgents the local press calls "al-Shabaab", who are not the Somali
//! movement. Texts composed for the test (fictional incidents in real
//! places).

use rasd_model::Language;

mod common;
use common::*;

const ADF: &str = "ADF: Allied Democratic Forces";
const M23: &str = "M23: March 23 Movement";
const CODECO: &str = "CODECO: Cooperative for Development of Congo";
const FARDC: &str = "Military Forces of Democratic Republic of Congo";
const ISM: &str = "Islamic State Mozambique Province";

#[test]
fn adf_by_its_names_in_three_languages() {
    for (lang, text) in [
        (Language::En, "ADF rebels killed nine villagers in a night raid near Oicha, in Congo's North Kivu province, on Monday, local officials said."),
        (Language::Fr, "Des rebelles des Forces démocratiques alliées ont tué neuf civils lundi soir près d'Oicha, dans le Nord-Kivu, en RDC, selon des sources locales."),
        (Language::Ar, "هاجم متمردو القوات الديمقراطية المتحالفة قرية قرب أويتشا بإقليم شمال كيفو في الكونغو الديمقراطية ليل الاثنين وقتلوا تسعة قرويين."),
    ] {
        let ev = code_in(lang, text);
        let e = only(&ev);
        assert_eq!(e.actor1, ADF, "{text}\n{e:#?}");
    }
}

#[test]
fn m23_and_the_congolese_army_fight() {
    for (lang, text) in [
        (Language::En, "M23 rebels clashed with the FARDC near Kitshanga in Congo's North Kivu province on Tuesday, a local official said."),
        (Language::Fr, "Les rebelles du M23 ont affronté mardi les FARDC près de Kitshanga, dans le Nord-Kivu, en RDC."),
        (Language::Ar, "اندلعت اشتباكات بين متمردي حركة 23 مارس والقوات المسلحة الكونغولية قرب كيتشانغا في إقليم شمال كيفو بالكونغو الديمقراطية يوم الثلاثاء."),
    ] {
        let ev = code_in(lang, text);
        let e = only(&ev);
        let sides = [e.actor1.as_str(), e.actor2.as_str()];
        assert!(sides.contains(&M23) && sides.contains(&FARDC), "{text}\n{e:#?}");
    }
}

#[test]
fn codeco_attacks_civilians() {
    for (lang, text) in [
        (Language::En, "CODECO militiamen attacked a camp for displaced people near Bunia in Congo's Ituri province on Sunday, killing 11 civilians, a camp official said."),
        (Language::Ar, "هاجمت ميليشيا كوديكو مخيما للنازحين قرب بونيا في إقليم إيتوري بالكونغو الديمقراطية يوم الأحد وقتلت 11 مدنيا."),
    ] {
        let ev = code_in(lang, text);
        let e = only(&ev);
        assert_eq!(e.actor1, CODECO, "{text}\n{e:#?}");
    }
}

#[test]
fn al_shabaab_in_cabo_delgado_is_the_mozambique_insurgency() {
    for (lang, text) in [
        (Language::En, "Al-Shabaab insurgents attacked the village of Mucojo in Mozambique's Cabo Delgado province on Saturday and beheaded three fishermen, residents said."),
        (Language::Ar, "هاجم مسلحو حركة الشباب قرية موكوجو في إقليم كابو ديلغادو شمال موزمبيق يوم السبت وقتلوا ثلاثة صيادين."),
    ] {
        let ev = code_in(lang, text);
        let e = only(&ev);
        assert_eq!(e.actor1, ISM, "{text}\n{e:#?}");
    }
    // The same words about Somalia still name the Somali movement.
    let ev = code_in(
        Language::En,
        "Al-Shabaab fighters attacked a military base near Beledweyne in central Somalia on Saturday, killing four soldiers, officials said.",
    );
    assert_eq!(only(&ev).actor1, "Al Shabaab");
}

#[test]
fn a_group_that_claims_to_defend_a_community_claims_no_attack() {
    for (lang, text) in [
        (Language::En, "Gunmen killed 14 civilians in an attack on a village near Djugu in Congo's Ituri province on Sunday, local sources said. CODECO, which claims to protect Lendu farmers, is blamed for many such raids."),
        (Language::Fr, "Des hommes armés ont tué 14 civils dimanche dans un village près de Djugu, dans l'Ituri, en RDC. La CODECO, qui dit défendre les agriculteurs lendu, est accusée de nombreux raids."),
    ] {
        let ev = code_in(lang, text);
        let e = only(&ev);
        assert_eq!(e.claimed_by, None, "{text}\n{e:#?}");
    }
}

#[test]
fn fighters_from_a_named_group_act_for_it() {
    for (lang, text) in [
        (Language::En, "At least 12 villagers were killed when fighters from the CODECO militia raided a village near Djugu in Congo's Ituri province on Monday."),
        (Language::Fr, "Douze villageois ont été tués lundi lorsque des combattants de la CODECO ont attaqué un village près de Djugu, en Ituri, en RDC."),
    ] {
        let ev = code_in(lang, text);
        let e = only(&ev);
        assert_eq!(e.actor1, CODECO, "{text}\n{e:#?}");
        assert_eq!(e.actor2, "Civilians (Democratic Republic of Congo)", "{text}\n{e:#?}");
    }
}

#[test]
fn a_town_named_right_after_a_taking_verb_is_the_place() {
    for (lang, text) in [
        (Language::En, "M23 rebels captured Rubaya in Congo's North Kivu province on Tuesday, residents said."),
        (Language::Fr, "Les rebelles du M23 ont pris le contrôle de Rubaya mardi, dans la province du Nord-Kivu, en RDC."),
    ] {
        let ev = code_in(lang, text);
        let e = only(&ev);
        assert_eq!(e.actor1, M23, "{text}\n{e:#?}");
        assert_eq!(e.location, "Rubaya", "{text}\n{e:#?}");
    }
}
