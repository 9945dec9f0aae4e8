//! TEMPORARY ADAPTER — delete once `rasd_text::numbers`, `rasd_text::dates`
//! and `rasd_gazetteer` are on main.
//!
//! Minimal stand-ins with the contract signatures of TEXT_API.md and
//! GAZETTEER_API.md, so the coder can be built and measured before the
//! real implementations land. Only Arabic number words and date
//! expressions; the place stand-in knows countries and demonyms only, and
//! reads the shared gazetteer extract when `RASD_COMPAT_GAZETTEER` points
//! at it (development measurements only; tests never set it).

pub mod numbers {
    use rasd_model::Span;
    use rasd_text::Analysis;

    use crate::lexicon::Words;

    #[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
    pub enum NumberQualifier {
        Exact,
        AtLeast,
        MoreThan,
        Approx,
        AtMost,
    }

    #[derive(Debug, Clone, PartialEq, serde::Serialize)]
    pub struct Quantity {
        pub span: Span,
        pub value: u64,
        pub qualifier: NumberQualifier,
        pub vague: bool,
    }

    fn unit(w: &str) -> Option<u64> {
        Some(match w {
            "واحد" | "واحده" | "احد" | "احدي" => 1,
            "اثنان" | "اثنين" | "اثنتين" | "اثنتان" | "اثنا" | "اثنتا" => 2,
            "ثلاث" | "ثلاثه" => 3,
            "اربع" | "اربعه" => 4,
            "خمس" | "خمسه" => 5,
            "ست" | "سته" => 6,
            "سبع" | "سبعه" => 7,
            "ثماني" | "ثمانيه" | "ثمان" => 8,
            "تسع" | "تسعه" => 9,
            "عشر" | "عشره" => 10,
            _ => return None,
        })
    }

    fn tens(w: &str) -> Option<u64> {
        Some(match w {
            "عشرون" | "عشرين" => 20,
            "ثلاثون" | "ثلاثين" => 30,
            "اربعون" | "اربعين" => 40,
            "خمسون" | "خمسين" => 50,
            "ستون" | "ستين" => 60,
            "سبعون" | "سبعين" => 70,
            "ثمانون" | "ثمانين" => 80,
            "تسعون" | "تسعين" => 90,
            "ميه" | "مايه" => 100,
            "ميتان" | "ميتين" | "مايتين" | "مايتان" => 200,
            "ثلاثميه" | "ثلاثمايه" => 300,
            "اربعميه" | "اربعمايه" => 400,
            "خمسميه" | "خمسمايه" => 500,
            "الف" => 1000,
            "الفين" | "الفان" => 2000,
            _ => return None,
        })
    }

    fn vague(w: &str) -> Option<u64> {
        Some(match w {
            "عشرات" => 12,
            "ميات" => 100,
            "الاف" => 1000,
            "بضعه" | "بضع" => 3,
            "عده" => 10,
            _ => return None,
        })
    }

    fn digits(key: &str) -> Option<u64> {
        let clean: String = key.chars().filter(|c| c.is_ascii_digit()).collect();
        if clean.is_empty() || key.contains('.') {
            return None;
        }
        clean.parse().ok()
    }

