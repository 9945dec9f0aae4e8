//! Plain text as news sites publish it.
//!
//! A saved article starts with a few header lines — a title, a date line,
//! maybe a byline, a dateline such as `نواكشوط – «الساحل اليوم»`, and
//! buttons (`طباعة`, `شارك`), sometimes glued to a cut copy of the title
//! and the author's name — then the article, interrupted or followed by
//! chrome: "read also" links, share lines, menus, crawl banners, wire
//! credits, a paragraph repeated by the page template.
//!
//! The reader walks the lines once. While in the *header zone* (at most
//! [`MAX_HEADER_LINES`] non-blank lines, ended by the first line that reads
//! like a paragraph) it takes the first line that can be a title (a very
//! short one, an outlet or section name, gives way to a headline right
//! under it), date lines, bylines and short meta lines; after it, every
//! line is body unless it is chrome, a lone date or a repeat.
//!
//! Some lines are chrome because of what came before them, which the
//! `BodyFilter` remembers: the headlines under a "read also",
//! "related" or "most read" heading (blank lines between them included,
//! until a line reads like a paragraph), and everything after a comment
//! section's heading. A "read also" link glued to the end of a paragraph
//! is cut off it. After the walk, a body line that is the start of a
//! longer one (a standfirst repeating the lede, a copy cut with "...") is
//! a repeat, and pieces of words at the edges of an excerpt ("...ilitants",
//! "ـلية") are left out. The text itself is never changed: the result is a
//! list of classified line spans, and the body is the spans of consecutive
//! body lines.

use std::collections::HashSet;

use chrono::{NaiveDate, NaiveDateTime, NaiveTime};
use rasd_model::{Document, Span};

use crate::chrome;
use crate::header::{self, DateRole};

/// What a line of a plain-text article is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LineKind {
    /// Empty or white space only.
    Blank,
    /// No letters at all: rules, ornaments, page numbers.
    Separator,
    Title,
    /// A date line (publication or update time).
    Date,
    Byline,
    /// A short header line that is not the article: a dateline with the
    /// outlet's name, a section label.
    Meta,
    /// Site furniture: buttons, "read also", menus, notices, banners.
    Chrome,
    /// A paragraph seen before (or the title again).
    Repeat,
    Body,
}

/// One classified line: its span in the text, without the line break and
/// the surrounding white space.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Line {
    pub span: Span,
    pub kind: LineKind,
}

/// What the plain-text reader found.
#[derive(Debug, Clone, PartialEq)]
pub struct Parsed {
    pub lines: Vec<Line>,
    pub title: Option<Span>,
    pub published: Option<NaiveDateTime>,
    pub updated: Option<NaiveDateTime>,
    /// Spans of runs of consecutive body lines.
    pub body: Vec<Span>,
}

/// Most non-blank lines the header zone may hold.
pub const MAX_HEADER_LINES: usize = 12;
/// Most words of a header meta line (dateline, outlet, section label).
const MAX_META_WORDS: usize = 8;
/// Most words of a line glued to a print/share button.
const MAX_GLUED_WORDS: usize = 12;
/// Most words of the link line after a bare "read also".
const MAX_LINK_WORDS: usize = 20;
/// Most words of a lone date line inside the body.
const MAX_BODY_DATE_WORDS: usize = 24;

fn is_blank_char(c: char) -> bool {
    c.is_whitespace() || rasd_text::fold::is_invisible(c)
}

/// A text of white space and invisible characters (bidi controls, zero
/// width marks) only: nothing to read.
pub(crate) fn is_blank(text: &str) -> bool {
    text.chars().all(is_blank_char)
}

/// The lines of `text` with their trimmed spans.
fn split_lines(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, b) in text.bytes().enumerate() {
        if b == b'\n' {
            out.push(trim_span(text, Span::new(start, i)));
            start = i + 1;
        }
    }
    if start < text.len() {
        out.push(trim_span(text, Span::new(start, text.len())));
    }
    out
}

fn trim_span(text: &str, span: Span) -> Span {
    let s = &text[span.start..span.end];
    let lead = s.len() - s.trim_start_matches(is_blank_char).len();
    let trimmed = s.trim_matches(is_blank_char);
    Span::new(span.start + lead, span.start + lead + trimmed.len())
}

fn word_count(s: &str) -> usize {
    s.split_whitespace().count()
}

fn ends_sentence(s: &str) -> bool {
    let s = s.trim_end_matches(['"', '»', '”', '\'', ')']);
    (s.ends_with(['.', '!', '?', '؟', '。']) && !s.ends_with("...")) || s.ends_with('…')
}

/// Whether a line that may be a date line ends like a sentence ("Gunmen
/// killed 5 on 3 March 2021."); "… at 9:05 a.m." does not.
fn dated_sentence(s: &str) -> bool {
    let lower = s.trim_end().to_lowercase();
    ends_sentence(s) && !lower.ends_with("a.m.") && !lower.ends_with("p.m.")
}

/// Whether the first text line can be a title: not too long, and not a
/// finished sentence (headlines do not end with a period; a first line that
/// does is the first paragraph of a text without a header).
fn looks_like_title(s: &str) -> bool {
    let t = s.trim_end();
    let ends_with_period = t.ends_with('.') && !t.ends_with("...");
    word_count(s) <= 35 && !ends_with_period
}

