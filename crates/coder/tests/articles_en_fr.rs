//! End-to-end tests on short English and French news items written for
//! these tests (fictional incidents in real places, wire-style datelines).
//! Each test codes one article and checks what the guidelines fix: type,
//! actors, date (the event's, not the statement's or the dateline's),
//! fatalities, claims, period totals — and that non-events give nothing.

use chrono::NaiveDate;
use rasd_coder::Coder;
use rasd_model::{
    DatePrecision, Document, Event, EventType, FatalityGroup, FatalityQualifier, Inter, Language,
    SubEventType,
};

fn code(lang: Language, text: &str, published: (i32, u32, u32)) -> Vec<Event> {
    let doc = Document {
        id: "t".into(),
        url: None,
        title: None,
        published: NaiveDate::from_ymd_opt(published.0, published.1, published.2)
            .and_then(|d| d.and_hms_opt(9, 0, 0)),
        lang: Some(lang),
        text: text.into(),
        body: Vec::new(),
    };
    Coder::global().code(&doc)
}

fn en(text: &str, published: (i32, u32, u32)) -> Vec<Event> {
    code(Language::En, text, published)
}

fn fr(text: &str, published: (i32, u32, u32)) -> Vec<Event> {
    code(Language::Fr, text, published)
}

fn day(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d)
}

fn incidents(events: &[Event]) -> Vec<&Event> {
    events.iter().filter(|e| !e.is_period_total).collect()
}

fn totals(events: &[Event]) -> Vec<&Event> {
    events.iter().filter(|e| e.is_period_total).collect()
}

const JNIM: &str = "JNIM: Group for Support of Islam and Muslims";
const IS_SAHEL: &str = "Islamic State Sahel Province";
const MINUSMA: &str =
    "MINUSMA: United Nations Multidimensional Integrated Stabilization Mission in Mali";

// ---------------------------------------------------------------- English

#[test]
fn en_claimed_raid_on_a_base_with_conflicting_tolls() {
    let text = "GAO, March 3 (Reuters) - Gunmen on motorbikes attacked an army base in Ansongo in northern Mali on Sunday, killing nine soldiers, the army said on Tuesday. \
Troops fought back and killed 15 of the assailants, the army said in a statement. \
Jama'at Nusrat al-Islam wal-Muslimin claimed responsibility for the raid through its media arm, saying it had killed 30 soldiers.";
    let ev = en(text, (2024, 3, 5));
    assert_eq!(ev.len(), 1, "{ev:#?}");
    let e = &ev[0];
    assert_eq!(e.sub_event_type, SubEventType::ArmedClash);
    assert_eq!(e.actor1, JNIM);
    assert_eq!(e.claimed_by.as_deref(), Some(JNIM));
    assert_eq!(e.actor2, "Military Forces of Mali");
    // Sunday, not the statement's Tuesday nor the dateline's March 3
    assert_eq!(e.event_date, day(2024, 3, 3));
    assert_eq!(e.location, "Ansongo");
    // 9 soldiers (the group's 30 is a boast) + 15 attackers (the army's
    // claim, the only figure for them)
    assert_eq!(e.fatalities, Some(24));
    assert_eq!(e.fatalities_qualifier, FatalityQualifier::AtLeast);
    assert_eq!(
        e.fatalities_by_group.get(&FatalityGroup::Military),
        Some(&9)
    );
    assert_eq!(
        e.fatalities_by_group.get(&FatalityGroup::Fighters),
        Some(&15)
    );
}

#[test]
fn en_suspected_jihadists_stay_unidentified_and_passive_victims() {
    let text = "NIAMEY (AFP) - Eight Nigerien soldiers were killed late on Tuesday when suspected jihadists ambushed their patrol near Tillaberi in western Niger, the defence ministry said. \
Five other soldiers were wounded. No group has claimed responsibility for the ambush.";
    let ev = en(text, (2022, 11, 17));
    assert_eq!(ev.len(), 1, "{ev:#?}");
    let e = &ev[0];
    assert_eq!(e.sub_event_type, SubEventType::ArmedClash);
    assert_eq!(e.actor1, "Unidentified Armed Group (Niger)");
    assert_eq!(e.actor2, "Military Forces of Niger");
    assert_eq!(e.claimed_by, None);
    assert_eq!(e.event_date, day(2022, 11, 15));
    assert_eq!((e.fatalities, e.injured), (Some(8), Some(5)));
    assert_eq!(e.fatalities_qualifier, FatalityQualifier::Exact);
    assert_eq!(e.iso3, "NER");
}