    pub fn find_quantities(text: &str, analysis: &Analysis) -> Vec<Quantity> {
        let words = Words::new(text, analysis);
        let stem = |i: usize| analysis.tokens[words.tok[i]].stem.as_str();
        let key = |i: usize| analysis.tokens[words.tok[i]].key.as_str();
        let span = |i: usize| analysis.tokens[words.tok[i]].span;
        let mut out = Vec::new();
        let mut i = 0;
        while i < words.len() {
            let s = stem(i);
            let (value, is_vague, mut end) = if let Some(v) = digits(key(i)) {
                (v, false, i)
            } else if let Some(v) = vague(s) {
                // "عدد من" = several
                (v, true, i)
            } else if s == "عدد" && i + 1 < words.len() && words.joined[i] && stem(i + 1) == "من" {
                (10, true, i + 1)
            } else if let Some(u) = unit(s) {
                let mut v = u;
                let mut e = i;
                // teens: ثلاثة عشر
                if e + 1 < words.len() && words.joined[e] && matches!(stem(e + 1), "عشر" | "عشره") && u < 10 {
                    v = u + 10;
                    e += 1;
                } else if e + 1 < words.len() && words.joined[e] {
                    // خمسة وعشرون
                    if let Some(t) = tens(stem(e + 1)) {
                        if t < 100 && analysis.tokens[words.tok[e + 1]].prefix() == "و" {
                            v = u + t;
                            e += 1;
                        }
                    }
                }
                // "أحد" alone is a number only before a definite noun ("أحد حراس")
                (v, false, e)
            } else if let Some(t) = tens(s) {
                (t, false, i)
            } else {
                i += 1;
                continue;
            };
            // "ثلاث مئة"
            let mut value = value;
            if end + 1 < words.len() && words.joined[end] && matches!(stem(end + 1), "ميه" | "مايه" | "الف" | "الاف") && value < 10 {
                value *= if matches!(stem(end + 1), "الف" | "الاف") { 1000 } else { 100 };
                end += 1;
            }
            let mut start = i;
            let mut qualifier = if is_vague {
                NumberQualifier::Approx
            } else {
                NumberQualifier::Exact
            };
            // qualifier words before the number
            let before: Vec<&str> = (i.saturating_sub(4)..i).map(stem).collect();
            let joined_back = |k: usize| (i - k..i).all(|j| words.joined[j]);
            let tail = |n: usize| -> String {
                if before.len() >= n {
                    before[before.len() - n..].join(" ")
                } else {
                    String::new()
                }
            };
            for (n, phrase, q) in [
                (4, "ما لا يقل عن", NumberQualifier::AtLeast),
                (3, "لا يقل عن", NumberQualifier::AtLeast),
                (3, "ما يزيد علي", NumberQualifier::MoreThan),
                (3, "ما يزيد عن", NumberQualifier::MoreThan),
                (2, "اكثر من", NumberQualifier::MoreThan),
                (2, "يزيد عن", NumberQualifier::MoreThan),
                (2, "ما يقارب", NumberQualifier::Approx),
                (2, "ما يناهز", NumberQualifier::Approx),
                (2, "اقل من", NumberQualifier::AtMost),
                (1, "يتجاوز", NumberQualifier::MoreThan),
                (1, "نحو", NumberQualifier::Approx),
                (1, "قرابه", NumberQualifier::Approx),
                (1, "حوالي", NumberQualifier::Approx),
                (1, "زهاء", NumberQualifier::Approx),
            ] {
                let n_words = phrase.split(' ').count();
                if n_words <= i && joined_back(n_words) && tail(n_words) == phrase {
                    let _ = n;
                    qualifier = q;
                    start = i - n_words;
                    break;
                }
            }
            let mut stop = end;
            // "على الأقل" after the number and its noun
            for k in end + 1..(end + 5).min(words.len().saturating_sub(1)) {
                if stem(k) == "علي" && stem(k + 1) == "اقل" && words.joined[k] {
                    if qualifier == NumberQualifier::Exact {
                        qualifier = NumberQualifier::AtLeast;
                        stop = k + 1;
                    }
                    break;
                }
                if !words.joined[k - 1] {
                    break;
                }
            }
            if s == "احد" || s == "احدي" {
                // only "one of": أحد + noun
                if !(end + 1 < words.len() && words.joined[end]) {
                    i = end + 1;
                    continue;
                }
            }
            out.push(Quantity {
                span: Span::new(span(start).start, span(stop).end),
                value,
                qualifier,
                vague: is_vague,
            });
            i = end + 1;
        }
        out
    }
}

