//! General wording rules added in session 5, each checked on short texts
//! composed for the test in at least two phrasings (and in each language
//! where the phenomenon exists): the Arabic verb-first sentence whose
//! perpetrator follows the verb, camps of displaced people, vague tolls,
//! towns named with their province, press spellings of places, and what
//! "أغلق" (closed) reports: a base closed, not a road or a border.
//! (Fictional incidents in real places.)

use rasd_model::{FatalityQualifier, SubEventType};

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

#[test]
fn the_english_press_spelling_of_a_yemeni_governorate_is_found() {
    for ev in [
        en("Gunmen shot dead four soldiers at an army post in Shabwa province on Sunday."),
        en("Tribal fighters clashed with government troops in Shabwa governorate on Sunday, leaving five dead."),
        ar("قتل مسلحون أربعة جنود في هجوم على نقطة للجيش في محافظة شبوة يوم الأحد."),
    ] {
        let e = only(&ev);
        assert_eq!(e.iso3, "YEM", "{e:#?}");
        assert_eq!(e.admin1, "Shabwah", "{e:#?}");
    }
}

// --- the dead a side "suffered" are its own ---

fn toll(e: &rasd_model::Event) -> (Option<u32>, FatalityQualifier, Vec<(String, u32)>) {
    let mut groups: Vec<(String, u32)> = e
        .fatalities_by_group
        .iter()
        .map(|(g, n)| (format!("{g:?}"), *n))
        .collect();
    groups.sort();
    (e.fatalities, e.fatalities_qualifier, groups)
}

#[test]
fn dozens_of_dead_the_attackers_suffered_add_to_the_soldiers_killed() {
    let want = (
        Some(18),
        FatalityQualifier::Approx,
        vec![("Fighters".to_string(), 12), ("Military".to_string(), 6)],
    );
    for ev in [
        ar("قتل ستة جنود في هجوم شنه مسلحون على نقطة للجيش في جيبو يوم الأحد. وأضاف المصدر أن المهاجمين تكبدوا عشرات القتلى."),
        ar("قتل ستة جنود في هجوم شنه مسلحون على نقطة للجيش في جيبو يوم الأحد، وتكبد المهاجمون عشرات القتلى بحسب المصدر."),
        en("Six soldiers were killed when gunmen attacked an army post in Djibo on Sunday. The attackers suffered dozens of dead, the source added."),
        fr("Six soldats ont été tués dimanche lors d'une attaque contre un poste de l'armée à Djibo. Les assaillants ont subi des dizaines de morts, selon la même source."),
    ] {
        assert_eq!(toll(only(&ev)), want, "{ev:#?}");
    }
}

// --- a camp of displaced people is a civilian target ---

#[test]
fn a_camp_sheltering_displaced_people_is_civilian() {
    for ev in [
        en("Jihadists attacked a camp sheltering internally displaced persons near Djibo on Monday, killing 12."),
        en("Gunmen stormed a camp housing refugees outside Maiduguri on Monday, killing six people."),
        fr("Des hommes armés ont attaqué lundi un camp abritant des déplacés près de Djibo, tuant sept personnes."),
        fr("Des jihadistes ont attaqué lundi le site de déplacés de Kaya, tuant cinq personnes."),
        ar("هاجم مسلحون مخيما للنازحين قرب مدينة جيبو يوم الاثنين، ما أسفر عن مقتل سبعة أشخاص."),
    ] {
        let e = only(&ev);
        assert_eq!(e.sub_event_type, SubEventType::Attack, "{e:#?}");
        assert!(e.actor2.starts_with("Civilians ("), "{e:#?}");
    }
    // A military camp stays one.
    let ev = en("Militants attacked a military camp near Djibo on Monday, killing 12 soldiers.");
    assert_eq!(only(&ev).sub_event_type, SubEventType::ArmedClash);
}

// --- people a death word counts are victims, even when they could tell ---