#[test]
fn en_gunmen_killing_villagers_is_violence_against_civilians() {
    let text = "Unidentified gunmen killed 14 villagers on Saturday night in a village near Djibo in northern Burkina Faso, local sources said. \
Residents said the attackers also looted shops before leaving.";
    let ev = en(text, (2023, 2, 20));
    let inc = incidents(&ev);
    assert_eq!(inc.len(), 1, "{ev:#?}");
    let e = inc[0];
    assert_eq!(e.event_type, EventType::ViolenceAgainstCivilians);
    assert_eq!(e.sub_event_type, SubEventType::Attack);
    assert_eq!(e.actor1, "Unidentified Armed Group (Burkina Faso)");
    assert_eq!(e.actor2, "Civilians (Burkina Faso)");
    assert!(e.civilian_targeting);
    // Saturday night is dated Saturday
    assert_eq!(e.event_date, day(2023, 2, 18));
    assert_eq!(e.fatalities, Some(14));
    assert_eq!(
        e.fatalities_by_group.get(&FatalityGroup::Civilians),
        Some(&14)
    );
    assert!(
        e.source_attribution
            .as_deref()
            .is_some_and(|s| s.starts_with("local sources")),
        "{:?}",
        e.source_attribution
    );
}

#[test]
fn en_statement_day_is_not_the_event_day() {
    let text = "The Malian army said on Thursday that its soldiers had clashed with militants on Monday near Douentza in central Mali, killing six of them.";
    let ev = en(text, (2023, 8, 11));
    assert_eq!(ev.len(), 1, "{ev:#?}");
    let e = &ev[0];
    assert_eq!(e.sub_event_type, SubEventType::ArmedClash);
    assert_eq!(e.event_date, day(2023, 8, 7));
    assert_eq!(e.actor1, "Military Forces of Mali");
    assert_eq!(e.fatalities, Some(6));
}

#[test]
fn en_air_strike_by_a_foreign_force_named_by_its_command() {
    let text = "MOGADISHU, May 9 (Reuters) - U.S. Africa Command said it had carried out an air strike against al Shabaab militants near Baidoa on Wednesday, killing four of them. \
The command said no civilians were hurt.";
    let ev = en(text, (2021, 5, 9));
    assert_eq!(ev.len(), 1, "{ev:#?}");
    let e = &ev[0];
    assert_eq!(e.sub_event_type, SubEventType::AirDroneStrike);
    assert_eq!(e.actor1, "Military Forces of United States");
    assert_eq!(e.inter1, Inter::External);
    assert_eq!(e.actor2, "Al Shabaab");
    assert_eq!(e.event_date, day(2021, 5, 5));
    assert_eq!(e.fatalities, Some(4));
    assert_eq!(
        e.fatalities_by_group.get(&FatalityGroup::Fighters),
        Some(&4)
    );
}

#[test]
fn en_roadside_bomb_hits_peacekeepers() {
    let text = "Two peacekeepers were killed on Friday when their vehicle struck a roadside bomb near Kidal in northern Mali, the U.N. mission in Mali said.";
    let ev = en(text, (2019, 10, 7));
    assert_eq!(ev.len(), 1, "{ev:#?}");
    let e = &ev[0];
    assert_eq!(e.sub_event_type, SubEventType::RemoteExplosiveLandmineIed);
    assert_eq!(e.actor1, "Unidentified Armed Group (Mali)");
    assert_eq!(e.actor2, MINUSMA);
    assert_eq!(e.fatalities, Some(2));
    assert_eq!(e.event_date, day(2019, 10, 4));
}

