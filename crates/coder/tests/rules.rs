//! One short composed text per coding rule: each test fails when its rule
//! is removed. (Fictional incidents in real places, written for the tests.)

use chrono::NaiveDate;
use rasd_coder::Coder;
use rasd_model::{Document, Event, FatalityGroup, Language, SubEventType};

fn code(text: &str) -> Vec<Event> {
    let doc = Document {
        id: "rule".into(),
        url: None,
        title: None,
        published: NaiveDate::from_ymd_opt(2024, 3, 20).and_then(|d| d.and_hms_opt(8, 0, 0)),
        lang: Some(Language::Ar),
        text: text.into(),
        body: Vec::new(),
    };
    Coder::global().code(&doc)
}

fn day(m: u32, d: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(2024, m, d)
}

#[test]
fn that_day_and_this_town_point_at_what_was_told_before() {
    let ev = code(
        "نزح مئات السكان من مدينة جيبو في 9 مارس. في ذلك اليوم، اندلعت في هذه المدينة الواقعة على بعد 200 كم شمال كايا اشتباكات عنيفة بين الجيش البوركيني ومسلحين.",
    );
    assert_eq!(ev.len(), 1, "{ev:#?}");
    assert_eq!(ev[0].location, "Djibo");
    assert_eq!(ev[0].event_date, day(3, 9));
}

#[test]
fn a_place_in_a_locative_clause_only_describes_the_town_before_it() {
    let ev = code(
        "هاجم مسلحون أمس موقعا للجيش في ميناكا الواقعة على بعد 300 كم شرق جاو، ما أسفر عن مقتل ثلاثة جنود.",
    );
    assert_eq!(ev.len(), 1, "{ev:#?}");
    assert_eq!(ev[0].location, "Menaka");
}

#[test]
fn this_attack_is_the_latest_incident_not_an_older_one() {
    let ev = code(
        "انفجرت عبوة ناسفة بدورية للجيش قرب دوينتزا في 2 مارس دون وقوع إصابات. \
وبعد أسبوع، هاجم مسلحون موقعا عسكريا في موبتي في 9 مارس. وقتل أربعة جنود في هذا الهجوم.",
    );
    let ied = ev
        .iter()
        .find(|e| e.sub_event_type == SubEventType::RemoteExplosiveLandmineIed)
        .expect("IED");
    let raid = ev
        .iter()
        .find(|e| e.location == "Mopti")
        .expect("raid in Mopti");
    assert_eq!(ied.fatalities, Some(0));
    assert_eq!(raid.fatalities, Some(4));
}

#[test]
fn a_mention_with_no_day_or_place_of_its_own_is_not_an_incident() {
    // Told first, with nothing before it to lend a day or a place.
    let ev = code(
        "يتحدث الفارون عن المجازر التي ارتكبها المسلحون في القرى. ويخشى السكان عودة العنف مع اقتراب موسم الأمطار.",
    );
    assert!(ev.is_empty(), "{ev:#?}");
}

#[test]
fn a_later_unanchored_mention_far_from_the_incident_does_not_join_it() {
    let ev = code(
        "قتل خمسة مدنيين في هجوم شنه مسلحون على قرية قرب جيبو في 4 مارس. \
ويعاني السكان من نقص الغذاء. وتغلق الأسواق أبوابها مبكرا. وتراجعت حركة الشاحنات على الطريق. وارتفعت أسعار الوقود. \
ويرى محللون أن هجمات المسلحين على الجيش البوركيني ستزداد.",
    );
    assert_eq!(ev.len(), 1, "{ev:#?}");
    assert_eq!(ev[0].sub_event_type, SubEventType::Attack);
    assert_eq!(ev[0].actor2, "Civilians (Burkina Faso)");
}

#[test]
fn counts_joined_by_and_share_their_verb() {
    let ev = code(
        "قتل ما لا يقل عن 4 جنود من الجيش المالي و12 من مقاتلي جماعة نصرة الإسلام والمسلمين وثلاثة من عناصر حركة إنقاذ أزواد في اشتباكات قرب موبتي أمس.",
    );
    assert_eq!(ev.len(), 1, "{ev:#?}");
    // the third count stands far from the verb but is joined to the second
    assert_eq!(ev[0].fatalities, Some(19));
    assert_eq!(
        ev[0].fatalities_by_group.get(&FatalityGroup::Fighters),
        Some(&15)
    );
}

#[test]
fn a_month_name_is_not_a_place() {
    let ev = code("وفي يونيو الماضي، قتل مسلحون سبعة مزارعين في قرية قرب موبتي.");
    assert_eq!(ev.len(), 1, "{ev:#?}");
    assert_eq!(ev[0].location, "Mopti");
    assert_ne!(ev[0].location, "June");
}

#[test]
fn a_country_named_in_the_sentence_overrides_the_place_told_before() {
    let ev = code(
        "قتل جنديان في كمين قرب ميناكا في 5 مارس. وفي 8 مارس، أعلن تنظيم الدولة مسؤوليته عن هجمات في شمال توغو.",
    );
    let togo = ev.iter().find(|e| e.iso3 == "TGO").expect("Togo");
    assert_eq!(togo.location, "");
    assert_eq!(togo.event_date, day(3, 8));
}

