//! Number expressions: digits of either script and number words in Arabic,
//! English and French, with the qualifiers around them.
//!
//! [`find_quantities`] walks the words of an analysed text and reads, at
//! each position, the longest number it can: digits (`1,200`, `١٬٢٠٠`,
//! `1.200`, `10 000`), digits with a multiplier word (`3 آلاف`, `2.5
//! million`), composed number words (`خمسة وعشرين`, `ثلاثة آلاف وخمسمئة`,
//! `one hundred and five`, `quatre-vingt-dix-sept`), vague quantities
//! (`عشرات` 12, `مئات` 100, `بضعة` 3, `عدة`/`عدد من` 10, `dozens`, `des
//! dizaines`) and approximations (`une vingtaine`). A qualifier phrase
//! before or just after the number (`ما لا يقل عن`, `more than`, `environ`,
//! `30 قتيلا على الأقل`) sets [`NumberQualifier`] and widens the span.
//!
//! What is *not* a quantity is skipped, on purpose, so the coder can take
//! every result as a count: years (`عام 2015`, `in 2022`, `2022 م`), parts
//! of dates (`6 سبتمبر`, `25/09/2022`), times (`11:08`), percentages
//! (`30%`, `عشرة في المئة`), ordinals (`1er`, `21st`), measures, money and
//! durations (`150 كم`, `48 ساعة`, `ثلاثة أيام`), identifiers (`رقم 2100`),
//! decimals without a multiplier (`3.5`) and `الاثنين` (Monday).
//!
//! The word lists are data files (`data/numbers_*.tsv`,
//! `data/qualifiers.tsv`, `data/number_context.tsv`); each language has
//! its module for its lexicon and joining rules.

mod arabic;
mod english;
mod french;

use std::sync::LazyLock;

use rasd_model::Span;
use rustc_hash::FxHashMap;
use serde::Serialize;

use crate::keymap::{KeyMap, KeySet};
use crate::segment::{Analysis, TokenKind};
use crate::words::{has_article, words, Gap, MONTH_WORD, NUMBER_WORD, W};

/// How the text qualifies a number.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum NumberQualifier {
    Exact,
    AtLeast,
    MoreThan,
    Approx,
    AtMost,
}

/// One number expression of a text.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Quantity {
    /// The whole expression, qualifier included ("ما لا يقل عن 30").
    pub span: Span,
    /// The value; vague words take ACLED's values: a few/بضعة 3,
    /// several/عدة/عدد من 10, dozens/عشرات 12, hundreds/مئات 100.
    pub value: u64,
    pub qualifier: NumberQualifier,
    /// A vague word (عشرات, dozens, plusieurs …) rather than a number.
    pub vague: bool,
}

/// Every number expression in the text that counts something, in order,
/// with qualifiers folded in. See the module documentation for what is
/// deliberately left out (years, dates, times, percentages, measures).
pub fn find_quantities(text: &str, analysis: &Analysis) -> Vec<Quantity> {
    quantities_in(&words(text, analysis))
}

/// [`find_quantities`] over the words of a text.
pub(crate) fn quantities_in(ws: &[W]) -> Vec<Quantity> {
    // The language of the Latin-script words, found the first time a Latin
    // number word asks for it: an Arabic text (most texts) never asks, and
    // its words are not all scanned for it.
    let latin = std::cell::OnceCell::new();
    let latin = || *latin.get_or_init(|| latin_language(ws));
    let mut out = Vec::new();
    let mut i = 0;
    while i < ws.len() {
        let Some(p) = parse_in(ws, i, &latin) else {
            i += 1;
            continue;
        };
        if !is_non_count(ws, &p) {
            out.push(qualify(ws, &p));
        }
        i = p.end.max(i + 1);
    }
    out
}

