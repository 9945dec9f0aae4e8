//! Rules for wording the blind sets showed the coder missing: a group's
//! own statement as a claim, aircraft that make a bombardment an air
//! strike, ranges of days, counts of people taken (not killed), blasts
//! that kill, arson by armed men, support verbs ("carried out strikes"),
//! joint operations. Each rule is checked on short texts composed for the
//! test, in at least two phrasings and, where the wording differs, in
//! several languages. (Fictional incidents in real places.)

use chrono::NaiveDate;
use rasd_model::{DatePrecision, Event, SubEventType};

mod common;
use common::*;

fn day(m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2024, m, d).unwrap()
}

// --- a group telling of its own operation claims it ---

#[test]
fn a_named_group_saying_on_telegram_that_it_struck_claims_the_attack() {
    let ev = en("Rockets were fired at the Ain al-Asad air base in Anbar province on Monday evening, causing no casualties, officials said. The Islamic Resistance in Iraq said in a post on its Telegram channel that it had targeted the base.");
    let e = only(&ev);
    assert_eq!(
        e.claimed_by.as_deref(),
        Some("Islamic Resistance in Iraq"),
        "{e:#?}"
    );
    assert_eq!(e.actor1, "Islamic Resistance in Iraq");
}

#[test]
fn the_group_saying_on_its_radio_that_it_was_behind_the_raid_claims_it() {
    let ev = en("Al-Shabaab fighters stormed a Somali army outpost near Jowhar on Monday, killing five soldiers, a military officer said. The al Qaeda-linked group said on its radio station that it was behind the raid.");
    let e = only(&ev);
    assert_eq!(e.claimed_by.as_deref(), Some("Al Shabaab"), "{e:#?}");
}

#[test]
fn an_arabic_statement_that_its_fighters_attacked_is_a_claim() {
    let ev = ar("هاجمت حركة الشباب يوم الاثنين معسكرا للجيش الصومالي قرب مدينة جوهر، ما أدى إلى مقتل خمسة جنود. وأعلنت الحركة في بيان نشرته على قناتها في تلغرام أن مقاتليها هاجموا المعسكر وقتلوا عشرات الجنود.");
    let e = only(&ev);
    assert_eq!(e.claimed_by.as_deref(), Some("Al Shabaab"), "{e:#?}");
}

#[test]
fn an_arabic_group_announcing_that_it_shelled_positions_claims_the_shelling() {
    let ev = ar("وأعلنت هيئة تحرير الشام في بيان مساء الاثنين أنها استهدفت بالصواريخ مواقع لقوات النظام في محيط مدينة معرة النعمان، دون أن تذكر حجم الخسائر.");
    let e = only(&ev);
    assert_eq!(
        e.claimed_by.as_deref(),
        Some("Hayat Tahrir al-Sham"),
        "{e:#?}"
    );
}

#[test]
fn a_french_statement_that_it_attacked_the_post_is_a_claim() {
    let ev = fr("Des hommes armés ont attaqué lundi un poste de gendarmerie à Djibo, tuant six gendarmes. Le JNIM a affirmé dans un communiqué diffusé sur ses canaux qu'il avait attaqué le poste.");
    let e = only(&ev);
    assert_eq!(
        e.claimed_by.as_deref(),
        Some("JNIM: Group for Support of Islam and Muslims"),
        "{e:#?}"
    );
}

#[test]
fn a_group_saying_its_members_were_killed_claims_nothing() {
    let ev = en("A U.S. drone strike hit a vehicle near Al-Qaim on Monday, officials said. Kataib Hezbollah said in a statement that four of its members had been killed in the strike.");
    let e = only(&ev);
    assert_eq!(e.claimed_by, None, "{e:#?}");
    assert_eq!(e.sub_event_type, SubEventType::AirDroneStrike);
}

// --- the agent of قصف decides the sub-event type ---

#[test]
fn warplanes_that_bombard_make_an_air_strike() {
    let ev = ar("قصفت طائرات حربية روسية يوم الاثنين بلدة كفرنبل في ريف إدلب الجنوبي، ما أدى إلى مقتل أربعة مدنيين، بحسب ناشطين.");
    let e = only(&ev);
    assert_eq!(e.sub_event_type, SubEventType::AirDroneStrike, "{e:#?}");
    assert_eq!(e.actor1, "Military Forces of Russia");
}

