//! Event detection: event words → frames (one per incident a sentence
//! reports) → incidents (frames of several sentences that tell one story).
//!
//! A *frame* is the set of event words of one sentence that report one
//! incident: "a car bomb, then an assault on the base" is one frame; a
//! sentence that reports a merger and, in passing, an earlier capture of a
//! town has two. Words are dropped first when the sentence says the event
//! did not happen (negation), may happen (threat, plan, fear), or only
//! describes the background ("the group is active in the area", "repeated
//! attacks"). A frame is kept when its words are specific enough on their
//! own (strength 2) or the sentence names a victim, target or perpetrator.
//!
//! Frames then join into *incidents*: a later sentence about the same
//! incident ("the attack", "the army said the assault…") merges into it
//! unless it names another day, another place or another kind of event —
//! the guideline's "one type, one place, one day, one pair of actors".

use rasd_model::SubEventType;

use crate::doc::{At, Doc};
use crate::lang::{Cue, Side, TriggerClass as C};

/// What kind of incident a frame reports; frames of different families
/// never merge.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Family {
    Violence,
    Protest,
    Looting,
    Sexual,
    Arrest,
    Handover,
    Base,
    Agreement,
    Merger,
    Intercept,
}

pub fn family(c: C) -> Family {
    match c {
        C::Protest | C::Riot => Family::Protest,
        C::Looting => Family::Looting,
        C::Sexual => Family::Sexual,
        C::Arrest => Family::Arrest,
        C::Handover => Family::Handover,
        C::Base => Family::Base,
        C::Agreement => Family::Agreement,
        C::Merger => Family::Merger,
        C::Intercept => Family::Intercept,
        _ => Family::Violence,
    }
}

/// An event word kept in a frame (or a cue standing in for one, like a
/// dispersal of protesters with no protest word).
#[derive(Debug, Clone, Copy)]
pub struct Word {
    pub class: C,
    pub strength: u8,
    pub definite: bool,
    pub at: At,
}

#[derive(Debug, Clone)]
pub struct Frame {
    pub sent: usize,
    pub family: Family,
    pub words: Vec<Word>,
    /// Word range of the part of the sentence this frame owns.
    pub w0: usize,
    pub w1: usize,
}

impl Frame {
    pub fn has(&self, c: C) -> bool {
        self.words.iter().any(|w| w.class == c)
    }

    pub fn strength(&self) -> u8 {
        self.words.iter().map(|w| w.strength).max().unwrap_or(0)
    }

    pub fn anchor(&self) -> usize {
        self.words
            .iter()
            .max_by_key(|w| (w.strength, std::cmp::Reverse(w.at.w0)))
            .map(|w| w.at.w0)
            .unwrap_or(self.w0)
    }

    /// Refers back to an incident already told ("the attack", "the operation").
    pub fn anaphoric(&self) -> bool {
        self.words
            .iter()
            .all(|w| w.strength == 0 || (w.definite && w.strength < 2))
    }
}

/// Whether an event word is cancelled by the words around it.
fn cancelled(doc: &Doc, w: &Word, sent_w0: usize) -> bool {
    // A kind the document lacks needs no scan of its cues.
    let has = |kind: Cue| doc.cue_kinds & crate::doc::cue_bit(kind) != 0;
    // "لم تكن مجزرة … كافية": a negated copula denies what follows the
    // noun, not the massacre.
    if let Some(n) = doc.cue_before(w.at.w0, 3, Cue::Negation) {
        let copula =
            n.at.w1 < w.at.w0 && matches!(doc.stem(n.at.w1), "تكن" | "يكن" | "تكون" | "يكون");
        if !copula {
            return true;
        }
    }
    // A threat, plan, call or fear governs the rest of its sentence; a
    // phrase that holds the word itself ("to seize", "pour reprendre") too.
    if has(Cue::Modality)
        && doc.cues_of(Cue::Modality).iter().any(|c| {
            c.cue == Cue::Modality && c.at.w0 <= w.at.w0 && w.at.w0 < c.at.w1 && c.at.w0 < w.at.w0
        })
    {
        return true;
    }
    if has(Cue::Modality)
        && doc.cues_of(Cue::Modality).iter().any(|c| {
            c.cue == Cue::Modality
                && c.at.w1 <= w.at.w0
                && c.at.w0 >= sent_w0
                && w.at.w0 - c.at.w1 <= 12
        })
    {
        return true;
    }
    // Background: "the area is the stage of the group's activity, whose
    // attacks…", "repeated attacks", "despite the ceasefire".
    let reach = if doc.grammar.subject_first {
        usize::MAX
    } else {
        15
    };
    if has(Cue::Background)
        && doc.cues_of(Cue::Background).iter().any(|c| {
            c.cue == Cue::Background
                && c.at.w1 <= w.at.w0
                && c.at.w0 >= sent_w0
                && w.at.w0 - c.at.w1 <= reach
        })
    {
        return true;
    }
    // After the word: right after it, or — where the subject comes first
    // ("Les enlèvements d'élus se sont multipliés") — as its verb.
    let after = if doc.grammar.subject_first { 5 } else { 1 };
    if has(Cue::Background)
        && doc.cues_of(Cue::Background).iter().any(|c| {
            c.cue == Cue::Background
                && c.at.w0 >= w.at.w1
                && c.at.w0 <= w.at.w1 + after
                && doc.same_clause(w.at.w0, c.at.w0)
        })
    {
        return true;
    }
    // "the tenth anniversary of the massacre", "الذكرى السنوية لمجزرة":
    // an incident remembered, not reported.
    if has(Cue::Memorial)
        && doc.cues_of(Cue::Memorial).iter().any(|c| {
            c.cue == Cue::Memorial
                && c.at.w1 <= w.at.w0
                && w.at.w0 - c.at.w1 <= 3
                && doc.same_clause(c.at.w0, w.at.w0)
        })
    {
        return true;
    }
    // "the group's current offensive": a campaign, not one incident.
    if has(Cue::Ongoing)
        && doc.cues_of(Cue::Ongoing).iter().any(|c| {
            c.cue == Cue::Ongoing
                && c.at.w0 >= w.at.w1
                && c.at.w0 <= w.at.w1 + 2
                && doc.same_clause(w.at.w0, c.at.w0)
        })
    {
        return true;
    }
    false
}