pub mod dates {
    use chrono::{Datelike, Duration, NaiveDate, Weekday};
    use rasd_model::{DatePrecision, Span};
    use rasd_text::Analysis;

    use crate::lexicon::Words;

    #[derive(Debug, Clone, PartialEq, serde::Serialize)]
    pub enum DateKind {
        Absolute,
        Relative,
        PeriodStart,
    }

    #[derive(Debug, Clone, PartialEq, serde::Serialize)]
    pub struct DateRef {
        pub span: Span,
        pub date: NaiveDate,
        pub precision: DatePrecision,
        pub kind: DateKind,
        pub night: bool,
    }

    fn weekday(w: &str) -> Option<Weekday> {
        Some(match w {
            "احد" => Weekday::Sun,
            "اثنين" => Weekday::Mon,
            "ثلاثاء" => Weekday::Tue,
            "اربعاء" => Weekday::Wed,
            "خميس" => Weekday::Thu,
            "جمعه" => Weekday::Fri,
            "سبت" => Weekday::Sat,
            _ => return None,
        })
    }

    fn last_day(y: i32, m: u32) -> u32 {
        let next = if m == 12 {
            NaiveDate::from_ymd_opt(y + 1, 1, 1)
        } else {
            NaiveDate::from_ymd_opt(y, m + 1, 1)
        };
        next.and_then(|d| d.pred_opt()).map(|d| d.day()).unwrap_or(28)
    }