#[test]
fn a_bombardment_by_the_air_force_is_an_air_strike_and_by_artillery_shelling() {
    let air = ar("قصف الطيران الحربي التابع للجيش السوداني يوم الاثنين سوقا شعبيا في مدينة نيالا، ما أسفر عن مقتل تسعة مدنيين.");
    assert_eq!(
        only(&air).sub_event_type,
        SubEventType::AirDroneStrike,
        "{air:#?}"
    );
    let guns = ar(
        "قصفت مدفعية الجيش السوداني يوم الاثنين أحياء في مدينة نيالا، ما أسفر عن مقتل تسعة مدنيين.",
    );
    assert_eq!(
        only(&guns).sub_event_type,
        SubEventType::ShellingArtilleryMissileAttack,
        "{guns:#?}"
    );
}

#[test]
fn an_ambush_answered_from_the_air_stays_a_battle() {
    let ev = ar("قتل ستة جنود يوم الأحد في هجوم شنه مسلحون على دورية للجيش قرب مدينة جيبو، قبل أن يتدخل الطيران لملاحقة المهاجمين.");
    assert_eq!(
        only(&ev).sub_event_type,
        SubEventType::ArmedClash,
        "{ev:#?}"
    );
}

// --- ranges of days ---

#[test]
fn a_week_given_as_a_range_of_days_is_week_precision_on_its_middle_day() {
    let ev = fr("L'armée nigérienne a mené des frappes aériennes contre des bases terroristes près de Tamou au cours de la semaine du 4 au 10 mars, tuant quinze terroristes, selon un communiqué.");
    let e = only(&ev);
    assert_eq!(e.date_precision, DatePrecision::Week, "{e:#?}");
    assert_eq!(e.event_date, Some(day(3, 7)));
    let ev = en("Nigerian jets struck bandit hideouts near Tsafe in Zamfara state between 4 and 10 March, killing 20 bandits, the air force said.");
    let e = only(&ev);
    assert_eq!(e.date_precision, DatePrecision::Week, "{e:#?}");
    assert_eq!(e.event_date, Some(day(3, 7)));
}

// --- people taken are not dead ---

#[test]
fn people_kidnapped_after_a_killing_are_not_counted_dead() {
    let ev = en("Gunmen killed a police officer and kidnapped 15 worshippers from a church in Kajuru in Kaduna state on Sunday, police said.");
    assert_eq!(only(&ev).fatalities, Some(1), "{ev:#?}");
    let ev = ar("قتل مسلحون مجهولون اثنين من الحراس واختطفوا 12 مسافرا من حافلة قرب بلدة كاجورو بولاية كادونا يوم الأحد، بحسب الشرطة.");
    assert_eq!(only(&ev).fatalities, Some(2), "{ev:#?}");
}

// --- a blast that kills ---

#[test]
fn a_car_packed_with_explosives_that_blew_up_is_an_explosion_with_its_dead() {
    let ev = en("A car packed with explosives blew up outside a restaurant in Mogadishu on Sunday evening, killing six people and wounding ten, police said.");
    let e = only(&ev);
    assert_eq!(
        e.sub_event_type,
        SubEventType::RemoteExplosiveLandmineIed,
        "{e:#?}"
    );
    assert_eq!(e.fatalities, Some(6));
    let ev = fr("Un véhicule bourré d'explosifs a explosé dimanche près d'un marché de Gao, tuant quatre civils, selon des sources locales.");
    let e = only(&ev);
    assert_eq!(
        e.sub_event_type,
        SubEventType::RemoteExplosiveLandmineIed,
        "{e:#?}"
    );
    assert_eq!(e.fatalities, Some(4));
}

// --- arson by armed men ---

#[test]
fn armed_men_setting_fire_to_granaries_destroy_property_not_riot() {
    let ev = en("Armed men set fire to granaries in the village of Sangha in central Mali on Friday, residents said.");
    assert_eq!(
        only(&ev).sub_event_type,
        SubEventType::LootingPropertyDestruction,
        "{ev:#?}"
    );
    let ev = en("Suspected JNIM fighters set fire to shops in the town of Bandiagara on Friday, traders said.");
    assert_eq!(
        only(&ev).sub_event_type,
        SubEventType::LootingPropertyDestruction,
        "{ev:#?}"
    );
}

// --- support verbs keep their subject as the author ---

