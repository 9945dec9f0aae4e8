//! Saved HTML article pages.
//!
//! Metadata comes from where publishers put it for search engines and
//! social sites: `og:title` / `<title>` / `<h1>` for the title, the
//! canonical link or `og:url` for the URL, `article:published_time` and
//! its cousins, JSON-LD `datePublished` and `<time datetime>` for the
//! publication time, `<html lang>` for the language.
//!
//! The body is found the way a reader's eye finds it: the element marked
//! as the article body if there is one, else the `article`/`main`/content
//! element holding the most paragraph text, else the parent of the most
//! paragraph text, else `<body>`. Inside it, navigation, headers, footers,
//! asides, scripts, styles, forms, figures, hidden elements and blocks
//! whose class or id says share/related/ad/comments are skipped; blocks
//! that are mostly link text (lists of related stories) are dropped; and
//! each remaining block becomes a paragraph, which then goes through the
//! same chrome rules as plain text.
//!
//! The document's `text` is built from what was kept: the title line, a
//! blank line, then the paragraphs separated by blank lines; the body spans
//! point at the paragraphs.

use std::collections::HashSet;
use std::sync::LazyLock;

use chrono::{DateTime, NaiveDate, NaiveDateTime};
use rasd_model::{Document, Language, Span};
use scraper::{node::Node, ElementRef, Html, Selector};

use crate::chrome;

fn selector(s: &str) -> Selector {
    Selector::parse(s).expect("static selector")
}

/// Deepest element nesting looked into: deeper markup is broken or hostile,
/// and the text that matters is never that deep.
const MAX_DEPTH: usize = 200;

/// Elements that never hold article text.
const SKIP_TAGS: &[&str] = &[
    "nav", "header", "footer", "aside", "script", "style", "noscript", "template", "form",
    "iframe", "svg", "button", "select", "textarea", "input", "figure", "object", "embed",
    "canvas", "video", "audio", "picture", "img", "meta", "link", "head", "title", "menu",
    "dialog", "marquee",
];

/// Elements that start and end a paragraph.
const BLOCK_TAGS: &[&str] = &[
    "p",
    "div",
    "section",
    "article",
    "main",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "ul",
    "ol",
    "blockquote",
    "pre",
    "table",
    "tr",
    "td",
    "th",
    "dl",
    "dt",
    "dd",
    "figcaption",
    "address",
    "hr",
    "br",
    "center",
    "details",
    "summary",
];

/// Words of a class or id that mark a block as page furniture.
const FURNITURE_WORDS: &[&str] = &[
    "share",
    "sharing",
    "social",
    "sharethis",
    "related",
    "recommended",
    "recommendations",
    "comment",
    "comments",
    "advert",
    "advertisement",
    "ad",
    "ads",
    "adsense",
    "banner",
    "promo",
    "newsletter",
    "subscribe",
    "subscription",
    "sidebar",
    "breadcrumb",
    "breadcrumbs",
    "menu",
    "nav",
    "navbar",
    "navigation",
    "footer",
    "cookie",
    "cookies",
    "consent",
    "popup",
    "modal",
    "tags",
    "widget",
    "sponsored",
    "sponsor",
    "outbrain",
    "taboola",
    "print",
    "toolbar",
    "author",
    "byline",
    "meta",
    "dateline",
    "timestamp",
    "readmore",
    "more",
    "most",
    "popular",
    "trending",
    "caption",
    "credit",
    "pagination",
    "pager",
    "hidden",
    "skip",
    "masthead",
    "discussion",
    "disqus",
    "replies",
    "respond",
    "gdpr",
    "readalso",
    "ticker",
    "breaking",
];

/// Words of a class or id that mark the article body.
const BODY_WORDS: &[&str] = &[
    "articlebody",
    "article-body",
    "article-content",
    "article-text",
    "articletext",
    "story-body",
    "storybody",
    "story-content",
    "entry-content",
    "post-content",
    "post-body",
    "news-body",
    "news-content",
    "content-body",
    "body-text",
    "field-body",
    "td-post-content",
    "text-content",
    "article__body",
    "article__content",
    "main-content",
];

/// Meta tags that carry the publication time, in order of trust.
const DATE_META: &[&str] = &[
    "article:published_time",
    "og:published_time",
    "og:article:published_time",
    "datepublished",
    "pubdate",
    "publishdate",
    "publish-date",
    "publish_date",
    "publication_date",
    "date",
    "dc.date",
    "dc.date.issued",
    "dcterms.date",
    "dcterms.created",
    "parsely-pub-date",
    "sailthru.date",
    "article.published",
    "created",
];