/// A number read at a word position.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Parsed {
    /// Word indices `[start, end)`.
    pub start: usize,
    pub end: usize,
    pub value: u64,
    pub vague: bool,
    pub approx: bool,
    /// Written in digits only (no word), integer, no separators.
    pub plain_digits: bool,
    /// Number of digits when written in digits.
    pub digits: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Lang {
    Ar,
    En,
    Fr,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Class {
    Unit,
    TeenHead,
    Teen,
    Ten,
    Hundred,
    Mult,
    Dual,
    Plural,
    Vague,
    VagueOf,
    VagueA,
    Weak,
    Approx,
}

#[derive(Debug, Clone, Copy)]
struct Entry {
    value: u64,
    class: Class,
}

/// The number words of one language, by match key.
pub(crate) struct Lexicon {
    words: KeyMap<Entry>,
}

impl Lexicon {
    /// Reads `word<TAB>value<TAB>class` lines; a malformed row is skipped
    /// here and reported by the data-file test.
    fn load(src: &str) -> Lexicon {
        let mut words = FxHashMap::default();
        for line in src.lines() {
            if let Some((word, entry)) = parse_row(line) {
                words.insert(crate::fold::fold_str(word), entry);
            }
        }
        Lexicon {
            words: KeyMap::from(words),
        }
    }

    fn get(&self, key: &str) -> Option<Entry> {
        self.words.get(key).copied()
    }
}

fn parse_row(line: &str) -> Option<(&str, Entry)> {
    let line = line.trim();
    if line.is_empty() || line.starts_with('#') {
        return None;
    }
    let mut cols = line.split('\t');
    let word = cols.next()?;
    let value = cols.next()?.parse().ok()?;
    let class = match cols.next()? {
        "unit" => Class::Unit,
        "teenhead" => Class::TeenHead,
        "teen" => Class::Teen,
        "ten" => Class::Ten,
        "hundred" => Class::Hundred,
        "mult" => Class::Mult,
        "dual" => Class::Dual,
        "plural" => Class::Plural,
        "vague" => Class::Vague,
        "vague_of" => Class::VagueOf,
        "vague_a" => Class::VagueA,
        "weak" => Class::Weak,
        "approx" => Class::Approx,
        _ => return None,
    };
    Some((word, Entry { value, class }))
}

fn lexicon(lang: Lang) -> &'static Lexicon {
    match lang {
        Lang::Ar => &arabic::LEXICON,
        Lang::En => &english::LEXICON,
        Lang::Fr => &french::LEXICON,
    }
}

/// The entry of a word in a language: Arabic words are looked up by stem
/// (clitics split off) then by full key; Latin words by key.
fn lookup(w: &W, lang: Lang) -> Option<Entry> {
    // A word in no lexicon says so in its flags (the number words of every
    // language, stem and key): no look-up.
    if w.kind() != TokenKind::Word || w.flags & NUMBER_WORD == 0 {
        return None;
    }
    let lex = lexicon(lang);
    match lang {
        // The key only when it is more than the stem (its suffix).
        Lang::Ar => lex.get(w.stem).or_else(|| {
            (w.key().len() != w.stem.len())
                .then(|| lex.get(w.key()))
                .flatten()
        }),
        _ => lex.get(w.key()),
    }
}

/// Every number word of every language, in key form.
pub(crate) fn number_words() -> impl Iterator<Item = &'static str> {
    [Lang::Ar, Lang::En, Lang::Fr]
        .into_iter()
        .flat_map(|l| lexicon(l).words.keys().map(String::as_str))
}

/// Reads the longest number starting at word `i`.
pub(crate) fn parse_at(ws: &[W], i: usize) -> Option<Parsed> {
    parse_in(ws, i, &|| None)
}

/// The language of the Latin-script words of a text, when their function
/// words say so clearly (twice as many of one language as of the other).
fn latin_language(ws: &[W]) -> Option<Lang> {
    static WORDS: LazyLock<FxHashMap<String, Lang>> = LazyLock::new(|| {
        include_str!("../../data/function_words.tsv")
            .lines()
            .filter(|l| !l.starts_with('#'))
            .filter_map(|l| {
                let (lang, word) = l.split_once('\t')?;
                let lang = match lang {
                    "en" => Lang::En,
                    "fr" => Lang::Fr,
                    _ => return None,
                };
                Some((crate::fold::fold_str(word.trim()), lang))
            })
            .collect()
    });
    let (mut en, mut fr) = (0usize, 0usize);
    // The first byte rules out an Arabic word before the whole key is
    // scanned.
    for w in ws.iter().filter(|w| {
        w.is_word() && w.key().as_bytes().first().is_some_and(u8::is_ascii) && w.key().is_ascii()
    }) {
        match WORDS.get(w.key()) {
            Some(Lang::En) => en += 1,
            Some(Lang::Fr) => fr += 1,
            _ => {}
        }
    }
    if en >= 3 && en > 2 * fr {
        Some(Lang::En)
    } else if fr >= 3 && fr > 2 * en {
        Some(Lang::Fr)
    } else {
        None
    }
}

/// Reads the longest number at word `i`; Latin words only in the language
/// `latin` gives, when the text's language is known.
#[inline]
fn parse_in(ws: &[W], i: usize, latin: &dyn Fn() -> Option<Lang>) -> Option<Parsed> {
    let w = &ws[i];
    // A word reading starts with a lexicon hit on the word itself: a word
    // that no lexicon holds (by stem or key: its flags, from every
    // lexicon) begins no number. Tested here, inlined into the callers
    // that ask every word of a text.
    match w.kind() {
        TokenKind::Number => {}
        TokenKind::Word if w.flags & NUMBER_WORD != 0 => {}
        _ => return None,
    }
    read_at(ws, i, latin)
}

/// [`parse_in`] for a number or a number word.
#[inline(never)]
fn read_at(ws: &[W], i: usize, latin: &dyn Fn() -> Option<Lang>) -> Option<Parsed> {
    let w = &ws[i];
    match w.kind() {
        TokenKind::Number => parse_digits_at(ws, i),
        TokenKind::Word if w.is_arabic() => parse_words_at(ws, i, Lang::Ar),
        TokenKind::Word => {
            let latin = latin();
            let en = parse_words_at(ws, i, Lang::En).filter(|_| latin != Some(Lang::Fr));
            let fr = parse_words_at(ws, i, Lang::Fr).filter(|_| latin != Some(Lang::En));
            match (en, fr) {
                (Some(a), Some(b)) => Some(if b.end > a.end { b } else { a }),
                (a, b) => a.or(b),
            }
        }
        _ => None,
    }
}

