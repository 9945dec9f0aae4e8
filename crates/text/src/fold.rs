//! Character folding: the lossy match key of a single character.
//!
//! Display text is never changed; this only decides what a character
//! becomes in the *key* used for dictionary lookup. Rules per script:
//! Arabic (diacritics and tatweel dropped, letter variants merged, both
//! Arabic-Indic digit sets to ASCII), Latin (lowercased, accents dropped so
//! French and transliterated names meet), invisible format characters
//! (zero-width, bidi controls) dropped, presentation forms decomposed (NFKC).

use unicode_normalization::char::decompose_compatible;

/// Appends the key form of `c` to `out` (nothing when it folds away).
pub fn fold_char(c: char, out: &mut String) {
    if c.is_ascii() {
        out.push(c.to_ascii_lowercase());
        return;
    }
    if is_invisible(c) {
        return;
    }
    if let Some(k) = crate::arabic::fold_arabic(c) {
        if let Some(k) = k {
            out.push(k);
        }
        return;
    }
    if is_presentation_form(c) {
        // NFKC of an Arabic presentation form is one or more base letters,
        // which are folded in turn.
        let mut parts = Vec::with_capacity(3);
        decompose_compatible(c, |d| parts.push(d));
        for d in parts {
            if d != c {
                fold_char(d, out);
            }
        }
        return;
    }
    fold_latin(c, out);
}

/// The key of a whole string (no tokenization, no clitic splitting).
pub fn fold_str(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    fold_into(s, &mut out);
    out
}

/// Appends the key of `s` to `out`: [`fold_char`] of every character, with
/// a fast path for ASCII and the Arabic block (a table lookup on the two
/// UTF-8 bytes instead of decoding and matching).
pub fn fold_into(s: &str, out: &mut String) {
    let b = s.as_bytes();
    let mut i = 0;
    // Start of the current run of characters that are their own key (most
    // of a text): a run is copied in one go, not character by character.
    let mut run = 0;
    while i < b.len() {
        // The Arabic letters that are their own key (most of an Arabic
        // word): a run of them in a tight loop, two bytes a character.
        while let Some(&[b0, b1]) = b.get(i..i + 2) {
            if b0 & 0xFE != 0xD8 || !SELF_KEYED[(usize::from(b0 & 1) << 6) | usize::from(b1 & 0x3F)]
            {
                break;
            }
            i += 2;
        }
        let Some(&b0) = b.get(i) else {
            break;
        };
        if b0 < 0x80 {
            if !b0.is_ascii_uppercase() {
                i += 1;
                continue;
            }
            out.push_str(&s[run..i]);
            out.push(char::from(b0.to_ascii_lowercase()));
            i += 1;
            run = i;
            continue;
        }
        if (0xD8..=0xDB).contains(&b0) && i + 1 < b.len() {
            let cp = ((u32::from(b0) & 0x1F) << 6) | (u32::from(b[i + 1]) & 0x3F);
            match crate::arabic::BLOCK[(cp - 0x600) as usize] {
                0 => {}
                1 => {
                    out.push_str(&s[run..i]);
                    i += 2;
                    run = i;
                    continue;
                }
                k if k == cp => {
                    i += 2;
                    continue;
                }
                k => {
                    if let Some(k) = char::from_u32(k) {
                        out.push_str(&s[run..i]);
                        out.push(k);
                        i += 2;
                        run = i;
                        continue;
                    }
                }
            }
        }
        out.push_str(&s[run..i]);
        let Some(c) = s[i..].chars().next() else {
            run = s.len();
            break;
        };
        fold_char(c, out);
        i += c.len_utf8();
        run = i;
    }
    out.push_str(&s[run..]);
}

/// Whether each character of U+0600..U+067F (lead byte D8 or D9) is its
/// own key, by the low bit of the lead byte and the six low bits of the
/// second: [`fold_into`]'s fast path.
static SELF_KEYED: [bool; 128] = {
    let mut table = [false; 128];
    let mut i = 0;
    while i < 128 {
        table[i] = crate::arabic::BLOCK[i] == 0x600 + i as u32;
        i += 1;
    }
    table
};

/// Zero-width characters, bidi controls and the BOM: invisible, and never
/// part of a word's identity.
pub fn is_invisible(c: char) -> bool {
    matches!(c,
        '\u{00AD}' // soft hyphen
        | '\u{061C}' // Arabic letter mark
        | '\u{180E}'
        | '\u{200B}'..='\u{200F}'
        | '\u{202A}'..='\u{202E}'
        | '\u{2060}'..='\u{2064}'
        | '\u{2066}'..='\u{2069}'
        | '\u{FEFF}')
}