#[test]
fn en_protests_peaceful_dispersed_and_riot() {
    let text = "Police fired tear gas on Monday to disperse hundreds of students protesting against fee increases in Maiduguri, witnesses said. \
In Kano, traders held a peaceful sit-in outside the governor's office on Monday.";
    let ev = en(text, (2022, 3, 1));
    assert_eq!(ev.len(), 2, "{ev:#?}");
    let dispersed = ev
        .iter()
        .find(|e| e.location == "Maiduguri")
        .expect("Maiduguri");
    assert_eq!(
        dispersed.sub_event_type,
        SubEventType::ProtestWithIntervention
    );
    assert_eq!(dispersed.actor1, "Protesters (Nigeria)");
    assert_eq!(dispersed.actor2, "Police Forces of Nigeria");
    let calm = ev.iter().find(|e| e.location == "Kano").expect("Kano");
    assert_eq!(calm.sub_event_type, SubEventType::PeacefulProtest);
    assert_eq!(calm.actor2, "");
    assert_eq!(calm.event_date, day(2022, 2, 28));
}

#[test]
fn en_live_fire_on_protesters_is_excessive_force() {
    let text = "Security forces fired live ammunition at protesters in Omdurman on Sunday, killing four protesters and wounding 20, medics said.";
    let ev = en(text, (2022, 6, 14));
    assert_eq!(ev.len(), 1, "{ev:#?}");
    let e = &ev[0];
    assert_eq!(
        e.sub_event_type,
        SubEventType::ExcessiveForceAgainstProtesters
    );
    assert_eq!(e.actor2, "Protesters (Sudan)");
    assert_eq!((e.fatalities, e.injured), (Some(4), Some(20)));
}

#[test]
fn en_abduction_claimed_and_arrests_of_named_members() {
    let text = "Islamic State West Africa Province fighters abducted six farmers near Monguno in Borno state on Wednesday, a local official said. \
The group claimed the abduction in a statement on Thursday.";
    let ev = en(text, (2020, 8, 1));
    assert_eq!(ev.len(), 1, "{ev:#?}");
    let e = &ev[0];
    assert_eq!(e.sub_event_type, SubEventType::AbductionForcedDisappearance);
    assert_eq!(e.actor1, "Islamic State West Africa Province");
    assert_eq!(e.actor2, "Civilians (Nigeria)");
    assert_eq!(
        (e.fatalities, e.fatalities_qualifier),
        (Some(0), FatalityQualifier::Exact)
    );
    assert_eq!(e.event_date, day(2020, 7, 29));

    let text = "Iraqi security forces arrested three suspected Islamic State members in Mosul on Sunday, the interior ministry said.";
    let ev = en(text, (2021, 4, 6));
    assert_eq!(ev.len(), 1, "{ev:#?}");
    assert_eq!(ev[0].sub_event_type, SubEventType::Arrests);
    assert_eq!(ev[0].actor1, "Police Forces of Iraq");
    assert_eq!(ev[0].actor2, "Islamic State (Iraq)");
}

#[test]
fn en_period_total_is_flagged() {
    let text = "Gunmen killed five herders near Mopti in central Mali on Friday, residents said. \
Since January, more than 500 civilians have been killed in central Mali, according to the United Nations.";
    let ev = en(text, (2023, 5, 15));
    assert_eq!(incidents(&ev).len(), 1, "{ev:#?}");
    let p = totals(&ev);
    assert_eq!(p.len(), 1, "{ev:#?}");
    assert_eq!(p[0].fatalities, Some(500));
    assert_eq!(p[0].fatalities_qualifier, FatalityQualifier::MoreThan);
    assert_eq!(p[0].event_date, day(2023, 1, 1));
    assert_eq!(p[0].date_precision, DatePrecision::Month);
}

#[test]
fn en_multi_year_conflict_total_starts_years_back() {
    let text = "Soldiers repelled an attack on a base near Diffa in Niger on Monday, killing seven militants, the army said. \
The 13-year insurgency has killed more than 35,000 people in the region, according to the United Nations.";
    let ev = en(text, (2022, 9, 8));
    let p = totals(&ev);
    assert_eq!(p.len(), 1, "{ev:#?}");
    assert_eq!(p[0].event_date, day(2009, 1, 1));
    assert_eq!(p[0].date_precision, DatePrecision::Year);
    // the cumulative toll is no part of the incident
    let inc = incidents(&ev);
    assert_eq!(inc.len(), 1, "{ev:#?}");
    assert_eq!(inc[0].fatalities, Some(7));
}

