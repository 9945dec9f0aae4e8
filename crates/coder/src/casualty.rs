//! Casualty figures: who counted how many dead and wounded, of which group.
//!
//! A *figure* is a number (or a singular/dual noun: "a child", "two
//! protesters") governed by a death, injury or "neutralised" word, with the
//! victim group its noun names. Each figure also records whether it is a
//! party's claim about its enemy's losses (an army's "terrorists
//! neutralised", a group's boast of soldiers killed): ACLED uses those only
//! when no other figure exists for that group.
//!
//! [`tally`] turns the figures of one incident into the event's fatalities
//! by the guideline: the lowest credible figure per group, groups added,
//! `at_least` when any credible account gives more.

use rasd_model::{FatalityGroup, FatalityQualifier, Inter, Span};

use crate::doc::{Doc, DocData};
use crate::lang::{Cue, Side};
use crate::numbers::NumberQualifier;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Killed,
    Injured,
}

/// The victim group a figure's noun names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Victims {
    Group(FatalityGroup),
    /// "members" with no organization named: the event's target side.
    Members,
}

#[derive(Debug, Clone)]
pub struct Figure {
    pub value: u32,
    pub qualifier: NumberQualifier,
    pub vague: bool,
    pub kind: Kind,
    pub victims: Victims,
    /// A party's claim about its enemy's losses.
    pub enemy_claim: bool,
    /// Part of the figure before it ("nine killed, among them three police").
    pub subset: bool,
    /// A revised toll ("the toll rose to 19"): it replaces the counts
    /// given before it rather than competing with them.
    pub update: bool,
    pub span: Span,
    pub w: usize,
    /// Word of the death or injury word that governs the figure: figures
    /// under one word add up ("an officer and three soldiers killed");
    /// figures under different words are competing accounts.
    pub cue: usize,
}

/// Which side a speaker or a victim group is on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Camp {
    State,
    NonState,
    Neutral,
}

pub fn group_of_inter(inter: Inter, canonical: &str) -> FatalityGroup {
    match inter {
        Inter::StateForces => FatalityGroup::Military,
        Inter::External => {
            let c = canonical.to_ascii_lowercase();
            if c.contains("mission")
                || c.contains("minusma")
                || c.contains("amisom")
                || c.contains("atmis")
            {
                FatalityGroup::Peacekeepers
            } else if c.contains("wagner") {
                FatalityGroup::Mercenaries
            } else {
                FatalityGroup::Military
            }
        }
        Inter::Civilians => FatalityGroup::Civilians,
        Inter::Protesters | Inter::Rioters => FatalityGroup::Protesters,
        _ => FatalityGroup::Fighters,
    }
}

fn group_of_side(side: Side) -> Option<Victims> {
    Some(Victims::Group(match side.as_people() {
        Side::Military => FatalityGroup::Military,
        Side::Police => FatalityGroup::Police,
        Side::Civilians => FatalityGroup::Civilians,
        Side::Fighters | Side::Clan => FatalityGroup::Fighters,
        Side::Protesters | Side::Rioters => FatalityGroup::Protesters,
        Side::People => FatalityGroup::Unknown,
        Side::Members => return Some(Victims::Members),
        Side::Anaphor => FatalityGroup::Fighters,
        Side::Authorities => return None,
        _ => return None,
    }))
}

fn camp_of_group(g: FatalityGroup) -> Camp {
    match g {
        FatalityGroup::Military
        | FatalityGroup::Police
        | FatalityGroup::Peacekeepers
        | FatalityGroup::Mercenaries => Camp::State,
        FatalityGroup::Fighters => Camp::NonState,
        _ => Camp::Neutral,
    }
}