#[test]
fn residents_counted_after_killing_are_the_dead() {
    for ev in [
        en("Gunmen attacked a village near Djibo on Monday, killing four residents."),
        fr("Des hommes armés ont attaqué lundi un village près de Djibo, tuant quatre habitants."),
    ] {
        assert_eq!(only(&ev).fatalities, Some(4), "{ev:#?}");
    }
    // Residents who speak still only tell.
    let ev = en(
        "Gunmen attacked a village near Djibo on Monday, killing four people, two residents said.",
    );
    assert_eq!(only(&ev).fatalities, Some(4));
}

// --- vague tolls take the guidelines' conventional values ---

#[test]
fn a_number_of_and_many_dead_are_ten_approximately() {
    for ev in [
        en("A number of civilians were killed in an air strike on a market near Djibo on Monday."),
        en("Many civilians were killed when gunmen attacked a village near Djibo on Monday."),
        fr("De nombreux civils ont été tués lundi dans une attaque contre un village près de Djibo."),
        ar("قتل عدد من المدنيين في غارة جوية على سوق قرب جيبو يوم الاثنين."),
    ] {
        let e = only(&ev);
        assert_eq!(
            (e.fatalities, e.fatalities_qualifier),
            (Some(10), FatalityQualifier::Approx),
            "{e:#?}"
        );
    }
}

// --- the civilians an armed group killed do not make a mob ---

#[test]
fn civilians_after_killed_are_the_victims_not_a_mob() {
    for ev in [
        en("Gunmen killed civilians in a village near Djibo on Monday."),
        en("Gunmen attacked a village near Djibo on Monday and killed civilians."),
        fr("Des hommes armés ont tué des civils lundi dans un village près de Djibo."),
    ] {
        let e = only(&ev);
        assert_eq!(e.sub_event_type, SubEventType::Attack, "{e:#?}");
        assert!(e.actor1.starts_with("Unidentified Armed Group"), "{e:#?}");
    }
    // Residents who kill are a mob.
    let ev = en("Angry residents killed a suspected thief in a market in Djibo on Monday.");
    assert_eq!(only(&ev).sub_event_type, SubEventType::MobViolence);
}

// --- the dateline town yields to the scene ---

#[test]
fn the_town_a_report_was_filed_from_yields_to_the_scene() {
    for ev in [
        ar("مقديشو - قتل ثلاثة جنود يوم الثلاثاء في انفجار عبوة ناسفة استهدفت دورية للجيش في بلدة أفغوي."),
        en("MOGADISHU (Reuters) - Three soldiers were killed on Tuesday when a roadside bomb hit an army patrol in the town of Afgooye."),
    ] {
        assert_eq!(only(&ev).location, "Afgooye", "{ev:#?}");
    }
}

#[test]
fn a_village_with_no_cue_word_in_the_named_province_beats_the_province() {
    for ev in [
        en("YAOUNDE (Reuters) - Five civilians were killed on Tuesday when a female suicide bomber blew herself up in the market of Mozogo in Cameroon's Far North region, a local official said."),
        fr("YAOUNDÉ (AFP) - Cinq civils ont été tués mardi lorsqu'une kamikaze s'est fait exploser sur le marché de Mozogo, dans l'Extrême-Nord du Cameroun, a indiqué un responsable local."),
    ] {
        let e = only(&ev);
        assert_eq!((e.location.as_str(), e.admin1.as_str()), ("Mozogo", "Far North"), "{e:#?}");
    }
}

// --- "مسلحون من الجماعة نفسها": the group referred back acts ---

#[test]
fn gunmen_of_the_group_referred_back_are_that_group() {
    for text in [
        "هاجم مسلحون من جماعة بوكو حرام قاعدة للجيش قرب بلدة بول يوم الأحد. وفي اليوم التالي، قتل مسلحون من الجماعة نفسها أربعة صيادين قرب بحيرة تشاد.",
        "تبنت حركة الشباب هجوما على قاعدة للجيش في جوهر يوم الأحد. وفي اليوم التالي هاجم عناصر الحركة قرية قرب المدينة وقتلوا ثلاثة مدنيين.",
    ] {
        let ev = ar(text);
        let second = ev
            .iter()
            .find(|e| e.sub_event_type == SubEventType::Attack)
            .unwrap_or_else(|| panic!("{text}: {ev:#?}"));
        assert!(
            matches!(
                second.actor1.as_str(),
                "Boko Haram - Jamaatu Ahli is-Sunnah lid-Dawati wal-Jihad" | "Al Shabaab"
            ),
            "{text}: {second:#?}"
        );
    }
}

