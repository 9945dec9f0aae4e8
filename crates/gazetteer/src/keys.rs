//! Match keys of place names, built exactly as the text layer keys words.
//!
//! A name is split into words where the tokenizer of `rasd-text` would split
//! it (letters and marks make words; spaces, punctuation, digits separate
//! them) and each character is folded with [`rasd_text::fold::fold_char`], so
//! a name's key and the `key` of the text tokens meet on the same string.
//! On top of the text layer's folding, Persian گ and ڭ (a "g" in many
//! transliterated names) fold to غ.
//!
//! The *loose* key is a second, lossier key used only for names of
//! transliterated places (the Sahel, West and East Africa, the curated
//! aliases): the letters that stand for g and k (ج غ ق گ ك) merge, long
//! vowels after the first letter (ا و ي) are dropped and doubled letters
//! collapse, so جورما meets غورما and أنسنكو meets أنسونغو.

use std::borrow::Cow;

/// Folds `name` into its words (each folded). Empty words are skipped.
pub fn name_words(name: &str) -> Vec<String> {
    let mut words = Vec::new();
    let mut cur = String::new();
    let mut cur_is_number = false;
    for c in name.chars() {
        let is_number = c.is_numeric();
        let is_word = c.is_alphabetic() || is_mark(c);
        if rasd_text::fold::is_invisible(c) && !c.is_whitespace() {
            continue;
        }
        if is_word || is_number {
            if !cur.is_empty() && cur_is_number != is_number {
                words.push(std::mem::take(&mut cur));
            }
            cur_is_number = is_number;
            fold_into(c, &mut cur);
        } else if !cur.is_empty() {
            words.push(std::mem::take(&mut cur));
        }
    }
    if !cur.is_empty() {
        words.push(cur);
    }
    words.retain(|w| !w.is_empty());
    words
}

fn is_mark(c: char) -> bool {
    rasd_text::arabic::is_arabic_mark(c) || matches!(c, '\u{0300}'..='\u{036F}')
}

fn fold_into(c: char, out: &mut String) {
    match c {
        'گ' | 'ڭ' | 'ڠ' => out.push('غ'),
        _ => rasd_text::fold::fold_char(c, out),
    }
}

/// The key of a text token as the gazetteer sees it: the token's `key`,
/// with the few extra foldings above applied when needed.
#[inline]
pub fn token_key(key: &str) -> Cow<'_, str> {
    // All three letters are encoded 0xDA 0x..: look for that byte first.
    if has_byte_da(key.as_bytes()) && key.contains(['گ', 'ڭ', 'ڠ']) {
        Cow::Owned(key.replace(['گ', 'ڭ', 'ڠ'], "غ"))
    } else {
        Cow::Borrowed(key)
    }
}

/// Whether `b` holds the byte 0xDA, eight bytes at a time (keys are a few
/// bytes, too short for `memchr`, and every word of a text is asked). The
/// odd bytes at the end are read as the last eight bytes (overlapping), a
/// key under eight bytes as its first and last four.
#[inline]
fn has_byte_da(b: &[u8]) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGHS: u64 = 0x8080_8080_8080_8080;
    // A zero byte of `v ^ 0xDA…` is a 0xDA byte of `v`.
    let has = |v: u64| {
        let v = v ^ (ONES * 0xDA);
        v.wrapping_sub(ONES) & !v & HIGHS != 0
    };
    if let Some(last) = b.last_chunk::<8>() {
        let mut chunks = b.chunks_exact(8);
        for c in chunks.by_ref() {
            let mut w = [0u8; 8];
            w.copy_from_slice(c);
            if has(u64::from_le_bytes(w)) {
                return true;
            }
        }
        has(u64::from_le_bytes(*last))
    } else if let (Some(lo), Some(hi)) = (b.first_chunk::<4>(), b.last_chunk::<4>()) {
        has(u64::from(u32::from_le_bytes(*lo)) | u64::from(u32::from_le_bytes(*hi)) << 32)
    } else {
        b.contains(&0xDA)
    }
}