static FURNITURE: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| FURNITURE_WORDS.iter().copied().collect());

/// The words of a class or id attribute: split on white space, `-` and `_`,
/// lowercased ("share-bar" → share, bar; "relatedPosts" → relatedposts).
fn attr_words(value: &str) -> impl Iterator<Item = String> + '_ {
    value
        .split(|c: char| c.is_whitespace() || c == '-' || c == '_')
        .filter(|w| !w.is_empty())
        .map(|w| w.to_ascii_lowercase())
}

fn is_furniture(el: &ElementRef<'_>) -> bool {
    let v = el.value();
    if v.attr("hidden").is_some()
        || v.attr("aria-hidden") == Some("true")
        || v.attr("role")
            .is_some_and(|r| matches!(r, "navigation" | "banner" | "contentinfo" | "complementary"))
    {
        return true;
    }
    if let Some(style) = v.attr("style") {
        let s: String = style.chars().filter(|c| !c.is_whitespace()).collect();
        let s = s.to_ascii_lowercase();
        if s.contains("display:none") || s.contains("visibility:hidden") {
            return true;
        }
    }
    for attr in ["class", "id"] {
        if let Some(value) = v.attr(attr) {
            // A whole class such as "article-body" is never furniture even
            // if one of its words is.
            if value
                .split_whitespace()
                .any(|c| BODY_WORDS.contains(&c.to_ascii_lowercase().as_str()))
            {
                continue;
            }
            if attr_words(value).any(|w| FURNITURE.contains(w.as_str())) {
                return true;
            }
        }
    }
    false
}

fn is_body_marked(el: &ElementRef<'_>) -> bool {
    let v = el.value();
    if v.attr("itemprop")
        .is_some_and(|p| p.eq_ignore_ascii_case("articleBody"))
    {
        return true;
    }
    ["class", "id"].iter().any(|a| {
        v.attr(a).is_some_and(|value| {
            value
                .split_whitespace()
                .any(|c| BODY_WORDS.contains(&c.to_ascii_lowercase().as_str()))
        })
    })
}

/// Paragraph text under an element, skipping furniture: the measure used
/// to pick the article's container.
fn paragraph_chars(el: ElementRef<'_>, depth: usize) -> usize {
    if depth > MAX_DEPTH {
        return 0;
    }
    let mut total = 0;
    for child in el.children() {
        if let Some(c) = ElementRef::wrap(child) {
            let name = c.value().name();
            if SKIP_TAGS.contains(&name) || is_furniture(&c) {
                continue;
            }
            if name == "p" {
                total += c.text().map(|t| t.trim().chars().count()).sum::<usize>();
            } else {
                total += paragraph_chars(c, depth + 1);
            }
        }
    }
    total
}

/// One paragraph being collected: its text and how much of it is link text.
#[derive(Default)]
struct Block {
    text: String,
    link_chars: usize,
}

impl Block {
    fn push(&mut self, s: &str, in_link: bool) {
        let mut chars = 0;
        for w in s.split_whitespace() {
            if !self.text.is_empty() && !self.text.ends_with(' ') {
                self.text.push(' ');
            }
            self.text.push_str(w);
            chars += w.chars().count();
        }
        // Keep a trailing space when the text node ended with one, so the
        // next inline element does not glue onto this word.
        if s.ends_with(char::is_whitespace) && !self.text.is_empty() {
            self.text.push(' ');
        }
        if in_link {
            self.link_chars += chars;
        }
    }
}

struct Collector {
    blocks: Vec<Block>,
    current: Block,
}

impl Collector {
    fn flush(&mut self) {
        let mut b = std::mem::take(&mut self.current);
        b.text = b.text.trim().to_string();
        if !b.text.is_empty() {
            self.blocks.push(b);
        }
    }

    fn walk(&mut self, el: ElementRef<'_>, in_link: bool, depth: usize) {
        if depth > MAX_DEPTH {
            return;
        }
        for child in el.children() {
            match child.value() {
                Node::Text(t) => self.current.push(t, in_link),
                Node::Element(_) => {
                    let Some(c) = ElementRef::wrap(child) else {
                        continue;
                    };
                    let name = c.value().name();
                    if SKIP_TAGS.contains(&name) || is_furniture(&c) {
                        continue;
                    }
                    let block = BLOCK_TAGS.contains(&name);
                    if block {
                        self.flush();
                    }
                    self.walk(c, in_link || name == "a", depth + 1);
                    if block {
                        self.flush();
                    }
                }
                _ => {}
            }
        }
    }
}

