//! Publication dates as news sites print them in their header lines.
//!
//! A date line mixes a weekday, a date in one of a handful of orders, an
//! optional time (12-hour with ص/م or AM/PM, or 24-hour, `15h32` in French)
//! and words around it ("Published", "Publié le", "Updated 2 hours ago",
//! "آخر تحديث"). Rather than one regex per site, [`find_date`] tries three
//! date shapes (day-month-year with the month as a name or a number,
//! month-day-year, year-month-day) on a copy of the line with Arabic-Indic
//! digits turned to ASCII, checks month names with
//! `rasd_text::months::month_number`, and then looks for a time next to the
//! date. [`date_line`] decides whether a whole line is a date line (a date
//! and little else) and whether it gives the publication or an update time.

use std::sync::LazyLock;

use chrono::{NaiveDate, NaiveDateTime, NaiveTime};
use regex::Regex;

/// What a date line says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateRole {
    /// The publication time (or a date with no marker at all).
    Published,
    /// A "last updated" time.
    Updated,
}

/// A date found in a line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FoundDate {
    pub datetime: NaiveDateTime,
    /// Whether a time of day was printed (else the time is midnight).
    pub has_time: bool,
}

/// A line that is a date line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DateLine {
    pub date: FoundDate,
    pub role: DateRole,
}

/// Most words a date line may hold besides the date and the time: weekday,
/// "Published", "GMT", "Updated 2 hours ago", "آخر تحديث"...
const MAX_OTHER_WORDS: usize = 6;

static DAY_MONTH_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?x)
        \b(?P<d>\d{1,2})(?:er|st|nd|rd|th)?
        [\s/.\-]*
        (?P<mon>[\p{L}\p{M}]+(?:\s+[\p{L}\p{M}]+)?)\.?
        # Levantine pages print both month names: تشرين الأول/أكتوبر
        (?:\s*/\s*(?P<alt>[\p{L}\p{M}]+(?:\s+[\p{L}\p{M}]+)?))?
        [\s/.\-,]*
        (?P<y>\d{4})(?:م|\b)",
    )
    .expect("day-month-year pattern")
});

/// `14/09/2021`, `14-09-2021`, `14.09.2021`.
static NUMERIC_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b(?P<d>\d{1,2})[/.\-](?P<mon>\d{1,2})[/.\-](?P<y>\d{4})(?:م|\b)")
        .expect("numeric date pattern")
});

static MONTH_DAY_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?x)
        (?P<mon>[\p{L}]+)\.?\s+
        (?P<d>\d{1,2})(?:st|nd|rd|th)?,?\s+
        (?P<y>\d{4})\b",
    )
    .expect("month-day-year pattern")
});

static YEAR_MONTH_DAY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b(?P<y>\d{4})[/.\-](?P<m>\d{1,2})[/.\-](?P<d>\d{1,2})(?:T|\b)")
        .expect("year-month-day pattern")
});

/// A time of day right after the date: separators, "at", "à", "الساعة",
/// an ISO `T`, then `11:08`, `11.08`, `15h32`, with an optional AM/PM
/// marker. A bare `م` right after the year is the Arabic "AD" marker.
static TIME_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?x)
        ^(?:\s*م(?:\s|$))?
        (?:\s*(?:[,|\-–—•·:]|at|à|a|الساعة|T)\s*)*\s*
        (?P<h>\d{1,2})\s*(?::|h|H|\.)\s*(?P<mi>\d{2})(?::(?P<s>\d{2}))?
        (?:\s*(?P<ap>[AaPp]\.?\s?[Mm]\.?|صباحاً|صباحا|مساءً|مساء|ص|م)(?:\b|$|\s))?",
    )
    .expect("time pattern")
});

/// A time anywhere (used when the time is printed before the date).
static TIME_ANY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?x)
        \b(?P<h>\d{1,2})\s*(?::|h)\s*(?P<mi>\d{2})(?::(?P<s>\d{2}))?\b
        (?:\s*(?P<ap>[AaPp]\.?\s?[Mm]\.?|صباحاً|صباحا|مساءً|مساء|ص|م)(?:\b|$|\s))?",
    )
    .expect("time pattern")
});

