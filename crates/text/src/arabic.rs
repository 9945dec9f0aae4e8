//! Arabic script: the match-key folding of one character and the proclitics.
//!
//! Folding follows common Arabic IR practice: drop harakat, tanwin, shadda,
//! sukun, the superscript alef, Quranic annotation marks and tatweel; merge
//! the alef forms (أ إ آ ٱ → ا), ى → ي, ة → ه, ؤ → و, ئ → ي; the
//! Persian/Urdu letters that appear in transliterated names fold to their
//! Arabic counterparts; Arabic-Indic and Persian digits become ASCII;
//! Arabic punctuation becomes its Latin equivalent.

use std::sync::LazyLock;

use rustc_hash::FxHashSet;

use crate::fold::fold_str;
use crate::keymap::KeySet;

/// `Some(None)`: the character is Arabic and folds away; `Some(Some(k))`:
/// it folds to `k`; `None`: not handled here.
pub const fn fold_arabic(c: char) -> Option<Option<char>> {
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
        '٠'..='٩' => (b'0' + (c as u32 - '٠' as u32) as u8) as char,
        '۰'..='۹' => (b'0' + (c as u32 - '۰' as u32) as u8) as char,
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

/// The key of every character of the Arabic block U+0600..=U+06FF, as a
/// table for the folding fast path: `0` not folded here, `1` folds away,
/// otherwise the key character.
pub(crate) static BLOCK: [u32; 256] = build_block();

const fn build_block() -> [u32; 256] {
    let mut table = [0u32; 256];
    let mut i = 0;
    while i < 256 {
        table[i] = match char::from_u32(0x600 + i as u32) {
            // The Arabic letter mark is a bidi control: invisible.
            Some('\u{061C}') => 1,
            Some(c) => match fold_arabic(c) {
                None => 0,
                Some(None) => 1,
                Some(Some(k)) => k as u32,
            },
            None => 0,
        };
        i += 1;
    }
    table
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
/// The decision is a dictionary lookup first: a word listed in
/// `data/arabic_protected.txt` (or starting with a listed prefix) is whole,
/// and a clitic in front of a listed word is split off alone (`وفرنسا` →
/// `و` + `فرنسا`). Otherwise the longest proclitic sequence is removed when
/// the stem left is long enough to be a word (two letters after the
/// article, three otherwise) and is not itself blocked.
#[inline]
pub fn split_proclitics(key: &str) -> (usize, &str) {
    Splitter::new().split(key)
}

/// The tables of [`split_proclitics`], taken once: the tokenizer splits
/// every word of a text, and need not check for each word that the tables
/// are built.
#[derive(Clone, Copy)]
pub(crate) struct Splitter {
    clitics: &'static [Clitics; 6],
    protected: &'static Protected,
}

impl Splitter {
    pub(crate) fn new() -> Splitter {
        Splitter {
            clitics: &CLITICS,
            protected: &PROTECTED,
        }
    }

    /// [`split_proclitics`].
    #[inline]
    pub(crate) fn split<'k>(&self, key: &'k str) -> (usize, &'k str) {
        // Every proclitic starts with one of six letters; anything else
        // (Latin words, digits, most Arabic words) leaves at once, on its
        // first two bytes, without a call.
        match clitic_group(key.as_bytes()) {
            Some(g) => split_with(key, &self.clitics[g], self.protected),
            None => (0, key),
        }
    }
}

/// [`split_proclitics`] of a key that starts with the first letter of the
/// `candidates`.
#[inline(never)]
fn split_with<'k>(key: &'k str, candidates: &Clitics, protected: &Protected) -> (usize, &'k str) {
    let head = head_word(key);
    // A clitic (without the article) in front of a protected word.
    let split = candidates
        .bare
        .iter()
        .find_map(|c| {
            let rest = c.strip(key, head)?;
            // Listed exactly, or (a rest of three letters or more) by a
            // listed prefix too: `contains` tests the exact list first,
            // so the exact test is not made twice.
            let listed = if rest.len() >= 6 {
                protected.contains(rest)
            } else {
                protected.contains_exact(rest)
            };
            listed.then_some((c.chars, rest))
        })
        .or_else(|| {
            candidates.all.iter().find_map(|c| {
                let stem = c.strip(key, head)?;
                let min = if c.article { 2 } else { 3 };
                has_chars(stem, min).then_some((c.chars, stem))
            })
        });
    // A listed word stays whole. Asked only of a word that would be split:
    // the answer is the same, and most words that start with a clitic
    // letter but are too short to split skip the look-up.
    match split {
        Some(s) if !protected.contains(key) => s,
        _ => (0, key),
    }
}

