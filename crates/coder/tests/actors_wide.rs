//! The widened actor dictionary on short reports of its own: for every
//! region, groups and state forces the dictionary did not know before are
//! named in an Arabic and an English or French report, as actor1 or
//! actor2, under their ACLED names; short or ambiguous aliases stay silent
//! in a report about another country. (Fictional incidents in real places.)

use rasd_model::Event;

mod common;
use common::*;

/// Whether some incident has `name` as actor1 or actor2.
fn names(ev: &[Event], name: &str) -> bool {
    ev.iter()
        .filter(|e| !e.is_period_total)
        .any(|e| e.actor1 == name || e.actor2 == name)
}

fn assert_names(ev: &[Event], name: &str) {
    assert!(names(ev, name), "{name} missing in {ev:#?}");
}

fn assert_pair(ev: &[Event], actor1: &str, actor2: &str) {
    let e = only(ev);
    assert_eq!(
        (e.actor1.as_str(), e.actor2.as_str()),
        (actor1, actor2),
        "{e:#?}"
    );
}

// --- Libya ---

#[test]
fn libya_radaa_and_the_444_brigade_in_arabic() {
    let ev = ar("اندلعت اشتباكات عنيفة يوم الاثنين في حي سوق الجمعة بطرابلس بين قوة الردع واللواء 444 قتال، ما أسفر عن مقتل ثلاثة مسلحين.");
    assert_pair(
        &ev,
        "Radaa: Special Deterrence Force",
        "444th Combat Brigade",
    );
}

#[test]
fn libya_stability_support_apparatus_in_english() {
    let ev = en("Fighters of the Stability Support Apparatus clashed with the 444th Brigade in southern Tripoli on Monday, leaving four dead, residents said.");
    assert_pair(
        &ev,
        "SSA: Stability Support Apparatus",
        "444th Combat Brigade",
    );
}

#[test]
fn libya_radaa_in_french() {
    let ev = fr("Des combats ont opposé lundi à Tripoli la Force spéciale de dissuasion (Radaa) à la brigade 444, faisant trois morts.");
    assert_pair(
        &ev,
        "Radaa: Special Deterrence Force",
        "444th Combat Brigade",
    );
}

// --- Syria ---

#[test]
fn syria_druze_and_bedouin_fighters_in_arabic() {
    let ev = ar("اندلعت اشتباكات يوم الثلاثاء بين مسلحين دروز ومسلحين من عشائر البدو في ريف السويداء الغربي، ما أسفر عن مقتل سبعة أشخاص.");
    assert_pair(
        &ev,
        "Druze Ethnic Militia (Syria)",
        "Bedouin Ethnic Militia (Syria)",
    );
}

#[test]
fn syria_general_security_in_arabic() {
    let ev = ar(
        "قتل خمسة عناصر من الأمن العام السوري يوم الأحد في هجوم شنه مسلحون على حاجز قرب مدينة جبلة.",
    );
    assert_names(&ev, "Police Forces of Syria");
}

#[test]
fn syria_hurras_al_din_in_english() {
    let ev = en("Hurras al-Din fighters attacked a Hayat Tahrir al-Sham checkpoint near Sarmada in Idlib province on Monday, killing two guards.");
    assert_pair(&ev, "Hurras al-Din", "Hayat Tahrir al-Sham");
}

#[test]
fn syria_an_sna_faction_in_french() {
    let ev = fr("Des combattants de la division Hamza ont affronté lundi les Forces démocratiques syriennes près de Manbij, faisant six morts.");
    assert_pair(&ev, "Hamza Division", "SDF: Syrian Democratic Forces");
}

// --- Iraq ---

#[test]
fn iraq_two_shia_militias_in_arabic() {
    let ev = ar("اشتبك مسلحون من عصائب أهل الحق يوم الاثنين مع عناصر من سرايا السلام في مدينة البصرة، ما أسفر عن مقتل ثلاثة منهم.");
    assert_pair(&ev, "Asaib Ahl al-Haq", "Saraya al-Salam");
}

#[test]
fn iraq_counter_terrorism_service_is_the_iraqi_military() {
    let ev = ar("نفذت قوات جهاز مكافحة الإرهاب يوم الأربعاء عملية في وادي حوران بمحافظة الأنبار قتلت خلالها أربعة من عناصر داعش.");
    assert_pair(&ev, "Military Forces of Iraq", "Islamic State (Iraq)");
}