static WORD: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"[\p{L}\p{M}]+").expect("word pattern"));

/// ASCII digits for Arabic-Indic and Persian digits, the Arabic comma as a
/// comma, and no zero-width or bidi control characters (pages scatter them
/// around dates), so the patterns see one script.
fn ascii_digits(s: &str) -> String {
    s.chars()
        .filter(|&c| !rasd_text::fold::is_invisible(c))
        .map(|c| match c {
            '٠'..='٩' => char::from(b'0' + (c as u32 - '٠' as u32) as u8),
            '۰'..='۹' => char::from(b'0' + (c as u32 - '۰' as u32) as u8),
            '،' => ',',
            _ => c,
        })
        .collect()
}

fn month_of(token: &str) -> Option<u32> {
    if token.bytes().all(|b| b.is_ascii_digit()) {
        return token.parse().ok().filter(|m| (1..=12).contains(m));
    }
    rasd_text::months::month_number(token)
}

fn valid_year(y: i32) -> bool {
    (1950..=2100).contains(&y)
}

/// A date candidate: its byte range in the ASCII-digit copy and its value.
struct Candidate {
    start: usize,
    end: usize,
    date: NaiveDate,
}

fn candidates(s: &str) -> Vec<Candidate> {
    let mut out = Vec::new();
    let day_first = DAY_MONTH_YEAR
        .captures_iter(s)
        .chain(NUMERIC_DATE.captures_iter(s));
    for c in day_first {
        let (Some(d), Some(mon), Some(y)) = (c.name("d"), c.name("mon"), c.name("y")) else {
            continue;
        };
        let (Ok(day), Ok(year)) = (d.as_str().parse::<u32>(), y.as_str().parse::<i32>()) else {
            continue;
        };
        let mon_text = mon.as_str();
        let numeric = mon_text.bytes().all(|b| b.is_ascii_digit());
        let (day, month) = if numeric {
            // `14/09/2021` is day-first everywhere Rasd reads, except that a
            // first number over 12 cannot be a month and a second one over
            // 12 cannot be either: then the order is the US one.
            let Ok(second) = mon_text.parse::<u32>() else {
                continue;
            };
            if second > 12 && day <= 12 {
                (second, day)
            } else {
                (day, second)
            }
        } else {
            // Of two names ("تشرين الأول/أكتوبر"), either may be known.
            let alt = c.name("alt").and_then(|a| month_of(a.as_str()));
            match month_of(mon_text).or(alt) {
                Some(m) => (day, m),
                None => continue,
            }
        };
        if !valid_year(year) {
            continue;
        }
        if let Some(date) = NaiveDate::from_ymd_opt(year, month, day) {
            let m = c.get(0).expect("whole match");
            out.push(Candidate {
                start: m.start(),
                end: m.end(),
                date,
            });
        }
    }
    for c in MONTH_DAY_YEAR.captures_iter(s) {
        let (Some(mon), Some(d), Some(y)) = (c.name("mon"), c.name("d"), c.name("y")) else {
            continue;
        };
        let Some(month) = month_of(mon.as_str()) else {
            continue;
        };
        let (Ok(day), Ok(year)) = (d.as_str().parse::<u32>(), y.as_str().parse::<i32>()) else {
            continue;
        };
        if !valid_year(year) {
            continue;
        }
        if let Some(date) = NaiveDate::from_ymd_opt(year, month, day) {
            let m = c.get(0).expect("whole match");
            out.push(Candidate {
                start: m.start(),
                end: m.end(),
                date,
            });
        }
    }
    for c in YEAR_MONTH_DAY.captures_iter(s) {
        let parsed = (
            c.name("y").and_then(|v| v.as_str().parse::<i32>().ok()),
            c.name("m").and_then(|v| v.as_str().parse::<u32>().ok()),
            c.name("d").and_then(|v| v.as_str().parse::<u32>().ok()),
        );
        let (Some(year), Some(month), Some(day)) = parsed else {
            continue;
        };
        if !valid_year(year) {
            continue;
        }
        if let Some(date) = NaiveDate::from_ymd_opt(year, month, day) {
            let m = c.name("d").expect("day group");
            out.push(Candidate {
                start: c.get(0).expect("whole match").start(),
                end: m.end(),
                date,
            });
        }
    }
    out.sort_by_key(|c| (c.start, std::cmp::Reverse(c.end)));
    out
}