/// A side or target noun of a kind within `n` words after word `w`.
fn side_after(doc: &Doc, w: usize, n: usize, pred: impl Fn(Side) -> bool) -> bool {
    doc.sides.iter().any(|s| {
        s.at.w0 >= w && s.at.w0 <= w + n && pred(s.def.side) && doc.same_sentence(w, s.at.w0)
    })
}

fn place_after(doc: &Doc, w: usize, n: usize) -> bool {
    doc.places.iter().any(|p| {
        // English and French name a town the gazetteer may not know after
        // a type noun ("the town of X"): a named place still changes hands.
        (p.place.is_some() || doc.grammar.subject_first)
            && p.at.w0 >= w
            && p.at.w0 <= w + n
            && doc.same_clause(w, p.at.w0)
    })
}

/// Words inside a name ("… لتحقيق الاستقرار في مالي", the Houthis'
/// channel "المسيرة") are not events, nor is what a force is named after
/// ("قوات مكافحة الشغب", "riot police", "forces anti-émeutes").
fn inside_name(doc: &Doc, w: &Word) -> bool {
    let inside = |a: &At| a.w0 <= w.at.w0 && w.at.w1 <= a.w1;
    doc.actors.iter().any(|a| inside(&a.at))
        || doc.sides.iter().any(|s| {
            matches!(s.def.side, Side::Police | Side::Military)
                && inside(&s.at)
                && (s.at.w0, s.at.w1) != (w.at.w0, w.at.w1)
        })
        || doc
            .cues
            .iter()
            .any(|c| c.cue == Cue::ClaimChannel && inside(&c.at))
}

