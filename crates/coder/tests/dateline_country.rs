//! A report whose only place is its dateline ("دمشق - …", "DAMASCUS,
//! Nov 10 (Reuters) -", "NIAMEY (AFP) -") still has a country: the one it
//! was filed from. Without it the incident had no country and was dropped.
//! (Short texts composed for the tests; fictional incidents.)

mod common;
use common::*;

#[test]
fn an_arabic_dateline_on_the_lede_gives_the_country() {
    let ev = ar("بغداد - قتل أربعة عمال برصاص مسلحين مجهولين مساء أمس، بحسب مصدر أمني.");
    let e = only(&ev);
    assert_eq!(e.iso3, "IRQ", "{e:#?}");
    assert_eq!(e.fatalities, Some(4), "{e:#?}");
    // The place the report was filed from is not the incident's place.
    assert_ne!(e.location, "Baghdad", "{e:#?}");
}

#[test]
fn a_wire_dateline_gives_the_country_in_english_and_french() {
    let ev =
        en("NIAMEY, March 19 (Reuters) - Gunmen shot dead two traders on Monday, a relative said.");
    assert_eq!(only(&ev).iso3, "NER", "{ev:#?}");
    let ev = fr("BAMAKO (AFP) - Des hommes armés ont abattu trois commerçants lundi, selon un parent des victimes.");
    assert_eq!(only(&ev).iso3, "MLI", "{ev:#?}");
}

#[test]
fn a_country_named_in_the_body_still_wins_over_the_dateline() {
    let ev = en("NAIROBI, March 19 (Reuters) - Gunmen shot dead two traders in Somalia on Monday, a relative said.");
    assert_eq!(only(&ev).iso3, "SOM", "{ev:#?}");
}