/// Reads a time from regex captures, applying the AM/PM marker.
fn time_of(c: &regex::Captures<'_>) -> Option<NaiveTime> {
    let mut h: u32 = c.name("h")?.as_str().parse().ok()?;
    let mi: u32 = c.name("mi")?.as_str().parse().ok()?;
    let s: u32 = match c.name("s") {
        Some(v) => v.as_str().parse().ok()?,
        None => 0,
    };
    if let Some(ap) = c.name("ap") {
        let ap = ap.as_str().to_lowercase();
        let pm = ap.starts_with('p') || ap.starts_with('م');
        if h > 12 || h == 0 {
            // A 24-hour time with a stray marker: keep the hour.
        } else if pm && h < 12 {
            h += 12;
        } else if !pm && h == 12 {
            h = 0;
        }
    }
    NaiveTime::from_hms_opt(h, mi, s)
}

/// The first date of `line` (any digit script), with the time printed next
/// to it when there is one. `until` cuts the search for a time that is
/// printed before the date (so an update time later on the line is not
/// taken).
/// A date found in a line, with where its date and time parts are.
struct Located {
    date: FoundDate,
    start: usize,
    end: usize,
    time: Option<(usize, usize)>,
}

fn find_in(ascii: &str, until: usize) -> Option<Located> {
    let cand = candidates(ascii).into_iter().next()?;
    let after = &ascii[cand.end..];
    let (time, time_range) = match TIME_AFTER.captures(after) {
        Some(c) => match time_of(&c) {
            Some(t) => {
                let m = c.get(0).expect("whole match");
                (Some(t), Some((cand.end + m.start(), cand.end + m.end())))
            }
            None => (None, None),
        },
        None => {
            // A time printed before the date ("الساعة 11:08 م - الأحد ...").
            let before = &ascii[..cand.start.min(until)];
            match TIME_ANY.captures(before) {
                Some(c) => match time_of(&c) {
                    Some(t) => {
                        let m = c.get(0).expect("whole match");
                        (Some(t), Some((m.start(), m.end())))
                    }
                    None => (None, None),
                },
                None => (None, None),
            }
        }
    };
    let found = FoundDate {
        datetime: cand.date.and_time(time.unwrap_or(NaiveTime::MIN)),
        has_time: time.is_some(),
    };
    Some(Located {
        date: found,
        start: cand.start,
        end: cand.end,
        time: time_range,
    })
}

/// `Nov 8`, `8 nov.`, `8 novembre`: a day and a month with no year, as
/// wire datelines print them. Returns (month, day).
pub fn find_month_day(s: &str) -> Option<(u32, u32)> {
    let ascii = ascii_digits(s);
    let month_day = MONTH_DAY
        .captures_iter(&ascii)
        .filter_map(|c| Some((month_of(c.name("mon")?.as_str())?, c.name("d")?)));
    let day_month = DAY_MONTH
        .captures_iter(&ascii)
        .filter_map(|c| Some((month_of(c.name("mon")?.as_str())?, c.name("d")?)));
    month_day.chain(day_month).find_map(|(m, d)| {
        let day: u32 = d.as_str().parse().ok()?;
        // Any year, leap or not, takes the day: the caller checks it.
        NaiveDate::from_ymd_opt(2024, m, day).map(|_| (m, day))
    })
}

static MONTH_DAY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?P<mon>\p{L}+)\.?\s+(?P<d>\d{1,2})\b").expect("month-day pattern")
});

static DAY_MONTH: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b(?P<d>\d{1,2})(?:er)?\s+(?P<mon>\p{L}+)").expect("day-month pattern")
});

/// The first date in `s`, with its time when one is printed next to it.
pub fn find_date(s: &str) -> Option<FoundDate> {
    let ascii = ascii_digits(s);
    find_in(&ascii, ascii.len()).map(|l| l.date)
}

