//! Page chrome: the lines of a saved page that are site furniture, not the
//! article.
//!
//! The vocabulary lives in `data/chrome.tsv` (buttons, "read also" and
//! follow-us prefixes, link labels, cookie notices, crawl banners, photo
//! credits, comment-section headings, byline and "updated" markers) and
//! `data/nav.tsv` (section and country names that menus list).
//! Both are compiled once, on first use, into hash sets of match keys, so
//! a line and an entry meet whatever their alef, hamza, diacritics, case or
//! accents. The tests here are about *kinds* of lines, not one site's
//! wording.

use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

use rasd_text::segment::{tokenize, TokenKind};

/// The chrome vocabulary, by kind.
struct Vocabulary {
    /// Button phrases as key sequences, by first key.
    buttons: HashMap<String, Vec<Vec<String>>>,
    /// Folded prefixes ("اقرا ايضا", "(reporting by"); the `related`
    /// entries are among them.
    prefixes: Vec<String>,
    /// Folded prefixes of links to other stories and of the headings of
    /// their lists ("اقرا ايضا", "most read", "sur le meme sujet").
    related: Vec<String>,
    /// Folded link labels that make a line chrome only when a separator
    /// follows them ("للمزيد: …", "Video | …").
    leads: Vec<String>,
    /// Folded agency names of credits ("afp", "رويترز").
    credits: Vec<String>,
    /// Folded words that mark a credit as a photo credit ("getty images",
    /// "صوره ارشيفيه", "photo").
    photo: Vec<String>,
    /// Folded headings of a comment section ("التعليقات", "comments").
    comments: Vec<String>,
    /// Folded substrings of short notice lines.
    contains: Vec<String>,
    /// Folded substrings of crawl/archive banners.
    banners: Vec<String>,
    /// Folded byline openers.
    bylines: Vec<String>,
    /// "Updated" markers as key sequences.
    updated: Vec<Vec<String>>,
    /// Navigation words (match keys).
    nav: HashSet<String>,
}

/// A line's folded form for prefix and substring tests: the text layer's
/// character folding, with white space collapsed to single spaces.
fn folded(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    let mut space = false;
    for c in line.trim().chars() {
        if c.is_whitespace() {
            space = true;
            continue;
        }
        if space && !out.is_empty() {
            out.push(' ');
        }
        space = false;
        rasd_text::fold::fold_char(c, &mut out);
    }
    out
}

/// The word keys of a phrase or line (stems, clitics split off).
fn keys(s: &str) -> Vec<String> {
    tokenize(s)
        .into_iter()
        .filter(|t| matches!(t.kind, TokenKind::Word | TokenKind::Number))
        .map(|t| t.stem().to_string())
        .filter(|k| !k.is_empty())
        .collect()
}

static VOCABULARY: LazyLock<Vocabulary> = LazyLock::new(|| {
    let mut v = Vocabulary {
        buttons: HashMap::new(),
        prefixes: Vec::new(),
        related: Vec::new(),
        leads: Vec::new(),
        credits: Vec::new(),
        photo: Vec::new(),
        comments: Vec::new(),
        contains: Vec::new(),
        banners: Vec::new(),
        bylines: Vec::new(),
        updated: Vec::new(),
        nav: HashSet::new(),
    };
    for (_, line) in crate::data_rows(include_str!("../data/chrome.tsv")) {
        // A malformed row is caught by a test; here it is skipped.
        let Some((kind, phrase)) = line.split_once('\t') else {
            continue;
        };
        let phrase = phrase.trim();
        match kind {
            "button" => {
                let k = keys(phrase);
                if let Some(first) = k.first() {
                    v.buttons.entry(first.clone()).or_default().push(k);
                }
            }
            "prefix" => v.prefixes.push(folded(phrase)),
            "related" => {
                v.prefixes.push(folded(phrase));
                v.related.push(folded(phrase));
            }
            "lead" => v.leads.push(folded(phrase)),
            "credit" => v.credits.push(folded(phrase)),
            "photo" => v.photo.push(folded(phrase)),
            "comments" => v.comments.push(folded(phrase)),
            "contains" => v.contains.push(folded(phrase)),
            "banner" => v.banners.push(folded(phrase)),
            "byline" => v.bylines.push(folded(phrase)),
            "updated" => v.updated.push(keys(phrase)),
            _ => {}
        }
    }
    for list in v.buttons.values_mut() {
        // Longest phrase first, so "share this article" beats "share".
        list.sort_by_key(|p| std::cmp::Reverse(p.len()));
    }
    for (_, line) in crate::data_rows(include_str!("../data/nav.tsv")) {
        v.nav.extend(keys(line));
    }
    v
});

