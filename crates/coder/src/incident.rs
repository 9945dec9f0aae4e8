//! From frames to event records: incidents, then every field.
//!
//! Sentences are read in order. A sentence's frames either join the
//! incident they continue (same kind of event, no other day or place
//! named, or an explicit reference back) or open a new one; sentences with
//! no event word add their details (figures, claims, attributions) to the
//! incident being told. Each incident then gets its date, place, actors,
//! fatalities, claim and sources, each with the spans that support it.

use chrono::{Datelike, Duration, NaiveDate};
use rasd_model::{
    DatePrecision, Event, EventType, FatalityGroup, FatalityQualifier, Inter, Span, SubEventType,
};

use crate::actors::generic_name;
use crate::casualty::{figures, group_of_inter, tally, Figure, Kind, Victims};
use crate::dates::DateKind;
use crate::detect::{classify, compatible, frames_of_sentence, Context, Family, Frame, Word};
use crate::doc::{cue_bit, At, Doc, DocData};
use crate::geo::{Place, PlaceKind};
use crate::lang::{Cue, Side, TriggerClass as C};

#[derive(Debug, Clone)]
struct DateChoice {
    date: NaiveDate,
    precision: DatePrecision,
    span: Option<Span>,
}

#[derive(Debug, Clone)]
struct PlaceChoice {
    place: std::rc::Rc<Place>,
    span: Span,
    precision: u8,
}

#[derive(Debug, Clone)]
struct Draft {
    family: Family,
    frames: Vec<Frame>,
    /// Sentences with no event word that add details.
    details: Vec<usize>,
    date: Option<DateChoice>,
    place: Option<PlaceChoice>,
    /// Date and place came from the text of this incident (not inherited).
    own_date: bool,
    own_place: bool,
    sub: SubEventType,
    period: bool,
    /// The last sentence that told of it.
    last_sent: usize,
    /// Opened within a story told just before (whose day and place it
    /// may inherit).
    in_story: bool,
}

impl Draft {
    fn words(&self) -> Vec<Word> {
        self.frames
            .iter()
            .flat_map(|f| f.words.iter().copied())
            .collect()
    }

    /// Word ranges the incident's details come from.
    fn scopes(&self, doc: &Doc) -> Vec<(usize, usize)> {
        // (Sized at once: this runs for every incident, several times.)
        let mut v = Vec::with_capacity(self.frames.len() + self.details.len());
        v.extend(self.frames.iter().map(|f| (f.w0, f.w1)));
        for &s in &self.details {
            v.push((doc.sents[s].w0, doc.sents[s].w1));
        }
        v
    }
}

fn within(scopes: &[(usize, usize)], at: &At) -> bool {
    scopes.iter().any(|&(a, b)| at.w0 >= a && at.w1 <= b)
}

/// The statement verb governing a date, if the date is when something was
/// *said* ("أعلن الجيش، مساء الأحد، …").
fn is_statement_date(doc: &Doc, at: &At) -> bool {
    doc.cues.iter().any(|c| {
        // "l'attaque a été revendiquée lundi": a claim's day too.
        (c.cue == Cue::Speech || (doc.grammar.subject_first && c.cue == Cue::Claim))
            && c.at.w1 <= at.w0
            && at.w0 - c.at.w1 <= 10
            && doc.same_sentence(c.at.w0, at.w0)
            && !doc
                .triggers
                .iter()
                .any(|t| t.at.w0 >= c.at.w1 && t.at.w1 <= at.w0)
            && !doc.cues.iter().any(|d| {
                matches!(d.cue, Cue::Death | Cue::Injury) && d.at.w0 >= c.at.w1 && d.at.w1 <= at.w0
            })
    })
}

/// The explicit date of a frame: the date nearest to its event words,
/// statement dates and period starts aside. `fallback` gets the statement
/// date when that is all there is.
fn frame_date(
    doc: &Doc,
    f: &Frame,
    prev: Option<&DateChoice>,
) -> (Option<DateChoice>, Option<DateChoice>) {
    let anchor = f.anchor();
    // "two days earlier", "the next day": relative to the incident told
    // before, whatever the date reader made of it.
    if let Some(p) = prev {
        for c in doc.cues_in(f.w0, f.w1) {
            let shift = match c.cue {
                Cue::SameDay => 0,
                Cue::NextDay => 1,
                Cue::DayBefore => -1,
                Cue::DayBefore2 => -2,
                Cue::DayAfter2 => 2,
                _ => continue,
            };
            return (
                Some(DateChoice {
                    date: p.date + Duration::days(shift),
                    precision: p.precision,
                    span: Some(c.at.span),
                }),
                None,
            );
        }
    }
    let mut best: Option<(usize, DateChoice)> = None;
    let mut statement: Option<DateChoice> = None;
    for d in doc
        .dates
        .iter()
        .filter(|d| d.at.w0 >= f.w0 && d.at.w1 <= f.w1)
    {
        if d.d.kind == DateKind::PeriodStart || doc.cue_before(d.at.w0, 5, Cue::Period).is_some() {
            continue;
        }
        let choice = DateChoice {
            date: d.d.date,
            precision: d.d.precision,
            span: Some(d.at.span),
        };
        if is_statement_date(doc, &d.at) {
            statement.get_or_insert(choice);
            continue;
        }
        let dist = d.at.w0.abs_diff(anchor);
        if best.as_ref().is_none_or(|b| dist < b.0) {
            best = Some((dist, choice));
        }
    }
    (best.map(|b| b.1), statement)
}

fn place_rank(p: &Place) -> u8 {
    match p.kind {
        PlaceKind::PopulatedPlace | PlaceKind::Other => 0,
        PlaceKind::Admin2 => 1,
        PlaceKind::Region => 2,
        PlaceKind::Admin1 => 2,
        PlaceKind::Country => 3,
    }
}

/// The explicit place of a frame: the most specific place named in its
/// part of the sentence, the first of "between X and Y", places that are
/// part of an actor's name or a destination ("fled to X") aside.
fn frame_place(
    doc: &Doc,
    w0: usize,
    w1: usize,
    anchor: usize,
    allow_destination: bool,
) -> Option<PlaceChoice> {
    let mut cands: Vec<(u8, bool, bool, usize, PlaceChoice)> = Vec::new();
    for p in doc.places.iter().filter(|p| p.at.w0 >= w0 && p.at.w1 <= w1) {
        let Some(place) = &p.place else { continue };
        // A country name places nothing more than the country; the event's
        // country is decided apart.
        if place.kind == PlaceKind::Country {
            continue;
        }
        if doc
            .actors
            .iter()
            .any(|a| a.at.w0 <= p.at.w0 && p.at.w1 <= a.at.w1)
        {
            continue;
        }
        let prev = p.at.w0.checked_sub(1).map(|i| doc.stem(i)).unwrap_or("");
        let prev2 = p.at.w0.checked_sub(2).map(|i| doc.stem(i)).unwrap_or("");
        let to_place = matches!(prev, "الي" | "باتجاه" | "نحو" | "اتجاه")
            || matches!(prev2, "الي" | "باتجاه" | "نحو")
            || doc
                .cues
                .iter()
                .any(|c| c.cue == Cue::Toward && c.at.w1 <= p.at.w0 && doc.next_after(c.at.w1, p.at.w0, 2))
            // "near the border with Niger" places the event in the other country
            || (prev == "مع" && matches!(prev2, "حدود" | "حدوده"));
        // "on the road leading to X", "sur l'axe menant à X": the road
        // is near X, and X is where the event is (precision 2).
        let on_road = to_place && road_before(doc, p.at.w0);
        let destination = to_place && !on_road;
        let after_between = doc
            .cues
            .iter()
            .any(|c| c.cue == Cue::Between && c.at.w1 <= p.at.w0 && p.at.w0 - c.at.w1 <= 2);
        let second_of_pair = doc.places.iter().any(|q| {
            q.at.w1 <= p.at.w0
                && p.at.w0 - q.at.w1 <= 1
                && doc
                    .cues
                    .iter()
                    .any(|c| c.cue == Cue::Between && c.at.w1 <= q.at.w0 && q.at.w0 - c.at.w1 <= 2)
        });
        if second_of_pair {
            continue;
        }
        // "X, which lies 150 km east of Y": Y only locates X (a place, or
        // "this town" standing for the place told before).
        let described = doc.cues_of(Cue::Locative).iter().any(|c| {
            c.cue == Cue::Locative
                && c.at.w1 <= p.at.w0
                && p.at.w0 - c.at.w1 <= 8
                && doc.same_sentence(c.at.w0, p.at.w0)
                && (doc
                    .places
                    .iter()
                    .any(|q| q.place.is_some() && q.at.w1 <= c.at.w0 && c.at.w0 - q.at.w1 <= 2)
                    || doc.cues_of(Cue::PlaceRef).iter().any(|r| {
                        r.cue == Cue::PlaceRef && r.at.w1 <= c.at.w0 && c.at.w0 - r.at.w1 <= 1
                    }))
        });
        if described || locates_previous(doc, p) || quoted_name(doc, p) || where_treated(doc, p) {
            continue;
        }
        if destination && !allow_destination {
            continue;
        }
        let mut rank = place_rank(place);
        // "مقديشو - قتل ثلاثة جنود … في بلدة أفغوي", "YAOUNDE (Reuters) -":
        // the town a report was filed from, opening its paragraph, yields
        // to any other place the sentence names.
        if filed_from(doc.text, p.at.span) {
            rank += 3;
        }
        // "وفي درعا ... قرب بلدة المزيريب": a city named like its
        // first-level area, beside another town of that area, names the
        // area; the town is the place.
        if rank == 0 && seat_as_area(doc, p, place, w0, w1) {
            rank = 2;
        }
        if after_between {
            rank = 0;
        }
        let precision = if place_rank(place) >= 2 {
            3
        } else if on_road {
            2
        } else {
            p.m.geo_precision.clamp(1, 3)
        };
        // "a sit-in at X port near Y": the place named as such beats the
        // one the event is only near.
        let near = doc.grammar.subject_first && matches!(p.m.relation, crate::geo::Relation::Near);
        // A place in a country the text never names is more likely a
        // common word read as a name than the scene of the event.
        let foreign = !doc.doc_countries.iter().any(|c| c.0 == place.iso3);
        cands.push((
            rank + u8::from(foreign) * 4,
            destination,
            near,
            p.at.w0.abs_diff(anchor),
            PlaceChoice {
                place: std::rc::Rc::clone(place),
                span: p.at.span,
                precision,
            },
        ));
    }
    cands.sort_by_key(|c| (c.1, c.0, c.2, c.3));
    cands.into_iter().next().map(|c| c.4)
}

/// The hospital the wounded were taken to ("being treated in hospital in
/// Jos", "نُقلوا إلى مستشفى في X", "évacués vers l'hôpital de X"): a word of
/// care and a hospital noun just before the place, in one clause. The
/// place is where they are, not where the event was. (A strike that hit
/// a hospital has no word of care: its town stays the scene.)
fn where_treated(doc: &Doc, p: &crate::doc::PlaceM) -> bool {
    let w = p.at.w0;
    let hospital = (w.saturating_sub(3)..w).find(|&i| {
        matches!(
            doc.stem(i),
            "hospital" | "hospitals" | "hopital" | "hopitaux" | "مستشفي" | "المستشفي" | "مستشفيات"
        ) && doc.same_clause(i, w)
    });
    let Some(h) = hospital else {
        return false;
    };
    (h.saturating_sub(4)..h).any(|i| {
        matches!(
            doc.stem(i),
            "treated"
                | "admitted"
                | "taken"
                | "rushed"
                | "evacuated"
                | "transported"
                | "soignes"
                | "evacues"
                | "transportes"
                | "admis"
                | "نقل"
                | "نقلوا"
                | "نقلت"
                | "اسعف"
                | "اسعفوا"
                | "يعالج"
                | "يعالجون"
                | "يتلقون"
        ) && doc.same_clause(i, w)
    })
}

/// A road noun within the four words before word `w` (same clause): the
/// place after "to" names the road's end, not a destination.
fn road_before(doc: &Doc, w: usize) -> bool {
    (w.saturating_sub(4)..w).any(|i| {
        matches!(
            doc.stem(i),
            "طريق" | "الطريق" | "طرق" | "road" | "highway" | "route" | "axe"
        ) && doc.same_clause(i, w)
    })
}

/// An Arabic verb the writer vocalised as passive: a damma on its first
/// letter ("قُتل", "أُصيب").
pub(crate) fn marked_passive(doc: &Doc, at: &At) -> bool {
    let t = doc.text.get(at.span.start..at.span.end).unwrap_or("");
    let mut chars = t.chars().skip_while(|c| matches!(c, 'و' | 'ف'));
    chars.next().is_some() && chars.next() == Some('\u{064F}')
}

/// A place that opens a quoted name of several words ("told «Juba
/// Today»", "لـ«ليبيا الآن»"): an outlet or a slogan, not a scene.
fn quoted_name(doc: &Doc, p: &crate::doc::PlaceM) -> bool {
    let before = doc.text.get(..p.at.span.start).unwrap_or("");
    let Some(open) = before.chars().next_back() else {
        return false;
    };
    let close = match open {
        '«' => '»',
        '“' => '”',
        '"' => '"',
        _ => return false,
    };
    let after = doc.text.get(p.at.span.end..).unwrap_or("");
    after
        .find(close)
        .is_some_and(|i| i > 0 && i <= 40 && after[..i].trim().chars().any(char::is_alphabetic))
}

/// A place named only to say where another one lies: "the village of
/// Beita south of Nablus", "near Abu Ghraib, west of Baghdad", "بلدة ذيبان
/// بريف دير الزور", "Konna, au nord de Mopti". Its relation words (a
/// direction, a distance, nearness) follow a town or district at once: a
/// comma and one short word between at most, and no "and" (في جاو وقرب
/// ميناكا, "in Gao and near Menaka" are two places of a list).
fn locates_previous(doc: &Doc, p: &crate::doc::PlaceM) -> bool {
    use crate::geo::Relation;
    if !matches!(
        p.m.relation,
        Relation::Near | Relation::Direction(_) | Relation::Distance { .. }
    ) {
        return false;
    }
    let Some(rel) = p.m.relation_span else {
        return false;
    };
    // The relation's first word carries "and" (وقرب، وشمال).
    if let Some(rw) = (p.at.w0.saturating_sub(8)..=p.at.w0)
        .find(|&w| w < doc.words.tok.len() && doc.word_span(w).start >= rel.start)
    {
        let (key, stem) = (doc.key(rw), doc.stem(rw));
        if key.len() > stem.len() && key.starts_with(['و', 'ف']) {
            return false;
        }
    }
    doc.places.iter().any(|q| {
        q.place
            .as_ref()
            .is_some_and(|x| x.kind != PlaceKind::Country && place_rank(x) <= 1)
            && q.at.span.end <= rel.start
            // at most a comma and one short word between ("Konna, au nord de")
            && doc.text.get(q.at.span.end..rel.start).is_some_and(|gap| {
                gap.len() <= 6
                    && gap.split_whitespace().count() <= 2
                    && !gap.split_whitespace().any(|w| {
                        matches!(
                            w.trim_matches(','),
                            "and" | "or" | "et" | "ou" | "و" | "او" | "أو"
                        )
                    })
            })
    })
}

/// A town named like its first-level area (Daraa, Idlib, Kidal), bare,
/// beside a town or village of that area that a type noun or a word of
/// nearness announces, in the same sentence: the bare name stands for the
/// area ("in Daraa, south of the country, a body was found near the town
/// of al-Muzayrib"). "The city of Kirkuk" is the city.
fn seat_as_area(doc: &Doc, p: &crate::doc::PlaceM, place: &Place, w0: usize, w1: usize) -> bool {
    if place.admin1.is_empty() || place.name != place.admin1 || after_town_noun(doc, p.at.w0) {
        return false;
    }
    doc.places
        .iter()
        .filter(|q| q.at.w0 >= w0 && q.at.w1 <= w1 && q.at.w0 != p.at.w0)
        .filter(|q| doc.same_sentence(p.at.w0, q.at.w0))
        .filter(|q| {
            after_town_noun(doc, q.at.w0) || matches!(q.m.relation, crate::geo::Relation::Near)
        })
        .any(|q| {
            q.place.as_ref().is_some_and(|x| {
                x.kind == PlaceKind::PopulatedPlace
                    && x.iso3 == place.iso3
                    && x.admin1 == place.admin1
                    && x.name != place.name
            })
        })
}

/// The word before word `w` is a noun for a town or village.
fn after_town_noun(doc: &Doc, w: usize) -> bool {
    w.checked_sub(1).is_some_and(|i| {
        matches!(
            doc.stem(i),
            "مدينه" | "بلده" | "قريه" | "city" | "town" | "village" | "ville" | "localite"
        )
    })
}

/// Two places can be one incident's: same location, or one is an area
/// holding the other.
fn same_place(a: &PlaceChoice, b: &PlaceChoice) -> bool {
    let (x, y) = (&a.place, &b.place);
    if x.name == y.name && x.iso3 == y.iso3 {
        return true;
    }
    let holds = |area: &Place, p: &Place| match area.kind {
        PlaceKind::Country => area.iso3 == p.iso3,
        PlaceKind::Admin1 | PlaceKind::Region => area.iso3 == p.iso3 && area.admin1 == p.admin1,
        PlaceKind::Admin2 => area.iso3 == p.iso3 && area.admin2 == p.admin2,
        _ => false,
    };
    holds(x, y) || holds(y, x)
}

/// Most frames (and detail sentences) one incident gathers.
const MAX_FRAMES: usize = 48;

/// Codes one document.
pub fn code(data: &DocData, doc_id: &str) -> Vec<Event> {
    code_traced(data, doc_id, &mut None)
}

/// Adds a line to the trace, if one is kept (formatted only then).
fn tr(trace: &mut Option<Vec<String>>, line: impl FnOnce() -> String) {
    if let Some(t) = trace.as_mut() {
        t.push(line());
    }
}

/// The words of `at` in the original text (for traces).
fn surface(doc: &Doc, at: &At) -> String {
    doc.text
        .get(at.span.start..at.span.end)
        .unwrap_or("")
        .to_string()
}