/// The victim noun after a number at word `w` (skipping "من"), with the
/// organization that follows a "members" noun.
fn noun_after(doc: &Doc, w: usize, sent_w0: usize) -> Option<(Victims, usize)> {
    let skip_min = |i: usize| {
        if i < doc.words.len() && doc.stem(i) == "من" {
            i + 1
        } else if let Some(c) = doc.cue_at(i, Cue::Of) {
            // "ten of the attackers", "seven of its soldiers"
            let mut j = c.at.w1;
            while let Some(d) = doc
                .cue_at(j, Cue::Definite)
                .or_else(|| doc.cue_at(j, Cue::Possessive))
            {
                j = d.at.w1;
            }
            j
        } else {
            i
        }
    };
    let mut at = skip_min(w);
    // "five other soldiers", "cinq autres soldats"
    if doc.grammar.subject_first {
        if let Some(c) = doc.cue_at(at, Cue::Article) {
            at = c.at.w1;
        }
    }
    // "twelve Nigerien soldiers": the demonym before the noun.
    if doc.grammar.modifier_first {
        if let Some(c) = doc
            .countries
            .iter()
            .find(|c| c.at.w0 == at && c.m.form == crate::geo::CountryForm::Demonym)
        {
            at = c.at.w1;
        }
    }
    // The group after "members of" / "fighters of", and where its name ends.
    let resolve_members = |after: usize, fallback: Victims| -> (Victims, usize) {
        // The organization must follow in the same clause ("… of the
        // attackers, the army said" names no organization).
        if after >= doc.words.len() || after == 0 || !doc.same_clause(after - 1, after) {
            return (fallback, after);
        }
        let j = skip_min(after);
        if let Some(a) = doc.actors.iter().find(|a| a.at.w0 == j || a.at.w0 == after) {
            let (name, inter) = doc.dict.name_in(a.actor, "", "");
            return (Victims::Group(group_of_inter(inter, &name)), a.at.w1);
        }
        if let Some(s) = doc
            .sides
            .iter()
            .find(|s| (s.at.w0 == j || s.at.w0 == after) && s.def.side != Side::Members)
        {
            if let Some(v) = group_of_side(s.def.side) {
                return (v, s.at.w1);
            }
        }
        (fallback, after)
    };
    if let Some(s) = doc
        .sides
        .iter()
        .find(|s| s.at.w0 == at && s.def.side.names_people())
    {
        let v = group_of_side(s.def.side)?;
        // "ثلاثة عشر قتيلا في صفوف قواته": the ranks they fell in name
        // the group of dead the noun leaves uncharacterised.
        let e = s.at.w1;
        if v == Victims::Group(FatalityGroup::Unknown)
            && e + 1 < doc.words.len()
            && doc.same_clause(s.at.w0, e + 1)
        {
            let from = if matches!(doc.stem(e), "في" | "بين" | "من") && doc.stem(e + 1) == "صفوف"
            {
                Some(e + 2)
            } else if doc.stem(e) == "من" {
                // "تسعة عشر قتيلا من المدنيين": dead of the group named
                Some(e)
            } else {
                None
            };
            if let Some(from) = from {
                let (g, end) = resolve_members(from, v);
                if g != v {
                    return Some((g, end));
                }
            }
        }
        // "المهاجمون تكبدوا عشرات القتلى", "the attackers suffered dozens
        // of dead": the dead are of the side that suffered them.
        if v == Victims::Group(FatalityGroup::Unknown) {
            if let Some(g) = sufferer(doc, w, sent_w0) {
                return Some((g, s.at.w1));
            }
        }
        return Some(match v {
            // "fighters of X", "members of X": the organization decides.
            Victims::Members | Victims::Group(FatalityGroup::Fighters) => {
                resolve_members(s.at.w1, v)
            }
            other => (other, s.at.w1),
        });
    }
    if let Some(a) = doc.actors.iter().find(|a| a.at.w0 == at) {
        let (name, inter) = doc.dict.name_in(a.actor, "", "");
        return Some((Victims::Group(group_of_inter(inter, &name)), a.at.w1));
    }
    // "منهم" = of them: the last people noun before.
    let of_them = doc.cue_at(w, Cue::OfThem).map(|c| c.at.w1);
    if let Some(end) = of_them.or_else(|| {
        (at < doc.words.len() && matches!(doc.stem(at), "منهم" | "منها" | "منهن")).then_some(at + 1)
    }) {
        let prev = doc
            .sides
            .iter()
            .filter(|s| s.at.w1 <= w && s.at.w0 >= sent_w0 && s.def.side.names_people())
            .max_by_key(|s| s.at.w0)?;
        return Some((group_of_side(prev.def.side)?, end));
    }
    None
}

/// "…, all of them civilians" right after a count's noun ending at word
/// `end` (sentence ending at `sent_w1`): the group the apposition names.
fn all_of_them(doc: &Doc, end: usize, sent_w1: usize) -> Option<Victims> {
    let all = (end..(end + 3).min(sent_w1)).find(|&i| {
        matches!(
            doc.key(i),
            "جميعهم" | "كلهم" | "جميعهن" | "all" | "tous" | "toutes"
        ) || matches!(doc.stem(i), "جميعهم" | "كلهم")
    })?;
    doc.sides
        .iter()
        .filter(|x| x.at.w0 > all && x.at.w0 <= all + 3 && x.at.w1 <= sent_w1)
        .filter(|x| x.def.side.names_people() && x.def.side != Side::People)
        .filter(|x| doc.same_clause(all, x.at.w0))
        .find_map(|x| group_of_side(x.def.side))
}

/// The group of the side that "suffered" the count at word `w`: named
/// between the verb and the count (verb first: "تكبد المهاجمون عشرات
/// القتلى") or right before the verb ("the attackers suffered").
fn sufferer(doc: &Doc, w: usize, sent_w0: usize) -> Option<Victims> {
    let c = doc.cue_before(w, 4, Cue::Suffered)?;
    // The nearest people named in words `x0..x1`, last first.
    let people = |x0: usize, x1: usize| -> Option<Victims> {
        let actor = doc
            .actors
            .iter()
            .filter(|a| a.at.w0 >= x0 && a.at.w1 <= x1)
            .map(|a| {
                let (name, inter) = doc.dict.name_in(a.actor, "", "");
                (a.at.w1, Victims::Group(group_of_inter(inter, &name)))
            })
            .max_by_key(|x| x.0);
        let side = doc
            .sides
            .iter()
            .filter(|s| s.at.w0 >= x0 && s.at.w1 <= x1 && s.def.side.names_people())
            .filter(|s| s.def.side != Side::People)
            .filter_map(|s| group_of_side(s.def.side).map(|v| (s.at.w1, v)))
            .max_by_key(|x| x.0);
        match (actor, side) {
            (Some(a), Some(s)) => Some(if a.0 >= s.0 { a.1 } else { s.1 }),
            (a, s) => a.or(s).map(|x| x.1),
        }
    };
    let between = people(c.at.w1, w);
    // The subject before the verb, possibly with a relative clause between
    // ("المهاجمين، الذين يرجح أنهم …، تكبدوا").
    let before = || people(c.at.w0.saturating_sub(12).max(sent_w0), c.at.w0);
    between
        .or_else(before)
        .filter(|v| *v != Victims::Group(FatalityGroup::Unknown))
}