/// A line's key for spotting repeats: its folded words, so that a copy
/// with other spacing, punctuation, diacritics or invisible characters is
/// still the same line.
pub(crate) fn repeat_key(s: &str) -> String {
    let f = rasd_text::fold::fold_str(s);
    let mut out = String::with_capacity(f.len());
    for w in f.split(is_key_separator).filter(|w| !w.is_empty()) {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
}

/// What separates the words of a repeat key: white space and punctuation.
/// A cheap test (this runs on every character of every paragraph): ASCII
/// by class, else white space, the general punctuation block and the
/// Arabic and French marks, since folded keys hold no other symbols that
/// matter.
fn is_key_separator(c: char) -> bool {
    if c.is_ascii() {
        return !c.is_ascii_alphanumeric();
    }
    matches!(
        c,
        '\u{a0}' | '\u{ab}' | '\u{bb}' | '\u{2000}'
            ..='\u{206f}' | '\u{3000}' | '،' | '؛' | '؟' | '٪' | '۔'
    ) || c.is_whitespace()
}

fn same_title(line: &str, title: &str) -> bool {
    let a = repeat_key(line);
    !a.is_empty() && a == repeat_key(title)
}

/// What the header zone has found so far.
#[derive(Default)]
struct HeaderState {
    title_done: bool,
    /// A publication date printed above the title is weaker than one below
    /// it: it may be a crawl time or a site-wide date bar.
    published_above_title: Option<NaiveDateTime>,
    published: Option<NaiveDateTime>,
    updated: Option<NaiveDateTime>,
}

/// Classifies the lines of `text`. `known_title` (from a JSON record or a
/// page's metadata) decides which line, if any, is the title line.
pub fn parse(text: &str, known_title: Option<&str>) -> Parsed {
    let spans = split_lines(text);
    let mut lines = Vec::with_capacity(spans.len());
    let mut title: Option<Span> = None;
    let mut state = HeaderState::default();
    let mut in_header = true;
    let mut header_lines = 0;
    let mut filter = BodyFilter::default();
    // The line before was a "read also" or related-stories heading, and the
    // title line came right after one.
    let mut previous_related = false;
    let mut related_before_title = false;
    // The index of a very short title line, which the next line may
    // replace.
    let mut retitle_after: Option<usize> = None;
    // Body lines: index, repeat key, cut with an ellipsis.
    let mut body_keys: Vec<(usize, String, bool)> = Vec::new();

    for span in spans {
        let s = &text[span.start..span.end];
        if s.is_empty() {
            lines.push(Line {
                span,
                kind: LineKind::Blank,
            });
            continue;
        }
        // No letters: a rule, an ornament, a page number — or a date line
        // in digits only ("2023-09-18 | 11:20").
        if !s.chars().any(char::is_alphabetic) && header::date_line(s).is_none() {
            lines.push(Line {
                span,
                kind: LineKind::Separator,
            });
            continue;
        }
        if filter.before_line(s) {
            lines.push(Line {
                span,
                kind: LineKind::Chrome,
            });
            continue;
        }
        // Menus and buttons do not use up the header zone: a page dump may
        // open with a long menu, one item a line.
        if in_header && !(chrome::is_chrome_line(s) || chrome::is_section_label(s)) {
            header_lines += 1;
            if header_lines > MAX_HEADER_LINES {
                in_header = false;
            }
        }
        // An outlet or section name taken for the title ("Le Monde
        // Afrique") gives way to the headline right under it.
        if in_header && known_title.is_none() && retitle_after.is_some_and(|i| lines.len() == i + 1)
        {
            let i = retitle_after.take().unwrap_or_default();
            if looks_like_title(s)
                && word_count(s) > MAX_LABEL_TITLE_WORDS
                && header::date_line(s).is_none()
                && !chrome::is_chrome_line(s)
                && !chrome::is_byline(s)
            {
                lines[i].kind = LineKind::Meta;
                lines.push(Line {
                    span,
                    kind: LineKind::Title,
                });
                title = Some(span);
                continue;
            }
        }
        // The headline printed twice (a page's title bar, then the
        // article's own heading) does not end the header zone.
        if in_header && title.is_some_and(|t| same_title(s, &text[t.start..t.end])) {
            lines.push(Line {
                span,
                kind: LineKind::Repeat,
            });
            continue;
        }
        let kind = if in_header {
            header_kind(s, known_title, &mut state)
        } else {
            None
        };
        let kind = match kind {
            Some(k) => {
                if state.title_done {
                    filter.after_header_line(s, k);
                }
                k
            }
            None => {
                in_header = false;
                let t = title.map(|t| &text[t.start..t.end]).or(known_title);
                filter.body_line(s, t)
            }
        };
        if kind == LineKind::Title {
            title = Some(span);
            related_before_title = previous_related;
            if word_count(s) <= MAX_LABEL_TITLE_WORDS {
                retitle_after = Some(lines.len());
            }
        }
        previous_related = chrome::is_strict_related_heading(s);
        if kind == LineKind::Body {
            body_keys.push((
                lines.len(),
                std::mem::take(&mut filter.last_key),
                cut_with_ellipsis(s),
            ));
            // A link glued to the end of the paragraph stays out.
            if let Some(cut) = filter.last_cut {
                let kept = trim_span(text, Span::new(span.start, span.start + cut));
                lines.push(Line {
                    span: kept,
                    kind: LineKind::Body,
                });
                lines.push(Line {
                    span: Span::new(span.start + cut, span.end),
                    kind: LineKind::Chrome,
                });
                continue;
            }
        }
        lines.push(Line { span, kind });
    }

    // A text that is one short line: it is both the title and the body.
    // Not a headline of a list of links to other stories: a page of
    // chrome only has no article.
    if !lines.iter().any(|l| l.kind == LineKind::Body) && !related_before_title {
        if let Some(l) = lines.iter_mut().find(|l| l.kind == LineKind::Title) {
            l.kind = LineKind::Body;
        }
    }

    // A one-line text's title became body above without a key: it has
    // nothing to repeat.
    let copies = partial_repeats(body_keys.iter().map(|(_, k, cut)| (k.as_str(), *cut)));
    for ((i, _, _), copy) in body_keys.iter().zip(copies) {
        if copy && lines[*i].kind == LineKind::Body {
            lines[*i].kind = LineKind::Repeat;
        }
    }
    // An excerpt is cut at its edges: the first and last body lines.
    let first = lines.iter().position(|l| l.kind == LineKind::Body);
    let last = lines.iter().rposition(|l| l.kind == LineKind::Body);
    for (i, edge) in [(first, Edge::Start), (last, Edge::End)] {
        let Some(l) = i.map(|i| &mut lines[i]) else {
            continue;
        };
        l.span = cut_fragment(text, l.span, edge);
        if l.span.start >= l.span.end {
            l.kind = LineKind::Chrome;
        }
    }

    let body = body_runs(&lines);

    let mut published = state.published.or(state.published_above_title);
    // No date line: a wire dateline may carry the date ("OUAGADOUGOU,
    // 12 sept 2023 (AFP) - ...").
    if published.is_none() && state.updated.is_none() {
        if let Some(first) = body.first() {
            published = dateline_date(&text[first.start..first.end], text);
        }
    }

    Parsed {
        lines,
        title,
        published,
        updated: state.updated,
        body,
    }
}

/// Most words of a first line that may be the outlet's or section's name
/// rather than the title, when a longer headline follows it.
const MAX_LABEL_TITLE_WORDS: usize = 3;
/// Most words of a header line that ends with a full stop and is still no
/// paragraph ("Lecture 2 min.").
const MAX_SHORT_META_WORDS: usize = 3;

/// Most headline lines a related-stories heading may announce.
const MAX_RELATED_LINKS: usize = 12;
/// Fewest words of a line that may be dropped as a partial copy of a
/// longer one: short lines ("وقال المصدر") are not copies.
const MIN_PARTIAL_REPEAT_WORDS: usize = 6;

/// Whether a line reads like a headline (of a link to another story):
/// short, with no closing full stop — or an item of a bulleted list.
fn is_headline(s: &str) -> bool {
    let words = s.split_whitespace().take(MAX_LINK_WORDS + 1).count();
    words <= MAX_LINK_WORDS
        && (!ends_sentence(s) || s.starts_with(['•', '-', '*', '–', '▪', '►', '·', '◄']))
}

/// What the lines read so far say about the next ones: a list of links
/// to other stories is under way, a comment section has begun, a
/// paragraph was seen before. Shared by the plain-text and HTML readers.
#[derive(Default)]
pub(crate) struct BodyFilter {
    seen: HashSet<String>,
    /// Headline lines still expected after a "read also" or related-stories
    /// heading; blank lines do not end the list, a paragraph does.
    links_left: usize,
    /// A comment section has begun: the rest of the page is readers' talk.
    comments: bool,
    /// Article text has been seen (before it, "التعليقات" is a button).
    body_seen: bool,
    /// Where a link glued to the last body line starts.
    pub(crate) last_cut: Option<usize>,
    /// The repeat key of the last body line.
    pub(crate) last_key: String,
    /// The title and its repeat key, computed once.
    title_key: Option<(String, String)>,
}

impl BodyFilter {
    /// Whether `s` is chrome because of the lines before it (a link of a
    /// related-stories list, a line of the comment section).
    pub(crate) fn before_line(&mut self, s: &str) -> bool {
        if self.comments {
            return true;
        }
        if self.links_left > 0 {
            if is_headline(s) && !chrome::is_comments_heading(s) {
                self.links_left -= 1;
                return true;
            }
            self.links_left = 0;
        }
        false
    }

    /// Notes what a header line below the title opens ("اقرأ أيضا" with
    /// its link on the next line). Bare labels such as "Video" are menu
    /// items up there, not headings.
    pub(crate) fn after_header_line(&mut self, s: &str, kind: LineKind) {
        if kind == LineKind::Chrome && chrome::is_strict_related_heading(s) {
            self.links_left = MAX_RELATED_LINKS;
        }
    }

    /// The kind of a line after the header zone. For a body line,
    /// [`BodyFilter::last_cut`] and [`BodyFilter::last_key`] then tell
    /// where a glued link starts and the line's repeat key.
    pub(crate) fn body_line(&mut self, s: &str, title: Option<&str>) -> LineKind {
        self.last_cut = None;
        if self.before_line(s) {
            return LineKind::Chrome;
        }
        if chrome::is_related_heading(s) {
            self.links_left = MAX_RELATED_LINKS;
            return LineKind::Chrome;
        }
        if self.body_seen && chrome::is_comments_heading(s) {
            self.comments = true;
            return LineKind::Chrome;
        }
        // The whole line first (a caption ends with its credit); a lone
        // section or country name is a menu item, not article text.
        if chrome::is_chrome_line(s) || chrome::is_section_label(s) {
            return LineKind::Chrome;
        }
        // A link glued to the end is not part of the paragraph, nor of its
        // key: the same paragraph without the link is a repeat.
        self.last_cut = chrome::inline_chrome_start(s);
        let kept = self.last_cut.map_or(s, |cut| s[..cut].trim_end());
        // A date line ("Publié le … · Mis à jour le …") is no sentence: a
        // short report that ends with a full stop ("Gunmen killed 5 on 3
        // March 2021.") stays.
        if kept.split_whitespace().nth(MAX_BODY_DATE_WORDS).is_none()
            && !dated_sentence(kept)
            && header::date_line(kept).is_some()
        {
            return LineKind::Chrome;
        }
        let key = repeat_key(kept);
        if let Some(t) = title {
            if self.title_key.as_ref().is_none_or(|(title, _)| title != t) {
                self.title_key = Some((t.to_string(), repeat_key(t)));
            }
            if self
                .title_key
                .as_ref()
                .is_some_and(|(_, k)| !key.is_empty() && key == *k)
            {
                return LineKind::Repeat;
            }
        }
        if self.seen.contains(&key) {
            return LineKind::Repeat;
        }
        self.seen.insert(key.clone());
        self.last_key = key;
        self.body_seen = true;
        LineKind::Body
    }
}

/// Which of `paragraphs` (their repeat keys, and whether each was cut with
/// an ellipsis) are the start of a longer one: a standfirst that repeats
/// the lede's first sentence, or a copy of a paragraph cut short by the
/// page ("… على أحياء سكنية ..."). A paragraph cut with an ellipsis may end
/// inside a word, so its last word is not compared.
pub(crate) fn partial_repeats<'a>(paragraphs: impl Iterator<Item = (&'a str, bool)>) -> Vec<bool> {
    // Keys are words joined by single spaces, so "starts with these words"
    // is "starts with this key and a space". In sorted order the keys that
    // do come right after the key itself (a space sorts before any letter
    // or digit), which keeps the test linear-logarithmic on long pages.
    let keys: Vec<(String, usize)> = paragraphs
        .map(|(key, cut)| {
            let mut words: Vec<&str> = key.split(' ').filter(|w| !w.is_empty()).collect();
            if cut && words.len() > MIN_PARTIAL_REPEAT_WORDS {
                words.pop();
            }
            (words.join(" "), words.len())
        })
        .collect();
    let mut sorted: Vec<&str> = keys.iter().map(|(k, _)| k.as_str()).collect();
    sorted.sort_unstable();
    sorted.dedup();
    keys.iter()
        .map(|(k, n)| {
            if *n < MIN_PARTIAL_REPEAT_WORDS {
                return false;
            }
            let next = sorted.partition_point(|s| *s <= k.as_str());
            sorted.get(next).is_some_and(|s| {
                s.len() > k.len() && s.starts_with(k.as_str()) && s.as_bytes()[k.len()] == b' '
            })
        })
        .collect()
}