/// Most words of a line that a prefix rule may drop: "read also" links and
/// wire credits are short; a paragraph that happens to start the same way
/// is not.
const MAX_PREFIX_WORDS: usize = 40;
/// Most words of a cookie or browser notice.
const MAX_NOTICE_WORDS: usize = 40;
/// Most words of a crawl banner.
const MAX_BANNER_WORDS: usize = 15;
/// Most words of a byline.
const MAX_BYLINE_WORDS: usize = 15;

/// The word stems of a line, or `None` when it holds a number: menus and
/// section labels carry none, while a headline with a toll or a date does.
fn stems_without_numbers(t: &str) -> Option<Vec<String>> {
    let tokens = tokenize(t);
    if tokens.iter().any(|tok| tok.kind == TokenKind::Number) {
        return None;
    }
    Some(
        tokens
            .into_iter()
            .filter(|tok| tok.kind == TokenKind::Word)
            .map(|tok| tok.stem().to_string())
            .collect(),
    )
}

fn word_count(s: &str) -> usize {
    s.split_whitespace().count()
}

/// `line` starts with `prefix` and the prefix ends at a word boundary.
fn starts_at_boundary(line: &str, prefix: &str) -> bool {
    line.strip_prefix(prefix).is_some_and(|rest| {
        rest.is_empty()
            || prefix.ends_with(|c: char| !c.is_alphanumeric())
            || rest.starts_with(|c: char| !c.is_alphanumeric())
    })
}

/// How many leading keys of `keys` a run of buttons covers.
fn buttons_prefix(keys: &[String]) -> usize {
    let v = &*VOCABULARY;
    let mut i = 0;
    'outer: while i < keys.len() {
        if let Some(phrases) = v.buttons.get(&keys[i]) {
            for p in phrases {
                if keys[i..].starts_with(p) {
                    i += p.len();
                    continue 'outer;
                }
            }
        }
        break;
    }
    i
}

/// A line made only of buttons ("طباعة", "Share Tweet Email", "شارك").
pub fn is_button_line(line: &str) -> bool {
    let k = keys(line);
    !k.is_empty() && buttons_prefix(&k) == k.len()
}

/// A line that starts with a button. Just after a title this is chrome
/// even when other words follow: sites glue the print or share button to a
/// cut title and the author's name on one line.
pub fn starts_with_button(line: &str) -> bool {
    let k = keys(line);
    buttons_prefix(&k) > 0
}

/// "Read also …", "Follow us …", "© …", "(Reporting by …)".
pub fn is_prefix_chrome(line: &str) -> bool {
    prefix_folded(&folded(line))
}

fn prefix_folded(f: &str) -> bool {
    word_count(f) <= MAX_PREFIX_WORDS
        && (VOCABULARY.prefixes.iter().any(|p| starts_at_boundary(f, p))
            || VOCABULARY.leads.iter().any(|p| lead_at_start(f, p))
            || is_bracketed_note(f))
}

/// Characters that separate a link label from the link ("للمزيد: …",
/// "Video | …", "More » …").
const LEAD_SEPARATORS: &str = ":|-–—»›>•.…";

/// `line` starts with the label `lead`, then a separator: any punctuation
/// or symbol but those that go on a sentence (comma, bracket, apostrophe);
/// folding turns "»" into a plain quote, so quotes count as separators.
fn lead_at_start(line: &str, lead: &str) -> bool {
    line.strip_prefix(lead).is_some_and(|rest| {
        let rest = rest.trim_start();
        rest.starts_with(|c: char| {
            !c.is_alphanumeric() && !c.is_whitespace() && !",،('".contains(c)
        })
    })
}

/// Most words of an editor's or translator's note in square brackets.
const MAX_NOTE_WORDS: usize = 60;

/// "[Editor's note: …]", "[ملاحظة المحرر: …]": a whole line in square
/// brackets is a note to the reader, not the report.
fn is_bracketed_note(f: &str) -> bool {
    let t = f.trim();
    t.starts_with('[') && t.ends_with(']') && word_count(t) <= MAX_NOTE_WORDS
}

/// Most words of a link glued to the end of a paragraph.
const MAX_INLINE_LINK_WORDS: usize = 24;

