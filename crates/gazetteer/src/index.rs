//! A word-sequence index: keys of one or more words → postings.
//!
//! Every prefix of a multi-word key is interned too (marked as continuing),
//! so the matcher extends a match word by word and stops at the first miss:
//! the common case, a word that begins no name, costs one hash lookup.
//! Keys live in one arena string and the table holds node numbers, so half
//! a million keys cost a few allocations, not half a million.

use std::hash::BuildHasher;

use hashbrown::HashTable;

/// One entry of a key: which record it names and how.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Posting {
    pub entry: u32,
    pub flags: u8,
}

/// The name is a curated alias (aliases.tsv, extra_places.tsv).
pub const ALIAS: u8 = 1;
/// A Latin-script name.
pub const LATIN: u8 = 2;
/// A derived variant (a Latin name without its article "Al").
pub const VARIANT: u8 = 4;
/// Found through the loose index.
pub const LOOSE: u8 = 8;

#[derive(Debug, Clone, Copy)]
struct Node {
    key_off: u32,
    key_len: u32,
    post_start: u32,
    post_len: u32,
    continues: bool,
}

/// What a lookup finds for a key.
#[derive(Debug, Clone, Copy)]
pub struct Hit<'a> {
    pub postings: &'a [Posting],
    /// Some longer key begins with this key and a space.
    pub continues: bool,
}

#[derive(Default)]
pub struct NameIndex {
    arena: String,
    table: HashTable<u32>,
    nodes: Vec<Node>,
    postings: Vec<Posting>,
    hasher: foldhash::fast::FixedState,
}

impl NameIndex {
    pub fn get(&self, key: &str) -> Option<Hit<'_>> {
        let hash = self.hasher.hash_one(key);
        let id = self.table.find(hash, |&id| self.key_of(id) == key)?;
        let n = self.nodes[*id as usize];
        Some(Hit {
            postings: &self.postings[n.post_start as usize..(n.post_start + n.post_len) as usize],
            continues: n.continues,
        })
    }

    fn key_of(&self, id: u32) -> &str {
        let n = &self.nodes[id as usize];
        &self.arena[n.key_off as usize..(n.key_off + n.key_len) as usize]
    }

    pub fn len(&self) -> usize {
        self.nodes.len()
    }

    pub fn memory_bytes(&self) -> usize {
        self.arena.capacity()
            + self.table.capacity() * 4
            + self.nodes.capacity() * std::mem::size_of::<Node>()
            + self.postings.capacity() * std::mem::size_of::<Posting>()
    }
}

/// Collects keys and postings, then freezes them into a [`NameIndex`].
#[derive(Default)]
pub struct IndexBuilder {
    index: NameIndex,
    pairs: Vec<(u32, Posting)>,
}

impl IndexBuilder {
    fn intern(&mut self, key: &str) -> u32 {
        let ix = &mut self.index;
        let hash = ix.hasher.hash_one(key);
        let (arena, nodes) = (&ix.arena, &ix.nodes);
        let eq = |&id: &u32| {
            let n = &nodes[id as usize];
            &arena[n.key_off as usize..(n.key_off + n.key_len) as usize] == key
        };
        if let Some(id) = ix.table.find(hash, eq) {
            return *id;
        }
        let id = ix.nodes.len() as u32;
        ix.nodes.push(Node {
            key_off: ix.arena.len() as u32,
            key_len: key.len() as u32,
            post_start: 0,
            post_len: 0,
            continues: false,
        });
        ix.arena.push_str(key);
        let hasher = ix.hasher;
        let nodes = &ix.nodes;
        let arena = &ix.arena;
        ix.table.insert_unique(hash, id, |&other| {
            let n = &nodes[other as usize];
            hasher.hash_one(&arena[n.key_off as usize..(n.key_off + n.key_len) as usize])
        });
        id
    }

    /// Adds a key of words (already folded) with one posting.
    pub fn add(&mut self, words: &[&str], posting: Posting) {
        if words.is_empty() {
            return;
        }
        let mut key = String::with_capacity(words.iter().map(|w| w.len() + 1).sum());
        for (i, w) in words.iter().enumerate() {
            if i > 0 {
                key.push(' ');
            }
            key.push_str(w);
            let id = self.intern(&key);
            if i + 1 < words.len() {
                self.index.nodes[id as usize].continues = true;
            } else {
                self.pairs.push((id, posting));
            }
        }
    }

    /// Adds a key given as one string whose words are separated by spaces.
    pub fn add_key(&mut self, key: &str, posting: Posting) {
        let words: Vec<&str> = key.split(' ').filter(|w| !w.is_empty()).collect();
        self.add(&words, posting);
    }

    pub fn build(mut self) -> NameIndex {
        self.pairs.sort_unstable_by_key(|(n, p)| (*n, p.entry));
        let mut ix = self.index;
        ix.postings.reserve(self.pairs.len());
        let mut i = 0;
        while i < self.pairs.len() {
            let node = self.pairs[i].0;
            let start = ix.postings.len() as u32;
            while i < self.pairs.len() && self.pairs[i].0 == node {
                let p = self.pairs[i].1;
                // The same record under the same key twice (a name and its
                // French form spelled alike): keep one, with both origins'
                // flags; it is a derived variant only if both were.
                match ix.postings.last_mut() {
                    Some(last) if ix.postings.len() as u32 > start && last.entry == p.entry => {
                        let variant = last.flags & p.flags & VARIANT;
                        last.flags = ((last.flags | p.flags) & !VARIANT) | variant;
                    }
                    _ => ix.postings.push(p),
                }
                i += 1;
            }
            let n = &mut ix.nodes[node as usize];
            n.post_start = start;
            n.post_len = ix.postings.len() as u32 - start;
        }
        ix.arena.shrink_to_fit();
        ix.postings.shrink_to_fit();
        ix.nodes.shrink_to_fit();
        ix
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prefixes_continue_and_postings_merge() {
        let mut b = IndexBuilder::default();
        b.add(&["دير", "الزور"], Posting { entry: 7, flags: 0 });
        b.add(&["دير"], Posting { entry: 3, flags: 0 });
        b.add(&["دير"], Posting { entry: 3, flags: ALIAS });
        b.add_key("gao", Posting { entry: 1, flags: LATIN });
        let ix = b.build();
        let d = ix.get("دير").unwrap();
        assert!(d.continues);
        assert_eq!(d.postings, &[Posting { entry: 3, flags: ALIAS }]);
        let dz = ix.get("دير الزور").unwrap();
        assert!(!dz.continues);
        assert_eq!(dz.postings[0].entry, 7);
        assert!(ix.get("الزور").is_none());
        assert_eq!(ix.get("gao").unwrap().postings[0].flags, LATIN);
    }
}