pub(crate) fn cut_with_ellipsis(s: &str) -> bool {
    let t = s.trim_end();
    t.ends_with("...") || t.ends_with('…')
}

/// Which edge of an excerpt a line is at.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Edge {
    Start,
    End,
}

/// Leaves out the pieces of words at an edge of an excerpt: a leading
/// ellipsis and the word glued to it ("...ilitants stormed"), a word that
/// starts with a tatweel (no Arabic word does: "ـف طائرات"), a trailing
/// ellipsis and the word glued to it ("قوات الدع..."). Nothing else of
/// the line changes.
fn cut_fragment(text: &str, span: Span, edge: Edge) -> Span {
    let s = &text[span.start..span.end];
    let mut start = 0;
    let mut end = s.len();
    match edge {
        Edge::Start => {
            let lead = s.trim_start_matches(['.', '…']);
            if lead.len() < s.len() || lead.starts_with('ـ') {
                start = s.len() - lead.len();
                if lead.starts_with(|c: char| c.is_alphabetic() || c == 'ـ') {
                    // The word glued to the cut is a piece of a word.
                    start += lead.find(char::is_whitespace).unwrap_or(lead.len());
                }
            }
        }
        Edge::End => {
            let trail = s.trim_end_matches(['.', '…']);
            let dots = &s[trail.len()..];
            if dots.len() >= 3 || dots.contains('…') {
                end = trail.len();
                if trail.ends_with(char::is_alphabetic) {
                    // After the last space (which may be a no-break space,
                    // two bytes long).
                    end = trail
                        .char_indices()
                        .rev()
                        .find(|(_, c)| c.is_whitespace())
                        .map_or(0, |(i, c)| i + c.len_utf8());
                }
            }
        }
    }
    if start >= end {
        return Span::new(span.start, span.start);
    }
    trim_span(text, Span::new(span.start + start, span.start + end))
}