/// Where a "read also" link (or another chrome phrase) glued to the end
/// of a paragraph starts: "… قرب الحدود. اقرأ أيضا: مقتل 20 جنديا في كمين".
/// Crawlers that flatten a page put the link on the paragraph's line. The
/// link must follow a sentence end and run to the end of the line as a
/// headline does (short, no closing full stop).
pub fn inline_chrome_start(line: &str) -> Option<usize> {
    // Only the last few words can be such a link: start there, so a huge
    // one-line file costs one pass.
    let mut spaces = 0;
    let mut from = 0;
    for (i, c) in line.char_indices().rev() {
        if c.is_whitespace() {
            spaces += 1;
            if spaces > MAX_INLINE_LINK_WORDS + 1 {
                from = i;
                break;
            }
        }
    }
    let mut chars = line[from..]
        .char_indices()
        .map(|(i, c)| (i + from, c))
        .peekable();
    while let Some((_, c)) = chars.next() {
        if !matches!(c, '.' | '!' | '?' | '؟' | '…') {
            continue;
        }
        let Some(&(pos, next)) = chars.peek() else {
            break;
        };
        if !next.is_whitespace() {
            continue;
        }
        let rest = line[pos..].trim_start();
        let start = line.len() - rest.len();
        if rest.is_empty() || word_count(rest) > MAX_INLINE_LINK_WORDS {
            continue;
        }
        let tail = rest.trim_end_matches(['"', '»', '”', '\'', ')', ' ']);
        if tail.ends_with(['.', '!', '?', '؟']) && !tail.ends_with("...") {
            continue;
        }
        let f = folded(rest);
        let v = &*VOCABULARY;
        if v.prefixes.iter().any(|p| starts_at_boundary(&f, p))
            || v.leads.iter().any(|p| lead_at_start(&f, p))
        {
            return Some(start);
        }
    }
    None
}

/// Most words of a photographer's name in a credit.
const MAX_NAME_WORDS: usize = 4;

/// Most words of a photo caption (the description before the credit).
const MAX_CAPTION_WORDS: usize = 30;

/// `s` ends with `p` at a word boundary.
fn ends_at_boundary(s: &str, p: &str) -> bool {
    s.strip_suffix(p).is_some_and(|head| {
        head.is_empty()
            || p.starts_with(|c: char| !c.is_alphanumeric())
            || head.ends_with(|c: char| !c.is_alphanumeric())
    })
}

/// A photo caption or credit line: "AFP/Getty Images", "(صورة أرشيفية)",
/// "Soldiers on patrol near Gao. © AFP/Getty Images", "عناصر من الجيش
/// خلال دورية. أ ف ب/ غيتي".
///
/// Credits are peeled off the end of the line. A line of credits only is
/// chrome. Otherwise the credit must be a *photo* credit — a photo word
/// ("Getty Images", "صورة", "Photograph"), or a `/` or `©` between the
/// names — and the rest one short sentence: a report that ends with its
/// agency's name ("…, the army said. (AFP)") is not a caption.
pub fn is_caption(line: &str) -> bool {
    caption_folded(&folded(line))
}

fn caption_folded(f: &str) -> bool {
    let v = &*VOCABULARY;
    let words = word_count(f);
    if words == 0 || words > MAX_CAPTION_WORDS + 8 {
        return false;
    }
    let mut rest = f.trim_end_matches(|c: char| c.is_whitespace() || ")]".contains(c));
    let mut photo = false;
    // Whether the last strip between credits held a separator: the credit
    // block must be set off from the caption ("… Gao. © AFP", "… - AFP"),
    // so "residents shared a photo" is no caption.
    let mut set_off = false;
    let mut peeled = false;
    // "REUTERS/Stringer", "AFP/Issouf Sanogo": an agency, a slash and the
    // photographer's name.
    if let Some(slash) = rest.rfind('/') {
        let (before, name) = (rest[..slash].trim_end(), &rest[slash + 1..]);
        if (1..=MAX_NAME_WORDS).contains(&word_count(name))
            && !name.contains(['.', '!', '?', '؟', ','])
            && v.credits.iter().any(|c| ends_at_boundary(before, c))
        {
            rest = before;
            photo = true;
            peeled = true;
        }
    }
    // The last strip before the caption held a slash: "NAME / AFP".
    let mut slash_last = false;
    loop {
        let credit = v
            .photo
            .iter()
            .map(|c| (c, true))
            .chain(v.credits.iter().map(|c| (c, false)))
            .filter(|(c, _)| ends_at_boundary(rest, c))
            .max_by_key(|(c, _)| c.len());
        let Some((c, is_photo)) = credit else {
            break;
        };
        peeled = true;
        photo |= is_photo;
        rest = &rest[..rest.len() - c.len()];
        let before = rest;
        rest = rest.trim_end_matches(|c: char| c.is_whitespace() || "/,&|-–—:©(".contains(c));
        let separators = &before[rest.len()..];
        photo |= separators.contains(['/', '©']);
        set_off = separators.contains(|c: char| !c.is_whitespace());
        slash_last = separators.contains('/');
        if rest.is_empty() {
            return true;
        }
    }
    if !peeled || !photo {
        return false;
    }
    // "… le 12 mars 2022. SOULEYMANE AG ANARA / AFP": the photographer's
    // name between the caption's last full stop and the agency.
    if slash_last {
        if let Some(stop) = rest.rfind(['.', '!', '?', '؟']) {
            let name = &rest[stop + 1..];
            if (1..=MAX_NAME_WORDS).contains(&word_count(name)) {
                rest = &rest[..stop + 1];
                set_off = true;
            }
        }
    }
    let body = rest.trim_end_matches(['.', '!', '?', '؟', '…', ' ']);
    (set_off || body.len() < rest.len())
        && word_count(body) <= MAX_CAPTION_WORDS
        && !body.contains(['.', '!', '?', '؟'])
}