/// Whether `s` has at least `n` characters (a character is at most four
/// bytes: a long string needs no counting).
#[inline]
fn has_chars(s: &str, n: usize) -> bool {
    s.len() >= 4 * n || s.chars().nth(n - 1).is_some()
}

/// A proclitic sequence with what the splitter needs to know about it.
#[derive(Debug)]
pub(crate) struct Clitic {
    text: &'static str,
    chars: usize,
    article: bool,
    /// The bytes of `text` as a little-endian word, and the mask of its
    /// length: a prefix test is then one comparison, not a `memcmp` call
    /// (every word is tested against up to eight clitics).
    bits: u64,
    mask: u64,
}

/// The first eight bytes of `key` as a little-endian word, zero-padded.
#[inline]
fn head_word(key: &str) -> u64 {
    match key.as_bytes().first_chunk::<8>() {
        // One load for most words (four letters or more).
        Some(h) => u64::from_le_bytes(*h),
        None => key
            .bytes()
            .enumerate()
            .fold(0, |w, (i, b)| w | u64::from(b) << (8 * i)),
    }
}

impl Clitic {
    fn new(text: &'static str) -> Clitic {
        let n = text.len();
        Clitic {
            text,
            chars: text.chars().count(),
            article: text.ends_with("ال") || text.ends_with("لل"),
            bits: head_word(text),
            mask: if n >= 8 { u64::MAX } else { (1 << (8 * n)) - 1 },
        }
    }

    /// `key` without this clitic, when it starts with it. `head` is
    /// [`head_word`] of `key`.
    fn strip<'k>(&self, key: &'k str, head: u64) -> Option<&'k str> {
        if self.text.len() > 8 {
            return key.strip_prefix(self.text);
        }
        (key.len() >= self.text.len() && head & self.mask == self.bits)
            .then(|| &key[self.text.len()..])
    }
}

/// Which list of [`CLITICS`] a key's proclitics are in, read on its
/// first two bytes (the UTF-8 of و ف ب ك ل and of the article's alef).
#[inline]
fn clitic_group(key: &[u8]) -> Option<usize> {
    match key.first_chunk::<2>()? {
        [0xD9, 0x88] => Some(0), // و
        [0xD9, 0x81] => Some(1), // ف
        [0xD8, 0xA8] => Some(2), // ب
        [0xD9, 0x83] => Some(3), // ك
        [0xD9, 0x84] => Some(4), // ل
        [0xD8, 0xA7] => Some(5), // ا
        _ => None,
    }
}

/// The proclitic sequences of one [`clitic_group`], longest first.
#[derive(Debug, Default)]
pub(crate) struct Clitics {
    all: Vec<Clitic>,
    /// Those without the article, in the same order, listed apart: the
    /// splitter's first pass asks only them, for every word it splits.
    bare: Vec<Clitic>,
}

/// The proclitic sequences, grouped by [`clitic_group`], longest first.
static CLITICS: LazyLock<[Clitics; 6]> = LazyLock::new(|| {
    let mut groups: [Clitics; 6] = Default::default();
    for &p in PROCLITICS {
        if let Some(g) = clitic_group(p.as_bytes()) {
            groups[g].all.push(Clitic::new(p));
            if !Clitic::new(p).article {
                groups[g].bare.push(Clitic::new(p));
            }
        }
    }
    for group in &mut groups {
        group.all.sort_by_key(|c| std::cmp::Reverse(c.text.len()));
        group.bare.sort_by_key(|c| std::cmp::Reverse(c.text.len()));
    }
    groups
});

/// Whether a folded word is listed as whole (exactly or by a listed prefix).
pub fn is_protected(key: &str) -> bool {
    PROTECTED.contains(key)
}

/// The protected words, folded: exact entries and prefix entries.
pub(crate) struct Protected {
    exact: KeySet,
    prefixes: KeySet,
    /// Byte lengths of the prefix entries, so a lookup only tries those.
    prefix_lens: Vec<usize>,
    /// The shortest prefix length, and every prefix entry cut to it: a
    /// key whose head is not in this set needs no further prefix lookup.
    head_len: usize,
    heads: KeySet,
}

impl Protected {
    fn contains_exact(&self, key: &str) -> bool {
        self.exact.contains_key(key)
    }

    fn contains(&self, key: &str) -> bool {
        if self.exact.contains_key(key) {
            return true;
        }
        if key.len() < self.head_len
            || !key.is_char_boundary(self.head_len)
            || !self.heads.contains_key(&key[..self.head_len])
        {
            return false;
        }
        self.prefix_lens.iter().any(|&n| {
            key.len() >= n && key.is_char_boundary(n) && self.prefixes.contains_key(&key[..n])
        })
    }
}