/// The frames of one sentence.
pub fn frames_of_sentence(doc: &Doc, si: usize) -> Vec<Frame> {
    let s = doc.sents[si];
    let mut words: Vec<Word> = doc
        .triggers
        .iter()
        .filter(|t| t.at.w0 >= s.w0 && t.at.w1 <= s.w1)
        .map(|t| Word {
            class: t.def.class,
            strength: t.def.strength,
            definite: t.definite,
            at: t.at,
        })
        .filter(|w| !cancelled(doc, w, s.w0))
        .filter(|w| !inside_name(doc, w))
        // "the French operation", "operation Barkhane": a mission's name,
        // not a reference to an incident.
        .filter(|w| {
            w.strength > 0
                // "طائرات حربية روسية": aircraft, not a mission's name
                || w.class == C::Air
                || !(doc.actors.iter().any(|a| a.at.w0 == w.at.w1)
                    || doc.countries.iter().any(|c| {
                        c.at.w0 == w.at.w1 && c.m.form == crate::geo::CountryForm::Demonym
                    }))
        })
        .collect();
    // Aircraft named without a strike word only tell who fired a
    // bombardment; with none in the sentence ("بمساندة من طيران التحالف"
    // in a raid) they report nothing.
    let bombardment = words.iter().any(|w| w.class == C::Shelling);
    words.retain(|w| bombardment || !(w.class == C::Air && w.strength == 0));
    // Words that only count with the right object next to them.
    words.retain(|w| match w.class {
        // Control of a named place.
        C::Take => place_after(doc, w.at.w1, 4) || w.strength == 2 && place_after(doc, w.at.w1, 10),
        // An interception of a weapon ("اعتراض صاروخ"), not an objection.
        C::Intercept => doc.triggers.iter().any(|t| {
            t.at.w0 >= w.at.w1
                && t.at.w0 <= w.at.w1 + 4
                && matches!(t.def.class, C::Air | C::Shelling | C::Explosion)
                && doc.same_sentence(w.at.w0, t.at.w0)
        }),
        // A weak arrest word ("ضبط", "أوقف") arrests people only with
        // them (or their number) right after it: "ضبط أسلحة" seizes arms.
        C::Arrest if w.strength < 2 => {
            side_after(doc, w.at.w1, 2, |s| s.names_people() && s != Side::People)
                || doc
                    .qtys
                    .iter()
                    .any(|q| q.at.w0 >= w.at.w1 && q.at.w0 <= w.at.w1 + 3)
                || doc.sides.iter().any(|s| {
                    s.at.w0 >= w.at.w1 && s.at.w0 <= w.at.w1 + 2 && s.def.side == Side::People
                })
        }
        // A base handed over, closed, left or set up.
        C::Handover | C::Base => {
            w.strength == 2
                || side_after(doc, w.at.w1, 6, |s| s == Side::MilitaryTarget)
                || side_after(doc, w.at.w0.saturating_sub(3), 3, |s| {
                    s == Side::MilitaryTarget
                })
        }
        _ => true,
    });
    let protesters = doc.sides.iter().any(|x| {
        x.at.w0 >= s.w0 && x.at.w1 <= s.w1 && matches!(x.def.side, Side::Protesters | Side::Rioters)
    });
    // A crowd: protesters named, a word that reports a demonstration, or
    // a crowd being dispersed.
    // A march "held in a peaceful atmosphere" is a crowd's too.
    let crowd = protesters
        || words.iter().any(|w| w.class == C::Protest)
        || doc
            .cues_in(s.w0, s.w1)
            .any(|c| matches!(c.cue, Cue::Disperse | Cue::Peaceful));
    let armed = words
        .iter()
        .any(|w| family(w.class) == Family::Violence && w.class != C::Mob);
    for w in &mut words {
        // "أصيب برصاصة في الرأس", "killed by a bullet": the bullet that
        // wounded or killed someone, with no shooter named after it, tells
        // how a victim already counted died, not a new shooting.
        if w.class == C::Shooting && w.strength == 1 && bullet_of_a_victim(doc, w) {
            w.strength = 0;
        }
        // Arabic مسيرة is a march as well as a drone: a weak air word in a
        // sentence about a crowd is the crowd's march.
        if crowd && w.class == C::Air && w.strength == 1 {
            w.class = C::Protest;
        }
        // "set fire to", "threw stones" with no crowd in the sentence but
        // an armed attack: the attackers' arson, part of their attack.
        if !crowd && armed && w.class == C::Riot && w.strength < 2 {
            w.class = C::Looting;
        } else if !crowd && w.class == C::Riot && w.strength < 2 {
            // "gunmen set fire to granaries": arson by armed men is their
            // property destruction, not a riot; "the attackers set fire
            // to shelters" tells more of the attack told before.
            match armed_people(doc, s.w0, s.w1) {
                Some(true) => {
                    w.class = C::Attack;
                    w.strength = 0;
                }
                Some(false) => w.class = C::Looting,
                None => {}
            }
        }
    }
    // A dispersal or live fire on protesters is a protest event even with no
    // protest word.
    if protesters && !words.iter().any(|w| family(w.class) == Family::Protest) {
        if let Some(c) = doc
            .cues_in(s.w0, s.w1)
            .find(|c| matches!(c.cue, Cue::Disperse | Cue::LiveFire))
        {
            words.push(Word {
                class: C::Protest,
                strength: 2,
                definite: false,
                at: c.at,
            });
        }
    }
    if words.is_empty() {
        return Vec::new();
    }
    words.sort_by_key(|w| w.at.w0);
    let has_protest = words.iter().any(|w| family(w.class) == Family::Protest);
    let has_take = words.iter().any(|w| w.class == C::Take);
    let has_violence = words.iter().any(|w| family(w.class) == Family::Violence);
    let has_arrest = words
        .iter()
        .any(|w| w.class == C::Arrest && w.strength == 2);
    let has_intercept = words.iter().any(|w| w.class == C::Intercept);
    let has_mob = words.iter().any(|w| w.class == C::Mob);
    // Assign each word to a family after the absorption rules.
    // (Sized at once: one entry a word.)
    let mut assigned: Vec<(Family, Word)> = Vec::with_capacity(words.len());
    for w in &words {
        let mut f = family(w.class);
        match f {
            // Gunfire, clashes and assaults around a crowd belong to the
            // crowd's event; bombs and air strikes do not.
            Family::Violence
                if has_protest
                    && matches!(
                        w.class,
                        C::Attack | C::Clash | C::Shooting | C::Kill | C::Grenade
                    ) =>
            {
                f = Family::Protest
            }
            Family::Arrest if has_protest => f = Family::Protest,
            // Arson or looting by a crowd is the crowd's riot.
            // A lynch mob burning its victim: one mob killing.
            Family::Looting if has_mob => f = Family::Violence,
            Family::Looting if protesters || has_protest => f = Family::Protest,
            Family::Looting if has_violence && !has_take => f = Family::Violence,
            Family::Handover if has_take => f = Family::Violence,
            // The raid that made the arrests.
            Family::Violence if has_arrest && w.strength < 2 && matches!(w.class, C::Attack) => {
                f = Family::Arrest
            }
            // The weapon that was intercepted.
            Family::Violence
                if has_intercept
                    && matches!(w.class, C::Air | C::Shelling | C::Explosion | C::Attack) =>
            {
                f = Family::Intercept
            }
            _ => {}
        }
        assigned.push((f, *w));
    }
    // Two dates in the sentence, each next to its own event words: two
    // incidents of one kind ("forty abducted on Wednesday, twenty more on
    // Thursday").
    let dates: Vec<&crate::doc::DateM> = doc
        .dates
        .iter()
        .filter(|d| {
            d.at.w0 >= s.w0 && d.at.w1 <= s.w1 && d.d.kind != crate::dates::DateKind::PeriodStart
        })
        .collect();
    // Two distinct days among them (no set of days is built for it).
    let two_days = dates.iter().any(|d| d.d.date != dates[0].d.date);
    let date_of = |w: &Word| -> Option<usize> {
        if !two_days {
            return None;
        }
        dates
            .iter()
            .enumerate()
            .filter(|(_, d)| {
                d.at.w0.abs_diff(w.at.w0) <= 6
                    && doc.same_clause(d.at.w0.min(w.at.w0), d.at.w0.max(w.at.w0))
            })
            .min_by_key(|(_, d)| d.at.w0.abs_diff(w.at.w0))
            .map(|(i, _)| i)
    };
    // "قتل جنديان في قصف على صرواح، فيما تواصلت المعارك في جبهة الكسارة":
    // a clause opened by فيما / بينما with event words and a known place
    // of its own, after a first part with its own place, tells a second
    // incident. (Only looked for when the sentence has several words.)
    let while_at = if !doc.grammar.subject_first && assigned.len() >= 2 {
        let placed = |a: usize, b: usize| {
            doc.places
                .iter()
                .any(|p| p.place.is_some() && p.at.w0 >= a && p.at.w1 <= b)
        };
        (s.w0 + 1..s.w1).find(|&k| {
            matches!(doc.stem(k), "فيما" | "بينما")
                && assigned.iter().any(|(_, w)| w.at.w1 <= k)
                && assigned.iter().any(|(_, w)| w.at.w0 > k)
                && placed(s.w0, k)
                && placed(k, s.w1)
        })
    } else {
        None
    };
    let part = |w: &Word| while_at.is_some_and(|k| w.at.w0 > k);
    // (At most one frame a word: sized at once.)
    let mut by_family: Vec<Frame> = Vec::with_capacity(assigned.len());
    let mut frame_date: Vec<Option<usize>> = Vec::with_capacity(assigned.len());
    for (f, w) in assigned {
        // "retook the town after the rebels withdrew overnight": a
        // withdrawal told with a takeover is its cause, whatever its day.
        let wd = if family(w.class) == Family::Handover && f == Family::Violence {
            None
        } else {
            date_of(&w)
        };
        let found = by_family
            .iter()
            .zip(frame_date.iter())
            .position(|(fr, fd)| {
                fr.family == f
                    && (wd.is_none() || fd.is_none() || *fd == wd)
                    && fr.words.first().is_none_or(|x| part(x) == part(&w))
            });
        if let Some(i) = found {
            if frame_date[i].is_none() {
                frame_date[i] = wd;
            }
        }
        match found.map(|i| &mut by_family[i]) {
            Some(fr) => fr.words.push(w),
            None => {
                by_family.push(Frame {
                    sent: si,
                    family: f,
                    words: vec![w],
                    w0: s.w0,
                    w1: s.w1,
                });
                frame_date.push(wd);
            }
        }
    }
    // Several frames share the sentence: each owns the stretch around its
    // words, cut at the clause break before the next frame's first word.
    by_family.sort_by_key(|f| f.words.iter().map(|w| w.at.w0).min().unwrap_or(0));
    if by_family.len() > 1 {
        let firsts: Vec<usize> = by_family
            .iter()
            .map(|f| f.words.iter().map(|w| w.at.w0).min().unwrap_or(s.w0))
            .collect();
        for i in 1..by_family.len() {
            let prev_last = by_family[i - 1]
                .words
                .iter()
                .map(|w| w.at.w1)
                .max()
                .unwrap_or(s.w0);
            let start = firsts[i];
            let mut cut = start;
            let mut k = start;
            while k > prev_last {
                if !doc.words.joined[k - 1] {
                    cut = k;
                    break;
                }
                k -= 1;
            }
            if k <= prev_last {
                cut = (prev_last + start).div_ceil(2).max(prev_last);
            }
            by_family[i - 1].w1 = cut;
            by_family[i].w0 = cut;
        }
    }
    by_family.retain(|f| supported(doc, f));
    by_family
}