/// The heading of a comment section ("التعليقات (3)", "12 Comments",
/// "Commentaires", "أضف تعليقك"): what follows it is readers' talk.
pub fn is_comments_heading(line: &str) -> bool {
    if word_count_at_most(line, 6).is_none() {
        return false;
    }
    let f = folded(line);
    let core = f.trim_matches(|c: char| {
        c.is_whitespace() || c.is_ascii_digit() || "()[]:-–—|•.".contains(c)
    });
    !core.is_empty() && VOCABULARY.comments.iter().any(|c| c == core)
}

/// Cookie and browser notices.
pub fn is_notice(line: &str) -> bool {
    notice_folded(&folded(line))
}

fn notice_folded(f: &str) -> bool {
    word_count(f) <= MAX_NOTICE_WORDS && VOCABULARY.contains.iter().any(|p| f.contains(p))
}

/// "Crawled on 2024-01-01", "تاريخ الزحف: ...".
pub fn is_banner(line: &str) -> bool {
    banner_folded(&folded(line))
}

fn banner_folded(f: &str) -> bool {
    word_count(f) <= MAX_BANNER_WORDS && VOCABULARY.banners.iter().any(|p| f.contains(p))
}

/// Characters that separate menu items on one line.
const MENU_SEPARATORS: &str = "|•·›»>●○◆◇■□▪▫◾∙";

/// A navigation bar: a list of section or country names, or short items
/// between menu separators.
pub fn is_navigation(line: &str) -> bool {
    let t = line.trim();
    // Menus hold no sentence punctuation.
    if t.ends_with(['.', '!', '?', '؟', '…']) {
        return false;
    }
    if t.contains(['،', ',', ';', '؛']) {
        return comma_list_of_places(t);
    }
    // Short items between menu separators: "Home | World | Africa",
    // "عاجل ● السودان ● ليبيا".
    let separators = t.chars().filter(|c| MENU_SEPARATORS.contains(*c)).count();
    if separators >= 2 {
        let items: Vec<&str> = t
            .split(|c: char| MENU_SEPARATORS.contains(c))
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .collect();
        if items.len() >= 3 && items.iter().all(|s| word_count(s) <= 3) {
            return true;
        }
    }
    let Some(words) = stems_without_numbers(t) else {
        return false;
    };
    if words.len() < 4 || words.len() > 60 {
        return false;
    }
    let known = words.iter().filter(|w| VOCABULARY.nav.contains(*w)).count();
    // Nearly all: a menu may hold a name the list lacks.
    known * 10 >= words.len() * 8
}

/// A footer or tag line that lists only section and country names between
/// commas ("مالي، النيجر، بوركينا فاسو، تشاد"): every word a navigation
/// word, no item longer than a name. A sentence that lists countries
/// ("Mali, Niger and Burkina Faso left the bloc") has other words.
fn comma_list_of_places(t: &str) -> bool {
    let items: Vec<&str> = t
        .split(['،', ',', ';', '؛', '|'])
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .collect();
    if items.len() < 3 || items.iter().any(|s| word_count(s) > 3) {
        return false;
    }
    stems_without_numbers(t)
        .is_some_and(|words| !words.is_empty() && words.iter().all(|w| VOCABULARY.nav.contains(w)))
}

/// A "read also" style line with nothing after the phrase: the link it
/// introduces is on the next line.
pub fn is_bare_prefix(line: &str) -> bool {
    let f = folded(line);
    VOCABULARY
        .prefixes
        .iter()
        .any(|p| starts_at_boundary(&f, p) && !f[p.len()..].chars().any(char::is_alphanumeric))
}

/// Most words of a related-stories heading line.
const MAX_HEADING_WORDS: usize = 10;

/// The number of words of `s` if it has at most `n`, without counting
/// the words of a long line to its end.
fn word_count_at_most(s: &str, n: usize) -> Option<usize> {
    let count = s.split_whitespace().take(n + 1).count();
    (count <= n).then_some(count)
}