/// Codes one document; with `trace`, also tells how (one line a step:
/// frames found, incidents opened and joined, details attached).
pub fn code_traced(data: &DocData, doc_id: &str, trace: &mut Option<Vec<String>>) -> Vec<Event> {
    let figs = figures(data);
    let mut drafts: Vec<Draft> = Vec::new();
    let mut last: Option<usize> = None;
    // The most recent date and place told before, for sentences with none.
    let mut ctx_date: Option<DateChoice> = None;
    let mut ctx_place: Option<PlaceChoice> = None;
    // The sentence that last set the context.
    let mut ctx_sent: Option<usize> = None;
    let mut prev_period_start: Option<DateChoice> = None;
    let n_sents = data.sents.len();
    for si in 0..n_sents {
        // What this sentence, the one after it and the words before it hold.
        let doc = &data.around(si, (si + 1).min(n_sents - 1));
        let s = doc.sents[si];
        if trace.is_some() {
            let hits: Vec<String> = doc
                .triggers
                .iter()
                .filter(|t| t.at.w0 >= s.w0 && t.at.w1 <= s.w1)
                .map(|t| format!("{}={}", surface(doc, &t.at), t.def.class.as_str()))
                .chain(
                    doc.cues_in(s.w0, s.w1)
                        .map(|c| format!("{}~{}", surface(doc, &c.at), c.cue.as_str())),
                )
                .chain(
                    doc.sides
                        .iter()
                        .filter(|x| x.at.w0 >= s.w0 && x.at.w1 <= s.w1)
                        .map(|x| format!("{}^{}", surface(doc, &x.at), x.def.side.as_str())),
                )
                .chain(
                    doc.actors
                        .iter()
                        .filter(|x| x.at.w0 >= s.w0 && x.at.w1 <= s.w1)
                        .map(|x| {
                            format!(
                                "{}#{}",
                                surface(doc, &x.at),
                                doc.dict.actors[x.actor].canonical
                            )
                        }),
                )
                .chain(
                    doc.places
                        .iter()
                        .filter(|p| p.at.w0 >= s.w0 && p.at.w1 <= s.w1)
                        .map(|p| {
                            format!(
                                "{}@{}",
                                surface(doc, &p.at),
                                p.place.as_ref().map(|x| x.name.as_str()).unwrap_or("?")
                            )
                        }),
                )
                .collect();
            tr(trace, || format!("s{si}: {}", hits.join(" ")));
        }
        if let Some(p) = period_total(
            doc,
            si,
            &figs,
            prev_period_start.as_ref(),
            ctx_place.as_ref(),
        ) {
            tr(trace, || {
                format!(
                    "s{si}: period total since {:?}",
                    p.date.as_ref().map(|d| d.date)
                )
            });
            drafts.push(p);
            continue;
        }
        prev_period_start = doc
            .dates
            .iter()
            .find(|d| {
                d.at.w0 >= s.w0
                    && d.at.w1 <= s.w1
                    && doc.cue_before(d.at.w0, 12, Cue::Period).is_some()
            })
            .map(|d| DateChoice {
                date: d.d.date,
                precision: d.d.precision,
                span: Some(d.at.span),
            });
        let mut frames = frames_of_sentence(doc, si);
        if frames.is_empty() && doc.grammar.subject_first {
            if let Some(f) = last.and_then(|l| deaths_elsewhere(doc, si, &drafts[l], &figs)) {
                frames.push(f);
            }
        }
        let separate = doc.has_cue(s.w0, s.w1, Cue::Separate);
        if frames.is_empty() {
            // In English and French, a sentence about the conflict at
            // large ("the war has killed …") adds nothing to an incident.
            let background = doc.grammar.subject_first && doc.has_cue(s.w0, s.w1, Cue::Background);
            if !separate && !doc.has_cue(s.w0, s.w1, Cue::Period) && !background {
                if let Some((i, linked)) = detail_target(doc, &drafts, last, si, &figs)
                    .filter(|&(i, _)| drafts[i].details.len() < MAX_FRAMES)
                {
                    tr(trace, || format!("s{si}: details of incident {i}"));
                    drafts[i].details.push(si);
                    // Only a sentence that names the incident's place keeps
                    // its story going (for later mentions to join it).
                    if linked {
                        drafts[i].last_sent = si;
                    }
                }
            }
            if update_context(doc, s.w0, s.w1, &mut ctx_date, &mut ctx_place) {
                ctx_sent = Some(si);
            }
            continue;
        }
        // A frame of a sentence's later part with no day of its own ("…
        // يوم السبت، فيما تواصلت المعارك في …") takes the day told in the
        // sentence's earlier part for an incident of the same kind.
        let mut sentence_date: Option<(Family, DateChoice)> = None;
        for f in frames {
            // "That day", "two days earlier": counted from the date told
            // last (the incident just told, or a date given since).
            // A year or month given in passing is no anchor for a day.
            let anchor_date = ctx_date
                .clone()
                .filter(|d| d.precision == DatePrecision::Day)
                .or_else(|| last.and_then(|l| drafts[l].date.clone()));
            let (date, statement) = frame_date(doc, &f, anchor_date.as_ref());
            let date = date.or_else(|| {
                sentence_date
                    .as_ref()
                    .filter(|(fam, _)| *fam == f.family)
                    .map(|(_, d)| d.clone())
            });
            if let Some(d) = &date {
                sentence_date = Some((f.family, d.clone()));
            }
            let place = frame_place(
                doc,
                f.w0,
                f.w1,
                f.anchor(),
                matches!(f.family, Family::Base | Family::Intercept),
            )
            .or_else(|| place_reference(doc, f.w0, f.w1, ctx_place.as_ref()));
            let cx = context(doc, &[(f.w0, f.w1)], &figs);
            let sub = classify(&f.words, f.family, &cx);
            tr(trace, || {
                format!(
                    "s{si}: frame {:?} [{}] date {:?} place {:?} sub {sub}",
                    f.family,
                    f.words
                        .iter()
                        .map(|w| surface(doc, &w.at))
                        .collect::<Vec<_>>()
                        .join(" … "),
                    date.as_ref().map(|d| d.date),
                    place.as_ref().map(|p| p.place.name.clone()),
                )
            });
            // "this attack", "the same attack": the incident just told.
            let refers_back = refers_back(doc, &f);
            // Merge into a recent incident of the same story? The latest
            // incident is tried first.
            let mut merged = false;
            if !separate {
                let mut recent: Vec<usize> = last.into_iter().collect();
                recent.extend(
                    (0..drafts.len())
                        .rev()
                        .filter(|&i| !drafts[i].period && Some(i) != last)
                        .take(3),
                );
                for i in recent {
                    let d = &drafts[i];
                    // Gunfire told after a protest is the protest's.
                    let shot_at_crowd = d.family == Family::Protest
                        && f.family == Family::Violence
                        && f.strength() < 2
                        && date.is_none()
                        && place.is_none();
                    if d.family != f.family && !shot_at_crowd {
                        // Looting told after a killing spree is part of it.
                        let looting_in_attack = f.family == Family::Looting
                            && d.family == Family::Violence
                            && matches!(d.sub, SubEventType::Attack);
                        // "32 people were arrested over the looting": arrests
                        // made in a riot or protest are part of it.
                        // So are arrests told right after a protest with no
                        // day or place of their own ("trois blessés et une
                        // dizaine interpellés").
                        let arrests_after_crowd = f.family == Family::Arrest
                            && d.family == Family::Protest
                            && date.is_none()
                            && place.is_none()
                            && si.saturating_sub(d.last_sent) <= 1;
                        let arrests_in_crowd = arrests_after_crowd
                            || doc.grammar.subject_first
                                && f.family == Family::Arrest
                                && d.family == Family::Protest
                                && doc.triggers.iter().any(|t| {
                                    t.at.w0 >= doc.sents[f.sent].w0
                                        && t.at.w1 <= doc.sents[f.sent].w1
                                        && t.definite
                                        && matches!(
                                            t.def.class,
                                            C::Protest | C::Riot | C::Looting | C::Mob
                                        )
                                });
                        if !looting_in_attack && !arrests_in_crowd {
                            continue;
                        }
                    }
                    // A demonstrative points at the latest incident of its kind.
                    if refers_back
                        && drafts[i + 1..]
                            .iter()
                            .any(|x| !x.period && x.family == f.family)
                    {
                        continue;
                    }
                    // Far from the incident, a mention with no day or place
                    // of its own is another story (a general remark, a
                    // quote), unless it explicitly refers back.
                    let gap = si.saturating_sub(d.last_sent);
                    let anchored = (d.own_date
                        && date
                            .as_ref()
                            .zip(d.date.as_ref())
                            .is_some_and(|(a, b)| a.date == b.date))
                        || (d.own_place
                            && place
                                .as_ref()
                                .zip(d.place.as_ref())
                                .is_some_and(|(a, b)| same_place(a, b)));
                    let limit = if f.anaphoric() { 6 } else { 3 };
                    if gap > limit && !refers_back && !anchored {
                        continue;
                    }
                    // An account runs a few paragraphs; one told over dozens
                    // of sentences is several incidents (and this bounds
                    // the work per incident).
                    let first = d.frames.first().map(|x| x.sent).unwrap_or(si);
                    if (si - first > 40 && !anchored) || d.frames.len() >= MAX_FRAMES {
                        continue;
                    }
                    // "القوات تصدت للمهاجمين وقتلت 96 منهم", "troops repelled
                    // the attackers": the same battle, whatever later day or
                    // wider place the sentence goes on to name.
                    let repelled_back = d.family == Family::Violence && repels_them(doc, &f);
                    if let (Some(a), Some(b)) = (&date, &d.date) {
                        if d.own_date && !date_fits(a, b) && !repelled_back {
                            continue;
                        }
                    }
                    if let (Some(a), Some(b)) = (&place, &d.place) {
                        // "the strikes hit a district of the city": one
                        // account placing the same incident more precisely.
                        // (English, French: "killed in the fighting for the
                        // town" — a death report does not make it new.)
                        let told_again = if doc.grammar.subject_first {
                            f.words.iter().any(|w| w.definite)
                                && f.words.iter().all(|w| w.definite || w.class == C::Kill)
                        } else {
                            f.words.iter().all(|w| w.definite)
                        };
                        let retold = told_again
                            && (sub == d.sub
                                || (doc.grammar.subject_first && compatible(sub, d.sub)))
                            && a.place.iso3 == b.place.iso3;
                        // "X a revendiqué l'attaque au nom de sa province
                        // d'Afrique de l'Ouest": a claim of the attack just
                        // told, whatever place its wording names.
                        let claim_of = |w: &Word| doc.cue_before(w.at.w0, 3, Cue::Claim).is_some();
                        let claimed_back = f.words.iter().any(claim_of)
                            && f.words.iter().all(|w| claim_of(w) || w.class == C::Kill)
                            && date.is_none();
                        if d.own_place
                            && !same_place(a, b)
                            && !retold
                            && !claimed_back
                            && !repelled_back
                        {
                            continue;
                        }
                    }
                    let weak = f.strength() < 2 || f.anaphoric();
                    // "Later in the day …", "the next day …": another incident
                    // told against the first (English, French).
                    if doc.grammar.subject_first
                        && !f.anaphoric()
                        && doc.cues_in(f.w0, f.w1).any(|c| {
                            matches!(
                                c.cue,
                                Cue::SameDay
                                    | Cue::NextDay
                                    | Cue::DayBefore
                                    | Cue::DayBefore2
                                    | Cue::DayAfter2
                            )
                        })
                    {
                        continue;
                    }
                    // A crowd dispersed after its march is one protest.
                    // (Arabic: when the crowd is referred back, "المسيرة",
                    // or dispersed.)
                    let escalation = f.family == Family::Protest
                        && date.is_none()
                        && place.is_none()
                        && (doc.grammar.subject_first
                            || f.words.iter().any(|w| w.definite && w.class == C::Protest)
                            || doc.has_cue(f.w0, f.w1, Cue::Disperse));
                    // "…حين سقط الصاروخ الأول": a definite word with no day or
                    // place of its own retells the incident just told in
                    // other words (a drone's missile), within one event type.
                    let retelling = f.words.iter().all(|w| w.definite)
                        && date.is_none()
                        && place.is_none()
                        && sub.event_type() == d.sub.event_type();
                    if !weak
                        && !escalation
                        && !retelling
                        && !compatible(sub, d.sub)
                        && f.family == d.family
                    {
                        continue;
                    }
                    let d = &mut drafts[i];
                    if f.family == d.family || (d.family != Family::Violence && !shot_at_crowd) {
                        d.frames.push(f.clone());
                    } else {
                        // looting inside an attack: details only
                        d.details.push(si);
                    }
                    d.last_sent = si;
                    if !d.own_date {
                        if let Some(dt) = date.clone() {
                            d.date = Some(dt);
                            d.own_date = true;
                        } else if let Some(dt) = statement.clone() {
                            // "the army announced on Thursday it had retaken …"
                            d.date = Some(dt);
                        }
                    } else if doc.grammar.subject_first {
                        // "strikes this week … the first, on Monday": the
                        // day inside the week told first dates the incident.
                        if let (Some(a), Some(b)) = (date.clone(), d.date.clone()) {
                            if a.precision == DatePrecision::Day
                                && b.precision != DatePrecision::Day
                                && date_fits(&a, &b)
                            {
                                d.date = Some(a);
                            }
                        }
                    }
                    if !d.own_place {
                        if let Some(p) = place.clone() {
                            d.place = Some(p);
                            d.own_place = true;
                        }
                    } else {
                        // "in two villages of the Tillaberi region … in the
                        // first village, near Ouallam", "هاجموا قاعدة في
                        // إقليم شبيلي السفلى … بوابة القاعدة في بلدة أفجوي":
                        // a town inside the area told first places the
                        // incident.
                        if let (Some(p), Some(q)) = (place.clone(), d.place.clone()) {
                            if place_rank(&p.place) == 0
                                && place_rank(&q.place) >= 1
                                && same_place(&p, &q)
                            {
                                d.place = Some(p);
                            }
                        }
                    }
                    let words = d.words();
                    let scopes = d.scopes(doc);
                    let cx = context(doc, &scopes, &figs);
                    d.sub = classify(&words, d.family, &cx);
                    tr(trace, || format!("s{si}:   joins incident {i}"));
                    last = Some(i);
                    merged = true;
                    break;
                }
            }
            if merged {
                continue;
            }
            // A frame that only refers back has nothing to join: not an
            // event — unless it names its own day and place ("L'attaque
            // menée lundi contre le marché de Djibo …" opening a report).
            let situated = f.strength() >= 1
                && date
                    .as_ref()
                    .is_some_and(|d| d.precision == DatePrecision::Day)
                && place.as_ref().is_some_and(|p| place_rank(&p.place) == 0);
            // "قواته «حيدت 40 إرهابيا» خلال عملية": a weak word for the
            // operation with a count of enemies put out of action in its
            // own part of the sentence tells a fight, quoted or not.
            let tallied = f.family == Family::Violence
                && doc.cues_of(Cue::Neutralized).iter().any(|c| {
                    c.cue == Cue::Neutralized
                        && c.at.w0 >= f.w0
                        && c.at.w1 <= f.w1
                        && doc
                            .qtys
                            .iter()
                            .any(|q| q.at.w0 >= c.at.w1 && q.at.w0 <= c.at.w1 + 1)
                });
            if f.anaphoric() && !situated && !tallied {
                tr(trace, || {
                    format!("s{si}:   refers back to nothing: dropped")
                });
                continue;
            }
            // "2023 will remain one of the deadliest years", "the massacre
            // the village suffered in 2019": a past event needs a place and
            // at least a month (guidelines 1); a year alone is background.
            if date
                .as_ref()
                .is_some_and(|d| d.precision == DatePrecision::Year)
            {
                tr(trace, || {
                    format!("s{si}:   known only to the year: dropped")
                });
                continue;
            }
            let own_date = date.is_some() || statement.is_some();
            let own_place = place.is_some();
            // A story told just before lends its day and place; one told
            // long before does not make a passing mention an incident.
            let told = ctx_sent.is_some_and(|c| si - c <= 3);
            let date = date.or(statement).or_else(|| ctx_date.clone());
            // A new incident whose words name other countries only ("Somali
            // forces retook …") does not inherit a place told for another
            // country (English, French).
            let foreign = |p: &PlaceChoice| {
                let mut named: Vec<&str> = doc
                    .countries
                    .iter()
                    .filter(|c| {
                        c.at.w0 >= f.w0
                            && c.at.w1 <= f.w1
                            && c.m.form == crate::geo::CountryForm::Name
                    })
                    .map(|c| c.m.iso3)
                    .collect();
                named.extend(acting_forces(doc, f.w0, f.w1).and_then(|s| s.iso3));
                named.extend(
                    doc.actors
                        .iter()
                        .filter(|a| a.at.w0 >= f.w0 && a.at.w1 <= f.w1)
                        .filter_map(|a| {
                            let def = &doc.dict.actors[a.actor];
                            def.iso3
                                .as_deref()
                                .filter(|_| def.inter != Inter::StateForces)
                        }),
                );
                doc.grammar.subject_first
                    && !named.is_empty()
                    && !named.contains(&p.place.iso3.as_str())
            };
            // The place told before is in another country than the one
            // this sentence names ("attacks in northern Benin"): only the
            // country is known.
            let named_country = doc
                .countries
                .iter()
                .find(|c| {
                    c.at.w0 >= f.w0 && c.at.w1 <= f.w1 && c.m.form == crate::geo::CountryForm::Name
                })
                .map(|c| c.m.iso3);
            let place = place.or_else(|| {
                ctx_place
                    .clone()
                    .filter(|p| named_country.is_none_or(|c| c == p.place.iso3))
                    .filter(|p| !foreign(p))
            });
            tr(trace, || {
                format!("s{si}:   opens incident {}", drafts.len())
            });
            drafts.push(Draft {
                family: f.family,
                frames: vec![f],
                details: Vec::new(),
                date,
                place,
                own_date,
                own_place,
                sub,
                period: false,
                last_sent: si,
                in_story: told,
            });
            last = Some(drafts.len() - 1);
        }
        if update_context(doc, s.w0, s.w1, &mut ctx_date, &mut ctx_place) {
            ctx_sent = Some(si);
        }
        if let Some(l) = last {
            if drafts[l].last_sent == si {
                ctx_sent = Some(si);
            }
            if let Some(d) = &drafts[l].date {
                ctx_date = Some(d.clone());
            }
            if let Some(p) = &drafts[l].place {
                ctx_place = Some(p.clone());
            }
        }
    }
    let mut events = Vec::new();
    for (n, d) in drafts.iter().enumerate() {
        // The view of the incident's sentences (and of the one told before,
        // whose parties an agreement may name).
        let sents = d
            .frames
            .iter()
            .map(|f| f.sent)
            .chain(d.details.iter().copied())
            .chain(n.checked_sub(1).map(|p| drafts[p].last_sent));
        let first = sents.clone().min().unwrap_or(0);
        let last_s = sents.max().unwrap_or(0).max(d.last_sent);
        let doc = &data.around(first, last_s);
        // Neither a day nor a place of its own: a passing reference
        // ("the massacres it committed", "the current offensive"), not a
        // codable incident.
        // Known only to the year (a later "earlier this year" joined it):
        // background, not a codable incident.
        if !d.period
            && d.date
                .as_ref()
                .is_some_and(|x| x.precision == DatePrecision::Year)
        {
            tr(trace, || {
                format!("incident {n}: known only to the year: dropped")
            });
            continue;
        }
        if !d.period && !d.own_date && !d.own_place && !d.in_story {
            tr(trace, || {
                format!("incident {n}: no date or place of its own: dropped")
            });
            continue;
        }
        // "Two air strikes killed three militants … The first strike, on
        // Sunday … A second strike …": a summary of incidents told one by
        // one after it is none of them (English, French).
        if doc.grammar.subject_first
            && !d.period
            && d.place.as_ref().is_none_or(|p| place_rank(&p.place) >= 1)
            && d.frames.iter().all(|f| counts_incidents(doc, f))
            && drafts[n + 1..].iter().any(|x| !x.period && x.sub == d.sub)
        {
            tr(trace, || {
                format!("incident {n}: a summary of the incidents told after it: dropped")
            });
            continue;
        }
        if let Some(e) = build(doc, doc_id, d, &drafts[..n], &figs, trace) {
            events.push(e);
        }
    }
    events
}

/// The frame counts its event words ("two air strikes", "deux attaques").
fn counts_incidents(doc: &Doc, f: &Frame) -> bool {
    f.words.iter().any(|w| {
        crate::detect::family(w.class) == Family::Violence
            && doc.qtys.iter().any(|q| {
                q.at.w1 == w.at.w0
                    && q.q.value >= 2
                    && !q.q.vague
                    && doc.same_clause(q.at.w0, w.at.w0)
            })
    })
}

/// Whether date `a` can be the day of an incident dated `b`: the same
/// day, or a coarser date whose window holds it (a month or a year).
fn date_fits(a: &DateChoice, b: &DateChoice) -> bool {
    let window = |x: &DateChoice, y: NaiveDate| match x.precision {
        DatePrecision::Day => x.date == y,
        DatePrecision::Week => (x.date - y).num_days().abs() <= 3,
        DatePrecision::Month => x.date.year() == y.year() && x.date.month() == y.month(),
        DatePrecision::Year => x.date.year() == y.year(),
    };
    window(a, b.date) || window(b, a.date)
}

/// Whether a frame's event word is pointed at by a demonstrative ("هذا
/// الهجوم", "الهجوم نفسه"): it refers to the incident just told.
fn refers_back(doc: &Doc, f: &Frame) -> bool {
    f.words.iter().any(|w| {
        doc.cues_of(Cue::Demonstrative).iter().any(|c| {
            c.cue == Cue::Demonstrative
                && (c.at.w1 == w.at.w0 || c.at.w0 == w.at.w1)
                && doc.same_clause(c.at.w0.min(w.at.w0), c.at.w1.max(w.at.w1) - 1)
        })
    })
}