/// A gunfire word right after a death or injury word ("أصيب برصاصة") with
/// no shooter named right after it ("برصاص الجيش", "by army fire" name one).
fn bullet_of_a_victim(doc: &Doc, w: &Word) -> bool {
    let after_harm = doc
        .cues_ending(w.at.w0.saturating_sub(1), w.at.w0)
        .iter()
        .any(|c| matches!(c.cue, Cue::Injury | Cue::Death) && c.at.w1 == w.at.w0);
    let shooter = doc
        .sides
        .iter()
        .any(|s| s.at.w0 >= w.at.w1 && s.at.w0 <= w.at.w1 + 2)
        || doc
            .actors
            .iter()
            .any(|a| a.at.w0 >= w.at.w1 && a.at.w0 <= w.at.w1 + 2)
        || doc.cue_at(w.at.w1, Cue::Agent).is_some();
    after_harm && !shooter
}

/// Armed people act in words `w0..w1`: gunmen, soldiers or a named armed
/// organization. `Some(true)` when they are referred back to ("the
/// attackers", "المهاجمون"), `Some(false)` when newly named, `None` when
/// the sentence names none.
fn armed_people(doc: &Doc, w0: usize, w1: usize) -> Option<bool> {
    let side = doc.sides.iter().find(|x| {
        x.at.w0 >= w0
            && x.at.w1 <= w1
            && matches!(x.def.side, Side::Fighters | Side::Military | Side::Police)
    });
    if let Some(x) = side {
        let definite = doc.cue_before(x.at.w0, 1, Cue::Definite).is_some()
            || (!doc.grammar.subject_first && doc.key(x.at.w0).starts_with("ال"));
        return Some(definite);
    }
    doc.actors
        .iter()
        .any(|a| {
            a.at.w0 >= w0
                && a.at.w1 <= w1
                && !matches!(
                    doc.dict.actors[a.actor].inter,
                    rasd_model::Inter::Civilians
                        | rasd_model::Inter::Protesters
                        | rasd_model::Inter::Rioters
                )
        })
        .then_some(false)
}