    pub fn find_dates(text: &str, analysis: &Analysis, publication: Option<NaiveDate>) -> Vec<DateRef> {
        let words = Words::new(text, analysis);
        let n = words.len();
        let stem = |i: usize| analysis.tokens[words.tok[i]].stem.as_str();
        let key = |i: usize| analysis.tokens[words.tok[i]].key.as_str();
        let span = |i: usize| analysis.tokens[words.tok[i]].span;
        let num = |i: usize| -> Option<u32> {
            let k = key(i);
            if k.chars().all(|c| c.is_ascii_digit()) && !k.is_empty() {
                k.parse().ok()
            } else {
                None
            }
        };
        let month_at = |i: usize| -> Option<(u32, usize)> {
            // two-word Levantine names first
            if i + 1 < n && words.joined[i] {
                let two = format!("{} {}", stem(i), stem(i + 1));
                if let Some(m) = rasd_text::months::month_number(&two) {
                    return Some((m, i + 1));
                }
            }
            let s = stem(i);
            if s.chars().count() < 3 {
                return None;
            }
            rasd_text::months::month_number(s).map(|m| (m, i))
        };
        let explicit_years: Vec<i32> = (0..n)
            .filter_map(|i| num(i).filter(|y| (1990..=2100).contains(y)).map(|y| y as i32))
            .collect();
        let default_year = publication
            .map(|p| p.year())
            .or_else(|| explicit_years.first().copied());
        let mut out = Vec::new();
        let mut i = 0;
        let night_before = |i: usize| i > 0 && matches!(stem(i - 1), "ليل" | "ليله") && words.joined[i - 1];
        let period_before = |i: usize| (i.saturating_sub(5)..i).any(|j| stem(j) == "منذ");
        while i < n {
            // day month [year]
            if let Some(d) = num(i).filter(|d| (1..=31).contains(d)) {
                if i + 1 < n && words.joined[i] {
                    if let Some((m, mend)) = month_at(i + 1) {
                        let mut end = mend;
                        // "آذار/مارس"
                        if end + 1 < n && words.joined[end] && month_at(end + 1).is_some_and(|(m2, _)| m2 == m) {
                            end = month_at(end + 1).map(|x| x.1).unwrap_or(end);
                        }
                        let mut year = None;
                        if end + 1 < n && words.joined[end] {
                            if let Some(y) = num(end + 1).filter(|y| (1990..=2100).contains(y)) {
                                year = Some(y as i32);
                                end += 1;
                            }
                        }
                        let y = year.or_else(|| {
                            let y = default_year?;
                            let cand = NaiveDate::from_ymd_opt(y, m, d)?;
                            Some(match publication {
                                Some(p) if cand > p => y - 1,
                                _ => y,
                            })
                        });
                        if let Some(date) = y.and_then(|y| NaiveDate::from_ymd_opt(y, m, d)) {
                            out.push(DateRef {
                                span: Span::new(span(i).start, span(end).end),
                                date,
                                precision: DatePrecision::Day,
                                kind: if period_before(i) { DateKind::PeriodStart } else { DateKind::Absolute },
                                night: night_before(i),
                            });
                            i = end + 1;
                            continue;
                        }
                    }
                }
            }
            // month [year] / month الماضي
            if let Some((m, mut end)) = month_at(i) {
                let is_period = period_before(i);
                if end + 1 < n && words.joined[end] && month_at(end + 1).is_some_and(|(m2, _)| m2 == m) {
                    end = month_at(end + 1).map(|x| x.1).unwrap_or(end);
                }
                let mut year = None;
                if end + 1 < n && words.joined[end] {
                    if let Some(y) = num(end + 1).filter(|y| (1990..=2100).contains(y)) {
                        year = Some(y as i32);
                        end += 1;
                    } else if matches!(stem(end + 1), "ماضي" | "فائت" | "منصرم") {
                        end += 1;
                    }
                }
                let first_word = i.checked_sub(1).map(stem).unwrap_or("");
                let begin = matches!(first_word, "مطلع" | "بدايه" | "اوائل" | "اول");
                let finish = matches!(first_word, "نهايه" | "اواخر" | "اخر");
                let y = year.or_else(|| {
                    let y = default_year?;
                    Some(match publication {
                        Some(p) if m > p.month() && y == p.year() => y - 1,
                        _ => y,
                    })
                });
                // A bare month word must look like a date: with a year,
                // الماضي, or after في/منذ/مطلع/نهاية.
                let dateish = year.is_some()
                    || end > i
                    || is_period
                    || begin
                    || finish
                    || matches!(first_word, "في" | "خلال" | "شهر" | "حتي" | "منذ");
                if let (Some(y), true) = (y, dateish) {
                    let day = if is_period || begin {
                        1
                    } else if finish {
                        last_day(y, m)
                    } else {
                        15
                    };
                    if let Some(date) = NaiveDate::from_ymd_opt(y, m, day) {
                        let start = if begin || finish { i - 1 } else { i };
                        out.push(DateRef {
                            span: Span::new(span(start).start, span(end).end),
                            date,
                            precision: if begin || finish { DatePrecision::Day } else { DatePrecision::Month },
                            kind: if is_period { DateKind::PeriodStart } else { DateKind::Absolute },
                            night: false,
                        });
                        // "beginning of month" is only approximately a day
                        if begin || finish {
                            if let Some(last) = out.last_mut() {
                                last.precision = DatePrecision::Month;
                            }
                        }
                        i = end + 1;
                        continue;
                    }
                }
            }
            let s = stem(i);
            // عام 2015
            if matches!(s, "عام" | "سنه") && i + 1 < n && words.joined[i] {
                if let Some(y) = num(i + 1).filter(|y| (1990..=2100).contains(y)) {
                    if let Some(date) = NaiveDate::from_ymd_opt(y as i32, if period_before(i) { 1 } else { 7 }, 1) {
                        let within = i > 0 && matches!(stem(i - 1), "خلال");
                        out.push(DateRef {
                            span: Span::new(span(i).start, span(i + 1).end),
                            date: if within { NaiveDate::from_ymd_opt(y as i32, 1, 1).unwrap_or(date) } else { date },
                            precision: DatePrecision::Year,
                            kind: if period_before(i) || within { DateKind::PeriodStart } else { DateKind::Absolute },
                            night: false,
                        });
                        i += 2;
                        continue;
                    }
                }
            }
            let Some(pub_date) = publication else {
                i += 1;
                continue;
            };
            // مطلع العام (الجاري)
            if matches!(s, "مطلع" | "بدايه") && i + 1 < n && stem(i + 1) == "عام" {
                if let Some(date) = NaiveDate::from_ymd_opt(pub_date.year(), 1, 1) {
                    let end = if i + 2 < n && matches!(stem(i + 2), "جاري" | "حالي") { i + 2 } else { i + 1 };
                    out.push(DateRef {
                        span: Span::new(span(i).start, span(end).end),
                        date,
                        precision: DatePrecision::Month,
                        kind: DateKind::PeriodStart,
                        night: false,
                    });
                    i = end + 1;
                    continue;
                }
            }
            // الأيام السبعة الماضية / الأسبوع الماضي
            if s == "ايام" && i + 2 < n && matches!(stem(i + 1), "سبعه") && stem(i + 2) == "ماضيه" {
                out.push(DateRef {
                    span: Span::new(span(i).start, span(i + 2).end),
                    date: pub_date - Duration::days(4),
                    precision: DatePrecision::Week,
                    kind: DateKind::Relative,
                    night: false,
                });
                i += 3;
                continue;
            }
            if s == "اسبوع" && i + 1 < n && stem(i + 1) == "ماضي" {
                let monday = pub_date - Duration::days(pub_date.weekday().num_days_from_monday() as i64 + 7);
                out.push(DateRef {
                    span: Span::new(span(i).start, span(i + 1).end),
                    date: monday + Duration::days(3),
                    precision: DatePrecision::Week,
                    kind: DateKind::Relative,
                    night: false,
                });
                i += 2;
                continue;
            }
            // أمس / اليوم [weekday]
            if s == "امس" || (s == "يوم" && analysis.tokens[words.tok[i]].prefix().ends_with("ال")) {
                let next = if i + 1 < n && words.joined[i] { stem(i + 1) } else { "" };
                if matches!(next, "تالي" | "ذاته" | "نفسه" | "سابق") {
                    i += 2;
                    continue;
                }
                let base = if s == "امس" { pub_date - Duration::days(1) } else { pub_date };
                let mut end = i;
                if weekday(next).is_some() {
                    end = i + 1;
                }
                let night = night_before(i) || (i > 0 && matches!(stem(i - 1), "ليله" | "ليل"));
                out.push(DateRef {
                    span: Span::new(span(if night { i - 1 } else { i }).start, span(end).end),
                    date: base,
                    precision: DatePrecision::Day,
                    kind: DateKind::Relative,
                    night,
                });
                i = end + 1;
                continue;
            }
            if let Some(wd) = weekday(s) {
                let prev = if i > 0 && words.joined[i - 1] { stem(i - 1) } else { "" };
                let next = if i + 1 < n && words.joined[i] { stem(i + 1) } else { "" };
                let cue = matches!(prev, "يوم" | "مساء" | "صباح" | "فجر" | "ليل" | "ليله" | "ظهر" | "عصر" | "ظهيره" | "منذ" | "حتي")
                    || matches!(next, "ماضي" | "فائت");
                // s == "احد" also means "one": require a cue
                if cue && analysis.tokens[words.tok[i]].prefix().contains("ال") {
                    let mut back = (pub_date.weekday().num_days_from_monday() as i64 - wd.num_days_from_monday() as i64).rem_euclid(7);
                    if back == 0 {
                        back = 7;
                    }
                    let date = pub_date - Duration::days(back);
                    let end = if matches!(next, "ماضي" | "فائت") { i + 1 } else { i };
                    let start = if matches!(prev, "يوم" | "مساء" | "صباح" | "فجر" | "ليل" | "ليله" | "ظهر" | "عصر") { i - 1 } else { i };
                    out.push(DateRef {
                        span: Span::new(span(start).start, span(end).end),
                        date,
                        precision: DatePrecision::Day,
                        kind: DateKind::Relative,
                        night: matches!(prev, "ليل" | "ليله"),
                    });
                    // ليل الاثنين إلى الثلاثاء: skip the second day
                    let mut j = end + 1;
                    if j + 1 < n && stem(j) == "الي" && weekday(stem(j + 1)).is_some() {
                        j += 2;
                    }
                    i = j;
                    continue;
                }
            }
            i += 1;
        }
        // "يوم الأحد" right after an absolute date of the same day is one expression.
        out
    }
}