/// Whether an element sits inside skipped markup or page furniture
/// (a comment thread's paragraphs must not pull the root their way).
fn in_furniture(el: ElementRef<'_>) -> bool {
    el.ancestors()
        .filter_map(ElementRef::wrap)
        .any(|a| SKIP_TAGS.contains(&a.value().name()) || is_furniture(&a))
}

/// The element that holds the article.
fn content_root(doc: &Html) -> Option<ElementRef<'_>> {
    let all = selector("*");
    let mut marked: Option<(usize, ElementRef<'_>)> = None;
    let mut semantic: Option<(usize, ElementRef<'_>)> = None;
    // Paragraph text by parent element (few distinct parents: a list).
    let mut parents: Vec<(usize, ElementRef<'_>)> = Vec::new();
    for el in doc.select(&all) {
        let name = el.value().name();
        if is_body_marked(&el) {
            let n = paragraph_chars(el, 0).max(el.text().map(str::len).sum::<usize>() / 4);
            if marked.as_ref().is_none_or(|(m, _)| n > *m) {
                marked = Some((n, el));
            }
        } else if matches!(name, "article" | "main") || el.value().attr("role") == Some("main") {
            let n = paragraph_chars(el, 0);
            if semantic.as_ref().is_none_or(|(m, _)| n > *m) {
                semantic = Some((n, el));
            }
        }
        if name == "p" && !in_furniture(el) {
            if let Some(parent) = el.parent().and_then(ElementRef::wrap) {
                let n: usize = el.text().map(|t| t.trim().chars().count()).sum();
                match parents.iter_mut().find(|(_, e)| *e == parent) {
                    Some(entry) => entry.0 += n,
                    None => parents.push((n, parent)),
                }
            }
        }
    }
    if let Some((n, el)) = marked {
        if n > 0 {
            return Some(el);
        }
    }
    if let Some((n, el)) = semantic {
        if n >= 140 {
            return Some(el);
        }
    }
    if let Some((n, el)) = parents.into_iter().max_by_key(|(n, _)| *n) {
        if n >= 140 {
            return Some(el);
        }
    }
    doc.select(&selector("body")).next()
}

fn meta_content<'a>(doc: &'a Html, keys: &[&str]) -> Option<&'a str> {
    let metas = selector("meta");
    for key in keys {
        for m in doc.select(&metas) {
            let v = m.value();
            let matches = ["property", "name", "itemprop"]
                .iter()
                .any(|a| v.attr(a).is_some_and(|x| x.eq_ignore_ascii_case(key)));
            if matches {
                if let Some(c) = v.attr("content").map(str::trim).filter(|c| !c.is_empty()) {
                    return Some(c);
                }
            }
        }
    }
    None
}