#[test]
fn en_negative_documents_give_nothing() {
    for text in [
        "Mali's government signed a new gold mining agreement with foreign investors on Monday, raising the state's stake to 30%, the mines ministry said.",
        "Regional leaders met in Abuja on Saturday to discuss sanctions on Niger and urged the military government to hold elections, but no agreement was reached.",
        "The jihadist group has threatened to attack convoys on the road to Timbuktu and warned drivers to stay away.",
    ] {
        let ev = en(text, (2024, 1, 10));
        assert!(ev.is_empty(), "{text}: {ev:#?}");
    }
}

#[test]
fn en_territory_retaken_and_separate_drone_strike() {
    let text = "Sudan's army said on Saturday it had recaptured the town of Bara in North Kordofan from the Rapid Support Forces, killing dozens of RSF fighters. \
Separately, an RSF drone struck a fuel depot in Kosti on Friday, a local official said. No casualties were reported.";
    let ev = en(text, (2025, 3, 2));
    assert_eq!(ev.len(), 2, "{ev:#?}");
    let town = &ev[0];
    assert_eq!(
        town.sub_event_type,
        SubEventType::GovernmentRegainsTerritory
    );
    assert_eq!(town.actor1, "Military Forces of Sudan");
    assert_eq!(town.actor2, "Rapid Support Forces");
    assert_eq!(
        (town.fatalities, town.fatalities_qualifier),
        (Some(12), FatalityQualifier::Approx)
    );
    let drone = &ev[1];
    assert_eq!(drone.sub_event_type, SubEventType::AirDroneStrike);
    assert_eq!(drone.actor1, "Rapid Support Forces");
    assert_eq!(drone.event_date, day(2025, 2, 28));
    assert_eq!(drone.fatalities, Some(0));
}

#[test]
fn en_roundup_paragraphs_keep_their_countries() {
    let text = "OUAGADOUGOU, Feb 4 (Reuters) - Suspected jihadists killed at least 12 people in an attack on a village in Burkina Faso's Centre-Nord region on Friday, security sources said. \n\
Somali forces backed by AMISOM retook the town of Bulo Burde from al Shabaab on Thursday after heavy fighting that killed 15 militants and three soldiers, a military commander said.\n\
Houthi rebels fired a ballistic missile at a market on Sunday, killing two children, the government said.";
    let ev = en(text, (2023, 2, 6));
    assert_eq!(ev.len(), 3, "{ev:#?}");
    assert_eq!(ev[0].iso3, "BFA");
    assert_eq!(ev[0].actor1, "Unidentified Armed Group (Burkina Faso)");
    assert_eq!(
        (ev[0].fatalities, ev[0].fatalities_qualifier),
        (Some(12), FatalityQualifier::AtLeast)
    );
    // the town is unknown to the gazetteer: the forces' country places it
    assert_eq!(ev[1].iso3, "SOM");
    assert_eq!(
        ev[1].sub_event_type,
        SubEventType::GovernmentRegainsTerritory
    );
    assert_eq!(ev[1].actor1, "Military Forces of Somalia");
    assert_eq!(ev[1].actor2, "Al Shabaab");
    assert_eq!(ev[1].fatalities, Some(18));
    // a group that fights in one country only
    assert_eq!(ev[2].iso3, "YEM");
    assert_eq!(ev[2].actor1, "Houthi Movement");
    assert_eq!(ev[2].actor2, "Civilians (Yemen)");
}

#[test]
fn en_riot_later_the_same_day_is_another_event_and_absorbs_its_arrests() {
    let text = "Police fired tear gas on Monday to disperse hundreds of protesters demanding lower fuel prices in Kano. \
Later in the day, angry youths set fire to a police station in the city. \
Police said 20 people had been arrested over the riot.";
    let ev = en(text, (2023, 7, 12));
    assert_eq!(ev.len(), 2, "{ev:#?}");
    assert_eq!(ev[0].sub_event_type, SubEventType::ProtestWithIntervention);
    assert_eq!(ev[1].sub_event_type, SubEventType::ViolentDemonstration);
    assert_eq!(ev[1].actor1, "Rioters (Nigeria)");
    assert_eq!(ev[1].event_date, day(2023, 7, 10));
    assert!(ev.iter().all(|e| e.sub_event_type != SubEventType::Arrests));
}