/// A frame of weak words needs a victim, a target or a perpetrator.
fn supported(doc: &Doc, f: &Frame) -> bool {
    match f.strength() {
        2 => true,
        0 => f.anaphoric(),
        _ => {
            if f.anaphoric() {
                return true;
            }
            let people = doc
                .sides
                .iter()
                .any(|s| s.at.w0 >= f.w0 && s.at.w1 <= f.w1 && s.def.side != Side::People);
            let named = doc
                .actors
                .iter()
                .any(|a| a.at.w0 >= f.w0 && a.at.w1 <= f.w1);
            let counted = doc.qtys.iter().any(|q| q.at.w0 >= f.w0 && q.at.w1 <= f.w1)
                && doc
                    .cues_in(f.w0, f.w1)
                    .any(|c| matches!(c.cue, Cue::Death | Cue::Injury | Cue::Neutralized));
            match f.family {
                // An active "killed" only reports an incident when its
                // subject is the perpetrator ("قتل مسلحون سبعة مزارعين").
                Family::Violence if f.words.iter().all(|w| w.class == C::Kill) => {
                    f.words.iter().any(|w| killing_noun(doc, w))
                        || f.words.iter().any(|w| {
                            doc.sides.iter().any(|s| {
                                s.at.w0 >= w.at.w1
                                    && s.at.w0 <= w.at.w1 + 1
                                    && matches!(s.def.side, Side::Fighters | Side::Civilians)
                                    && s.def.count.is_none()
                            }) || doc.actors.iter().any(|a| a.at.w0 == w.at.w1)
                                || (doc.grammar.subject_first && perpetrator_of_kill(doc, w))
                                || killer_after_verb(doc, &w.at).is_some()
                                || (!doc.grammar.subject_first && forces_killed_someone(doc, w))
                        })
                }
                Family::Agreement => false,
                _ => people || named || counted || claimed(doc, f),
            }
        }
    }
}