/// Collapses white space and trims.
fn clean(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A machine-readable time as pages write it. No zone conversion: the
/// local time as printed is kept, like everywhere else in Rasd.
pub fn parse_datetime_value(s: &str) -> Option<NaiveDateTime> {
    let s = s.trim();
    if let Ok(d) = DateTime::parse_from_rfc3339(s) {
        return Some(d.naive_local());
    }
    for f in [
        "%Y-%m-%dT%H:%M:%S%z",
        "%Y-%m-%dT%H:%M:%S%.f%z",
        "%Y-%m-%d %H:%M:%S%z",
    ] {
        if let Ok(d) = DateTime::parse_from_str(s, f) {
            return Some(d.naive_local());
        }
    }
    for f in [
        "%Y-%m-%dT%H:%M:%S%.f",
        "%Y-%m-%dT%H:%M:%S",
        "%Y-%m-%dT%H:%M",
        "%Y-%m-%d %H:%M:%S%.f",
        "%Y-%m-%d %H:%M:%S",
        "%Y-%m-%d %H:%M",
    ] {
        if let Ok(d) = NaiveDateTime::parse_from_str(s, f) {
            return Some(d);
        }
    }
    // A zone name or offset after a plain time ("2022-09-25 23:08:00 GMT").
    if let Some((head, _)) = s.rsplit_once(' ') {
        if head.len() >= 16 {
            if let Some(d) = parse_datetime_value_no_zone(head) {
                return Some(d);
            }
        }
    }
    for f in ["%Y-%m-%d", "%Y%m%d", "%Y/%m/%d"] {
        if let Ok(d) = NaiveDate::parse_from_str(s, f) {
            return Some(d.and_time(chrono::NaiveTime::MIN));
        }
    }
    crate::header::find_date(s).map(|d| d.datetime)
}

fn parse_datetime_value_no_zone(s: &str) -> Option<NaiveDateTime> {
    ["%Y-%m-%dT%H:%M:%S", "%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M"]
        .iter()
        .find_map(|f| NaiveDateTime::parse_from_str(s, f).ok())
}

/// Finds a key anywhere in a JSON-LD value (objects, arrays, `@graph`).
fn json_find<'a>(v: &'a serde_json::Value, key: &str, depth: usize) -> Option<&'a str> {
    if depth > 32 {
        return None;
    }
    match v {
        serde_json::Value::Object(map) => {
            if let Some(s) = map.get(key).and_then(|x| x.as_str()) {
                return Some(s);
            }
            map.values().find_map(|x| json_find(x, key, depth + 1))
        }
        serde_json::Value::Array(items) => items.iter().find_map(|x| json_find(x, key, depth + 1)),
        _ => None,
    }
}

fn json_ld(doc: &Html) -> Vec<serde_json::Value> {
    doc.select(&selector("script"))
        .filter(|s| {
            s.value()
                .attr("type")
                .is_some_and(|t| t.trim().eq_ignore_ascii_case("application/ld+json"))
        })
        .filter_map(|s| serde_json::from_str(&s.text().collect::<String>()).ok())
        .collect()
}

fn published_time(doc: &Html, ld: &[serde_json::Value]) -> Option<NaiveDateTime> {
    if let Some(d) = meta_content(doc, DATE_META).and_then(parse_datetime_value) {
        return Some(d);
    }
    for v in ld {
        for key in ["datePublished", "dateCreated", "uploadDate"] {
            if let Some(d) = json_find(v, key, 0).and_then(parse_datetime_value) {
                return Some(d);
            }
        }
    }
    let times: Vec<ElementRef<'_>> = doc.select(&selector("time")).collect();
    let preferred = times.iter().find(|t| {
        let v = t.value();
        v.attr("pubdate").is_some()
            || v.attr("itemprop")
                .is_some_and(|p| p.eq_ignore_ascii_case("datePublished"))
    });
    for t in preferred.into_iter().chain(times.iter()) {
        let v = t.value();
        if let Some(d) = v.attr("datetime").and_then(parse_datetime_value) {
            return Some(d);
        }
        if let Some(d) = crate::header::find_date(&t.text().collect::<String>()) {
            return Some(d.datetime);
        }
    }
    None
}

/// Most characters of an element's text that may be a visible date line.
const MAX_DATE_LINE_CHARS: usize = 160;

/// The publication time printed on the page, for pages without machine
/// dates: the first date line after the headline (or, with no headline,
/// the first one), a publication date before an update time, never a
/// crawl or access banner.
fn visible_published_time(doc: &Html) -> Option<NaiveDateTime> {
    let mut after_h1 = false;
    let mut first: Option<NaiveDateTime> = None;
    let mut updated: Option<NaiveDateTime> = None;
    for el in doc.select(&selector("body *")) {
        let name = el.value().name();
        if matches!(name, "script" | "style" | "noscript" | "template") {
            continue;
        }
        if name == "h1" {
            after_h1 = true;
            continue;
        }
        // Only an element's own text counts, not that of its children
        // (each child is visited in turn).
        let own: String = el
            .children()
            .filter_map(|c| c.value().as_text().map(|t| t.to_string()))
            .collect();
        let own = clean(&own);
        if own.is_empty() || own.chars().count() > MAX_DATE_LINE_CHARS {
            continue;
        }
        if chrome::is_banner(&own) {
            continue;
        }
        let Some(line) = crate::header::date_line(&own) else {
            continue;
        };
        match line.role {
            crate::header::DateRole::Published if after_h1 => return Some(line.date.datetime),
            crate::header::DateRole::Published => {
                first.get_or_insert(line.date.datetime);
            }
            crate::header::DateRole::Updated => {
                updated.get_or_insert(line.date.datetime);
            }
        }
    }
    first.or(updated)
}