/// The frame tells of a force fighting back against attackers referred
/// back to: a repel word with, right after it, a definite word for the
/// attackers ("تصدت للمهاجمين", "repelled the assailants") or for the
/// attack ("صد الهجوم").
fn repels_them(doc: &Doc, f: &Frame) -> bool {
    doc.cues_in(f.w0, f.w1)
        .filter(|c| c.cue == Cue::Repel)
        .any(|c| {
            let near = |w: usize| w >= c.at.w1 && w <= c.at.w1 + 2 && doc.same_clause(c.at.w0, w);
            doc.sides.iter().any(|x| {
                near(x.at.w0)
                    && matches!(x.def.side, Side::Fighters | Side::Anaphor)
                    && (doc.cue_before(x.at.w0, 1, Cue::Definite).is_some()
                        || doc.key(x.at.w0).starts_with("ال")
                        || doc.key(x.at.w0).starts_with("لل"))
            }) || doc.triggers.iter().any(|t| near(t.at.w0) && t.definite)
        })
}

/// "This town", "the same village": the populated place told last.
fn place_reference(
    doc: &Doc,
    w0: usize,
    w1: usize,
    ctx: Option<&PlaceChoice>,
) -> Option<PlaceChoice> {
    let ctx = ctx?;
    if place_rank(&ctx.place) > 1 {
        return None;
    }
    doc.cues_in(w0, w1)
        .find(|c| c.cue == Cue::PlaceRef)
        .map(|_| ctx.clone())
}

/// The incident a sentence with no event word adds details to: the one
/// whose place it names, else the one just told — unless the sentence
/// names another place or another day, or comes long after it.
fn detail_target(
    doc: &Doc,
    drafts: &[Draft],
    last: Option<usize>,
    si: usize,
    figs: &[Figure],
) -> Option<(usize, bool)> {
    let s = doc.sents[si];
    let recent = || {
        (0..drafts.len())
            .rev()
            .filter(|&i| !drafts[i].period)
            .take(8)
    };
    if let Some(p) = frame_place(doc, s.w0, s.w1, s.w0, false) {
        if place_rank(&p.place) <= 1 {
            if let Some(i) = recent().find(|&i| {
                drafts[i].own_place && drafts[i].place.as_ref().is_some_and(|q| same_place(&p, q))
            }) {
                return Some((i, true));
            }
            // Casualties at another place are another incident's.
            let counts = figs.iter().any(|f| f.w >= s.w0 && f.w < s.w1);
            let l = last?;
            if counts
                && drafts[l].own_place
                && drafts[l].place.as_ref().is_some_and(|q| !same_place(&p, q))
            {
                return None;
            }
        }
    }
    let l = last?;
    let d = &drafts[l];
    if si.saturating_sub(d.last_sent) > 4 {
        return None;
    }
    let own_day = doc.dates.iter().find(|x| {
        x.at.w0 >= s.w0
            && x.at.w1 <= s.w1
            && x.d.kind != DateKind::PeriodStart
            && x.d.precision == DatePrecision::Day
            && !is_statement_date(doc, &x.at)
    });
    if let (Some(x), Some(dd)) = (own_day, &d.date) {
        if d.own_date && x.d.date != dd.date {
            return None;
        }
    }
    Some((l, false))
}

/// Takes the date and place a sentence names as the context of the next
/// ones; returns whether it named any.
fn update_context(
    doc: &Doc,
    w0: usize,
    w1: usize,
    date: &mut Option<DateChoice>,
    place: &mut Option<PlaceChoice>,
) -> bool {
    let mut found = false;
    if let Some(d) = doc
        .dates
        .iter()
        .filter(|d| d.at.w0 >= w0 && d.at.w1 <= w1 && d.d.kind != DateKind::PeriodStart)
        .filter(|d| doc.cue_before(d.at.w0, 5, Cue::Period).is_none())
        .min_by_key(|d| is_statement_date(doc, &d.at))
    {
        *date = Some(DateChoice {
            date: d.d.date,
            precision: d.d.precision,
            span: Some(d.at.span),
        });
        found = true;
    }
    // "They reached X on the 3rd": a destination is a place told too.
    if let Some(p) = frame_place(doc, w0, w1, w0, true) {
        *place = Some(p);
        found = true;
    }
    found
}

/// What the incident's words say about target and victims.
fn context(doc: &Doc, scopes: &[(usize, usize)], figs: &[Figure]) -> Context {
    let mut cx = Context::default();
    for s in doc.sides.iter().filter(|s| within(scopes, &s.at)) {
        // A noun inside an event phrase is the weapon ("car bomb", "سيارة
        // مفخخة"), not a side.
        if doc
            .triggers
            .iter()
            .any(|t| t.at.w0 <= s.at.w0 && s.at.w1 <= t.at.w1)
        {
            continue;
        }
        // A side introduced as the perpetrator is not the target.
        if doc.cue_before(s.at.w0, 2, Cue::Agent).is_some() {
            if s.def.side == Side::Fighters {
                cx.gunmen = true;
            }
            continue;
        }
        // "نقلوا إلى مستشفى": a destination, not the target.
        if s.at.w0 > 0
            && matches!(doc.stem(s.at.w0 - 1), "الي" | "الى")
            && matches!(s.def.side, Side::CivilianTarget | Side::MilitaryTarget)
        {
            continue;
        }
        let targeted = doc.cue_before(s.at.w0, 2, Cue::Target).is_some()
            || doc
                .triggers
                .iter()
                .any(|t| t.at.w1 == s.at.w0 && t.def.class != C::Kill)
            || (doc.grammar.subject_first && targeted_in_order(doc, &s.at));
        // A target noun in a subject-first language must be the object,
        // the subject of a passive or the place of the event ("attacked a
        // checkpoint", "their patrol was ambushed", "a blast in a market"),
        // not any mention ("escorting civilians to a weekly market").
        let placed = !doc.grammar.subject_first
            || targeted
            || doc
                .cues_ending(s.at.w0.saturating_sub(2), s.at.w0)
                .iter()
                .any(|c| {
                    c.cue == Cue::On && c.at.w1 <= s.at.w0 && doc.next_after(c.at.w1, s.at.w0, 2)
                });
        match s.def.side {
            Side::MilitaryTarget if placed => cx.armed_target = true,
            Side::CivilianTarget if placed => cx.civilian_target = true,
            Side::Military | Side::Police if targeted => cx.armed_target = true,
            Side::Fighters if !targeted && s.def.count.is_none() => cx.gunmen = true,
            Side::Civilians if targeted => cx.civilian_target = true,
            // "سكان قرية يقتلون": a crowd of civilians acting (not "بين
            // القتلى نساء", the dead were women: a definite noun; nor the
            // object of "gunmen killed civilians" in a subject-first language)
            Side::Civilians
                if s.def.count.is_none()
                    && doc.triggers.iter().any(|t| {
                        t.def.class == C::Kill
                            && !t.definite
                            && ((t.at.w1 == s.at.w0
                                && !doc.grammar.subject_first
                                && !arabic_object(doc, &t.at, &s.at))
                                || s.at.w1 == t.at.w0)
                    }) =>
            {
                cx.civilians_act = true;
            }
            _ => {}
        }
        if matches!(s.def.side, Side::Military | Side::Police) {
            cx.state_named = true;
        }
    }
    for a in doc.actors.iter().filter(|a| within(scopes, &a.at)) {
        let inter = doc.dict.inter_in(a.actor, "");
        if matches!(inter, Inter::StateForces | Inter::External) {
            cx.state_named = true;
        }
        if doc.cue_before(a.at.w0, 2, Cue::Target).is_some() && inter != Inter::Civilians {
            cx.armed_target = true;
        }
    }
    for f in figs
        .iter()
        .filter(|f| f.kind == Kind::Killed || f.kind == Kind::Injured)
    {
        if !scopes.iter().any(|&(a, b)| f.w >= a && f.w < b) {
            continue;
        }
        cx.casualties = true;
        if f.kind == Kind::Killed && !f.enemy_claim {
            cx.killed = cx.killed.max(f.value);
        }
        match f.victims {
            Victims::Group(FatalityGroup::Civilians) => cx.civilian_victims = true,
            Victims::Group(FatalityGroup::Protesters) => cx.protest_victims = true,
            Victims::Group(
                FatalityGroup::Military
                | FatalityGroup::Police
                | FatalityGroup::Peacekeepers
                | FatalityGroup::Mercenaries,
            ) if !f.enemy_claim => cx.armed_victims = true,
            _ => {}
        }
    }
    for c in scopes.iter().flat_map(|&(a, b)| doc.cues_in(a, b)) {
        match c.cue {
            Cue::LiveFire => cx.live_fire = true,
            Cue::Disperse => cx.dispersal = true,
            Cue::Lynch => cx.lynch = true,
            _ => {}
        }
    }
    cx
}

/// Word order marks a side as the target: the object of an event verb
/// (determiners aside), the noun after "on"/"against", or the subject of a
/// passive event verb ("their patrol was ambushed").
fn targeted_in_order(doc: &Doc, at: &At) -> bool {
    doc.target_before(at.w0)
        || doc.triggers.iter().any(|t| {
            t.def.class != C::Kill && t.at.w1 <= at.w0 && doc.next_after(t.at.w1, at.w0, 3)
        })
        || doc.cues_of(Cue::Passive).iter().any(|p| {
            p.cue == Cue::Passive
                && p.at.w0 >= at.w1
                && p.at.w0 <= at.w1 + 1
                && doc
                    .triggers
                    .iter()
                    .any(|t| t.at.w0 >= p.at.w1 && t.at.w0 <= p.at.w1 + 1)
        })
}

/// "Hours later, eight villagers were killed near Banibangou": a sentence
/// with no perpetrator that counts deaths at another town of the incident
/// told before is a further incident of the same kind (English, French).
fn deaths_elsewhere(doc: &Doc, si: usize, prev: &Draft, figs: &[Figure]) -> Option<Frame> {
    let s = doc.sents[si];
    let prev_place = prev.place.as_ref()?;
    if prev.period || prev.family != Family::Violence || place_rank(&prev_place.place) != 0 {
        return None;
    }
    let kill = doc
        .triggers
        .iter()
        .find(|t| t.at.w0 >= s.w0 && t.at.w1 <= s.w1 && t.def.class == C::Kill)?;
    if !figs
        .iter()
        .any(|f| f.w >= s.w0 && f.w < s.w1 && f.kind == Kind::Killed && !f.enemy_claim)
    {
        return None;
    }
    let here = frame_place(doc, s.w0, s.w1, kill.at.w0, false)?;
    if place_rank(&here.place) > 1 || same_place(&here, prev_place) {
        return None;
    }
    Some(Frame {
        sent: si,
        family: Family::Violence,
        words: vec![Word {
            class: C::Kill,
            strength: 1,
            definite: false,
            at: kill.at,
        }],
        w0: s.w0,
        w1: s.w1,
    })
}

/// A cumulative toll over a period ("since March more than 900 killed").
fn period_total(
    doc: &Doc,
    si: usize,
    figs: &[Figure],
    prev_start: Option<&DateChoice>,
    ctx_place: Option<&PlaceChoice>,
) -> Option<Draft> {
    let s = doc.sents[si];
    // (Most documents have no period cue at all: no scan then.)
    if doc.cue_kinds & cue_bit(Cue::Period) == 0 {
        return None;
    }
    let period_cue = doc.cues_in(s.w0, s.w1).find(|c| c.cue == Cue::Period)?;
    // "On the same day, the Rwandan army, deployed there since 2021, said
    // it killed seven": a sentence that dates its own incident to a day
    // tells that incident; the "since" only describes someone.
    let dated_incident = doc.cues_in(s.w0, s.w1).any(|c| {
        matches!(
            c.cue,
            Cue::SameDay | Cue::NextDay | Cue::DayBefore | Cue::DayBefore2 | Cue::DayAfter2
        )
    }) || doc.dates.iter().any(|d| {
        d.at.w0 >= s.w0
            && d.at.w1 <= s.w1
            && d.d.precision == DatePrecision::Day
            && d.d.kind != DateKind::PeriodStart
            && d.at.w0 < period_cue.at.w0
    });
    if dated_incident {
        return None;
    }
    let killed: Vec<&Figure> = figs
        .iter()
        .filter(|f| f.w >= s.w0 && f.w < s.w1 && f.kind == Kind::Killed && !f.vague)
        .collect();
    if killed.is_empty() {
        return None;
    }
    let start = doc
        .dates
        .iter()
        .filter(|d| d.at.w0 >= s.w0 && d.at.w1 <= s.w1)
        .find(|d| d.d.kind == DateKind::PeriodStart || d.at.w0 >= period_cue.at.w1)
        .map(|d| {
            // "منذ مطلع العام الماضي": the start of last year, not this one.
            let last = d.at.w1 < s.w1
                && [doc.key(d.at.w1), doc.stem(d.at.w1)].iter().any(|k| {
                    matches!(
                        *k,
                        "الماضي" | "ماضي" | "الفايت" | "فايت" | "المنصرم" | "منصرم"
                    )
                })
                && doc.publication.is_some_and(|p| {
                    chrono::Datelike::year(&p) == chrono::Datelike::year(&d.d.date)
                });
            let date = if last {
                chrono::Datelike::with_year(&d.d.date, chrono::Datelike::year(&d.d.date) - 1)
                    .unwrap_or(d.d.date)
            } else {
                d.d.date
            };
            DateChoice {
                date,
                precision: d.d.precision,
                span: Some(d.at.span),
            }
        })
        .or_else(|| prev_start.cloned())
        .or_else(|| years_back(doc, period_cue))
        .or_else(|| this_year(doc, period_cue))?;
    // A period known to the month starts on its first day ("since March":
    // 1 March; guidelines 7), not in the middle as an incident would.
    let mut start = start;
    if start.precision == DatePrecision::Month {
        start.date = start.date.with_day(1).unwrap_or(start.date);
    }
    // "since the start of the year" is a month-precise start (1 January).
    if start.precision == DatePrecision::Year
        && start.span.is_some_and(|sp| {
            let mut a = sp.start.saturating_sub(24);
            while !doc.text.is_char_boundary(a) {
                a -= 1;
            }
            let t = rasd_text::fold::fold_str(doc.text.get(a..sp.end).unwrap_or(""));
            t.contains("مطلع") || t.contains("بدايه") || t.contains("اوايل")
        })
    {
        start.precision = DatePrecision::Month;
    }
    let words: Vec<Word> = doc
        .triggers
        .iter()
        .filter(|t| t.at.w0 >= s.w0 && t.at.w1 <= s.w1 && t.def.class != C::Kill)
        .map(|t| Word {
            class: t.def.class,
            strength: t.def.strength.max(1),
            definite: false,
            at: t.at,
        })
        .filter(|w| crate::detect::family(w.class) == Family::Violence)
        .collect();
    let frame = Frame {
        sent: si,
        family: Family::Violence,
        words,
        w0: s.w0,
        w1: s.w1,
    };
    let cx = context(doc, &[(s.w0, s.w1)], figs);
    let mut sub = classify(&frame.words, Family::Violence, &cx);
    if frame.words.is_empty() {
        sub = if cx.civilian_target || cx.civilian_victims {
            SubEventType::Attack
        } else {
            SubEventType::ArmedClash
        };
    }
    let place = frame_place(doc, s.w0, s.w1, s.w0, false)
        .or_else(|| place_reference(doc, s.w0, s.w1, ctx_place));
    Some(Draft {
        family: Family::Violence,
        frames: vec![frame],
        details: Vec::new(),
        date: Some(start),
        place,
        own_date: true,
        own_place: true,
        sub,
        period: true,
        last_sent: si,
        in_story: true,
    })
}

/// "since the start of the year", "so far this year", "depuis le début de
/// l'année", "depuis janvier": a period cue that holds its own start (no
/// date follows it) starts on 1 January of the publication year.
fn this_year(doc: &Doc, cue: &crate::doc::CueM) -> Option<DateChoice> {
    let pub_date = doc.publication?;
    let said = rasd_text::fold::fold_str(doc.text.get(cue.at.span.start..cue.at.span.end)?);
    let last = said.rsplit([' ', '\'', '’']).next()?;
    if !matches!(last, "year" | "annee" | "january" | "janvier") {
        return None;
    }
    Some(DateChoice {
        date: NaiveDate::from_ymd_opt(pub_date.year(), 1, 1)?,
        precision: DatePrecision::Month,
        span: Some(cue.at.span),
    })
}

/// "The 12-year conflict": a period cue right after a number of years
/// starts that many years before publication (year precision, 1 January).
fn years_back(doc: &Doc, cue: &crate::doc::CueM) -> Option<DateChoice> {
    let pub_date = doc.publication?;
    let w = cue.at.w0.checked_sub(1)?;
    if !doc.same_clause(w, cue.at.w0) {
        return None;
    }
    let n: i32 = doc.key(w).parse().ok()?;
    if !(1..=100).contains(&n) {
        return None;
    }
    let date = NaiveDate::from_ymd_opt(chrono::Datelike::year(&pub_date) - n, 1, 1)?;
    Some(DateChoice {
        date,
        precision: DatePrecision::Year,
        span: Some(doc.word_span(w).cover(cue.at.span)),
    })
}

/// An actor of an incident, resolved to its ACLED name.
#[derive(Debug, Clone)]
struct Cand {
    name: String,
    inter: Inter,
    span: Span,
    w: usize,
    role: Role,
    /// A named organization (not a generic side).
    named: bool,
    /// The main sentence of the incident (not a detail sentence).
    main: bool,
    /// Its people were counted among the dead or wounded.
    victim: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Role {
    Claimer,
    Agent,
    First,
    Second,
    Patient,
    Speaker,
    Ally,
    Mention,
}

/// The country an incident happened in: its place, else the countries
/// the text names.
fn event_country(doc: &Doc, d: &Draft) -> (String, String) {
    if let Some(p) = &d.place {
        if !p.place.iso3.is_empty() {
            return (p.place.iso3.clone(), p.place.country.clone());
        }
    }
    for f in &d.frames {
        if let Some(c) = doc.countries.iter().find(|c| {
            c.at.w0 >= f.w0
                && c.at.w1 <= f.w1
                && c.m.form == crate::geo::CountryForm::Name
                // "the U.S. military said it carried out strikes in
                // Somalia": a country inside a force's name is whose
                // force it is, not where the incident happened.
                && !doc
                    .actors
                    .iter()
                    .any(|a| a.at.w0 <= c.at.w0 && c.at.w1 <= a.at.w1)
        }) {
            return (c.m.iso3.to_string(), c.m.country.to_string());
        }
    }
    // English, French: "Somali forces retook the town of X": the country
    // of the forces that act (not of counted victims: "two Chadian
    // peacekeepers were wounded" happens wherever they serve).
    if doc.grammar.subject_first {
        if let Some(s) = d.frames.iter().find_map(|f| acting_forces(doc, f.w0, f.w1)) {
            return (
                s.iso3.unwrap_or_default().to_string(),
                s.country.unwrap_or_default().to_string(),
            );
        }
        // "Houthi rebels fired a missile at …": a group that fights in one
        // country only places the incident there.
        let home = d.frames.iter().find_map(|f| {
            doc.actors
                .iter()
                .filter(|a| a.at.w0 >= f.w0 && a.at.w1 <= f.w1)
                .find_map(|a| {
                    let def = &doc.dict.actors[a.actor];
                    def.iso3
                        .as_deref()
                        .filter(|_| def.inter != Inter::StateForces)
                })
        });
        if let Some(iso) = home {
            if let Some(c) = crate::geo::Gazetteer::global().country(iso) {
                return (c.iso3, c.name);
            }
        }
    }
    if let Some(c) = doc.doc_countries.first() {
        return (c.0.to_string(), c.1.to_string());
    }
    // A report that names towns but never its country (El Fasher, Nyala,
    // al-Jazira): the country most of its places are in. Only places in
    // the article's body or its dateline count: a menu or a related-story
    // link names other countries' places.
    let mut seen: Vec<(&str, &str, usize)> = Vec::new();
    for p in doc
        .places
        .iter()
        .filter(|p| p.in_body || opens_dateline(doc.text, p.at.span))
        .filter_map(|p| p.place.as_deref())
    {
        if p.iso3.is_empty() {
            continue;
        }
        match seen.iter_mut().find(|s| s.0 == p.iso3) {
            Some(s) => s.2 += 1,
            None => seen.push((&p.iso3, &p.country, 1)),
        }
    }
    seen.iter()
        .max_by_key(|s| s.2)
        .map(|s| (s.0.to_string(), s.1.to_string()))
        .unwrap_or_default()
}

/// A state force of a named country acting in words `w0..w1` (not counted
/// among the victims).
fn acting_forces<'d>(doc: &'d Doc, w0: usize, w1: usize) -> Option<&'d crate::doc::SideM> {
    doc.sides.iter().find(|s| {
        s.at.w0 >= w0
            && s.at.w1 <= w1
            && s.iso3.is_some()
            && matches!(s.def.side, Side::Military | Side::Police)
            && !doc
                .qtys
                .iter()
                .any(|q| q.at.w1 <= s.at.w0 && s.at.w0 - q.at.w1 <= 2)
    })
}

