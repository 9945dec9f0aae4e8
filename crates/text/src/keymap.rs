//! Read-only hash maps keyed by match keys, with a signature filter in
//! front.
//!
//! The readers ask about every word of a text (is it a number word, a
//! month, the first word of a date phrase, a protected word?) and almost no
//! word is in a given list. A 4096-bit set of cheap signatures of the keys
//! (length, first and last two bytes) answers most of those questions
//! without hashing the word or touching the table; a word that passes is
//! looked up as usual, so the answers are those of the map alone.

use rustc_hash::{FxHashMap, FxHashSet};

/// A map from keys to values that is built once and then only read.
#[derive(Debug, Clone)]
pub(crate) struct KeyMap<V> {
    map: FxHashMap<String, V>,
    filter: KeyFilter,
}

/// The signature filter alone, for sets kept elsewhere (the gazetteer's
/// cue words): `may_hold` false means the key is surely not a member.
#[derive(Debug, Clone)]
pub struct KeyFilter {
    /// 4096 bits, one per signature of a member.
    sigs: Box<[u64; 64]>,
}

impl Default for KeyFilter {
    fn default() -> Self {
        KeyFilter {
            sigs: Box::new([0; 64]),
        }
    }
}

impl KeyFilter {
    /// Notes a member.
    pub fn insert(&mut self, key: &str) {
        let s = signature(key);
        self.sigs[s >> 6] |= 1 << (s & 63);
    }

    /// Whether `key` may be a member: false for most words that are not.
    #[inline]
    pub fn may_hold(&self, key: &str) -> bool {
        let s = signature(key);
        self.sigs[s >> 6] & (1 << (s & 63)) != 0
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

impl<V> KeyMap<V> {
    #[inline]
    pub fn get(&self, key: &str) -> Option<&V> {
        if self.filter.may_hold(key) {
            self.lookup(key)
        } else {
            None
        }
    }

    /// The table look-up, kept out of line so that the signature test
    /// stays small enough to inline into every reader.
    #[inline(never)]
    fn lookup(&self, key: &str) -> Option<&V> {
        self.map.get(key)
    }

    #[inline]
    pub fn contains_key(&self, key: &str) -> bool {
        self.get(key).is_some()
    }

    pub fn keys(&self) -> impl Iterator<Item = &String> {
        self.map.keys()
    }

    pub fn values(&self) -> impl Iterator<Item = &V> {
        self.map.values()
    }
}

impl<V> From<FxHashMap<String, V>> for KeyMap<V> {
    fn from(map: FxHashMap<String, V>) -> Self {
        let mut filter = KeyFilter::default();
        for k in map.keys() {
            filter.insert(k);
        }
        KeyMap { map, filter }
    }
}

/// A set of keys (a [`KeyMap`] without values).
pub(crate) type KeySet = KeyMap<()>;

impl From<FxHashSet<String>> for KeySet {
    fn from(set: FxHashSet<String>) -> Self {
        KeyMap::from(
            set.into_iter()
                .map(|k| (k, ()))
                .collect::<FxHashMap<_, _>>(),
        )
    }
}

impl FromIterator<String> for KeySet {
    fn from_iter<I: IntoIterator<Item = String>>(iter: I) -> Self {
        KeyMap::from(iter.into_iter().collect::<FxHashSet<String>>())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn answers_as_the_map_does() {
        let words = [
            "في",
            "من",
            "مارس",
            "ثلاثة",
            "الاثنين",
            "march",
            "a",
            "",
            "ثلاثه",
        ];
        let map: FxHashMap<String, usize> = words
            .iter()
            .take(6)
            .enumerate()
            .map(|(i, w)| (w.to_string(), i))
            .collect();
        let keyed = KeyMap::from(map.clone());
        for w in words.iter().chain(&["فى", "ف", "مارسا", "marc", "x"]) {
            assert_eq!(keyed.get(w), map.get(*w), "{w}");
        }
        let set: KeySet = words.iter().map(|w| w.to_string()).collect();
        assert!(set.contains_key("") && set.contains_key("ثلاثه"));
        assert!(!set.contains_key("ثلاث"));
    }
}