#[test]
fn iraq_kataib_sayyid_al_shuhada_in_english() {
    let ev = en("Kataib Sayyid al-Shuhada fighters fired rockets at a Turkish base near Bashiqa on Tuesday, causing no casualties.");
    assert_eq!(only(&ev).actor1, "Kataib Sayyid al-Shuhada");
}

// --- Palestine, Lebanon ---

#[test]
fn palestine_settlers_in_arabic() {
    let ev = ar("قتل شاب فلسطيني برصاص المستوطنين يوم الجمعة في بلدة سنجل شمال رام الله.");
    assert_eq!(only(&ev).actor1, "Settlers (Israel)");
}

#[test]
fn palestine_jenin_brigade_in_arabic() {
    let ev = ar(
        "اشتبكت كتيبة جنين يوم الاثنين مع قوات الاحتلال في مخيم جنين، ما أسفر عن مقتل مقاتلين اثنين.",
    );
    assert_pair(&ev, "Jenin Brigade", "Military Forces of Israel");
}

#[test]
fn palestine_al_aqsa_martyrs_brigades_in_english() {
    let ev = en("The Al-Aqsa Martyrs' Brigades said its fighters fired at Israeli troops near Tulkarm on Monday.");
    assert_eq!(only(&ev).actor1, "Al Aqsa Martyrs Brigade");
}

// --- Yemen ---

#[test]
fn yemen_giants_brigades_in_arabic() {
    let ev = ar("اندلعت اشتباكات يوم الأحد بين قوات العمالقة والحوثيين في مديرية حيس جنوب الحديدة، ما أسفر عن مقتل ستة مقاتلين.");
    assert_pair(&ev, "Giants Brigades", "Houthi Movement");
}

#[test]
fn yemen_hadrami_elite_forces_in_arabic() {
    let ev = ar("اشتبكت قوات النخبة الحضرمية يوم الاثنين مع عناصر تنظيم القاعدة في وادي المسيني بحضرموت، ما أسفر عن مقتل اثنين من المسلحين.");
    assert_pair(
        &ev,
        "Hadrami Elite Forces",
        "AQAP: Al Qaeda in the Arabian Peninsula",
    );
}

#[test]
fn yemen_giants_brigades_in_english() {
    let ev = en("Houthi fighters attacked positions of the Giants Brigades near Harib in Marib governorate on Monday, killing five of their fighters.");
    assert_pair(&ev, "Houthi Movement", "Giants Brigades");
}

// --- Egypt ---

#[test]
fn egypt_sinai_tribes_union_in_arabic() {
    let ev = ar("اشتبك مسلحون من اتحاد قبائل سيناء يوم الثلاثاء مع عناصر من ولاية سيناء قرب مدينة الشيخ زويد، ما أدى إلى مقتل ثلاثة منهم.");
    assert_pair(&ev, "Union of Sinai Tribes", "Islamic State Sinai Province");
}

#[test]
fn egypt_sinai_tribes_union_in_english() {
    let ev = en("Fighters of the Union of Sinai Tribes clashed with Islamic State militants near Rafah in North Sinai on Tuesday, leaving three dead.");
    assert_pair(&ev, "Union of Sinai Tribes", "Islamic State Sinai Province");
}

// --- Afghanistan, Pakistan ---

#[test]
fn afghanistan_taliban_and_iskp_in_english() {
    let ev = en("Islamic State Khorasan Province fighters attacked a Taliban checkpoint in Jalalabad, Nangarhar province, on Monday, killing three Taliban fighters.");
    assert_pair(
        &ev,
        "Islamic State Khorasan Province",
        "Military Forces of Afghanistan",
    );
}

#[test]
fn afghanistan_islamic_state_is_the_khorasan_province() {
    let ev = ar("هاجم مسلحون من تنظيم داعش يوم الاثنين نقطة تفتيش لحركة طالبان في مدينة جلال آباد شرقي أفغانستان، ما أسفر عن مقتل ثلاثة من عناصر الحركة.");
    assert_names(&ev, "Islamic State Khorasan Province");
}

