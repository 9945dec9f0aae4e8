use super::*;
use DateKind::{Absolute, PeriodStart, Relative};
use DatePrecision::{Day, Month, Week, Year};

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

/// Publication of the test texts: Sunday 25 September 2022.
fn pub_date() -> NaiveDate {
    d(2022, 9, 25)
}

fn found(
    text: &str,
    publication: Option<NaiveDate>,
) -> Vec<(NaiveDate, DatePrecision, DateKind, bool, &str)> {
    let a = crate::analyze(text);
    find_dates(text, &a, publication)
        .into_iter()
        .map(|r| {
            (
                r.date,
                r.precision,
                r.kind,
                r.night,
                &text[r.span.start..r.span.end],
            )
        })
        .collect()
}

#[test]
fn table_of_date_expressions() {
    let n = false;
    #[rustfmt::skip]
    let cases: &[(&str, NaiveDate, DatePrecision, DateKind, bool, &str)] = &[
        // Arabic relative
        ("قتل جنديان أمس في كمين", d(2022, 9, 24), Day, Relative, n, "أمس"),
        ("وقع الهجوم بالأمس", d(2022, 9, 24), Day, Relative, n, "بالأمس"),
        ("وقع الهجوم يوم أمس", d(2022, 9, 24), Day, Relative, n, "يوم أمس"),
        ("وصلوا البارحة إلى المدينة", d(2022, 9, 24), Day, Relative, n, "البارحة"),
        ("اندلعت الاشتباكات أول أمس", d(2022, 9, 23), Day, Relative, n, "أول أمس"),
        ("اندلعت الاشتباكات أول من أمس", d(2022, 9, 23), Day, Relative, n, "أول من أمس"),
        ("أعلن الجيش اليوم مقتل قائد", d(2022, 9, 25), Day, Relative, n, "اليوم"),
        ("انفجرت عبوة فجر اليوم", d(2022, 9, 25), Day, Relative, n, "فجر اليوم"),
        ("سقطت قذائف صباح أمس", d(2022, 9, 24), Day, Relative, n, "صباح أمس"),
        ("سقطت قذائف مساء أمس", d(2022, 9, 24), Day, Relative, n, "مساء أمس"),
        ("هاجم مسلحون القرية الليلة الماضية", d(2022, 9, 24), Day, Relative, true, "الليلة الماضية"),
        ("هاجم مسلحون القرية ليلة أمس", d(2022, 9, 24), Day, Relative, true, "ليلة أمس"),
        ("اندلعت مواجهات ليل أمس السبت", d(2022, 9, 24), Day, Relative, true, "ليل أمس السبت"),
        ("قتل ثلاثة يوم الخميس الماضي", d(2022, 9, 22), Day, Relative, n, "يوم الخميس الماضي"),
        ("قتل ثلاثة يوم الأحد الماضي", d(2022, 9, 18), Day, Relative, n, "يوم الأحد الماضي"),
        ("قتل ثلاثة يوم الأحد", d(2022, 9, 25), Day, Relative, n, "يوم الأحد"),
        ("هاجموا القرية الجمعة", d(2022, 9, 23), Day, Relative, n, "الجمعة"),
        ("وصلت التعزيزات يوم السبت", d(2022, 9, 24), Day, Relative, n, "يوم السبت"),
        ("دارت معارك ليل الاثنين إلى الثلاثاء", d(2022, 9, 19), Day, Relative, true, "ليل الاثنين إلى الثلاثاء"),
        ("دارت معارك ليلة السبت", d(2022, 9, 24), Day, Relative, true, "ليلة السبت"),
        ("انفجرت سيارة صباح الخميس", d(2022, 9, 22), Day, Relative, n, "صباح الخميس"),
        ("اعتقل عشرة الأسبوع الماضي", d(2022, 9, 15), Week, Relative, n, "الأسبوع الماضي"),
        ("اعتقل عشرة الشهر الماضي", d(2022, 8, 15), Month, Relative, n, "الشهر الماضي"),
        ("اعتقل عشرة العام الماضي", d(2021, 7, 1), Year, Relative, n, "العام الماضي"),
        ("قتل سبعة خلال الأيام السبعة الماضية", d(2022, 9, 21), Week, Relative, n, "الأيام السبعة الماضية"),
        ("قتل سبعة قبل ثلاثة أيام", d(2022, 9, 22), Day, Relative, n, "قبل ثلاثة أيام"),
        ("قتل سبعة قبل يومين", d(2022, 9, 23), Day, Relative, n, "قبل يومين"),
        ("قتل سبعة قبل أسبوع", d(2022, 9, 18), Week, Relative, n, "قبل أسبوع"),
        // Arabic absolute, Egyptian/Gulf, Levantine and Maghreb month names
        ("فر السكان من تلاتاي في 6 سبتمبر", d(2022, 9, 6), Day, Absolute, n, "6 سبتمبر"),
        ("وقع الهجوم في 6 أكتوبر", d(2021, 10, 6), Day, Absolute, n, "6 أكتوبر"),
        ("وقع الهجوم في 6 سبتمبر 2022", d(2022, 9, 6), Day, Absolute, n, "6 سبتمبر 2022"),
        ("وقع الهجوم في ٦ سبتمبر ٢٠٢٢", d(2022, 9, 6), Day, Absolute, n, "٦ سبتمبر ٢٠٢٢"),
        ("قتل 42 جنديا في هجوم 7 أغسطس", d(2022, 8, 7), Day, Absolute, n, "7 أغسطس"),
        ("قتل 42 جنديا في هجوم 7 آب", d(2022, 8, 7), Day, Absolute, n, "7 آب"),
        ("قتل 42 جنديا في السابع من آب", d(2022, 8, 7), Day, Absolute, n, "السابع من آب"),
        ("وقعت المعركة في 15 تشرين الأول 2021", d(2021, 10, 15), Day, Absolute, n, "15 تشرين الأول 2021"),
        ("وقعت المعركة في 3 كانون الثاني 2022", d(2022, 1, 3), Day, Absolute, n, "3 كانون الثاني 2022"),
        ("وقعت المعركة في 3 أيلول/سبتمبر", d(2022, 9, 3), Day, Absolute, n, "3 أيلول/سبتمبر"),
        ("نشر في 25/09/2022 على الموقع", d(2022, 9, 25), Day, Absolute, n, "25/09/2022"),
        ("نشر في 2022-09-25 على الموقع", d(2022, 9, 25), Day, Absolute, n, "2022-09-25"),
        ("نشر في 25-9-2022 على الموقع", d(2022, 9, 25), Day, Absolute, n, "25-9-2022"),
        ("نشر في ٢٥/٠٩/٢٠٢٢ على الموقع", d(2022, 9, 25), Day, Absolute, n, "٢٥/٠٩/٢٠٢٢"),
        ("الأحد 25/سبتمبر/2022 - 11:08 م", d(2022, 9, 25), Day, Absolute, n, "الأحد 25/سبتمبر/2022"),
        ("وصل يوم الثلاثاء 20 سبتمبر", d(2022, 9, 20), Day, Absolute, n, "يوم الثلاثاء 20 سبتمبر"),
        ("انسحبت القوات نهاية يونيو", d(2022, 6, 30), Month, Absolute, n, "نهاية يونيو"),
        ("انسحبت القوات أواخر مارس", d(2022, 3, 31), Month, Absolute, n, "أواخر مارس"),
        ("انسحبت القوات مطلع أغسطس", d(2022, 8, 1), Month, Absolute, n, "مطلع أغسطس"),
        ("انسحبت القوات في بداية شهر أغسطس", d(2022, 8, 1), Month, Absolute, n, "بداية شهر أغسطس"),
        ("انسحبت القوات أوائل آذار", d(2022, 3, 1), Month, Absolute, n, "أوائل آذار"),
        ("انسحبت القوات منتصف تموز", d(2022, 7, 15), Month, Absolute, n, "منتصف تموز"),
        ("انسحبت القوات في شهر أيار", d(2022, 5, 15), Month, Absolute, n, "أيار"),
        ("انسحبت القوات في مارس الماضي", d(2022, 3, 15), Month, Absolute, n, "مارس الماضي"),
        ("هاجموا المعسكر في 12 فيفري", d(2022, 2, 12), Day, Absolute, n, "12 فيفري"),
        ("هاجموا المعسكر في 3 أوت", d(2022, 8, 3), Day, Absolute, n, "3 أوت"),
        ("هاجموا المعسكر في 3 يوليوز", d(2022, 7, 3), Day, Absolute, n, "3 يوليوز"),
        ("وقع اتفاق السلام في عام 2015", d(2015, 7, 1), Year, Absolute, n, "عام 2015"),
        ("اندلعت الحرب عام ٢٠١٢", d(2012, 7, 1), Year, Absolute, n, "عام ٢٠١٢"),
        ("اندلعت الحرب في 2012", d(2012, 7, 1), Year, Absolute, n, "2012"),
        ("سقطت القذائف في ١٢ شباط", d(2022, 2, 12), Day, Absolute, n, "١٢ شباط"),
        ("سقطت القذائف في 9 نيسان 2021", d(2021, 4, 9), Day, Absolute, n, "9 نيسان 2021"),
        ("سقطت القذائف أواخر حزيران", d(2022, 6, 30), Month, Absolute, n, "أواخر حزيران"),
        ("سقطت القذائف في 2 تشرين الثاني", d(2021, 11, 2), Day, Absolute, n, "2 تشرين الثاني"),
        ("هاجموا الثكنة في 14 شتنبر", d(2022, 9, 14), Day, Absolute, n, "14 شتنبر"),
        ("هاجموا الثكنة منتصف غشت", d(2022, 8, 15), Month, Absolute, n, "منتصف غشت"),
        ("هاجموا الثكنة في 30 يونيه", d(2022, 6, 30), Day, Absolute, n, "30 يونيه"),
        ("هاجموا الثكنة في الحادي والعشرين من مايو", d(2022, 5, 21), Day, Absolute, n, "الحادي والعشرين من مايو"),
        // Arabic periods
        ("ومنذ مطلع العام قتل المئات", d(2022, 1, 1), Month, PeriodStart, n, "منذ مطلع العام"),
        ("قتل أكثر من 900 شخص منذ مارس", d(2022, 3, 1), Month, PeriodStart, n, "منذ مارس"),
        ("يتدفق الناجون منذ مارس 2022", d(2022, 3, 1), Month, PeriodStart, n, "منذ مارس 2022"),
        ("قتل 200 منذ بداية العام", d(2022, 1, 1), Month, PeriodStart, n, "منذ بداية العام"),
        ("قتل 200 منذ جانفي", d(2022, 1, 1), Month, PeriodStart, n, "منذ جانفي"),
        ("قتل 200 منذ أواخر مارس", d(2022, 3, 31), Month, PeriodStart, n, "منذ أواخر مارس"),
        ("قتل 200 منذ عام 2015", d(2015, 1, 1), Year, PeriodStart, n, "منذ عام 2015"),
        // English
        ("Gunmen killed five people yesterday", d(2022, 9, 24), Day, Relative, n, "yesterday"),
        ("The army said on Sunday that", d(2022, 9, 25), Day, Relative, n, "on Sunday"),
        ("Fighting broke out last Thursday", d(2022, 9, 22), Day, Relative, n, "last Thursday"),
        ("The convoy was hit late on Tuesday", d(2022, 9, 20), Day, Relative, n, "late on Tuesday"),
        ("Shelling resumed Sunday night", d(2022, 9, 25), Day, Relative, true, "Sunday night"),
        ("The raid happened on Oct. 3", d(2021, 10, 3), Day, Absolute, n, "Oct. 3"),
        ("The raid happened on Oct. 3, 2023", d(2023, 10, 3), Day, Absolute, n, "Oct. 3, 2023"),
        ("The raid happened on September 6", d(2022, 9, 6), Day, Absolute, n, "September 6"),
        ("Troops arrived on 6 September 2022", d(2022, 9, 6), Day, Absolute, n, "6 September 2022"),
        ("Clashes erupted earlier this month", d(2022, 9, 15), Month, Relative, n, "earlier this month"),
        ("Ten were arrested last week", d(2022, 9, 15), Week, Relative, n, "last week"),
        ("More than 900 died since March", d(2022, 3, 1), Month, PeriodStart, n, "since March"),
        ("The accord was signed in 2015", d(2015, 7, 1), Year, Absolute, n, "in 2015"),
        ("Nine died in the past seven days", d(2022, 9, 21), Week, Relative, n, "past seven days"),
        ("The bomb went off two days ago", d(2022, 9, 23), Day, Relative, n, "two days ago"),
        ("Raids intensified over the past week", d(2022, 9, 21), Week, Relative, n, "past week"),
        ("The offensive began in early March", d(2022, 3, 1), Month, Absolute, n, "early March"),
        ("The offensive ended late March", d(2022, 3, 31), Month, Absolute, n, "late March"),
        // French
        ("Des hommes armés ont tué trois civils hier", d(2022, 9, 24), Day, Relative, n, "hier"),
        ("Les combats avaient commencé la veille", d(2022, 9, 24), Day, Relative, n, "la veille"),
        ("L'attaque de dimanche a fait dix morts", d(2022, 9, 25), Day, Relative, n, "dimanche"),
        ("Des tirs dans la nuit de samedi à dimanche", d(2022, 9, 24), Day, Relative, true, "dans la nuit de samedi à dimanche"),
        ("L'attaque du 6 septembre a fait dix morts", d(2022, 9, 6), Day, Absolute, n, "6 septembre"),
        ("Les troupes sont arrivées début mars", d(2022, 3, 1), Month, Absolute, n, "début mars"),
        ("Les troupes sont parties fin juin", d(2022, 6, 30), Month, Absolute, n, "fin juin"),
        ("Plus de 300 morts depuis janvier", d(2022, 1, 1), Month, PeriodStart, n, "depuis janvier"),
        ("Dix arrestations la semaine dernière", d(2022, 9, 15), Week, Relative, n, "la semaine dernière"),
        ("Le camp a été attaqué samedi dernier", d(2022, 9, 24), Day, Relative, n, "samedi dernier"),
        ("Le camp a été attaqué le 1er mars 2022", d(2022, 3, 1), Day, Absolute, n, "1er mars 2022"),
        ("Le camp a été attaqué en 2019", d(2019, 7, 1), Year, Absolute, n, "en 2019"),
        ("Le camp a été attaqué avant-hier", d(2022, 9, 23), Day, Relative, n, "avant-hier"),
        ("Gunmen attacked the camp overnight from Monday to Tuesday", d(2022, 9, 19), Day, Relative, true, "overnight from Monday to Tuesday"),
        ("The village was raided during the night from Saturday to Sunday", d(2022, 9, 24), Day, Relative, true, "during the night from Saturday to Sunday"),
        ("Quarante combattants neutralisés au cours de la semaine écoulée", d(2022, 9, 21), Week, Relative, n, "semaine écoulée"),
        ("Douze arrestations durant les sept jours écoulés", d(2022, 9, 21), Week, Relative, n, "sept jours écoulés"),
        // Ranges of days: a week or less is week precision on the middle
        // day; a longer stretch gives the month.
        ("Onze interpellations au cours de la semaine du 12 au 18 août", d(2022, 8, 15), Week, Absolute, n, "12 au 18 août"),
        ("Strikes hit the area between 12 and 18 August", d(2022, 8, 15), Week, Absolute, n, "12 and 18 August"),
        ("Raids were carried out from 3 to 5 September", d(2022, 9, 4), Week, Absolute, n, "3 to 5 September"),
        ("Raids were carried out on 3-5 September 2021", d(2021, 9, 4), Week, Absolute, n, "3-5 September 2021"),
        ("Des opérations menées du 2 au 20 juillet", d(2022, 7, 15), Month, Absolute, n, "2 au 20 juillet"),
        ("نفذت الغارات في الفترة من 12 إلى 18 أغسطس", d(2022, 8, 15), Week, Absolute, n, "12 إلى 18 أغسطس"),
    ];
    assert!(cases.len() >= 60);
    let mut failures = Vec::new();
    for &(text, date, precision, ref kind, night, span) in cases {
        let got = found(text, Some(pub_date()));
        let want = (date, precision, kind.clone(), night, span);
        if got.first() != Some(&want) {
            failures.push(format!("{text}: got {got:?}"));
        }
    }
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn words_that_only_look_like_dates() {
    let cases = [
        "مارس الجيش ضغوطا كبيرة على السكان",
        "قال أب الضحية إن ابنه خطف",
        "قال أحد الشهود إن الوضع هادئ",
        "وفي ذلك اليوم، تحولت البلدة إلى ساحة معركة",
        "The protesters may march to the capital",
        "نشر الجيش 300 جندي في المنطقة",
        "أطلق سراح اثنين من الرهائن",
        "وتفرض الجماعة منذ أشهر حصارا على المدينة",
        "نواكشوط – «الساحل اليوم» – قتل جنديان",
    ];
    let failures: Vec<String> = cases
        .iter()
        .filter_map(|t| {
            let got = found(t, Some(pub_date()));
            (!got.is_empty()).then(|| format!("{t}: {got:?}"))
        })
        .collect();
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn without_publication_date() {
    let text = "وقع الهجوم في 6 سبتمبر أمس، بعد اتفاق عام 2015.";
    let got = found(text, None);
    assert_eq!(
        got,
        vec![
            (d(2015, 9, 6), Day, Absolute, false, "6 سبتمبر"),
            (d(2015, 7, 1), Year, Absolute, false, "عام 2015"),
        ]
    );
    assert_eq!(found("قتل خمسة أمس في 6 سبتمبر", None), vec![]);
}

#[test]
fn data_files_are_well_formed() {
    for (i, line) in include_str!("../../data/dates.tsv").lines().enumerate() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        assert!(
            parse_phrase_row(line).is_some(),
            "dates.tsv line {}: {line:?}",
            i + 1
        );
    }
    assert_eq!(
        LEX.weekdays
            .values()
            .collect::<std::collections::HashSet<_>>()
            .len(),
        7
    );
    assert_eq!(
        numbered_rows(include_str!("../../data/day_ordinals.tsv")).len(),
        34
    );
}