/// Where an "updated" marker is in the line, if there is one.
fn update_marker(ascii: &str) -> Option<(usize, usize)> {
    crate::chrome::update_marker_span(ascii)
}

/// Whether `line` is a date line: a date, maybe a time, and at most a few
/// other words. Returns what it says.
pub fn date_line(line: &str) -> Option<DateLine> {
    let line = line.trim();
    if line.is_empty() || line.chars().count() > 160 {
        return None;
    }
    let ascii = ascii_digits(line);
    let marker = update_marker(&ascii);
    let Located {
        date,
        start,
        end,
        time: time_range,
    } = find_in(&ascii, marker.map_or(ascii.len(), |m| m.0))?;
    // Words outside the dates, the times and the update marker ("Publié le
    // 3 août à 20h00 - Mis à jour le 4 août à 9h12": both dates, both
    // times and "mis à jour" are date words).
    let dates: Vec<(usize, usize)> = candidates(&ascii)
        .into_iter()
        .map(|c| (c.start, c.end))
        .chain([(start, end)])
        .chain(time_range)
        .chain(marker)
        .chain(TIME_ANY.find_iter(&ascii).map(|m| (m.start(), m.end())))
        .collect();
    let mut other = 0;
    for w in WORD.find_iter(&ascii) {
        if !dates.iter().any(|&(a, b)| w.start() >= a && w.end() <= b) {
            other += 1;
        }
    }
    if other > MAX_OTHER_WORDS {
        return None;
    }
    // "Updated ... <date>" is an update; "<date> ... Updated 2 hours ago"
    // is the publication date followed by a relative update note.
    let role = match marker {
        Some((m, _)) if m <= start => DateRole::Updated,
        _ => DateRole::Published,
    };
    Some(DateLine { date, role })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dt(s: &str) -> NaiveDateTime {
        NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap()
    }

    /// A date line and the publication time it must give.
    fn published(line: &str) -> NaiveDateTime {
        let d = date_line(line).unwrap_or_else(|| panic!("no date line: {line}"));
        assert_eq!(d.role, DateRole::Published, "{line}");
        d.date.datetime
    }

    #[test]
    fn two_month_names_joined_by_a_slash() {
        // Levantine and standard names side by side, in either order.
        assert_eq!(
            published("تاريخ النشر: 3 كانون الثاني/يناير 2025"),
            dt("2025-01-03 00:00")
        );
        assert_eq!(
            published("الأحد ١٧ نوفمبر/تشرين الثاني ٢٠٢٤ - ١٠:٤٥"),
            dt("2024-11-17 10:45")
        );
        assert_eq!(published("9 أيار / مايو 2023"), dt("2023-05-09 00:00"));
        // Two words that are no month at all still give no date.
        assert!(date_line("في 9 طرق/ممرات 2023").is_none());
    }

    #[test]
    fn arabic_site_lines() {
        let cases = [
            ("الأحد 25/سبتمبر/2022 - 11:08 م", "2022-09-25 23:08"),
            ("الخميس 03/مارس/2022 - 09:15 ص", "2022-03-03 09:15"),
            ("الاثنين 12/ديسمبر/2022 - 12:30 ص", "2022-12-12 00:30"),
            ("الجمعة 01/يوليو/2022 - 12:05 م", "2022-07-01 12:05"),
            ("الثلاثاء ١٧ تشرين الأول ٢٠٢٣", "2023-10-17 00:00"),
            ("الأربعاء ٤ أيار ٢٠٢٢ - ٠٢:١٥ م", "2022-05-04 14:15"),
            ("السبت 14 أغسطس 2021 | 04:35 م", "2021-08-14 16:35"),
            ("الجمعة ٩ تموز ٢٠٢١ – ٠٨:٣٠", "2021-07-09 08:30"),
            ("٢ كانون الثاني ٢٠٢٠", "2020-01-02 00:00"),
            ("25 سبتمبر 2022", "2022-09-25 00:00"),
            ("25 أيلول 2022", "2022-09-25 00:00"),
            ("2022/09/25", "2022-09-25 00:00"),
            ("25/09/2022", "2022-09-25 00:00"),
            ("الأحد، 3 أبريل 2022 الساعة 10:40 صباحا", "2022-04-03 10:40"),
            ("نشر في: 7 فيفري 2021 - 18:20", "2021-02-07 18:20"),
            ("الخميس 5 أوت 2021م", "2021-08-05 00:00"),
            ("الأحد 11 آب 2019 م - 08:45 م", "2019-08-11 20:45"),
            ("١٤ شباط ٢٠٢٣", "2023-02-14 00:00"),
            ("الإثنين ٣٠ كانون الأول ٢٠٢٤", "2024-12-30 00:00"),
            ("تاريخ النشر: 2023-03-12 14:05", "2023-03-12 14:05"),
            ("الثلاثاء 9 جانفي 2024", "2024-01-09 00:00"),
            ("۱۲ حزيران ۲۰۲۱", "2021-06-12 00:00"),
            ("الخميس 05 أوت 2021", "2021-08-05 00:00"),
            ("السبت 12 ماي 2023 - 21:05", "2023-05-12 21:05"),
            ("الإثنين 13 جوان 2022", "2022-06-13 00:00"),
            ("الأحد 25 شتنبر 2022", "2022-09-25 00:00"),
            ("نشر بتاريخ: 2023/3/5 الساعة 08:05 ص", "2023-03-05 08:05"),
            ("الثلاثاء، 7 يناير 2025 - 12:00 م", "2025-01-07 12:00"),
            ("الأربعاء 1 تشرين أول 2025", "2025-10-01 00:00"),
            ("الجمعة ٢٢ آذار ٢٠٢٤ ٠٧:٢٠ ص", "2024-03-22 07:20"),
            ("٠٣/٠٤/٢٠٢٢ - ١٠:٣٠ م", "2022-04-03 22:30"),
            ("الأحد 1 يونيه 2025", "2025-06-01 00:00"),
            ("السبت 9 نوفمبر 2019 م", "2019-11-09 00:00"),
        ];
        for (line, want) in cases {
            assert_eq!(published(line), dt(want), "{line}");
        }
    }

    #[test]
    fn english_lines() {
        let cases = [
            (
                "June 11, 2024 4:12 PM GMT Updated 2 hours ago",
                "2024-06-11 16:12",
            ),
            ("Published 12 March 2023", "2023-03-12 00:00"),
            ("Published 14/09/2021 - 17:42", "2021-09-14 17:42"),
            ("Published: 6 Oct 2021 at 14:10 GMT", "2021-10-06 14:10"),
            ("Published 14 January 2025, 11:05 GMT", "2025-01-14 11:05"),
            ("Sept. 25, 2022", "2022-09-25 00:00"),
            ("Monday, September 25, 2022 12:01 AM", "2022-09-25 00:01"),
            ("25 September 2024", "2024-09-25 00:00"),
            ("2024-06-11T16:12:00Z", "2024-06-11 16:12"),
            ("Posted on March 3rd, 2020 at 9:05 a.m.", "2020-03-03 09:05"),
            ("12/31/2021", "2021-12-31 00:00"),
            ("Mon 25 Sep 2023 14.32 BST", "2023-09-25 14:32"),
            ("Sep 25, 2022 at 11:08 a.m. EDT", "2022-09-25 11:08"),
            ("Saturday 14 January 2023 10:30", "2023-01-14 10:30"),
            ("25.09.2022 11:08", "2022-09-25 11:08"),
            ("First published on 2 February 2020", "2020-02-02 00:00"),
            (
                "Published 3 May 2022 10:15 GMT | Last updated 4 May 2022 08:00 GMT",
                "2022-05-03 10:15",
            ),
        ];
        for (line, want) in cases {
            assert_eq!(published(line), dt(want), "{line}");
        }
    }

    #[test]
    fn french_lines() {
        let cases = [
            ("Publié le 19/10/2021 à 15h32", "2021-10-19 15:32"),
            ("Publié le : 08/06/2021 - 11:47", "2021-06-08 11:47"),
            ("Publié le 27 avril 2021 à 18h05", "2021-04-27 18:05"),
            ("Publié le 6 décembre 2023", "2023-12-06 00:00"),
            ("Le 1er mars 2022 à 7h05", "2022-03-01 07:05"),
            ("12 sept 2023", "2023-09-12 00:00"),
            (
                "Publié le 3 août 2020 à 20h00, mis à jour le 4 août 2020",
                "2020-08-03 20:00",
            ),
            (
                "Publié le 30/01/2023 à 18h05 - Mis à jour le 31/01/2023 à 09h12",
                "2023-01-30 18:05",
            ),
        ];
        for (line, want) in cases {
            assert_eq!(published(line), dt(want), "{line}");
        }
    }

    #[test]
    fn update_lines() {
        for line in [
            "Mis à jour le 10 septembre 2019 à 13h05",
            "Updated: March 4, 2020 5:17 PM",
            "آخر تحديث: الأحد 25 سبتمبر 2022",
            "Last modified on Mon 1 Jan 2024",
        ] {
            let d = date_line(line).unwrap_or_else(|| panic!("{line}"));
            assert_eq!(d.role, DateRole::Updated, "{line}");
        }
        let d = date_line("Mis à jour le 10 septembre 2019 à 13h05").unwrap();
        assert_eq!(d.date.datetime, dt("2019-09-10 13:05"));
        // A date followed by an update time: the time belongs to the update.
        let d = date_line("6 أبريل 2022 | آخر تحديث: 09:40 ص").unwrap();
        assert_eq!(d.role, DateRole::Published);
        assert_eq!(d.date.datetime, dt("2022-04-06 00:00"));
        assert!(!d.date.has_time);
    }

    #[test]
    fn not_date_lines() {
        for line in [
            "",
            "مقتل 9 جنود في هجوم على معسكر للجيش في شمال البلاد يوم 25 سبتمبر 2022 بحسب مصادر",
            "Gunmen killed 12 people in an attack on a village near the border on 3 March 2021",
            "كتب: أحمد علي",
            "طباعة",
            "32 سبتمبر 2022",
            "25 فلان 2022",
            "13/13/2022",
            "Room 101, 1984",
            "الأحد 29 صفر 1444",
            "Updated 2 hours ago",
        ] {
            assert!(date_line(line).is_none(), "{line}");
        }
    }

    #[test]
    fn invisible_characters_around_dates() {
        let d = date_line("\u{200f}الأحد 25\u{200f}/سبتمبر/2022 - 11:08\u{200e} م").unwrap();
        assert_eq!(d.date.datetime, dt("2022-09-25 23:08"));
        let d = date_line("Published\u{a0}12\u{a0}March 2023").unwrap();
        assert_eq!(d.date.datetime, dt("2023-03-12 00:00"));
    }

    #[test]
    fn hijri_date_before_gregorian() {
        let d = date_line("الأحد 29 صفر 1444 هـ - 25 سبتمبر 2022 م").unwrap();
        assert_eq!(d.date.datetime, dt("2022-09-25 00:00"));
    }

    #[test]
    fn time_before_date() {
        let d = date_line("الساعة 11:08 م - الأحد 25 سبتمبر 2022").unwrap();
        assert_eq!(d.date.datetime, dt("2022-09-25 23:08"));
    }

    proptest::proptest! {
        #[test]
        fn never_panics(s in "\\PC{0,60}") {
            let _ = date_line(&s);
            let _ = find_date(&s);
        }

        #[test]
        fn never_panics_on_date_like_text(s in "[0-9٠-٩/:\\- ]{0,12}(سبتمبر|أيلول|March|mars|كانون الثاني)?[0-9٠-٩/:\\- مصPMA]{0,16}") {
            let _ = date_line(&s);
        }
    }

    #[test]
    fn find_date_in_wire_dateline() {
        let d = find_date("OUAGADOUGOU, 12 sept 2023 (AFP) -").unwrap();
        assert_eq!(d.datetime, dt("2023-09-12 00:00"));
        assert!(find_date("BAMAKO, June 11 (Reuters) -").is_none());
    }
}
