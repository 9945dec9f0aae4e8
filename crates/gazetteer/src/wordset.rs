//! A set of match keys that is asked about nearly every word of a text and
//! holds few of them.
//!
//! The matcher and the bridge ask, for each word, whether it ends a cue
//! phrase, begins one, or is a listed common word; almost every answer is
//! no. The text layer's filter of cheap key signatures
//! ([`rasd_text::KeyFilter`]) answers most of those questions without
//! hashing the word or touching the table. A word that passes the filter
//! is looked up as usual, so the answers are those of the set alone.
use rasd_text::KeyFilter;
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

#[derive(Debug, Clone, Default)]
pub struct WordSet {
    set: HashSet<String>,
    /// Signatures of the members.
    filter: KeyFilter,
}

impl WordSet {
    pub fn with_capacity(n: usize) -> Self {
        WordSet {
            set: HashSet::with_capacity_and_hasher(n, Default::default()),
            filter: KeyFilter::default(),
        }
    }

    pub fn iter(&self) -> impl Iterator<Item = &String> {
        self.set.iter()
    }

    pub fn insert(&mut self, key: String) -> bool {
        self.filter.insert(&key);
        self.set.insert(key)
    }

    #[inline]
    pub fn contains(&self, key: &str) -> bool {
        // The filter inline, the hash look-up out of line: most callers
        // stop at the filter.
        self.filter.may_hold(key) && self.lookup(key)
    }

    #[inline(never)]
    fn lookup(&self, key: &str) -> bool {
        self.set.contains(key)
    }
}

/// (country, word key) pairs of `country_words.tsv`, asked about without
/// building a key string: a signature filter of the words answers most
/// questions, and a word that passes is looked up by itself, with the
/// countries it is listed for.
#[derive(Debug, Clone, Default)]
pub struct PairSet {
    map: HashMap<String, Vec<u16>>,
    filter: KeyFilter,
}

impl PairSet {
    pub fn with_capacity(n: usize) -> Self {
        PairSet {
            map: HashMap::with_capacity_and_hasher(n, Default::default()),
            filter: KeyFilter::default(),
        }
    }

    pub fn insert(&mut self, (country, key): (u16, String)) -> bool {
        self.filter.insert(&key);
        let countries = self.map.entry(key).or_default();
        let new = !countries.contains(&country);
        if new {
            countries.push(country);
        }
        new
    }

    #[inline]
    pub fn contains(&self, country: u16, key: &str) -> bool {
        self.filter.may_hold(key) && self.map.get(key).is_some_and(|c| c.contains(&country))
    }

    /// The pairs, in no particular order.
    pub fn iter(&self) -> impl Iterator<Item = (u16, &str)> {
        self.map
            .iter()
            .flat_map(|(k, cs)| cs.iter().map(move |&c| (c, k.as_str())))
    }

    fn sorted(&self) -> Vec<(u16, &str)> {
        let mut v: Vec<(u16, &str)> = self.iter().collect();
        v.sort_unstable();
        v
    }
}

impl PartialEq for PairSet {
    fn eq(&self, other: &Self) -> bool {
        self.sorted() == other.sorted()
    }
}

impl PartialEq for WordSet {
    fn eq(&self, other: &Self) -> bool {
        self.set == other.set
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