#[test]
fn the_named_target_decides_the_type_not_the_victims() {
    // an assault on a camp that also killed civilians stays a battle
    let ev =
        code("هاجم مسلحون معسكرا للجيش في دوينتزا أمس، ما أسفر عن مقتل ستة جنود ومدنيين اثنين.");
    assert_eq!(ev.len(), 1, "{ev:#?}");
    assert_eq!(ev[0].sub_event_type, SubEventType::ArmedClash);
    // without a named target, civilian victims make it an attack on civilians
    let ev = code("قتل مسلحون أمس ثمانية مدنيين في هجوم في دوينتزا.");
    assert_eq!(ev[0].sub_event_type, SubEventType::Attack);
}

#[test]
fn a_claimed_killing_told_as_a_verbal_noun_is_an_incident() {
    let ev = code(
        "وفي منشورها الأسبوعي، أعلنت جماعة نصرة الإسلام والمسلمين مسؤوليتها عن قتل أربعة من عناصر فاغنر قرب أنسونغو في 11 مارس.",
    );
    assert_eq!(ev.len(), 1, "{ev:#?}");
    assert_eq!(ev[0].actor2, "Wagner Group");
    assert_eq!(
        ev[0].fatalities_by_group.get(&FatalityGroup::Mercenaries),
        Some(&4)
    );
    // a passive "was killed" with no perpetrator is no incident by itself
    let ev = code("قُتل أربعة أشخاص، وفق حصيلة نشرتها وزارة الصحة أمس.");
    assert!(ev.is_empty(), "{ev:#?}");
}

#[test]
fn on_one_side_on_the_other_gives_the_two_parties_and_their_allies() {
    let ev = code(
        "اندلعت معارك في قرب ميناكا أمس. من جهة، مقاتلو جماعة نصرة الإسلام والمسلمين، ومن جهة أخرى ولاية الساحل المدعومة من حركة إنقاذ أزواد.",
    );
    assert_eq!(ev.len(), 1, "{ev:#?}");
    assert_eq!(ev[0].actor1, "JNIM: Group for Support of Islam and Muslims");
    assert_eq!(ev[0].actor2, "Islamic State Sahel Province");
    assert_eq!(
        ev[0].assoc_actor_2,
        "MSA: Movement for the Salvation of Azawad"
    );
}

#[test]
fn the_current_offensive_is_a_campaign_not_an_incident() {
    let ev = code("ويقول خبراء إن هجوم الجماعة المتواصل يهدد مدينة موبتي منذ أشهر.");
    assert!(ev.is_empty(), "{ev:#?}");
}

#[test]
fn a_base_closed_by_a_force_named_between_verb_and_base() {
    let ev = code("أغلقت قوة برخان الفرنسية قاعدتها في ميناكا يوم 13 مارس.");
    assert_eq!(ev.len(), 1, "{ev:#?}");
    assert_eq!(
        ev[0].sub_event_type,
        SubEventType::NonViolentTransferOfTerritory
    );
    assert_eq!(ev[0].actor1, "Military Forces of France");
    // closing roads is not a handover
    assert!(code("أغلقت السلطات الطرق المؤدية إلى ميناكا يوم 13 مارس.").is_empty());
}

#[test]
fn the_accuser_is_not_the_accused() {
    let ev = code(
        "قتل ثلاثة من مقاتلي حركة الشباب أمس في غارة جوية قرب جوهر، واتهمت حركة الشباب القوات الأمريكية بتنفيذ الغارة.",
    );
    assert_eq!(ev.len(), 1, "{ev:#?}");
    assert_eq!(ev[0].actor1, "Military Forces of United States");
    assert_eq!(ev[0].actor2, "Al Shabaab");
    assert_eq!(ev[0].claimed_by, None);
}

#[test]
fn the_owner_of_a_shelled_position_is_the_target() {
    let ev = code("قصفت المدفعية التركية مواقع لـ«قسد» قرب منبج أمس دون وقوع إصابات.");
    assert_eq!(ev.len(), 1, "{ev:#?}");
    assert_eq!(ev[0].actor1, "Military Forces of Turkey");
    assert_eq!(ev[0].actor2, "SDF: Syrian Democratic Forces");
}

#[test]
fn a_fight_with_no_attacker_keeps_the_order_of_naming() {
    let ev = code(
        "قتل عدد من مقاتلي جماعة نصرة الإسلام والمسلمين وولاية الساحل أمس في اشتباكات بين الطرفين قرب ميناكا.",
    );
    assert_eq!(ev.len(), 1, "{ev:#?}");
    assert_eq!(ev[0].actor1, "JNIM: Group for Support of Islam and Muslims");
    assert_eq!(ev[0].actor2, "Islamic State Sahel Province");
}