#[test]
fn pakistan_ttp_in_arabic() {
    let ev = ar("اشتبك مسلحون من حركة طالبان باكستان يوم الثلاثاء مع قوات الأمن الباكستانية في منطقة شمال وزيرستان، ما أسفر عن مقتل ثلاثة جنود.");
    assert_eq!(only(&ev).actor1, "TTP: Tehreek-e-Taliban Pakistan");
}

#[test]
fn pakistan_bla_in_english() {
    let ev = en("Balochistan Liberation Army militants attacked a Frontier Corps post near Turbat in Balochistan on Tuesday, killing four soldiers.");
    assert_pair(
        &ev,
        "BLA: Balochistan Liberation Army",
        "Military Forces of Pakistan",
    );
}

#[test]
fn pakistani_taliban_are_not_the_afghan_state() {
    let ev = en("Pakistani Taliban fighters stormed a police station in Bannu in Khyber Pakhtunkhwa on Monday, killing two policemen.");
    assert_eq!(only(&ev).actor1, "TTP: Tehreek-e-Taliban Pakistan");
}

// --- Nigeria, Cameroon ---

#[test]
fn nigeria_lakurawa_in_arabic() {
    let ev = ar("هاجم مسلحون من جماعة لاكوراوا يوم الأحد قرية في ولاية سوكوتو شمال غربي نيجيريا، ما أسفر عن مقتل خمسة مدنيين.");
    assert_pair(&ev, "Lakurawa", "Civilians (Nigeria)");
}

#[test]
fn nigeria_ipob_esn_in_english() {
    let ev = en("Suspected IPOB/ESN gunmen attacked a police checkpoint in Orlu, Imo State, on Monday, killing two officers.");
    assert_eq!(only(&ev).actor1, "IPOB: Indigenous People of Biafra");
}

#[test]
fn nigeria_vigilantes_in_english() {
    let ev = en("Vigilantes clashed with bandits near Tsafe in Zamfara State on Tuesday, leaving eight bandits dead.");
    assert_names(&ev, "Vigilante Militia (Nigeria)");
}

#[test]
fn nigeria_amotekun_in_english() {
    let ev = en("Amotekun operatives clashed with armed herders near Ogbomoso in Oyo State on Monday, killing two of them.");
    assert_eq!(only(&ev).actor1, "Amotekun Corps");
}

#[test]
fn cameroon_ambazonian_fighters_in_english() {
    let ev = en("Ambazonian fighters attacked a military checkpoint in Bamenda in Cameroon's Northwest region on Monday, killing two soldiers.");
    assert_pair(&ev, "Ambazonian Separatists", "Military Forces of Cameroon");
}

// --- Central African Republic, Chad ---

#[test]
fn car_3r_and_minusca_in_french() {
    let ev = fr("Des rebelles des 3R ont attaqué lundi une patrouille de la MINUSCA près de Bocaranga, dans le nord-ouest de la Centrafrique, tuant un casque bleu.");
    assert_pair(
        &ev,
        "3R: Return, Reclamation, Rehabilitation",
        "MINUSCA: United Nations Multidimensional Integrated Stabilization Mission in the Central African Republic",
    );
}

#[test]
fn car_cpc_in_arabic() {
    let ev = ar("هاجم مسلحون من تحالف الوطنيين من أجل التغيير يوم الاثنين موقعا للجيش قرب مدينة بامباري في أفريقيا الوسطى، ما أسفر عن مقتل جنديين.");
    assert_eq!(only(&ev).actor1, "CPC: Coalition of Patriots for Change");
}

#[test]
fn chad_fact_in_french_and_arabic() {
    let ev = fr("Des rebelles du FACT ont affronté l'armée tchadienne lundi près de Zouarké, dans le Tibesti, faisant cinq morts.");
    assert_pair(
        &ev,
        "Front for Change and Concord in Chad",
        "Military Forces of Chad",
    );
    let ev = ar("اشتبك مسلحون من جبهة الوفاق من أجل التغيير في تشاد يوم الاثنين مع الجيش التشادي قرب مدينة زوار في إقليم تيبستي، ما أسفر عن مقتل خمسة.");
    assert_eq!(only(&ev).actor1, "Front for Change and Concord in Chad");
}

// --- Ethiopia ---

