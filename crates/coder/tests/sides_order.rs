//! "Between X and Y": the side told first is actor1, whether the text
//! names it (an organization) or only describes it (the army), and even
//! when the second side is named through a word that refers back to a
//! group of an earlier sentence ("the group's fighters", "مقاتلي
//! الحركة"). (Short texts composed for the tests; fictional incidents in
//! real places.)

mod common;
use common::*;

#[test]
fn arabic_army_told_first_against_a_group_named_earlier() {
    let ev = ar("تبنت حركة الشباب هجوما بقذائف الهاون على مقر حكومي في مقديشو يوم الاثنين الماضي دون أن يسفر عن إصابات. \
وأمس الثلاثاء اندلعت اشتباكات بين الجيش الصومالي ومقاتلي الحركة قرب بلدة بلعد بإقليم شبيلي الوسطى، قتل فيها ثلاثة جنود وخمسة من المسلحين، بحسب ضابط.");
    let clash = ev
        .iter()
        .find(|e| e.sub_event_type == rasd_model::SubEventType::ArmedClash)
        .expect("the clash is coded");
    assert_eq!(clash.actor1, "Military Forces of Somalia", "{clash:#?}");
    assert_ne!(clash.actor2, "Military Forces of Somalia", "{clash:#?}");
}

#[test]
fn french_army_told_first_against_a_group_named_earlier() {
    let ev = fr("Le JNIM a revendiqué lundi une embuscade contre un convoi logistique près de Boni. \
Mardi, des combats ont éclaté entre l'armée malienne et les combattants du groupe près de Douentza, dans la région de Mopti, faisant quatre morts parmi les soldats, selon une source sécuritaire.");
    let clash = ev
        .iter()
        .find(|e| {
            e.sub_event_type == rasd_model::SubEventType::ArmedClash && e.location == "Douentza"
        })
        .expect("the clash near Douentza is coded");
    assert_eq!(clash.actor1, "Military Forces of Mali", "{clash:#?}");
}