/// The value of a digit string (already folded to ASCII): thousands
/// separators (`1,200`, `1.200`) give an integer, a single other
/// separator a decimal.
fn digit_value(key: &str) -> Option<(f64, bool)> {
    if key.bytes().all(|b| b.is_ascii_digit()) {
        if key.len() > 15 {
            return None;
        }
        return key.parse::<u64>().ok().map(|v| (v as f64, true));
    }
    let seps: Vec<u8> = key.bytes().filter(|b| !b.is_ascii_digit()).collect();
    let sep = seps[0];
    if seps.iter().all(|&s| s == sep) {
        let groups: Vec<&str> = key.split(sep as char).collect();
        let thousands = groups[0].len() <= 3
            && !groups[0].is_empty()
            && groups[1..].iter().all(|g| g.len() == 3);
        if thousands {
            let digits: String = groups.concat();
            return digits.parse::<u64>().ok().map(|v| (v as f64, true));
        }
        if seps.len() == 1 {
            let dec = key.replace(',', ".");
            return dec.parse::<f64>().ok().map(|v| (v, false));
        }
    }
    None
}

fn parse_digits_at(ws: &[W], i: usize) -> Option<Parsed> {
    let w = &ws[i];
    let (mut value, mut integer) = digit_value(w.key())?;
    let mut plain = integer && w.key().bytes().all(|b| b.is_ascii_digit());
    let mut digits = w.key().bytes().filter(u8::is_ascii_digit).count();
    let mut end = i + 1;
    // "10 000": groups of three digits after one (thin) space.
    if integer && w.key().len() <= 3 && plain {
        while let Some(n) = ws.get(end) {
            let prev = &ws[end - 1];
            let between_ok = n.gap == Gap::Space && n.span().start - prev.span().end <= 3;
            if n.is_number()
                && n.key().len() == 3
                && n.key().bytes().all(|b| b.is_ascii_digit())
                && between_ok
            {
                value = value * 1000.0 + n.key().parse::<f64>().ok()?;
                plain = false;
                digits += 3;
                end += 1;
            } else {
                break;
            }
        }
    }
    // A multiplier word after the digits: 3 آلاف، 2.5 million, 30 ألف.
    if let Some(n) = ws.get(end).filter(|n| n.gap == Gap::Space && n.is_word()) {
        for lang in [Lang::Ar, Lang::En, Lang::Fr] {
            if lang == Lang::Ar && !n.prefix().is_empty() {
                continue;
            }
            if let Some(e) = lookup(n, lang) {
                if matches!(e.class, Class::Mult | Class::Plural) {
                    value *= e.value as f64;
                    integer = value.fract() == 0.0;
                    plain = false;
                    end += 1;
                    break;
                }
            }
        }
    }
    if !integer || !(0.0..=1e13).contains(&value) {
        return None;
    }
    Some(Parsed {
        start: i,
        end,
        value: value as u64,
        vague: false,
        approx: false,
        plain_digits: plain,
        digits,
    })
}

/// The running state of one group (below a thousand) of a number.
#[derive(Debug, Default, Clone, Copy)]
struct Group {
    hundreds: u64,
    tens: Option<u64>,
    units: Option<u64>,
    teen: bool,
    head: Option<u64>,
}

impl Group {
    fn value(&self) -> u64 {
        self.hundreds + self.tens.unwrap_or(0) + self.units.unwrap_or(0)
    }

    fn is_empty(&self) -> bool {
        self.hundreds == 0 && self.tens.is_none() && self.units.is_none() && self.head.is_none()
    }
}

/// The state of a number being read from words.
#[derive(Debug, Clone, Copy)]
struct Acc {
    lang: Lang,
    total: u64,
    g: Group,
    last_mult: u64,
}

impl Acc {
    fn value(&self) -> u64 {
        self.total + self.g.value()
    }