pub mod gazetteer {
    //! Countries and demonyms only (plus the shared extract when
    //! `RASD_COMPAT_GAZETTEER` is set, for development measurements).

    use std::collections::HashMap;
    use std::sync::LazyLock;

    use rasd_model::Span;
    use rasd_text::Analysis;

    use crate::lexicon::{PhraseMatcher, Words};

    #[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
    pub enum PlaceKind {
        Country,
        Admin1,
        Admin2,
        PopulatedPlace,
        Region,
        Other,
    }

    #[derive(Debug, Clone, PartialEq, serde::Serialize)]
    pub struct Place {
        pub id: u32,
        pub name: String,
        pub kind: PlaceKind,
        pub iso3: String,
        pub country: String,
        pub admin1: String,
        pub admin2: String,
        pub lat: f64,
        pub lon: f64,
        pub population: u64,
    }

    #[derive(Debug, Clone, PartialEq, serde::Serialize)]
    pub enum Relation {
        At,
        Near,
        Distance { km: Option<f64>, direction: Option<String> },
        Direction(String),
    }

    #[derive(Debug, Clone, PartialEq, serde::Serialize)]
    pub struct PlaceMention {
        pub span: Span,
        pub surface: String,
        pub place: Option<Place>,
        pub relation: Relation,
        pub relation_span: Option<Span>,
        pub geo_precision: u8,
        pub score: f32,
    }

