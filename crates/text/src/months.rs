//! Month names of every spelling Rasd reads, from `data/months.tsv`.
//!
//! Lookup is by match key (see [`crate::match_key`]), so `أغسطس`, `اغسطس`
//! and `بأغسطس` (with a clitic) all find August. Two-word Levantine names
//! (`كانون الثاني`) are looked up as the two keys joined by a space.

use std::sync::LazyLock;

use rustc_hash::FxHashMap;

use crate::keymap::{KeyMap, KeySet};

static MONTHS: LazyLock<KeyMap<u32>> = LazyLock::new(|| {
    let mut map = FxHashMap::default();
    for line in include_str!("../data/months.tsv").lines() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let Some((num, name)) = line.split_once('\t') else {
            continue;
        };
        // The data file is checked by a test; a bad row is skipped here.
        if let Ok(n) = num.parse::<u32>() {
            map.insert(crate::match_key(name), n);
            map.insert(crate::fold::fold_str(name), n);
        }
    }
    KeyMap::from(map)
});

/// The month number of a month name (one or two words, any supported
/// spelling, with or without proclitics or a trailing `.`).
pub fn month_number(name: &str) -> Option<u32> {
    let name = name.trim().trim_end_matches('.');
    MONTHS
        .get(&crate::match_key(name))
        .or_else(|| MONTHS.get(&crate::fold::fold_str(name)))
        .copied()
}

/// The month of a name already in key form (one word, or two joined by a
/// space), without analysing it again: the fast path for readers that
/// hold tokens.
pub fn month_of_key(key: &str) -> Option<u32> {
    MONTHS.get(key).copied()
}

/// Every month name key (single words, and two-word names joined by a
/// space).
pub fn month_keys() -> impl Iterator<Item = &'static str> {
    MONTHS.keys().map(String::as_str)
}

/// Whether a single-word key begins a two-word month name (`كانون`,
/// `تشرين`), so a reader knows to look at the next word.
pub fn starts_two_word_month(key: &str) -> bool {
    TWO_WORD_HEADS.contains_key(key)
}

static TWO_WORD_HEADS: LazyLock<KeySet> = LazyLock::new(|| {
    MONTHS
        .keys()
        .filter_map(|k| k.split_once(' ').map(|(a, _)| a.to_string()))
        .collect()
});

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn data_file_is_well_formed() {
        for (i, line) in include_str!("../data/months.tsv").lines().enumerate() {
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let (num, name) = line
                .split_once('\t')
                .unwrap_or_else(|| panic!("line {}: no tab", i + 1));
            let n: u32 = num
                .parse()
                .unwrap_or_else(|_| panic!("line {}: bad number", i + 1));
            assert!((1..=12).contains(&n), "line {}", i + 1);
            assert!(!name.trim().is_empty(), "line {}", i + 1);
        }
    }

    #[test]
    fn finds_every_spelling() {
        assert_eq!(month_number("سبتمبر"), Some(9));
        assert_eq!(month_number("أيلول"), Some(9));
        assert_eq!(month_number("ايلول"), Some(9));
        assert_eq!(month_number("كانون الثاني"), Some(1));
        assert_eq!(month_number("كانون الأول"), Some(12));
        assert_eq!(month_number("تشرين الاول"), Some(10));
        assert_eq!(month_number("أوت"), Some(8));
        assert_eq!(month_number("Août"), Some(8));
        assert_eq!(month_number("Sept."), Some(9));
        assert_eq!(month_number("فيفري"), Some(2));
        assert_eq!(month_number("جانفي"), Some(1));
        assert_eq!(month_number("وفي"), None);
        assert!(starts_two_word_month("كانون"));
        assert!(!starts_two_word_month("مارس"));
    }
}