    /// Adds one word; `conj`: a conjunction came before it; `first`: the
    /// first word of the number. Returns false when the word cannot
    /// continue the number.
    fn add(&mut self, e: Entry, conj: bool, first: bool) -> bool {
        let ar = self.lang == Lang::Ar;
        let g = &mut self.g;
        let v = e.value;
        match e.class {
            Class::Unit | Class::Weak => {
                if ar && v == 10 && !conj {
                    if let Some(h) = g.head.take() {
                        g.units = Some(h + 10);
                        g.teen = true;
                        return true;
                    }
                    if let Some(u) = g.units.filter(|u| (1..=9).contains(u)) {
                        if g.tens.is_none() && !g.teen {
                            g.units = Some(u + 10);
                            g.teen = true;
                            return true;
                        }
                    }
                }
                if g.head.is_some() || g.units.is_some() || g.teen {
                    return false;
                }
                if ar && (g.tens.is_some() || (!first && !conj)) {
                    return false;
                }
                g.units = Some(v);
                true
            }
            Class::TeenHead => {
                if !ar || !(g.is_empty() || (g.tens.is_none() && g.units.is_none() && conj)) {
                    return false;
                }
                g.head = Some(v);
                true
            }
            Class::Teen => {
                if g.head.is_some() {
                    return false;
                }
                if g.units.is_some() || g.teen {
                    return false;
                }
                match g.tens {
                    Some(t) if self.lang == Lang::Fr && french::takes_teen(t) => {
                        g.tens = Some(t + v);
                        g.teen = true;
                        true
                    }
                    Some(_) => false,
                    None => {
                        if ar && !first && !conj {
                            return false;
                        }
                        g.tens = Some(v);
                        g.teen = true;
                        true
                    }
                }
            }
            Class::Ten => {
                if g.head.is_some() || g.teen {
                    return false;
                }
                if ar {
                    if g.tens.is_some() || (!first && !conj) {
                        return false;
                    }
                    g.tens = Some(v);
                    return true;
                }
                if let Some(t) = g.tens {
                    if self.lang == Lang::Fr
                        && french::takes_teen(t)
                        && v == 10
                        && g.units.is_none()
                    {
                        g.tens = Some(t + 10);
                        g.teen = true;
                        return true;
                    }
                    return false;
                }
                if let Some(u) = g.units {
                    if self.lang == Lang::Fr {
                        if let Some(t) = french::vigesimal(u, v) {
                            g.units = None;
                            g.tens = Some(t);
                            return true;
                        }
                    }
                    return false;
                }
                g.tens = Some(v);
                true
            }
            Class::Hundred => {
                if g.head.is_some() || g.tens.is_some() || g.teen || g.hundreds > 0 {
                    return false;
                }
                if v == 100 {
                    if ar && g.units.is_some() && conj {
                        return false;
                    }
                    if ar && g.units.is_none() && !first && !conj {
                        return false;
                    }
                    g.hundreds = g.units.take().unwrap_or(1) * 100;
                    true
                } else {
                    if g.units.is_some() || (ar && !first && !conj) {
                        return false;
                    }
                    g.hundreds = v;
                    true
                }
            }
            Class::Mult | Class::Dual | Class::Plural => {
                let m = if e.class == Class::Dual { v / 2 } else { v };
                if m >= self.last_mult || g.head.is_some() {
                    return false;
                }
                let gv = match e.class {
                    Class::Mult if g.is_empty() => {
                        if ar && !first && !conj {
                            return false;
                        }
                        1
                    }
                    Class::Mult => {
                        if ar && conj {
                            return false;
                        }
                        g.value()
                    }
                    Class::Dual => {
                        if !g.is_empty() || (ar && !first && !conj) {
                            return false;
                        }
                        2
                    }
                    _ => {
                        let gv = g.value();
                        if !(3..=10).contains(&gv) || (ar && conj) {
                            return false;
                        }
                        gv
                    }
                };
                self.total += gv * m;
                self.g = Group::default();
                self.last_mult = m;
                true
            }
            Class::Vague | Class::VagueOf | Class::VagueA | Class::Approx => false,
        }
    }
}

