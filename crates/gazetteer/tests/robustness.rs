//! Odd input never panics, and every span points into the original text.

use rasd_gazetteer::Gazetteer;

fn check(text: &str) {
    let g = Gazetteer::global();
    let a = rasd_text::analyze(text);
    for m in g.geocode(text, &a) {
        let s = text
            .get(m.span.start..m.span.end)
            .expect("span on char boundaries");
        assert_eq!(s, m.surface);
        if let Some(r) = m.relation_span {
            assert!(text.get(r.start..r.end).is_some());
            assert!(r.end <= m.span.start, "relation before the name");
        }
        assert!((0.0..=1.0).contains(&m.score));
    }
    for c in g.countries(text, &a) {
        assert!(text.get(c.span.start..c.span.end).is_some());
    }
}

#[test]
fn odd_inputs() {
    check("");
    check(" \n\t ");
    check("،،،...؟!");
    check("\u{0000}\u{0001}\u{FFFD}\u{FFFD} جاو \u{0007}");
    check("ج\u{200F}ا\u{202B}و وميناكا\u{200D}");
    check("بـ");
    check("و");
    check("ال");
    check("للل");
    check("150 كم");
    check("كم شرق");
    check("على بعد 99999999999999999999999 كم شرق جاو");
    check("north of");
    check("the town of");
    check("بلدة");
    check("قرية قرية قرية");
    check("N'");
    check("'''---'''");
    check("مَدِينَةُ غَاوْ");
    check("ﻣﺪﻳﻨﺔ ﺟﺎﻭ");
}

#[test]
fn bidi_and_diacritics_do_not_hide_names() {
    let g = Gazetteer::global();
    for text in ["في مَدِينَةِ جَاوْ", "في جا\u{200C}و", "في ﺟﺎﻭ"] {
        let found = g.geocode(text, &rasd_text::analyze(text));
        assert!(
            found
                .iter()
                .any(|m| m.place.as_ref().is_some_and(|p| p.name == "Gao")),
            "{text:?}: {found:#?}"
        );
    }
}

#[test]
fn a_large_text() {
    let mut text = String::new();
    for i in 0..20_000 {
        text.push_str(if i % 3 == 0 {
            "هاجم مسلحون بلدة تيسيت قرب جاو، "
        } else {
            "وقالت مصادر محلية إن الوضع هادئ. "
        });
    }
    let g = Gazetteer::global();
    let found = g.geocode(&text, &rasd_text::analyze(&text));
    assert_eq!(found.len(), 2 * 6667);
}