/// Most words after the phrase of a related-stories heading ("More on
/// Sudan", "Plus sur le Mali").
const MAX_HEADING_TAIL_WORDS: usize = 3;

/// The heading of a list of links to other stories: "اقرأ أيضا", "مواضيع
/// ذات صلة", "الأكثر قراءة", "Read more", "More on Sudan", "Sur le même
/// sujet". The lines after it are headlines until the article goes on.
/// A line that *is* a link ("اقرأ أيضا: عنوان …") is not a heading.
pub fn is_related_heading(line: &str) -> bool {
    if word_count_at_most(line, MAX_HEADING_WORDS).is_none() {
        return false;
    }
    let f = folded(line);
    let f = f.trim_end_matches(|c: char| c.is_whitespace() || LEAD_SEPARATORS.contains(c));
    // A link label alone ("More", "Related") heads a list too.
    if VOCABULARY.leads.iter().any(|l| l == f) {
        return true;
    }
    related_heading_folded(f)
}

/// Like [`is_related_heading`], without the bare link labels ("Video",
/// "More"), which are also menu items: for the top of a page, where a menu
/// runs into the title.
pub fn is_strict_related_heading(line: &str) -> bool {
    if word_count_at_most(line, MAX_HEADING_WORDS).is_none() {
        return false;
    }
    let f = folded(line);
    related_heading_folded(
        f.trim_end_matches(|c: char| c.is_whitespace() || LEAD_SEPARATORS.contains(c)),
    )
}

fn related_heading_folded(f: &str) -> bool {
    VOCABULARY.related.iter().any(|p| {
        if !starts_at_boundary(f, p) {
            return false;
        }
        let rest = &f[p.len()..];
        if !rest.chars().any(char::is_alphanumeric) {
            return true;
        }
        // A separator right after the phrase: a link follows on this line.
        let rest_trim = rest.trim_start();
        !rest_trim.starts_with(|c: char| LEAD_SEPARATORS.contains(c))
            && word_count(rest_trim) <= MAX_HEADING_TAIL_WORDS
    })
}

/// A section label above a title: one to four section or country names
/// ("أخبار عربية", "World", "السودان").
pub fn is_section_label(line: &str) -> bool {
    // Up to four names, maybe with separators between them.
    if word_count_at_most(line, 8).is_none() {
        return false;
    }
    let t = line.trim();
    if t.ends_with(['.', '!', '?', '؟']) {
        return false;
    }
    stems_without_numbers(t).is_some_and(|words| {
        (1..=4).contains(&words.len()) && words.iter().all(|w| VOCABULARY.nav.contains(w))
    })
}

/// Longest line (in words) made only of buttons ("Share this article on
/// Facebook Twitter WhatsApp Telegram Email ...").
const MAX_BUTTON_WORDS: usize = 16;

/// Longest line (in words) any chrome rule can match: longer lines are
/// paragraphs, and skipping them keeps the cost of a huge one-line file low.
const MAX_CHROME_WORDS: usize = 60;

/// Any kind of chrome line that can stand anywhere in a page.
pub fn is_chrome_line(line: &str) -> bool {
    let words = word_count(line);
    if words > MAX_CHROME_WORDS {
        return false;
    }
    let f = folded(line);
    (words <= MAX_BUTTON_WORDS && is_button_line(line))
        || prefix_folded(&f)
        || notice_folded(&f)
        || banner_folded(&f)
        || caption_folded(&f)
        || is_related_heading(line)
        || is_navigation(line)
}

/// An author line: "كتب: …", "بقلم …", "By …", "Par …".
pub fn is_byline(line: &str) -> bool {
    let f = folded(line);
    if word_count(&f) > MAX_BYLINE_WORDS || f.ends_with(['.', '!', '?', '؟']) {
        return false;
    }
    VOCABULARY.bylines.iter().any(|p| {
        f.strip_prefix(p.as_str()).is_some_and(|rest| {
            let rest = rest.trim_start_matches(|c: char| c.is_whitespace() || ":-–—".contains(c));
            // The opener must be followed by a separator and then a name.
            rest.len() < f.len() - p.len() && !rest.is_empty()
        })
    })
}

/// The byte offset in `s` where an "updated" marker ("Updated",
/// "Mis à jour", "آخر تحديث") starts, if there is one.
pub fn find_update_marker(s: &str) -> Option<usize> {
    update_marker_span(s).map(|(start, _)| start)
}