#[test]
fn a_force_that_carried_out_strikes_is_their_author() {
    let ev = en("The Nigerian Air Force carried out air strikes on bandit camps near Tsafe in Zamfara state on Monday, killing dozens of bandits, a spokesman said.");
    assert_eq!(only(&ev).actor1, "Military Forces of Nigeria", "{ev:#?}");
    let ev = fr("L'armée burkinabè a effectué lundi des frappes aériennes contre des positions terroristes près de Djibo, selon un communiqué.");
    assert_eq!(
        only(&ev).actor1,
        "Military Forces of Burkina Faso",
        "{ev:#?}"
    );
}

// --- joint operations ---

#[test]
fn the_local_army_leads_its_foreign_partners() {
    let ev = en("Wagner mercenaries and Malian soldiers killed 20 civilians in the village of Hombori on Monday, residents said.");
    assert_eq!(only(&ev).actor1, "Military Forces of Mali", "{ev:#?}");
    let ev = ar("قتلت القوات المسلحة المالية وشركاؤها الروس عشرين مدنيا في قرية هومبوري وسط مالي يوم الاثنين، بحسب سكان.");
    assert_eq!(only(&ev).actor1, "Military Forces of Mali", "{ev:#?}");
}

// --- counts in Arabic word order ---

#[test]
fn soldiers_of_a_named_force_counted_before_their_verb_are_dead() {
    let ev = ar("أفاد مصدر عسكري بأن خمسة جنود من الجيش الوطني قتلوا يوم الاثنين في هجوم شنته جماعة الحوثي على مواقع للجيش في جبهة صرواح غربي مأرب.");
    assert_eq!(only(&ev).fatalities, Some(5), "{ev:#?}");
    let ev = ar("قالت مصادر محلية إن ثلاثة عناصر من قوات الشرطة لقوا حتفهم يوم الاثنين في هجوم لمسلحين على حاجز قرب مدينة كيدال.");
    assert_eq!(only(&ev).fatalities, Some(3), "{ev:#?}");
}

#[test]
fn a_number_of_attackers_killed_in_the_accusative_counts_as_several() {
    let ev = ar("قتل أربعة جنود يوم الاثنين في هجوم شنته جماعة الحوثي على مواقع للجيش في جبهة صرواح غربي مأرب، وتمكنت قوات الجيش من صد الهجوم وقتلت عددا من المهاجمين.");
    assert_eq!(only(&ev).fatalities, Some(14), "{ev:#?}");
    let ev = ar("صدت قوات الجيش يوم الاثنين هجوما لمسلحين على مدينة ميناكا وقتلت عددا من المهاجمين، بحسب مصدر عسكري.");
    assert_eq!(only(&ev).fatalities, Some(10), "{ev:#?}");
}

// --- details of a protest told after it ---

#[test]
fn the_bullet_that_killed_a_protester_is_no_new_shooting() {
    let ev = ar("قالت لجنة أطباء السودان إن متظاهرين اثنين قتلا بالرصاص الحي يوم الاثنين عندما أطلقت الشرطة النار على مسيرة في مدينة أم درمان. وذكرت اللجنة أن أحد القتيلين أصيب برصاصة في الصدر قرب جسر الحلفايا.");
    assert_eq!(
        only(&ev).sub_event_type,
        SubEventType::ExcessiveForceAgainstProtesters,
        "{ev:#?}"
    );
    let ev = ar("قتل متظاهر برصاص الشرطة يوم الاثنين خلال احتجاج في مدينة كسلا. وقال شهود إن الشاب توفي برصاصة في الرأس أمام مبنى البلدية.");
    assert_eq!(only(&ev).fatalities, Some(1), "{ev:#?}");
}

#[test]
fn arrests_made_while_the_march_was_dispersed_belong_to_the_protest() {
    let ev = ar("أطلقت الشرطة الغاز المسيل للدموع يوم الاثنين على مسيرة للمعلمين في مدينة عطبرة. وأضافت نقابة المعلمين أن قوات الأمن اعتقلت عشرات المحتجين خلال عملية تفريق المسيرة.");
    assert_eq!(
        only(&ev).sub_event_type,
        SubEventType::ProtestWithIntervention,
        "{ev:#?}"
    );
    let ev = ar("خرج مئات الطلاب يوم الاثنين في مظاهرة بمدينة سيغو، ففرقتها الشرطة بالقوة. واعتقلت قوات الأمن خلال تفريق المظاهرة عشرين طالبا.");
    assert_eq!(
        only(&ev).sub_event_type,
        SubEventType::ProtestWithIntervention,
        "{ev:#?}"
    );
}

