//! A set of match keys that is asked about nearly every word of a text and
//! holds few of them.
//!
//! The matcher and the bridge ask, for each word, whether it ends a cue
//! phrase, begins one, or is a listed common word; almost every answer is
//! no. A 4096-bit filter of cheap signatures of the keys (byte length,
//! first and last two bytes: for Arabic, the first and last letter)
//! answers most of those questions without hashing the word or touching
//! the table. A word that passes the filter is looked up as usual, so the
//! answers are those of the set alone.

use rustc_hash::FxHashSet as HashSet;

#[derive(Debug, Clone)]
pub struct WordSet {
    set: HashSet<String>,
    /// 4096 bits, one per signature of a member.
    sigs: Box<[u64; 64]>,
}

impl Default for WordSet {
    fn default() -> Self {
        WordSet {
            set: HashSet::default(),
            sigs: Box::new([0; 64]),
        }
    }
}

/// The signature of a key: a 12-bit mix of its length and its first and
/// last two bytes.
#[inline]
fn signature(key: &str) -> usize {
    let b = key.as_bytes();
    let n = b.len();
    let ends = match n {
        0 => 0,
        1 => u64::from(b[0]) << 8,
        _ => {
            u64::from(b[0]) << 8
                | u64::from(b[1]) << 16
                | u64::from(b[n - 2]) << 24
                | u64::from(b[n - 1]) << 32
        }
    };
    ((ends | n as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 52) as usize
}

impl WordSet {
    pub fn insert(&mut self, key: String) -> bool {
        let s = signature(&key);
        self.sigs[s >> 6] |= 1 << (s & 63);
        self.set.insert(key)
    }

    #[inline]
    pub fn contains(&self, key: &str) -> bool {
        let s = signature(key);
        self.sigs[s >> 6] & (1 << (s & 63)) != 0 && self.set.contains(key)
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