static PROTECTED: LazyLock<Protected> = LazyLock::new(|| {
    let mut exact = FxHashSet::default();
    let mut prefixes = FxHashSet::default();
    for line in include_str!("../data/arabic_protected.txt").lines() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        if let Some(p) = line.strip_suffix('*') {
            prefixes.insert(fold_str(p));
        } else {
            exact.insert(fold_str(line));
        }
    }
    let mut prefix_lens: Vec<usize> = prefixes.iter().map(String::len).collect();
    prefix_lens.sort_unstable();
    prefix_lens.dedup();
    let head_len = prefix_lens.first().copied().unwrap_or(usize::MAX);
    let heads = prefixes
        .iter()
        .filter_map(|p| p.get(..head_len).map(str::to_string))
        .collect();
    Protected {
        exact: KeySet::from(exact),
        prefixes: KeySet::from(prefixes),
        prefix_lens,
        head_len,
        heads,
    }
});

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clitic_prefix_test_agrees_with_strip_prefix() {
        for word in [
            "وبالمدينة",
            "وال",
            "و",
            "",
            "فلل",
            "بالقرب",
            "لل",
            "abc",
            "وبا",
            "كالعادة",
        ] {
            let key = fold_str(word);
            let head = head_word(&key);
            for &p in PROCLITICS {
                assert_eq!(
                    Clitic::new(p).strip(&key, head),
                    key.strip_prefix(p),
                    "{p} {key}"
                );
            }
        }
    }

    #[test]
    fn every_proclitic_has_its_group() {
        for &p in PROCLITICS {
            let g = clitic_group(p.as_bytes()).expect(p);
            assert!(CLITICS[g].all.iter().any(|c| c.text == p), "{p}");
        }
        assert!(clitic_group("مالي".as_bytes()).is_none());
        assert!(clitic_group(b"w").is_none());
    }

    fn split(word: &str) -> (String, String) {
        let key = fold_str(word);
        let (n, stem) = split_proclitics(&key);
        let prefix: String = key.chars().take(n).collect();
        (prefix, stem.to_string())
    }

    #[test]
    fn splits_clitics_and_keeps_listed_words() {
        let cases = [
            ("والجيش", "وال", "جيش"),
            ("بالمدينة", "بال", "مدينه"),
            ("للجيش", "لل", "جيش"),
            ("وبالقرب", "وبال", "قرب"),
            ("فالقوات", "فال", "قوات"),
            ("كالعادة", "كال", "عاده"),
            ("وقال", "و", "قال"),
            ("بسبب", "ب", "سبب"),
            ("لبنان", "", "لبنان"),
            ("ولبنان", "و", "لبنان"),
            ("بوركينا", "", "بوركينا"),
            ("وزير", "", "وزير"),
            ("ووزير", "و", "وزير"),
            ("لوزير", "ل", "وزير"),
            ("الفرنسية", "ال", "فرنسيه"),
            ("فرنسيين", "", "فرنسيين"),
            ("وفرنسا", "و", "فرنسا"),
            ("آليات", "", "اليات"),
            ("ألغام", "", "الغام"),
            ("التي", "", "التي"),
            ("بلدة", "", "بلده"),
            ("كتيبة", "", "كتيبه"),
            ("لقوا", "", "لقوا"),
            ("في", "", "في"),
            ("بين", "", "بين"),
            ("ليبيا", "", "ليبيا"),
            ("فبراير", "", "فبراير"),
            ("Mali", "", "mali"),
            ("وبدأت", "و", "بدات"),
            ("فجّرت", "", "فجرت"),
            ("وفجرت", "و", "فجرت"),
            ("فتحوا", "", "فتحوا"),
            ("ولايتي", "", "ولايتي"),
            ("بولاية", "ب", "ولايه"),
            ("ألقى", "", "القي"),
            ("القيادة", "ال", "قياده"),
            ("بريف", "ب", "ريف"),
            ("برخان", "", "برخان"),
            ("لبرخان", "ل", "برخان"),
            ("كمينا", "", "كمينا"),
            ("بحسب", "ب", "حسب"),
        ];
        for (word, prefix, stem) in cases {
            assert_eq!(
                split(word),
                (prefix.to_string(), stem.to_string()),
                "{word}"
            );
        }
    }

    #[test]
    fn data_file_entries_fold_to_arabic_keys() {
        for (i, line) in include_str!("../data/arabic_protected.txt")
            .lines()
            .enumerate()
        {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let word = line.trim_end_matches('*');
            assert!(
                !word.contains(char::is_whitespace),
                "line {}: one word a line",
                i + 1
            );
            assert!(word.chars().all(is_arabic_letter), "line {}: {word}", i + 1);
        }
    }
}