// --- aircraft that only support a raid; an air force's own planes ---

#[test]
fn aircraft_supporting_a_raid_do_not_split_the_arrests() {
    let ev = ar("شنت قوات سوريا الديمقراطية يوم الاثنين بمساندة من طيران التحالف الدولي حملة دهم في بلدة البصيرة، اعتقلت خلالها ستة أشخاص قالت إنهم أعضاء في خلية تابعة لداعش.");
    let e = only(&ev);
    assert_eq!(e.sub_event_type, SubEventType::Arrests, "{e:#?}");
    assert_eq!(e.actor1, "SDF: Syrian Democratic Forces");
    assert_eq!(e.actor2, "Islamic State (Syria)");
}

#[test]
fn an_air_force_saying_its_planes_bombarded_a_camp_made_an_air_strike() {
    let ev = ar("أعلن سلاح الجو النيجيري أن طائراته قصفت يوم الاثنين معسكرا لقطاع الطرق قرب بلدة تسافي، ما أسفر عن مقتل عشرات المسلحين.");
    let e = only(&ev);
    assert_eq!(e.sub_event_type, SubEventType::AirDroneStrike, "{e:#?}");
    assert_eq!(e.actor1, "Military Forces of Nigeria");
}

// --- remembered, not reported ---

#[test]
fn the_anniversary_of_a_massacre_reports_no_event() {
    let ev = ar("أحيا ذوو الضحايا اليوم في مدينة تكريت الذكرى السنوية العاشرة لمجزرة قاعدة سبايكر بحضور ممثلين عن الحكومة.");
    assert!(ev.iter().all(|e| e.is_period_total), "{ev:#?}");
    let ev = en("Hundreds gathered in Tikrit on Wednesday to mark the tenth anniversary of the massacre at Camp Speicher.");
    assert!(ev.iter().all(|e| e.is_period_total), "{ev:#?}");
}

#[test]
fn a_guard_killed_during_an_abduction_counts_one() {
    let ev = ar("اقتحم مسلحون يوم الاثنين مدرسة في بلدة مارو بولاية زامفارا وخطفوا عددا من الطلاب بعد أن قتلوا حارسا، بحسب الشرطة.");
    assert_eq!(only(&ev).fatalities, Some(1), "{ev:#?}");
}

// --- a speaker telling of its own act is its author ---

#[test]
fn an_army_saying_it_took_back_a_town_regains_it() {
    let ev = en("Sudan's army said it had taken back control of Wad Madani from the Rapid Support Forces on Monday, a year after the paramilitaries overran the city.");
    let e = only(&ev);
    assert_eq!(
        e.sub_event_type,
        SubEventType::GovernmentRegainsTerritory,
        "{e:#?}"
    );
    assert_eq!(e.actor1, "Military Forces of Sudan");
    let ev = fr("L'armée malienne a affirmé lundi qu'elle avait repris le contrôle de la ville de Léré, tombée aux mains des jihadistes en janvier.");
    let e = only(&ev);
    assert_eq!(
        e.sub_event_type,
        SubEventType::GovernmentRegainsTerritory,
        "{e:#?}"
    );
    assert_eq!(e.actor1, "Military Forces of Mali");
}

// --- a claim of the attack just told ---

#[test]
fn a_claim_naming_a_region_in_the_group_name_joins_the_attack_told() {
    let ev = fr("Quatre militaires camerounais ont trouvé la mort dans la nuit de dimanche à lundi lors de l'attaque d'un poste de l'armée à Fotokol, selon des sources sécuritaires. L'organisation État islamique a revendiqué l'attaque au nom de sa province d'Afrique de l'Ouest, affirmant avoir tué dix soldats.");
    let e = only(&ev);
    assert_eq!(e.location, "Fotokol", "{e:#?}");
    assert_eq!(
        e.claimed_by.as_deref(),
        Some("Islamic State West Africa Province")
    );
    let ev = en("Four Cameroonian soldiers were killed overnight from Sunday to Monday when gunmen attacked an army post in Fotokol, security sources said. The Islamic State group claimed the attack in the name of its West Africa province, saying it had killed ten soldiers.");
    let e = only(&ev);
    assert_eq!(e.location, "Fotokol", "{e:#?}");
}

// --- the force escorting a convoy is its target ---