/// The word ends in a possessive pronoun ("مقاتليه", "عناصرها"): read on
/// the original letters, since folding makes ة look like ه.
fn pronoun_suffix(doc: &Doc, w: usize) -> bool {
    let sp = doc.word_span(w);
    let word = doc.text.get(sp.start..sp.end).unwrap_or("");
    // The last two letters, diacritics skipped (no string built).
    let mut letters = word
        .chars()
        .rev()
        .filter(|c| !('\u{064B}'..='\u{065F}').contains(c));
    let (last, before) = (letters.next(), letters.next());
    last == Some('ه') || (before == Some('ه') && matches!(last, Some('ا' | 'م')))
}

/// The actors an incident's text names, with their roles.
fn candidates(doc: &Doc, d: &Draft, iso3: &str, country: &str) -> Vec<Cand> {
    let scopes = d.scopes(doc);
    // Inside the incident's own sentences (the frames' ranges; no vector
    // of them is built for it).
    let in_main = |at: &At| d.frames.iter().any(|f| at.w0 >= f.w0 && at.w1 <= f.w1);
    let words = d.words();
    let speech_near = |at: &At| {
        doc.cue_before(at.w0, 2, Cue::Speech).is_some()
            || doc.cue_before(at.w0, 1, Cue::Source).is_some()
    };
    let role_at = |at: &At, armed: bool| -> Option<Role> {
        if doc.cue_may_end(at.w0.saturating_sub(1), at.w0, cue_bit(Cue::Affil))
            && doc
                .cues_ending(at.w0.saturating_sub(1), at.w0)
                .iter()
                .any(|c| c.cue == Cue::Affil && c.at.w1 <= at.w0 && at.w0 - c.at.w1 <= 1)
        {
            return None;
        }
        let before = |cue: Cue, n: usize| doc.cue_before(at.w0, n, cue).is_some();
        // The negation must be in the word's sentence: "… ولم تسجل
        // وفيات. وتبنت الجماعة العملية" is a claim.
        let negated = |w: usize| {
            doc.cue_may_end(w.saturating_sub(2), w, cue_bit(Cue::Negation))
                && doc.cues_ending(w.saturating_sub(2), w).iter().any(|n| {
                    n.cue == Cue::Negation
                        && n.at.w1 <= w
                        && w - n.at.w1 <= 2
                        && doc.same_sentence(n.at.w0, w)
                })
        };
        let claim_before = doc
            .cue_before(at.w0, 4, Cue::Claim)
            .filter(|c| !negated(c.at.w0))
            // "a été revendiquée lundi par la branche sahélienne de l'EI":
            // the claimer after its agent word, a little further on.
            .or_else(|| {
                doc.cue_before(at.w0, 8, Cue::Claim)
                    .filter(|c| !negated(c.at.w0))
                    .filter(|c| doc.cues_in(c.at.w1, at.w0).any(|a| a.cue == Cue::Agent))
                    // "… revendiquée, mais la zone est régulièrement ciblée
                    // par X": a background clause between ends the claim.
                    .filter(|c| {
                        !doc.cues_in(c.at.w1, at.w0)
                            .any(|b| b.cue == Cue::Background)
                    })
            });
        let claim_after = doc.cues_starting(at.w1, at.w1 + 3).iter().find(|c| {
            c.cue == Cue::Claim
                && c.at.w0 >= at.w1
                && c.at.w0 <= at.w1 + 3
                && doc.same_clause(at.w0, c.at.w0)
                && !negated(c.at.w0)
        });
        if claim_before.is_some() || claim_after.is_some() {
            return Some(Role::Claimer);
        }
        // "… بتهمة الانتماء إلى تنظيم الدولة", "accused of belonging to
        // IS": the group named in an arrest's charge is the accused's,
        // never the arrester.
        // "people suspected of belonging to X": the suspects' role, which
        // the side before the phrase may change (see `suspects_role`);
        // alone, they are the arrested or the dead.
        if doc.cue_before(at.w0, 3, Cue::Charge).is_some()
            || doc.cue_before(at.w0, 3, Cue::Suspect).is_some()
        {
            return Some(Role::Patient);
        }
        if doc.grammar.subject_first {
            return role_subject_first(doc, at, armed, &words);
        }
        // The subject of a reported clause ("قالت الوزارة إن مسلحين هاجموا").
        if armed
            && at.w0 > 0
            && (matches!(doc.stem(at.w0 - 1), "ان")
                || doc
                    .cues_ending(at.w0.saturating_sub(1), at.w0)
                    .iter()
                    .any(|c| c.cue == Cue::That && doc.next_after(c.at.w1, at.w0, 1)))
            && doc.same_clause(at.w0 - 1, at.w0)
        {
            return Some(Role::Agent);
        }
        if let Some(c) = doc.cue_before(at.w0, 2, Cue::Agent) {
            // "تابعة لـ X" names the perpetrator after a weapon or a fighter
            // ("طائرة مسيرة تابعة للجيش", "قناص تابع للحوثي"), the owner of
            // the target otherwise ("أهداف تابعة للحوثيين").
            let owner_word = doc.stem(c.at.w0).starts_with("تابع");
            let after_weapon = c.at.w0 > 0
                && (doc.triggers.iter().any(|t| t.at.w1 == c.at.w0)
                    || doc.sides.iter().any(|x| {
                        x.at.w1 == c.at.w0
                            && matches!(x.def.side, Side::Fighters | Side::Military | Side::Police)
                    }));
            // "أقدمت دورية تابعة لـ X على اعتقال": the noun right after a
            // verb of doing is its subject, and X owns the doer.
            let doer = c.at.w0 > 0
                && doc
                    .cue_before(c.at.w0, 2, Cue::CarryOut)
                    .is_some_and(|v| v.at.w1 < c.at.w0);
            return Some(if owner_word && !after_weapon && !doer {
                Role::Patient
            } else {
                Role::Agent
            });
        }
        // "هجوم لمسلحين على نقطة للجيش", "غارات لطيران التحالف": a party
        // in the genitive (the proclitic لـ) right after an attack word is
        // the attacker; the party after "على" is the target.
        if doc.key(at.w0).starts_with('ل')
            && !doc.stem(at.w0).starts_with('ل')
            && doc.triggers.iter().any(|t| {
                t.at.w1 == at.w0 && matches!(t.def.class, C::Attack | C::Air | C::Shelling)
            })
            && !doc.sides.iter().any(|x| {
                x.at.w0 == at.w0
                    && matches!(x.def.side, Side::MilitaryTarget | Side::CivilianTarget)
            })
        {
            return Some(Role::Agent);
        }
        // "اتهمت قسد الجيش التركي": right after the verb and followed by
        // the accused, a party is the accuser.
        if let Some(b) = doc.cue_before(at.w0, 6, Cue::Blame) {
            let accuser = at.w0 - b.at.w1 <= 1
                && (doc
                    .actors
                    .iter()
                    .any(|a| a.at.w0 >= at.w1 && a.at.w0 <= at.w1 + 2)
                    || doc.sides.iter().any(|x| {
                        x.at.w0 >= at.w1
                            && x.at.w0 <= at.w1 + 2
                            && matches!(x.def.side, Side::Military | Side::Police | Side::Fighters)
                    }));
            return Some(if accuser { Role::Speaker } else { Role::Agent });
        }
        if before(Cue::Hedge, 8) {
            return Some(Role::Agent);
        }
        if before(Cue::Assoc, 3) {
            return Some(Role::Ally);
        }
        if doc.cue_may_end(at.w0.saturating_sub(2), at.w0, cue_bit(Cue::Between))
            && doc
                .cues_ending(at.w0.saturating_sub(2), at.w0)
                .iter()
                .any(|c| c.cue == Cue::Between && c.at.w1 <= at.w0 && at.w0 - c.at.w1 <= 2)
        {
            return Some(Role::First);
        }
        // "On one side X, on the other Y": the two parties of a fight.
        let sides_ab = cue_bit(Cue::SideA) | cue_bit(Cue::SideB);
        let side_cue = if doc.cue_may_end(at.w0.saturating_sub(2), at.w0, sides_ab) {
            doc.cues_ending(at.w0.saturating_sub(2), at.w0)
                .iter()
                .filter(|c| matches!(c.cue, Cue::SideA | Cue::SideB))
                .filter(|c| c.at.w1 <= at.w0 && at.w0 - c.at.w1 <= 2)
                .max_by_key(|c| c.at.w1)
        } else {
            None
        };
        if let Some(c) = side_cue {
            return Some(if c.cue == Cue::SideA {
                Role::First
            } else {
                Role::Second
            });
        }
        if let Some(c) = doc.cue_before(at.w0, 2, Cue::Target) {
            // "على" marks a target only right after an event word ("هجوم … على معسكر").
            let on = doc.stem(c.at.w0) == "علي";
            if !on
                || doc
                    .triggers
                    .iter()
                    .any(|t| t.at.w1 <= c.at.w0 && c.at.w0 - t.at.w1 <= 4)
            {
                return Some(Role::Patient);
            }
        }
        // "مواقع لـ X", "مقر لجماعة X": the owner of the target hit.
        let of = doc.key(at.w0).starts_with('ل') || (at.w0 > 0 && doc.key(at.w0 - 1) == "ل");
        if of
            && doc.sides.iter().any(|x| {
                matches!(x.def.side, Side::MilitaryTarget | Side::CivilianTarget)
                    && x.at.w1 <= at.w0
                    && at.w0 - x.at.w1 <= 2
                    && doc.same_clause(x.at.w0, at.w0)
            })
        {
            return Some(Role::Patient);
        }
        // "قصف مدفعي من قوات النظام": the force the fire came from.
        if at.w0 >= 2
            && doc.stem(at.w0 - 1) == "من"
            && doc.triggers.iter().any(|t| {
                t.at.w1 == at.w0 - 1 && matches!(t.def.class, C::Shelling | C::Air | C::Shooting)
            })
        {
            return Some(Role::Agent);
        }
        if speech_near(at) {
            return Some(Role::Speaker);
        }
        // The subject of a reported clause ("قالت الوزارة إن مسلحين هاجموا").
        if armed
            && at.w0 > 0
            && matches!(doc.stem(at.w0 - 1), "ان")
            && doc.same_clause(at.w0 - 1, at.w0)
        {
            return Some(Role::Agent);
        }
        // Right after or before an event word: the subject of a verb or
        // the genitive of a noun ("هاجم مسلحون", "الجيش يستعيد").
        for w in &words {
            if (w.at.w1 == at.w0 || at.w1 == w.at.w0) && armed {
                // "قتل جنديان في انفجار عبوة": a killing verb whose subject
                // has no object after it reads as the passive (قُتل): the
                // subject is who died.
                if w.class == C::Kill && w.at.w1 == at.w0 && !victims_follow(doc, at.w1) {
                    return Some(Role::Patient);
                }
                return Some(Role::Agent);
            }
            if w.at.w1 == at.w0 && !armed {
                return Some(Role::Patient);
            }
        }
        Some(Role::Mention)
    };
    // English names the organization before its people ("JNIM fighters",
    // "Houthi forces"): the noun after the name belongs to it.
    let noun_after_name = |a: &At| -> Option<&crate::doc::SideM> {
        if !doc.grammar.modifier_first {
            return None;
        }
        doc.sides.iter().find(|s| {
            s.at.w0 == a.w1
                && matches!(
                    s.def.side,
                    Side::Fighters | Side::Members | Side::Military | Side::Police
                )
        })
    };
    // (Sized for the usual few parties at once, not grown by doubling.)
    let mut out: Vec<Cand> = Vec::with_capacity((doc.actors.len() + doc.sides.len()).min(12));
    for a in doc.actors.iter().filter(|a| within(&scopes, &a.at)) {
        let (name, inter) = doc.actor_name(a.actor, iso3, country);
        let armed = !matches!(inter, Inter::Civilians | Inter::Protesters | Inter::Rioters);
        let mut victim_actor = false;
        let mut role = if let Some(s) = noun_after_name(&a.at) {
            let whole = At {
                w0: a.at.w0,
                w1: s.at.w1,
                span: a.at.span.cover(s.at.span),
            };
            let counted = doc
                .qtys
                .iter()
                .any(|q| q.at.w1 <= a.at.w0 && doc.next_after(q.at.w1, a.at.w0, 2))
                || doc.cues.iter().any(|c| {
                    matches!(c.cue, Cue::Death | Cue::Injury | Cue::Neutralized)
                        && c.at.w1 <= a.at.w0
                        && doc.next_after(c.at.w1, a.at.w0, 2)
                });
            if counted {
                victim_actor = true;
                Role::Patient
            } else {
                match role_at(&whole, armed) {
                    Some(r) => r,
                    None => continue,
                }
            }
        } else if doc.grammar.subject_first
            && doc
                .qtys
                .iter()
                .any(|q| q.at.w1 <= a.at.w0 && doc.next_after(q.at.w1, a.at.w0, 1))
        {
            // "deux Casques bleus": people of the organization counted
            victim_actor = true;
            Role::Patient
        } else {
            match role_at(&a.at, armed) {
                Some(r) => r,
                None => continue,
            }
        };
        // "مسلحو X", "عناصر من X": the noun before carries the role; when
        // the noun is counted ("ثلاثة من منتسبي X"), X lost people: a target.
        // (English names the organization first: "JNIM fighters".)
        if matches!(role, Role::Mention | Role::Agent) && !doc.grammar.modifier_first {
            if let Some(s) = doc.sides.iter().find(|s| {
                (s.at.w1 == a.at.w0 || s.at.w1 + 1 == a.at.w0)
                    && matches!(s.def.side, Side::Fighters | Side::Members | Side::Military)
                    && doc.same_clause(s.at.w0, a.at.w0)
            }) {
                let counted = doc
                    .qtys
                    .iter()
                    .any(|q| q.at.w1 == s.at.w0 || q.at.w1 + 1 == s.at.w0)
                    || s.def.count.is_some()
                    || doc.cues.iter().any(|c| {
                        matches!(c.cue, Cue::Death | Cue::Injury)
                            && c.at.w1 <= s.at.w0
                            && s.at.w0 - c.at.w1 <= 1
                            // "ذبح عناصر من X", "اغتال مسلحو X": an active
                            // slaughter verb is followed by its doers.
                            && !doc
                                .triggers
                                .iter()
                                .any(|t| t.at.w0 == c.at.w0 && t.def.class == C::Massacre)
                            // "قتل مسلحو X خمسة مدنيين": X killed them
                            && crate::detect::killer_after_verb(doc, &c.at).is_none()
                    });
                // Counted members lost people: the target, even right
                // before the event word ("أربعة من عناصر X بانفجار عبوة").
                if counted {
                    role = Role::Patient;
                    victim_actor = true;
                } else if role == Role::Mention {
                    if let Some(r) = role_at(&s.at, true) {
                        role = r;
                    }
                }
            }
        }
        // "fighters from the CODECO militia", "des combattants de la
        // CODECO": the people named before the organization act for it.
        if matches!(role, Role::Mention | Role::Patient)
            && !victim_actor
            && doc.grammar.subject_first
        {
            if let Some(s) = doc.sides.iter().find(|s| {
                fighters_of(doc, s, &a.at)
                    && !doc
                        .qtys
                        .iter()
                        .any(|q| q.at.w1 == s.at.w0 || q.at.w1 + 1 == s.at.w0)
            }) {
                if let Some(r) = role_at(&s.at, true) {
                    role = r;
                }
            }
        }
        // "Between X and Y": the second party.
        if role == Role::Mention
            && out.iter().any(|c| c.role == Role::First)
            && a.at.w0 > 0
            && (doc.an.tokens[doc.words.tok[a.at.w0]]
                .prefix()
                .starts_with('و')
                || doc
                    .cues
                    .iter()
                    .any(|c| c.cue == Cue::And && doc.next_after(c.at.w1, a.at.w0, 1)))
        {
            role = Role::Second;
        }
        // "… غير أن حركة الشباب تنشط في المنطقة": the group as the subject
        // of a presence verb right after it is background too.
        let bg_after = doc
            .cue_at(a.at.w1, Cue::Background)
            .is_some_and(|c| doc.same_clause(a.at.w0, c.at.w0));
        let bg = bg_after
            || doc.cues_of(Cue::Background).iter().any(|c| {
                c.cue == Cue::Background && doc.same_sentence(c.at.w0, a.at.w0) && c.at.w0 < a.at.w0
            });
        if bg && matches!(role, Role::Mention | Role::Speaker) {
            continue;
        }
        let main = in_main(&a.at);
        // "… n'a pas été revendiquée, mais la zone est régulièrement
        // ciblée par l'EI": a detail sentence telling who usually strikes
        // the area names a suspect in general terms, not the perpetrator.
        let habitual = bg_after || doc.cue_before(a.at.w0, 3, Cue::Background).is_some();
        if bg && (!main || habitual) && role == Role::Agent {
            continue;
        }
        // Detail sentences only tell who did it, claimed it or said it.
        if !main
            && !matches!(
                role,
                Role::Claimer
                    | Role::Agent
                    | Role::Speaker
                    | Role::First
                    | Role::Second
                    | Role::Ally
            )
        {
            continue;
        }
        out.push(Cand {
            name,
            inter,
            span: a.at.span,
            w: a.at.w0,
            role,
            named: true,
            main,
            victim: victim_actor,
        });
    }
    // "its fighters", "ses combattants": a possessive before the noun is
    // the Arabic pronoun suffix.
    let owned = |s: &crate::doc::SideM| {
        pronoun_suffix(doc, s.at.w0)
            || (doc.grammar.subject_first
                && doc
                    .cues
                    .iter()
                    .any(|c| c.cue == Cue::Possessive && c.at.w1 == s.at.w0))
    };
    for s in doc.sides.iter().filter(|s| within(&scopes, &s.at)) {
        let mut side = s.def.side;
        // "اشتباكات مسلحة", "عملية مسلحة": right after an event word, the
        // feminine of the word for gunmen is the event's adjective
        // ("armed"), no party. (The masculine may be a verb's subject:
        // "قتل مسلح", "قتل مسلحوه".)
        if !doc.grammar.modifier_first
            && side == Side::Fighters
            && s.at.w1 == s.at.w0 + 1
            && matches!(doc.stem(s.at.w0), "مسلحة" | "مسلحه")
            && doc.triggers.iter().any(|t| t.at.w1 == s.at.w0)
        {
            continue;
        }
        // "a local government official", "two military sources": a side
        // word inside the name of who reports is no party.
        if doc.grammar.subject_first
            && doc
                .sources
                .iter()
                .any(|x| x.at.w0 <= s.at.w0 && s.at.w1 <= x.at.w1)
        {
            continue;
        }
        if side == Side::Anaphor {
            // "تنظيم «الدولة الإسلامية»": the head noun of the name that follows.
            if doc
                .actors
                .iter()
                .any(|a| a.at.w0 >= s.at.w1 && a.at.w0 <= s.at.w1 + 1)
            {
                continue;
            }
            // "the organization": the armed group named last before.
            let prev = doc
                .actors
                .iter()
                .filter(|a| a.at.w1 <= s.at.w0)
                .map(|a| (a, doc.actor_name(a.actor, iso3, country)))
                .rfind(|(_, (_, inter))| {
                    matches!(
                        inter,
                        Inter::RebelGroup | Inter::PoliticalMilitia | Inter::IdentityMilitia
                    )
                });
            let found = prev.is_some();
            // "مسلحون من الجماعة نفسها", "عناصر التنظيم": the people named
            // before the reference carry its role.
            let role = role_at(&s.at, true).map(|r| {
                let people = doc.sides.iter().find(|x| {
                    matches!(x.def.side, Side::Fighters | Side::Members)
                        && x.def.count.is_none()
                        && (x.at.w1 == s.at.w0
                            || (x.at.w1 + 1 == s.at.w0 && doc.stem(x.at.w1) == "من"))
                        && doc.same_clause(x.at.w0, s.at.w0)
                });
                match people {
                    Some(x) if r == Role::Mention && !doc.grammar.subject_first => {
                        role_at(&x.at, true).unwrap_or(r)
                    }
                    _ => r,
                }
            });
            if let (Some((_, (name, inter))), Some(role)) = (prev, role) {
                let main = in_main(&s.at);
                if main || matches!(role, Role::Claimer | Role::Agent) {
                    out.push(Cand {
                        name,
                        inter,
                        span: s.at.span,
                        w: s.at.w0,
                        role,
                        named: true,
                        main,
                        victim: false,
                    });
                }
            }
            if found {
                continue;
            }
            // No group named before: an unnamed armed group.
            side = Side::Fighters;
        }
        if side == Side::Members || side == Side::People {
            // "مقاتليه", "عناصرها": the organization spoken of.
            if owned(s) && matches!(side, Side::Members) || (side == Side::Fighters && owned(s)) {
                if let Some(prev) = out
                    .iter()
                    .filter(|c| c.named && c.w < s.at.w0)
                    .max_by_key(|c| c.w)
                    .cloned()
                {
                    if let Some(role) = role_at(&s.at, true) {
                        out.push(Cand {
                            role,
                            span: s.at.span,
                            w: s.at.w0,
                            main: in_main(&s.at),
                            ..prev
                        });
                    }
                }
            }
            continue;
        }
        if side == Side::Fighters && owned(s) {
            let prev = doc
                .actors
                .iter()
                .filter(|a| a.at.w1 <= s.at.w0)
                .map(|a| (a, doc.actor_name(a.actor, iso3, country)))
                .rfind(|(_, (_, inter))| {
                    matches!(
                        inter,
                        Inter::RebelGroup | Inter::PoliticalMilitia | Inter::IdentityMilitia
                    )
                });
            if let Some((a, (name, inter))) = prev {
                if let Some(role) = role_at(&s.at, true) {
                    out.push(Cand {
                        name,
                        inter,
                        span: s.at.span,
                        w: a.at.w0.max(s.at.w0),
                        role,
                        named: true,
                        main: in_main(&s.at),
                        victim: false,
                    });
                }
                continue;
            }
        }
        // "مسلحو X", "عناصر من X": the noun is the named actor.
        if matches!(side, Side::Fighters | Side::Members)
            && doc
                .actors
                .iter()
                .any(|a| a.at.w0 == s.at.w1 || a.at.w0 == s.at.w1 + 1)
        {
            continue;
        }
        // "مقاتلات التحالف", "جنود قوة الردع": an Arabic force noun without
        // the article heads a construct whose second term names the
        // force; "الجيش حركة الشباب" (definite) is two parties.
        if !doc.grammar.subject_first
            && matches!(side, Side::Military | Side::Police)
            && !doc.definite(s.at.w0)
            && doc.actors.iter().any(|a| a.at.w0 == s.at.w1)
        {
            continue;
        }
        // "JNIM fighters", "Houthi forces"; "des combattants présumés de
        // Boko Haram": the noun stands for the organization.
        if doc.grammar.subject_first
            && doc.actors.iter().any(|a| {
                noun_after_name(&a.at).is_some_and(|n| n.at.w0 == s.at.w0)
                    || fighters_of(doc, s, &a.at)
                    || (matches!(side, Side::Fighters | Side::Members)
                        && a.at.w0 > s.at.w1
                        && a.at.w0 - s.at.w1 <= 3
                        && (s.at.w1..a.at.w0).all(|i| {
                            doc.cues.iter().any(|c| {
                                c.at.w0 <= i
                                    && i < c.at.w1
                                    && matches!(c.cue, Cue::Of | Cue::Definite | Cue::Hedge)
                            })
                        }))
            })
        {
            continue;
        }
        if side == Side::Authorities {
            side = if d.family == Family::Arrest {
                Side::Police
            } else {
                Side::Military
            };
        }
        let side_iso = s.iso3.unwrap_or(iso3);
        let side_country = s.country.unwrap_or(country);
        let Some((name, inter)) = generic_name(side, side_country, iso3, side_iso) else {
            continue;
        };
        let armed = matches!(
            side.as_people(),
            Side::Military | Side::Police | Side::Fighters | Side::Clan
        );
        let Some(mut role) = role_at(&s.at, armed) else {
            continue;
        };
        if matches!(s.def.side, Side::MilitaryTarget | Side::CivilianTarget) {
            // "مواقع لـ X": the owner named after the target stands for it.
            if doc
                .actors
                .iter()
                .any(|a| a.at.w0 >= s.at.w1 && a.at.w0 <= s.at.w1 + 2)
                || doc.sides.iter().any(|x| {
                    x.at.w0 >= s.at.w1
                        && x.at.w0 <= s.at.w1 + 2
                        && matches!(
                            x.def.side,
                            Side::Fighters | Side::Military | Side::Police | Side::Anaphor
                        )
                })
            {
                continue;
            }
            // A base or a village is hit; it never acts.
            if matches!(
                role,
                Role::Agent | Role::Speaker | Role::First | Role::Second
            ) {
                role = Role::Patient;
            }
            // (English, French: a target word is only ever the target.)
            if doc.grammar.subject_first && role != Role::Patient {
                continue;
            }
        }
        let bg = doc.cues_of(Cue::Background).iter().any(|c| {
            c.cue == Cue::Background && doc.same_sentence(c.at.w0, s.at.w0) && c.at.w0 < s.at.w0
        });
        if bg && matches!(role, Role::Mention | Role::Speaker) {
            continue;
        }
        let main = in_main(&s.at);
        if !main
            && !matches!(
                role,
                Role::Claimer
                    | Role::Agent
                    | Role::Speaker
                    | Role::First
                    | Role::Second
                    | Role::Ally
            )
        {
            continue;
        }
        let mut after_noun = s.at.w1;
        if doc.grammar.subject_first {
            if let Some(c) = doc.countries.iter().find(|c| c.at.w0 == after_noun) {
                after_noun = c.at.w1;
            }
            if let Some(c) = doc.cue_at(after_noun, Cue::Passive) {
                after_noun = c.at.w1;
            }
        }
        let injured_after = doc.grammar.subject_first
            && doc.cues.iter().any(|c| {
                matches!(c.cue, Cue::Death | Cue::Injury)
                    && c.at.w0 >= s.at.w1
                    && c.at.w0 <= after_noun
            });
        let victim = s.def.side.names_people()
            && (injured_after
                || doc
                    .qtys
                    .iter()
                    .any(|q| q.at.w0 < s.at.w0 && s.at.w0 <= q.at.w1 + 2)
                || doc.cues.iter().any(|c| {
                    matches!(c.cue, Cue::Death | Cue::Injury)
                        && (c.at.w1 <= s.at.w0 && s.at.w0 - c.at.w1 <= 1
                            || c.at.w0 >= s.at.w1 && c.at.w0 - s.at.w1 <= 1)
                }));
        // "قُتل جنديان": a count right after a verb the writer marked as
        // passive (its damma) names the victims, not the killers.
        let passive_victims = s.def.count.is_some()
            && doc.cues_of(Cue::Death).iter().any(|c| {
                c.cue == Cue::Death
                    && c.at.w1 <= s.at.w0
                    && s.at.w0 - c.at.w1 <= 1
                    && marked_passive(doc, &c.at)
            });
        let role = if victim && (role == Role::Mention || (role == Role::Agent && passive_victims))
        {
            Role::Patient
        } else {
            role
        };
        out.push(Cand {
            name,
            inter,
            span: s.at.span,
            w: s.at.w0,
            role,
            named: false,
            main,
            victim,
        });
    }
    // "طائرة مسيرة تركية", "غارات روسية": the weapon's country fires it.
    for w in &words {
        if !matches!(w.class, C::Air | C::Shelling) {
            continue;
        }
        let demonym = |c: &crate::doc::CountryM| c.m.form == crate::geo::CountryForm::Demonym;
        if let Some(c) = doc.countries.iter().find(|c| {
            (demonym(c)
                && c.at.w0 >= w.at.w1
                && (c.at.w0 <= w.at.w1 + 1
                    // "مسيّرة يُرجح أنها تركية": a hedged nationality
                    || (c.at.w0 <= w.at.w1 + 4
                        && doc.cues_in(w.at.w1, c.at.w0).any(|h| h.cue == Cue::Hedge))))
                // "a Turkish drone", "Russian air strikes", "a U.S. air strike"
                || (doc.grammar.modifier_first
                    && c.at.w1 <= w.at.w0
                    && w.at.w0 - c.at.w1 <= 1
                    && doc.same_clause(c.at.w0, w.at.w0))
        }) {
            if let Some((name, inter)) = generic_name(Side::Military, c.m.country, iso3, c.m.iso3) {
                out.push(Cand {
                    name,
                    inter,
                    span: w.at.span.cover(c.at.span),
                    w: w.at.w0,
                    role: Role::Agent,
                    named: true,
                    main: true,
                    victim: false,
                });
            }
        }
    }
    // "The United States carried out air strikes", "Israel shelled …": a
    // country named as the subject of a strike word acts through its forces
    // (English, French: the subject before its verb, nothing but function
    // words, support verbs and dates between).
    if doc.grammar.subject_first {
        for w in words
            .iter()
            .filter(|w| matches!(w.class, C::Air | C::Shelling))
        {
            let Some(c) = doc.countries.iter().find(|c| {
                c.m.form == crate::geo::CountryForm::Name
                    && c.at.w1 <= w.at.w0
                    && w.at.w0 - c.at.w1 <= 4
                    && doc.same_clause(c.at.w0, w.at.w0)
                    && (c.at.w1..w.at.w0).all(|i| {
                        doc.dates.iter().any(|d| d.at.w0 <= i && i < d.at.w1)
                            || doc.cues.iter().any(|k| {
                                k.at.w0 <= i
                                    && i < k.at.w1
                                    && matches!(
                                        k.cue,
                                        Cue::Support | Cue::Definite | Cue::Article | Cue::Of
                                    )
                            })
                    })
                    && doc.cues_in(c.at.w1, w.at.w0).any(|k| k.cue == Cue::Support)
            }) else {
                continue;
            };
            if let Some((name, inter)) = generic_name(Side::Military, c.m.country, iso3, c.m.iso3) {
                out.push(Cand {
                    name,
                    inter,
                    span: c.at.span.cover(w.at.span),
                    w: c.at.w0,
                    role: Role::Agent,
                    named: true,
                    main: true,
                    victim: false,
                });
            }
        }
    }
    suspects_role(doc, &mut out);
    // "the army said it had taken back the town", "أعلن الجيش أنه استعاد":
    // a speaker telling of its own act is also its author.
    let own_acts: Vec<Cand> = out
        .iter()
        .filter(|c| {
            !c.victim
                && match c.role {
                    Role::Speaker => own_act_told(doc, c.w, &words),
                    // no statement verb: only a boast tells the act
                    Role::Mention => boast_of_own_act(doc, c.w, &words),
                    _ => false,
                }
        })
        .map(|c| Cand {
            role: Role::Agent,
            ..c.clone()
        })
        .collect();
    out.extend(own_acts);
    out.sort_by_key(|c| c.w);
    out
}

