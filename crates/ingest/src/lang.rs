//! Which of Rasd's languages a text is written in.
//!
//! Only three languages are read, two of them in Latin script, so a full
//! language identifier is not needed: the share of Arabic letters decides
//! Arabic, and for Latin text the count of very common function words of
//! English and French (`data/stopwords.tsv`) decides between the two.

use std::collections::HashMap;
use std::sync::LazyLock;

use rasd_model::Language;

static STOPWORDS: LazyLock<HashMap<String, Language>> = LazyLock::new(|| {
    let mut map = HashMap::new();
    for (_, line) in crate::data_rows(include_str!("../data/stopwords.tsv")) {
        let Some((lang, word)) = line.split_once('\t') else {
            continue;
        };
        if let Some(lang) = Language::from_code(lang) {
            map.insert(stopword_key(word.trim()), lang);
        }
    }
    map
});

/// The form a word is compared in: lowercase with its accents kept. The
/// full fold would strip them and make every English "a" the French "à".
fn stopword_key(word: &str) -> String {
    word.to_lowercase()
}

/// How much of a long text is looked at: the language shows in the first
/// few thousand characters.
pub(crate) const SAMPLE_BYTES: usize = 16 * 1024;

/// The language of `text`, or `None` when it has no letters or its Latin
/// words are neither English nor French.
pub fn detect(text: &str) -> Option<Language> {
    let mut end = text.len().min(SAMPLE_BYTES);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let sample = &text[..end];
    let (mut arabic, mut latin) = (0usize, 0usize);
    for c in sample.chars() {
        if rasd_text::arabic::is_arabic_letter(c) {
            arabic += 1;
        } else if c.is_alphabetic() && (c.is_ascii() || ('\u{00C0}'..='\u{024F}').contains(&c)) {
            latin += 1;
        }
    }
    if arabic == 0 && latin == 0 {
        return None;
    }
    // Arabic articles quote Latin names and acronyms; a third of the
    // letters in Arabic script is already an Arabic text.
    if arabic * 2 >= latin {
        return Some(Language::Ar);
    }
    let (mut en, mut fr) = (0usize, 0usize);
    for word in sample.split(|c: char| !c.is_alphabetic()) {
        if word.is_empty() {
            continue;
        }
        match STOPWORDS.get(&stopword_key(word)) {
            Some(Language::En) => en += 1,
            Some(Language::Fr) => fr += 1,
            _ => {}
        }
    }
    match en.cmp(&fr) {
        std::cmp::Ordering::Greater => Some(Language::En),
        std::cmp::Ordering::Less => Some(Language::Fr),
        std::cmp::Ordering::Equal => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn three_languages() {
        assert_eq!(
            detect("قال مسؤول محلي إن مسلحين هاجموا قرية قرب الحدود"),
            Some(Language::Ar)
        );
        assert_eq!(
            detect("أعلنت جماعة JNIM مسؤوليتها عن الهجوم على معسكر FAMa"),
            Some(Language::Ar)
        );
        assert_eq!(
            detect("Gunmen attacked a village near the border on Sunday, the army said."),
            Some(Language::En)
        );
        assert_eq!(
            detect("Des hommes armés ont attaqué un village près de la frontière dimanche."),
            Some(Language::Fr)
        );
        assert_eq!(detect("12345 ... !!"), None);
    }

    #[test]
    fn english_a_is_not_french_a_grave() {
        // Two English function words against two articles "a": folding
        // "à" to "a" once tied this short English item and lost it.
        assert_eq!(
            detect("A bomb hit a bus near Gao on Friday, police said."),
            Some(Language::En)
        );
        assert_eq!(
            detect("Une bombe a touché un bus à Gao, selon la police."),
            Some(Language::Fr)
        );
        assert_eq!(
            detect("UNE BOMBE A TOUCHÉ UN BUS À GAO, SELON LA POLICE."),
            Some(Language::Fr)
        );
        assert_eq!(detect(""), None);
    }

    #[test]
    fn long_text_is_sampled_on_a_char_boundary() {
        // One ASCII letter first, so the sample end falls inside a letter.
        let text = format!("a{}", "ب".repeat(SAMPLE_BYTES));
        assert_eq!(detect(&text), Some(Language::Ar));
    }
}
