//! Arabic verbs of dying that are not "killed": قضى (died), with its dual
//! and plural, counts its subject as dead; قضى على (eliminated) stays the
//! "neutralised" reading. (Short texts composed for the tests; fictional
//! incidents in real places.)

mod common;
use common::*;

#[test]
fn qada_with_a_dual_subject_counts_two_dead() {
    let ev = ar("قضى عنصران من قوات سوريا الديمقراطية برصاص مسلحين مجهولين في بلدة الشحيل بريف دير الزور الشرقي مساء أمس.");
    let e = only(&ev);
    assert_eq!(e.fatalities, Some(2), "{e:#?}");
    assert_eq!(e.actor2, "SDF: Syrian Democratic Forces", "{e:#?}");
}

#[test]
fn qada_with_a_plural_subject_counts_the_number() {
    let ev = ar("قضى أربعة مدنيين بقصف مدفعي استهدف سوقا شعبيا في مدينة الفاشر بولاية شمال دارفور صباح اليوم.");
    let e = only(&ev);
    assert_eq!(e.fatalities, Some(4), "{e:#?}");
    let ev = ar("قال مسعفون إن ثلاثة أشخاص قضوا جراء انفجار لغم أرضي في مديرية حيس بمحافظة الحديدة صباح اليوم.");
    let e = only(&ev);
    assert_eq!(e.fatalities, Some(3), "{e:#?}");
}

#[test]
fn qada_ala_is_still_an_elimination_not_a_death_of_the_subject() {
    // The army "eliminated" two fighters: they are the dead, the army is
    // the author.
    let ev = ar("قالت وزارة الدفاع إن مفرزة للجيش الجزائري قضت على مسلحين اثنين في اشتباك بولاية تيبازة أمس.");
    let e = only(&ev);
    assert_eq!(e.fatalities, Some(2), "{e:#?}");
    assert_eq!(e.actor1, "Military Forces of Algeria", "{e:#?}");
}
