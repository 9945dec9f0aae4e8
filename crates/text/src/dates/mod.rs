//! Date expressions, resolved against the publication date.
//!
//! [`find_dates`] reads, at each word, the longest date expression it can:
//! - absolute dates: numeric (`25/09/2022`, `2022-09-25`, `25.9.2022`,
//!   `25/سبتمبر/2022`), day and month (`6 سبتمبر 2022`, `السادس من أيلول`,
//!   `le 6 septembre`, `Oct. 3, 2023`), month and year (`مارس 2022`), a
//!   month with its position (`نهاية يونيو`, `early March`, `fin juin`),
//!   a month alone after a cue (`في سبتمبر`, `in May`, `شهر آذار`,
//!   `مارس الماضي`) and a year after a cue (`عام 2015`, `in 2015`);
//! - periods: `منذ`/`since`/`depuis` before any of these, and
//!   `منذ بداية العام`: [`DateKind::PeriodStart`], the date is the start;
//! - relative expressions: fixed phrases (`أمس`, `الليلة الماضية`, `last
//!   week`, `la veille` …), day names (`يوم الخميس الماضي`, `on Sunday`,
//!   `dimanche soir`, `ليل الاثنين إلى الثلاثاء`), windows (`خلال الأيام
//!   السبعة الماضية`, `the past seven days`) and `قبل ثلاثة أيام`/`two days
//!   ago`.
//!
//! Month names are ambiguous in every language (مارس is also a verb, آب
//! folds like أب "father", May and march are English words), so a month
//! name counts only with a day number, a year, a position word or a cue
//! next to it. Precision and the chosen day follow ACLED: a week is its
//! middle day, a month its 15th (1st or last day for its beginning or
//! end), a year 1 July; a period starts on the first day of its unit.
//!
//! The word lists are data files: `data/dates.tsv` (phrases by kind),
//! `data/weekdays.tsv`, `data/day_ordinals.tsv` and `data/months.tsv`.

use std::sync::LazyLock;

use chrono::{Datelike, Duration, NaiveDate};
use rasd_model::{DatePrecision, Span};
use rustc_hash::FxHashMap;
use serde::Serialize;

use crate::keymap::{KeyMap, KeySet};
use crate::segment::{Analysis, TokenKind};
use crate::words::{has_article, words, Gap, Phrase, MONTH_WORD, STARTS_DATE, W, WEEKDAY};

/// What a date expression says about time.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub enum DateKind {
    /// A calendar date, month or year ("6 سبتمبر 2022", "في 6 سبتمبر").
    Absolute,
    /// Relative to the publication date (أمس، يوم الخميس الماضي, last week).
    Relative,
    /// The start of a period up to publication (منذ مارس, since March).
    PeriodStart,
}

/// One date expression of a text, resolved.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DateRef {
    pub span: Span,
    /// ACLED convention: week → middle day, month → 15th (1st / last day
    /// for its beginning / end), year → 1 July; a period → its first day.
    pub date: NaiveDate,
    pub precision: DatePrecision,
    pub kind: DateKind,
    /// A night ("ليل/ليلة …", "night of", "dans la nuit de"): the date is
    /// the evening the night began.
    pub night: bool,
}

/// Every date expression of the text, resolved against the publication
/// date. Without one, relative expressions are skipped and absolute ones
/// without a year take the nearest explicit year of the text (or are
/// skipped when there is none).
pub fn find_dates(text: &str, analysis: &Analysis, publication: Option<NaiveDate>) -> Vec<DateRef> {
    dates_in(&words(text, analysis), publication)
}