// --- "…, all of them civilians" names the group of the dead ---

#[test]
fn an_apposition_all_of_them_civilians_names_the_group() {
    for ev in [
        ar("شن الطيران الحربي صباح الاثنين غارة على سوق في مدينة نيالا، ما أدى إلى مقتل أربعة عشر شخصا على الأقل، جميعهم من المدنيين."),
        en("A drone strike hit a market in Nyala on Monday, killing 14 people, all of them civilians."),
        fr("Une frappe de drone a touché lundi un marché de Nyala, tuant quatorze personnes, toutes des civils."),
    ] {
        let e = only(&ev);
        let groups: Vec<(String, u32)> = e
            .fatalities_by_group
            .iter()
            .map(|(g, n)| (format!("{g:?}"), *n))
            .collect();
        assert_eq!(groups, vec![("Civilians".to_string(), 14)], "{e:#?}");
    }
}

// --- deaths with no number: unknown, not zero ---

#[test]
fn killed_civilians_with_no_number_is_an_unknown_toll() {
    for ev in [
        en("Gunmen killed civilians in a village near Djibo on Monday."),
        en("Several houses were burned and civilians were killed when gunmen raided a village near Djibo on Monday."),
        fr("Des hommes armés ont tué des civils lundi dans un village près de Djibo."),
        ar("هاجم مسلحون قرية قرب جيبو يوم الاثنين وقتلوا مدنيين وأحرقوا منازل."),
    ] {
        let e = only(&ev);
        assert_eq!(e.sub_event_type, SubEventType::Attack, "{e:#?}");
        assert_eq!(
            (e.fatalities, e.fatalities_qualifier),
            (None, FatalityQualifier::Unknown),
            "{e:#?}"
        );
    }
    // With a number, the number.
    let ev = en("Gunmen killed four civilians in a village near Djibo on Monday.");
    assert_eq!(only(&ev).fatalities, Some(4));
}

// --- a person counted in a later clause is no casualty of the verb before ---

#[test]
fn the_bomber_in_a_later_clause_is_not_counted_among_the_wounded() {
    for ev in [
        ar("قتل خمسة مدنيين وأصيب اثنا عشر آخرون، صباح الثلاثاء، عندما فجرت امرأة حزاما ناسفا وسط سوق بلدة موزوغو في الكاميرون."),
        ar("أصيب تسعة أشخاص، مساء الاثنين، عندما ألقى رجل قنبلة يدوية على مقهى في مدينة مايدوغوري."),
    ] {
        let e = only(&ev);
        assert!(matches!(e.injured, Some(12) | Some(9)), "{e:#?}");
    }
}

// --- the official who reports is no casualty ---

#[test]
fn the_official_who_reports_is_not_counted_among_the_dead() {
    for ev in [
        ar("انفجرت عبوة ناسفة بشاحنة تقل تجارا قرب دوينتزا يوم الاثنين، ما أدى إلى مقتل ثلاثة منهم، حسبما أفاد مسؤول محلي."),
        ar("قتل ثلاثة مدنيين في انفجار عبوة ناسفة قرب دوينتزا يوم الاثنين، وفق ما أفاد مسؤول محلي."),
    ] {
        let e = only(&ev);
        assert_eq!(
            (e.fatalities, e.fatalities_qualifier),
            (Some(3), FatalityQualifier::Exact),
            "{e:#?}"
        );
    }
}

// --- "أغلق": a base closed is a handover, a road or a border closed is not ---

#[test]
fn closing_a_road_or_a_border_is_no_transfer_of_territory() {
    for text in [
        "أغلق محتجون غاضبون الطريق الرئيسي في مدينة كسلا يوم الأحد احتجاجا على انقطاع الكهرباء.",
        "أغلقت السلطات التشادية حدودها مع السودان يوم الخميس بعد اشتباكات قرب مدينة الجنينة.",
        "أغلق أصحاب المحال أبواب متاجرهم في سوق مدينة الأبيض صباح الاثنين.",
    ] {
        let ev = ar(text);
        assert!(
            !ev.iter()
                .any(|e| e.sub_event_type == SubEventType::NonViolentTransferOfTerritory),
            "{text}: {ev:#?}"
        );
    }
}