/// The camp of a sentence's speaker: a named party or a force speaking
/// ("the army said"), neutral for witnesses, sources and media.
fn speaker_camp(doc: &Doc, w0: usize, w1: usize) -> Camp {
    for c in doc.cues_in(w0, w1).filter(|c| c.cue == Cue::Speech) {
        // The speaker follows the verb (Arabic, French inversion) or, in
        // subject-first languages, may come right before it ("the army said").
        let near = |x0: usize| {
            (x0 >= c.at.w1 && x0 <= c.at.w1 + 2)
                || (doc.grammar.subject_first && x0 < c.at.w0 && c.at.w0 - x0 <= 3)
        };
        if doc.sources.iter().any(|s| near(s.at.w0)) {
            return Camp::Neutral;
        }
        if let Some(a) = doc.actors.iter().find(|a| near(a.at.w0)) {
            let inter = doc.dict.inter_in(a.actor, "");
            return match inter {
                Inter::StateForces | Inter::External => Camp::State,
                Inter::RebelGroup | Inter::PoliticalMilitia | Inter::IdentityMilitia => {
                    Camp::NonState
                }
                _ => Camp::Neutral,
            };
        }
        if let Some(s) = doc.sides.iter().find(|s| near(s.at.w0)) {
            return match s.def.side {
                Side::Military | Side::Police | Side::Authorities | Side::MilitaryTarget => {
                    Camp::State
                }
                Side::Fighters => Camp::NonState,
                _ => Camp::Neutral,
            };
        }
    }
    Camp::Neutral
}

/// Every casualty figure of the document's body.
/// An abduction or arrest word stands in words `a..b`: people counted
/// after it were taken, not killed.
fn taken_between(doc: &Doc, a: usize, b: usize) -> bool {
    doc.triggers.iter().any(|t| {
        t.at.w0 >= a
            && t.at.w1 <= b
            && matches!(
                t.def.class,
                crate::lang::TriggerClass::Abduction | crate::lang::TriggerClass::Arrest
            )
    })
}

