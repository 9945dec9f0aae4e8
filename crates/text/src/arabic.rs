//! Arabic script: the match-key folding of one character and the proclitics.
//!
//! Folding follows common Arabic IR practice: drop harakat, tanwin, shadda,
//! sukun, the superscript alef, Quranic annotation marks and tatweel; merge
//! the alef forms (أ إ آ ٱ → ا), ى → ي, ة → ه, ؤ → و, ئ → ي; the
//! Persian/Urdu letters that appear in transliterated names fold to their
//! Arabic counterparts; Arabic-Indic and Persian digits become ASCII;
//! Arabic punctuation becomes its Latin equivalent.

/// `Some(None)`: the character is Arabic and folds away; `Some(Some(k))`:
/// it folds to `k`; `None`: not handled here.
pub fn fold_arabic(c: char) -> Option<Option<char>> {
    let k = match c {
        '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{0640}' => return Some(None),
        '\u{0610}'..='\u{061A}' | '\u{06D6}'..='\u{06ED}' => return Some(None),
        'أ' | 'إ' | 'آ' | 'ٱ' | '\u{0672}' | '\u{0673}' => 'ا',
        'ى' | 'ئ' | 'ی' | 'ې' | 'ۍ' => 'ي',
        'ة' | 'ۀ' | 'ە' | 'ھ' => 'ه',
        'ؤ' => 'و',
        'ک' | 'ڪ' => 'ك',
        'پ' => 'ب',
        'چ' => 'ج',
        'ڤ' | 'ڥ' => 'ف',
        'ژ' => 'ز',
        '٠'..='٩' => char::from(b'0' + (c as u32 - '٠' as u32) as u8),
        '۰'..='۹' => char::from(b'0' + (c as u32 - '۰' as u32) as u8),
        '،' => ',',
        '؛' => ';',
        '؟' => '?',
        '٪' => '%',
        '٫' => '.',
        '٬' => ',',
        '\u{0600}'..='\u{06FF}' | '\u{0750}'..='\u{077F}' | '\u{08A0}'..='\u{08FF}' => c,
        _ => return None,
    };
    Some(Some(k))
}

/// Whether `c` is an Arabic-script letter (not a mark, digit or punctuation).
pub fn is_arabic_letter(c: char) -> bool {
    matches!(c, '\u{0620}'..='\u{064A}' | '\u{066E}'..='\u{066F}' | '\u{0671}'..='\u{06D3}' | '\u{06D5}' | '\u{06EE}'..='\u{06EF}' | '\u{06FA}'..='\u{06FF}' | '\u{0750}'..='\u{077F}' | '\u{08A0}'..='\u{08C9}')
        && c != '\u{0640}'
}

/// Whether `c` is an Arabic combining mark or tatweel (part of a word, but
/// folded away).
pub fn is_arabic_mark(c: char) -> bool {
    matches!(c, '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{0640}' | '\u{0610}'..='\u{061A}' | '\u{06D6}'..='\u{06ED}' | '\u{08CA}'..='\u{08FF}')
}

/// Proclitic sequences, longest first, in key form. `لل` is ل + the article
/// with its alef elided.
pub const PROCLITICS: &[&str] = &[
    "وبال", "وكال", "فبال", "وال", "فال", "بال", "كال", "ولل", "فلل", "لل", "ال", "وب", "ول", "وك",
    "فب", "فل", "فك", "و", "ف", "ب", "ك", "ل",
];

/// Splits proclitics off a folded Arabic word. Returns `(prefix_chars, stem)`
/// where `prefix_chars` is the number of *characters* of the key removed.
///
/// A split is kept only if the stem left is long enough to be a word (three
/// letters after the article, two otherwise) and the word is not in the
/// list of words that merely begin with clitic letters.
pub fn split_proclitics(key: &str) -> (usize, &str) {
    if is_protected(key) {
        return (0, key);
    }
    // A conjunction before a protected word: strip the conjunction alone.
    for conj in ["و", "ف"] {
        if let Some(rest) = key.strip_prefix(conj) {
            if is_protected(rest) {
                return (1, rest);
            }
        }
    }
    for p in PROCLITICS {
        if let Some(stem) = key.strip_prefix(p) {
            let with_article = p.ends_with("ال") || p.ends_with("لل");
            let min = if with_article { 2 } else { 3 };
            if stem.chars().count() >= min {
                return (p.chars().count(), stem);
            }
        }
    }
    (0, key)
}

/// Words that begin with a clitic letter but are whole words. Checked before
/// and after removing a conjunction.
fn is_protected(key: &str) -> bool {
    PROTECTED.contains(&key)
}

/// A seed list; the lexicon data grows it.
static PROTECTED: &[&str] = &[
    "الله",
    "باماكو",
    "بلده",
    "بوركينا",
    "فرنسا",
    "كيدال",
    "لبنان",
    "ليبيا",
    "ولايه",
];