#[test]
fn a_force_closing_its_base_or_camp_is_still_a_handover() {
    for text in [
        "أغلقت القوات الفرنسية قاعدتها في مدينة غاو يوم الاثنين وسلمتها للجيش المالي.",
        "أغلقت قوات حفظ السلام معسكرها في مدينة تساليت صباح الخميس بعد انسحاب آخر جنودها.",
    ] {
        let ev = ar(text);
        assert!(
            ev.iter()
                .any(|e| e.sub_event_type == SubEventType::NonViolentTransferOfTerritory),
            "{text}: {ev:#?}"
        );
    }
}

// --- session 6: a strike on a vehicle whose dead were fighters ---

#[test]
fn a_strike_on_a_car_that_killed_only_fighters_targets_them_not_civilians() {
    for ev in [
        en("A US drone strike destroyed a pickup truck near Mudiyah in Abyan province on Thursday, killing three militants, local officials said."),
        en("An American air strike hit a car on the road outside Mudiyah in Abyan province on Thursday and killed two suspected militants."),
        fr("Une frappe de drone française a détruit jeudi un véhicule près de Ménaka, tuant quatre jihadistes, selon une source sécuritaire."),
    ] {
        let e = only(&ev);
        assert!(e.actor1.starts_with("Military Forces of "), "{e:#?}");
        assert!(e.actor2.starts_with("Unidentified Armed Group ("), "{e:#?}");
    }
}

#[test]
fn a_suicide_bomber_counted_with_the_diners_he_killed_leaves_the_target_civilian() {
    let ev = ar("قتل تسعة مدنيين إضافة إلى منفذ الهجوم في تفجير انتحاري استهدف مقهى في مدينة بيدوا يوم الخميس بحسب الشرطة.");
    let e = only(&ev);
    assert_eq!(e.actor2, "Civilians (Somalia)", "{e:#?}");
}

// --- session 6: "suspected of belonging to X": X is the suspects' own,
// in their role: the dead or arrested suspects, or the attackers ---

#[test]
fn the_group_the_dead_were_suspected_of_joining_is_the_target_of_the_strike() {
    for text in [
        "قتل ثلاثة أشخاص يشتبه في انتمائهم إلى تنظيم القاعدة في غارة شنتها طائرة مسيرة أمريكية على سيارتهم في محافظة مأرب يوم الخميس.",
        "قتل شخصان يشتبه بانتمائهما إلى تنظيم القاعدة في غارة شنتها طائرة مسيرة أمريكية على سيارة قرب مدينة عتق بمحافظة شبوة يوم الخميس.",
    ] {
        let ev = ar(text);
        let e = only(&ev);
        assert_eq!(e.actor1, "Military Forces of United States", "{text}: {e:#?}");
        assert_eq!(e.actor2, "AQAP: Al Qaeda in the Arabian Peninsula", "{text}: {e:#?}");
    }
}

// --- session 6: coordinated subjects of a clash, first told first ---

#[test]
fn two_groups_coordinated_before_a_clash_verb_keep_their_order() {
    let ev = en("JNIM and Islamic State Sahel Province fighters clashed near Menaka on Monday, leaving at least 20 dead on both sides, local sources said.");
    let e = only(&ev);
    assert_eq!(
        e.actor1, "JNIM: Group for Support of Islam and Muslims",
        "{e:#?}"
    );
    assert_eq!(e.actor2, "Islamic State Sahel Province", "{e:#?}");
}

// --- session 6: a withdrawal told with a takeover is its cause ---