#[test]
fn en_summary_of_a_series_gives_each_strike_once() {
    let text = "The Nigerian Air Force said on Thursday it had carried out three air strikes against Boko Haram fighters in Borno state this week, killing 11 of them. \
The first strike, on Monday near Bama, killed six fighters, the air force said. \
A second strike on Tuesday near Gwoza killed five more. A third on Wednesday hit an empty camp.";
    let ev = en(text, (2022, 5, 12));
    let strikes: Vec<&Event> = ev
        .iter()
        .filter(|e| e.sub_event_type == SubEventType::AirDroneStrike)
        .collect();
    assert_eq!(strikes.len(), 2, "{ev:#?}");
    assert_eq!(strikes[0].location, "Bama");
    assert_eq!(strikes[0].event_date, day(2022, 5, 9));
    assert_eq!(strikes[0].fatalities, Some(6));
    assert_eq!(strikes[0].actor1, "Military Forces of Nigeria");
    assert_eq!(
        strikes[0].actor2,
        "Boko Haram - Jamaatu Ahli is-Sunnah lid-Dawati wal-Jihad"
    );
    assert_eq!(strikes[1].location, "Gwoza");
    assert_eq!(strikes[1].fatalities, Some(5));
    assert_eq!(strikes[1].actor1, "Military Forces of Nigeria");
}

// ----------------------------------------------------------------- French

#[test]
fn fr_attaque_revendiquee_par_l_eigs() {
    let text = "BAMAKO (AFP) - Onze soldats maliens ont été tués et six blessés samedi dans une attaque contre un camp de l'armée à Ansongo, dans la région de Gao, a annoncé lundi l'armée malienne, qui affirme avoir « neutralisé une dizaine de terroristes ». \
L'attaque a été revendiquée dimanche par l'État islamique au Grand Sahara (EIGS), via son agence de propagande Amaq.";
    let ev = fr(text, (2022, 7, 4));
    assert_eq!(ev.len(), 1, "{ev:#?}");
    let e = &ev[0];
    assert_eq!(e.sub_event_type, SubEventType::ArmedClash);
    assert_eq!(e.actor1, IS_SAHEL);
    assert_eq!(e.claimed_by.as_deref(), Some(IS_SAHEL));
    assert_eq!(e.actor2, "Military Forces of Mali");
    // samedi, not the claim's sunday nor the statement's monday
    assert_eq!(e.event_date, day(2022, 7, 2));
    assert_eq!(e.location, "Ansongo");
    // 11 soldiers + "une dizaine" (the army's only figure for the attackers)
    assert_eq!(e.fatalities, Some(21));
    assert_eq!(
        e.fatalities_by_group.get(&FatalityGroup::Military),
        Some(&11)
    );
    assert_eq!(e.injured, Some(6));
}

#[test]
fn fr_civils_tues_par_des_hommes_armes() {
    let text = "NIAMEY (AFP) - Quatorze civils ont été tués jeudi par des hommes armés près de Ouallam, dans la région de Tillabéri, a-t-on appris de sources locales. \
Les assaillants, arrivés à moto, ont également incendié des greniers.";
    let ev = fr(text, (2021, 3, 20));
    assert_eq!(ev.len(), 1, "{ev:#?}");
    let e = &ev[0];
    assert_eq!(e.sub_event_type, SubEventType::Attack);
    assert_eq!(e.actor1, "Unidentified Armed Group (Niger)");
    assert_eq!(e.actor2, "Civilians (Niger)");
    assert_eq!(e.event_date, day(2021, 3, 18));
    assert_eq!(e.fatalities, Some(14));
    assert_eq!(e.source_attribution.as_deref(), Some("local sources"));
}