#[test]
fn the_army_escorting_a_convoy_hit_by_a_mine_did_not_lay_it() {
    let ev = fr("Lundi, un camion d'un convoi de ravitaillement escorté par l'armée a sauté sur un engin explosif improvisé près de Kantchari, tuant deux soldats, selon une source sécuritaire.");
    let e = only(&ev);
    assert_eq!(
        e.sub_event_type,
        SubEventType::RemoteExplosiveLandmineIed,
        "{e:#?}"
    );
    assert_eq!(e.actor1, "Unidentified Armed Group (Burkina Faso)");
    let ev = en("A supply truck in a convoy escorted by the army struck a roadside bomb near Kantchari on Monday, killing two soldiers, a security source said.");
    let e = only(&ev);
    assert_eq!(
        e.actor1, "Unidentified Armed Group (Burkina Faso)",
        "{e:#?}"
    );
}

// --- link lists the reader let through ---

#[test]
fn headlines_listed_after_the_article_open_no_incidents() {
    let ev = fr("Mali : cinq soldats tués près de Ménaka\nPublié le 18 mars 2024\n\nDes hommes armés ont tué cinq soldats maliens lundi dans une embuscade contre une patrouille de l'armée près de Ménaka, selon une source sécuritaire.\n\nSur notre site\nBurkina : 15 civils tués dans une attaque à Djibo\nNiger : une frappe de drone tue 10 terroristes près de Tillabéri\nSomalie : un kamikaze fait 12 morts à Mogadiscio\n");
    assert_eq!(only(&ev).location, "Menaka", "{ev:#?}");
    let ev = ar("مقتل خمسة جنود في كمين قرب ميناكا\n18 مارس 2024\n\nقتل مسلحون خمسة جنود ماليين في كمين استهدف دورية للجيش قرب مدينة ميناكا يوم الاثنين، بحسب مصدر أمني.\n\nمن موقعنا\nانتحاري يقتل 12 في سوق بمقديشو\nمسيرة تقتل 20 مدنيا في الفاشر\nبوكو حرام تختطف 30 فتاة في بورنو\n");
    assert_eq!(only(&ev).location, "Menaka", "{ev:#?}");
}

// --- a force fighting back against the attackers just told ---

#[test]
fn troops_repelling_the_attackers_fight_the_same_battle() {
    let ev = ar("أعلن الجيش التشادي أن تسعة عسكريين قتلوا في هجوم شنه مقاتلو بوكو حرام ليل الأحد على موقع عسكري في نغوبوا. وأضاف المتحدث باسم الجيش أن القوات تصدت للمهاجمين وقتلت عشرين منهم، مشيرا إلى أن عملية تعقب انطلقت صباح الاثنين في منطقة البحيرة.");
    let e = only(&ev);
    assert_eq!(e.fatalities, Some(29), "{e:#?}");
    let ev = en("Nine Chadian soldiers were killed when Boko Haram fighters attacked an army post in Ngouboua on Sunday night, the army said. Troops repelled the attackers and killed 20 of them, a spokesman said, adding that a search operation began on Monday morning around the lake.");
    let e = only(&ev);
    assert_eq!(e.fatalities, Some(29), "{e:#?}");
}

// --- the attacker, not the force that responded; eleven is a count ---

#[test]
fn the_attacker_stays_actor1_when_a_detail_says_the_army_responded() {
    let ev = ar("هاجمت مجموعة مسلحة يوم الاثنين موقعا عسكريا في بلدة بوني وقتلت أربعة جنود. وأوضحت هيئة الأركان أن الوحدات ردت على المهاجمين وتمكنت من تحييد أحد عشر إرهابيا.");
    let e = only(&ev);
    assert_eq!(e.actor1, "Unidentified Armed Group (Mali)", "{e:#?}");
    assert_eq!(e.fatalities, Some(15));
    let ev = en("Gunmen attacked a military post in Boni in central Mali on Monday, killing four soldiers. The general staff said units on site responded and neutralised eleven terrorists.");
    let e = only(&ev);
    assert_eq!(e.actor1, "Unidentified Armed Group (Mali)", "{e:#?}");
}

#[test]
fn a_coalition_saying_it_intercepted_a_drone_is_the_interceptor() {
    let ev = ar("أعلن التحالف بقيادة السعودية يوم الاثنين أنه اعترض طائرة مسيرة أطلقها الحوثيون باتجاه مدينة خميس مشيط.");
    let e = only(&ev);
    assert_eq!(
        e.sub_event_type,
        SubEventType::DisruptedWeaponsUse,
        "{e:#?}"
    );
    assert_eq!(e.actor1, "Saudi-led Coalition");
    assert_eq!(e.actor2, "Houthi Movement");
}