#[test]
fn ethiopia_ola_in_arabic() {
    let ev = ar("اشتبك جيش تحرير أورومو يوم الاثنين مع قوات الدفاع الوطني الإثيوبية قرب مدينة نكمتي في إقليم أوروميا، ما أسفر عن مقتل ستة مقاتلين.");
    assert_pair(
        &ev,
        "OLA: Oromo Liberation Army",
        "Military Forces of Ethiopia",
    );
}

#[test]
fn ethiopia_tigray_defense_forces_in_english() {
    let ev = en("Tigray Defense Forces fighters clashed with Ethiopian federal troops near Alamata in Tigray on Monday, leaving ten dead.");
    assert_eq!(only(&ev).actor1, "TPLF: Tigray People's Liberation Front");
}

// --- Sudan, South Sudan ---

#[test]
fn sudan_minnawi_in_arabic() {
    let ev = ar("اشتبكت قوات حركة تحرير السودان جناح مناوي يوم الأحد مع قوات الدعم السريع قرب مدينة الفاشر، ما أسفر عن مقتل ثمانية مقاتلين.");
    assert_pair(
        &ev,
        "SLM/A-MM: Sudan Liberation Movement/Army-Minni Minawi",
        "Rapid Support Forces",
    );
}

#[test]
fn sudan_splm_n_al_hilu_in_arabic() {
    let ev = ar("هاجمت الحركة الشعبية شمال جناح الحلو يوم الاثنين مواقع للقوات المسلحة السودانية قرب مدينة كادوقلي، ما أسفر عن مقتل أربعة جنود.");
    assert_pair(
        &ev,
        "SPLM-N: Sudan People's Liberation Movement-North (Al-Hilu Faction)",
        "Military Forces of Sudan",
    );
}

#[test]
fn sudan_abdel_wahid_in_english() {
    let ev = en("Fighters of the Sudan Liberation Army-Abdel Wahid clashed with the Rapid Support Forces near Tawila in North Darfur on Monday, leaving five dead.");
    assert_pair(
        &ev,
        "SLM/A-AW: Sudan Liberation Movement/Army-Abdul Wahid",
        "Rapid Support Forces",
    );
}

#[test]
fn south_sudan_spla_io_and_sspdf_in_arabic_and_english() {
    let io = "SPLM/A-IO: Sudan People's Liberation Movement/Army-In Opposition";
    let ev = ar("اشتبكت قوات الجيش الشعبي في المعارضة يوم الثلاثاء مع قوات دفاع شعب جنوب السودان قرب مدينة الناصر، ما أسفر عن مقتل سبعة جنود.");
    assert_pair(&ev, io, "Military Forces of South Sudan");
    let ev = en("SPLA-IO fighters clashed with the SSPDF near Nasir in Upper Nile on Tuesday, leaving seven soldiers dead.");
    assert_pair(&ev, io, "Military Forces of South Sudan");
}

// --- Somalia ---

#[test]
fn somalia_jubaland_forces_in_arabic() {
    let ev = ar("اشتبكت قوات جوبالاند يوم الاثنين مع الجيش الصومالي قرب مدينة دولو في إقليم جدو، ما أسفر عن مقتل أربعة جنود.");
    assert_pair(
        &ev,
        "Jubaland Security Forces",
        "Military Forces of Somalia",
    );
}

#[test]
fn somalia_clan_militias_in_english() {
    let ev = en("Habar Gidir clan militia clashed with Marehan clan militia near Galkayo on Monday, leaving six dead.");
    assert_pair(
        &ev,
        "Habar Gidir Clan Militia (Somalia)",
        "Marehan Clan Militia (Somalia)",
    );
}

#[test]
fn somalia_puntland_and_aswj_in_english() {
    let ev = en("Puntland forces clashed with Islamic State fighters in the Cal Miskaad mountains near Bosaso on Monday, killing five militants.");
    assert_eq!(only(&ev).actor1, "Puntland Security Forces");
    let ev = en("Ahlu Sunna Wal Jamaa fighters clashed with Al-Shabaab near Guriel in Galmudug on Tuesday, leaving four dead.");
    assert_pair(&ev, "ASWJ: Ahlu Sunna Wal Jamaa", "Al Shabaab");
}