#[test]
fn fr_engin_explosif_contre_la_minusma_et_la_veille() {
    let text = "BAMAKO (AFP) - Trois Casques bleus ont été tués et quatre blessés mercredi lorsque leur véhicule a sauté sur un engin explosif près de Tessalit, dans la région de Kidal, a annoncé la Minusma. \
La veille, des manifestants avaient marché dans le calme à Gao pour réclamer le départ de la mission.";
    let ev = fr(text, (2021, 9, 10));
    assert_eq!(ev.len(), 2, "{ev:#?}");
    let ied = &ev[0];
    assert_eq!(ied.sub_event_type, SubEventType::RemoteExplosiveLandmineIed);
    assert_eq!(ied.actor1, "Unidentified Armed Group (Mali)");
    assert_eq!(ied.actor2, MINUSMA);
    assert_eq!((ied.fatalities, ied.injured), (Some(3), Some(4)));
    assert_eq!(
        ied.fatalities_by_group.get(&FatalityGroup::Peacekeepers),
        Some(&3)
    );
    assert_eq!(ied.event_date, day(2021, 9, 8));
    let march = &ev[1];
    assert_eq!(march.sub_event_type, SubEventType::PeacefulProtest);
    assert_eq!(march.actor1, "Protesters (Mali)");
    // "la veille": the day before the incident told first
    assert_eq!(march.event_date, day(2021, 9, 7));
}

#[test]
fn fr_nuit_de_samedi_a_dimanche_et_kamikaze() {
    let text = "YAOUNDÉ (AFP) - Cinq civils ont été tués dans la nuit de samedi à dimanche lorsqu'un kamikaze s'est fait exploser dans un marché de Kolofata, dans l'Extrême-Nord du Cameroun, selon des sources sécuritaires qui attribuent l'attaque au groupe Boko Haram. \
Le kamikaze a également péri.";
    let ev = fr(text, (2019, 4, 9));
    assert_eq!(ev.len(), 1, "{ev:#?}");
    let e = &ev[0];
    assert_eq!(e.sub_event_type, SubEventType::SuicideBomb);
    assert_eq!(
        e.actor1,
        "Boko Haram - Jamaatu Ahli is-Sunnah lid-Dawati wal-Jihad"
    );
    assert_eq!(e.actor2, "Civilians (Cameroon)");
    assert_eq!(e.claimed_by, None);
    // the night began on Saturday
    assert_eq!(e.event_date, day(2019, 4, 6));
    assert_eq!(e.fatalities, Some(6));
}

#[test]
fn fr_manifestation_dispersee_et_arrestations() {
    let text = "Au moins trois manifestants ont été tués mardi à N'Djamena lorsque la police a tiré à balles réelles pour disperser une marche de l'opposition, selon un bilan officiel. \
Lundi, huit militants de l'opposition avaient été interpellés à leur domicile par la police, selon leurs avocats.";
    let ev = fr(text, (2022, 10, 21));
    assert_eq!(ev.len(), 2, "{ev:#?}");
    let shot = &ev[0];
    assert_eq!(
        shot.sub_event_type,
        SubEventType::ExcessiveForceAgainstProtesters
    );
    assert_eq!(shot.actor1, "Police Forces of Chad");
    assert_eq!(
        (shot.fatalities, shot.fatalities_qualifier),
        (Some(3), FatalityQualifier::AtLeast)
    );
    let arrest = &ev[1];
    assert_eq!(arrest.sub_event_type, SubEventType::Arrests);
    assert_eq!(arrest.actor1, "Police Forces of Chad");
    assert_eq!(arrest.event_date, day(2022, 10, 17));
}

#[test]
fn fr_remise_d_une_base_et_frappe_de_drone() {
    let text = "BAMAKO (AFP) - La force Barkhane a remis mardi sa base de Ménaka aux Forces armées maliennes (FAMa), a indiqué l'état-major français. \
Samedi, une frappe de drone de Barkhane a « neutralisé » trois jihadistes près d'Inékar, selon la même source.";
    let ev = fr(text, (2022, 6, 15));
    assert_eq!(ev.len(), 2, "{ev:#?}");
    let handover = &ev[0];
    assert_eq!(
        handover.sub_event_type,
        SubEventType::NonViolentTransferOfTerritory
    );
    assert_eq!(handover.actor1, "Military Forces of France");
    assert_eq!(handover.actor2, "Military Forces of Mali");
    assert_eq!(handover.event_date, day(2022, 6, 14));
    let strike = &ev[1];
    assert_eq!(strike.sub_event_type, SubEventType::AirDroneStrike);
    assert_eq!(strike.actor1, "Military Forces of France");
    assert_eq!(strike.fatalities, Some(3));
}