/// Whether a folded word is Arabic script.
#[inline]
pub fn is_arabic(word: &str) -> bool {
    // The first character from its bytes: an ASCII byte is no Arabic
    // letter, and the Arabic block is two bytes (every word is asked).
    match word.as_bytes() {
        [] => return false,
        [b, ..] if b.is_ascii() => return false,
        // Most Arabic words begin with a letter of U+0620..U+063F (D8 A0 to
        // D8 BF) or U+0641..U+064A (D9 81 to D9 8A), all letters: answered
        // without the full list of ranges.
        [0xD8, 0xA0..=0xBF, ..] | [0xD9, 0x81..=0x8A, ..] => return true,
        &[b0 @ 0xD8..=0xDB, b1, ..] => {
            let c = u32::from(b0 & 0x1F) << 6 | u32::from(b1 & 0x3F);
            return char::from_u32(c).is_some_and(rasd_text::arabic::is_arabic_letter);
        }
        _ => {}
    }
    word.chars()
        .next()
        .is_some_and(rasd_text::arabic::is_arabic_letter)
}

/// The loose form of one folded Arabic word (see the module doc).
pub fn loose_word(word: &str, out: &mut String) {
    loose_chars(word, |c| out.push(c));
}

/// Hands the characters of the loose form of `word` to `emit`, in order:
/// [`loose_word`] writes them, [`loose_word_hash`] hashes them without
/// writing the key.
#[inline]
fn loose_chars(word: &str, mut emit: impl FnMut(char)) {
    let mut chars = word.chars();
    // The first letter is kept, vowel or not (ه too: it reads as a long
    // vowel only after the first letter).
    let Some(first) = chars.next() else {
        return;
    };
    let mut prev = match first {
        'ج' | 'غ' | 'ق' | 'ك' => 'ج',
        c => c,
    };
    emit(prev);
    for c in chars {
        let c = match c {
            'ج' | 'غ' | 'ق' | 'ك' => 'ج',
            'ا' | 'و' | 'ي' | 'ه' => continue,
            c => c,
        };
        if c != prev {
            emit(c);
            prev = c;
        }
    }
}

/// A hash of the characters of a one-word loose key, as
/// [`loose_word_hash`] computes it from the word it comes from (see
/// [`crate::index::FirstWords`]).
#[inline]
pub fn loose_key_hash(key: &str) -> u64 {
    key.chars().fold(0, char_hash_step)
}

/// [`loose_key_hash`] of the loose form of `word`, without building it.
#[inline]
pub fn loose_word_hash(word: &str) -> u64 {
    let mut h = 0;
    loose_chars(word, |c| h = char_hash_step(h, c));
    h
}

#[inline(always)]
fn char_hash_step(h: u64, c: char) -> u64 {
    (h.rotate_left(5) ^ u64::from(c)).wrapping_mul(0x517c_c1b7_2722_0a95)
}