pub fn figures(data: &DocData) -> Vec<Figure> {
    let mut out: Vec<Figure> = Vec::new();
    for (si, s) in data.sents.iter().enumerate() {
        let doc = &data.around(si, si);
        let mut items: Vec<(usize, usize, u32, NumberQualifier, bool, Span)> = Vec::new();
        for q in doc
            .qtys
            .iter()
            .filter(|q| q.at.w0 >= s.w0 && q.at.w1 <= s.w1)
        {
            let value = u32::try_from(q.q.value).unwrap_or(u32::MAX);
            // "أحد سكان" (one of the residents) names a witness, not a
            // count, unless a death word comes right before it.
            // ("أحد عشر", eleven, is a count.)
            if matches!(doc.stem(q.at.w0), "احد" | "احدي")
                && value == 1
                && !doc.cues.iter().any(|c| {
                    matches!(c.cue, Cue::Death | Cue::Injury)
                        && c.at.w1 <= q.at.w0
                        && q.at.w0 - c.at.w1 <= 1
                })
            {
                continue;
            }
            // "a boy of 9", "un garçon de 12": a singular person's age.
            if !q.q.vague
                && value < 120
                && doc.cue_before(q.at.w0, 1, Cue::Of).is_some_and(|of| {
                    doc.sides
                        .iter()
                        .any(|x| x.at.w1 == of.at.w0 && x.def.count == Some(1))
                })
            {
                continue;
            }
            // "revising upward an earlier toll of 16": the figure replaced.
            if doc.cue_before(q.at.w0, 2, Cue::Superseded).is_some() {
                continue;
            }
            // "thousands", "tens of thousands": vague totals are never
            // recorded (nor counted against an incident's figure).
            if q.q.vague && value >= 1000 {
                continue;
            }
            // "two military sources": the people who tell, not victims —
            // unless a death word governs them and they do not speak
            // ("killing four residents", "tuant trois habitants").
            if doc.sources.iter().any(|x| {
                x.at.w0 == q.at.w1
                    && doc.same_clause(q.at.w0, x.at.w0)
                    && !(doc
                        .sides
                        .iter()
                        .any(|p| p.at.w0 == x.at.w0 && p.def.side.names_people())
                        && doc
                            .cues_ending(q.at.w0.saturating_sub(1), q.at.w0)
                            .iter()
                            .any(|c| {
                                matches!(c.cue, Cue::Death | Cue::Injury)
                                    && c.at.w1 <= q.at.w0
                                    && q.at.w0 - c.at.w1 <= 1
                                    && doc.same_clause(c.at.w0, q.at.w0)
                            })
                        && doc.cue_before(x.at.w1 + 2, 2, Cue::Speech).is_none())
            }) {
                continue;
            }
            // Years and distances are not casualties.
            if (1900..=2100).contains(&value) && !q.q.vague {
                let next = q.at.w1;
                if next >= s.w1 || doc.sides.iter().all(|x| x.at.w0 != next) {
                    continue;
                }
            }
            items.push((q.at.w0, q.at.w1, value, q.q.qualifier, q.q.vague, q.at.span));
        }
        for x in doc
            .sides
            .iter()
            .filter(|x| x.at.w0 >= s.w0 && x.at.w1 <= s.w1)
        {
            if let Some(n) = x.def.count {
                let numbered = doc
                    .qtys
                    .iter()
                    .any(|q| q.at.w0 < x.at.w0 && x.at.w0 <= q.at.w1 + 1);
                // French puts adjectives after the noun: "l'insurrection
                // jihadiste", "une attaque terroriste" name no one. A
                // singular person comes with a determiner ("un soldat",
                // "le chauffeur", "son garde").
                let adjective = doc.grammar.subject_first
                    && !doc.grammar.modifier_first
                    && x.at.w0 > s.w0
                    && !doc.cues_ending(x.at.w0, x.at.w0).iter().any(|c| {
                        c.at.w1 == x.at.w0
                            && matches!(
                                c.cue,
                                Cue::Article | Cue::Definite | Cue::Possessive | Cue::Of
                            )
                    });
                if !numbered && !adjective {
                    items.push((
                        x.at.w0,
                        x.at.w0,
                        n,
                        NumberQualifier::Exact,
                        false,
                        x.at.span,
                    ));
                }
            }
        }
        items.sort_by_key(|i| i.0);
        let camp = speaker_camp(doc, s.w0, s.w1);
        let enemy_claim_from = doc
            .cues_in(s.w0, s.w1)
            .filter(|c| c.cue == Cue::EnemyClaim)
            .map(|c| c.at.w1)
            .min();
        let mut prev_kind: Option<Kind> = None;
        let mut prev_cue = 0usize;
        // Where the previous figure's noun ends: a count joined to it by
        // "و" shares its death or injury word ("قتل 30 مدنيا و17 مقاتلا
        // وثلاثة من أعضاء الحركة").
        let mut prev_end: Option<usize> = None;
        for (w0, w1, value, qualifier, vague, span) in items {
            let counted_word = w0 == w1;
            let (victims, noun_end) = if counted_word {
                let x = doc.sides.iter().find(|x| x.at.w0 == w0);
                // "حسبما أفاد مسؤول محلي", "a local official said": the one
                // who reports is no casualty.
                if x.is_some_and(|x| {
                    doc.sources
                        .iter()
                        .any(|src| src.at.w0 <= x.at.w0 && x.at.w1 <= src.at.w1)
                        && doc.cue_before(x.at.w0, 2, Cue::Speech).is_some()
                }) {
                    continue;
                }
                match x.and_then(|x| Some((group_of_side(x.def.side)?, x.at.w1))) {
                    Some(v) => v,
                    None => continue,
                }
            } else {
                // The noun may sit inside the expression ("27 مدنياً على
                // الأقل") or follow it.
                let inside = (w0 + 1..w1).find_map(|k| {
                    noun_after(doc, k, s.w0).filter(|_| {
                        doc.sides.iter().any(|x| x.at.w0 == k)
                            || doc.actors.iter().any(|a| a.at.w0 == k)
                            || doc.stem(k) == "من"
                    })
                });
                match inside
                    .map(|(v, e)| (v, e.max(w1)))
                    .or_else(|| noun_after(doc, w1, s.w0))
                {
                    Some(v) => v,
                    // "cinq autres blessés": the word after "other";
                    // "ont subi des dizaines de morts": the sufferer's dead
                    None => (
                        sufferer(doc, w0, s.w0).unwrap_or(Victims::Group(FatalityGroup::Unknown)),
                        if doc.grammar.subject_first {
                            doc.cue_at(w1, Cue::Article).map_or(w1, |c| c.at.w1)
                        } else {
                            w1
                        },
                    ),
                }
            };
            // "Two of the residents said …", "deux habitants ont affirmé":
            // people who speak, not victims.
            if doc.grammar.subject_first
                && noun_end > w1
                && (noun_end..=noun_end + 1)
                    .any(|w| doc.cue_at(w, Cue::Speech).is_some() && doc.same_clause(w0, w))
            {
                continue;
            }
            // "أربعة عشر شخصا، جميعهم من المدنيين", "twelve people, all of
            // them civilians", "douze personnes, toutes des civils": the
            // apposition names the group the noun left open.
            let victims = if victims == Victims::Group(FatalityGroup::Unknown) {
                all_of_them(doc, noun_end.max(w1), s.w1).unwrap_or(victims)
            } else {
                victims
            };
            // "سبعة مدنيين على الأقل": the noun inside the count's own
            // expression names the counted people as well as one after it.
            let noun_inside =
                !counted_word && (w0 + 1..w1).any(|k| doc.sides.iter().any(|x| x.at.w0 == k));
            let has_noun = counted_word || noun_end > w1 || noun_inside;
            // The governing word: a death/injury word before (nearest), or
            // right after the noun ("ثمانية جنود قتلوا").
            let governing = |c: &&crate::doc::CueM| {
                matches!(
                    c.cue,
                    Cue::Death
                        | Cue::Injury
                        | Cue::Neutralized
                        | Cue::Subset
                        | Cue::Plus
                        | Cue::Displaced
                ) && c.at.w1 <= w0
                    && c.at.w0 >= s.w0
            };
            let mut before = doc
                .cues
                .iter()
                .filter(|c| governing(c) && w0 - c.at.w1 <= if has_noun { 8 } else { 1 })
                // English, French: a noun that counts itself ("a woman
                // suicide bomber", "their driver") is the object of a word
                // right before it only.
                .filter(|c| {
                    !(doc.grammar.subject_first && counted_word) || doc.next_after(c.at.w1, w0, 2)
                })
                // "وأصيب اثنا عشر آخرون، صباح الثلاثاء، عندما فجرت امرأة":
                // a noun that counts itself in a later clause is no casualty
                // of the verb before the comma.
                .filter(|c| !counted_word || doc.same_clause(c.at.w0, w0))
                // "killed a policeman and kidnapped 15 worshippers": a
                // nearer abduction or arrest verb governs the count.
                .filter(|c| !taken_between(doc, c.at.w1, w0))
                .max_by_key(|c| c.at.w1);
            // The object of a distant verb ("قتل سكان قرية … يوم الجمعة،
            // رجلين"): only when nothing else was counted in between.
            if before.is_none() && counted_word && !doc.grammar.subject_first {
                before = doc
                    .cues
                    .iter()
                    .filter(|c| governing(c) && w0 - c.at.w1 <= 18 && c.cue == Cue::Death)
                    .filter(|c| {
                        !out.iter()
                            .rev()
                            .take_while(|f| f.w >= s.w0)
                            .any(|f| f.w > c.at.w1 && f.w < w0)
                    })
                    .max_by_key(|c| c.at.w1);
            }
            // "dix-sept soldats maliens ont été tués": a demonym and a
            // passive auxiliary may stand between the noun and its verb.
            let mut gap_end = noun_end;
            if doc.grammar.subject_first {
                // "trente Volontaires pour la défense de la patrie (VDP)
                // ont été tués": the acronym repeated after the name.
                if let Some(a) = doc.actors.iter().find(|a| a.at.w0 == gap_end) {
                    gap_end = a.at.w1;
                }
                if let Some(c) = doc.countries.iter().find(|c| c.at.w0 == gap_end) {
                    gap_end = c.at.w1;
                }
                // "onze passagers d'un bus ont été tués": a complement
                if let Some(c) = doc.cue_at(gap_end, Cue::Of) {
                    if let Some(x) = doc
                        .sides
                        .iter()
                        .find(|x| doc.next_after(c.at.w1, x.at.w0, 1) && x.at.w1 <= c.at.w1 + 3)
                    {
                        gap_end = x.at.w1;
                    }
                }
                // "a boy of 9 was killed", "un garçon de 12 ans": the age
                // stands between the person and the verb.
                if counted_word {
                    if let Some(q) = doc
                        .cue_at(gap_end, Cue::Of)
                        .and_then(|c| doc.qtys.iter().find(|q| q.at.w0 == c.at.w1 && !q.q.vague))
                    {
                        gap_end = q.at.w1;
                        // "de 12 ans a été tué": the unit word of the age
                        if doc.cue_at(gap_end + 1, Cue::Passive).is_some() {
                            gap_end += 1;
                        }
                    }
                }
                if let Some(c) = doc.cue_at(gap_end, Cue::Passive) {
                    gap_end = c.at.w1;
                }
            } else if gap_end < s.w1 && doc.stem(gap_end) == "من" {
                // "أربعة جنود من الجيش الوطني قتلوا": the force the people
                // belong to stands between them and their verb.
                let owner_end = doc
                    .sides
                    .iter()
                    .find(|x| x.at.w0 == gap_end + 1)
                    .map(|x| x.at.w1)
                    .or_else(|| {
                        doc.actors
                            .iter()
                            .find(|a| a.at.w0 == gap_end + 1)
                            .map(|a| a.at.w1)
                    });
                if let Some(e) =
                    owner_end.filter(|&e| doc.same_clause(gap_end, e.saturating_sub(1)))
                {
                    gap_end = e;
                }
            }
            // "eight soldiers and dozens of fighters were killed": the verb
            // after a coordination governs every noun of it.
            let mut coordinated = false;
            if doc.grammar.subject_first && doc.cue_at(noun_end, Cue::And).is_some() {
                if let Some(c) = doc.cues_of(Cue::Passive).iter().find(|c| {
                    c.cue == Cue::Passive
                        && c.at.w0 > noun_end
                        && c.at.w0 <= noun_end + 14
                        && doc.same_clause(noun_end, c.at.w0)
                }) {
                    gap_end = c.at.w1;
                    coordinated = true;
                }
            }
            let after = doc.cues.iter().find(|c| {
                (matches!(c.cue, Cue::Death | Cue::Injury)
                    // "twenty terrorists were neutralised"
                    || (doc.grammar.subject_first && c.cue == Cue::Neutralized))
                    // "… وإصابة اثنين": a conjunction opens the next count
                    && !doc.key(c.at.w0).starts_with('و')
                    // "abducted four aid workers and killed their driver"
                    // (unless the "and" joins nouns before one verb)
                    && !(doc.grammar.subject_first
                        && !coordinated
                        && doc
                            .cues
                            .iter()
                            .any(|a| a.cue == Cue::And && a.at.w0 >= noun_end && a.at.w1 <= c.at.w0))
                    // after the noun, or the noun itself ("19 قتيلا",
                    // "34 جريحا": a count of dead or wounded)
                    && (c.at.w0 >= noun_end || (c.at.w0 >= w1 && c.at.w1 <= noun_end))
                    && c.at.w0 <= gap_end + 2
                    && c.at.w1 <= s.w1
            });
            // "the death toll rose to 23": a bare count right after a
            // revision word is a count of the dead.
            if before.is_none() && after.is_none() {
                before = doc.cues_of(Cue::Update).iter().find(|c| {
                    c.cue == Cue::Update && c.at.w0 >= s.w0 && c.at.w1 <= w0 && w0 - c.at.w1 <= 1
                });
            }
            // "plus de deux millions de déplacés": people displaced are no
            // casualties, whatever death word came before.
            if doc
                .cues
                .iter()
                .any(|c| c.cue == Cue::Displaced && c.at.w0 >= w1 && c.at.w0 <= noun_end)
            {
                continue;
            }
            // "خطفوا عددا من الطلاب بعد أن قتلوا حارسا", "kidnapped 20
            // villagers": the object of an abduction or arrest verb was
            // taken, whatever death word comes later.
            if before.is_none_or(|c| taken_between(doc, c.at.w1, w0))
                && taken_between(doc, w0.saturating_sub(2), w0)
            {
                continue;
            }
            let conj = doc.key(w0).starts_with('و')
                || (w0 > s.w0 && doc.key(w0 - 1) == "و" && doc.same_clause(w0 - 1, w0));
            let mut subset = false;
            // "killed thousands and displaced nearly two million": people
            // displaced are no casualties.
            if before.is_some_and(|c| c.cue == Cue::Displaced) {
                continue;
            }
            let (kind, neutralized, cue) = match (before, after) {
                (Some(c), _) if matches!(c.cue, Cue::Subset | Cue::Plus) => {
                    subset = c.cue == Cue::Subset;
                    match prev_kind {
                        Some(k) => (k, false, prev_cue),
                        None => continue,
                    }
                }
                // "sept civils ont été tués et douze blessés", "19 قتيلا
                // و34 جريحا": the word right after a bare number governs
                // it (a number opened by "و" starts a new count).
                (Some(c), Some(a))
                    if (a.at.w0.saturating_sub(noun_end) < w0 - c.at.w1
                        || (conj && a.at.w0 == noun_end))
                        && (has_noun
                            || ((doc.grammar.subject_first || conj) && a.at.w0 == noun_end)) =>
                {
                    (
                        if a.cue == Cue::Injury {
                            Kind::Injured
                        } else {
                            Kind::Killed
                        },
                        false,
                        a.at.w0,
                    )
                }
                (Some(c), _) => (
                    if c.cue == Cue::Injury {
                        Kind::Injured
                    } else {
                        Kind::Killed
                    },
                    c.cue == Cue::Neutralized,
                    c.at.w0,
                ),
                (None, Some(a)) => (
                    if a.cue == Cue::Injury {
                        Kind::Injured
                    } else {
                        Kind::Killed
                    },
                    a.cue == Cue::Neutralized,
                    a.at.w0,
                ),
                (None, None) => {
                    // "the death toll rose to 23": a bare count right after a
                    // revision word is a count of the dead.
                    if before.is_none() && after.is_none() {
                        before = doc.cues_of(Cue::Update).iter().find(|c| {
                            c.cue == Cue::Update
                                && c.at.w0 >= s.w0
                                && c.at.w1 <= w0
                                && w0 - c.at.w1 <= 1
                        });
                    }
                    // "plus de deux millions de déplacés": people displaced are no
                    // casualties, whatever death word came before.
                    if doc
                        .cues
                        .iter()
                        .any(|c| c.cue == Cue::Displaced && c.at.w0 >= w1 && c.at.w0 <= noun_end)
                    {
                        continue;
                    }
                    let conj = doc.key(w0).starts_with('و')
                        || (w0 > 0 && doc.key(w0 - 1) == "و" && doc.same_clause(w0 - 1, w0));
                    match (prev_kind, prev_end) {
                        (Some(k), Some(e)) if conj && has_noun && w0 <= e + 1 && w0 >= e => {
                            (k, false, prev_cue)
                        }
                        _ => continue,
                    }
                }
            };
            if !has_noun && before.is_none_or(|c| w0 - c.at.w1 > 1) && after.is_none() {
                continue;
            }
            prev_kind = Some(kind);
            prev_cue = cue;
            // "4 جنود من الجيش المالي": the noun's complement belongs to it.
            let mut end = noun_end;
            if end < s.w1 && doc.stem(end) == "من" {
                if let Some(w) = doc
                    .actors
                    .iter()
                    .map(|a| (a.at.w0, a.at.w1))
                    .chain(doc.sides.iter().map(|x| (x.at.w0, x.at.w1)))
                    .find(|&(a, _)| a == end + 1)
                    .map(|(_, b)| b)
                {
                    end = w;
                    // "… الجيش المالي": with its country adjective
                    if let Some(c) = doc.countries.iter().find(|c| c.at.w0 == end) {
                        end = c.at.w1;
                    }
                }
            }
            prev_end = Some(end);
            let victim_camp = match victims {
                Victims::Group(g) => camp_of_group(g),
                Victims::Members => Camp::Neutral,
            };
            let enemy_claim = neutralized
                || (enemy_claim_from.is_some_and(|e| e <= w0) && victim_camp != Camp::Neutral)
                || (camp != Camp::Neutral && victim_camp != Camp::Neutral && camp != victim_camp);
            // "ارتفعت حصيلة … إلى تسعة عشر قتيلا", "le bilan s'est alourdi
            // à onze morts": the count after a revision word in its sentence.
            // Only the count the revision word leads to: no other death
            // or injury word stands between them ("… بعدما أعلنت في حصيلة
            // أولية مقتل 12" is the old count).
            let update = doc.cues_in(s.w0, s.w1).any(|c| {
                c.cue == Cue::Update
                    && c.at.w1 <= w0
                    && w0 - c.at.w1 <= 30
                    && !doc
                        .cues_in(c.at.w1, w0)
                        .any(|d| matches!(d.cue, Cue::Death | Cue::Injury) && d.at.w0 >= c.at.w1)
            });
            out.push(Figure {
                value,
                qualifier,
                vague,
                kind,
                victims,
                enemy_claim,
                subset,
                update,
                span,
                w: w0,
                cue,
            });
        }
    }
    out
}