fn parse_words_at(ws: &[W], i: usize, lang: Lang) -> Option<Parsed> {
    let e = lookup(&ws[i], lang)?;
    let next_is = |j: usize, keys: &[&str]| {
        ws.get(j)
            .is_some_and(|n| n.gap != Gap::Line && keys.contains(&n.stem))
    };
    let of: &[&str] = match lang {
        Lang::Ar => &["من"],
        Lang::En => &[english::OF],
        Lang::Fr => french::OF,
    };
    let simple = |end: usize, value: u64, vague: bool, approx: bool| Parsed {
        start: i,
        end,
        value,
        vague,
        approx,
        plain_digits: false,
        digits: 0,
    };
    match e.class {
        Class::Vague | Class::Plural => {
            // عشرات الآلاف, hundreds of thousands, des dizaines de milliers
            let mut j = i + 1;
            if next_is(j, of) {
                j += 1;
            }
            // The multiplier: آلاف / thousands / milliers, or for "a few" and
            // "several" also hundreds (plusieurs centaines, several hundred).
            if let Some(m) = ws
                .get(j)
                .filter(|n| n.gap != Gap::Line)
                .and_then(|n| lookup(n, lang))
                .filter(|m| {
                    let mult = matches!(
                        m.class,
                        Class::Plural | Class::Vague | Class::Mult | Class::Hundred
                    );
                    mult && m.value > e.value
                        && (m.value >= 1000 || (m.value >= 100 && e.value <= 10))
                })
            {
                // dozens/عشرات of thousands → 10 000, hundreds of thousands
                // → 100 000, a few (بضعة) thousand → 3 000, several
                // hundred/thousand → the multiplier itself.
                let value = match e.value {
                    12 => 10 * m.value,
                    10 => m.value,
                    v => v * m.value,
                };
                return Some(simple(j + 1, value, true, true));
            }
            Some(simple(i + 1, e.value, true, true))
        }
        Class::VagueOf => {
            // العدد من is "the issue of"; only the bare word is vague.
            if !next_is(i + 1, of) || ws[i].prefix().contains("ال") {
                return None;
            }
            let j = i + 2;
            if let Some(m) = ws
                .get(j)
                .and_then(|n| lookup(n, lang))
                .filter(|m| matches!(m.class, Class::Plural | Class::Vague) && m.value >= 1000)
            {
                return Some(simple(j + 1, e.value * m.value, true, true));
            }
            Some(simple(i + 2, e.value, true, true))
        }
        Class::VagueA => None,
        Class::Approx => Some(approx_noun(ws, i, i, e, lang)),
        Class::Weak => {
            let n = ws.get(i + 1).filter(|n| n.gap == Gap::Space)?;
            let ne = lookup(n, lang)?;
            match ne.class {
                Class::VagueA => Some(simple(i + 2, ne.value, true, true)),
                Class::Approx => Some(approx_noun(ws, i, i + 1, ne, lang)),
                Class::Hundred | Class::Mult if ne.value == 100 || ne.class == Class::Mult => {
                    compose(ws, i, lang)
                }
                _ => None,
            }
        }
        Class::TeenHead
        | Class::Unit
        | Class::Teen
        | Class::Ten
        | Class::Hundred
        | Class::Mult
        | Class::Dual => compose(ws, i, lang),
    }
}

/// `une vingtaine`, `a dozen`, `une dizaine de milliers`: the noun at
/// `at`, the number starting at `start` (the article, if any).
fn approx_noun(ws: &[W], start: usize, at: usize, e: Entry, lang: Lang) -> Parsed {
    let mut end = at + 1;
    let mut value = e.value;
    if lang == Lang::Fr {
        if let (Some(de), Some(m)) = (ws.get(end), ws.get(end + 1)) {
            if french::OF.contains(&de.key()) && matches!(m.key(), "milliers" | "mille") {
                value *= 1000;
                end += 2;
            }
        }
    }
    Parsed {
        start,
        end,
        value,
        vague: false,
        approx: true,
        plain_digits: false,
        digits: 0,
    }
}

/// Composes number words from `i` on.
fn compose(ws: &[W], i: usize, lang: Lang) -> Option<Parsed> {
    let mut acc = Acc {
        lang,
        total: 0,
        g: Group::default(),
        last_mult: u64::MAX,
    };
    let mut end = i;
    let mut k = i;
    // Value and end before a pending teen head (أحد, اثنا), to fall back on.
    let mut before_head: Option<(u64, usize)> = None;
    while k < ws.len() {
        let first = k == i;
        let mut conj = false;
        let mut j = k;
        if !first {
            let w = &ws[j];
            if w.gap == Gap::Line {
                break;
            }
            match lang {
                Lang::Ar => {
                    if arabic::is_conjunction_word(w) {
                        conj = true;
                        j += 1;
                    }
                }
                Lang::En | Lang::Fr => {
                    if w.is_punct("-") && w.gap == Gap::None {
                        j += 1;
                        if ws.get(j).is_none_or(|n| n.gap != Gap::None) {
                            break;
                        }
                    } else if (lang == Lang::En && w.key() == english::AND)
                        || (lang == Lang::Fr && w.key() == french::AND)
                    {
                        conj = true;
                        j += 1;
                    }
                }
            }
        }
        let Some(w) = ws.get(j) else { break };
        if !first && w.gap == Gap::Line {
            break;
        }
        if lang == Lang::Ar && !first {
            match arabic::continuation_prefix(w) {
                Some(c) => conj |= c,
                None => break,
            }
        }
        let Some(e) = lookup(w, lang) else { break };
        // Connector words are only allowed in their places.
        if conj && lang == Lang::En {
            let after_big = acc.g.tens.is_none()
                && acc.g.units.is_none()
                && (acc.g.hundreds > 0 || acc.total > 0);
            if !after_big || !matches!(e.class, Class::Unit | Class::Teen | Class::Ten) {
                break;
            }
        }
        if conj && lang == Lang::Fr && !(e.value == 1 || e.value == 11) {
            break;
        }
        if !first && e.class == Class::Weak && !conj {
            break;
        }
        let had_head = acc.g.head.is_some();
        if !acc.add(e, conj, first) {
            break;
        }
        if acc.g.head.is_some() && !had_head {
            before_head = Some((acc.value(), end));
        } else if acc.g.head.is_none() {
            before_head = None;
        }
        end = j + 1;
        k = j + 1;
    }
    let mut value = acc.value();
    if acc.g.head.is_some() {
        // A teen head without its عشر is not a number (أحد = "one of").
        let (v, e) = before_head?;
        value = v;
        end = e;
    }
    if end == i || value == 0 {
        return None;
    }
    // A lone weak word (un, une, a) is an article.
    if end == i + 1 && lookup(&ws[i], lang).is_some_and(|e| e.class == Class::Weak) {
        return None;
    }
    Some(Parsed {
        start: i,
        end,
        value,
        vague: false,
        approx: false,
        plain_digits: false,
        digits: 0,
    })
}