/// Verb-first languages: "قتل مسلحو حركة الشباب خمسة مدنيين", "قتل عناصر
/// من تنظيم داعش أربعة رعاة". After an unmarked "killed" the armed group
/// (its fighters, "من" or not, then its name) is the subject when the
/// victims follow it as the object (a count or a people noun); the passive
/// "قُتل مسلحو الحركة" (the group's fighters were killed) has no object.
/// Returns the word after the group.
pub fn killer_after_verb(doc: &Doc, verb: &At) -> Option<usize> {
    if doc.grammar.subject_first || crate::incident::marked_passive(doc, verb) {
        return None;
    }
    let mut w = verb.w1;
    if let Some(s) = doc.sides.iter().find(|s| {
        s.at.w0 == w
            && matches!(s.def.side, Side::Fighters | Side::Members)
            && s.def.count.is_none()
    }) {
        w = s.at.w1;
        if w < doc.words.tok.len() && doc.stem(w) == "من" {
            w += 1;
        }
    }
    let group = doc.actors.iter().find(|a| {
        a.at.w0 == w
            && !matches!(
                doc.dict.actors[a.actor].inter,
                rasd_model::Inter::Civilians
                    | rasd_model::Inter::Protesters
                    | rasd_model::Inter::Rioters
            )
    })?;
    let end = group.at.w1;
    let object = doc
        .qtys
        .iter()
        .any(|q| q.at.w0 == end && doc.same_clause(group.at.w0, q.at.w0))
        || doc.sides.iter().any(|s| {
            s.at.w0 == end
                && s.def.side.names_people()
                && !matches!(s.def.side, Side::Fighters | Side::Members | Side::Anaphor)
                && doc.same_clause(group.at.w0, s.at.w0)
        });
    object.then_some(end)
}

/// "قتلت القوات المسلحة المالية عشرين مدنيا": the definite force right
/// after an active "killed" is its subject when its victims (civilians,
/// fighters) follow; "قُتل جنود" (soldiers were killed) has no object.
fn forces_killed_someone(doc: &Doc, w: &Word) -> bool {
    let Some(force) = doc.sides.iter().find(|s| {
        s.at.w0 == w.at.w1
            && matches!(s.def.side, Side::Military | Side::Police)
            && s.def.count.is_none()
            && doc.key(s.at.w0).starts_with("ال")
    }) else {
        return false;
    };
    let reach = force.at.w1 + 6;
    let in_reach = |x0: usize| x0 >= force.at.w1 && x0 <= reach && doc.same_clause(force.at.w0, x0);
    doc.sides
        .iter()
        .any(|s| in_reach(s.at.w0) && matches!(s.def.side, Side::Civilians | Side::Fighters))
}

/// In subject-first languages, who killed: the subject before an active
/// verb ("gunmen killed", "des hommes armés ont tué") or the agent of a
/// passive one ("were killed by gunmen", "ont été tués par des hommes
/// armés"). A counted subject ("seven soldiers killed") is a victim.
fn perpetrator_of_kill(doc: &Doc, w: &Word) -> bool {
    // "violence has killed thousands": a cumulative toll, not an incident.
    if doc
        .qtys
        .iter()
        .any(|q| q.at.w0 == w.at.w1 && q.q.vague && q.q.value >= 1000)
    {
        return false;
    }
    let armed_side = |s: &crate::doc::SideM| {
        matches!(
            s.def.side,
            Side::Fighters | Side::Military | Side::Police | Side::Civilians | Side::Anaphor
        )
    };
    let counted = |x0: usize| {
        doc.qtys
            .iter()
            .any(|q| q.at.w1 <= x0 && x0 - q.at.w1 <= 1 && doc.same_clause(q.at.w0, x0))
    };
    let passive = doc
        .cues
        .iter()
        .any(|c| c.cue == Cue::Passive && c.at.w1 <= w.at.w0 && w.at.w0 - c.at.w1 <= 1);
    if passive {
        return doc.cues_of(Cue::Agent).iter().any(|c| {
            c.cue == Cue::Agent
                && c.at.w0 >= w.at.w1
                && c.at.w0 <= w.at.w1 + 3
                && doc.same_clause(w.at.w0, c.at.w0)
                && (doc
                    .sides
                    .iter()
                    .any(|s| doc.next_after(c.at.w1, s.at.w0, 2) && armed_side(s))
                    || doc
                        .actors
                        .iter()
                        .any(|a| doc.next_after(c.at.w1, a.at.w0, 2)))
        });
    }
    let ends_before =
        |x0: usize, x1: usize| x1 <= w.at.w0 && w.at.w0 - x1 <= 2 && doc.same_clause(x0, w.at.w0);
    doc.sides.iter().any(|s| {
        ends_before(s.at.w0, s.at.w1) && armed_side(s) && s.def.count.is_none() && !counted(s.at.w0)
    }) || doc
        .actors
        .iter()
        .any(|a| ends_before(a.at.w0, a.at.w1) && !counted(a.at.w0))
}

/// A group claimed the attacks the frame tells of ("أعلن التنظيم
/// مسؤوليته عن هجمات في …"): the claim names a perpetrator.
fn claimed(doc: &Doc, f: &Frame) -> bool {
    doc.cues_in(f.w0, f.w1)
        .any(|c| c.cue == Cue::Claim && doc.cue_before(c.at.w0, 2, Cue::Negation).is_none())
}