#[test]
fn the_victims_of_a_bomb_are_not_its_perpetrator() {
    let ev = code(
        "أصيب أربعة من عناصر الحشد الشعبي بانفجار عبوة ناسفة استهدفت عربتهم قرب المقدادية أمس، بحسب مصدر في الحشد.",
    );
    assert_eq!(ev.len(), 1, "{ev:#?}");
    assert_eq!(ev[0].actor1, "Unidentified Armed Group (Iraq)");
    assert_eq!(ev[0].actor2, "Popular Mobilization Forces");
}

#[test]
fn two_unnamed_groups_are_both_parties() {
    let ev =
        code("قتل أربعة أشخاص في اشتباكات بين مجموعتين مسلحتين في مدينة الزاوية غرب ليبيا أمس.");
    assert_eq!(ev.len(), 1, "{ev:#?}");
    assert_eq!(ev[0].actor1, "Unidentified Armed Group (Libya)");
    assert_eq!(ev[0].actor2, "Unidentified Armed Group (Libya)");
}

#[test]
fn a_feminine_ending_is_not_a_possessive() {
    // "الانتحارية" ends in ة, not in the pronoun ه: it does not stand for
    // the militia named just before it.
    let ev = code(
        "قتل ستة مدنيين في تفجير نفذته انتحارية في سوق بمدينة مايدوغوري أمس. وقال عنصر في قوة المهام المشتركة المدنية إن الانتحارية فجرت حزامها قرب مدخل السوق.",
    );
    assert_eq!(ev.len(), 1, "{ev:#?}");
    assert_ne!(ev[0].actor1, "CJTF: Civilian Joint Task Force");
}

#[test]
fn the_terrorist_group_is_the_group_named_before() {
    let ev = code(
        "تبنى تنظيم الدولة الإسلامية في الصحراء الكبرى هجوما على موقع للجيش قرب ميناكا في 2 مارس. \
وفي منشوره الأسبوعي، هنأ التنظيم الإرهابي نفسه على قتل خمسة من عناصر فاغنر قرب أنسونغو في 6 مارس.",
    );
    let w = ev
        .iter()
        .find(|e| e.actor2 == "Wagner Group")
        .unwrap_or_else(|| panic!("{ev:#?}"));
    assert_eq!(w.actor1, "Islamic State Sahel Province");
    assert_eq!(w.location, "Ansongo");
    // with no group named before, the same words are an unnamed group
    let ev = code("هاجمت الجماعة الإرهابية موقعا للجيش قرب ميناكا أمس.");
    assert_eq!(ev[0].actor1, "Unidentified Armed Group (Mali)");
}

#[test]
fn arson_by_a_crowd_is_the_crowd_s_riot() {
    let ev = code(
        "أضرم محتجون غاضبون النار في مبنى البلدية ونهبوا محتوياته في مدينة البصرة جنوبي العراق أمس، احتجاجا على نقص المياه.",
    );
    assert_eq!(ev.len(), 1, "{ev:#?}");
    assert_eq!(ev[0].sub_event_type, SubEventType::ViolentDemonstration);
    assert_eq!(ev[0].actor1, "Rioters (Iraq)");
}

#[test]
fn the_terms_of_an_agreement_are_not_events() {
    let ev = code(
        "أعلن وجهاء مدينة الزاوية غرب ليبيا أمس توصل الطرفين إلى اتفاق لوقف إطلاق النار يقضي بتسليم المواقع العسكرية إلى وحدات محايدة.",
    );
    assert!(
        ev.iter()
            .all(|e| e.sub_event_type != SubEventType::NonViolentTransferOfTerritory),
        "{ev:#?}"
    );
}

#[test]
fn a_word_read_as_a_place_abroad_loses_to_the_place_at_home() {
    // "لجان" (committees) can be read as a town abroad; the text is about
    // Sudan, so the Sudanese town is the scene.
    let ev = code(
        "قتل متظاهر بالرصاص الحي أمس في مدينة أم درمان خلال مواكب دعت إليها لجان المقاومة في السودان.",
    );
    assert_eq!(ev.len(), 1, "{ev:#?}");
    assert_eq!(ev[0].iso3, "SDN");
    assert_eq!(ev[0].location, "Omdurman");
}

#[test]
fn a_long_article_joins_a_late_mention_to_its_early_incident() {
    let mut text = String::from("هاجم مسلحون موقعا للجيش المالي في موبتي في 2 مارس.\n");
    for i in 0..50 {
        text.push_str(&format!(
            "وقال الوزير إن الحكومة خصصت {} مليون فرنك لإصلاح الطرق في الإقليم رقم {}.\n",
            10 + i,
            i + 1
        ));
    }
    text.push_str("وكان هجوم موبتي في 2 مارس قد أسفر عن مقتل ستة جنود، وفق مصدر أمني.\n");
    let ev = code(&text);
    assert_eq!(ev.len(), 1, "{ev:#?}");
    assert_eq!(ev[0].location, "Mopti");
    assert_eq!(ev[0].fatalities, Some(6));
}
