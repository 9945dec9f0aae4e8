//! Page chrome: the lines of a saved page that are site furniture, not the
//! article.
//!
//! The vocabulary lives in `data/chrome.tsv` (buttons, "read also" and
//! follow-us prefixes, cookie notices, crawl banners, byline and "updated"
//! markers) and `data/nav.tsv` (section and country names that menus list).
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
    /// Folded prefixes ("اقرا ايضا", "(reporting by").
    prefixes: Vec<String>,
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
        .map(|t| t.stem)
        .filter(|k| !k.is_empty())
        .collect()
}

static VOCABULARY: LazyLock<Vocabulary> = LazyLock::new(|| {
    let mut v = Vocabulary {
        buttons: HashMap::new(),
        prefixes: Vec::new(),
        contains: Vec::new(),
        banners: Vec::new(),
        bylines: Vec::new(),
        updated: Vec::new(),
        nav: HashSet::new(),
    };
    for line in include_str!("../data/chrome.tsv").lines() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
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
    for line in include_str!("../data/nav.tsv").lines() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
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
        && VOCABULARY.prefixes.iter().any(|p| starts_at_boundary(f, p))
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

/// A navigation bar: a list of section or country names, or short items
/// between menu separators.
pub fn is_navigation(line: &str) -> bool {
    let t = line.trim();
    // Menus hold no sentence punctuation.
    if t.ends_with(['.', '!', '?', '؟', '…']) || t.contains(['،', ',', ';', '؛']) {
        return false;
    }
    // Short items between menu separators: "Home | World | Africa".
    let separators = t.chars().filter(|c| "|•·›»>".contains(*c)).count();
    if separators >= 2 {
        let items: Vec<&str> = t
            .split(|c: char| "|•·›»>".contains(c))
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .collect();
        if items.len() >= 3 && items.iter().all(|s| word_count(s) <= 3) {
            return true;
        }
    }
    let tokens = tokenize(t);
    if tokens.iter().any(|tok| tok.kind == TokenKind::Number) {
        return false;
    }
    let words: Vec<&str> = tokens
        .iter()
        .filter(|tok| tok.kind == TokenKind::Word)
        .map(|tok| tok.stem.as_str())
        .collect();
    if words.len() < 4 || words.len() > 60 {
        return false;
    }
    let known = words
        .iter()
        .filter(|w| VOCABULARY.nav.contains(**w))
        .count();
    // Nearly all: a menu may hold a name the list lacks.
    known * 10 >= words.len() * 8
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

/// A section label above a title: one to four section or country names
/// ("أخبار عربية", "World", "السودان").
pub fn is_section_label(line: &str) -> bool {
    let t = line.trim();
    if t.ends_with(['.', '!', '?', '؟']) {
        return false;
    }
    let tokens = tokenize(t);
    if tokens.iter().any(|tok| tok.kind == TokenKind::Number) {
        return false;
    }
    let words: Vec<&str> = tokens
        .iter()
        .filter(|tok| tok.kind == TokenKind::Word)
        .map(|tok| tok.stem.as_str())
        .collect();
    (1..=4).contains(&words.len()) && words.iter().all(|w| VOCABULARY.nav.contains(*w))
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
    let words: Vec<(usize, String)> = tokenize(s)
        .into_iter()
        .filter(|t| t.kind == TokenKind::Word)
        .map(|t| (t.span.start, t.stem))
        .collect();
    let keys: Vec<String> = words.iter().map(|(_, k)| k.clone()).collect();
    for i in 0..keys.len() {
        if VOCABULARY
            .updated
            .iter()
            .any(|p| !p.is_empty() && keys[i..].starts_with(p))
        {
            return Some(words[i].0);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn data_files_are_well_formed() {
        let kinds = [
            "button", "prefix", "contains", "banner", "byline", "updated",
        ];
        for (i, line) in include_str!("../data/chrome.tsv").lines().enumerate() {
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let (kind, phrase) = line
                .split_once('\t')
                .unwrap_or_else(|| panic!("chrome.tsv line {}: no tab", i + 1));
            assert!(
                kinds.contains(&kind),
                "chrome.tsv line {}: kind {kind}",
                i + 1
            );
            assert!(!phrase.trim().is_empty(), "chrome.tsv line {}", i + 1);
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
        for line in [
            "شارك مئات المحتجين في مسيرة وسط المدينة",
            "Share prices fell",
            "",
            "شاركت",
        ] {
            assert!(!is_button_line(line), "{line}");
        }
    }

    #[test]
    fn glued_print_line() {
        assert!(starts_with_button("طباعة هجوم على قرية سامي يوسف"));
        assert!(starts_with_button("Print Attack on a village John Smith"));
        assert!(!starts_with_button("هجوم على قرية"));
    }

    #[test]
    fn prefix_lines() {
        for line in [
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
        ] {
            assert!(is_prefix_chrome(line), "{line}");
        }
        for line in [
            "Reporters saw burned houses in the village.",
            "Le ministre a lu un communiqué.",
            "اقرأوا البيان كاملا في الصفحة",
        ] {
            assert!(!is_prefix_chrome(line), "{line}");
        }
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
        for line in [
            "مصر السودان ليبيا اليمن سوريا العراق",
            "الرئيسية | أخبار | رياضة | اقتصاد",
            "Home › World › Africa",
            "World Africa Middle East Europe Business Sport",
            "Accueil Afrique Monde Politique Économie",
            "أخبار مصر والسودان وليبيا والجزائر",
        ] {
            assert!(is_navigation(line), "{line}");
        }
        for line in [
            "قتل خمسة جنود في مالي والنيجر",
            "Mali, Niger and Burkina Faso left the bloc.",
            "مالي السودان",
            "Sport 24 Africa 2022 World 2023 News",
        ] {
            assert!(!is_navigation(line), "{line}");
        }
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
        for line in [
            "صورة أرشيفية لعناصر من الجيش",
            "(Photo: soldiers on patrol)",
            "File photo of a convoy",
            "ترجمة: قسم الشؤون الدولية",
            "Continue reading below",
        ] {
            assert!(is_chrome_line(line), "{line}");
        }
        assert!(!is_chrome_line(
            "Photographs shared online showed burned cars."
        ));
    }

    #[test]
    fn bylines() {
        for line in [
            "كتب: أحمد علي",
            "كتبت - سارة محمود",
            "بقلم: عبد الله ولد محمد – باحث",
            "By Jane Doe",
            "By a Sahel analyst",
            "Par Jean Dupont, envoyé spécial",
            "BY JOHN SMITH AND MARY JONES",
        ] {
            assert!(is_byline(line), "{line}");
        }
        for line in [
            "كتب",
            "Bypass road closed",
            "By Monday, the army had withdrawn from the town, officials said.",
            "Parmi les victimes figurent deux enfants.",
        ] {
            assert!(!is_byline(line), "{line}");
        }
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