/// "على قتل عشرة جنود", "مسؤوليتها عن قتل خمسة مدنيين": the verbal noun
/// after a preposition, with its victims counted or named right after it,
/// tells of a killing someone carried out (a passive "قُتل" has no
/// preposition before it).
fn killing_noun(doc: &Doc, w: &Word) -> bool {
    w.at.w0 > 0
        && matches!(doc.key(w.at.w0 - 1), "علي" | "عن")
        && doc.same_clause(w.at.w0 - 1, w.at.w0)
        && (doc.qtys.iter().any(|q| q.at.w0 == w.at.w1)
            || doc.actors.iter().any(|a| a.at.w0 == w.at.w1)
            || doc
                .sides
                .iter()
                .any(|x| x.at.w0 == w.at.w1 && x.def.side.names_people()))
}

/// The sub-event type a set of event words gives, with what the sentence
/// says about the target and the victims.
#[derive(Debug, Clone, Copy, Default)]
pub struct Context {
    /// The target or victims are armed (soldiers, a base, fighters).
    pub armed_target: bool,
    /// The target or victims are civilians.
    pub civilian_target: bool,
    /// Armed people (soldiers, police, fighters, contractors) were among
    /// the dead or wounded.
    pub armed_victims: bool,
    /// Civilians were among the dead or wounded.
    pub civilian_victims: bool,
    pub protest_victims: bool,
    pub live_fire: bool,
    pub dispersal: bool,
    pub casualties: bool,
    pub lynch: bool,
    pub civilians_act: bool,
    pub state_named: bool,
    /// Gunmen or militants are named besides the bomber (not as targets).
    pub gunmen: bool,
    /// The largest count of dead the incident's own sources give.
    pub killed: u32,
}

pub fn classify(words: &[Word], fam: Family, cx: &Context) -> SubEventType {
    use SubEventType as S;
    let has = |c: C| words.iter().any(|w| w.class == c);
    match fam {
        Family::Protest => {
            if (cx.live_fire || has(C::Shooting) || has(C::Kill)) && cx.casualties {
                S::ExcessiveForceAgainstProtesters
            } else if has(C::Riot)
                || has(C::Clash)
                // "عملية تفريق المسيرة": an operation word is no violence
                || words.iter().any(|w| w.class == C::Attack && w.strength > 0)
                || has(C::Grenade)
                || has(C::Looting)
            {
                S::ViolentDemonstration
            } else if cx.dispersal || has(C::Arrest) || has(C::Shooting) {
                S::ProtestWithIntervention
            } else {
                S::PeacefulProtest
            }
        }
        Family::Looting => S::LootingPropertyDestruction,
        Family::Sexual => S::SexualViolence,
        Family::Arrest => S::Arrests,
        Family::Handover => S::NonViolentTransferOfTerritory,
        Family::Base => S::HeadquartersOrBaseEstablished,
        Family::Agreement => S::Agreement,
        Family::Merger => S::ChangeToGroupActivity,
        Family::Intercept => S::DisruptedWeaponsUse,
        Family::Violence => {
            if has(C::Take) {
                // Which side took it is decided with the actors.
                return S::NonStateActorOvertakesTerritory;
            }
            // People taken, and maybe a guard killed on the way ("abducted
            // four aid workers and killed their driver"): an abduction. A
            // killing told first, of several people ("killed four
            // fishermen and abducted two"), is the attack itself.
            let first = |c: C| words.iter().filter(|w| w.class == c).map(|w| w.at.w0).min();
            let killing_first = match (first(C::Kill), first(C::Abduction)) {
                (Some(k), Some(a)) => k < a && cx.killed >= 2,
                _ => false,
            };
            if has(C::Abduction) && !killing_first {
                return S::AbductionForcedDisappearance;
            }
            if has(C::Suicide) {
                // A car bomb that opens an assault on a base is one battle;
                // a bomber who slips into a restaurant ("تسلل") is not.
                let on_forces =
                    (cx.armed_target || cx.armed_victims || cx.state_named) && !cx.civilian_target;
                let assault = on_forces
                    && (has(C::Clash)
                        || has(C::Shooting)
                        || words
                            .iter()
                            .any(|w| w.class == C::Attack && (w.strength == 2 || cx.gunmen)));
                return if assault {
                    S::ArmedClash
                } else {
                    S::SuicideBomb
                };
            }
            // A weak air word ("أعنف الضربات", the fiercest blows) does
            // not turn an ambush told with a stronger word into a strike.
            // ("قصفت مسيّرات": a bombardment by drones stays an air strike.)
            let strong_other = words
                .iter()
                .any(|w| w.strength == 2 && !matches!(w.class, C::Air | C::Shelling));
            // Aircraft named without a strike word ("طائرات حربية",
            // strength 0) only tell who fired a bombardment (قصف).
            if words.iter().any(|w| {
                w.class == C::Air
                    && (w.strength == 2 || (!strong_other && (w.strength > 0 || has(C::Shelling))))
            }) {
                return S::AirDroneStrike;
            }
            if has(C::Ied) {
                return S::RemoteExplosiveLandmineIed;
            }
            if has(C::Shelling) {
                return S::ShellingArtilleryMissileAttack;
            }
            if has(C::Grenade) {
                return S::Grenade;
            }
            // "a car packed with explosives blew up, killing six": a blast
            // that kills is typed by the blast, unless an assault, gunfire
            // or a massacre is told with it.
            if has(C::Explosion)
                && !words.iter().any(|w| {
                    matches!(w.class, C::Clash | C::Shooting | C::Massacre)
                        || (w.class == C::Attack && w.strength > 0)
                })
            {
                return S::RemoteExplosiveLandmineIed;
            }
            if has(C::Mob) || cx.lynch || (has(C::Kill) && cx.civilians_act) {
                return S::MobViolence;
            }
            if has(C::Massacre) {
                // "اغتال مسلحون ضابطا في قوات …": an assassination of a
                // member of an armed force is an attack on that force.
                let armed = (cx.armed_target || cx.armed_victims)
                    && !cx.civilian_target
                    && !cx.civilian_victims;
                return if armed { S::ArmedClash } else { S::Attack };
            }
            if has(C::Clash) {
                return S::ArmedClash;
            }
            if has(C::Attack) || has(C::Shooting) || has(C::Kill) {
                // The target the text names decides; the victims only
                // when it names none (civilians caught in an assault on a
                // camp do not make it an attack on civilians).
                let armed = cx.armed_target || (!cx.civilian_target && cx.armed_victims);
                let civilian = cx.civilian_target || (!cx.armed_target && cx.civilian_victims);
                if armed && !civilian {
                    return S::ArmedClash;
                }
                if civilian {
                    return S::Attack;
                }
                return if cx.state_named {
                    S::ArmedClash
                } else {
                    S::Attack
                };
            }
            if has(C::Explosion) {
                return S::RemoteExplosiveLandmineIed;
            }
            S::Attack
        }
    }
}