/// Fatalities of one incident.
#[derive(Debug, Clone, PartialEq)]
pub struct Tally {
    pub fatalities: Option<u32>,
    pub qualifier: FatalityQualifier,
    pub by_group: rasd_model::Fatalities,
    pub injured: Option<u32>,
    pub spans: Vec<Span>,
    pub injured_spans: Vec<Span>,
}

/// Combines the figures of one incident. `members` is the group that
/// "members" nouns stand for (the target side); `disputed` merges all
/// figures as competing counts of the same dead (one-sided violence where
/// the perpetrator calls the victims "terrorists").
pub fn tally(
    figs: &[&Figure],
    members: FatalityGroup,
    disputed: bool,
    no_death: bool,
    unknown_death: bool,
) -> Tally {
    let resolve = |v: Victims| match v {
        Victims::Group(g) => g,
        Victims::Members => members,
    };
    // A revised toll replaces the earlier (and preliminary) counts of its
    // kind.
    let revised = |k: Kind| figs.iter().any(|f| f.kind == k && f.update);
    let current = |f: &&Figure| !revised(f.kind) || f.update;
    let killed: Vec<&Figure> = figs
        .iter()
        .copied()
        .filter(|f| f.kind == Kind::Killed)
        .filter(current)
        .collect();
    let injured_figs: Vec<&Figure> = figs
        .iter()
        .copied()
        .filter(|f| f.kind == Kind::Injured && !f.vague && !f.subset)
        .filter(current)
        .collect();
    let injured = injured_figs.iter().map(|f| f.value).min();
    let injured_spans = injured_figs.iter().map(|f| f.span).collect();
    let spans: Vec<Span> = killed.iter().map(|f| f.span).collect();
    if killed.is_empty() {
        let (fatalities, qualifier) = if unknown_death && !no_death {
            (None, FatalityQualifier::Unknown)
        } else {
            (Some(0), FatalityQualifier::Exact)
        };
        return Tally {
            fatalities,
            qualifier,
            by_group: Default::default(),
            injured,
            spans,
            injured_spans,
        };
    }
    if disputed {
        let min = killed.iter().map(|f| f.value).min().unwrap_or(0);
        let max = killed.iter().map(|f| f.value).max().unwrap_or(0);
        let q = killed.iter().find(|f| f.value == min).map(|f| f.qualifier);
        return Tally {
            fatalities: Some(min),
            qualifier: if max > min {
                FatalityQualifier::AtLeast
            } else {
                qual(q.unwrap_or(NumberQualifier::Exact), false)
            },
            by_group: Default::default(),
            injured,
            spans,
            injured_spans,
        };
    }
    // Containers split by their subsets: "nine, among them three police"
    // = 3 police + 6 unknown.
    // (group, value, qualifier, vague, enemy claim, alternative total), cue
    // (At most one part a killed figure: sized at once.)
    let mut parts: Vec<(Part, usize)> = Vec::with_capacity(killed.len());
    let mut i = 0;
    while i < killed.len() {
        let f = killed[i];
        let g = resolve(f.victims);
        let mut remaining = f.value;
        let mut j = i + 1;
        while j < killed.len() && killed[j].subset {
            let sg = resolve(killed[j].victims);
            if sg != g && killed[j].value <= remaining {
                remaining -= killed[j].value;
                parts.push((
                    (
                        sg,
                        killed[j].value,
                        killed[j].qualifier,
                        killed[j].vague,
                        killed[j].enemy_claim,
                        false,
                    ),
                    usize::MAX - j,
                ));
            }
            j += 1;
        }
        let split = j > i + 1 && remaining < f.value;
        if remaining > 0 || !split {
            // An uncharacterised count that was not split is an alternative
            // total for the whole incident.
            let alt = g == FatalityGroup::Unknown && !split;
            parts.push((
                (g, remaining, f.qualifier, f.vague, f.enemy_claim, alt),
                f.cue,
            ));
        }
        i = j;
    }
    // Parts under one death word add up (they were numbered, with their
    // cue, in order); the cue is kept in the claim slot's neighbour below.
    let parts = add_up(parts, &killed);
    let groups: Vec<FatalityGroup> = {
        let mut v: Vec<FatalityGroup> = parts.iter().filter(|p| !p.5).map(|p| p.0).collect();
        v.sort();
        v.dedup();
        v
    };
    let mut total = 0u32;
    let mut conflict = false;
    let mut quals: Vec<NumberQualifier> = Vec::with_capacity(groups.len() + 1);
    let mut vague_any = false;
    let mut by_group = rasd_model::Fatalities::new();
    for g in &groups {
        let all: Vec<_> = parts.iter().filter(|p| p.0 == *g && !p.5).collect();
        let credible: Vec<_> = all.iter().filter(|p| !p.4).collect();
        let pool: Vec<_> = if credible.is_empty() {
            all.iter().collect()
        } else {
            credible
        };
        let Some(best) = pool.iter().min_by_key(|p| p.1) else {
            continue;
        };
        if all.iter().any(|p| p.1 > best.1) {
            conflict = true;
        }
        total += best.1;
        quals.push(best.2);
        vague_any |= best.3;
        by_group.insert(*g, best.1);
    }
    let alts: Vec<_> = parts.iter().filter(|p| p.5).collect();
    if groups.is_empty() {
        let credible: Vec<_> = alts.iter().filter(|p| !p.4).collect();
        let pool: Vec<_> = if credible.is_empty() {
            alts.iter().collect()
        } else {
            credible
        };
        if let Some(best) = pool.iter().min_by_key(|p| p.1) {
            total = best.1;
            quals.push(best.2);
            vague_any |= best.3;
            conflict |= alts.iter().any(|p| p.1 > best.1);
            by_group.insert(FatalityGroup::Unknown, best.1);
        }
    } else if alts.iter().any(|p| p.1 > total && !p.4) {
        conflict = true;
    }
    let qualifier = if conflict {
        FatalityQualifier::AtLeast
    } else if vague_any || quals.contains(&NumberQualifier::Approx) {
        FatalityQualifier::Approx
    } else if quals.contains(&NumberQualifier::MoreThan) {
        FatalityQualifier::MoreThan
    } else if quals.contains(&NumberQualifier::AtLeast) {
        FatalityQualifier::AtLeast
    } else {
        FatalityQualifier::Exact
    };
    // An unknown part alone is no breakdown.
    if by_group.len() == 1 && by_group.contains_key(&FatalityGroup::Unknown) {
        by_group.clear();
    }
    Tally {
        fatalities: Some(total),
        qualifier,
        by_group,
        injured,
        spans,
        injured_spans,
    }
}