/// "هجوم شنه مسلحون يشتبه في انتمائهم إلى X", "gunmen suspected of
/// belonging to X attacked": the group the suspects are said to belong to
/// takes their role when they are the attackers (hedged attribution still
/// names the group). Counted dead or arrested suspects keep it a target.
fn suspects_role(doc: &Doc, out: &mut [Cand]) {
    if doc.cue_kinds & cue_bit(Cue::Suspect) == 0 {
        return;
    }
    let roles: Vec<(usize, Role)> = doc
        .cues_of(Cue::Suspect)
        .iter()
        .filter(|c| c.cue == Cue::Suspect)
        .filter_map(|c| {
            // the side the phrase describes ends right before it (a hedge
            // word such as "يشتبه", "suspected" may stand between)
            let side = doc.sides.iter().find(|s| {
                s.at.w1 <= c.at.w0 && c.at.w0 - s.at.w1 <= 1 && doc.same_clause(s.at.w0, c.at.w0)
            })?;
            let role = out
                .iter()
                .find(|x| x.w == side.at.w0 && !x.named)
                .map(|x| x.role)?;
            // the named group follows the phrase
            let group = doc
                .actors
                .iter()
                .find(|a| doc.next_after(c.at.w1, a.at.w0, 1))?;
            // "gunmen suspected of belonging to X attacked": a subject kept
            // from its verb by the phrase is told by the verb right after
            // the group
            let verb_next = doc.triggers.iter().any(|t| {
                t.at.w0 >= group.at.w1
                    && t.at.w0 - group.at.w1 <= 1
                    && doc.same_clause(group.at.w0, t.at.w0)
                    && doc.cue_at(group.at.w1, Cue::Passive).is_none()
            });
            let role = if role == Role::Mention && verb_next {
                Role::Agent
            } else {
                role
            };
            Some((group.at.w0, role))
        })
        .collect();
    for (w, role) in roles {
        if role != Role::Agent {
            continue;
        }
        for x in out
            .iter_mut()
            .filter(|x| x.w == w && x.named && x.role == Role::Patient)
        {
            x.role = Role::Agent;
        }
    }
}

/// The speaker at word `w` says it did one of the incident's acts: a
/// statement verb next to it, then a reported clause opening with a word
/// for the speaker itself ("it", "أنه", "qu'il") right before the event
/// word, in the active voice.
fn own_act_told(doc: &Doc, w: usize, words: &[Word]) -> bool {
    if boast_of_own_act(doc, w, words) {
        return true;
    }
    let Some(si) = doc.sent_of(w) else {
        return false;
    };
    let s1 = doc.sents[si].w1;
    let Some(speech) = doc
        .cues_in(w.saturating_sub(3), (w + 6).min(s1))
        .find(|c| c.cue == Cue::Speech && c.at.w0.abs_diff(w) <= 4)
    else {
        return false;
    };
    doc.cues_in(speech.at.w1, (speech.at.w1 + 10).min(s1))
        .filter(|c| c.cue == Cue::Own)
        .any(|own| act_after(doc, words, s1, own.at.w1))
}

/// "the army claimed to have killed 30 insurgents": a boast of its own act
/// by the party at word `w`, right before it.
fn boast_of_own_act(doc: &Doc, w: usize, words: &[Word]) -> bool {
    if doc.cue_kinds & cue_bit(Cue::EnemyClaim) == 0 {
        return false;
    }
    let Some(si) = doc.sent_of(w) else {
        return false;
    };
    let s1 = doc.sents[si].w1;
    doc.cues_in(w, (w + 6).min(s1)).any(|c| {
        c.cue == Cue::EnemyClaim
            && c.at.w0 > w
            && c.at.w0 - w <= 4
            && act_after(doc, words, s1, c.at.w1)
    })
}

/// The act told right after word `from` (before `s1`, the sentence end):
/// an event word in the active voice, or a verb of killing ("a annoncé
/// avoir neutralisé une trentaine de terroristes").
fn act_after(doc: &Doc, words: &[Word], s1: usize, from: usize) -> bool {
    words.iter().any(|t| {
        t.at.w0 >= from
            && t.at.w0 <= from + 3
            && doc.same_clause(from.saturating_sub(1), t.at.w0)
            && !doc
                .cues_in(from, t.at.w0)
                .any(|c| matches!(c.cue, Cue::Passive | Cue::Negation | Cue::Denial))
    }) || doc.cues_in(from, (from + 2).min(s1)).any(|c| {
        matches!(c.cue, Cue::Death | Cue::Neutralized)
            && c.at.w0 <= from + 1
            && doc.same_clause(from.saturating_sub(1), c.at.w0)
    })
}