    #[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
    pub enum CountryForm {
        Name,
        Demonym,
    }

    #[derive(Debug, Clone, PartialEq, serde::Serialize)]
    pub struct CountryMention {
        pub span: Span,
        pub iso3: &'static str,
        pub country: &'static str,
        pub form: CountryForm,
    }

    const COUNTRIES: &[(&str, &str, &str, &str)] = &[
        ("MLI", "Mali", "مالي", "المالي|المالية|الماليين|ماليين|الماليون|malien|malienne|maliens|Malian"),
        ("BFA", "Burkina Faso", "بوركينا فاسو|بوركينا", "البوركيني|البوركينية|البوركينيين|بوركينابي|burkinabè|burkinabe|Burkinabe"),
        ("NER", "Niger", "النيجر", "النيجري|النيجرية|النيجريين|nigérien|nigerien|Nigerien"),
        ("NGA", "Nigeria", "نيجيريا", "النيجيري|النيجيرية|النيجيريين|nigérian|Nigerian"),
        ("TCD", "Chad", "تشاد", "التشادي|التشادية|التشاديين|tchadien|Chadian"),
        ("CMR", "Cameroon", "الكاميرون", "الكاميروني|الكاميرونية|camerounais|Cameroonian"),
        ("BEN", "Benin", "بنين", "البنيني|البنينية|béninois|Beninese"),
        ("TGO", "Togo", "توغو", "التوغولي|togolais|Togolese"),
        ("SEN", "Senegal", "السنغال", "السنغالي|السنغالية|sénégalais|Senegalese"),
        ("MRT", "Mauritania", "موريتانيا", "الموريتاني|الموريتانية|mauritanien|Mauritanian"),
        ("DZA", "Algeria", "الجزائر", "الجزائري|الجزائرية|algérien|Algerian"),
        ("LBY", "Libya", "ليبيا", "الليبي|الليبية|الليبيين|libyen|Libyan"),
        ("TUN", "Tunisia", "تونس", "التونسي|التونسية|tunisien|Tunisian"),
        ("MAR", "Morocco", "المغرب", "المغربي|المغربية|marocain|Moroccan"),
        ("EGY", "Egypt", "مصر", "المصري|المصرية|المصريين|égyptien|Egyptian"),
        ("SDN", "Sudan", "السودان", "السوداني|السودانية|السودانيين|soudanais|Sudanese"),
        ("SSD", "South Sudan", "جنوب السودان", "جنوب سوداني|sud-soudanais|South Sudanese"),
        ("SOM", "Somalia", "الصومال", "الصومالي|الصومالية|الصوماليين|somalien|Somali"),
        ("ETH", "Ethiopia", "إثيوبيا|أثيوبيا", "الإثيوبي|الإثيوبية|éthiopien|Ethiopian"),
        ("KEN", "Kenya", "كينيا", "الكيني|الكينية|kényan|Kenyan"),
        ("YEM", "Yemen", "اليمن", "اليمني|اليمنية|اليمنيين|yéménite|Yemeni"),
        ("SAU", "Saudi Arabia", "السعودية|المملكة العربية السعودية", "السعودي|السعوديين|saoudien|Saudi"),
        ("SYR", "Syria", "سوريا|سورية", "السوري|السورية|السوريين|syrien|Syrian"),
        ("IRQ", "Iraq", "العراق", "العراقي|العراقية|العراقيين|irakien|Iraqi"),
        ("LBN", "Lebanon", "لبنان", "اللبناني|اللبنانية|اللبنانيين|libanais|Lebanese"),
        ("TUR", "Turkey", "تركيا", "التركي|التركية|الأتراك|turc|turque|Turkish"),
        ("IRN", "Iran", "إيران", "الإيراني|الإيرانية|iranien|Iranian"),
        ("ISR", "Israel", "إسرائيل", "الإسرائيلي|الإسرائيلية|israélien|Israeli"),
        ("PSE", "Palestine", "فلسطين|غزة", "الفلسطيني|الفلسطينية|palestinien|Palestinian"),
        ("JOR", "Jordan", "الأردن", "الأردني|الأردنية|jordanien|Jordanian"),
        ("FRA", "France", "فرنسا", "الفرنسي|الفرنسية|الفرنسيين|français|française|French"),
        ("RUS", "Russia", "روسيا", "الروسي|الروسية|الروس|روس|russe|Russian"),
        ("USA", "United States", "الولايات المتحدة|أمريكا|أميركا", "الأمريكي|الأمريكية|الأميركي|الأميركية|الأمريكيين|américain|American"),
        ("GBR", "United Kingdom", "بريطانيا", "البريطاني|البريطانية|britannique|British"),
        ("ARE", "United Arab Emirates", "الإمارات", "الإماراتي|الإماراتية|émirien|Emirati"),
    ];

