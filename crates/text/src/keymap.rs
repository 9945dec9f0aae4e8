//! Read-only hash maps keyed by match keys, with a signature filter in
//! front.
//!
//! The readers ask about every word of a text (is it a number word, a
//! month, the first word of a date phrase, a protected word?) and almost no
//! word is in a given list. A 32768-bit set of cheap signatures of the keys
//! (length, first and last eight bytes: for Arabic, the first and last four
//! letters) answers most of those questions without hashing the word or
//! touching the table; a word that passes is looked up as usual, so the
//! answers are those of the map alone.

use rustc_hash::{FxHashMap, FxHashSet};

/// A map from keys to values that is built once and then only read (the
/// text layer's word lists; the gazetteer's cue phrases).
#[derive(Debug, Clone)]
pub struct KeyMap<V> {
    map: FxHashMap<String, V>,
    filter: KeyFilter,
}

/// The signature filter alone, for sets kept elsewhere (the gazetteer's
/// cue words): `may_hold` false means the key is surely not a member.
#[derive(Debug, Clone)]
pub struct KeyFilter {
    /// 2^15 bits, one per signature of a member. A list of a few thousand
    /// words (the protected words) sets a few percent of them: a smaller
    /// filter let through a word in three.
    sigs: Box<[u64; SIG_WORDS]>,
}

/// Bits of a signature.
const SIG_BITS: u32 = 15;
/// The filter's size in 64-bit words.
const SIG_WORDS: usize = 1 << (SIG_BITS - 6);

impl Default for KeyFilter {
    fn default() -> Self {
        KeyFilter {
            sigs: Box::new([0; SIG_WORDS]),
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

/// The signature of a key: a 15-bit mix of its length and its first and
/// last eight bytes (which overlap in a short key; a key under eight
/// bytes is read as its first and last four, one under four whole).
#[inline]
fn signature(key: &str) -> usize {
    let b = key.as_bytes();
    let n = b.len();
    let (head, tail) = match (b.first_chunk::<8>(), b.last_chunk::<8>()) {
        (Some(h), Some(t)) => (u64::from_le_bytes(*h), u64::from_le_bytes(*t)),
        // Four to seven bytes (an Arabic word of two or three letters):
        // the first and the last four, read as two words rather than
        // byte by byte (the signature need only be the same on both
        // sides, not the key's bytes in order).
        _ => match (b.first_chunk::<4>(), b.last_chunk::<4>()) {
            (Some(h), Some(t)) => (
                u64::from(u32::from_le_bytes(*h)) | u64::from(u32::from_le_bytes(*t)) << 32,
                0,
            ),
            _ => (
                b.iter()
                    .enumerate()
                    .fold(0u64, |v, (k, &x)| v | u64::from(x) << (8 * k)),
                0,
            ),
        },
    };
    let mix = (head ^ (n as u64)).wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ tail;
    (mix.wrapping_mul(0xC2B2_AE3D_27D4_EB4F) >> (64 - SIG_BITS)) as usize
}

impl<V> Default for KeyMap<V> {
    fn default() -> Self {
        KeyMap {
            map: FxHashMap::default(),
            filter: KeyFilter::default(),
        }
    }
}

impl<V> KeyMap<V> {
    pub fn with_capacity(n: usize) -> Self {
        KeyMap {
            map: FxHashMap::with_capacity_and_hasher(n, Default::default()),
            filter: KeyFilter::default(),
        }
    }

    /// Inserts `value` unless `key` is already there (the first one wins).
    pub fn insert_first(&mut self, key: String, value: V) {
        self.filter.insert(&key);
        self.map.entry(key).or_insert(value);
    }

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

    pub fn iter(&self) -> impl Iterator<Item = (&String, &V)> {
        self.map.iter()
    }
}

/// Two maps are equal when they hold the same entries (the filter follows
/// from the keys).
impl<V: PartialEq> PartialEq for KeyMap<V> {
    fn eq(&self, other: &Self) -> bool {
        self.map == other.map
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