/// The kind of a header-zone line, or `None` when the line reads as the
/// first paragraph (which ends the header zone).
fn header_kind(s: &str, known_title: Option<&str>, state: &mut HeaderState) -> Option<LineKind> {
    if chrome::is_chrome_line(s) {
        return Some(LineKind::Chrome);
    }
    if let Some(d) = header::date_line(s).filter(|_| !dated_sentence(s)) {
        let slot = match d.role {
            DateRole::Published if state.title_done => &mut state.published,
            DateRole::Published => &mut state.published_above_title,
            DateRole::Updated => &mut state.updated,
        };
        if slot.is_none() {
            *slot = Some(d.date.datetime);
        }
        return Some(LineKind::Date);
    }
    if !state.title_done {
        if known_title.is_none() && chrome::is_section_label(s) {
            return Some(LineKind::Meta);
        }
        state.title_done = true;
        match known_title {
            Some(t) if same_title(s, t) => return Some(LineKind::Title),
            Some(_) => {}
            None if looks_like_title(s) => return Some(LineKind::Title),
            None => return None,
        }
    }
    let words = word_count(s);
    if words <= MAX_GLUED_WORDS && chrome::starts_with_button(s) {
        return Some(LineKind::Chrome);
    }
    if chrome::is_byline(s) {
        return Some(LineKind::Byline);
    }
    if words <= MAX_META_WORDS && (!ends_sentence(s) || words <= MAX_SHORT_META_WORDS) {
        return Some(LineKind::Meta);
    }
    None
}

/// Spans of runs of consecutive body lines (a blank line or any non-body
/// line ends a run).
fn body_runs(lines: &[Line]) -> Vec<Span> {
    let mut out: Vec<Span> = Vec::new();
    let mut open = false;
    for l in lines {
        if l.kind == LineKind::Body {
            match out.last_mut() {
                Some(last) if open => last.end = l.span.end,
                _ => out.push(l.span),
            }
            open = true;
        } else {
            open = false;
        }
    }
    out
}

/// The date of a wire dateline at the start of a paragraph: the part before
/// the first dash, if short. A dateline without a year ("MAIDUGURI,
/// Nigeria, Nov 8 (Reuters) -") takes the page's year (see [`page_year`]).
fn dateline_date(paragraph: &str, page: &str) -> Option<NaiveDateTime> {
    let cut = [" - ", " – ", " — "]
        .iter()
        .filter_map(|d| paragraph.find(d))
        .min()?;
    let head = &paragraph[..cut];
    if head.chars().count() > 80 {
        return None;
    }
    if let Some(d) = header::find_date(head) {
        return Some(d.datetime);
    }
    let (month, day) = header::find_month_day(head)?;
    NaiveDate::from_ymd_opt(page_year(page)?, month, day).map(|d| d.and_time(NaiveTime::MIN))
}

/// The year a page is from when it prints no full date: the year of its
/// copyright line ("© 2026 Reuters"), else the latest plausible year it
/// mentions. Wire pages print the year only there.
fn page_year(page: &str) -> Option<i32> {
    let years = |s: &str| -> Vec<i32> {
        s.split(|c: char| !c.is_ascii_digit())
            .filter(|t| t.len() == 4)
            .filter_map(|t| t.parse::<i32>().ok())
            .filter(|y| (1990..=2100).contains(y))
            .collect()
    };
    let copyright = page
        .lines()
        .filter(|l| {
            let l = l.to_lowercase();
            l.contains('©') || l.contains("copyright") || l.contains("جميع الحقوق")
        })
        .flat_map(&years)
        .max();
    copyright.or_else(|| years(page).into_iter().max())
}

/// Reads a plain-text article. `text` becomes the document's text as is
/// (minus a leading BOM); the title, publication time, language and body
/// spans come from its lines.
pub fn read_text(id: &str, text: &str) -> Document {
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    let parsed = parse(text, None);
    document(id, text, &parsed)
}