fn page_title(doc: &Html, ld: &[serde_json::Value]) -> Option<String> {
    if let Some(t) = meta_content(doc, &["og:title", "twitter:title"]) {
        return Some(clean(t));
    }
    if let Some(t) = ld.iter().find_map(|v| json_find(v, "headline", 0)) {
        return Some(clean(t));
    }
    if let Some(h1) = doc.select(&selector("h1")).next() {
        let t = clean(&h1.text().collect::<String>());
        if !t.is_empty() {
            return Some(t);
        }
    }
    let t = doc.select(&selector("title")).next()?;
    let t = clean(&t.text().collect::<String>());
    // "Headline | Site name": keep the headline.
    let head = [" | ", " - ", " – ", " — "]
        .iter()
        .filter_map(|sep| t.rfind(sep).map(|i| &t[..i]))
        .filter(|h| h.split_whitespace().count() >= 3)
        .max_by_key(|h| h.len())
        .unwrap_or(&t);
    (!head.is_empty()).then(|| head.to_string())
}

fn page_url(doc: &Html) -> Option<String> {
    doc.select(&selector("link"))
        .find(|l| {
            l.value().attr("rel").is_some_and(|r| {
                r.split_whitespace()
                    .any(|x| x.eq_ignore_ascii_case("canonical"))
            })
        })
        .and_then(|l| l.value().attr("href"))
        .map(str::trim)
        .filter(|h| !h.is_empty())
        .map(str::to_string)
        .or_else(|| meta_content(doc, &["og:url"]).map(str::to_string))
}

fn page_lang(doc: &Html) -> Option<Language> {
    let html = doc.select(&selector("html")).next()?;
    let code = html.value().attr("lang")?;
    let primary = code.split(['-', '_']).next()?;
    Language::from_code(primary)
}

/// Most words of a paragraph that is mostly links and still dropped.
const MAX_LINK_BLOCK_WORDS: usize = 40;

/// Reads a saved HTML page. `None` when the page has no body text.
pub fn extract(id: &str, html: &str) -> Option<Document> {
    let doc = Html::parse_document(html);
    let ld = json_ld(&doc);
    let title = page_title(&doc, &ld);
    let published = published_time(&doc, &ld).or_else(|| visible_published_time(&doc));
    let url = page_url(&doc);
    let root = content_root(&doc)?;

    let mut collector = Collector {
        blocks: Vec::new(),
        current: Block::default(),
    };
    collector.walk(root, false, 0);
    collector.flush();

    // The same rules as for plain text, block by block: chrome, lists of
    // links after a related-stories heading, comment sections, repeats.
    let mut filter = crate::plain::BodyFilter::default();
    let mut paragraphs: Vec<String> = Vec::new();
    let mut keys: Vec<(String, bool)> = Vec::new();
    for (i, b) in collector.blocks.into_iter().enumerate() {
        let chars = b.text.chars().filter(|c| !c.is_whitespace()).count();
        let words = b.text.split_whitespace().count();
        if !b.text.chars().any(char::is_alphabetic) {
            continue;
        }
        if b.link_chars * 10 >= chars * 6 && words <= MAX_LINK_BLOCK_WORDS {
            continue;
        }
        if i < 6 && chrome::is_byline(&b.text) {
            continue;
        }
        if filter.body_line(&b.text, title.as_deref()) != crate::plain::LineKind::Body {
            continue;
        }
        keys.push((
            std::mem::take(&mut filter.last_key),
            crate::plain::cut_with_ellipsis(&b.text),
        ));
        // A link glued to the end of the paragraph stays out.
        let text = match filter.last_cut {
            Some(cut) => b.text[..cut].trim_end().to_string(),
            None => b.text,
        };
        paragraphs.push(text);
    }
    let copies = crate::plain::partial_repeats(keys.iter().map(|(k, cut)| (k.as_str(), *cut)));
    let paragraphs: Vec<String> = paragraphs
        .into_iter()
        .zip(copies)
        .filter(|(_, copy)| !copy)
        .map(|(p, _)| p)
        .collect();
    if paragraphs.is_empty() {
        return None;
    }

    let mut text = String::new();
    if let Some(t) = &title {
        text.push_str(t);
        text.push_str("\n\n");
    }
    let mut body = Vec::with_capacity(paragraphs.len());
    for (i, p) in paragraphs.iter().enumerate() {
        if i > 0 {
            text.push_str("\n\n");
        }
        let start = text.len();
        text.push_str(p);
        body.push(Span::new(start, text.len()));
    }
    let lang = page_lang(&doc).or_else(|| crate::lang::detect(&paragraphs.join("\n")));
    Some(Document {
        id: id.to_string(),
        url,
        title,
        published,
        lang,
        text,
        body,
    })
}