/// [`find_dates`] over the words of a text.
pub(crate) fn dates_in(ws: &[W], publication: Option<NaiveDate>) -> Vec<DateRef> {
    let mut cands = Vec::new();
    let mut i = 0;
    while i < ws.len() {
        match best_at(ws, i) {
            Some(mut c) => {
                // "أمس السبت", "yesterday Saturday": the day name repeats
                // the relative day and belongs to it.
                if matches!(
                    c.val,
                    Val::Rel(
                        K::Today | K::Yesterday | K::BeforeYesterday | K::LastNight | K::Tonight
                    )
                ) && weekday_name(ws, c.end, true).is_some()
                {
                    c.end += 1;
                }
                i = c.end;
                cands.push(c);
            }
            None => i += 1,
        }
    }
    // Explicit years, for absolute dates without one when there is no
    // publication date.
    let years: Vec<(usize, i32)> = cands
        .iter()
        .filter_map(|c| match c.val {
            Val::Date { y: Some(y), .. } | Val::Year(y) => Some((c.start, y)),
            _ => None,
        })
        .collect();
    cands
        .iter()
        .filter_map(|c| {
            // The explicit year nearest to the expression (years are in
            // text order): only needed without a publication date.
            let nearest = || {
                let at = years.partition_point(|&(p, _)| p < c.start);
                let after = years.get(at);
                let before = at.checked_sub(1).and_then(|b| years.get(b));
                match (before, after) {
                    (Some(b), Some(a)) if c.start - b.0 <= a.0 - c.start => Some(b.1),
                    (Some(b), None) => Some(b.1),
                    (_, Some(a)) => Some(a.1),
                    (None, None) => None,
                }
            };
            let (date, precision, kind) = resolve(c, publication, nearest)?;
            Some(DateRef {
                span: Span::new(ws[c.start].head_span().start, ws[c.end - 1].span().end),
                date,
                precision,
                kind,
                night: c.night,
            })
        })
        .collect()
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum K {
    Today,
    Tonight,
    Yesterday,
    BeforeYesterday,
    LastNight,
    LastWeek,
    ThisWeek,
    LastMonth,
    ThisMonth,
    LastYear,
    ThisYear,
    YearStart,
    TodayBlockBefore,
    TodayBlockAfter,
    Since,
    MonthCue,
    MonthStart,
    MonthMid,
    MonthEnd,
    PastAfter,
    NextAfter,
    DayPrefix,
    LastBefore,
    NextBefore,
    Night,
    NightAfter,
    Daypart,
    RangeTo,
    OrdinalOf,
    YearCue,
    AgoBefore,
    AgoAfter,
    PastAdj,
    UnitDay,
    UnitWeek,
    UnitMonth,
    UnitSingle,
    DualDay,
    DualWeek,
    DualMonth,
}

/// The fixed relative phrases, tried at every word.
const FIXED: &[K] = &[
    K::Today,
    K::Tonight,
    K::Yesterday,
    K::BeforeYesterday,
    K::LastNight,
    K::LastWeek,
    K::ThisWeek,
    K::LastMonth,
    K::ThisMonth,
    K::LastYear,
    K::ThisYear,
    K::YearStart,
];

/// The flag bits of the [`FIXED`] kinds: a word without any of them
/// begins no fixed phrase.
const FIXED_FIRST: u64 = {
    let mut bits = 0;
    let mut n = 0;
    while n < FIXED.len() {
        bits |= 1 << FIXED[n] as u32;
        n += 1;
    }
    bits
};

fn kind_of(name: &str) -> Option<K> {
    Some(match name {
        "today" => K::Today,
        "tonight" => K::Tonight,
        "yesterday" => K::Yesterday,
        "before_yesterday" => K::BeforeYesterday,
        "last_night" => K::LastNight,
        "last_week" => K::LastWeek,
        "this_week" => K::ThisWeek,
        "last_month" => K::LastMonth,
        "this_month" => K::ThisMonth,
        "last_year" => K::LastYear,
        "this_year" => K::ThisYear,
        "year_start" => K::YearStart,
        "today_block_before" => K::TodayBlockBefore,
        "today_block_after" => K::TodayBlockAfter,
        "since" => K::Since,
        "month_cue" => K::MonthCue,
        "month_start" => K::MonthStart,
        "month_mid" => K::MonthMid,
        "month_end" => K::MonthEnd,
        "past_after" => K::PastAfter,
        "next_after" => K::NextAfter,
        "day_prefix" => K::DayPrefix,
        "last_before" => K::LastBefore,
        "next_before" => K::NextBefore,
        "night" => K::Night,
        "night_after" => K::NightAfter,
        "daypart" => K::Daypart,
        "range_to" => K::RangeTo,
        "ordinal_of" => K::OrdinalOf,
        "year_cue" => K::YearCue,
        "ago_before" => K::AgoBefore,
        "ago_after" => K::AgoAfter,
        "past_adj" => K::PastAdj,
        "unit_day" => K::UnitDay,
        "unit_week" => K::UnitWeek,
        "unit_month" => K::UnitMonth,
        "unit_single" => K::UnitSingle,
        "dual_day" => K::DualDay,
        "dual_week" => K::DualWeek,
        "dual_month" => K::DualMonth,
        _ => return None,
    })
}

/// The phrases of one kind, indexed by their first and by their last word
/// (longest first in each list), so a lookup compares only candidates.
struct Kind {
    by_first: KeyMap<Vec<Phrase>>,
    by_last: KeyMap<Vec<Phrase>>,
}

impl Kind {
    fn all(&self) -> impl Iterator<Item = &Phrase> {
        self.by_first.values().flatten()
    }
}

/// Number of kinds: `K` values index `Lex::phrases`.
const KINDS: usize = K::DualMonth as usize + 1;

struct Lex {
    phrases: Vec<Kind>,
    /// The fixed relative phrases by first word, longest first.
    fixed: KeyMap<Vec<(K, Phrase)>>,
    /// Day names by stem (Arabic) or key (Latin): ISO weekday 1..=7.
    weekdays: KeyMap<u32>,
    /// Day ordinals by first word, longest first in each list: most words
    /// are tried as a day, and one lookup rules them out.
    ordinals: KeyMap<Vec<(u32, Phrase)>>,
}

static LEX: LazyLock<Lex> = LazyLock::new(|| {
    type ByWord = FxHashMap<String, Vec<Phrase>>;
    let mut phrases: Vec<(ByWord, ByWord)> = (0..KINDS).map(|_| Default::default()).collect();
    let mut fixed: FxHashMap<String, Vec<(K, Phrase)>> = FxHashMap::default();
    for line in include_str!("../../data/dates.tsv").lines() {
        if let Some((k, p)) = parse_phrase_row(line) {
            if FIXED.contains(&k) {
                if let Some((first, _)) = p.words.first() {
                    fixed.entry(first.clone()).or_default().push((k, p.clone()));
                }
            }
            let (by_first, by_last) = &mut phrases[k as usize];
            if let (Some((first, _)), Some((last, _))) = (p.words.first(), p.words.last()) {
                by_last.entry(last.clone()).or_default().push(p.clone());
                by_first.entry(first.clone()).or_default().push(p);
            }
        }
    }
    for (by_first, by_last) in &mut phrases {
        for list in by_first.values_mut().chain(by_last.values_mut()) {
            list.sort_by_key(|p| std::cmp::Reverse(p.words.len()));
        }
    }
    let phrases = phrases
        .into_iter()
        .map(|(by_first, by_last)| Kind {
            by_first: KeyMap::from(by_first),
            by_last: KeyMap::from(by_last),
        })
        .collect();
    for list in fixed.values_mut() {
        list.sort_by_key(|(_, p)| std::cmp::Reverse(p.words.len()));
    }
    let mut weekdays = FxHashMap::default();
    for (n, p) in numbered_rows(include_str!("../../data/weekdays.tsv")) {
        if let Some((stem, _)) = p.words.first() {
            weekdays.insert(stem.clone(), n);
        }
    }
    let mut ordinal_rows = numbered_rows(include_str!("../../data/day_ordinals.tsv"));
    ordinal_rows.sort_by_key(|(_, p)| std::cmp::Reverse(p.words.len()));
    let mut ordinals: FxHashMap<String, Vec<(u32, Phrase)>> = FxHashMap::default();
    for (n, p) in ordinal_rows {
        if let Some((first, _)) = p.words.first() {
            ordinals.entry(first.clone()).or_default().push((n, p));
        }
    }
    Lex {
        phrases,
        fixed: KeyMap::from(fixed),
        weekdays: KeyMap::from(weekdays),
        ordinals: KeyMap::from(ordinals),
    }
});

/// The kinds of phrase the readers try at the first word of an expression
/// (with [`FIXED`]). The others only come after or before one (`في` and
/// `منذ` before a month, `من` after an ordinal, `الماضي` after a day
/// name): a word that only begins one of those cannot begin a date, and
/// leaving them out of [`STARTERS`] spares the readers most of the
/// commonest words. A reader that starts trying a new kind at the first
/// word must list it here.
const STARTING: &[K] = &[
    K::MonthStart,
    K::MonthMid,
    K::MonthEnd,
    K::YearCue,
    K::Since,
    K::Night,
    K::Daypart,
    K::LastBefore,
    K::NextBefore,
    K::DayPrefix,
    K::AgoBefore,
    K::PastAdj,
    K::UnitDay,
    K::UnitWeek,
    K::UnitMonth,
    K::DualDay,
    K::DualWeek,
    K::DualMonth,
];

/// The first words (stems) of every phrase that can begin a date
/// expression, of every month, day name, day ordinal and number word.
static STARTERS: LazyLock<KeySet> = LazyLock::new(|| {
    let lex = &*LEX;
    let mut set = rustc_hash::FxHashSet::default();
    let phrases = STARTING
        .iter()
        .chain(FIXED)
        .flat_map(|&k| lex.phrases[k as usize].all())
        .chain(lex.ordinals.values().flatten().map(|(_, p)| p));
    for p in phrases {
        if let Some((stem, _)) = p.words.first() {
            set.insert(stem.clone());
        }
    }
    set.extend(lex.weekdays.keys().cloned());
    for k in crate::months::month_keys() {
        set.insert(k.split(' ').next().unwrap_or(k).to_string());
    }
    // Number words start windows and distances (seven days ago).
    set.extend(crate::numbers::number_words().map(str::to_string));
    KeySet::from(set)
});

/// The keys of [`STARTERS`].
pub(crate) fn starter_words() -> impl Iterator<Item = &'static str> {
    STARTERS.keys().map(String::as_str)
}

