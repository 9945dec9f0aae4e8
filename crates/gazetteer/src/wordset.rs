//! A set of match keys that is asked about nearly every word of a text and
//! holds few of them.
//!
//! The matcher and the bridge ask, for each word, whether it ends a cue
//! phrase, begins one, or is a listed common word; almost every answer is
//! no. A 32768-bit filter of cheap signatures of the keys (byte length,
//! first and last eight bytes: for Arabic, the first and last four
//! letters) answers most of those questions without hashing the word or touching
//! the table. A word that passes the filter is looked up as usual, so the
//! answers are those of the set alone.

use rasd_text::KeyFilter;
use rustc_hash::FxHashSet as HashSet;

#[derive(Debug, Clone, Default)]
pub struct WordSet {
    set: HashSet<String>,
    /// Signatures of the members (`rasd_text`'s filter, shared with its
    /// word lists).
    filter: KeyFilter,
}

impl WordSet {
    pub fn insert(&mut self, key: String) -> bool {
        self.filter.insert(&key);
        self.set.insert(key)
    }

    #[inline]
    pub fn contains(&self, key: &str) -> bool {
        self.filter.may_hold(key) && self.set.contains(key)
    }
}

impl FromIterator<String> for WordSet {
    fn from_iter<I: IntoIterator<Item = String>>(iter: I) -> Self {
        let mut s = WordSet::default();
        for k in iter {
            s.insert(k);
        }
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn answers_as_the_set() {
        let words = ["شرق", "قرب", "منطقة", "near", "a", ""];
        let set: WordSet = words.iter().map(|w| w.to_string()).collect();
        for w in words {
            assert!(set.contains(w), "{w}");
        }
        for w in ["غرب", "بعد", "nearby", "b", "منطقه"] {
            assert!(!set.contains(w), "{w}");
        }
    }
}