/// The role of a side or an actor in a subject-first language (English,
/// French), read from word order: the subject before its verb, the object
/// after it, the agent after "by"/"par", the speaker before "said" (or
/// after it at the end of a clause), an identification ("the attackers
/// were fighters of X"), hedged attributions ("suspected X").
fn role_subject_first(doc: &Doc, at: &At, armed: bool, words: &[Word]) -> Option<Role> {
    // "al Qaeda-linked JNIM", "Iran-backed Houthis": a describer.
    if doc.cue_at(at.w1, Cue::Affiliate).is_some() {
        return None;
    }
    let before = |cue: Cue, n: usize| doc.cue_before(at.w0, n, cue).is_some();
    // Sides, actors and places between two words (a country's name or
    // demonym is a modifier: "by Yemen's Houthi movement").
    let content_between = |a: usize, b: usize| {
        doc.sides.iter().any(|s| s.at.w0 >= a && s.at.w1 <= b)
            || doc.actors.iter().any(|s| s.at.w0 >= a && s.at.w1 <= b)
            || doc.places.iter().any(|s| {
                s.at.w0 >= a
                    && s.at.w1 <= b
                    && s.m
                        .place
                        .as_ref()
                        .is_some_and(|p| p.kind != PlaceKind::Country)
            })
    };
    // The agent of a passive verb or of an event noun; after "attributed
    // by" it is who attributes ("attribués par la Minusma à …").
    if let Some(c) = doc.cue_before(at.w0, 3, Cue::Agent) {
        if doc.next_after(c.at.w1, at.w0, 2) || !content_between(c.at.w1, at.w0) {
            let attributes = doc
                .cues
                .iter()
                .any(|b| b.cue == Cue::Blame && b.at.w1 == c.at.w0);
            return Some(if attributes {
                Role::Speaker
            } else {
                Role::Agent
            });
        }
    }
    // "un convoi de la Minusma": the owner of a target is the target.
    if doc.sides.iter().any(|s| {
        matches!(s.def.side, Side::MilitaryTarget | Side::CivilianTarget)
            && doc
                .cue_at(s.at.w1, Cue::Of)
                .is_some_and(|c| c.at.w1 <= at.w0 && doc.next_after(c.at.w1, at.w0, 1))
    }) {
        return Some(Role::Patient);
    }
    // "une opération de l'armée", "l'attaque de l'EIGS": an armed
    // possessor after an event noun is its author.
    if armed
        && words.iter().any(|w| {
            doc.cue_at(w.at.w1, Cue::Of).is_some_and(|c| {
                c.at.w1 <= at.w0
                    && doc.next_after(c.at.w1, at.w0, 1)
                    && doc.same_clause(w.at.w0, at.w0)
            })
        })
        && !doc.sides.iter().any(|s| {
            s.at.w0 == at.w0 && matches!(s.def.side, Side::MilitaryTarget | Side::CivilianTarget)
        })
    {
        return Some(Role::Agent);
    }
    // The object of an event verb: "arrested five suspected IS members",
    // "attacked an army post", "ont attaqué le camp".
    let object = words.iter().any(|w| {
        w.at.w1 <= at.w0
            && at.w0 - w.at.w1 <= 6
            && doc.same_clause(w.at.w0, at.w0)
            && (w.at.w1..at.w0).all(|i| {
                doc.qtys.iter().any(|q| q.at.w0 <= i && i < q.at.w1)
                    || doc.countries.iter().any(|c| c.at.w0 <= i && i < c.at.w1)
                    || doc.cues.iter().any(|c| {
                        c.at.w0 <= i
                            && i < c.at.w1
                            && matches!(
                                c.cue,
                                Cue::Definite
                                    | Cue::Article
                                    | Cue::Possessive
                                    | Cue::Of
                                    | Cue::Hedge
                            )
                    })
            })
    });
    if object {
        return Some(Role::Patient);
    }
    if doc.target_before(at.w0) {
        return Some(Role::Patient);
    }
    // The subject of a reported clause: "said that gunmen attacked".
    if armed
        && doc
            .cues
            .iter()
            .any(|c| c.cue == Cue::That && c.at.w1 <= at.w0 && doc.next_after(c.at.w1, at.w0, 1))
    {
        return Some(Role::Agent);
    }
    // The speaker: "the army said", "AMISOM said in a statement"; "…, said
    // the army." and "a annoncé l'armée malienne, qui …" at a clause end.
    let said_after = doc.cues_of(Cue::Speech).iter().any(|c| {
        c.cue == Cue::Speech
            && c.at.w0 >= at.w1
            && c.at.w0 <= at.w1 + 1
            && doc.same_clause(at.w0, c.at.w0)
    });
    let mut end = at.w1;
    if let Some(c) = doc.countries.iter().find(|c| c.at.w0 == end) {
        end = c.at.w1;
    }
    let clause_end = end >= doc.words.len() || !doc.words.joined[end - 1];
    let said_before = doc.cue_before(at.w0, 2, Cue::Speech).is_some() && clause_end;
    if said_after || said_before || doc.cue_before(at.w0, 1, Cue::Source).is_some() {
        return Some(Role::Speaker);
    }
    // "the attackers were fighters of X": an identification.
    let identified = doc.cues_of(Cue::Passive).iter().any(|p| {
        p.cue == Cue::Passive
            && p.at.w1 <= at.w0
            && at.w0 - p.at.w1 <= 6
            && doc.same_clause(p.at.w0, at.w0)
            && doc
                .sides
                .iter()
                .any(|s| s.at.w1 == p.at.w0 && s.def.side == Side::Fighters)
    });
    if identified || before(Cue::Hedge, 4) || before(Cue::Blame, 6) {
        return Some(Role::Agent);
    }
    if before(Cue::Assoc, 3) {
        return Some(Role::Ally);
    }
    if doc
        .cues
        .iter()
        .any(|c| c.cue == Cue::Between && c.at.w1 <= at.w0 && at.w0 - c.at.w1 <= 2)
    {
        return Some(Role::First);
    }
    // The subject right before its verb, or a noun's possessor ("gunmen
    // attacked", "gunmen also killed", "a JNIM ambush"); the subject of a
    // passive verb is its target ("their patrol was ambushed").
    for w in words {
        let demonyms = doc
            .countries
            .iter()
            .filter(|c| c.at.w0 >= at.w1 && c.at.w1 <= w.at.w0)
            .map(|c| c.at.w1 - c.at.w0)
            .sum::<usize>();
        // "a effectué lundi des frappes": a date may stand in the gap.
        let dated = doc
            .dates
            .iter()
            .filter(|d| d.at.w0 >= at.w1 && d.at.w1 <= w.at.w0)
            .map(|d| d.at.w1 - d.at.w0)
            .sum::<usize>();
        // "Somali forces and Al Shabaab militants clashed": a first
        // subject coordinated with a second that stands right before the
        // verb may be further from it.
        let coordinated_far = at.w1 <= w.at.w0
            && doc.cue_at(at.w1, Cue::And).is_some()
            && doc
                .sides
                .iter()
                .map(|x| (x.at.w0, x.at.w1))
                .chain(doc.actors.iter().map(|x| (x.at.w0, x.at.w1)))
                .any(|(x0, x1)| {
                    x0 > at.w1 && x0 <= at.w1 + 2 && x1 <= w.at.w0 && w.at.w0 - x1 <= 2
                });
        if at.w1 > w.at.w0
            || (w.at.w0 - at.w1 > 3 + demonyms + dated && !coordinated_far)
            || !doc.same_clause(at.w0, w.at.w0)
        {
            continue;
        }
        let passive = doc
            .cues
            .iter()
            .any(|c| c.cue == Cue::Passive && c.at.w0 >= at.w1 && c.at.w1 <= w.at.w0);
        // "VDP fighters and soldiers killed …": coordinated subjects.
        let coordinated =
            doc.cue_at(at.w1, Cue::And).is_some() && (w.at.w0 - at.w1 <= 4 || coordinated_far);
        // "a mené des frappes": after a support verb, a partitive too.
        let supported = doc.has_cue(at.w1, w.at.w0, Cue::Support);
        let plain_gap = coordinated
            || (at.w1..w.at.w0).all(|i| {
                doc.cues.iter().all(|c| {
                    !(c.at.w0 <= i && i < c.at.w1)
                        || matches!(
                            c.cue,
                            Cue::Passive
                                | Cue::Hedge
                                | Cue::Article
                                | Cue::Definite
                                | Cue::Possessive
                                | Cue::Support
                        )
                        || (supported && c.cue == Cue::Of)
                }) || doc.dates.iter().any(|d| d.at.w0 <= i && i < d.at.w1)
            }) && !content_between(at.w1, w.at.w0);
        if !plain_gap {
            continue;
        }
        if passive {
            return Some(Role::Patient);
        }
        // "seven soldiers killed": a reduced passive unless the verb has an object.
        if w.class == C::Kill && !has_object(doc, w.at.w1) {
            continue;
        }
        if armed {
            return Some(Role::Agent);
        }
    }
    Some(Role::Mention)
}

/// Victims are told after word `from`, before any other event word and
/// within the sentence: a count or a victim noun ("قتلت قوات الدعم
/// السريع، يوم الثلاثاء، ما لا يقل عن 27 مدنيا"). With none, an Arabic
/// killing verb and its subject read as the passive ("قتل جنديان في
/// انفجار عبوة").
fn victims_follow(doc: &Doc, from: usize) -> bool {
    let limit = from + 8;
    let next_event = doc
        .triggers
        .iter()
        .map(|t| t.at.w0)
        .filter(|&w| w >= from)
        .min()
        .unwrap_or(usize::MAX);
    let told = |w: usize| w >= from && w <= limit && w < next_event && doc.same_sentence(from, w);
    doc.qtys.iter().any(|q| told(q.at.w0))
        || doc.sides.iter().any(|s| {
            told(s.at.w0)
                && matches!(
                    s.def.side,
                    Side::Civilians | Side::People | Side::Military | Side::Police
                )
        })
}

/// An event verb ending at word `w1` has an object: a count, a side or an
/// actor right after it ("killed 20 civilians", "killed dozens of
/// fighters").
fn has_object(doc: &Doc, w1: usize) -> bool {
    let mut j = w1;
    if let Some(q) = doc.qtys.iter().find(|q| q.at.w0 == j) {
        j = q.at.w1;
    }
    doc.sides
        .iter()
        .map(|s| s.at.w0)
        .chain(doc.actors.iter().map(|a| a.at.w0))
        .any(|x| doc.next_after(j, x, 3))
        || j > w1
}

impl Cand {
    fn claimed_by_none(&self) -> bool {
        self.role != Role::Claimer
    }
}

fn is_armed(i: Inter) -> bool {
    matches!(
        i,
        Inter::StateForces
            | Inter::RebelGroup
            | Inter::PoliticalMilitia
            | Inter::IdentityMilitia
            | Inter::External
    )
}

fn is_state(i: Inter) -> bool {
    matches!(i, Inter::StateForces | Inter::External)
}

/// A group's statement telling of its own operation is a claim: "the
/// group said on its Telegram channel that it had targeted the base",
/// "أعلن التنظيم في بيان نشره على قناته أن مقاتليه هاجموا", "le groupe a
/// affirmé dans un communiqué qu'il avait attaqué". The reported clause
/// opens with a word for the speaker itself (it, أنها، مقاتليه, "its
/// fighters") followed closely by an event word in the active voice. The
/// speaker is a named armed group, or the group of the incident when the
/// statement only says "the group" / "التنظيم".
fn own_account_claim(doc: &Doc, d: &Draft, cands: &[Cand]) -> Option<Cand> {
    let group = |c: &&Cand| c.named && !is_state(c.inter) && is_armed(c.inter);
    for (w0, w1) in d.scopes(doc) {
        let Some(si) = doc.sent_of(w0) else { continue };
        let s = doc.sents[si];
        let (s0, s1) = (s.w0.max(w0.min(s.w0)), s.w1);
        let _ = w1;
        for speech in doc
            .cues_in(s0, s1)
            .filter(|c| matches!(c.cue, Cue::Speech | Cue::ClaimChannel | Cue::Claim))
        {
            // The self-reference opening the reported clause, within a
            // dozen words of the statement verb ("said in a post on
            // Telegram that it had").
            let reach = (speech.at.w1 + 12).min(s1);
            let own = doc.cues_in(speech.at.w1, reach).find(|c| {
                let opens = match c.cue {
                    // Arabic "أنها", "أن مقاتليه": right after أن/إن or itself one.
                    Cue::Own if !doc.grammar.subject_first => {
                        c.at.w0 == 0
                            || matches!(doc.stem(c.at.w0), "ان")
                            || matches!(doc.stem(c.at.w0 - 1), "ان")
                            || doc.key(c.at.w0).starts_with("ان")
                    }
                    Cue::Own => doc.cue_before(c.at.w0, 1, Cue::That).is_some(),
                    // "that its fighters", "que ses combattants"
                    Cue::Possessive => {
                        doc.cue_before(c.at.w0, 1, Cue::That).is_some()
                            && doc.sides.iter().any(|x| {
                                x.at.w0 == c.at.w1
                                    && matches!(
                                        x.def.side,
                                        Side::Fighters | Side::Military | Side::Members
                                    )
                            })
                    }
                    _ => false,
                };
                opens && doc.same_sentence(speech.at.w0, c.at.w0)
            });
            let Some(own) = own else { continue };
            // An act in the active voice closely after it; a passive or a
            // death word first means the speaker's people were the victims
            // ("that four of its members had been killed").
            let act_end = (own.at.w1 + 7).min(s1);
            let Some(act) = doc.triggers.iter().find(|t| {
                t.at.w0 >= own.at.w1
                    && t.at.w1 <= act_end
                    && t.def.strength > 0
                    && crate::detect::family(t.def.class) == Family::Violence
            }) else {
                continue;
            };
            let blocked = doc.cues_in(own.at.w0, act.at.w0).any(|c| {
                matches!(
                    c.cue,
                    Cue::Negation | Cue::Denial | Cue::Modality | Cue::Injury | Cue::Death
                ) || (c.cue == Cue::Passive && act.at.w0 <= c.at.w1 + 1)
            }) || doc.cues_in(s0, own.at.w0).any(|c| {
                matches!(c.cue, Cue::Denial | Cue::Negation) && c.at.w0 + 4 >= speech.at.w0
            });
            if blocked {
                continue;
            }
            // The speaker: before the verb (English, French) or between
            // the verb and the reported clause (Arabic).
            let (z0, z1) = if doc.grammar.subject_first {
                (s0, speech.at.w0)
            } else {
                (
                    speech.at.w1.saturating_sub(speech.at.w1 - speech.at.w0 + 1),
                    own.at.w0,
                )
            };
            let named = cands
                .iter()
                .filter(group)
                .filter(|c| c.w >= z0 && c.w < z1 && !c.victim)
                .max_by_key(|c| c.w);
            if let Some(c) = named {
                let mut c = c.clone();
                c.role = Role::Claimer;
                return Some(c);
            }
            // "the group said", "أعلن التنظيم": the armed group of the incident.
            let anaphor = doc
                .sides
                .iter()
                .any(|x| x.def.side == Side::Anaphor && x.at.w0 >= z0 && x.at.w1 <= z1)
                || doc.cues_in(z0, z1).any(|c| c.cue == Cue::Affiliate);
            if anaphor {
                if let Some(c) = cands
                    .iter()
                    .filter(group)
                    .filter(|c| matches!(c.role, Role::Agent | Role::First) && !c.victim)
                    .max_by_key(|c| (c.main, std::cmp::Reverse(c.w)))
                {
                    let mut c = c.clone();
                    c.role = Role::Claimer;
                    c.span = c.span.cover(own.at.span);
                    return Some(c);
                }
            }
        }
    }
    None
}

/// "اعتقلت ثلاثة أشخاص قالت إنهم عناصر في خلية تابعة لتنظيم القاعدة",
/// "arrested five people it said were members of an IS cell": the armed
/// group the arrested are said to belong to, named after the arrest word
/// in its sentence (even where another frame of the sentence took that
/// stretch) right after a word for its members or cells.
fn members_arrested(doc: &Doc, d: &Draft, iso3: &str, country: &str, skip: &str) -> Option<Cand> {
    for f in d.frames.iter().filter(|f| f.family == Family::Arrest) {
        let s = doc.sents[f.sent];
        let from = f.words.iter().map(|w| w.at.w1).min().unwrap_or(s.w0);
        for a in doc
            .actors
            .iter()
            .filter(|a| a.at.w0 >= from && a.at.w1 <= s.w1)
        {
            let (name, inter) = doc.actor_name(a.actor, iso3, country);
            if name == skip || is_state(inter) || !is_armed(inter) {
                continue;
            }
            let member_before = doc.sides.iter().any(|x| {
                matches!(x.def.side, Side::Members | Side::Fighters)
                    && x.at.w1 <= a.at.w0
                    && a.at.w0 - x.at.w1 <= 3
                    && doc.same_clause(x.at.w0, a.at.w0)
            });
            if member_before {
                return Some(Cand {
                    name,
                    inter,
                    span: a.at.span,
                    w: a.at.w0,
                    role: Role::Patient,
                    named: true,
                    main: true,
                    victim: false,
                });
            }
        }
    }
    None
}

/// actor1, actor2 and the claim of an incident.
struct Sides {
    a1: Option<Cand>,
    a2: Option<Cand>,
    claimed: Option<Cand>,
    assoc1: Vec<String>,
    assoc2: Vec<String>,
}

