use super::*;
use NumberQualifier::*;

fn found(text: &str) -> Vec<(u64, NumberQualifier, bool, &str)> {
    let a = crate::analyze(text);
    find_quantities(text, &a)
        .into_iter()
        .map(|q| {
            (
                q.value,
                q.qualifier,
                q.vague,
                &text[q.span.start..q.span.end],
            )
        })
        .collect()
}

/// One expression per sentence: the first quantity found must be this.
#[test]
fn table_of_number_expressions() {
    let cases: &[(&str, u64, NumberQualifier, bool, &str)] = &[
        // digits, both scripts, separators
        ("قتل 23 جنديا في الهجوم", 23, Exact, false, "23"),
        ("قتل ٢٣ جنديا في الهجوم", 23, Exact, false, "٢٣"),
        ("نزح 1,200 شخص من القرية", 1200, Exact, false, "1,200"),
        ("نزح ١٬٢٠٠ شخص من القرية", 1200, Exact, false, "١٬٢٠٠"),
        ("نزح ۱۲۰۰ شخص من القرية", 1200, Exact, false, "۱۲۰۰"),
        (
            "Plus de 1.200 personnes ont fui",
            1200,
            MoreThan,
            false,
            "Plus de 1.200",
        ),
        (
            "Environ 10 000 déplacés sont arrivés",
            10000,
            Approx,
            false,
            "Environ 10 000",
        ),
        ("فر 3 آلاف مدني من المعارك", 3000, Exact, false, "3 آلاف"),
        ("فر ٣ آلاف مدني من المعارك", 3000, Exact, false, "٣ آلاف"),
        (
            "تضرر 2.5 مليون شخص من الجفاف",
            2_500_000,
            Exact,
            false,
            "2.5 مليون",
        ),
        (
            "Some 2.5 million people need aid",
            2_500_000,
            Approx,
            false,
            "Some 2.5 million",
        ),
        ("نزح 30 ألف شخص", 30000, Exact, false, "30 ألف"),
        // Arabic words: units, gender, case
        ("قتل ثلاثة جنود", 3, Exact, false, "ثلاثة"),
        ("قتلت ثلاث نساء", 3, Exact, false, "ثلاث"),
        ("أصيب اثنان من الحراس", 2, Exact, false, "اثنان"),
        ("اعتقل اثنين من المشتبه بهم", 2, Exact, false, "اثنين"),
        ("أصيبت اثنتين من الفتيات", 2, Exact, false, "اثنتين"),
        ("قتل جندي واحد", 1, Exact, false, "واحد"),
        ("قتل عشرة مدنيين", 10, Exact, false, "عشرة"),
        ("قتل سبعة من عناصر الشرطة", 7, Exact, false, "سبعة"),
        ("قتل ثمانية أشخاص", 8, Exact, false, "ثمانية"),
        ("قتل تسعة جنود", 9, Exact, false, "تسعة"),
        // teens
        ("قتل أحد عشر جنديا", 11, Exact, false, "أحد عشر"),
        ("قتلت إحدى عشرة امرأة", 11, Exact, false, "إحدى عشرة"),
        ("قتل اثنا عشر جنديا", 12, Exact, false, "اثنا عشر"),
        ("عثر على اثني عشر جثة", 12, Exact, false, "اثني عشر"),
        ("قتل ثلاثة عشر مسلحا", 13, Exact, false, "ثلاثة عشر"),
        ("قتل سبعة عشر مسلحا", 17, Exact, false, "سبعة عشر"),
        ("قتل خمستاشر واحد", 15, Exact, false, "خمستاشر"),
        // tens, case endings, و conjunction, clitics
        ("قتل ثلاثون مدنيا", 30, Exact, false, "ثلاثون"),
        ("قتل ثلاثين مدنيا", 30, Exact, false, "ثلاثين"),
        ("قتل خمسة وعشرين شخصا", 25, Exact, false, "خمسة وعشرين"),
        ("قتل خمسة و عشرون شخصا", 25, Exact, false, "خمسة و عشرون"),
        ("قتل جنديان وثلاثة مدنيين", 3, Exact, false, "ثلاثة"),
        ("قتل 30 مدنيا", 30, Exact, false, "30"),
        ("قتل جنديان و17 مسلحا", 17, Exact, false, "17"),
        ("انتهى الهجوم ب20 قتيلا", 20, Exact, false, "20"),
        ("قتل تلاتين واحد", 30, Exact, false, "تلاتين"),
        // hundreds and thousands
        ("نزح مئة شخص", 100, Exact, false, "مئة"),
        ("نزح مائة وخمسون شخصا", 150, Exact, false, "مائة وخمسون"),
        ("نزح مئتان من السكان", 200, Exact, false, "مئتان"),
        ("نزح مئتين من السكان", 200, Exact, false, "مئتين"),
        ("نزح ثلاثمئة شخص", 300, Exact, false, "ثلاثمئة"),
        ("نزح ثلاث مئة شخص", 300, Exact, false, "ثلاث مئة"),
        (
            "نزح خمسمائة وخمسة وعشرون شخصا",
            525,
            Exact,
            false,
            "خمسمائة وخمسة وعشرون",
        ),
        ("فر ألف شخص", 1000, Exact, false, "ألف"),
        ("فر ألفا شخص", 1000, Exact, false, "ألفا"),
        ("فر ألفين من السكان", 2000, Exact, false, "ألفين"),
        ("فر ألفان من السكان", 2000, Exact, false, "ألفان"),
        ("فر ثلاثة آلاف شخص", 3000, Exact, false, "ثلاثة آلاف"),
        ("فر عشرة آلاف شخص", 10000, Exact, false, "عشرة آلاف"),
        (
            "فر ثلاثة آلاف وخمسمئة شخص",
            3500,
            Exact,
            false,
            "ثلاثة آلاف وخمسمئة",
        ),
        ("فر ألف ومئتا شخص", 1200, Exact, false, "ألف ومئتا"),
        ("فر عشرون ألفا", 20000, Exact, false, "عشرون ألفا"),
        ("تضرر مليونا شخص", 1_000_000, Exact, false, "مليونا"),
        ("تضرر مليونين شخص", 2_000_000, Exact, false, "مليونين"),
        // vague
        ("قتل عشرات المدنيين", 12, Approx, true, "عشرات"),
        ("قتل العشرات في القصف", 12, Approx, true, "العشرات"),
        ("نزح مئات الأسر", 100, Approx, true, "مئات"),
        ("نزح آلاف السكان", 1000, Approx, true, "آلاف"),
        (
            "نزح عشرات الآلاف من السكان",
            10000,
            Approx,
            true,
            "عشرات الآلاف",
        ),
        ("قتل بضعة جنود", 3, Approx, true, "بضعة"),
        ("قتل بضع نساء", 3, Approx, true, "بضع"),
        ("أصيب عدة أشخاص", 10, Approx, true, "عدة"),
        ("أصيب عدد من الأشخاص", 10, Approx, true, "عدد من"),
        ("قتل العديد من الرجال", 10, Approx, true, "العديد"),
        // Arabic qualifiers
        (
            "قتل ما لا يقل عن 30 مدنيا",
            30,
            AtLeast,
            false,
            "ما لا يقل عن 30",
        ),
        (
            "قتل 30 مدنيا على الأقل",
            30,
            AtLeast,
            false,
            "30 مدنيا على الأقل",
        ),
        (
            "قتل على الأقل ثلاثين مدنيا",
            30,
            AtLeast,
            false,
            "على الأقل ثلاثين",
        ),
        ("قتل أكثر من 900 شخص", 900, MoreThan, false, "أكثر من 900"),
        (
            "قتل ما يزيد على مئة شخص",
            100,
            MoreThan,
            false,
            "ما يزيد على مئة",
        ),
        (
            "قتل ما يزيد عن ٤٠ شخصا",
            40,
            MoreThan,
            false,
            "ما يزيد عن ٤٠",
        ),
        ("قتل نحو 50 شخصا", 50, Approx, false, "نحو 50"),
        ("قتل حوالي خمسين شخصا", 50, Approx, false, "حوالي خمسين"),
        ("قتل قرابة عشرين شخصا", 20, Approx, false, "قرابة عشرين"),
        ("قتل زهاء مئتي شخص", 200, Approx, false, "زهاء مئتي"),
        ("قتل ما يقارب 70 شخصا", 70, Approx, false, "ما يقارب 70"),
        ("قتل 70 شخصا تقريبا", 70, Approx, false, "70 شخصا تقريبا"),
        ("قتل أقل من عشرة أشخاص", 10, AtMost, false, "أقل من عشرة"),
        (
            "بلغ عدد المفقودين ما يتجاوز 40 طالبا",
            40,
            MoreThan,
            false,
            "ما يتجاوز 40",
        ),
        ("قتل ثلاثين ونيف", 30, MoreThan, false, "ثلاثين ونيف"),
        ("قتل بنحو عشرين شخصا", 20, Approx, false, "بنحو عشرين"),
        // English
        (
            "At least 30 civilians were killed",
            30,
            AtLeast,
            false,
            "At least 30",
        ),
        (
            "More than 900 people died",
            900,
            MoreThan,
            false,
            "More than 900",
        ),
        (
            "about twenty-five soldiers died",
            25,
            Approx,
            false,
            "about twenty-five",
        ),
        (
            "nearly one hundred and five people",
            105,
            Approx,
            false,
            "nearly one hundred and five",
        ),
        (
            "two thousand five hundred fled",
            2500,
            Exact,
            false,
            "two thousand five hundred",
        ),
        ("dozens of people were hurt", 12, Approx, true, "dozens"),
        ("several soldiers were hurt", 10, Approx, true, "several"),
        ("a dozen fighters surrendered", 12, Approx, false, "a dozen"),
        ("a few villagers escaped", 3, Approx, true, "a few"),
        ("hundreds of families fled", 100, Approx, true, "hundreds"),
        (
            "tens of thousands fled",
            10000,
            Approx,
            true,
            "tens of thousands",
        ),
        (
            "seventeen soldiers were killed",
            17,
            Exact,
            false,
            "seventeen",
        ),
        ("up to 40 people died", 40, AtMost, false, "up to 40"),
        // French
        (
            "au moins dix-sept soldats ont été tués",
            17,
            AtLeast,
            false,
            "au moins dix-sept",
        ),
        (
            "vingt et un civils ont été tués",
            21,
            Exact,
            false,
            "vingt et un",
        ),
        (
            "quatre-vingt-dix personnes ont fui",
            90,
            Exact,
            false,
            "quatre-vingt-dix",
        ),
        (
            "soixante et onze morts",
            71,
            Exact,
            false,
            "soixante et onze",
        ),
        ("quatre-vingts blessés", 80, Exact, false, "quatre-vingts"),
        ("trois cents déplacés", 300, Exact, false, "trois cents"),
        (
            "une vingtaine de civils",
            20,
            Approx,
            false,
            "une vingtaine",
        ),
        ("une dizaine de soldats", 10, Approx, false, "une dizaine"),
        (
            "une centaine de personnes",
            100,
            Approx,
            false,
            "une centaine",
        ),
        ("des dizaines de morts", 12, Approx, true, "dizaines"),
        ("plusieurs soldats blessés", 10, Approx, true, "plusieurs"),
        (
            "plusieurs centaines d'habitants",
            100,
            Approx,
            true,
            "plusieurs centaines",
        ),
        (
            "several hundred people fled",
            100,
            Approx,
            true,
            "several hundred",
        ),
        ("فر بضعة آلاف من السكان", 3000, Approx, true, "بضعة آلاف"),
        ("فر مئات الآلاف من السكان", 100_000, Approx, true, "مئات الآلاف"),
        (
            "plus d'une centaine de morts",
            100,
            MoreThan,
            false,
            "plus d'une centaine",
        ),
        (
            "environ deux mille déplacés",
            2000,
            Approx,
            false,
            "environ deux mille",
        ),
    ];
    assert!(cases.len() >= 60);
    let mut failures = Vec::new();
    for &(text, value, qual, vague, span) in cases {
        let got = found(text);
        if got.first() != Some(&(value, qual, vague, span)) {
            failures.push(format!("{text}: got {got:?}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// Numbers that are not counts are left out.
#[test]
fn non_counts_are_skipped() {
    let cases = [
        "وقع الهجوم في 6 سبتمبر 2022",
        "الأحد 25/سبتمبر/2022 - 11:08 م",
        "نشر في 25/09/2022 على الموقع",
        "التاريخ 2022-09-25 صباحا",
        "منذ عام 2015 والوضع متوتر",
        "In 2019, the army withdrew.",
        "ارتفعت الأسعار 30% هذا العام",
        "ارتفعت الأسعار ٣٠٪ هذا العام",
        "ارتفعت بنسبة عشرة في المئة",
        "تقع البلدة على بعد 150 كم شرق غاو",
        "استمر الحصار 48 ساعة",
        "استمرت المعارك ثلاثة أيام",
        "the 21st brigade moved",
        "le 1er bataillon",
        "أصدر المجلس القرار رقم 2100",
        "بلغت قيمة الصفقة 500 دولار",
        "وقع الهجوم يوم الاثنين",
        "the meeting began at 11:30 on Sept. 25",
        "قطع مسافة 3.5 في الطريق",
        "قال أحد الشهود إن الوضع هادئ",
        "un soldat a été blessé",
        "صدر في 1444 هـ كتاب",
        "Publié le 19/10/2021 à 15h32",
        "an F-16 crashed",
        "The 12-year conflict has displaced families.",
        "The rules require a one-year notice.",
        "The army moved north to seize the town and the bridge that was held by the rebels.",
        "الرياض – «الخليج 365» – أعلن التحالف",
        "قتل مسلحون خلال الأيام السبعة الماضية",
    ];
    let failures: Vec<String> = cases
        .iter()
        .filter_map(|text| {
            let got = found(text);
            (!got.is_empty()).then(|| format!("{text}: got {got:?}"))
        })
        .collect();
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn several_numbers_in_one_sentence() {
    let text = "قتل 42 جنديا وعشرة مدنيين، وأصيب ما لا يقل عن ١٥ آخرين في هجوم 7 أغسطس.";
    let got = found(text);
    assert_eq!(
        got,
        vec![
            (42, Exact, false, "42"),
            (10, Exact, false, "عشرة"),
            (15, AtLeast, false, "ما لا يقل عن ١٥"),
        ]
    );
}

#[test]
fn data_files_are_well_formed() {
    for (name, src) in [
        ("numbers_ar.tsv", include_str!("../../data/numbers_ar.tsv")),
        ("numbers_en.tsv", include_str!("../../data/numbers_en.tsv")),
        ("numbers_fr.tsv", include_str!("../../data/numbers_fr.tsv")),
    ] {
        for (i, line) in src.lines().enumerate() {
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            assert!(parse_row(line).is_some(), "{name} line {}: {line:?}", i + 1);
        }
    }
    for (i, line) in include_str!("../../data/qualifiers.tsv")
        .lines()
        .enumerate()
    {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        assert!(
            parse_qualifier(line).is_some(),
            "qualifiers.tsv line {}",
            i + 1
        );
    }
}

/// Number words in Arabic presentation forms (text extracted from PDFs or
/// old pages) or behind a bidi mark are read like the base letters.
#[test]
fn number_words_in_presentation_forms() {
    assert_eq!(
        found("قتل \u{FEA5}\u{FEE1}\u{FEB1}\u{FE93} جنود في الهجوم"),
        vec![(5, Exact, false, "\u{FEA5}\u{FEE1}\u{FEB1}\u{FE93}")]
    );
    assert_eq!(found("قتل \u{200f}خمسة جنود")[0].0, 5);
}

/// The month check of the number reader (keys the tokens already hold)
/// agrees with `months::month_number` on every word, clitics included.
#[test]
fn month_check_agrees_with_month_number() {
    let text = "وفي بسبتمبر وسبتمبر لأيلول ولأيلول كانون الثاني وبكانون مارس بمارس \
        وفبراير فبراير، أوت وأوت جانفي ببغداد الشهر الماضي March mars Sept. août Août \
        May may juillet وللمارس وبيونيو بالمحرم";
    let a = crate::analyze(text);
    let ws = crate::words::words(text, &a);
    let mut months = 0;
    for (j, w) in ws.iter().enumerate() {
        let slow = w.is_word()
            && (crate::months::month_number(w.stem).is_some()
                || crate::months::month_number(w.key()).is_some()
                || crate::months::starts_two_word_month(w.stem));
        assert_eq!(is_month_word(&ws, j), slow, "{}", w.raw());
        months += usize::from(slow);
    }
    assert!(months >= 15, "{months}");
}

/// The language of a text's Latin words (found lazily, when a Latin number
/// word first asks) decides between the lexicons: "millions" is a vague
/// count in English and a multiplier in French.
#[test]
fn latin_words_are_read_in_the_text_language() {
    let fr =
        "Selon le bilan de la mission, des millions de personnes ont fui la ville et les combats.";
    assert_eq!(found(fr), [(1_000_000, Exact, false, "millions")]);
    let en = "The report said that the mission counted millions of people who fled the town and the fighting.";
    assert_eq!(found(en), [(1_000_000, Approx, true, "millions")]);
    // An Arabic text never asks, and keeps its Latin words unread.
    let ar = "قتل سبعة جنود في هجوم على بلدة قرب الحدود";
    assert_eq!(found(ar), [(7, Exact, false, "سبعة")]);
}