#[test]
fn fr_bilan_global_puis_villages_un_par_un() {
    let text = "NIAMEY (AFP) - Vingt-deux civils ont été tués samedi par des hommes armés dans deux villages de la région de Tillabéri, a annoncé le gouvernement. \
Dans le premier, près de Ouallam, les assaillants ont abattu 15 personnes. \
Quelques heures plus tard, sept villageois ont été tués près de Banibangou.";
    let ev = fr(text, (2021, 5, 3));
    assert_eq!(ev.len(), 2, "{ev:#?}");
    assert_eq!(ev[0].location, "Ouallam");
    // the total over both villages gives way to the village's own count
    assert_eq!(ev[0].fatalities, Some(15));
    assert_eq!(ev[1].location, "Banibangou");
    assert_eq!(ev[1].fatalities, Some(7));
    assert_eq!(ev[1].event_date, day(2021, 5, 1));
    assert_eq!(ev[1].actor1, "Unidentified Armed Group (Niger)");
}

#[test]
fn fr_bilan_depuis_janvier_et_documents_sans_evenement() {
    let text = "Depuis janvier, plus de 400 civils ont été tués dans des violences liées aux groupes jihadistes au Burkina Faso, selon des ONG.";
    let ev = fr(text, (2023, 6, 30));
    let p = totals(&ev);
    assert_eq!(p.len(), 1, "{ev:#?}");
    assert_eq!(p[0].fatalities, Some(400));
    assert_eq!(p[0].event_date, day(2023, 1, 1));
    assert!(incidents(&ev).is_empty(), "{ev:#?}");

    for text in [
        "Le gouvernement malien a adopté mercredi un nouveau code minier qui relève la part de l'État dans les projets aurifères.",
        "Les discussions entre la junte et les partenaires régionaux se sont achevées dimanche à Niamey sans accord, a indiqué un diplomate.",
    ] {
        let ev = fr(text, (2023, 8, 10));
        assert!(ev.is_empty(), "{text}: {ev:#?}");
    }
}

#[test]
fn every_language_module_compiles_cleanly() {
    for data in [
        rasd_coder::lang::data_for(Some(Language::En)),
        rasd_coder::lang::data_for(Some(Language::Fr)),
        rasd_coder::lang::data_for(Some(Language::Ar)),
    ] {
        assert!(data.errors.is_empty(), "{:#?}", data.errors);
    }
    assert!(
        rasd_coder::lang::data_for(Some(Language::En))
            .grammar
            .modifier_first
    );
    assert!(
        !rasd_coder::lang::data_for(Some(Language::Fr))
            .grammar
            .modifier_first
    );
    assert!(
        rasd_coder::lang::data_for(Some(Language::Fr))
            .grammar
            .subject_first
    );
    assert!(!rasd_coder::lang::data_for(None).grammar.subject_first);
}

#[test]
fn datelines_are_found_and_hostile_input_does_not_panic() {
    let text = "OUAGADOUGOU, 12 sept 2023 (AFP) - Texte.\nKANO, Nigeria (AFP) – More text.\nNo dateline - here.";
    let d = rasd_coder::doc::datelines(text, &[rasd_model::Span::new(0, text.len())]);
    assert_eq!(d.len(), 2, "{d:?}");
    assert!(text[d[0].start..d[0].end].starts_with("OUAGADOUGOU"));
    assert!(text[d[1].start..d[1].end].starts_with("KANO"));
    for text in [
        "",
        "the",
        "killed",
        "((( - )))",
        "l'",
        "N'Djamena -",
        "1 2 3 4 5 6 7 8 9 soldiers killed",
    ] {
        let _ = en(text, (2022, 1, 1));
        let _ = fr(text, (2022, 1, 1));
    }
    let long = "Gunmen attacked a village. ".repeat(2000);
    let _ = en(&long, (2022, 1, 1));
}