type Part = (FatalityGroup, u32, NumberQualifier, bool, bool, bool);

/// Sums the parts of one group that one death word governs.
fn add_up(parts: Vec<(Part, usize)>, _killed: &[&Figure]) -> Vec<Part> {
    let mut out: Vec<(Part, usize)> = Vec::with_capacity(parts.len());
    for (p, cue) in parts {
        match out
            .iter_mut()
            .find(|(q, c)| *c == cue && q.0 == p.0 && q.4 == p.4 && q.5 == p.5)
        {
            Some((q, _)) => {
                q.1 += p.1;
                if p.2 != NumberQualifier::Exact {
                    q.2 = p.2;
                }
                q.3 |= p.3;
            }
            None => out.push((p, cue)),
        }
    }
    out.into_iter().map(|(p, _)| p).collect()
}

fn qual(q: NumberQualifier, vague: bool) -> FatalityQualifier {
    if vague {
        return FatalityQualifier::Approx;
    }
    match q {
        NumberQualifier::Exact | NumberQualifier::AtMost => FatalityQualifier::Exact,
        NumberQualifier::AtLeast => FatalityQualifier::AtLeast,
        NumberQualifier::MoreThan => FatalityQualifier::MoreThan,
        NumberQualifier::Approx => FatalityQualifier::Approx,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fig(value: u32, g: FatalityGroup, claim: bool, subset: bool) -> Figure {
        Figure {
            value,
            qualifier: NumberQualifier::Exact,
            vague: false,
            kind: Kind::Killed,
            victims: Victims::Group(g),
            enemy_claim: claim,
            subset,
            update: false,
            span: Span::new(0, 1),
            w: 0,
            cue: value as usize,
        }
    }

    #[test]
    fn lowest_credible_figure_per_group() {
        use FatalityGroup::*;
        // army: 6 soldiers dead; the group claims 13; the group admits 2 of
        // its own; the army claims "dozens" of them.
        let figs = [
            fig(6, Military, false, false),
            fig(12, Fighters, true, false),
            fig(13, Military, true, false),
            fig(2, Fighters, false, false),
        ];
        let refs: Vec<&Figure> = figs.iter().collect();
        let t = tally(&refs, Fighters, false, false, false);
        assert_eq!(t.fatalities, Some(8));
        assert_eq!(t.qualifier, FatalityQualifier::AtLeast);
        assert_eq!(t.by_group[&Military], 6);
        assert_eq!(t.by_group[&Fighters], 2);
    }

    #[test]
    fn subsets_split_a_container() {
        use FatalityGroup::*;
        let figs = [
            fig(9, Unknown, false, false),
            fig(3, Police, false, true),
            fig(13, Unknown, false, false),
        ];
        let refs: Vec<&Figure> = figs.iter().collect();
        let t = tally(&refs, Fighters, false, false, false);
        assert_eq!(t.fatalities, Some(9));
        assert_eq!(t.by_group[&Police], 3);
        assert_eq!(t.by_group[&Unknown], 6);
        assert_eq!(t.qualifier, FatalityQualifier::AtLeast);
    }

    #[test]
    fn no_deaths_and_unknown_deaths() {
        let t = tally(&[], FatalityGroup::Fighters, false, false, false);
        assert_eq!(
            (t.fatalities, t.qualifier),
            (Some(0), FatalityQualifier::Exact)
        );
        let t = tally(&[], FatalityGroup::Fighters, false, false, true);
        assert_eq!(
            (t.fatalities, t.qualifier),
            (None, FatalityQualifier::Unknown)
        );
    }
}