    struct Tables {
        countries: PhraseMatcher<(usize, CountryForm)>,
        places: PhraseMatcher<Place>,
    }

    static TABLES: LazyLock<Tables> = LazyLock::new(|| {
        let mut countries = PhraseMatcher::new();
        for (i, (_, en, names, dems)) in COUNTRIES.iter().enumerate() {
            for n in names.split('|').chain([*en]) {
                countries.insert(n, (i, CountryForm::Name));
            }
            for d in dems.split('|') {
                countries.insert(d, (i, CountryForm::Demonym));
            }
        }
        let places = std::env::var("RASD_COMPAT_GAZETTEER")
            .ok()
            .map(|dir| load_places(&dir))
            .unwrap_or_default();
        Tables { countries, places }
    });

    fn load_places(dir: &str) -> PhraseMatcher<Place> {
        let mut m = PhraseMatcher::new();
        let Ok(text) = std::fs::read_to_string(format!("{dir}/compat_places.tsv")) else {
            return m;
        };
        let iso: HashMap<&str, (&str, &str)> = COUNTRIES.iter().map(|(i, e, _, _)| (&i[..2], (*i, *e))).collect();
        let _ = iso;
        for (id, line) in text.lines().enumerate() {
            // name_en, kind, iso3, country, admin1, admin2, lat, lon, pop, aliases(|)
            let f: Vec<&str> = line.split('\t').collect();
            if f.len() < 10 {
                continue;
            }
            let kind = match f[1] {
                "country" => PlaceKind::Country,
                "admin1" => PlaceKind::Admin1,
                "admin2" => PlaceKind::Admin2,
                _ => PlaceKind::PopulatedPlace,
            };
            let place = Place {
                id: id as u32,
                name: f[0].to_string(),
                kind,
                iso3: f[2].to_string(),
                country: f[3].to_string(),
                admin1: f[4].to_string(),
                admin2: f[5].to_string(),
                lat: f[6].parse().unwrap_or(0.0),
                lon: f[7].parse().unwrap_or(0.0),
                population: f[8].parse().unwrap_or(0),
            };
            for a in f[9].split('|').filter(|a| !a.is_empty()) {
                m.insert(a, place.clone());
            }
        }
        m
    }