#[test]
fn a_withdrawal_on_another_day_is_part_of_the_takeover_it_explains() {
    for ev in [
        en("The army said on Tuesday it had retaken the town of Ber in the Timbuktu region after rebel fighters withdrew from their positions overnight."),
        fr("Les forces armées maliennes ont repris mardi le contrôle de la ville de Ber, dans la région de Tombouctou, après le retrait des rebelles de leurs positions dans la nuit de lundi."),
    ] {
        let e = only(&ev);
        assert_eq!(e.sub_event_type, SubEventType::GovernmentRegainsTerritory, "{e:#?}");
        assert_eq!(e.actor1, "Military Forces of Mali", "{e:#?}");
    }
}

#[test]
fn attackers_suspected_of_belonging_to_a_group_make_it_the_perpetrator() {
    for ev in [
        ar("قتل أربعة جنود في هجوم شنه مسلحون يشتبه في انتمائهم إلى جماعة نصرة الإسلام والمسلمين على نقطة للجيش في بلدة دوري شمال بوركينا فاسو يوم الاثنين."),
        ar("مسلحون يشتبه في انتمائهم إلى جماعة نصرة الإسلام والمسلمين هاجموا نقطة للجيش في بلدة دوري شمال بوركينا فاسو يوم الاثنين، ما أسفر عن مقتل أربعة جنود."),
        en("Gunmen suspected of belonging to JNIM attacked an army post in Dori on Monday, killing four soldiers."),
    ] {
        let e = only(&ev);
        assert_eq!(e.actor1, "JNIM: Group for Support of Islam and Muslims", "{e:#?}");
        assert_eq!(e.actor2, "Military Forces of Burkina Faso", "{e:#?}");
    }
}

#[test]
fn arrested_men_suspected_of_belonging_to_a_group_are_its_members() {
    let ev =
        en("Troops arrested six men suspected of belonging to Boko Haram in Maiduguri on Monday.");
    let e = only(&ev);
    assert_eq!(e.actor1, "Military Forces of Nigeria", "{e:#?}");
    assert_eq!(
        e.actor2, "Boko Haram - Jamaatu Ahli is-Sunnah lid-Dawati wal-Jihad",
        "{e:#?}"
    );
}

// --- session 6: a group said to be active in the area is no perpetrator,
// whether the presence verb comes before it or after it ---

#[test]
fn a_group_followed_by_a_presence_verb_does_not_claim_an_unclaimed_bomb() {
    for text in [
        "قتل جنديان في انفجار عبوة ناسفة استهدفت دورية للجيش قرب مدينة بلدوين في إقليم هيران يوم الاثنين. ولم تتبن أي جهة التفجير، لكن حركة الشباب تنشط في الإقليم.",
        "قتل جنديان في انفجار عبوة ناسفة استهدفت دورية للجيش قرب مدينة بلدوين في إقليم هيران يوم الاثنين. ولم تتبن أي جهة التفجير، وتنشط حركة الشباب في الإقليم.",
    ] {
        let ev = ar(text);
        let e = only(&ev);
        assert_eq!(e.actor1, "Unidentified Armed Group (Somalia)", "{text}: {e:#?}");
        assert_eq!(e.actor2, "Military Forces of Somalia", "{text}: {e:#?}");
    }
}

// --- session 6: "اشتباكات مسلحة": the adjective "armed" is no party ---

#[test]
fn armed_as_the_adjective_of_clashes_leaves_the_named_side_first() {
    let ev = ar("اندلعت اشتباكات مسلحة مساء الاثنين بين جهاز الردع ومجموعة مسلحة في حي سوق الجمعة بطرابلس، أسفرت عن مقتل ثلاثة أشخاص.");
    let e = only(&ev);
    assert_eq!(e.actor1, "Radaa: Special Deterrence Force", "{e:#?}");
    assert_eq!(e.actor2, "Unidentified Armed Group (Libya)", "{e:#?}");
}

// --- session 6: "قتل جنديان في انفجار": with no victims after it, the
// subject of a killing verb is who died (the passive قُتل) ---