/// The byte range of the first "updated" marker of `s` (its longest
/// phrase at that place).
pub fn update_marker_span(s: &str) -> Option<(usize, usize)> {
    let words: Vec<(usize, usize, String)> = tokenize(s)
        .into_iter()
        .filter(|t| t.kind == TokenKind::Word)
        .map(|t| (t.span.start, t.span.end, t.stem().to_string()))
        .collect();
    let keys: Vec<&str> = words.iter().map(|(_, _, k)| k.as_str()).collect();
    for i in 0..keys.len() {
        let longest = VOCABULARY
            .updated
            .iter()
            .filter(|p| {
                !p.is_empty()
                    && keys.len() - i >= p.len()
                    && p.iter().zip(&keys[i..]).all(|(a, b)| a == b)
            })
            .map(Vec::len)
            .max();
        if let Some(n) = longest {
            return Some((words[i].0, words[i + n - 1].1));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Asserts that `pred` holds for every line.
    fn every(pred: fn(&str) -> bool, lines: &[&str]) {
        for line in lines {
            assert!(pred(line), "{line}");
        }
    }

    /// Asserts that `pred` holds for none of the lines.
    fn none(pred: fn(&str) -> bool, lines: &[&str]) {
        for line in lines {
            assert!(!pred(line), "{line}");
        }
    }

    #[test]
    fn data_files_are_well_formed() {
        let kinds = [
            "button", "prefix", "related", "lead", "credit", "photo", "comments", "contains",
            "banner", "byline", "updated",
        ];
        for (n, line) in crate::data_rows(include_str!("../data/chrome.tsv")) {
            let (kind, phrase) = line
                .split_once('\t')
                .unwrap_or_else(|| panic!("chrome.tsv line {n}: no tab"));
            assert!(kinds.contains(&kind), "chrome.tsv line {n}: kind {kind}");
            assert!(!phrase.trim().is_empty(), "chrome.tsv line {n}");
        }
        assert!(VOCABULARY.nav.len() > 100);
    }

    #[test]
    fn button_lines() {
        for line in [
            "طباعة",
            "شارك",
            "  طباعة  شارك ",
            "للمزيد",
            "Share",
            "Share this article: Facebook Twitter Email",
            "Imprimer | Partager",
            "PRINT",
            "فيسبوك تويتر واتساب",
        ] {
            assert!(is_button_line(line), "{line}");
            assert!(is_chrome_line(line), "{line}");
        }
        none(
            is_button_line,
            &[
                "شارك مئات المحتجين في مسيرة وسط المدينة",
                "Share prices fell",
                "",
                "شاركت",
            ],
        );
    }

    #[test]
    fn glued_print_line() {
        assert!(starts_with_button("طباعة هجوم على قرية سامي يوسف"));
        assert!(starts_with_button("Print Attack on a village John Smith"));
        assert!(!starts_with_button("هجوم على قرية"));
    }

    #[test]
    fn prefix_lines() {
        every(
            is_prefix_chrome,
            &[
                "اقرأ أيضا: الجيش يعلن مقتل مسلحين في الشمال",
                "اقرأ أيضاً | مظاهرات في العاصمة",
                "إقرأ أيضًا.. عودة الهدوء إلى المدينة",
                "Read more: Army says it retook the town",
                "Lire aussi : Au Niger, l'armée annonce des arrestations",
                "À lire aussi Les violences reprennent",
                "Follow us on Telegram",
                "© 2024 Sahel Daily. All rights reserved.",
                "جميع الحقوق محفوظة لموقع الخبر 2023",
                "(Reporting by Niamey newsroom; Editing by Someone Else)",
                "تابعونا على تليجرام",
            ],
        );
        none(
            is_prefix_chrome,
            &[
                "Reporters saw burned houses in the village.",
                "Le ministre a lu un communiqué.",
                "اقرأوا البيان كاملا في الصفحة",
            ],
        );
    }

    #[test]
    fn notices_and_banners() {
        assert!(is_notice(
            "This site uses cookies to improve your experience. Accept"
        ));
        assert!(is_notice(
            "Nous utilisons des cookies pour mesurer l'audience."
        ));
        assert!(is_notice("يستخدم هذا الموقع ملفات تعريف الارتباط"));
        assert!(is_banner("Crawled: 2024-03-02 10:00 UTC"));
        assert!(is_banner("تاريخ الزحف: 2023/05/01"));
        assert!(is_banner("Page consultée le 3 mai 2022"));
        assert!(!is_banner("The fighters retrieved the bodies from the river on Monday after the clashes ended, a local official told reporters."));
    }

    #[test]
    fn navigation_lines() {
        every(
            is_navigation,
            &[
                "مصر السودان ليبيا اليمن سوريا العراق",
                "الرئيسية | أخبار | رياضة | اقتصاد",
                "Home › World › Africa",
                "World Africa Middle East Europe Business Sport",
                "Accueil Afrique Monde Politique Économie",
                "أخبار مصر والسودان وليبيا والجزائر",
            ],
        );
        none(
            is_navigation,
            &[
                "قتل خمسة جنود في مالي والنيجر",
                "Mali, Niger and Burkina Faso left the bloc.",
                "مالي السودان",
                "Sport 24 Africa 2022 World 2023 News",
            ],
        );
    }

    #[test]
    fn bare_prefixes_and_section_labels() {
        assert!(is_bare_prefix("اقرأ أيضا"));
        assert!(is_bare_prefix("Read also:"));
        assert!(is_bare_prefix("À lire aussi"));
        assert!(!is_bare_prefix("اقرأ أيضا: عنوان خبر آخر"));
        assert!(is_section_label("أخبار عربية"));
        assert!(is_section_label("World"));
        assert!(is_section_label("السودان"));
        assert!(is_section_label("Afrique | Monde"));
        assert!(!is_section_label("مقتل جنديين"));
        assert!(!is_section_label("World Cup 2022"));
    }

    #[test]
    fn captions_and_translation_notes() {
        every(
            is_chrome_line,
            &[
                "صورة أرشيفية لعناصر من الجيش",
                "(Photo: soldiers on patrol)",
                "File photo of a convoy",
                "ترجمة: قسم الشؤون الدولية",
                "Continue reading below",
            ],
        );
        assert!(!is_chrome_line(
            "Photographs shared online showed burned cars."
        ));
    }

    #[test]
    fn related_headings_and_links() {
        for line in [
            "اقرأ أيضا",
            "اقرأ أيضاً:",
            "مواضيع ذات صلة",
            "أخبار متعلقة",
            "الأكثر قراءة",
            "Read more",
            "Related",
            "More on Sudan",
            "Most read",
            "Sur le même sujet",
            "À lire aussi",
            "Les plus lus",
            "المقال السابق",
            "الخبر التالي",
            "Next article",
            "Article précédent",
        ] {
            assert!(is_related_heading(line), "{line}");
            assert!(is_chrome_line(line), "{line}");
        }
        // A link on the heading's line is a link, not a heading.
        for line in [
            "اقرأ أيضا: مقتل 20 جنديا في كمين",
            "Read more: Army says 30 insurgents killed",
            "Related stories about the army chief visiting the front line today",
        ] {
            assert!(!is_related_heading(line), "{line}");
            assert!(is_chrome_line(line), "{line}");
        }
        // Bare labels head lists in the body but not at the top of a page.
        assert!(is_related_heading("فيديو"));
        assert!(!is_strict_related_heading("فيديو"));
        assert!(is_strict_related_heading("مواضيع ذات صلة"));
        assert!(!is_related_heading("قتل خمسة جنود في هجوم"));
    }

    #[test]
    fn link_labels_need_a_separator() {
        every(
            is_chrome_line,
            &[
                "للمزيد: انفجار عبوة ناسفة قرب كيدال",
                "للمزيد | حصيلة جديدة لضحايا الفيضانات",
                "Video: Aftermath of the attack",
                "Watch » Soldiers patrol the border",
                "عاجل | مقتل 3 جنود في هجوم على حاجز",
                "Breaking: Explosion reported near the airport",
            ],
        );
        none(
            is_chrome_line,
            &[
                "للمزيد من التفاصيل عن الهجوم قال المصدر إن المسلحين فروا",
                "More than 20 soldiers were killed in the attack on Monday.",
                "Watch towers along the border were burned.",
            ],
        );
    }

    #[test]
    fn photo_captions_and_credits() {
        for line in [
            "AFP/Getty Images",
            "Getty Images",
            "(صورة أرشيفية)",
            "رويترز",
            "عناصر من الجيش خلال دورية في المدينة. أ ف ب/ غيتي",
            "Des soldats en patrouille dans le nord du pays. © AFP/Getty Images",
            "A man walks past burned houses. Photograph: AFP/Getty Images",
            "Soldiers on patrol near the border (Reuters/File Photo)",
            "Smoke rises over a military base in this file photo. REUTERS/Stringer",
            "Des soldats maliens à Sévaré, le 12 mars 2022. SOULEYMANE AG ANARA / AFP",
            "A convoy near Gao. AFP/Issouf Sanogo",
        ] {
            assert!(is_caption(line), "{line}");
            assert!(is_chrome_line(line), "{line}");
        }
        none(is_caption, &[
            // A report that ends with its agency is not a caption.
            "Gunmen killed five soldiers near the border, the army said. (AFP)",
            "وتبنت الجماعة الهجوم في بيان نشرته على منصاتها. (أ ف ب)",
            "قال مسؤول محلي لوكالة فرانس برس",
            "Residents shared a photo",
            "The toll rose to 12, officials told Reuters/AFP",
            "He spoke to Reuters. Officials later confirmed the toll to AFP and to the state broadcaster, saying twelve soldiers died / AFP",
            "Residents shared photos. Soldiers later arrived in the village and arrested two men, police said. Getty Images",
            "",
        ]);
    }

    #[test]
    fn comment_section_headings() {
        every(
            is_comments_heading,
            &[
                "التعليقات (2)",
                "تعليقات",
                "أضف تعليقك",
                "Comments (12)",
                "12 comments",
                "Leave a comment",
                "Commentaires (4)",
                "Réagir",
            ],
        );
        none(
            is_comments_heading,
            &[
                "شارك | التعليقات",
                "The comments drew criticism from rights groups.",
                "تعليق",
                "",
            ],
        );
    }

    #[test]
    fn editor_and_translator_notes() {
        every(
            is_chrome_line,
            &[
                "[ملاحظة المحرر: حدّث هذا الخبر بإضافة حصيلة جديدة]",
                "[Editor's note: This story has been updated.]",
                "[Note de la rédaction : cet article a été mis à jour.]",
                "Translated from Arabic by our newsroom",
                "(traduit de l'arabe)",
                "ترجمة وتحرير: فريق الموقع",
                "NDLR : les chiffres ont été corrigés",
                "صدر الصورة، Getty Images",
                "التعليق على الصورة، فرق الهندسة تعمل على إزالة الألغام",
                "مصدر الصورة: مواقع التواصل",
                "Image caption, Soldiers on patrol",
            ],
        );
        assert!(!is_chrome_line(
            "Translation services were suspended after the attack, officials said."
        ));
    }

    #[test]
    fn links_glued_to_a_paragraph() {
        let line = "قتل ثمانية جنود قرب الحدود. اقرأ أيضا: النيجر: مقتل 17 جنديا في هجوم";
        let cut = inline_chrome_start(line).unwrap();
        assert_eq!(&line[cut..], "اقرأ أيضا: النيجر: مقتل 17 جنديا في هجوم");
        let line = "Five soldiers were killed on Monday. Read more: Chad ambush kills 12";
        assert_eq!(
            &line[inline_chrome_start(line).unwrap()..],
            "Read more: Chad ambush kills 12"
        );
        // Not after a sentence end, or a whole sentence after it: kept.
        assert_eq!(inline_chrome_start("اقرأ أيضا عن الهجوم"), None);
        assert_eq!(
            inline_chrome_start("The army said it was attacked. Read more about it in the statement the army published on Monday."),
            None
        );
        assert_eq!(inline_chrome_start("No link here. Just text"), None);
    }

    #[test]
    fn comma_lists_of_places() {
        assert!(is_navigation("مالي، النيجر، بوركينا فاسو، تشاد، السودان"));
        assert!(is_navigation("Mali, Niger, Burkina Faso, Chad"));
        assert!(!is_navigation("Mali, Niger and Burkina Faso left the bloc"));
        assert!(!is_navigation("مالي، النيجر"));
        assert!(!is_navigation("قتل جنود في مالي، والنيجر، وبوركينا فاسو"));
    }

    #[test]
    fn access_date_banners() {
        every(
            is_banner,
            &[
                "تاريخ الزيارة: 14/03/2025",
                "تمت زيارة الصفحة في 2025-03-14 الساعة 10:45",
                "Accessed on 2024-10-25",
                "Last accessed 3 May 2022",
                "Consulté le 2 février 2023 à 14h20",
                "Date de consultation : 12/04/2022",
            ],
        );
    }

    #[test]
    fn bylines() {
        every(
            is_byline,
            &[
                "كتب: أحمد علي",
                "كتبت - سارة محمود",
                "بقلم: عبد الله ولد محمد – باحث",
                "By Jane Doe",
                "By a Sahel analyst",
                "Par Jean Dupont, envoyé spécial",
                "BY JOHN SMITH AND MARY JONES",
            ],
        );
        none(
            is_byline,
            &[
                "كتب",
                "Bypass road closed",
                "By Monday, the army had withdrawn from the town, officials said.",
                "Parmi les victimes figurent deux enfants.",
            ],
        );
    }

    #[test]
    fn update_markers() {
        assert_eq!(find_update_marker("Updated 2 hours ago"), Some(0));
        let s = "June 11, 2024 Updated";
        assert_eq!(find_update_marker(s), Some(s.find("Updated").unwrap()));
        let s = "Publié le 3 août, mis à jour le 4 août";
        assert_eq!(find_update_marker(s), Some(s.find("mis").unwrap()));
        assert!(find_update_marker("٦ أبريل ٢٠٢٢ | آخر تحديث: 09:40").is_some());
        assert_eq!(find_update_marker("Publié le 3 août"), None);
    }
}