// The draft's candidates come in from the caller, which needs them too.
#[allow(clippy::too_many_arguments)]
fn pick_actors(
    doc: &Doc,
    d: &Draft,
    sub: SubEventType,
    iso3: &str,
    country: &str,
    cands: &[Cand],
    prior: &[Draft],
    figs: &[Figure],
) -> Sides {
    use SubEventType as S;
    // The incident's word ranges, found once for the several uses below.
    let scopes_v = d.scopes(doc);
    let generic = |side: Side| -> Option<Cand> {
        let (name, inter) = generic_name(side, country, iso3, iso3)?;
        Some(Cand {
            name,
            inter,
            span: Span::default(),
            w: usize::MAX,
            role: Role::Mention,
            named: false,
            main: false,
            victim: false,
        })
    };
    // Claims: an explicit claim, or an armed group telling of its own
    // operation in a statement.
    let mut claimed = cands
        .iter()
        .find(|c| c.role == Role::Claimer && c.named && !is_state(c.inter))
        .cloned();
    if claimed.is_none() {
        // "تبنته الحركة", "أعلن التنظيم مسؤوليته": the group told of before.
        let claim_cue = scopes_v
            .iter()
            .flat_map(|&(a, b)| doc.cues_in(a, b))
            .find(|c| {
                c.cue == Cue::Claim
                    && !doc.cues_of(Cue::Negation).iter().any(|n| {
                        n.cue == Cue::Negation && n.at.w1 <= c.at.w0 && c.at.w0 - n.at.w1 <= 2
                    })
                    && !doc.cues_of(Cue::Negation).iter().any(|n| {
                        n.cue == Cue::Negation
                            && n.at.w1 <= c.at.w0 + 4
                            && n.at.w0 + 3 >= c.at.w0
                            && n.at.w0 <= c.at.w0
                    })
            });
        if let Some(cue) = claim_cue {
            let negated = (cue.at.w0.saturating_sub(4)..cue.at.w1 + 3)
                .any(|i| i < doc.words.len() && matches!(doc.stem(i), "اي" | "لم"))
                // "no group has claimed", "n'ont pas été revendiquées"
                || (doc.grammar.subject_first
                    && doc.cues_of(Cue::Negation).iter().any(|n| {
                        n.cue == Cue::Negation
                            && n.at.w0 + 4 >= cue.at.w0
                            && n.at.w0 < cue.at.w1 + 3
                    }));
            if !negated {
                let armed_group = |inter: &Inter| {
                    matches!(
                        inter,
                        Inter::RebelGroup | Inter::PoliticalMilitia | Inter::IdentityMilitia
                    )
                };
                claimed = doc
                    .actors
                    .iter()
                    .filter(|a| a.at.w1 <= cue.at.w1 + 3)
                    .map(|a| {
                        let (name, inter) = doc.actor_name(a.actor, iso3, country);
                        (a, name, inter)
                    })
                    .rfind(|(_, _, inter)| armed_group(inter))
                    // "Dans une revendication publiée lundi, le JNIM
                    // affirme …": the group named just after, in the
                    // claim's sentence.
                    .or_else(|| {
                        doc.actors
                            .iter()
                            .filter(|a| {
                                a.at.w0 >= cue.at.w1
                                    && a.at.w0 <= cue.at.w1 + 8
                                    && doc.same_sentence(cue.at.w0, a.at.w0)
                            })
                            .map(|a| {
                                let (name, inter) = doc.actor_name(a.actor, iso3, country);
                                (a, name, inter)
                            })
                            .find(|(_, _, inter)| armed_group(inter))
                    })
                    .map(|(a, name, inter)| Cand {
                        name,
                        inter,
                        span: cue.at.span.cover(a.at.span),
                        w: a.at.w0,
                        role: Role::Claimer,
                        named: true,
                        main: false,
                        victim: false,
                    });
            }
        }
    }
    if claimed.is_none() {
        // A group speaking through its claim outlet ("Al Shabaab said on
        // its Andalus radio", "selon l'agence Amaq") claims the operation.
        claimed = cands
            .iter()
            .filter(|_| doc.grammar.subject_first)
            .filter(|c| {
                c.role == Role::Speaker && c.named && !is_state(c.inter) && is_armed(c.inter)
            })
            .find(|c| {
                doc.sent_of(c.w).is_some_and(|si| {
                    let s = doc.sents[si];
                    doc.has_cue(s.w0, s.w1, Cue::ClaimChannel)
                })
            })
            .cloned();
    }
    if claimed.is_none() {
        // "قال الإطار في بيان إن مقاتليه هاجموا": own operation told.
        let speakers: Vec<&Cand> = cands
            .iter()
            .filter(|c| {
                c.role == Role::Speaker && c.named && !is_state(c.inter) && is_armed(c.inter)
            })
            .collect();
        for sp in speakers {
            // The statement itself tells of the attack.
            let tells = doc.sent_of(sp.w).is_some_and(|si| {
                let s = doc.sents[si];
                doc.triggers.iter().any(|t| {
                    t.at.w0 >= s.w0
                        && t.at.w1 <= s.w1
                        && t.def.strength > 0
                        && crate::detect::family(t.def.class) == Family::Violence
                })
            });
            if tells
                && cands
                    .iter()
                    .any(|c| c.name == sp.name && c.role == Role::Agent)
            {
                claimed = Some(sp.clone());
                break;
            }
        }
    }
    if claimed.is_none() {
        claimed = own_account_claim(doc, d, cands);
    }
    let agent = |pred: &dyn Fn(&Cand) -> bool| -> Option<Cand> {
        let agents: Vec<&Cand> = cands
            .iter()
            .filter(|c| c.role == Role::Agent && pred(c))
            .collect();
        // Named beats generic; a local state force beats its foreign ally,
        // even when the ally is named and the force is not ("Wagner and
        // the Malian army", "القوات المسلحة المالية وشركاؤها الروس").
        let partnered = agents.iter().any(|c| c.inter == Inter::External);
        agents
            .iter()
            .max_by_key(|c| {
                (
                    partnered && c.inter == Inter::StateForces,
                    c.named,
                    // the attacker of the main sentence before a force
                    // that only "responded" in a detail
                    c.main || c.named,
                    c.inter == Inter::StateForces,
                    c.main,
                    std::cmp::Reverse(c.w),
                )
            })
            .map(|c| (*c).clone())
    };
    let first_named_armed = |skip: &str| -> Option<Cand> {
        cands
            .iter()
            .filter(|c| {
                (c.main || c.role == Role::First)
                    && is_armed(c.inter)
                    && c.name != skip
                    && !matches!(c.role, Role::Ally | Role::Speaker | Role::Patient)
            })
            .filter(|c| c.named || c.role == Role::First)
            // "بين الجيش ومقاتلي الحركة": between two sides, the one told
            // first, named or not.
            .max_by_key(|c| {
                let first = c.role == Role::First;
                (first, c.named && !first, std::cmp::Reverse(c.w))
            })
            .cloned()
    };
    let patient = |skip: &str, pred: &dyn Fn(&Cand) -> bool| -> Option<Cand> {
        // Against a non-state attacker, the state force is the usual target.
        let attacker_state = cands
            .iter()
            .find(|c| c.name == skip)
            .is_some_and(|c| is_state(c.inter));
        cands
            .iter()
            .filter(|c| {
                c.name != skip
                    && pred(c)
                    && matches!(c.role, Role::Patient | Role::Second | Role::Mention)
            })
            .min_by_key(|c| {
                // The other side of a fight first; then a state force that
                // lost people or is named; then named groups; then counted
                // victims; then target words (a base, a checkpoint).
                let rank = if c.role == Role::Second {
                    0
                } else if !attacker_state && is_state(c.inter) && (c.named || c.victim) {
                    1
                } else if c.named {
                    2
                } else if c.victim {
                    3
                } else if c.role == Role::Patient {
                    4
                } else {
                    5
                };
                (rank, !c.main, c.w)
            })
            .cloned()
    };
    // The groups of the incident's dead, in the order told.
    let victim_groups: Vec<FatalityGroup> = figs
        .iter()
        .filter(|f| scopes_v.iter().any(|&(a, b)| f.w >= a && f.w < b))
        .filter_map(|f| match f.victims {
            Victims::Group(g) if !f.enemy_claim && g != FatalityGroup::Unknown => Some(g),
            _ => None,
        })
        .collect();
    let victims_side = |skip: &str| -> Option<Cand> {
        // The victims' group as a side.
        let g = victim_groups.first()?;
        let side = match g {
            FatalityGroup::Military => Side::Military,
            FatalityGroup::Police => Side::Police,
            FatalityGroup::Civilians => Side::Civilians,
            FatalityGroup::Protesters => Side::Protesters,
            FatalityGroup::Fighters => Side::Fighters,
            _ => return None,
        };
        // prefer a named actor of that camp, then (English, French) the
        // side that names its own country ("un soldat français")
        let own_country = cands.iter().find(|c| {
            doc.grammar.subject_first
                && !c.named
                && c.victim
                && c.name != skip
                && group_of_inter(c.inter, &c.name) == *g
        });
        let named = cands.iter().find(|c| {
            c.named
                && c.name != skip
                && group_of_inter(c.inter, &c.name) == *g
                && c.role != Role::Ally
        });
        named
            .or(own_country)
            .cloned()
            .or_else(|| generic(side).filter(|c| c.name != skip))
    };
    let mut a1: Option<Cand>;
    let mut a2: Option<Cand>;
    match sub {
        S::PeacefulProtest | S::ProtestWithIntervention => {
            a1 = generic(Side::Protesters);
            a2 = if sub == S::ProtestWithIntervention {
                cands
                    .iter()
                    .find(|c| is_state(c.inter))
                    .cloned()
                    .or_else(|| generic(Side::Police))
            } else {
                None
            };
        }
        S::ExcessiveForceAgainstProtesters => {
            a1 = cands
                .iter()
                .filter(|c| is_state(c.inter))
                .min_by_key(|c| (c.inter != Inter::StateForces, c.w))
                .cloned()
                .or_else(|| generic(Side::Police));
            a2 = generic(Side::Protesters);
        }
        S::ViolentDemonstration => {
            a1 = generic(Side::Rioters);
            a2 = cands.iter().find(|c| is_state(c.inter)).cloned();
        }
        S::MobViolence => {
            a1 = generic(Side::Rioters);
            a2 = generic(Side::Civilians);
        }
        S::Arrests => {
            a1 = agent(&|c| is_state(c.inter))
                .or_else(|| agent(&|c| is_armed(c.inter)))
                .or_else(|| {
                    cands
                        .iter()
                        .find(|c| {
                            is_state(c.inter) && !matches!(c.role, Role::Patient | Role::Ally)
                        })
                        .cloned()
                })
                .or_else(|| {
                    cands
                        .iter()
                        .find(|c| c.named && is_armed(c.inter) && c.role != Role::Patient)
                        .cloned()
                })
                .or_else(|| generic(Side::Police));
            let skip = a1.as_ref().map(|c| c.name.clone()).unwrap_or_default();
            a2 = cands
                .iter()
                .find(|c| {
                    c.named && c.name != skip && !is_state(c.inter) && c.role != Role::Speaker
                })
                .cloned()
                .or_else(|| members_arrested(doc, d, iso3, country, &skip))
                .or_else(|| generic(Side::Civilians));
        }
        S::HeadquartersOrBaseEstablished | S::ChangeToGroupActivity => {
            a1 = agent(&|c| is_armed(c.inter))
                .or_else(|| {
                    cands
                        .iter()
                        .filter(|c| c.named && is_armed(c.inter))
                        .min_by_key(|c| c.w)
                        .cloned()
                })
                .or_else(|| {
                    cands
                        .iter()
                        .find(|c| is_armed(c.inter) && c.role != Role::Patient)
                        .cloned()
                });
            a2 = None;
        }
        S::Agreement => {
            a1 = cands.iter().find(|c| is_armed(c.inter) && c.named).cloned();
            a2 = a1.as_ref().and_then(|x| {
                cands
                    .iter()
                    .find(|c| is_armed(c.inter) && c.named && c.name != x.name)
                    .cloned()
            });
            if a1.is_none() {
                // "the two sides": the parties of the incident before.
                if let Some(p) = prior
                    .iter()
                    .rev()
                    .find(|p| !p.period && p.family == Family::Violence)
                {
                    let (pi, pc) = event_country(doc, p);
                    let pcands = candidates(doc, p, &pi, &pc);
                    let s = pick_actors(doc, p, p.sub, &pi, &pc, &pcands, &[], figs);
                    a1 = s.a1;
                    a2 = s.a2;
                }
            }
        }
        S::NonViolentTransferOfTerritory => {
            // The force that leaves or hands over is told in the sentence
            // itself; later sentences tell who moved in.
            a1 = agent(&|c| is_armed(c.inter) && c.main).or_else(|| {
                cands
                    .iter()
                    .filter(|c| is_armed(c.inter) && c.main)
                    .min_by_key(|c| c.w)
                    .cloned()
            });
            let skip = a1.as_ref().map(|c| c.name.clone()).unwrap_or_default();
            // The side it went to, when the text names one.
            a2 = cands
                .iter()
                .filter(|c| {
                    is_armed(c.inter)
                        && c.name != skip
                        && c.main
                        && matches!(c.role, Role::Patient | Role::Second)
                })
                .max_by_key(|c| c.w)
                .cloned();
        }
        S::DisruptedWeaponsUse => {
            // The interceptor speaks or acts; the launcher fired (not the
            // speaker telling of its own interception).
            let launcher = agent(&|c| {
                is_armed(c.inter)
                    && !cands
                        .iter()
                        .any(|s| s.name == c.name && s.role == Role::Speaker)
            })
            .or_else(|| agent(&|c| is_armed(c.inter)));
            let skip = launcher
                .as_ref()
                .map(|c| c.name.clone())
                .unwrap_or_default();
            a1 = cands
                .iter()
                .filter(|c| is_armed(c.inter) && c.name != skip)
                .min_by_key(|c| (c.role != Role::Speaker, c.w))
                .cloned();
            a2 = launcher;
        }
        _ => {
            // Political violence.
            let civ_target = matches!(
                sub,
                S::Attack
                    | S::AbductionForcedDisappearance
                    | S::SexualViolence
                    | S::LootingPropertyDestruction
            );
            a1 = claimed
                .clone()
                .or_else(|| agent(&|c| is_armed(c.inter) && c.named))
                .or_else(|| agent(&|c| is_armed(c.inter)));
            // Attribution by a hedged source beats a generic perpetrator.
            if a1.as_ref().is_some_and(|c| !c.named) {
                if let Some(n) = agent(&|c| is_armed(c.inter) && c.named) {
                    a1 = Some(n);
                }
            }
            // A mine or roadside bomb is almost never announced by whoever
            // laid it: with no claim or attribution, the forces the text
            // names are its targets (English, French).
            let unseen_layer = doc.grammar.subject_first && sub == S::RemoteExplosiveLandmineIed;
            if a1.is_none() && !unseen_layer {
                // "The coalition announced strikes on …": the armed party
                // that tells of its own operation — unless it lost people.
                a1 = cands
                    .iter()
                    .filter(|c| c.role == Role::Speaker && c.main && is_armed(c.inter))
                    .filter(|c| {
                        !cands.iter().any(|x| {
                            x.name == c.name
                                && x.role == Role::Patient
                                // a base or a post named as a target is no loss
                                && (!doc.grammar.subject_first || x.named || x.victim)
                        })
                    })
                    .filter(|c| {
                        victims_side("").is_none_or(|v| {
                            v.name != c.name
                                && group_of_inter(v.inter, &v.name)
                                    != group_of_inter(c.inter, &c.name)
                                || v.inter == Inter::Civilians
                        })
                    })
                    .min_by_key(|c| c.w)
                    .cloned();
            }
            // A fight with no side marked as the attacker ("fighters of X
            // and Y killed in clashes between the two"): the parties in the
            // order the text names them, whoever lost people.
            let mut ordered: Option<Cand> = None;
            if a1.is_none() && sub == S::ArmedClash && !unseen_layer {
                let mut named: Vec<&Cand> = cands
                    .iter()
                    .filter(|c| c.main && c.named && is_armed(c.inter))
                    .filter(|c| !matches!(c.role, Role::Ally | Role::Speaker))
                    .collect();
                named.sort_by_key(|c| c.w);
                named.dedup_by(|a, b| a.name == b.name);
                if named.len() >= 2 && named.iter().any(|c| c.role != Role::Patient || c.victim) {
                    a1 = Some(named[0].clone());
                    ordered = Some(named[1].clone());
                }
            }
            if a1.is_none() && !unseen_layer {
                // Outside a battle, a group that lost people is the target,
                // not the unnamed perpetrator.
                a1 = if sub == S::ArmedClash {
                    first_named_armed("")
                } else {
                    first_named_armed("").filter(|c| {
                        !cands
                            .iter()
                            .any(|x| x.name == c.name && (x.role == Role::Patient || x.victim))
                    })
                };
            }
            let skip = a1.as_ref().map(|c| c.name.clone()).unwrap_or_default();
            a2 = if let Some(o) = ordered {
                Some(o)
            } else if civ_target {
                generic(Side::Civilians)
            } else {
                patient(&skip, &|c| is_armed(c.inter) && c.role != Role::Speaker)
                    .or_else(|| victims_side(&skip))
                    .or_else(|| first_named_armed(&skip))
            };
            if matches!(
                sub,
                S::AirDroneStrike
                    | S::ShellingArtilleryMissileAttack
                    | S::RemoteExplosiveLandmineIed
                    | S::SuicideBomb
                    | S::Grenade
            ) {
                // A named target stays; otherwise a civilian target (a
                // market, a restaurant) or civilian victims make it civilians.
                let named_target = a2
                    .as_ref()
                    .is_some_and(|c| c.named && c.role == Role::Patient);
                let civilian_place = d.frames.iter().any(|f| {
                    doc.sides.iter().any(|s| {
                        s.at.w0 >= f.w0 && s.at.w1 <= f.w1 && s.def.side == Side::CivilianTarget
                    })
                });
                let victims = victims_side(&skip);
                // "un véhicule de l'armée … tuant trois soldats", "a strike
                // on a car … killing two militants": a vehicle or place
                // whose dead were all soldiers or fighters was no civilian
                // target.
                // A suicide bomber counted with the civilians he killed
                // leaves the target civilian.
                let armed_victims = !victim_groups.is_empty()
                    && victim_groups.iter().all(|g| {
                        matches!(
                            g,
                            FatalityGroup::Military
                                | FatalityGroup::Police
                                | FatalityGroup::Fighters
                        )
                    });
                if !named_target {
                    if (civilian_place && !armed_victims)
                        || victims
                            .as_ref()
                            .is_some_and(|v| v.inter == Inter::Civilians)
                    {
                        a2 = generic(Side::Civilians);
                    } else if let Some(v) = victims {
                        a2 = Some(v);
                    }
                }
            }
            // Joint operations: the local state force leads its foreign
            // partners and contractors.
            if a1
                .as_ref()
                .is_some_and(|c| c.inter == Inter::External && c.claimed_by_none())
            {
                let foreign = a1.as_ref().map(|c| c.span).unwrap_or_default();
                if let Some(local) = cands.iter().find(|c| {
                    c.inter == Inter::StateForces
                        && c.main
                        // not the foreign force's own words read twice
                        && (c.span.end <= foreign.start || c.span.start >= foreign.end)
                        && matches!(c.role, Role::Agent | Role::First | Role::Speaker)
                }) {
                    a1 = Some(local.clone());
                }
            }
            // "A second strike … killed two more": an incident that names
            // nobody continues the series told just before (English,
            // French).
            // An incident with its attacker but no target named takes the
            // target of the series ("the first strike … killed one
            // militant" after "strikes against al Shabaab").
            if (a1.is_none() || a2.is_none()) && doc.grammar.subject_first && !d.period {
                if let Some(p) = prior.iter().rev().find(|p| !p.period && p.sub == sub) {
                    let (pi, pc) = event_country(doc, p);
                    if pi == iso3 {
                        let pcands = candidates(doc, p, &pi, &pc);
                        let s = pick_actors(doc, p, p.sub, &pi, &pc, &pcands, &[], figs);
                        let same_attacker = match (&a1, &s.a1) {
                            (Some(x), Some(y)) => x.name == y.name,
                            (None, _) => true,
                            _ => false,
                        };
                        if same_attacker {
                            if a1.is_none() {
                                a1 = s.a1;
                            }
                            if a2.is_none() {
                                a2 = s.a2;
                            }
                        }
                    }
                }
            }
            if a1.is_none() {
                a1 = generic(Side::Fighters);
            }
            // A state force attacked by an unnamed group is actor2.
            if let (Some(x), Some(y)) = (&a1, &a2) {
                if x.name == y.name {
                    a2 = None;
                }
            }
        }
    }
    if matches!(
        sub,
        S::GovernmentRegainsTerritory | S::NonStateActorOvertakesTerritory
    ) {
        // handled by the caller through the type fix-up
    }
    if let (Some(x), Some(y)) = (&a1, &a2) {
        if x.name == y.name && sub != S::ArmedClash && sub != S::Agreement {
            a2 = None;
        }
    }
    // "Clashes between two armed groups", "the two clans agreed": both
    // parties are the same unnamed kind.
    if matches!(sub, S::ArmedClash | S::Agreement)
        && a1.as_ref().is_some_and(|x| !x.named && is_armed(x.inter))
        && a2.as_ref().is_none_or(|y| !is_armed(y.inter))
        && scopes_v.iter().any(|&(a, b)| doc.has_cue(a, b, Cue::Pair))
    {
        a2 = a1.clone();
    }
    let (assoc1, assoc2) = allies(cands, a1.as_ref(), a2.as_ref());
    Sides {
        a1,
        a2,
        claimed,
        assoc1,
        assoc2,
    }
}

/// Allies named with "backed by", "together with": each goes to the side
/// named last before it ("JNIM, backed by the MSA" → the MSA is JNIM's).
fn allies(cands: &[Cand], a1: Option<&Cand>, a2: Option<&Cand>) -> (Vec<String>, Vec<String>) {
    let (mut one, mut two) = (Vec::new(), Vec::new());
    for ally in cands.iter().filter(|c| c.role == Role::Ally && c.named) {
        let last_of = |side: Option<&Cand>| {
            side.and_then(|x| {
                cands
                    .iter()
                    .filter(|c| c.name == x.name && c.w < ally.w)
                    .map(|c| c.w)
                    .max()
            })
        };
        let names = |side: Option<&Cand>| side.is_some_and(|x| x.name == ally.name);
        if names(a1) || names(a2) {
            continue;
        }
        let target = match (last_of(a1), last_of(a2)) {
            (Some(x), Some(y)) if y > x => &mut two,
            (None, Some(_)) => &mut two,
            (Some(_), _) => &mut one,
            (None, None) => continue,
        };
        if !target.contains(&ally.name) {
            target.push(ally.name.clone());
        }
    }
    (one, two)
}