// --- a country that carried out strikes; the owner of what was hit ---

#[test]
fn a_country_that_carried_out_strikes_on_a_militia_s_sites() {
    let ev = en("The United States carried out air strikes early on Monday on facilities used by the Iran-backed Kataib Hezbollah militia near Al Qaim in western Iraq, the Pentagon said.");
    let e = only(&ev);
    assert_eq!(e.actor1, "Military Forces of United States", "{e:#?}");
    assert_eq!(e.actor2, "Kataib Hezbollah");
    let ev = fr("La Turquie a mené lundi des frappes aériennes contre des positions appartenant au PKK près de Sinjar, dans le nord de l'Irak, selon Ankara.");
    let e = only(&ev);
    assert_eq!(e.actor1, "Military Forces of Turkey", "{e:#?}");
}

#[test]
fn two_soldiers_wounded_are_not_counted_dead() {
    let ev = ar("قال قائد عسكري إن قواته اشتبكت صباح الاثنين مع مقاتلين من حركة الشباب قرب مدينة أفجوي، مضيفا أن خمسة من المهاجمين قتلوا وأن جنديين أصيبا بجروح طفيفة.");
    let e = only(&ev);
    assert_eq!(e.fatalities, Some(5), "{e:#?}");
    assert_eq!(e.injured, Some(2));
}

// --- no claim of what was done to the group ---

#[test]
fn a_group_speaking_of_the_town_it_lost_claims_nothing() {
    let ev = ar("استعادت قوات الجيش الصومالي صباح الأحد السيطرة على مدينة هرارديري في إقليم مدغ بعد سنوات من سيطرة حركة الشباب عليها. وقالت حركة الشباب في بيان عبر إذاعة الأندلس إن مقاتليها انسحبوا من المدينة انسحابا تكتيكيا.");
    let e = only(&ev);
    assert_eq!(
        e.sub_event_type,
        SubEventType::GovernmentRegainsTerritory,
        "{e:#?}"
    );
    assert_eq!(e.claimed_by, None);
    let ev = en("Somali troops retook the town of Harardhere in Mudug region from al Shabaab on Sunday, the government said. Al Shabaab said on its Andalus radio that its fighters had withdrawn from the town.");
    let e = only(&ev);
    assert_eq!(e.claimed_by, None, "{e:#?}");
}

// --- the arrested said to belong to a group ---

#[test]
fn people_said_to_be_members_of_a_cell_are_of_that_group() {
    let ev = ar("نفذت قوات الحزام الأمني يوم الاثنين حملة مداهمات في مدينة زنجبار أسفرت عن القبض على ثلاثة أشخاص قالت إنهم عناصر في خلية تابعة لتنظيم القاعدة يشتبه في تورطهم بزرع العبوة.");
    let arrests: Vec<&Event> = ev
        .iter()
        .filter(|e| e.sub_event_type == SubEventType::Arrests)
        .collect();
    assert_eq!(arrests.len(), 1, "{ev:#?}");
    assert_eq!(arrests[0].actor2, "AQAP: Al Qaeda in the Arabian Peninsula");
    let ev = fr("Les forces de sécurité ont interpellé lundi à Ouallam cinq personnes présentées comme des membres d'une cellule de l'EIGS soupçonnée d'avoir posé la mine.");
    let arrests: Vec<&Event> = ev
        .iter()
        .filter(|e| e.sub_event_type == SubEventType::Arrests)
        .collect();
    assert_eq!(arrests.len(), 1, "{ev:#?}");
    assert_eq!(arrests[0].actor2, "Islamic State Sahel Province");
}

// --- more ways of claiming ---

#[test]
fn french_claims_without_the_word_revendiquer_before_the_group() {
    let base = "Des hommes armés ont attaqué lundi un poste militaire à Tessit, dans la région de Gao, tuant sept soldats. ";
    for claim in [
        "Le JNIM a dit être à l'origine de l'attaque dans un message diffusé sur ses canaux.",
        "Le JNIM s'est attribué l'attaque.",
        "Dans une revendication publiée mardi, le JNIM affirme avoir tué dix soldats.",
        "Dans un communiqué, la katiba Macina du JNIM dit avoir mené l'opération.",
    ] {
        let ev = fr(&format!("{base}{claim}"));
        let e = only(&ev);
        assert_eq!(
            e.claimed_by.as_deref(),
            Some("JNIM: Group for Support of Islam and Muslims"),
            "{claim}: {e:#?}"
        );
    }
}