/// Sub-event types that may describe one incident told twice.
pub fn compatible(a: SubEventType, b: SubEventType) -> bool {
    use SubEventType as S;
    if a == b {
        return true;
    }
    let pair = |x: S, y: S| (a == x && b == y) || (a == y && b == x);
    pair(S::ArmedClash, S::SuicideBomb)
        || pair(S::ArmedClash, S::GovernmentRegainsTerritory)
        || pair(S::ArmedClash, S::NonStateActorOvertakesTerritory)
        || pair(
            S::GovernmentRegainsTerritory,
            S::NonStateActorOvertakesTerritory,
        )
        || pair(S::RemoteExplosiveLandmineIed, S::SuicideBomb)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn word(class: C, strength: u8) -> Word {
        Word {
            class,
            strength,
            definite: false,
            at: At {
                w0: 0,
                w1: 1,
                span: rasd_model::Span::new(0, 1),
            },
        }
    }

    #[test]
    fn types_follow_the_guidelines() {
        let armed = Context {
            armed_target: true,
            ..Context::default()
        };
        let civ = Context {
            civilian_target: true,
            ..Context::default()
        };
        // car bomb + assault on a base = battle; a lone suicide bomber = suicide bomb
        assert_eq!(
            classify(
                &[word(C::Suicide, 2), word(C::Clash, 2)],
                Family::Violence,
                &armed
            ),
            SubEventType::ArmedClash
        );
        assert_eq!(
            classify(&[word(C::Suicide, 2)], Family::Violence, &civ),
            SubEventType::SuicideBomb
        );
        // an IED against soldiers is an IED, not a battle
        assert_eq!(
            classify(
                &[word(C::Ied, 2), word(C::Attack, 1)],
                Family::Violence,
                &armed
            ),
            SubEventType::RemoteExplosiveLandmineIed
        );
        // an attack is a battle or violence against civilians by its target
        assert_eq!(
            classify(&[word(C::Attack, 1)], Family::Violence, &armed),
            SubEventType::ArmedClash
        );
        assert_eq!(
            classify(&[word(C::Attack, 1)], Family::Violence, &civ),
            SubEventType::Attack
        );
        let fire = Context {
            live_fire: true,
            casualties: true,
            ..Context::default()
        };
        assert_eq!(
            classify(&[word(C::Protest, 2)], Family::Protest, &fire),
            SubEventType::ExcessiveForceAgainstProtesters
        );
        assert_eq!(
            classify(&[word(C::Protest, 2)], Family::Protest, &Context::default()),
            SubEventType::PeacefulProtest
        );
    }
}