fn is_presentation_form(c: char) -> bool {
    matches!(c, '\u{FB50}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFF}')
}

fn fold_latin(c: char, out: &mut String) {
    // Decompose (é → e + ◌́) and keep only the base letters, lowercased;
    // a lone combining mark folds away.
    let mut parts = Vec::with_capacity(2);
    decompose_compatible(c, |d| parts.push(d));
    for d in parts {
        if is_combining_mark(d) {
            continue;
        }
        for l in d.to_lowercase() {
            out.push(match l {
                'ß' => 's',
                'œ' => 'o',
                'æ' => 'a',
                '’' | '‘' | 'ʼ' | '`' | '´' => '\'',
                '«' | '»' | '“' | '”' | '„' => '"',
                '\u{00A0}' | '\u{2000}'..='\u{200A}' | '\u{202F}' | '\u{205F}' => ' ',
                '–' | '—' | '‐' | '‑' => '-',
                other => other,
            });
        }
    }
}

fn is_combining_mark(c: char) -> bool {
    matches!(c, '\u{0300}'..='\u{036F}' | '\u{1AB0}'..='\u{1AFF}' | '\u{1DC0}'..='\u{1DFF}' | '\u{20D0}'..='\u{20FF}' | '\u{FE20}'..='\u{FE2F}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fast_path_agrees_with_fold_char() {
        for cp in (0x0600..=0x06FF).chain(0x20..0x250).chain(0xFB50..0xFF00) {
            let Some(c) = char::from_u32(cp) else {
                continue;
            };
            let mut slow = String::new();
            fold_char(c, &mut slow);
            let s = c.to_string();
            assert_eq!(fold_str(&s), slow, "U+{cp:04X}");
        }
        assert_eq!(
            fold_str("أَحْمَدُ إلى آذار ـــ مؤسسة٣٠"),
            "احمد الي اذار  موسسه30"
        );
    }

    /// The folding rules of the match key, one row each.
    #[test]
    fn arabic_folding_rules() {
        let cases = [
            ("قُتِلَ", "قتل"),             // harakat
            ("شهيدٌ", "شهيد"),           // tanwin
            ("مدرّسة", "مدرسه"),         // shadda, ة → ه
            ("هٰذا", "هذا"),             // superscript alef
            ("الرَّحۡمَٰنِ", "الرحمن"),       // Quranic sukun and marks
            ("ذٰلِكَ ٱلۡكِتَٰبُ", "ذلك الكتب"), // alef wasla; the dagger alef goes
            ("جمـــيل", "جميل"),        // tatweel
            ("أحمد إبراهيم آمنة", "احمد ابراهيم امنه"),
            ("مستشفى", "مستشفي"), // ى → ي
            ("مؤتمر", "موتمر"),   // ؤ → و
            ("رئيس", "رييس"),     // ئ → ي
            ("٢٠٢٢", "2022"),     // Arabic-Indic digits
            ("۲۰۲۲", "2022"),     // Persian digits
            ("نعم، لا؛ لماذا؟ ٥٪", "نعم, لا; لماذا? 5%"),
            ("١٬٢٠٠٫٥", "1,200.5"),
            ("غا\u{200C}و\u{200F}", "غاو"), // zero-width and bidi controls
            ("\u{202B}مالي\u{202C}", "مالي"),
            ("\u{FEFB}", "لا"), // lam-alef ligature (NFKC)
            ("\u{FE8D}\u{FEDF}\u{FEE4}\u{FEAE}", "المر"), // presentation forms
            ("\u{FDF2}", "الله"), // Allah ligature
            ("پاکستان", "باكستان"), // Persian letters in names
        ];
        for (input, key) in cases {
            assert_eq!(fold_str(input), key, "{input}");
        }
    }

    proptest::proptest! {
        /// The fast paths of `fold_into` (runs of Arabic letters that are
        /// their own key, table look-ups) agree with folding character by
        /// character.
        #[test]
        fn fold_str_is_fold_char_of_each_character(s in "([\u{0600}-\u{06FF}]{1,8}|[a-zA-Zé0-9 .]{1,3}|\\PC){0,12}") {
            let mut slow = String::new();
            for c in s.chars() {
                fold_char(c, &mut slow);
            }
            proptest::prop_assert_eq!(fold_str(&s), slow);
        }
    }

    #[test]
    fn folds_latin_and_invisibles() {
        assert_eq!(fold_str("Ménaka"), "menaka");
        assert_eq!(fold_str("TESSIT"), "tessit");
        assert_eq!(fold_str("a\u{200B}b\u{202B}c"), "abc");
        assert_eq!(fold_str("État"), "etat");
    }
}