// --- Sahel, Benin, Togo ---

#[test]
fn mali_dozo_hunters_in_french_and_arabic() {
    let ev = fr("Des chasseurs dozos ont attaqué lundi un campement peul près de Djenné, dans le centre du Mali, tuant sept civils.");
    assert_pair(&ev, "Dozo Communal Militia (Mali)", "Civilians (Mali)");
    let ev = ar("هاجم صيادو الدوزو يوم الاثنين قرية للرعاة قرب مدينة جيني وسط مالي، ما أسفر عن مقتل سبعة مدنيين.");
    assert_pair(&ev, "Dozo Communal Militia (Mali)", "Civilians (Mali)");
}

#[test]
fn burkina_koglweogo_in_french() {
    let ev = fr("Des Koglweogo ont tué lundi trois personnes soupçonnées de vol dans un village près de Kaya, au Burkina Faso.");
    assert_eq!(only(&ev).actor1, "Koglweogo Militia");
}

#[test]
fn benin_and_togo_forces_in_french() {
    let ev = fr("Des soldats de l'opération Mirador ont repoussé lundi une attaque du JNIM contre leur poste de Banikoara, dans le nord du Bénin, tuant trois assaillants.");
    assert_names(&ev, "Military Forces of Benin");
    let ev = fr("Les Forces armées togolaises ont repoussé une attaque jihadiste lundi à Kpendjal, dans la région des Savanes, tuant quatre assaillants.");
    assert_names(&ev, "Military Forces of Togo");
}

// --- short aliases stay in their country ---

#[test]
fn deterrence_forces_in_syria_are_not_the_libyan_radaa() {
    let ev = ar("شنت قوات الردع هجوما يوم الاثنين على مواقع قرب مدينة حلب شمال سوريا، ما أسفر عن مقتل أربعة مقاتلين.");
    assert!(!names(&ev, "Radaa: Special Deterrence Force"), "{ev:#?}");
}

#[test]
fn settlers_in_nigeria_are_not_israeli_settlers() {
    let ev = en("Gunmen attacked settlers in a village near Bokkos in Plateau State on Monday, killing nine people.");
    assert!(!names(&ev, "Settlers (Israel)"), "{ev:#?}");
    assert_eq!(only(&ev).iso3, "NGA");
}

#[test]
fn aswj_in_mozambique_is_the_islamic_state_province() {
    let ev = en("ASWJ insurgents attacked the village of Mucojo in Cabo Delgado, Mozambique, on Monday, killing four civilians.");
    assert_eq!(only(&ev).actor1, "Islamic State Mozambique Province");
}

#[test]
fn rapid_intervention_battalions_in_burkina_are_not_cameroonian() {
    let ev = fr("Les Bataillons d'intervention rapide ont repoussé lundi une attaque contre leur base de Djibo, au Burkina Faso, tuant dix assaillants.");
    assert_eq!(only(&ev).actor1, "Military Forces of Burkina Faso");
}

// --- a second round: new Syrian and Afghan groups, a Nigerien front ---

#[test]
fn syria_coastal_shield_brigade_in_arabic() {
    let ev = ar("اشتبك مسلحون من لواء درع الساحل يوم الخميس مع قوات الأمن العام في ريف جبلة، ما أسفر عن مقتل أربعة عناصر.");
    assert_eq!(only(&ev).actor1, "Coastal Shield Brigade");
}

#[test]
fn afghanistan_national_resistance_front_in_english() {
    let ev = en("National Resistance Front fighters attacked a Taliban post in the Panjshir valley of Afghanistan on Monday, killing two guards.");
    assert_pair(
        &ev,
        "NRF: National Resistance Front",
        "Military Forces of Afghanistan",
    );
}

#[test]
fn a_liberation_front_in_niger_is_the_nigerien_fpl_not_the_syrian_coalition() {
    let ev = ar("هاجم مسلحون من الجبهة الوطنية للتحرير يوم الاثنين موقعا للجيش قرب مدينة أغاديس شمال النيجر، ما أسفر عن مقتل ثلاثة جنود.");
    assert_eq!(only(&ev).actor1, "FPL: Patriotic Liberation Front");
    assert!(!names(&ev, "National Front for Liberation"), "{ev:#?}");
}