/// The loose key of a sequence of folded words, or `None` when a word is
/// not Arabic.
pub fn loose_key<'a>(words: impl IntoIterator<Item = &'a str>) -> Option<String> {
    let mut out = String::new();
    for w in words {
        if !is_arabic(w) {
            return None;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        loose_word(w, &mut out);
    }
    Some(out)
}

/// The loose key an Arabic spelling of a Latin (French or English)
/// transliterated name would have: Bourem → برم, as بوريم has. For places
/// of the Sahel, West and East Africa that GeoNames names in Latin only,
/// so that the press's Arabic spellings meet them without a curated alias
/// for each. `words` are folded Latin words (see [`name_words`]).
///
/// Consonants map to the letter Arabic writes for them, after the loose
/// merges (g, k, q, c before a hard vowel → ج; ch, sh → ش; kh → خ; dj,
/// j → ج; v → ف; p → ب); vowels, w, y and a later h vanish as long vowels
/// do in [`loose_word`]; a word that opens with a vowel opens with ا.
/// Returns `None` for a name that is not plain Latin letters.
pub fn latin_loose<'a>(words: impl IntoIterator<Item = &'a str>) -> Option<String> {
    let mut out = String::new();
    for w in words {
        if w.is_empty() || !w.bytes().all(|b| b.is_ascii_lowercase()) {
            return None;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        let start = out.len();
        let b = w.as_bytes();
        let mut i = 0;
        let mut prev: Option<char> = None;
        let mut push = |c: char, out: &mut String| {
            if prev != Some(c) {
                out.push(c);
                prev = Some(c);
            }
        };
        while i < b.len() {
            let c = b[i];
            let next = b.get(i + 1).copied();
            let first = out.len() == start;
            let (arabic, len) = match (c, next) {
                (b'c' | b's', Some(b'h')) => (Some('ش'), 2),
                (b'k', Some(b'h')) => (Some('خ'), 2),
                (b'g', Some(b'h')) => (Some('ج'), 2),
                (b'p', Some(b'h')) => (Some('ف'), 2),
                (b't', Some(b'h')) => (Some('ت'), 2),
                (b'd', Some(b'j' | b'z')) => (Some('ج'), 2),
                (b't', Some(b'c')) if b.get(i + 2) == Some(&b'h') => (Some('ش'), 3),
                (b'q' | b'g', Some(b'u')) if matches!(b.get(i + 2), Some(b'e' | b'i' | b'y')) => {
                    (Some('ج'), 2)
                }
                (b'c', Some(b'e' | b'i' | b'y')) => (Some('س'), 1),
                (b'b' | b'p', _) => (Some('ب'), 1),
                (b't', _) => (Some('ت'), 1),
                (b'd', _) => (Some('د'), 1),
                (b'c' | b'g' | b'j' | b'k' | b'q', _) => (Some('ج'), 1),
                (b'f' | b'v', _) => (Some('ف'), 1),
                (b's', _) => (Some('س'), 1),
                (b'z', _) => (Some('ز'), 1),
                (b'l', _) => (Some('ل'), 1),
                (b'm', _) => (Some('م'), 1),
                (b'n', _) => (Some('ن'), 1),
                (b'r', _) => (Some('ر'), 1),
                (b'x', _) => {
                    push('ج', &mut out);
                    (Some('س'), 1)
                }
                (b'h', _) if first => (Some('ه'), 1),
                (b'w', _) if first => (Some('و'), 1),
                (b'y', _) if first => (Some('ي'), 1),
                // "Ouallam", "Ouagadougou": Arabic opens these with و.
                (b'o', Some(b'u')) if first => (Some('و'), 2),
                (b'a' | b'e' | b'i' | b'o' | b'u', _) if first => (Some('ا'), 1),
                _ => (None, 1),
            };
            if let Some(a) = arabic {
                push(a, &mut out);
            }
            i += len;
        }
        if out.len() == start {
            return None;
        }
    }
    Some(out)
}

/// Number of characters of a key without its spaces.
pub fn letters(key: &str) -> usize {
    key.chars().filter(|c| *c != ' ').count()
}

/// The key without a leading Arabic article, if it has one and something
/// of two letters or more is left.
pub fn strip_article(key: &str) -> Option<&str> {
    // Two characters or more, without counting them all (asked of most
    // keys the matcher and resolver test against their word lists).
    key.strip_prefix("ال")
        .filter(|rest| rest.chars().nth(1).is_some())
}

/// Latin articles that transliterated Arabic names begin with ("Al
/// Hudaydah", "Ar Raqqah", "Ash Shaykh Zuwayd").
pub const LATIN_ARTICLES: &[&str] = &[
    "al", "el", "ar", "as", "ash", "ad", "adh", "an", "az", "at", "ath", "ed", "es", "er", "ez",
    "et", "en", "ul", "aj", "ay",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_byte_test_agrees_with_a_plain_scan() {
        for key in [
            "",
            "a",
            "گ",
            "بغداد",
            "بگداد",
            "كركوكگ",
            "مدينةالگوفة",
            "abcdefgh",
            "abcdefg\u{6af}",
            "\u{6af}",
            "ab\u{6af}",
            "abcdefghi\u{6af}",
            "abcdefghijklmnopq",
            "abcdefghijklmno\u{6af}",
        ] {
            let b = key.as_bytes();
            assert_eq!(has_byte_da(b), b.contains(&0xDA), "{key}");
        }
        assert_eq!(token_key("بگداد"), "بغداد");
        assert_eq!(token_key("بغداد"), "بغداد");
    }

    #[test]
    fn words_follow_the_tokenizer() {
        assert_eq!(name_words("Fada N'Gourma"), ["fada", "n", "gourma"]);
        assert_eq!(name_words("Deir ez-Zor"), ["deir", "ez", "zor"]);
        assert_eq!(name_words("دير الزور"), ["دير", "الزور"]);
        assert_eq!(name_words("ليبتاكو-غورما"), ["ليبتاكو", "غورما"]);
        assert_eq!(name_words("Ménaka"), ["menaka"]);
        assert_eq!(name_words("گاو"), ["غاو"]);
        assert_eq!(name_words("مَأْرِب"), ["مارب"]);
        assert!(name_words(" - ").is_empty());
    }

    #[test]
    fn loose_keys_merge_spelling_variants() {
        let k = |s: &str| loose_key(name_words(s).iter().map(String::as_str)).unwrap();
        assert_eq!(k("ليبتاكو جورما"), k("ليبتاكو غورما"));
        assert_eq!(k("أنسنكو"), k("أنسونغو"));
        assert_eq!(k("ميناكا"), k("منكا"));
        assert_ne!(k("تمبكتو"), k("كيدال"));
        assert!(loose_key(["gao"]).is_none());
    }

    #[test]
    fn latin_names_meet_their_arabic_spellings() {
        let arabic = |s: &str| loose_key(name_words(s).iter().map(String::as_str)).unwrap();
        let latin = |s: &str| latin_loose(name_words(s).iter().map(String::as_str)).unwrap();
        for (l, a) in [
            ("Bourem", "بوريم"),
            ("Arbinda", "أربيندا"),
            ("Makalondi", "ماكالوندي"),
            ("Banibangou", "بانيبانغو"),
            ("Torodi", "توردي"),
            ("Kidal", "كيدال"),
            ("Menaka", "ميناكا"),
            ("Djibo", "جيبو"),
            ("Ouallam", "ولام"),
            ("Maiduguri", "مايدوغوري"),
            ("Sevare", "سيفاري"),
            ("Chinagodrar", "شيناغودرار"),
        ] {
            assert_eq!(latin(l), arabic(a), "{l} / {a}");
        }
        assert_ne!(latin("Kidal"), arabic("كركوك"));
        assert_eq!(latin_loose(["gao", "x1"]), None);
    }

    /// The loose form as first written (a character loop with its index),
    /// to check the faster one against.
    fn loose_word_reference(word: &str, out: &mut String) {
        let mut prev: Option<char> = None;
        for (i, c) in word.chars().enumerate() {
            let c = match c {
                'ج' | 'غ' | 'ق' | 'ك' => 'ج',
                'ه' if i > 0 => 'ا',
                _ => c,
            };
            if i > 0 && matches!(c, 'ا' | 'و' | 'ي') {
                continue;
            }
            if prev == Some(c) {
                continue;
            }
            out.push(c);
            prev = Some(c);
        }
    }

    #[test]
    fn loose_word_agrees_with_the_reference() {
        for w in [
            "",
            "ه",
            "هه",
            "اوي",
            "ااب",
            "جغقك",
            "كككا",
            "تمبكتو",
            "ليبتاكو",
            "غورما",
            "هجره",
            "وادي",
            "يوي",
            "منكا",
            "ميناكا",
            "بببه",
            "abc",
        ] {
            let (mut a, mut b) = (String::new(), String::new());
            loose_word(w, &mut a);
            loose_word_reference(w, &mut b);
            assert_eq!(a, b, "{w}");
        }
    }

    #[test]
    fn the_arabic_test_reads_the_first_character() {
        for w in ["", "a", "بغداد", "ـب", "٣", "،", "ۀ", "ݐ", "ࢠ", "é", "ﻻ"] {
            let plain = w
                .chars()
                .next()
                .is_some_and(rasd_text::arabic::is_arabic_letter);
            assert_eq!(is_arabic(w), plain, "{w}");
        }
    }

    #[test]
    fn the_loose_hash_of_a_word_is_the_hash_of_its_loose_form() {
        for w in ["تمبكتو", "غورما", "ه", "", "وادي", "بگداد"] {
            let mut k = String::new();
            loose_word(w, &mut k);
            assert_eq!(loose_word_hash(w), loose_key_hash(&k), "{w}");
        }
    }

    #[test]
    fn token_keys_fold_persian_g() {
        assert_eq!(token_key("گاو"), "غاو");
        assert!(matches!(token_key("جاو"), Cow::Borrowed(_)));
    }
}