#[test]
fn a_claim_by_a_group_named_after_its_agent_word() {
    let ev = fr("Des hommes armés ont attaqué lundi un poste militaire à Tessit, tuant sept soldats. L'attaque a été revendiquée mardi par la branche sahélienne de l'État islamique.");
    assert_eq!(
        only(&ev).claimed_by.as_deref(),
        Some("Islamic State Sahel Province"),
        "{ev:#?}"
    );
    let ev = en("Gunmen attacked a military post in Tessit in Mali on Monday, killing seven soldiers. The attack was claimed on Tuesday by the Sahel branch of the Islamic State group.");
    assert_eq!(
        only(&ev).claimed_by.as_deref(),
        Some("Islamic State Sahel Province"),
        "{ev:#?}"
    );
}

#[test]
fn a_local_chief_shot_dead_counts_one() {
    let ev =
        en("Unknown gunmen shot dead a local chief in the town of Gao on Monday, his family said.");
    assert_eq!(only(&ev).fatalities, Some(1), "{ev:#?}");
    let ev =
        en("Gunmen killed a tribal chief near Gao in northern Mali on Monday, residents said.");
    assert_eq!(only(&ev).fatalities, Some(1), "{ev:#?}");
}

// --- a vehicle whose dead were soldiers; an operation against a group ---

#[test]
fn a_mine_under_an_army_vehicle_targets_the_army() {
    let ev = fr("Un engin explosif a explosé lundi au passage d'un véhicule de l'armée près de Djibo, tuant trois soldats.");
    assert_eq!(
        only(&ev).actor2,
        "Military Forces of Burkina Faso",
        "{ev:#?}"
    );
    let ev = en("A roadside bomb struck an army truck near Djibo in Burkina Faso on Monday, killing three soldiers.");
    assert_eq!(
        only(&ev).actor2,
        "Military Forces of Burkina Faso",
        "{ev:#?}"
    );
}

#[test]
fn a_military_operation_against_a_named_group_is_a_battle() {
    let ev = ar("نفذ الجيش الصومالي يوم الاثنين عملية عسكرية ضد مسلحي حركة الشباب في إقليم شبيلي الوسطى أسفرت عن مقتل 20 مسلحا.");
    let e = only(&ev);
    assert_eq!(e.sub_event_type, SubEventType::ArmedClash, "{e:#?}");
    assert_eq!(e.actor2, "Al Shabaab");
    let ev = en("The Somali army conducted a military operation against al Shabaab in Middle Shabelle on Monday, killing 20 militants, officials said.");
    let e = only(&ev);
    assert_eq!(e.sub_event_type, SubEventType::ArmedClash, "{e:#?}");
}

#[test]
fn a_child_s_age_is_not_a_count_of_dead() {
    let ev = en("A boy of 9 was killed on Sunday when a shell fired from Houthi positions landed on a street in Taiz, local officials said.");
    assert_eq!(only(&ev).fatalities, Some(1), "{ev:#?}");
    let ev = en("A man of 40 was shot dead by gunmen in the town of Gao in northern Mali on Sunday, residents said.");
    assert_eq!(only(&ev).fatalities, Some(1), "{ev:#?}");
}

#[test]
fn police_forces_firing_on_a_crowd_are_the_police() {
    let ev = ar("قتل متظاهر يوم الاثنين عندما أطلقت قوات الشرطة الرصاص الحي لتفريق آلاف المحتجين في مدينة أم درمان.");
    assert_eq!(only(&ev).actor1, "Police Forces of Sudan", "{ev:#?}");
    let ev = ar(
        "أطلقت عناصر الشرطة الغاز المسيل للدموع يوم الاثنين لتفريق مسيرة للمعلمين في مدينة عطبرة.",
    );
    assert_eq!(only(&ev).actor2, "Police Forces of Sudan", "{ev:#?}");
}

#[test]
fn residents_who_speak_are_not_counted_dead() {
    let ev = en("A Sudanese army air strike on Saturday hit a residential quarter of Um Rawaba, killing eight people, residents said. Two of the residents said the dead were members of one family.");
    assert_eq!(only(&ev).fatalities, Some(8), "{ev:#?}");
    let ev = fr("Une frappe de drone a tué huit civils samedi dans un marché de Kidal. Deux habitants ont affirmé que les victimes étaient des commerçants.");
    assert_eq!(only(&ev).fatalities, Some(8), "{ev:#?}");
}