/// The words after a number that show it is not a count.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Context {
    Percent,
    Measure,
    Money,
    Duration,
    Fraction,
    YearCue,
    Ident,
}

static CONTEXT: LazyLock<KeyMap<Context>> = LazyLock::new(|| {
    let mut map = FxHashMap::default();
    for line in include_str!("../../data/number_context.tsv").lines() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let Some((word, kind)) = line.split_once('\t') else {
            continue;
        };
        let kind = match kind.trim() {
            "percent" => Context::Percent,
            "measure" => Context::Measure,
            "money" => Context::Money,
            "duration" => Context::Duration,
            "fraction" => Context::Fraction,
            "year_cue" => Context::YearCue,
            "ident" => Context::Ident,
            _ => continue,
        };
        map.insert(crate::fold::fold_str(word), kind);
    }
    KeyMap::from(map)
});

fn context(w: &W) -> Option<Context> {
    CONTEXT
        .get(w.stem)
        .or_else(|| {
            (w.key().len() != w.stem.len())
                .then(|| CONTEXT.get(w.key()))
                .flatten()
        })
        .copied()
}

fn is_month_word(ws: &[W], j: usize) -> bool {
    let Some(w) = ws.get(j).filter(|w| w.is_word()) else {
        return false;
    };
    // What `months::month_number` finds for the word's stem or key, read
    // from the keys the token already has instead of analysing them again:
    // the key's match key is the stem, and the stem's own match key is the
    // stem with one more proclitic split off.
    // The flags say whether the stem or the key can be a month (or begin
    // a two-word one) without a look-up; only the re-split stem is asked.
    let restem = crate::arabic::split_proclitics(w.stem).1;
    (w.flags & MONTH_WORD != 0
        && ([w.stem, w.key()]
            .into_iter()
            .any(|k| crate::months::month_of_key(k).is_some())
            || crate::months::starts_two_word_month(w.stem)))
        || crate::months::month_of_key(restem).is_some()
}

fn is_hundred_word(w: &W) -> bool {
    matches!(w.stem, "ميه" | "مايه")
}