/// Builds a document from a parse.
pub(crate) fn document(id: &str, text: &str, parsed: &Parsed) -> Document {
    let title = parsed.title.map(|t| text[t.start..t.end].to_string());
    // The language shows in the first paragraphs; no need to copy more.
    let mut sample = String::new();
    for s in &parsed.body {
        if sample.len() >= crate::lang::SAMPLE_BYTES {
            break;
        }
        sample.push_str(&text[s.start..s.end]);
        sample.push('\n');
    }
    let lang = crate::lang::detect(if sample.is_empty() { text } else { &sample });
    Document {
        id: id.to_string(),
        url: None,
        title,
        published: parsed.published.or(parsed.updated),
        lang,
        text: text.to_string(),
        body: parsed.body.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn at(y: i32, m: u32, d: u32, h: u32, mi: u32) -> NaiveDateTime {
        NaiveDate::from_ymd_opt(y, m, d)
            .unwrap()
            .and_hms_opt(h, mi, 0)
            .unwrap()
    }

    fn body_text(doc: &Document) -> String {
        doc.body
            .iter()
            .map(|s| s.slice(&doc.text).unwrap())
            .collect::<Vec<_>>()
            .join("\n")
    }

    const SITE_AR: &str = "اشتباكات عنيفة بين الجيش ومسلحين قرب الحدود الشمالية\n\
\n\
الخميس 14/مارس/2024 - 07:45 م\n\
طباعة اشتباكات عنيفة بين سامي يوسف\n\
كتب: سامي يوسف\n\
 \n\
قالت مصادر أمنية إن اشتباكات عنيفة اندلعت مساء الأربعاء بين وحدات من الجيش ومسلحين مجهولين قرب بلدة حدودية، وأسفرت عن مقتل أربعة جنود.\n\
وأضافت المصادر أن المسلحين انسحبوا بعد ساعتين من القتال نحو منطقة جبلية.\n\
اقرأ أيضا: الحكومة تعلن حالة الطوارئ في ثلاث ولايات\n\
وأكد شهود أن الطيران حلق فوق المنطقة حتى ساعة متأخرة من الليل.\n\
وأضافت المصادر أن المسلحين انسحبوا بعد ساعتين من القتال نحو منطقة جبلية.\n\
للمزيد\n\
\n\
شارك";

    #[test]
    fn arabic_site_article() {
        let doc = read_text("a1", SITE_AR);
        assert_eq!(
            doc.title.as_deref(),
            Some("اشتباكات عنيفة بين الجيش ومسلحين قرب الحدود الشمالية")
        );
        assert_eq!(doc.published, Some(at(2024, 3, 14, 19, 45)));
        assert_eq!(doc.lang, Some(rasd_model::Language::Ar));
        let body = body_text(&doc);
        assert!(body.starts_with("قالت مصادر أمنية"), "{body}");
        assert!(body.ends_with("حتى ساعة متأخرة من الليل."), "{body}");
        for chrome in ["طباعة", "شارك", "للمزيد", "اقرأ أيضا", "كتب:", "سامي يوسف"]
        {
            assert!(!body.contains(chrome), "{chrome} in {body}");
        }
        // The repeated paragraph is kept once.
        assert_eq!(body.matches("انسحبوا بعد ساعتين").count(), 1);
        assert_eq!(doc.text, SITE_AR);
    }

    #[test]
    fn headline_printed_twice_keeps_the_date_line() {
        let text = "الصومال: مقتل جنود في كمين قرب بلدة ساحلية\n\
\n\
الصومال: مقتل جنود في كمين قرب بلدة ساحلية\n\
\n\
مقديشو – «وكالة القرن»\n\
الخميس 6 مارس 2025 - آخر تحديث 09:15\n\
\n\
قتل ثلاثة جنود، أمس الأربعاء، في كمين نصبه مسلحون على طريق ساحلي، بحسب مصدر عسكري تحدث للوكالة.\n";
        let doc = read_text("twice", text);
        assert_eq!(doc.published, Some(at(2025, 3, 6, 0, 0)));
        let body = body_text(&doc);
        assert!(body.starts_with("قتل ثلاثة جنود"), "{body}");
        let en = "Gunmen storm a market town in the north\n\
Gunmen storm a market town in the north\n\
March 4, 2025\n\
\n\
Gunmen stormed a market town overnight, killing two traders and burning shops, residents said on Tuesday.\n";
        let doc = read_text("twice-en", en);
        assert_eq!(doc.published, Some(at(2025, 3, 4, 0, 0)));
        assert!(body_text(&doc).starts_with("Gunmen stormed"));
    }

    #[test]
    fn yearless_wire_dateline_takes_the_page_year() {
        let text = "Troops repel raid on army post\n\
\n\
GAO, Mali, Feb 3 (Reuters) - Soldiers repelled an attack on an army post near Gao on Sunday, killing several assailants, the army said.\n\
\n\
© 2025 Thomson Reuters. All rights reserved.\n";
        let doc = read_text("wire", text);
        assert_eq!(doc.published, Some(at(2025, 2, 3, 0, 0)));
        // French order, and the year from elsewhere on the page.
        let fr = "Attaque contre un poste militaire\n\
\n\
DIFFA, 14 mars (AFP) - Des hommes armés ont attaqué un poste militaire dans la nuit, tuant trois soldats, selon une source sécuritaire.\n\
\n\
Archives 2024 de la rubrique Afrique\n";
        let doc = read_text("wire-fr", fr);
        assert_eq!(doc.published, Some(at(2024, 3, 14, 0, 0)));
        // No year anywhere: no date rather than a guess.
        let bare = "Troops repel raid\n\
\n\
GAO, Mali, Feb 3 (Reuters) - Soldiers repelled an attack on an army post near Gao on Sunday, the army said.\n";
        assert_eq!(read_text("bare", bare).published, None);
    }

    #[test]
    fn bullet_menu_is_not_the_title() {
        let text = "الرئيسية\n\
عاجل ● السودان ● ليبيا ● تشاد ● مالي\n\
\n\
تشاد: قتلى في هجوم على ثكنة قرب البحيرة\n\
\n\
انجامينا – «صدى تشاد»\n\
السبت ١٢ يوليو ٢٠٢٥\n\
\n\
هاجم مسلحون ثكنة للجيش قرب البحيرة، يوم الجمعة، ما أدى إلى مقتل خمسة جنود، وفق مصدر أمني.\n";
        let doc = read_text("menu", text);
        assert_eq!(
            doc.title.as_deref(),
            Some("تشاد: قتلى في هجوم على ثكنة قرب البحيرة")
        );
        assert_eq!(doc.published, Some(at(2025, 7, 12, 0, 0)));
        assert!(crate::chrome::is_navigation(
            "Home ■ World ■ Africa ■ Sport"
        ));
    }

    #[test]
    fn spans_are_valid_and_ordered() {
        let doc = read_text("a1", SITE_AR);
        let mut last = 0;
        for s in &doc.body {
            assert!(s.start >= last && s.start < s.end);
            assert!(s.slice(&doc.text).is_some());
            last = s.end;
        }
    }

    #[test]
    fn levantine_header_with_dateline() {
        let text = "غارات على ريف المدينة الشرقي\n\
الأربعاء ١٢ تشرين الثاني ٢٠٢٥ - ٠٩:١٠ ص\n\
حلب – «المرصد اليومي»\n\
\n\
قصفت طائرات حربية صباح اليوم قرى في الريف الشرقي، ما أدى إلى مقتل مدنيين اثنين وإصابة خمسة آخرين بجروح.\n";
        let doc = read_text("lev", text);
        assert_eq!(doc.published, Some(at(2025, 11, 12, 9, 10)));
        let body = body_text(&doc);
        assert!(body.starts_with("قصفت طائرات"), "{body}");
        assert!(!body.contains("المرصد اليومي"));
    }

    #[test]
    fn english_wire_article() {
        let text = "Gunmen kill five in raid on market town\r\n\
March 3, 2023 6:40 PM GMT Updated 3 hours ago\r\n\
\r\n\
KANO, March 3 (Reuters) - Gunmen on motorbikes killed five traders in a raid on a market town on Friday, police said.\r\n\
\r\n\
Police said 12 suspects had been arrested.\r\n\
\r\n\
(Reporting by Kano newsroom; Editing by A. N. Editor)\r\n";
        let doc = read_text("en", text);
        assert_eq!(
            doc.title.as_deref(),
            Some("Gunmen kill five in raid on market town")
        );
        assert_eq!(doc.published, Some(at(2023, 3, 3, 18, 40)));
        assert_eq!(doc.lang, Some(rasd_model::Language::En));
        assert_eq!(doc.body.len(), 2);
        let body = body_text(&doc);
        assert!(body.starts_with("KANO, March 3 (Reuters)"));
        assert!(!body.contains("Reporting by"));
        assert!(!body.contains('\r'));
    }

    #[test]
    fn french_article_with_update_line() {
        let text = "Niger : une embuscade fait dix morts près de la frontière\n\
Par Jeanne Martin\n\
Publié le 02/05/2022 à 08h15\n\
Mis à jour le 02/05/2022 à 11h40\n\
\n\
NIAMEY (AFP) - Dix soldats ont été tués dimanche dans une embuscade près de la frontière, a annoncé l'armée.\n\
\n\
Lire aussi : Au Sahel, la saison des pluies ralentit les opérations\n\
\n\
Les assaillants ont emporté des armes et des véhicules, selon la même source.\n";
        let doc = read_text("fr", text);
        assert_eq!(doc.published, Some(at(2022, 5, 2, 8, 15)));
        assert_eq!(doc.lang, Some(rasd_model::Language::Fr));
        let body = body_text(&doc);
        assert!(body.starts_with("NIAMEY (AFP)"));
        assert!(!body.contains("Lire aussi"));
        assert!(!body.contains("Jeanne Martin"));
        assert_eq!(doc.body.len(), 2);
    }

    #[test]
    fn only_update_time_is_used_when_no_publication_time() {
        let text = "Titre court\nMis à jour le 4 juin 2021 à 9h00\n\nLe texte de l'article commence ici et il est assez long pour être un paragraphe complet.";
        let doc = read_text("u", text);
        assert_eq!(doc.published, Some(at(2021, 6, 4, 9, 0)));
    }

    #[test]
    fn wire_dateline_gives_the_date() {
        let text = "Burkina : un car saute sur une mine\n\nDORI, 4 mars 2023 (AFP) - Cinq passagers ont été tués samedi quand leur car a sauté sur une mine près de Dori, selon une source locale.";
        let doc = read_text("w", text);
        assert_eq!(doc.published, Some(at(2023, 3, 4, 0, 0)));
    }

    #[test]
    fn chrome_before_title_navigation_and_banner() {
        let text = "الرئيسية | أخبار | رياضة | اقتصاد\n\
تاريخ الزحف: 2024/01/05\n\
انفجار عبوة ناسفة يستهدف دورية في الجنوب\n\
السبت 6 يناير 2024\n\
\n\
انفجرت عبوة ناسفة صباح الجمعة بدورية للشرطة على الطريق الرئيسي، ما أسفر عن إصابة ثلاثة عناصر بجروح متفاوتة.\n\
مصر السودان ليبيا اليمن سوريا العراق\n\
This site uses cookies. Accept\n";
        let doc = read_text("n", text);
        assert_eq!(
            doc.title.as_deref(),
            Some("انفجار عبوة ناسفة يستهدف دورية في الجنوب")
        );
        assert_eq!(doc.published, Some(at(2024, 1, 6, 0, 0)));
        assert_eq!(doc.body.len(), 1);
        assert!(body_text(&doc).starts_with("انفجرت عبوة"));
    }

    #[test]
    fn no_header_at_all() {
        let text = "قتل ثلاثة أشخاص وأصيب آخرون في اشتباك مسلح اندلع بين عائلتين في قرية جنوب المدينة مساء أمس، بحسب مصدر أمني تحدث إلى وسائل الإعلام المحلية بشرط عدم ذكر اسمه.\nوقال المصدر إن الشرطة طوقت القرية.";
        let doc = read_text("b", text);
        assert_eq!(doc.title, None);
        assert_eq!(doc.published, None);
        assert_eq!(doc.body, vec![Span::new(0, text.len())]);
    }

    #[test]
    fn page_dump_with_vertical_menus() {
        let mut text = String::new();
        for item in [
            "الرئيسية",
            "أخبار",
            "مصر",
            "السودان",
            "ليبيا",
            "اليمن",
            "سوريا",
            "العراق",
            "رياضة",
            "اقتصاد",
            "منوعات",
            "فيديو",
            "صور",
            "رأي",
        ] {
            text.push_str(item);
            text.push('\n');
        }
        text.push_str("اشتباكات قبلية في ولاية جنوب دارفور\nالإثنين 6 مايو 2024 - 03:10 م\n\n");
        text.push_str("قتل ثمانية أشخاص في اشتباكات قبلية اندلعت بسبب نزاع على أراض زراعية في محلية تلس بولاية جنوب دارفور.\n");
        text.push_str("وقالت لجنة أمن الولاية إنها دفعت بقوات إلى المنطقة للفصل بين الطرفين.\n");
        for item in ["السودان", "ليبيا", "اتصل بنا", "من نحن", "سياسة الخصوصية"]
        {
            text.push_str(item);
            text.push('\n');
        }
        text.push_str("© 2024 جميع الحقوق محفوظة\n");
        let doc = read_text("m", &text);
        assert_eq!(
            doc.title.as_deref(),
            Some("اشتباكات قبلية في ولاية جنوب دارفور")
        );
        assert_eq!(doc.published, Some(at(2024, 5, 6, 15, 10)));
        let body = body_text(&doc);
        assert!(body.starts_with("قتل ثمانية"), "{body}");
        assert!(body.ends_with("للفصل بين الطرفين."), "{body}");
        assert_eq!(doc.body.len(), 1);
    }

    #[test]
    fn short_first_sentence_is_not_a_title() {
        let text = "Gunmen killed five people in Gao on Monday, officials said.\nThe attackers fled on motorbikes.";
        let doc = read_text("s", text);
        assert_eq!(doc.title, None);
        assert_eq!(doc.body, vec![Span::new(0, text.len())]);
    }

    #[test]
    fn one_line_is_title_and_body() {
        let doc = read_text("one", "Gunmen kill three in Gao");
        assert_eq!(doc.body, vec![Span::new(0, 24)]);
    }

    #[test]
    fn bom_is_stripped() {
        let doc = read_text("bom", "\u{FEFF}Title line\n\nA body paragraph that says something about an attack on a convoy near the town.");
        assert!(!doc.text.starts_with('\u{FEFF}'));
        assert_eq!(doc.title.as_deref(), Some("Title line"));
    }

    #[test]
    fn section_label_and_crawl_time_above_title() {
        let text = "أخبار عربية\n\
2024-01-05 04:10\n\
هجوم بطائرة مسيرة على مخزن للوقود\n\
الخميس 4 يناير 2024 - 09:30 م\n\
\n\
استهدفت طائرة مسيرة مساء الخميس مخزنا للوقود في ضواحي المدينة، ما أدى إلى اندلاع حريق كبير من دون وقوع إصابات.";
        let doc = read_text("s", text);
        assert_eq!(
            doc.title.as_deref(),
            Some("هجوم بطائرة مسيرة على مخزن للوقود")
        );
        assert_eq!(doc.published, Some(at(2024, 1, 4, 21, 30)));
    }

    #[test]
    fn read_also_on_its_own_line_takes_the_next_line() {
        let text = "Headline about a raid\nPublished 3 May 2022\n\nSoldiers raided a village on Monday and detained twelve men, residents said.\nRead also\nArmy chief visits the northern front\nThe detained men were taken to the regional capital, a relative said.";
        let doc = read_text("r", text);
        let body = body_text(&doc);
        assert!(!body.contains("Army chief"), "{body}");
        assert!(body.contains("regional capital"));
    }

    #[test]
    fn related_list_runs_over_blank_lines_until_the_article_goes_on() {
        let text = "Headline about an ambush\nPublished 3 May 2022\n\n\
Gunmen ambushed a patrol on Monday and killed four soldiers, the army said.\n\
\n\
Related\n\
\n\
Car bomb kills 12 in Mogadishu market\n\
\n\
Gunmen abduct 20 passengers in Zamfara\n\
The attackers fled on motorbikes towards the border, a resident said.\n";
        let doc = read_text("r", text);
        let body = body_text(&doc);
        assert!(
            !body.contains("Mogadishu") && !body.contains("Zamfara"),
            "{body}"
        );
        assert!(body.contains("The attackers fled"), "{body}");
    }

    #[test]
    fn bulleted_related_items_may_end_with_a_full_stop() {
        let text = "Title of the report\nPublished 3 May 2022\n\n\
Gunmen killed four soldiers at a checkpoint on Monday, the army said.\n\
Read also:\n\
• Car bomb kills 12 in Mogadishu market.\n\
- Gunmen abduct 20 passengers in Zamfara.\n\
The attackers fled on motorbikes towards the border, a resident said.\n";
        let body = body_text(&read_text("b", text));
        assert!(
            !body.contains("Mogadishu") && !body.contains("Zamfara"),
            "{body}"
        );
        assert!(body.ends_with("a resident said."), "{body}");
    }

    #[test]
    fn most_read_list_in_arabic() {
        let text = "هجوم على موقع عسكري\nالأربعاء 17 يوليو 2024 - 10:20 م\n\n\
قتل ستة جنود في هجوم شنه مسلحون على موقع للجيش فجر الثلاثاء.\n\
الأكثر قراءة\n\
مقتل 40 مدنيا في غارة جوية على سوق\n\
انفجار سيارة مفخخة يقتل 12 شخصا\n";
        let doc = read_text("m", text);
        let body = body_text(&doc);
        assert_eq!(
            body,
            "قتل ستة جنود في هجوم شنه مسلحون على موقع للجيش فجر الثلاثاء."
        );
    }

    #[test]
    fn comment_section_ends_the_article() {
        let text = "Title of the report\nPublished 3 May 2022\n\n\
Soldiers killed three militants near the border on Sunday, the army said.\n\
Comments (2)\n\
reader: they killed my cousin last year\n\
Another long comment that reads like a paragraph of an article about an attack, and even ends with a full stop.\n";
        let body = body_text(&read_text("c", text));
        assert_eq!(
            body,
            "Soldiers killed three militants near the border on Sunday, the army said."
        );
        // Above the article, a comments label is only a button.
        let text = "Title of the report\nComments (0)\n\nSoldiers killed three militants near the border on Sunday, the army said.";
        assert!(body_text(&read_text("c", text)).starts_with("Soldiers killed"));
    }

    #[test]
    fn partial_copies_of_a_paragraph_are_repeats() {
        let text = "قصف على المدينة\nالأحد 9 يونيو 2024\n\n\
قتل تسعة مدنيين في قصف مدفعي على أحياء سكنية.\n\
قتل تسعة مدنيين في قصف مدفعي على أحياء سكنية، وفق ما أعلنت لجنة محلية في بيان.\n\
وقالت اللجنة إن القذائف سقطت قرب السوق.\n\
قتل تسعة مدنيين في قصف مدفعي على أحياء سكن...\n\
وقالت اللجنة  إن القذائف سقطت قرب السوق .\n";
        let body = body_text(&read_text("p", text));
        assert_eq!(
            body,
            "قتل تسعة مدنيين في قصف مدفعي على أحياء سكنية، وفق ما أعلنت لجنة محلية في بيان.\n\
وقالت اللجنة إن القذائف سقطت قرب السوق."
        );
    }

    #[test]
    fn pieces_of_words_at_the_edges_of_an_excerpt() {
        let doc = read_text("e", "...ilitants stormed a village near the town on Sunday, killing eight farmers. Residents said soldiers arri...");
        assert_eq!(
            body_text(&doc),
            "stormed a village near the town on Sunday, killing eight farmers. Residents said soldiers"
        );
        let doc = read_text("e", "ـلية في المنطقة. وقتل خمسة جنود في هجوم على");
        assert_eq!(body_text(&doc), "في المنطقة. وقتل خمسة جنود في هجوم على");
        // A line made only of a cut word leaves nothing, and no panic.
        let doc = read_text("e", "...ab...");
        assert!(doc.body.iter().all(|s| s.slice(&doc.text).is_some()));
    }

    #[test]
    fn link_glued_to_a_paragraph_is_cut_off() {
        let text = "كمين قرب الحدود\nنشر في: 2022/12/05 - 14:20\n\n\
قتل ثمانية جنود في كمين قرب الحدود يوم السبت. اقرأ أيضا: مقتل 17 جنديا في هجوم قرب الحدود\n\
وتبنت الجماعة الهجوم.\n";
        let doc = read_text("g", text);
        let body = body_text(&doc);
        assert!(!body.contains("17"), "{body}");
        assert!(body.starts_with("قتل ثمانية جنود في كمين قرب الحدود يوم السبت."));
        assert!(body.ends_with("وتبنت الجماعة الهجوم."));
    }

    #[test]
    fn crawl_banners_and_update_lines_do_not_date_the_article() {
        let text = "تاريخ الزيارة: 14/03/2025\n\
مسيرة تقتل ثلاثة جنود\n\
الثلاثاء 11 مارس 2025 - 08:30 ص\n\
آخر تحديث: الأربعاء 12 مارس 2025 - 02:10 م\n\n\
قتل ثلاثة جنود أمس الاثنين في هجوم بطائرة مسيرة على موقع عسكري.\n\
تمت زيارة الصفحة في 2025-03-14 الساعة 10:45\n";
        let doc = read_text("b", text);
        assert_eq!(doc.published, Some(at(2025, 3, 11, 8, 30)));
        assert_eq!(doc.title.as_deref(), Some("مسيرة تقتل ثلاثة جنود"));
        assert_eq!(
            body_text(&doc),
            "قتل ثلاثة جنود أمس الاثنين في هجوم بطائرة مسيرة على موقع عسكري."
        );
        // A crawl banner and nothing else: no publication date at all.
        let doc = read_text("b", "Accessed on 2024-10-25\nDrone strike kills five\n\nA drone strike killed five fighters on Tuesday, a monitor said.");
        assert_eq!(doc.published, None);
    }

    #[test]
    fn publication_and_update_on_one_line() {
        let text = "Burkina : douze civils tués près de Djibo\n\
Publié le 30/01/2023 à 18h05 - Mis à jour le 31/01/2023 à 09h12\n\
Par la rédaction\n\n\
Des hommes armés ont tué douze civils dimanche près de Djibo, selon des sources locales.\n";
        let doc = read_text("f", text);
        assert_eq!(doc.published, Some(at(2023, 1, 30, 18, 5)));
        assert!(body_text(&doc).starts_with("Des hommes armés"));
    }

    #[test]
    fn captions_notes_and_a_short_dated_report() {
        let text = "Title line\nPublished 1 May 2022\n\n\
[Editor's note: updated with the toll.]\n\
Gunmen killed 5 on 3 March 2021.\n\
Soldiers patrol the town. AFP/Getty Images\n\
The army said it had sent reinforcements to the area.\n";
        let body = body_text(&read_text("n", text));
        assert_eq!(
            body,
            "Gunmen killed 5 on 3 March 2021.\nThe army said it had sent reinforcements to the area."
        );
    }

    #[test]
    fn outlet_name_above_the_headline_and_digit_date_lines() {
        let text = "PUBLICITÉ\nLe Monde Afrique\nMali : au moins sept civils tués dans une attaque près de Mopti\nArticle réservé aux abonnés\nPublié le 14 mars 2022 à 17h12, modifié le 15 mars 2022 à 09h03\nLecture 2 min.\n\nAu moins sept civils ont été tués dimanche dans l'attaque d'un village, ont indiqué des élus locaux.\n";
        let doc = read_text("f", text);
        assert_eq!(
            doc.title.as_deref(),
            Some("Mali : au moins sept civils tués dans une attaque près de Mopti")
        );
        assert_eq!(doc.published, Some(at(2022, 3, 14, 17, 12)));
        assert!(body_text(&doc).starts_with("Au moins sept civils"));
        // A date line in digits only is a date line, not an ornament.
        let text = "قصف على بلدة في الريف الشرقي\n2023-09-18 | 11:20\n\nقتل أربعة مدنيين في قصف مدفعي على البلدة مساء الأحد.";
        assert_eq!(
            read_text("d", text).published,
            Some(at(2023, 9, 18, 11, 20))
        );
    }

    #[test]
    fn title_repeated_in_body_is_dropped() {
        let text = "Mortar shells hit the camp\nPublished 1 May 2022\n\nMortar shells hit the camp\n\nThree mortar shells landed inside the camp on Saturday, wounding two guards, officials said.";
        let doc = read_text("t", text);
        assert!(body_text(&doc).starts_with("Three mortar"));
    }
}

#[cfg(test)]
mod proptests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// Whatever the input, the body spans are in bounds, on character
        /// boundaries, ordered and disjoint, and never panic.
        #[test]
        fn body_spans_are_valid(text in "(\\PC{0,40}(\r?\n)?){0,12}") {
            let doc = read_text("p", &text);
            let mut last = 0;
            for s in &doc.body {
                prop_assert!(s.start >= last);
                prop_assert!(s.start <= s.end);
                prop_assert!(s.slice(&doc.text).is_some());
                last = s.end;
            }
        }

        /// Page furniture, cut words and odd white space in any order:
        /// spans stay valid and nothing panics.
        #[test]
        fn messy_lines_never_panic(lines in proptest::collection::vec(
            "(اقرأ أيضا|Read more|التعليقات|Comments|AFP/Getty|©|\\[|\\]|\\.\\.\\.|…|ـ|\u{a0}|\u{200f}|\u{202b}|:|\\||قتل|جنود|killed|[a-zا-ي0-9٠-٩ ]){0,12}",
            0..12,
        )) {
            let text = lines.join("\n");
            let doc = read_text("p", &text);
            let mut last = 0;
            for s in &doc.body {
                prop_assert!(s.start >= last && s.start <= s.end);
                prop_assert!(s.slice(&doc.text).is_some());
                last = s.end;
            }
            let _ = crate::html::extract("p", &format!("<p>{}</p>", lines.join("</p><p>")));
        }

        #[test]
        fn arabic_lines_never_panic(lines in proptest::collection::vec("[ا-ي ٠-٩0-9/:\\-|ًٌٍَُِّْ\u{200f}]{0,30}", 0..10)) {
            let text = lines.join("\n");
            let doc = read_text("p", &text);
            for s in &doc.body {
                prop_assert!(s.slice(&doc.text).is_some());
            }
        }
    }
}