/// The first words of the phrases of every kind, with the kind (`K as
/// usize`).
pub(crate) fn phrase_first_words() -> impl Iterator<Item = (&'static str, usize)> {
    LEX.phrases
        .iter()
        .enumerate()
        .flat_map(|(n, k)| k.by_first.keys().map(move |w| (w.as_str(), n)))
}

/// The stems of the day names.
pub(crate) fn weekday_words() -> impl Iterator<Item = &'static str> {
    LEX.weekdays.keys().map(String::as_str)
}

// The kinds are bits of a word's flags, below the four flags at the top.
const _: () = assert!(KINDS <= 60);

fn parse_phrase_row(line: &str) -> Option<(K, Phrase)> {
    let line = line.trim();
    if line.is_empty() || line.starts_with('#') {
        return None;
    }
    let (kind, phrase) = line.split_once('\t')?;
    Some((kind_of(kind)?, Phrase::new(phrase)?))
}

fn numbered_rows(src: &str) -> Vec<(u32, Phrase)> {
    src.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .filter_map(|l| {
            let (n, p) = l.split_once('\t')?;
            Some((n.parse().ok()?, Phrase::new(p)?))
        })
        .collect()
}

/// The end of the longest phrase of kind `k` starting at word `i`.
#[inline]
fn at(ws: &[W], i: usize, k: K) -> Option<usize> {
    // Most words (and every number and punctuation mark) begin no phrase
    // of kind `k`: their flags say so without a call or a look-up.
    if ws.get(i)?.stem_flags & (1 << k as u32) == 0 {
        return None;
    }
    phrase_at(ws, i, k)
}

/// [`at`] for a word whose flags let it begin a phrase of kind `k`.
#[inline(never)]
fn phrase_at(ws: &[W], i: usize, k: K) -> Option<usize> {
    let w = ws.get(i)?;
    LEX.phrases[k as usize]
        .by_first
        .get(w.stem)?
        .iter()
        .find_map(|p| p.match_at(ws, i))
}

/// The start of a phrase of kind `k` ending right before word `end`.
fn before(ws: &[W], end: usize, k: K) -> Option<usize> {
    if ws.get(end).is_some_and(|w| w.gap == Gap::Line) {
        return None;
    }
    // The word before `end`, apostrophes skipped (l'année).
    let mut j = end.checked_sub(1)?;
    while ws[j].is_punct("'") {
        j = j.checked_sub(1)?;
    }
    LEX.phrases[k as usize]
        .by_last
        .get(ws[j].stem)?
        .iter()
        .find_map(|p| p.match_before(ws, end))
}