/// Whether a number read at `p` is not a count (see the module doc).
fn is_non_count(ws: &[W], p: &Parsed) -> bool {
    let first = &ws[p.start];
    let last = &ws[p.end - 1];
    let prev = p.start.checked_sub(1).map(|k| &ws[k]);
    let next = ws.get(p.end);
    let next2 = ws.get(p.end + 1);
    let glued_next = next.filter(|n| n.gap == Gap::None);
    let glued_prev = prev.filter(|_| first.gap == Gap::None);

    // Percentages, in any language and either script.
    if let Some(n) = next.filter(|n| n.gap != Gap::Line) {
        if context(n) == Some(Context::Percent) {
            return true;
        }
        if n.stem == "في" && next2.is_some_and(is_hundred_word) {
            return true;
        }
        if is_hundred_word(n) && n.prefix().contains('ب') {
            return true;
        }
        if matches!(n.key(), "per" | "pour") && next2.is_some_and(|m| m.key() == "cent") {
            return true;
        }
    }
    // Measures, money and durations after; currency signs before.
    if let Some(n) = next.filter(|n| n.gap != Gap::Line && n.prefix().is_empty()) {
        if matches!(
            context(n),
            Some(Context::Measure | Context::Money | Context::Duration | Context::Fraction)
        ) {
            return true;
        }
    }
    if let Some(pw) = prev {
        if matches!(context(pw), Some(Context::Money | Context::Ident)) {
            return true;
        }
        // "الأيام السبعة الماضية": a count of days after its noun.
        if context(pw) == Some(Context::Duration) && has_article(pw.prefix()) {
            return true;
        }
    }
    // في المئة / المئة alone: per cent, not a hundred.
    if p.end == p.start + 1
        && is_hundred_word(first)
        && (first.prefix().contains("ال") || first.prefix().contains('ب'))
    {
        return true;
    }
    // الاثنين / يوم اثنين is Monday.
    if first.is_arabic()
        && first.stem == "اثنين"
        && p.end == p.start + 1
        && (first.prefix().contains("ال") || prev.is_some_and(|w| w.stem == "يوم"))
    {
        return true;
    }
    // French "sept" before a day number is September (Sept. 25).
    if last.key() == "sept"
        && (glued_next.is_some_and(|n| n.is_punct(".")) || next.is_some_and(W::is_number))
    {
        return true;
    }
    // 12-year, one-year, 3-day: a compound adjective, not a count.
    if glued_next.is_some_and(|n| n.is_punct("-"))
        && ws
            .get(p.end + 1)
            .is_some_and(|m| m.gap == Gap::None && m.is_word())
    {
        return true;
    }
    if !first.is_number() {
        return false;
    }
    // Digits glued to letters are names or codes (G5, F16, M23).
    // Arabic proclitics glued to digits are not (و17، ب20، الـ30).
    let clitic = |w: &W| {
        w.is_arabic()
            && w.key()
                .chars()
                .all(|c| matches!(c, 'و' | 'ف' | 'ب' | 'ك' | 'ل' | 'ا'))
    };
    if glued_prev.is_some_and(|w| w.is_word() && !clitic(w))
        || glued_next.is_some_and(|w| w.is_word() && !w.is_arabic() && w.key().len() > 3)
    {
        return true;
    }
    // Times (11:08), dates (25/09/2022, 2022-09-25), ordinals (1er, 21st).
    if let Some(n) = glued_next {
        if n.kind() == TokenKind::Punct
            && matches!(n.key(), ":" | "/" | "-" | ".")
            && ws.get(p.end + 1).is_some_and(|m| {
                m.gap == Gap::None && (m.is_number() || is_month_word(ws, p.end + 1))
            })
        {
            return true;
        }
        if n.is_word()
            && matches!(
                n.key(),
                "st" | "nd" | "rd" | "th" | "er" | "e" | "eme" | "ere" | "re" | "h"
            )
        {
            return true;
        }
        if n.is_punct("\\") {
            return true;
        }
    }
    if let Some(pw) = glued_prev {
        if matches!(pw.key(), ":" | "/" | "-" | ".") && p.start >= 2 && {
            let pp = &ws[p.start - 2];
            // 25/09, سبتمبر/2022, and codes such as F-16 or COVID-19.
            pw.gap == Gap::None
                && (pp.is_number()
                    || is_month_word(ws, p.start - 2)
                    || (pw.key() == "-" && pp.is_word() && !pp.is_arabic()))
        } {
            return true;
        }
    }
    // Next to a month name: a day or a year.
    let month_before = p.start > 0
        && (is_month_word(ws, p.start - 1)
            || (p.start > 1 && ws[p.start - 1].is_punct(".") && is_month_word(ws, p.start - 2)));
    if p.plain_digits && (is_month_word(ws, p.end) || month_before) {
        return true;
    }
    // "السادس من سبتمبر 2022", "September 6, 2022": a year after a month and day.
    if p.plain_digits
        && p.digits == 4
        && p.start >= 2
        && ws[p.start - 1].is_punct(",")
        && ws[p.start - 2].is_number()
    {
        return true;
    }
    // Years: four plain digits in 1900..=2100 with a year cue before, or
    // ending a clause, or with an era mark after (2022 م).
    if p.plain_digits && p.digits == 4 && (1900..=2100).contains(&p.value) {
        let cue = prev.is_some_and(|w| context(w) == Some(Context::YearCue));
        let era = next.is_some_and(|n| {
            n.gap != Gap::Line
                && matches!(n.stem, "م" | "ه" | "ميلادي" | "ميلاديه" | "هجري" | "هجريه")
        });
        let clause_end = next.is_none_or(|n| {
            n.gap == Gap::Line || (n.kind() == TokenKind::Punct && !matches!(n.key(), "%" | "-"))
        });
        if cue || era || clause_end {
            return true;
        }
    }
    // Hijri years (1444 هـ) and long identifiers.
    if next.is_some_and(|n| n.stem == "ه" && n.gap != Gap::Line) {
        return true;
    }
    // «الخليج 365»: a newspaper's name.
    if p.end == p.start + 1 && crate::words::ends_short_quote(ws, p.start) {
        return true;
    }
    p.digits > 9
}

/// Qualifier phrases by position, as match-key word sequences.
struct Qualifiers {
    before: Vec<(NumberQualifier, Vec<String>)>,
    after: Vec<(NumberQualifier, Vec<String>)>,
    /// The last words of the `before` phrases and the first words of the
    /// `after` ones: a number whose neighbour is not among them has no
    /// qualifier on that side, and the phrases need not be tried one by
    /// one.
    before_last: KeySet,
    after_first: KeySet,
}

static QUALIFIERS: LazyLock<Qualifiers> = LazyLock::new(|| {
    let mut q = Qualifiers {
        before: Vec::new(),
        after: Vec::new(),
        before_last: KeySet::default(),
        after_first: KeySet::default(),
    };
    for line in include_str!("../../data/qualifiers.tsv").lines() {
        let Some((qual, before, words)) = parse_qualifier(line) else {
            continue;
        };
        if before {
            q.before.push((qual, words));
        } else {
            q.after.push((qual, words));
        }
    }
    // Longest phrase first, so "ما لا يقل عن" wins over "لا يقل عن".
    q.before.sort_by_key(|(_, w)| std::cmp::Reverse(w.len()));
    q.after.sort_by_key(|(_, w)| std::cmp::Reverse(w.len()));
    q.before_last = q
        .before
        .iter()
        .filter_map(|(_, w)| w.last().cloned())
        .collect();
    q.after_first = q
        .after
        .iter()
        .filter_map(|(_, w)| w.first().cloned())
        .collect();
    q
});