fn build(
    doc: &Doc,
    doc_id: &str,
    d: &Draft,
    prior: &[Draft],
    figs: &[Figure],
    trace: &mut Option<Vec<String>>,
) -> Option<Event> {
    let (iso3, country) = event_country(doc, d);
    let date = d.date.clone().or_else(|| {
        doc.publication.map(|p| DateChoice {
            date: p,
            precision: DatePrecision::Day,
            span: None,
        })
    });
    // Background mentions with no place or date are not events.
    if iso3.is_empty() || date.is_none() {
        return None;
    }
    let mut sub = d.sub;
    // The candidates depend on the draft and its country only (not on the
    // sub-event type): found once here for every use below.
    let cands = candidates(doc, d, &iso3, &country);
    let mut sides = pick_actors(doc, d, sub, &iso3, &country, &cands, prior, figs);
    // "three PMF fighters killed in an attack by IS": an assault whose
    // victims the text names as a (different) armed organisation is a
    // battle, whatever the victim nouns say.
    if sub == SubEventType::Attack
        && d.frames
            .iter()
            .flat_map(|f| &f.words)
            .all(|w| matches!(w.class, C::Attack | C::Shooting | C::Kill))
    {
        let a1 = sides.a1.as_ref().map(|a| a.name.clone());
        if cands.iter().any(|c| {
            c.named
                && c.main
                && c.role == Role::Patient
                && is_armed(c.inter)
                && a1.as_ref().is_some_and(|a| *a != c.name)
        }) {
            sub = SubEventType::ArmedClash;
            sides = pick_actors(doc, d, sub, &iso3, &country, &cands, prior, figs);
        }
    }
    tr(trace, || {
        format!(
            "incident {} ({sub}): candidates {}",
            prior.len(),
            cands
                .iter()
                .map(|c| format!(
                    "{}:{:?}{}",
                    c.name,
                    c.role,
                    if c.main { "" } else { "(detail)" }
                ))
                .collect::<Vec<_>>()
                .join(", ")
        )
    });
    if matches!(
        sub,
        SubEventType::NonStateActorOvertakesTerritory | SubEventType::GovernmentRegainsTerritory
    ) {
        // Who took the place decides the sub-type; the side that left is actor2.
        let taker = cands
            .iter()
            .filter(|c| {
                is_armed(c.inter)
                    && matches!(
                        c.role,
                        Role::Agent | Role::Mention | Role::Speaker | Role::Claimer
                    )
            })
            .min_by_key(|c| (c.role != Role::Agent, !c.main, c.w))
            .cloned();
        if let Some(t) = taker {
            sub = if is_state(t.inter) {
                SubEventType::GovernmentRegainsTerritory
            } else {
                SubEventType::NonStateActorOvertakesTerritory
            };
            sides.a2 = cands
                .iter()
                .filter(|c| {
                    is_armed(c.inter)
                        && c.name != t.name
                        && c.role != Role::Ally
                        && is_state(c.inter) != is_state(t.inter)
                })
                .min_by_key(|c| (!c.main, c.w))
                .cloned()
                .or_else(|| {
                    // the side the place was taken from, told before
                    prior.iter().rev().find_map(|_| None)
                });
            sides.a1 = Some(t);
        }
    }
    let mut e = Event::new(doc_id, sub);
    // The evidence spans, `(field, span)`, made into the event's map once
    // at the end ([`evidence_map`]).
    let mut ev: Vec<(Field, Span)> = Vec::with_capacity(16);
    e.is_period_total = d.period;
    let date = date?;
    e.event_date = Some(date.date);
    e.date_precision = date.precision;
    if let Some(sp) = date.span {
        ev.push((Field::EventDate, sp));
    }
    // (Moved, not copied: the event's fields serve the reads below.)
    e.iso3 = iso3;
    e.country = country;
    if let Some(p) = &d.place {
        if p.place.kind != PlaceKind::Country {
            e.location = p.place.name.clone();
            e.admin1 = if p.place.admin1.is_empty() && matches!(p.place.kind, PlaceKind::Admin1) {
                p.place.name.clone()
            } else {
                p.place.admin1.clone()
            };
            e.admin2 = p.place.admin2.clone();
            e.latitude = Some(p.place.lat);
            e.longitude = Some(p.place.lon);
            e.geo_precision = p.precision;
            ev.push((Field::Location, p.span));
        } else {
            e.geo_precision = 3;
        }
    } else {
        e.geo_precision = 3;
    }
    for w in d.frames.iter().flat_map(|f| &f.words) {
        ev.push((Field::EventType, w.at.span));
    }
    if let Some(a) = &sides.a1 {
        e.actor1 = a.name.clone();
        e.inter1 = a.inter;
        if a.span != Span::default() {
            ev.push((Field::Actor1, a.span));
        }
    }
    if let Some(a) = &sides.a2 {
        e.actor2 = a.name.clone();
        e.inter2 = a.inter;
        if a.span != Span::default() {
            ev.push((Field::Actor2, a.span));
        }
    }
    e.assoc_actor_1 = sides.assoc1.join("; ");
    e.assoc_actor_2 = sides.assoc2.join("; ");
    e.interaction = Inter::interaction(e.inter1, e.inter2);
    e.civilian_targeting = e.inter2 == Inter::Civilians;
    // A group cannot claim what was done to it (a town it lost, a strike
    // on its fighters), whatever it said about it.
    if let Some(c) = sides.claimed.as_ref().filter(|c| c.name != e.actor2) {
        e.claimed_by = Some(c.name.clone());
        ev.push((Field::ClaimedBy, c.span));
    }
    // Fatalities.
    let scopes = d.scopes(doc);
    let in_scope = |w: usize| scopes.iter().any(|&(a, b)| w >= a && w < b);
    let mine: Vec<&Figure> = figs
        .iter()
        .filter(|f| in_scope(f.w))
        // A figure belongs to the nearest frame of its sentence.
        .filter(|f| {
            let owner = owner_frame(prior_and_self(prior, d), f.w);
            owner.is_none_or(|o| std::ptr::eq(o, d))
        })
        .collect();
    let mine = drop_summary_counts(doc, mine);
    let members = sides
        .a2
        .as_ref()
        .map(|c| group_of_inter(c.inter, &c.name))
        .unwrap_or(FatalityGroup::Fighters);
    let disputed = e.event_type == EventType::ViolenceAgainstCivilians
        && mine.iter().any(|f| f.enemy_claim && f.kind == Kind::Killed)
        && mine.iter().any(|f| {
            f.kind == Kind::Killed
                && matches!(
                    f.victims,
                    Victims::Group(FatalityGroup::Civilians | FatalityGroup::Unknown)
                )
        });
    let has = |cue: Cue| scopes.iter().any(|&(a, b)| doc.has_cue(a, b, cue));
    let t = tally(
        &mine,
        members,
        disputed,
        has(Cue::NoDeath),
        has(Cue::UnknownDeath) || scopes.iter().any(|&(a, b)| uncounted_dead(doc, a, b)),
    );
    tr(trace, || {
        format!(
            "incident {}: figures {}",
            prior.len(),
            mine.iter()
                .map(|f| format!(
                    "{}{:?}{:?}{}",
                    f.value,
                    f.kind,
                    f.victims,
                    if f.enemy_claim { "(claim)" } else { "" }
                ))
                .collect::<Vec<_>>()
                .join(", ")
        )
    });
    e.fatalities = t.fatalities;
    e.fatalities_qualifier = t.qualifier;
    e.fatalities_by_group = t.by_group;
    e.injured = t.injured;
    for s in t.spans {
        ev.push((Field::Fatalities, s));
    }
    for s in t.injured_spans {
        ev.push((Field::Injured, s));
    }
    if e.fatalities == Some(0) && d.period {
        return None;
    }
    // Sources.
    let mut labels: Vec<String> = Vec::new();
    for &(a, b) in &scopes {
        for s in doc.sources.iter().filter(|s| s.at.w0 >= a && s.at.w1 <= b) {
            let introduced = doc.cue_before(s.at.w0, 3, Cue::Speech).is_some()
                || doc.cue_before(s.at.w0, 3, Cue::Source).is_some()
                || doc
                    .cues
                    .iter()
                    .any(|c| c.cue == Cue::Speech && c.at.w0 >= s.at.w1 && c.at.w0 <= s.at.w1 + 1);
            if introduced && !labels.contains(&s.label) {
                labels.push(s.label.clone());
                ev.push((Field::SourceAttribution, s.at.span));
            }
        }
        // A party speaking in a statement.
        for c in doc.cues_in(a, b).filter(|c| c.cue == Cue::Speech) {
            if let Some(act) = doc
                .actors
                .iter()
                .find(|x| x.at.w0 >= c.at.w1 && x.at.w0 <= c.at.w1 + 1)
            {
                let (name, _) = doc.actor_name(act.actor, &e.iso3, &e.country);
                let label = [name.as_str(), " statement"].concat();
                if !labels.contains(&label) && !labels.iter().any(|l| l.starts_with(&name)) {
                    labels.push(label);
                    ev.push((Field::SourceAttribution, act.at.span));
                }
            } else if let Some(sd) = doc
                .sides
                .iter()
                .find(|x| x.at.w0 >= c.at.w1 && x.at.w0 <= c.at.w1 + 1)
            {
                if let Some((name, _)) = generic_name(
                    sd.def.side,
                    sd.country.unwrap_or(&e.country),
                    &e.iso3,
                    sd.iso3.unwrap_or(&e.iso3),
                ) {
                    if matches!(
                        sd.def.side,
                        Side::Military | Side::Police | Side::Authorities
                    ) && !doc.sources.iter().any(|s| s.at.w0 == sd.at.w0)
                    {
                        let label = [name.as_str(), " statement"].concat();
                        if !labels.contains(&label) {
                            labels.push(label);
                            ev.push((Field::SourceAttribution, sd.at.span));
                        }
                    }
                }
            }
        }
    }
    labels.truncate(3);
    if !labels.is_empty() {
        e.source_attribution = Some(labels.join("; "));
    }
    let disputed_account = has(Cue::Denial)
        || (t.qualifier == FatalityQualifier::AtLeast && mine.iter().any(|f| f.enemy_claim));
    e.notes = notes(&e, disputed_account || disputed);
    let mut conf: f32 = 0.45;
    if d.frames.iter().any(|f| f.strength() == 2) {
        conf += 0.2;
    }
    if d.own_date {
        conf += 0.1;
    }
    if d.own_place {
        conf += 0.1;
    }
    if !e.actor1.is_empty() && !e.actor1.starts_with("Unidentified") {
        conf += 0.05;
    }
    if disputed || has(Cue::Denial) {
        conf -= 0.1;
    }
    e.confidence = conf.clamp(0.05, 0.95);
    let anchor = d.frames.first().map(|f| f.anchor()).unwrap_or(0);
    // The id's key is "sub-event:start:period", hashed in parts (no
    // string is put together for it).
    let start = doc
        .word_span(anchor.min(doc.words.len().saturating_sub(1)))
        .start;
    let mut digits = [0u8; 20];
    e.event_id = rasd_model::event_id_of_parts(
        doc_id,
        &[
            e.sub_event_type.as_str().as_bytes(),
            b":",
            decimal(start, &mut digits),
            b":",
            if d.period { b"true" } else { b"false" },
        ],
    );
    // (Evidence of this function goes through `ev`: a span added to the
    // event directly would be lost here.)
    debug_assert!(e.evidence.is_empty(), "evidence added outside `ev`");
    e.evidence = evidence_map(ev);
    Some(e)
}

/// The decimal digits of `n`, written at the end of `buf`.
fn decimal(mut n: usize, buf: &mut [u8; 20]) -> &[u8] {
    let mut i = buf.len();
    loop {
        i -= 1;
        buf[i] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            return &buf[i..];
        }
    }
}

/// A field of an event with evidence spans, in the order of their names
/// (the order of the evidence map).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Field {
    Actor1,
    Actor2,
    ClaimedBy,
    EventDate,
    EventType,
    Fatalities,
    Injured,
    Location,
    SourceAttribution,
}

impl Field {
    fn name(self) -> &'static str {
        match self {
            Field::Actor1 => "actor1",
            Field::Actor2 => "actor2",
            Field::ClaimedBy => "claimed_by",
            Field::EventDate => "event_date",
            Field::EventType => "event_type",
            Field::Fatalities => "fatalities",
            Field::Injured => "injured",
            Field::Location => "location",
            Field::SourceAttribution => "source_attribution",
        }
    }
}

/// The evidence map of an event from its `(field, span)` pairs: what
/// [`Event::add_evidence`] makes of them one by one (each field's spans
/// sorted, without repeats), built at once. `add_evidence` allocates the
/// field's name and searches the map on every call, a dozen times an
/// event; here each field is named once, the pairs are sorted as numbers
/// and the map is built from entries already in order.
fn evidence_map(mut ev: Vec<(Field, Span)>) -> rasd_model::Evidence {
    ev.sort_unstable();
    ev.dedup();
    let mut fields: Vec<(String, Vec<Span>)> = Vec::with_capacity(ev.len());
    let mut last = None;
    for (field, span) in ev {
        match fields.last_mut() {
            Some((_, spans)) if last == Some(field) => spans.push(span),
            _ => fields.push((field.name().to_string(), vec![span])),
        }
        last = Some(field);
    }
    fields.into_iter().collect()
}

/// "27 civilians were killed in two villages … in the first, 19 …": a
/// count over several places or attacks is a summary; when the incident
/// also has counts of its own, the summary's are left out (English,
/// French).
fn drop_summary_counts<'f>(doc: &Doc, mine: Vec<&'f Figure>) -> Vec<&'f Figure> {
    if !doc.grammar.subject_first {
        return mine;
    }
    let summary = |w: usize| {
        doc.sent_of(w).is_some_and(|si| {
            let s = doc.sents[si];
            doc.qtys.iter().any(|q| {
                q.at.w0 >= s.w0
                    && q.at.w1 <= s.w1
                    && q.q.value >= 2
                    && !q.q.vague
                    && (doc.sides.iter().any(|x| {
                        x.at.w0 == q.at.w1
                            && matches!(x.def.side, Side::CivilianTarget | Side::MilitaryTarget)
                    }) || doc.triggers.iter().any(|t| {
                        t.at.w0 == q.at.w1 && crate::detect::family(t.def.class) == Family::Violence
                    }))
            })
        })
    };
    let own = mine.iter().any(|f| f.kind == Kind::Killed && !summary(f.w));
    if !own {
        return mine;
    }
    mine.into_iter()
        .filter(|f| f.kind != Kind::Killed || !summary(f.w))
        .collect()
}

/// Each figure goes to the frame nearest to it among the incidents that
/// share its sentence.
fn prior_and_self<'a>(prior: &'a [Draft], d: &'a Draft) -> impl Iterator<Item = &'a Draft> + Clone {
    // Only incidents told near this one can share its sentences.
    let from = prior.len().saturating_sub(12);
    prior[from..].iter().chain(std::iter::once(d))
}

fn owner_frame<'a>(drafts: impl Iterator<Item = &'a Draft> + Clone, w: usize) -> Option<&'a Draft> {
    let mut best: Option<(usize, &Draft)> = None;
    for d in drafts {
        for f in &d.frames {
            if w >= f.w0 && w < f.w1 {
                let dist = f
                    .words
                    .iter()
                    .map(|x| x.at.w0.abs_diff(w))
                    .min()
                    .unwrap_or(usize::MAX);
                if best.is_none_or(|b| dist < b.0) {
                    best = Some((dist, d));
                }
            }
        }
    }
    best.map(|b| b.1)
}

fn notes(e: &Event, disputed: bool) -> String {
    // Written into one string; the words, the date and the count are
    // pushed as they are, without the formatting machinery (one note per
    // event).
    let mut s = String::with_capacity(160);
    s.push_str(e.sub_event_type.as_str());
    if !e.actor1.is_empty() {
        s.push_str(" by ");
        s.push_str(&e.actor1);
    }
    if !e.actor2.is_empty() {
        s.push_str(" against ");
        s.push_str(&e.actor2);
    }
    if !e.location.is_empty() {
        s.push_str(" in ");
        s.push_str(&e.location);
        if !e.country.is_empty() {
            s.push_str(", ");
            s.push_str(&e.country);
        }
    } else if !e.country.is_empty() {
        s.push_str(" in ");
        s.push_str(&e.country);
    }
    if let Some(d) = e.event_date {
        s.push_str(if e.is_period_total { " since " } else { " on " });
        push_date(&mut s, d);
    }
    match e.fatalities {
        Some(0) => s.push_str("; no fatalities reported"),
        Some(n) => {
            let mut digits = [0u8; 20];
            s.push_str("; ");
            s.extend(
                decimal(n as usize, &mut digits)
                    .iter()
                    .map(|&b| char::from(b)),
            );
            s.push_str(" killed (");
            s.push_str(e.fatalities_qualifier.as_str());
            s.push(')');
        }
        None => s.push_str("; fatalities unknown"),
    }
    if let Some(c) = &e.claimed_by {
        s.push_str("; claimed by ");
        s.push_str(c);
    }
    if disputed {
        s.push_str("; accounts disputed");
    }
    s.push('.');
    s
}

/// Writes a date as its `Display` does ("2024-03-07"), by hand for years
/// of four digits: `write!` of a date took more instructions than the
/// rest of an event's note.
fn push_date(s: &mut String, d: NaiveDate) {
    let year = d.year();
    if !(0..=9999).contains(&year) {
        use std::fmt::Write;
        let _ = write!(s, "{d}");
        return;
    }
    let digit = |n: u32| char::from(b'0' + (n % 10) as u8);
    let y = year as u32;
    s.extend([digit(y / 1000), digit(y / 100), digit(y / 10), digit(y)]);
    s.extend(['-', digit(d.month() / 10), digit(d.month())]);
    s.extend(['-', digit(d.day() / 10), digit(d.day())]);
}

/// A place that opens its line and is followed by a dash: the dateline of
/// a report ("مقديشو – …", "GAO, Mali -"), which a reader may leave out of
/// the body as a byline, but which says where the report was filed.
fn opens_dateline(text: &str, span: rasd_model::Span) -> bool {
    let line_start = text[..span.start].rfind('\n').map_or(0, |i| i + 1);
    if !text[line_start..span.start].trim().is_empty() {
        return false;
    }
    let rest = text[span.end..].trim_start_matches([' ', ',', '\u{a0}']);
    let rest = rest.split('\n').next().unwrap_or("");
    // "GAO, Mali -": a country name may sit between the place and the dash.
    rest.chars()
        .take(40)
        .any(|c| matches!(c, '-' | '\u{2013}' | '\u{2014}'))
        && rest.len() < 200
}

/// Arabic: the noun after a verb is its object, not its subject, when the
/// verb carries its own plural subject ("قتلوا مدنيين") or the noun is in
/// the oblique case ("مدنيين", against the subject "مدنيون").
fn arabic_object(doc: &Doc, verb: &At, noun: &At) -> bool {
    let text = |at: &At| {
        doc.text
            .get(at.span.start..at.span.end)
            .unwrap_or("")
            .trim_end_matches(|c: char| ('\u{064B}'..='\u{065F}').contains(&c))
            .to_string()
    };
    let v = text(verb);
    let n = text(noun);
    v.ends_with("وا") || n.ends_with("ين")
}

/// Deaths told without a number in words `a..b`: a death word next to a
/// people noun no count comes with ("killed civilians", "civilians were
/// killed", "قتل مدنيين", "ont tué des civils"). With no figure, the toll
/// is unknown, not zero.
fn uncounted_dead(doc: &Doc, a: usize, b: usize) -> bool {
    doc.cues_in(a, b)
        .filter(|c| c.cue == Cue::Death && doc.cue_before(c.at.w0, 3, Cue::Negation).is_none())
        .any(|c| {
            doc.sides.iter().any(|x| {
                let people = matches!(
                    x.def.side,
                    Side::Civilians | Side::Military | Side::Police | Side::Fighters
                ) && x.def.count.is_none();
                // (Arabic: the noun after the verb may be its subject, "قتل
                // سكان غاضبون رجلا"; only an object or a marked passive counts.)
                let after = doc.next_after(c.at.w1, x.at.w0, 2)
                    && (doc.grammar.subject_first
                        || arabic_object(doc, &c.at, &x.at)
                        || marked_passive(doc, &c.at));
                let before = x.at.w1 <= c.at.w0
                    && (x.at.w1 == c.at.w0
                        || doc
                            .cue_at(x.at.w1, Cue::Passive)
                            .is_some_and(|p| p.at.w1 == c.at.w0));
                let counted = doc
                    .qtys
                    .iter()
                    .any(|q| q.at.w1 <= x.at.w0 && x.at.w0 - q.at.w1 <= 2);
                people && (after || before) && !counted && doc.same_clause(c.at.w0, x.at.w0)
            })
        })
}

/// A place that opens its paragraph and is followed, after at most a
/// country or an agency's name, by a spaced dash: a dateline ("GAO, Mali -",
/// "ياوندي - (أ ف ب) -"), even when the paragraph's text runs on.
fn filed_from(text: &str, span: rasd_model::Span) -> bool {
    let line_start = text[..span.start].rfind('\n').map_or(0, |i| i + 1);
    if !text[line_start..span.start].trim().is_empty() {
        return false;
    }
    let rest = &text[span.end..];
    // "Mogadishu-based": a hyphen glued to the name is no dateline dash.
    if rest.starts_with('-') {
        return false;
    }
    let head: String = rest.chars().take(40).collect();
    head.split_whitespace().take(6).any(|w| {
        matches!(w, "-" | "\u{2013}" | "\u{2014}")
            || w.starts_with(['\u{2013}', '\u{2014}'])
            || (w.starts_with('-') && !w[1..].starts_with(char::is_alphanumeric))
    })
}

/// "fighters from the X", "militiamen of the X group", "combattants de la
/// X": a noun for armed people, then `from`/`of`/`de` and at most two
/// function words, then the named organization they belong to.
fn fighters_of(doc: &Doc, s: &crate::doc::SideM, a: &At) -> bool {
    matches!(s.def.side, Side::Fighters | Side::Members)
        && s.def.count.is_none()
        && a.w0 > s.at.w1
        && a.w0 - s.at.w1 <= 3
        && matches!(doc.key(s.at.w1), "from" | "of" | "de" | "du" | "des" | "d")
        && (s.at.w1 + 1 == a.w0 || doc.only_function_words(s.at.w1 + 1, a.w0))
}

#[cfg(test)]
mod tests {
    use super::*;

    const FIELDS: [Field; 9] = [
        Field::Location,
        Field::Actor1,
        Field::SourceAttribution,
        Field::EventType,
        Field::Fatalities,
        Field::Actor2,
        Field::Injured,
        Field::ClaimedBy,
        Field::EventDate,
    ];

    proptest::proptest! {
        /// The map built at once equals the one `Event::add_evidence`
        /// makes span by span (repeats, any order, several fields).
        #[test]
        fn evidence_map_equals_adding_one_by_one(
            pairs in proptest::collection::vec((0usize..9, 0usize..40, 0usize..6), 0..24),
        ) {
            let ev: Vec<(Field, Span)> = pairs
                .iter()
                .map(|&(f, a, n)| (FIELDS[f], Span::new(a, a + n)))
                .collect();
            let mut e = Event::new("doc", SubEventType::ArmedClash);
            for &(f, s) in &ev {
                e.add_evidence(f.name(), s);
            }
            proptest::prop_assert_eq!(evidence_map(ev), e.evidence);
        }

        /// A date is written as chrono writes it, four-digit years or not.
        #[test]
        fn dates_are_written_as_chrono_writes_them(days in -400_000i64..4_000_000) {
            let d = NaiveDate::from_ymd_opt(2000, 1, 1).unwrap() + Duration::days(days);
            let mut s = String::new();
            push_date(&mut s, d);
            proptest::prop_assert_eq!(s, d.to_string());
        }

        /// The digits of the event-id key and of the notes are the number's.
        #[test]
        fn decimal_digits_are_the_numbers(n in proptest::prelude::any::<usize>()) {
            let mut digits = [0u8; 20];
            let want = n.to_string();
            proptest::prop_assert_eq!(decimal(n, &mut digits), want.as_bytes());
        }
    }
}