/// Where in its month a date falls.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Pos {
    Day(u32),
    /// A stretch of days of one month ("du 12 au 18 août", "between 12
    /// and 18 August", "من 12 إلى 18 أغسطس"): first and last day.
    Range(u32, u32),
    Whole,
    Start,
    Mid,
    End,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Dir {
    Plain,
    Last,
    Next,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Val {
    Date { y: Option<i32>, m: u32, pos: Pos },
    Year(i32),
    Rel(K),
    Weekday { wd: u32, dir: Dir },
    Window { days: i64 },
    Ago { days: i64, precision: DatePrecision },
}

/// A date expression read but not yet resolved: word indices `[start, end)`.
#[derive(Debug, Clone, Copy)]
struct Cand {
    start: usize,
    end: usize,
    val: Val,
    night: bool,
    since: bool,
}

impl Cand {
    fn new(start: usize, end: usize, val: Val) -> Cand {
        Cand {
            start,
            end,
            val,
            night: false,
            since: false,
        }
    }
}

/// The longest date expression starting at word `i`.
fn best_at(ws: &[W], i: usize) -> Option<Cand> {
    let w = &ws[i];
    // Most words cannot start a date: leave at once unless the word is a
    // number or the first word of some date phrase, month or day name.
    match w.kind() {
        TokenKind::Number => {}
        // Arabic number words are looked up by stem and by full key (the
        // flags of both, from [`STARTERS`]).
        TokenKind::Word if w.flags & STARTS_DATE != 0 => {}
        _ => return None,
    }
    let found = [
        absolute_at(ws, i),
        since_at(ws, i),
        fixed_at(ws, i),
        weekday_at(ws, i),
        window_at(ws, i),
    ];
    // Longest wins; on a tie the earlier reader (absolute first).
    found
        .into_iter()
        .flatten()
        .fold(None, |best: Option<Cand>, c| match best {
            Some(b) if b.end >= c.end => Some(b),
            _ => Some(c),
        })
}

fn month_at(ws: &[W], j: usize) -> Option<(u32, usize)> {
    let w = ws.get(j)?;
    // The flags rule out most words without a month look-up.
    if !w.is_word() || w.flags & MONTH_WORD == 0 || has_article(w.prefix()) {
        return None;
    }
    if w.is_arabic() && crate::months::starts_two_word_month(w.stem) {
        let n = ws.get(j + 1).filter(|n| n.gap == Gap::Space)?;
        let m = crate::months::month_of_key(&format!("{} {}", w.stem, n.stem))?;
        return Some((m, alt_month(ws, j + 2, m)));
    }
    let m = crate::months::month_of_key(w.stem).or_else(|| crate::months::month_of_key(w.key()))?;
    // "may", "march", "mar" are English words when not capitalized.
    if !w.is_arabic() && matches!(w.key(), "may" | "march" | "mar") && !w.is_capitalized() {
        return None;
    }
    let mut end = j + 1;
    if ws
        .get(end)
        .is_some_and(|p| p.is_punct(".") && p.gap == Gap::None)
    {
        end += 1;
    }
    Some((m, alt_month(ws, end, m)))
}

/// `أيلول/سبتمبر`, `سبتمبر (أيلول)`: the same month in another spelling.
fn alt_month(ws: &[W], end: usize, m: u32) -> usize {
    let Some(sep) = ws.get(end) else { return end };
    if !(sep.is_punct("/") || sep.is_punct("(")) {
        return end;
    }
    let Some(w) = ws
        .get(end + 1)
        .filter(|w| w.is_word() && w.gap != Gap::Line)
    else {
        return end;
    };
    let two = ws
        .get(end + 2)
        .map(|n| format!("{} {}", w.stem, n.stem))
        .and_then(|k| crate::months::month_of_key(&k));
    let (m2, mut e) = match two {
        Some(m2) => (m2, end + 3),
        None => match crate::months::month_of_key(w.stem) {
            Some(m2) => (m2, end + 2),
            None => return end,
        },
    };
    if m2 != m {
        return end;
    }
    if sep.is_punct("(") && ws.get(e).is_some_and(|c| c.is_punct(")")) {
        e += 1;
    }
    e
}

/// The second day of a range after its first: "to 18", "au 18", "-18",
/// "and 18", "et 18", "إلى 18", "و18".
fn range_end_at(ws: &[W], j: usize) -> Option<(u32, usize)> {
    let w = ws.get(j)?;
    let k = if w.is_punct("-") || w.is_punct("–") || matches!(w.key(), "and" | "et") {
        j + 1
    } else {
        at(ws, j, K::RangeTo)?
    };
    if let Some(found) = day_at(ws, k) {
        return Some(found);
    }
    // Arabic writes the conjunction on the number: "و18".
    let n = ws.get(j)?;
    if n.is_number() && n.prefix() == "و" {
        return day_at(ws, j);
    }
    None
}

/// A day of the month in digits (`6`, `6th`, `1er`).
fn day_at(ws: &[W], j: usize) -> Option<(u32, usize)> {
    let w = ws.get(j)?;
    if !w.is_number() || w.key().len() > 2 || !w.key().bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let d: u32 = w.key().parse().ok()?;
    if !(1..=31).contains(&d) {
        return None;
    }
    let mut end = j + 1;
    if ws.get(end).is_some_and(|s| {
        s.gap == Gap::None
            && s.is_word()
            && matches!(s.key(), "st" | "nd" | "rd" | "th" | "er" | "e" | "eme")
    }) {
        end += 1;
    }
    Some((d, end))
}

/// A day of the month in words (`السادس`, `الحادي والعشرين`, `premier`).
fn ordinal_day_at(ws: &[W], j: usize) -> Option<(u32, usize)> {
    LEX.ordinals
        .get(ws.get(j)?.stem)?
        .iter()
        .find_map(|(n, p)| p.match_at(ws, j).map(|e| (*n, e)))
}

/// A year in digits (`2022`, `٢٠٢٢`), with an era mark (`2022 م`).
fn year_at(ws: &[W], j: usize) -> Option<(i32, usize)> {
    let w = ws.get(j)?;
    if !w.is_number() || w.key().len() != 4 || !w.key().bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let y: i32 = w.key().parse().ok()?;
    if !(1900..=2100).contains(&y) {
        return None;
    }
    let mut end = j + 1;
    if ws
        .get(end)
        .is_some_and(|n| n.gap != Gap::Line && matches!(n.stem, "م" | "ميلادي" | "ميلاديه"))
    {
        end += 1;
    }
    Some((y, end))
}

/// A year after an optional comma (`6 سبتمبر، 2022`, `Oct. 3, 2023`).
fn year_after(ws: &[W], j: usize) -> Option<(i32, usize)> {
    year_at(ws, j).or_else(|| {
        let c = ws.get(j)?;
        if c.is_punct(",") {
            year_at(ws, j + 1)
        } else {
            None
        }
    })
}

/// The date read from word `i` up to word `k`, where its month ends, and
/// on through a year that may follow (none: the year stays open).
fn dated(ws: &[W], i: usize, k: usize, m: u32, pos: Pos) -> Cand {
    let (y, end) = match year_after(ws, k) {
        Some((y, e)) => (Some(y), e),
        None => (None, k),
    };
    Cand::new(i, end, Val::Date { y, m, pos })
}

fn two_digit_year(s: &str) -> Option<i32> {
    let v: i32 = s.parse().ok()?;
    match s.len() {
        4 => Some(v),
        2 => Some(2000 + v),
        _ => None,
    }
}

/// `25/09/2022`, `2022-09-25`, `25.09.2022`, `25/سبتمبر/2022`.
fn numeric_at(ws: &[W], i: usize) -> Option<Cand> {
    let w = &ws[i];
    if !w.is_number() {
        return None;
    }
    // The tokenizer keeps "25.09.2022" as one number.
    if w.key().matches('.').count() == 2 {
        let parts: Vec<&str> = w.key().split('.').collect();
        return ymd(parts[0], parts[1], parts[2]).map(|(y, m, d)| {
            Cand::new(
                i,
                i + 1,
                Val::Date {
                    y: Some(y),
                    m,
                    pos: Pos::Day(d),
                },
            )
        });
    }
    let sep = ws.get(i + 1).filter(|s| {
        s.gap == Gap::None && (s.is_punct("/") || s.is_punct("-") || s.is_punct("."))
    })?;
    let mid = ws.get(i + 2).filter(|m| m.gap == Gap::None)?;
    let sep2 = ws
        .get(i + 3)
        .filter(|s| s.gap == Gap::None && s.key() == sep.key())?;
    let last = ws
        .get(i + 4)
        .filter(|l| l.gap == Gap::None && l.is_number())?;
    let _ = sep2;
    if mid.is_number() {
        let (y, m, d) = ymd(w.key(), mid.key(), last.key())?;
        return Some(Cand::new(
            i,
            i + 5,
            Val::Date {
                y: Some(y),
                m,
                pos: Pos::Day(d),
            },
        ));
    }
    let m = crate::months::month_of_key(mid.stem)?;
    let d: u32 = w.key().parse().ok()?;
    let y = two_digit_year(last.key())?;
    NaiveDate::from_ymd_opt(y, m, d)?;
    Some(Cand::new(
        i,
        i + 5,
        Val::Date {
            y: Some(y),
            m,
            pos: Pos::Day(d),
        },
    ))
}

/// Year, month, day of three numeric parts in either order (Y-M-D when the
/// first has four digits, else D/M/Y, or M/D/Y when the middle is over 12).
fn ymd(a: &str, b: &str, c: &str) -> Option<(i32, u32, u32)> {
    let all_digits = [a, b, c]
        .iter()
        .all(|s| !s.is_empty() && s.bytes().all(|x| x.is_ascii_digit()));
    if !all_digits || b.len() > 2 {
        return None;
    }
    let (y, m, d) = if a.len() == 4 {
        (a.parse().ok()?, b.parse().ok()?, c.parse().ok()?)
    } else {
        if a.len() > 2 {
            return None;
        }
        let (x, z): (u32, u32) = (a.parse().ok()?, b.parse().ok()?);
        let (d, m) = if z > 12 && x <= 12 { (z, x) } else { (x, z) };
        (two_digit_year(c)?, m, d)
    };
    if !(1900..=2100).contains(&y) {
        return None;
    }
    NaiveDate::from_ymd_opt(y, m, d).map(|_| (y, m, d))
}

fn absolute_at(ws: &[W], i: usize) -> Option<Cand> {
    if i >= ws.len() {
        return None;
    }
    if let Some(c) = numeric_at(ws, i) {
        return Some(c);
    }
    // Day, month, year: 6 سبتمبر 2022, السادس من سبتمبر, le 1er mars.
    let day = day_at(ws, i)
        .map(|(d, e)| (d, e, false))
        .or_else(|| ordinal_day_at(ws, i).map(|(d, e)| (d, e, true)));
    if let Some((d, mut j, words)) = day {
        let of = at(ws, j, K::OrdinalOf);
        if let Some(e) = of {
            j = e;
        }
        // An Arabic ordinal needs its من (الأول من سبتمبر).
        let ok = !words || of.is_some() || !ws[i].is_arabic();
        // "12 to 18 August", "du 12 au 18 août", "12-18 August": a range
        // of days of the month that follows.
        if !words && of.is_none() {
            if let Some((d2, j2)) = range_end_at(ws, j).filter(|&(d2, _)| d2 > d) {
                if let Some((m, k)) = month_at(ws, j2) {
                    return Some(dated(ws, i, k, m, Pos::Range(d, d2)));
                }
            }
        }
        if let Some((m, k)) = month_at(ws, j).filter(|_| ok) {
            return Some(dated(ws, i, k, m, Pos::Day(d)));
        }
    }
    // Month, day, year (Oct. 3, 2023) and month, year (مارس 2022).
    if let Some((m, j)) = month_at(ws, i) {
        if !ws[i].is_arabic() {
            if let Some((d, k)) = day_at(ws, j).filter(|_| ws[j].gap == Gap::Space) {
                return Some(dated(ws, i, k, m, Pos::Day(d)));
            }
        }
        if let Some((y, end)) = year_at(ws, j) {
            return Some(Cand::new(
                i,
                end,
                Val::Date {
                    y: Some(y),
                    m,
                    pos: Pos::Whole,
                },
            ));
        }
        // A month alone: only after a cue, or with الماضي / last after it.
        let cue = before(ws, i, K::MonthCue).is_some();
        if let Some(e) = at(ws, j, K::PastAfter) {
            return Some(Cand::new(
                i,
                e,
                Val::Date {
                    y: None,
                    m,
                    pos: Pos::Whole,
                },
            ));
        }
        if cue {
            return Some(Cand::new(
                i,
                j,
                Val::Date {
                    y: None,
                    m,
                    pos: Pos::Whole,
                },
            ));
        }
    }
    // Position in a month: نهاية يونيو, أوائل مارس 2022, early March, fin juin.
    for (k, pos) in [
        (K::MonthStart, Pos::Start),
        (K::MonthMid, Pos::Mid),
        (K::MonthEnd, Pos::End),
    ] {
        let Some(mut j) = at(ws, i, k) else { continue };
        // "شهر", "of", "de", "du mois de" between the position and the month.
        while ws
            .get(j)
            .is_some_and(|w| matches!(w.stem, "شهر" | "of" | "de" | "du" | "mois" | "-"))
        {
            j += 1;
        }
        if let Some((m, e)) = month_at(ws, j) {
            let (y, end) = match year_at(ws, e) {
                Some((y, e2)) => (Some(y), e2),
                None => (None, at(ws, e, K::PastAfter).unwrap_or(e)),
            };
            return Some(Cand::new(i, end, Val::Date { y, m, pos }));
        }
    }
    // A year after a cue: عام 2015, in 2015, في 2015.
    if let Some(j) = at(ws, i, K::YearCue) {
        if let Some((y, end)) = year_at(ws, j) {
            return Some(Cand::new(i, end, Val::Year(y)));
        }
    }
    if let Some((y, end)) = year_at(ws, i) {
        if before(ws, i, K::MonthCue).is_some() {
            return Some(Cand::new(i, end, Val::Year(y)));
        }
    }
    None
}

/// منذ مارس, since 2015, depuis janvier: a period start.
fn since_at(ws: &[W], i: usize) -> Option<Cand> {
    let j = at(ws, i, K::Since)?;
    let mut c = absolute_at(ws, j).or_else(|| {
        // The cue itself licenses a bare month or year: منذ مارس, since 2015.
        if let Some((m, e)) = month_at(ws, j) {
            return Some(Cand::new(
                j,
                e,
                Val::Date {
                    y: None,
                    m,
                    pos: Pos::Whole,
                },
            ));
        }
        year_at(ws, j).map(|(y, e)| Cand::new(j, e, Val::Year(y)))
    })?;
    if matches!(
        c.val,
        Val::Date {
            pos: Pos::Day(_),
            ..
        }
    ) {
        // "منذ 6 سبتمبر": the period starts on that day.
    }
    c.start = i;
    c.since = true;
    Some(c)
}

fn fixed_at(ws: &[W], i: usize) -> Option<Cand> {
    // A word that begins no fixed phrase says so in its flags: no look-up.
    if ws[i].stem_flags & FIXED_FIRST == 0 {
        return None;
    }
    // Candidates are listed longest first: the first match is the longest.
    let (k, end) = LEX
        .fixed
        .get(ws[i].stem)?
        .iter()
        .find_map(|(k, p)| p.match_at(ws, i).map(|e| (*k, e)))?;
    if k == K::Today && end == i + 1 {
        // في ذلك اليوم (on that day), اليوم التالي (the next day).
        // «الساحل اليوم» is a newspaper.
        if before(ws, i, K::TodayBlockBefore).is_some()
            || at(ws, end, K::TodayBlockAfter).is_some()
            || crate::words::ends_short_quote(ws, i)
        {
            return None;
        }
    }
    let mut c = Cand::new(i, end, Val::Rel(k));
    c.night = matches!(k, K::LastNight | K::Tonight);
    if k == K::YearStart {
        c.since = true;
    }
    Some(c)
}

/// A day name at word `j`: Arabic ones need the article unless `licensed`
/// (after يوم, صباح, ليلة …).
fn weekday_name(ws: &[W], j: usize, licensed: bool) -> Option<u32> {
    // The flags rule out most words without a look-up.
    let w = ws
        .get(j)
        .filter(|w| w.is_word() && w.stem_flags & WEEKDAY != 0)?;
    let wd = *LEX.weekdays.get(w.stem)?;
    if w.is_arabic() && !licensed && !has_article(w.prefix()) {
        return None;
    }
    Some(wd)
}

fn weekday_at(ws: &[W], i: usize) -> Option<Cand> {
    let mut j = i;
    let mut night = false;
    let mut dir = Dir::Plain;
    if let Some(e) = at(ws, j, K::Night) {
        night = true;
        j = e;
    } else if let Some(e) = at(ws, j, K::Daypart) {
        j = e;
    }
    if let Some(e) = at(ws, j, K::LastBefore) {
        dir = Dir::Last;
        j = e;
    } else if let Some(e) = at(ws, j, K::NextBefore) {
        dir = Dir::Next;
        j = e;
    }
    if let Some(e) = at(ws, j, K::DayPrefix) {
        j = e;
    }
    let wd = weekday_name(ws, j, j > i)?;
    let mut k = j + 1;
    if let Some(e) = at(ws, k, K::PastAfter) {
        dir = Dir::Last;
        k = e;
    } else if let Some(e) = at(ws, k, K::NextAfter) {
        dir = Dir::Next;
        k = e;
    }
    if let Some(e) = at(ws, k, K::NightAfter) {
        night = true;
        k = e;
    } else if let Some(e) = at(ws, k, K::Daypart) {
        k = e;
    }
    if night {
        // ليل الاثنين إلى الثلاثاء, ليل الاثنين/الثلاثاء, de samedi à dimanche.
        let to = at(ws, k, K::RangeTo)
            .or_else(|| {
                ws.get(k)
                    .filter(|w| w.is_punct("/") || w.is_punct("-"))
                    .map(|_| k + 1)
            })
            .unwrap_or(k);
        if weekday_name(ws, to, true).is_some() {
            k = to + 1;
        }
    }
    // A day name before a full date belongs to it: الأحد 25 سبتمبر.
    let mut n = k;
    if ws.get(n).is_some_and(|w| w.is_punct(",")) {
        n += 1;
    }
    if let Some(mut abs) = ws.get(n).and_then(|_| absolute_at(ws, n)) {
        if matches!(
            abs.val,
            Val::Date {
                pos: Pos::Day(_),
                ..
            }
        ) {
            abs.start = i;
            abs.night = night;
            return Some(abs);
        }
    }
    let mut c = Cand::new(i, k, Val::Weekday { wd, dir });
    c.night = night;
    Some(c)
}

/// The length in days of a unit word at `j` and whether it is a dual
/// (يومين = two days).
fn unit_at(ws: &[W], j: usize) -> Option<(i64, bool, usize)> {
    for (k, days, dual) in [
        (K::UnitDay, 1, false),
        (K::UnitWeek, 7, false),
        (K::UnitMonth, 30, false),
        (K::DualDay, 1, true),
        (K::DualWeek, 7, true),
        (K::DualMonth, 30, true),
    ] {
        if let Some(e) = at(ws, j, k) {
            return Some((days, dual, e));
        }
    }
    None
}

fn count_at(ws: &[W], j: usize) -> Option<(i64, usize)> {
    if j >= ws.len() {
        return None;
    }
    let p = crate::numbers::parse_at(ws, j)?;
    if p.vague || p.value == 0 || p.value > 400 {
        return None;
    }
    Some((p.value as i64, p.end))
}

fn unit_precision(days: i64) -> DatePrecision {
    if days <= 1 {
        DatePrecision::Day
    } else if days <= 14 {
        DatePrecision::Week
    } else if days <= 62 {
        DatePrecision::Month
    } else {
        DatePrecision::Year
    }
}

/// Windows (الأيام السبعة الماضية, the past seven days, les sept derniers
/// jours, الأسبوعين الماضيين) and distances (قبل ثلاثة أيام, two days ago,
/// il y a trois jours).
fn window_at(ws: &[W], i: usize) -> Option<Cand> {
    // قبل / منذ / il y a + count + unit, or a dual or bare unit.
    if let Some(j) = at(ws, i, K::AgoBefore) {
        let (n, k) = count_at(ws, j).unwrap_or((1, j));
        // Without a count only a singular unit is one unit (قبل أسبوع);
        // منذ أشهر is "for months", no date.
        let counted = k != j;
        if let Some((days, dual, e)) = unit_at(ws, k)
            .filter(|&(_, dual, _)| counted || dual || at(ws, k, K::UnitSingle).is_some())
        {
            if !(dual && counted) {
                let n = if dual { 2 } else { n };
                let total = n * days;
                return Some(Cand::new(
                    i,
                    e,
                    Val::Ago {
                        days: total,
                        precision: unit_precision(days),
                    },
                ));
            }
        }
    }
    // Count first: "seven days ago", "7 أيام الماضية", "sept derniers jours".
    if let Some((n, j)) = count_at(ws, i) {
        let past = at(ws, j, K::PastAdj);
        let u = past.unwrap_or(j);
        // "عشرة الأسبوع الماضي" is a count, then "last week".
        let bare = ws.get(u).is_some_and(|w| !has_article(w.prefix()));
        if let Some((days, false, e)) = unit_at(ws, u).filter(|_| bare) {
            if let Some(e2) = at(ws, e, K::AgoAfter) {
                return Some(Cand::new(
                    i,
                    e2,
                    Val::Ago {
                        days: n * days,
                        precision: unit_precision(days),
                    },
                ));
            }
            let after = at(ws, e, K::PastAdj);
            if past.is_some() || after.is_some() {
                return Some(Cand::new(
                    i,
                    after.unwrap_or(e),
                    Val::Window { days: n * days },
                ));
            }
        }
    }
    // Adjective first: "the past seven days", "the last 7 days".
    if let Some(j) = at(ws, i, K::PastAdj) {
        if let Some((n, k)) = count_at(ws, j) {
            if let Some((days, false, e)) = unit_at(ws, k) {
                return Some(Cand::new(i, e, Val::Window { days: n * days }));
            }
        }
        // "the past week", "over the last month": one unit.
        if !ws[i].is_arabic() && at(ws, j, K::UnitSingle).is_some() {
            if let Some((days, false, e)) = unit_at(ws, j) {
                return Some(Cand::new(i, e, Val::Window { days }));
            }
        }
    }
    // Unit first with its adjective after (French): "la semaine écoulée".
    if !ws[i].is_arabic() && at(ws, i, K::UnitSingle).is_some() {
        if let Some((days, false, e)) = unit_at(ws, i) {
            if let Some(e2) = at(ws, e, K::PastAdj) {
                return Some(Cand::new(i, e2, Val::Window { days }));
            }
        }
    }
    // Unit first (Arabic): الأيام السبعة الماضية, الأسبوعين الماضيين.
    if ws[i].is_arabic() && has_article(ws[i].prefix()) {
        if let Some((days, dual, j)) = unit_at(ws, i) {
            let (n, k) = if dual { (2, j) } else { count_at(ws, j)? };
            let e = at(ws, k, K::PastAdj)?;
            return Some(Cand::new(i, e, Val::Window { days: n * days }));
        }
    }
    None
}

fn last_day_of_month(y: i32, m: u32) -> Option<NaiveDate> {
    let (ny, nm) = if m == 12 { (y + 1, 1) } else { (y, m + 1) };
    NaiveDate::from_ymd_opt(ny, nm, 1)?.pred_opt()
}

fn monday_of(d: NaiveDate) -> NaiveDate {
    d - Duration::days(i64::from(d.weekday().num_days_from_monday()))
}

fn resolve(
    c: &Cand,
    publication: Option<NaiveDate>,
    nearest_year: impl Fn() -> Option<i32>,
) -> Option<(NaiveDate, DatePrecision, DateKind)> {
    use DatePrecision::*;
    let kind = if c.since {
        DateKind::PeriodStart
    } else {
        DateKind::Absolute
    };
    match c.val {
        Val::Date { y, m, pos } => {
            let y = match (y, publication) {
                (Some(y), _) => y,
                (None, Some(p)) => {
                    let this_year = match pos {
                        Pos::Day(d) | Pos::Range(d, _) => {
                            NaiveDate::from_ymd_opt(p.year(), m, d).is_some_and(|x| x <= p)
                        }
                        _ => m <= p.month(),
                    };
                    if this_year {
                        p.year()
                    } else {
                        p.year() - 1
                    }
                }
                (None, None) => nearest_year()?,
            };
            let (date, precision) = match pos {
                Pos::Day(d) => (NaiveDate::from_ymd_opt(y, m, d)?, Day),
                // A period that starts with the range: its first day.
                Pos::Range(d, _) if c.since => (NaiveDate::from_ymd_opt(y, m, d)?, Day),
                // Seven days or fewer: week precision, the middle day;
                // a longer stretch only tells the month.
                Pos::Range(d1, d2) if d2 - d1 < 7 => {
                    (NaiveDate::from_ymd_opt(y, m, d1 + (d2 - d1) / 2)?, Week)
                }
                Pos::Range(..) => (NaiveDate::from_ymd_opt(y, m, 15)?, Month),
                Pos::Start => (NaiveDate::from_ymd_opt(y, m, 1)?, Month),
                Pos::End => (last_day_of_month(y, m)?, Month),
                Pos::Whole | Pos::Mid if c.since => (NaiveDate::from_ymd_opt(y, m, 1)?, Month),
                Pos::Whole | Pos::Mid => (NaiveDate::from_ymd_opt(y, m, 15)?, Month),
            };
            Some((date, precision, kind))
        }
        Val::Year(y) => {
            let date = if c.since {
                NaiveDate::from_ymd_opt(y, 1, 1)?
            } else {
                NaiveDate::from_ymd_opt(y, 7, 1)?
            };
            Some((date, Year, kind))
        }
        Val::Rel(k) => {
            let p = publication?;
            let rel = |d: NaiveDate, prec| Some((d, prec, DateKind::Relative));
            match k {
                K::Today | K::Tonight => rel(p, Day),
                K::Yesterday | K::LastNight => rel(p - Duration::days(1), Day),
                K::BeforeYesterday => rel(p - Duration::days(2), Day),
                K::LastWeek => rel(monday_of(p) - Duration::days(4), Week),
                K::ThisWeek => rel((monday_of(p) + Duration::days(3)).min(p), Week),
                K::LastMonth => {
                    let first = NaiveDate::from_ymd_opt(p.year(), p.month(), 1)?;
                    let prev = first.pred_opt()?;
                    rel(
                        NaiveDate::from_ymd_opt(prev.year(), prev.month(), 15)?,
                        Month,
                    )
                }
                K::ThisMonth => rel(
                    NaiveDate::from_ymd_opt(p.year(), p.month(), 15)?.min(p),
                    Month,
                ),
                K::LastYear => rel(NaiveDate::from_ymd_opt(p.year() - 1, 7, 1)?, Year),
                K::ThisYear => rel(NaiveDate::from_ymd_opt(p.year(), 7, 1)?.min(p), Year),
                // Like منذ مارس: a period start is its first day, month precision.
                K::YearStart => Some((
                    NaiveDate::from_ymd_opt(p.year(), 1, 1)?,
                    Month,
                    DateKind::PeriodStart,
                )),
                _ => None,
            }
        }
        Val::Weekday { wd, dir } => {
            let p = publication?;
            let today = p.weekday().number_from_monday();
            let back = (i64::from(today) - i64::from(wd)).rem_euclid(7);
            let date = match dir {
                Dir::Plain => p - Duration::days(back),
                Dir::Last => p - Duration::days(if back == 0 { 7 } else { back }),
                Dir::Next => {
                    let fwd = (i64::from(wd) - i64::from(today)).rem_euclid(7);
                    p + Duration::days(if fwd == 0 { 7 } else { fwd })
                }
            };
            Some((date, Day, DateKind::Relative))
        }
        Val::Window { days } => {
            let p = publication?;
            Some((
                p - Duration::days((days + 1) / 2),
                unit_precision(days.max(2)),
                DateKind::Relative,
            ))
        }
        Val::Ago { days, precision } => {
            let p = publication?;
            Some((p - Duration::days(days), precision, DateKind::Relative))
        }
    }
}

#[cfg(test)]
mod tests;