#[test]
fn soldiers_after_a_killing_verb_with_no_object_are_the_dead() {
    for text in [
        "قتل جنديان في انفجار عبوة ناسفة قرب مدينة بلدوين في إقليم هيران يوم الاثنين.",
        "قتل شرطيان في هجوم على مركز للشرطة قرب مدينة بلدوين في إقليم هيران يوم الاثنين.",
        "قتل جنديان في كمين نصبه مسلحون قرب مدينة بلدوين في إقليم هيران يوم الاثنين.",
    ] {
        let ev = ar(text);
        let e = only(&ev);
        assert_eq!(
            e.actor1, "Unidentified Armed Group (Somalia)",
            "{text}: {e:#?}"
        );
        assert!(e.actor2.ends_with("Forces of Somalia"), "{text}: {e:#?}");
        assert_eq!(e.fatalities, Some(2), "{text}");
    }
    // with its victims after it, the subject is the killer
    let ev = ar("قتلت حركة الشباب، مساء الاثنين، ما لا يقل عن خمسة مدنيين في هجوم على قرية قرب بلدوين في إقليم هيران.");
    let e = only(&ev);
    assert_eq!(e.actor1, "Al Shabaab", "{e:#?}");
    assert_eq!(e.actor2, "Civilians (Somalia)", "{e:#?}");
}

// --- session 6: a period cue that holds its own start ("since the start
// of the year", "so far this year", "depuis janvier") ---

#[test]
fn a_total_since_the_start_of_the_year_is_a_period_record_from_1_january() {
    for ev in [
        en("Three soldiers were killed on Monday when gunmen attacked a checkpoint near Mayadin in Deir ez-Zor province. So far this year, at least 150 soldiers have died in such attacks."),
        en("Three soldiers were killed on Monday when gunmen attacked a checkpoint near Mayadin in Deir ez-Zor province. Since January, militants have killed 150 soldiers in the province."),
        fr("Trois soldats ont été tués lundi dans l'attaque d'un poste près de Mayadine, dans la province de Deir ez-Zor. Depuis le début de l'année, 150 soldats ont été tués dans la province."),
    ] {
        let total = ev.iter().find(|e| e.is_period_total).unwrap_or_else(|| panic!("{ev:#?}"));
        assert_eq!(total.fatalities, Some(150), "{total:#?}");
        assert_eq!(total.event_date.map(|d| d.to_string()).as_deref(), Some("2024-01-01"), "{total:#?}");
        assert_eq!(only(&ev).fatalities, Some(3), "{ev:#?}");
    }
}

// --- session 6: a force telling of its own act with an infinitive
// ("a annoncé avoir neutralisé", "claimed to have killed") is its author ---

#[test]
fn a_force_announcing_to_have_killed_fighters_is_the_attacker() {
    for ev in [
        fr("L'armée malienne a affirmé mardi avoir neutralisé une vingtaine de terroristes lors d'une opération menée dimanche près de Boni, dans la région de Mopti."),
        en("The Malian army claimed to have killed 20 militants in an air raid on a hideout near Boni in the Mopti region on Sunday."),
    ] {
        let e = only(&ev);
        assert_eq!(e.actor1, "Military Forces of Mali", "{e:#?}");
        assert_eq!(e.actor2, "Unidentified Armed Group (Mali)", "{e:#?}");
    }
}

// --- session 6: "l'armée, qui attribue l'attaque à X": X is the author ---

#[test]
fn a_force_attributing_the_attack_in_the_present_names_the_perpetrator() {
    let ev = fr("Deux soldats ont été tués lundi lorsque leur véhicule a sauté sur une mine près de Ngouboua, dans la région du Lac, a indiqué l'armée, qui attribue l'attaque à Boko Haram.");
    let e = only(&ev);
    assert_eq!(
        e.actor1, "Boko Haram - Jamaatu Ahli is-Sunnah lid-Dawati wal-Jihad",
        "{e:#?}"
    );
    assert_eq!(e.actor2, "Military Forces of Chad", "{e:#?}");
}

// --- session 6: "U.S." names the country (a country inside a force's
// name, "the U.S. military", does not place the incident: dev en013) ---

#[test]
fn a_dotted_us_strike_is_the_us_military() {
    let ev = en("A U.S. drone strike killed two al Shabaab fighters near Jilib in the Middle Juba region on Sunday.");
    let e = only(&ev);
    assert_eq!(e.actor1, "Military Forces of United States", "{e:#?}");
    assert_eq!(e.actor2, "Al Shabaab", "{e:#?}");
}