/// The word before word `end`, apostrophes skipped, where a `before`
/// phrase would end: [`match_before`] compares it first.
fn word_before<'w, 'a>(ws: &'w [W<'a>], end: usize) -> Option<&'w W<'a>> {
    let mut k = end;
    while k > 0 && ws[k - 1].is_punct("'") {
        k -= 1;
    }
    ws.get(k.checked_sub(1)?)
}

/// The word at `start`, apostrophes skipped, where an `after` phrase
/// would begin: [`match_after`] compares it first.
fn word_from<'w, 'a>(ws: &'w [W<'a>], start: usize) -> Option<&'w W<'a>> {
    ws[start.min(ws.len())..].iter().find(|w| !w.is_punct("'"))
}

fn parse_qualifier(line: &str) -> Option<(NumberQualifier, bool, Vec<String>)> {
    let line = line.trim();
    if line.is_empty() || line.starts_with('#') {
        return None;
    }
    let mut cols = line.split('\t');
    let qual = match cols.next()? {
        "at_least" => NumberQualifier::AtLeast,
        "more_than" => NumberQualifier::MoreThan,
        "approx" => NumberQualifier::Approx,
        "at_most" => NumberQualifier::AtMost,
        _ => return None,
    };
    let before = match cols.next()? {
        "before" => true,
        "after" => false,
        _ => return None,
    };
    let phrase = cols.next()?;
    let a = crate::analyze(phrase);
    let words: Vec<String> = a
        .tokens
        .iter()
        .filter(|t| t.kind != TokenKind::Space && t.key != "'")
        .map(|t| t.stem().to_string())
        .collect();
    (!words.is_empty()).then_some((qual, before, words))
}

/// Whether `phrase` matches the words ending right before word `end`
/// (apostrophes skipped); returns the index of its first word.
fn match_before(ws: &[W], end: usize, phrase: &[String]) -> Option<usize> {
    let mut k = end;
    for (n, want) in phrase.iter().rev().enumerate() {
        while k > 0 && ws[k - 1].is_punct("'") {
            k -= 1;
        }
        let w = ws.get(k.checked_sub(1)?)?;
        // The first word of the number must not be on a new line from the
        // phrase, nor any phrase word from the next.
        if ws[k].gap == Gap::Line {
            return None;
        }
        let ok = w.stem == want || (n == phrase.len() - 1 && w.key() == want);
        if !ok {
            return None;
        }
        k -= 1;
    }
    Some(k)
}

/// Whether `phrase` starts at word `start`; returns the index after it.
fn match_after(ws: &[W], start: usize, phrase: &[String]) -> Option<usize> {
    let mut k = start;
    for want in phrase {
        while ws.get(k).is_some_and(|w| w.is_punct("'")) {
            k += 1;
        }
        let w = ws.get(k)?;
        if w.gap == Gap::Line || w.stem != want {
            return None;
        }
        k += 1;
    }
    Some(k)
}

fn qualify(ws: &[W], p: &Parsed) -> Quantity {
    let mut span = Span::new(ws[p.start].head_span().start, ws[p.end - 1].span().end);
    let mut qualifier = if p.approx {
        NumberQualifier::Approx
    } else {
        NumberQualifier::Exact
    };
    let q = &*QUALIFIERS;
    // A phrase's last word must be the stem of the word before (or its key
    // for a one-word phrase).
    let may_have_before = word_before(ws, p.start)
        .is_some_and(|w| q.before_last.contains_key(w.stem) || q.before_last.contains_key(w.key()));
    if let Some((qual, at)) = q
        .before
        .iter()
        .filter(|_| may_have_before)
        .find_map(|(qual, phrase)| match_before(ws, p.start, phrase).map(|at| (*qual, at)))
    {
        qualifier = qual;
        span = Span::new(ws[at].head_span().start, span.end);
    } else {
        // After the number, within three words, before any other number
        // or punctuation: "30 قتيلا على الأقل", "ثلاثين ونيف".
        'outer: for k in p.end..(p.end + 4).min(ws.len()) {
            let w = &ws[k];
            if w.gap == Gap::Line
                || w.kind() == TokenKind::Number
                || (w.kind() == TokenKind::Punct && k > p.end)
            {
                break;
            }
            let may_begin = word_from(ws, k).is_some_and(|w| q.after_first.contains_key(w.stem));
            for (qual, phrase) in q.after.iter().filter(|_| may_begin) {
                if let Some(end) = match_after(ws, k, phrase) {
                    qualifier = *qual;
                    span = span.cover(ws[end - 1].span());
                    break 'outer;
                }
            }
            if w.kind() == TokenKind::Punct {
                break;
            }
        }
    }
    Quantity {
        span,
        value: p.value,
        qualifier,
        vague: p.vague,
    }
}

#[cfg(test)]
mod tests;
