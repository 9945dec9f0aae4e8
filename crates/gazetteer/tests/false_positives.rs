//! Common words that are also the names of some village must not become
//! places; country names that are also words must not become countries.

use rasd_gazetteer::{CountryForm, Gazetteer};

fn places(text: &str) -> Vec<String> {
    Gazetteer::global()
        .geocode(text, &rasd_text::analyze(text))
        .into_iter()
        .map(|m| m.surface)
        .collect()
}

fn countries(text: &str) -> Vec<(&'static str, CountryForm)> {
    Gazetteer::global()
        .countries(text, &rasd_text::analyze(text))
        .into_iter()
        .map(|c| (c.iso3, c.form))
        .collect()
}

#[test]
fn common_arabic_words_are_not_places() {
    for text in [
        "قال المتحدث إن الأمن مستتب في المدينة، كما أكد أن المنطقة هادئة.",
        "وأضاف أن الاجتماع بين الطرفين تم في إطار الحوار، وأن السلام ممكن.",
        "أطلق الجنود النار في الهواء بعد فترة وجيزة من وصول الكيان الجديد.",
        "وقعت الاشتباكات قبل أن تتدخل القوات، ثم انسحب المسلحون نحو الشرق.",
        "نصب المقاتلون كمينا لقافلة ثم قتلوا سائقا وسرقوا الشاحنات.",
        "أصدرت المحكمة حكما على محمد وأحمد وعلي بتهمة الفساد.",
        "شاركت لجان المقاومة في المواكب بعد لقاء الوفد.",
    ] {
        assert!(places(text).is_empty(), "{text}: {:?}", places(text));
    }
}

#[test]
fn common_latin_words_are_not_places() {
    for text in [
        "Will the army return? Are the talks over? May brings the rains.",
        "The police said the attack was over by Sunday.",
        "La police a dit que l'attaque était terminée dimanche.",
        "Police officer Abdullahi Farah told reporters that Ahmed Kano had left.",
    ] {
        assert!(places(text).is_empty(), "{text}: {:?}", places(text));
    }
}

#[test]
fn mali_the_country_and_mali_the_adjective() {
    assert_eq!(countries("قدمت الحكومة دعم مالي للمزارعين."), []);
    assert_eq!(countries("أعلنت وزارة المالية عن عجز مالي كبير."), []);
    assert_eq!(
        countries("قتل جنود في شمال مالي."),
        [("MLI", CountryForm::Name)]
    );
    assert_eq!(
        countries("مالي: مقتل جنود في هجوم."),
        [("MLI", CountryForm::Name)]
    );
    assert_eq!(
        countries("أعلن الجيش المالي مقتل جنود."),
        [("MLI", CountryForm::Demonym)]
    );
    assert_eq!(
        countries("قتل جنود ماليون في كمين قرب الحدود."),
        [("MLI", CountryForm::Demonym)]
    );
    // With the country named elsewhere, an adjective after any noun counts.
    let c = countries("وصل الوفد إلى مالي، وقابل باحثا ماليا في العاصمة.");
    assert_eq!(
        c,
        [("MLI", CountryForm::Name), ("MLI", CountryForm::Demonym)]
    );
    assert!(places("قدمت الحكومة دعم مالي للمزارعين.").is_empty());
}

#[test]
fn niger_nigeria_and_the_river() {
    assert_eq!(
        countries("قال الجيش النيجري إن"),
        [("NER", CountryForm::Demonym)]
    );
    assert_eq!(
        countries("قال الجيش النيجيري إن"),
        [("NGA", CountryForm::Demonym)]
    );
    assert_eq!(
        countries("وصلت القوات إلى النيجر."),
        [("NER", CountryForm::Name)]
    );
    assert_eq!(countries("تقع البلدة على نهر النيجر."), []);
    assert_eq!(
        countries("les soldats nigériens et les soldats nigérians"),
        [("NER", CountryForm::Demonym), ("NGA", CountryForm::Demonym)]
    );
    assert_eq!(
        countries("Nigerien troops and Nigerian troops"),
        [("NER", CountryForm::Demonym), ("NGA", CountryForm::Demonym)]
    );
}

#[test]
fn demonyms_in_three_languages() {
    let c = countries(
        "قال مسؤول سوري إن مقاتلين عراقيين ويمنيين وصلوا، وإن البوركينيين والصوماليين غادروا.",
    );
    let iso: Vec<&str> = c.iter().map(|x| x.0).collect();
    assert_eq!(iso, ["SYR", "IRQ", "YEM", "BFA", "SOM"]);
    assert!(c.iter().all(|x| x.1 == CountryForm::Demonym));
    let c = countries("Des soldats maliens et burkinabè ont été tués; a Burkinabe officer and Malian, Sudanese and Libyan sources.");
    let iso: Vec<&str> = c.iter().map(|x| x.0).collect();
    assert_eq!(iso, ["MLI", "BFA", "BFA", "MLI", "SDN", "LBY"]);
    assert_eq!(countries("the chad and the us"), []);
}

#[test]
fn the_maghreb_and_evening_prayer_are_not_morocco() {
    assert_eq!(countries("اجتمع وزراء دول المغرب العربي."), []);
    assert_eq!(countries("خرج المصلون بعد صلاة المغرب."), []);
    assert_eq!(
        countries("زار الوزير المغرب."),
        [("MAR", CountryForm::Name)]
    );
}