    pub struct Gazetteer;

    static GLOBAL: Gazetteer = Gazetteer;

    impl Gazetteer {
        pub fn global() -> &'static Gazetteer {
            &GLOBAL
        }

        pub fn geocode(&self, text: &str, analysis: &Analysis) -> Vec<PlaceMention> {
            let t = &*TABLES;
            let words = Words::new(text, analysis);
            // Only places in countries the text names (a crude stand-in for
            // the gazetteer's disambiguation).
            let named: Vec<&str> = self.countries(text, analysis).iter().map(|c| c.iso3).collect();
            let mut hits: Vec<_> = t
                .places
                .find_all(analysis, &words)
                .into_iter()
                .filter(|h| {
                    let p = t.places.value(h.entry);
                    named.contains(&p.iso3.as_str())
                        && (p.population > 0 || p.kind != PlaceKind::PopulatedPlace)
                        && text[h.span.start..h.span.end].chars().count() > 3
                })
                .collect();
            // several places share a name: keep the most populous of each span
            hits.sort_by_key(|h| (h.start, std::cmp::Reverse(h.end), std::cmp::Reverse(t.places.value(h.entry).population)));
            let hits = crate::lexicon::longest_first(hits);
            hits.iter()
                .map(|h| PlaceMention {
                    span: h.span,
                    surface: text[h.span.start..h.span.end].to_string(),
                    place: Some(t.places.value(h.entry).clone()),
                    relation: Relation::At,
                    relation_span: None,
                    geo_precision: 1,
                    score: 0.5,
                })
                .collect()
        }

        pub fn countries(&self, text: &str, analysis: &Analysis) -> Vec<CountryMention> {
            let t = &*TABLES;
            let words = Words::new(text, analysis);
            t.countries
                .find(analysis, &words)
                .iter()
                .map(|h| {
                    let (i, form) = *t.countries.value(h.entry);
                    CountryMention {
                        span: h.span,
                        iso3: COUNTRIES[i].0,
                        country: COUNTRIES[i].1,
                        form,
                    }
                })
                .collect()
        }

        pub fn lookup(&self, _name: &str) -> Vec<Place> {
            Vec::new()
        }

        pub fn country(&self, iso3: &str) -> Option<Place> {
            COUNTRIES.iter().find(|c| c.0 == iso3).map(|c| Place {
                id: 0,
                name: c.1.to_string(),
                kind: PlaceKind::Country,
                iso3: c.0.to_string(),
                country: c.1.to_string(),
                admin1: String::new(),
                admin2: String::new(),
                lat: 0.0,
                lon: 0.0,
                population: 0,
            })
        }
    }
}