/// Reads a saved HTML page; an error when it has no body text.
pub fn read_html(id: &str, html: &str) -> Result<Document, crate::ReadError> {
    extract(id, html).ok_or_else(|| crate::ReadError::NoBody {
        path: id.into(),
        line: None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = r#"<!DOCTYPE html>
<html lang="ar-EG" dir="rtl">
<head>
  <meta charset="utf-8">
  <title>قصف مدفعي على حي سكني | موقع الأخبار</title>
  <meta property="og:title" content="قصف مدفعي على حي سكني في المدينة">
  <meta property="article:published_time" content="2023-06-04T21:15:00+03:00">
  <link rel="canonical" href="https://news.example/a/123">
  <style>.x { color: red }</style>
  <script>var tracking = "اقرأ أيضا";</script>
</head>
<body>
  <nav><a href="/">الرئيسية</a> <a href="/w">العالم</a> <a href="/s">رياضة</a></nav>
  <header class="site-header"><h2>موقع الأخبار</h2></header>
  <div class="share-bar"><a>فيسبوك</a><a>تويتر</a></div>
  <article class="post tag-sudan">
    <h1>قصف مدفعي على حي سكني في المدينة</h1>
    <div class="meta"><span class="author">كتب: خالد عمر</span><time datetime="2023-06-04T21:15:00+03:00">4 يونيو 2023</time></div>
    <div class="article-body">
      <p>قتل خمسة مدنيين وأصيب عشرة آخرون مساء الأحد جراء قصف مدفعي استهدف حيا سكنيا في الأطراف الجنوبية للمدينة.</p>
      <!-- a comment that must not show -->
      <p>وقال شهود إن القذائف سقطت قرب سوق شعبي <b>مزدحم</b> بالمتسوقين.</p>
      <div class="related-posts"><ul><li><a href="/b">خبر آخر عن المدينة</a></li></ul></div>
      <p><a href="/c">اقرأ أيضا: وقف لإطلاق النار لم يصمد</a></p>
      <figure><img src="x.jpg"><figcaption>صورة أرشيفية</figcaption></figure>
      <p>وطالبت منظمات محلية بفتح تحقيق مستقل في الحادث.</p>
      <p style="display:none">نص مخفي</p>
    </div>
  </article>
  <aside><p>الأكثر قراءة</p></aside>
  <footer><p>جميع الحقوق محفوظة</p></footer>
</body>
</html>"#;

    #[test]
    fn reads_an_article_page() {
        let doc = read_html("p1", PAGE).unwrap();
        assert_eq!(
            doc.title.as_deref(),
            Some("قصف مدفعي على حي سكني في المدينة")
        );
        assert_eq!(doc.url.as_deref(), Some("https://news.example/a/123"));
        assert_eq!(
            doc.published,
            NaiveDate::from_ymd_opt(2023, 6, 4)
                .unwrap()
                .and_hms_opt(21, 15, 0)
        );
        assert_eq!(doc.lang, Some(Language::Ar));
        let paras: Vec<&str> = doc
            .body
            .iter()
            .map(|s| s.slice(&doc.text).unwrap())
            .collect();
        assert_eq!(paras.len(), 3, "{paras:?}");
        assert!(paras[0].starts_with("قتل خمسة مدنيين"));
        assert_eq!(
            paras[1],
            "وقال شهود إن القذائف سقطت قرب سوق شعبي مزدحم بالمتسوقين."
        );
        assert!(paras[2].starts_with("وطالبت منظمات"));
        for junk in [
            "comment",
            "tracking",
            "الرئيسية",
            "فيسبوك",
            "خبر آخر",
            "اقرأ أيضا",
            "صورة",
            "مخفي",
            "الأكثر",
            "الحقوق",
            "خالد عمر",
            "color",
        ] {
            assert!(!doc.text.contains(junk), "{junk} in {}", doc.text);
        }
        assert!(doc
            .text
            .starts_with("قصف مدفعي على حي سكني في المدينة\n\nقتل"));
    }

    #[test]
    fn page_without_semantic_tags() {
        let html = r#"<html><head><title>Convoy ambushed near the border - Daily Sahel</title></head>
<body><div id="top"><a href="/">Home</a> | <a href="/africa">Africa</a> | <a href="/world">World</a></div>
<div class="wrap"><div class="col">
<p>Gunmen ambushed a supply convoy near the border on Tuesday, killing four drivers and burning six trucks, a regional official said.</p>
<p>The official said the attackers fled towards the forest before troops arrived.</p>
</div></div>
<div class="footer">Copyright 2024</div></body></html>"#;
        let doc = read_html("p2", html).unwrap();
        assert_eq!(
            doc.title.as_deref(),
            Some("Convoy ambushed near the border")
        );
        assert_eq!(doc.lang, Some(Language::En));
        assert_eq!(doc.body.len(), 2);
        assert!(!doc.text.contains("Home"));
        assert!(!doc.text.contains("Copyright"));
    }

    #[test]
    fn json_ld_date_and_br_paragraphs() {
        let html = r#"<html><head>
<script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"WebPage"},{"@type":"NewsArticle","headline":"Attaque contre un poste militaire","datePublished":"2021-10-19T15:32:00+00:00"}]}</script>
</head><body><div itemprop="articleBody">Des hommes armés ont attaqué un poste militaire dimanche soir, a indiqué l'armée.<br>Le bilan est de trois soldats tués.<br><br>Une enquête a été ouverte.</div></body></html>"#;
        let doc = read_html("p3", html).unwrap();
        assert_eq!(
            doc.title.as_deref(),
            Some("Attaque contre un poste militaire")
        );
        assert_eq!(
            doc.published,
            NaiveDate::from_ymd_opt(2021, 10, 19)
                .unwrap()
                .and_hms_opt(15, 32, 0)
        );
        assert_eq!(doc.lang, Some(Language::Fr));
        assert_eq!(doc.body.len(), 3);
    }

    #[test]
    fn comment_thread_does_not_win() {
        let mut html = String::from("<html><body><div class=\"story\"><p>Security forces dispersed a crowd of protesters outside the governor's office on Sunday, witnesses said.</p></div><div id=\"comments\">");
        for i in 0..20 {
            html.push_str(&format!("<p>Reader comment number {i} with an opinion about the news that goes on for a while.</p>"));
        }
        html.push_str("</div></body></html>");
        let doc = read_html("c", &html).unwrap();
        assert!(doc.text.starts_with("Security forces"), "{}", doc.text);
        assert!(!doc.text.contains("Reader comment"));
    }

    #[test]
    fn time_element_fallback() {
        let html = r#"<html><body><article><h1>Short title here</h1><time datetime="2020-02-19 13:55">Feb 19</time>
<p>Several mortar shells landed inside the base late on Tuesday, wounding two contractors, the mission said in a statement.</p></article></body></html>"#;
        let doc = read_html("p4", html).unwrap();
        assert_eq!(
            doc.published,
            NaiveDate::from_ymd_opt(2020, 2, 19)
                .unwrap()
                .and_hms_opt(13, 55, 0)
        );
    }

    fn body_text(doc: &Document) -> Vec<&str> {
        doc.body.iter().filter_map(|s| s.slice(&doc.text)).collect()
    }

    #[test]
    fn messy_page_keeps_only_the_report() {
        let html = r#"<html><head><title>Attaque près de Bosso - Sahel Matin</title></head><body>
<div class="bandeau">Consulté le 20 avril 2022</div>
<div class="page">
<h1>Attaque près de Bosso</h1>
<div class="infos">Publié le 12 avril 2022 à 10h30 · Mis à jour le 13 avril 2022 à 08h00</div>
<p>Cinq soldats ont été tués lundi dans une attaque contre un poste militaire, a indiqué le ministère. <strong>Lire aussi :</strong> <a href="/x">Tchad : une embuscade fait douze morts</a></p>
<p>Cinq soldats ont été tués lundi dans une attaque contre un poste militaire, a indiqué le ministère.</p>
<p>Un blindé de l'armée à Diffa. (Photo d'archives AFP)</p>
<div class="encadre"><h4>À lire aussi</h4><p>Nigeria : des jihadistes tuent 30 paysans</p><p>Mali : l'armée reprend une base</p></div>
<p>La région subit depuis 2015 les attaques de groupes armés.</p>
<div class="reagir"><h3>Commentaires (2)</h3><p>Ibrahim : encore des morts, ils ont tué mon frère l'an dernier à Diffa.</p></div>
</div></body></html>"#;
        let doc = read_html("fr", html).unwrap();
        // No machine date: the line under the headline, not the banner.
        assert_eq!(
            doc.published,
            NaiveDate::from_ymd_opt(2022, 4, 12)
                .unwrap()
                .and_hms_opt(10, 30, 0)
        );
        assert_eq!(
            body_text(&doc),
            vec![
                "Cinq soldats ont été tués lundi dans une attaque contre un poste militaire, a indiqué le ministère.",
                "La région subit depuis 2015 les attaques de groupes armés.",
            ]
        );
    }

    #[test]
    fn related_list_without_links_and_a_lede_repeated_as_standfirst() {
        let html = r#"<html lang="ar"><head><meta property="og:title" content="اغتيال عنصرين في ريف درعا"></head><body><article>
<p class="lead">قتل عنصران من قوات الحكومة يوم الأحد برصاص مسلحين مجهولين.</p>
<p>قتل عنصران من قوات الحكومة يوم الأحد برصاص مسلحين مجهولين استهدفوا سيارتهما على طريق في ريف درعا الغربي.</p>
<h3>مواضيع ذات صلة</h3>
<ul><li>غارات على مواقع قرب دمشق</li><li>مقتل ثلاثة أطفال بانفجار لغم في ريف حماة</li></ul>
<p>وتشهد المحافظة منذ سنوات عمليات اغتيال متكررة تطال عسكريين ومدنيين.</p>
</article></body></html>"#;
        let doc = read_html("ar", html).unwrap();
        assert_eq!(
            body_text(&doc),
            vec![
                "قتل عنصران من قوات الحكومة يوم الأحد برصاص مسلحين مجهولين استهدفوا سيارتهما على طريق في ريف درعا الغربي.",
                "وتشهد المحافظة منذ سنوات عمليات اغتيال متكررة تطال عسكريين ومدنيين.",
            ]
        );
        assert_eq!(doc.published, None);
    }

    #[test]
    fn page_of_chrome_only_is_an_error() {
        let html = r#"<html><body><nav>Home | Africa | Sudan</nav>
<div><h3>Read more</h3><p>Car bomb kills 12 in Mogadishu</p><p>Gunmen abduct 20 in Zamfara</p></div>
<p>Accessed on 4 November 2024</p><p>We use cookies to improve your experience. Accept</p></body></html>"#;
        let err = read_html("chrome-only.html", html).unwrap_err();
        assert!(
            err.to_string()
                .starts_with("chrome-only.html: no article text"),
            "{err}"
        );
    }

    #[test]
    fn no_body_is_an_error() {
        for html in [
            "<html><head><title>Only a title</title></head></html>",
            "<html><body><nav>Home | World</nav><script>x()</script></body></html>",
            "",
            "<<<>>>",
        ] {
            let err = read_html("empty", html).unwrap_err();
            assert!(matches!(err, crate::ReadError::NoBody { .. }), "{html}");
        }
    }

    #[test]
    fn datetime_values() {
        let want = NaiveDate::from_ymd_opt(2022, 9, 25)
            .unwrap()
            .and_hms_opt(23, 8, 0)
            .unwrap();
        for s in [
            "2022-09-25T23:08:00+02:00",
            "2022-09-25T23:08:00Z",
            "2022-09-25T23:08:00.000Z",
            "2022-09-25T23:08:00+0200",
            "2022-09-25T23:08",
            "2022-09-25 23:08:00",
            "2022-09-25 23:08:00 GMT",
        ] {
            assert_eq!(parse_datetime_value(s), Some(want), "{s}");
        }
        assert_eq!(
            parse_datetime_value("20220925"),
            Some(want.date().and_hms_opt(0, 0, 0).unwrap())
        );
        assert_eq!(parse_datetime_value("not a date"), None);
    }

    #[test]
    fn deep_nesting_does_not_overflow() {
        let html = format!(
            "<html><body>{}<p>Deep text that is long enough to be a paragraph of an article.</p>{}</body></html>",
            "<div>".repeat(5000),
            "</div>".repeat(5000)
        );
        // Either result is fine; it must not crash.
        let _ = read_html("deep", &html);
    }
}