#[test]
fn an_earlier_toll_a_revision_replaces_is_not_counted() {
    let ev = en("Gunmen killed at least 27 people in a village in Bokkos in Plateau state on Sunday, a local official said, revising upward an earlier toll of 16.");
    assert_eq!(only(&ev).fatalities, Some(27), "{ev:#?}");
    let ev = ar("قتل مسلحون 27 شخصا على الأقل في قرية بمنطقة بوكوس بولاية بلاتو يوم الأحد، بحسب مسؤول محلي، بعد أن كانت الحصيلة السابقة 16 قتيلا.");
    assert_eq!(only(&ev).fatalities, Some(27), "{ev:#?}");
}

// --- killing and abduction in one raid ---

#[test]
fn a_raid_that_kills_several_then_takes_others_is_an_attack() {
    for ev in [
        en("Gunmen killed five villagers and abducted two women in a raid on Kadisau in Zamfara state, Nigeria, on Monday, police said."),
        ar("قتل مسلحون أربعة صيادين وخطفوا اثنين آخرين قرب مدينة جيبو في بوركينا فاسو يوم الاثنين."),
    ] {
        let e = only(&ev);
        assert_eq!(e.sub_event_type, SubEventType::Attack, "{e:#?}");
    }
}

#[test]
fn people_taken_with_one_guard_killed_is_an_abduction() {
    for ev in [
        en("Gunmen abducted 30 pupils from a boarding school in Zamfara state, Nigeria, on Monday night after killing a guard, police said."),
        fr("Des hommes armés ont enlevé quatre humanitaires et tué leur chauffeur lundi près de Gajiram, dans l'État de Borno, au Nigeria."),
    ] {
        let e = only(&ev);
        assert_eq!(
            e.sub_event_type,
            SubEventType::AbductionForcedDisappearance,
            "{e:#?}"
        );
    }
}

// --- an army's tally inside a quote ---

#[test]
fn an_army_quoting_its_own_tally_of_neutralised_fighters_tells_a_fight() {
    for ev in [
        ar("قال الجيش في بيان إن قواته «حيدت 40 إرهابيا» خلال عملية قرب جيبو في بوركينا فاسو يوم الاثنين."),
        ar("أعلن الجيش المالي أنه \"حيد 25 إرهابيا\" في عملية بمنطقة موبتي يوم الأحد."),
    ] {
        let e = only(&ev);
        assert_eq!(e.sub_event_type, SubEventType::ArmedClash, "{e:#?}");
        assert!(matches!(e.fatalities, Some(25 | 40)), "{e:#?}");
    }
}

// --- a French adjective is no one counted ---

#[test]
fn a_jihadist_insurgency_in_french_counts_no_single_fighter() {
    for ev in [
        fr("Au Mozambique, une insurrection jihadiste qui a fait plus de 4 500 morts depuis 2017 ravage le nord du pays."),
        fr("La violence jihadiste a fait plus de 4 500 morts au Burkina Faso depuis 2015."),
    ] {
        let totals: Vec<&Event> = ev.iter().filter(|e| e.is_period_total).collect();
        assert_eq!(totals.len(), 1, "{ev:#?}");
        assert_eq!(totals[0].fatalities, Some(4500), "{ev:#?}");
    }
    // A singular person with its determiner still counts.
    let ev = fr("Des hommes armés ont tué un soldat lundi près de Djibo, au Burkina Faso.");
    assert_eq!(only(&ev).fatalities, Some(1));
}

// --- French puts the day between the verb and its object ---

#[test]
fn a_day_between_took_and_control_still_tells_a_takeover() {
    for (text, sub) in [
        (
            "Les rebelles ont pris mardi le contrôle de la ville de Léré, dans la région de Tombouctou, au Mali.",
            SubEventType::NonStateActorOvertakesTerritory,
        ),
        (
            "L'armée malienne a repris dimanche le contrôle de la ville de Léré, dans la région de Tombouctou.",
            SubEventType::GovernmentRegainsTerritory,
        ),
    ] {
        let ev = fr(text);
        assert_eq!(only(&ev).sub_event_type, sub, "{text}\n{ev:#?}");
    }
}
