//! A word-sequence index: keys of one or more words → postings.
//!
//! Every prefix of a multi-word key is interned too (marked as continuing),
//! so the matcher extends a match word by word and stops at the first miss:
//! the common case, a word that begins no name, costs one hash lookup.
//!
//! The index is a set of flat little-endian byte arrays — an arena of keys,
//! a node table, postings and an open-addressing slot table — so that the
//! build script can compile it once and the library can use it straight
//! from the bytes embedded in the binary, without rebuilding anything at
//! load time. The hash is a fixed function written here (not the standard
//! library's randomised one), so the build script and the library agree.

use std::borrow::Cow;

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
/// A loose key guessed from a Latin name (see [`crate::keys::latin_loose`]).
pub const GUESSED: u8 = 16;
/// A Latin alternate of a village (not its own name): "Fana" is also
/// written for Faana, a hamlet, and must not outrank the town of Fana.
pub const ALTERNATE: u8 = 32;
/// A skeleton posting of a record that has an Arabic name in the sources.
pub const ARABIC_NAMED: u8 = 64;

const NODE_BYTES: usize = 16;
const POSTING_BYTES: usize = 5;
/// A slot: node number and the high half of the key's hash, so that a
/// probe that meets another key rarely has to read that key.
const SLOT_BYTES: usize = 8;
const EMPTY: u32 = u32::MAX;

/// What a lookup finds for a key.
#[derive(Debug, Clone)]
pub struct Hit<'a> {
    postings: &'a [u8],
    /// Some longer key begins with this key and a space.
    pub continues: bool,
    /// The key is the first word of a key of the companion index (see
    /// [`IndexBuilder::mark_head`]).
    pub head: bool,
    /// The key's node: what is known of the key itself (see [`NodeSet`]).
    pub node: u32,
}

impl Hit<'_> {
    pub fn is_empty(&self) -> bool {
        self.postings.is_empty()
    }

    pub fn postings(&self) -> impl Iterator<Item = Posting> + '_ {
        self.postings.chunks_exact(POSTING_BYTES).map(|c| Posting {
            entry: u32::from_le_bytes([c[0], c[1], c[2], c[3]]),
            flags: c[4],
        })
    }
}

/// A fixed 64-bit hash of a key (FxHash-style, eight bytes at a time);
/// the low bits pick the slot, the high half is the slot's fingerprint.
/// The bytes after the last whole word of eight are read as the last
/// eight bytes of the key (overlapping the word before) and a key under
/// eight bytes as its first and last four: every word of a text is
/// hashed, and a loop over the odd bytes cost more than the rest.
#[inline(always)]
pub fn hash_key(key: &str) -> u64 {
    const K: u64 = 0x517c_c1b7_2722_0a95;
    let mix = |h: u64, v: u64| (h.rotate_left(5) ^ v).wrapping_mul(K);
    let b = key.as_bytes();
    let mut h: u64 = b.len() as u64;
    if let Some(last) = b.last_chunk::<8>() {
        let mut chunks = b.chunks_exact(8);
        for c in chunks.by_ref() {
            let v = u64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]);
            h = mix(h, v);
        }
        if !chunks.remainder().is_empty() {
            h = mix(h, u64::from_le_bytes(*last));
        }
    } else if let (Some(lo), Some(hi)) = (b.first_chunk::<4>(), b.last_chunk::<4>()) {
        let v = u64::from(u32::from_le_bytes(*lo)) | u64::from(u32::from_le_bytes(*hi)) << 32;
        h = mix(h, v);
    } else if !b.is_empty() {
        let v = b
            .iter()
            .enumerate()
            .fold(0u64, |v, (k, &x)| v | u64::from(x) << (8 * k));
        h = mix(h, v);
    }
    // Mix the high bits down: the slot and the Bloom bits are taken from
    // the low bits, which a product leaves depending on the low bytes only.
    h ^= h >> 32;
    h = h.wrapping_mul(0x9E37_79B9_7F4A_7C15);
    h ^ (h >> 29)
}

/// `a == b` for the short keys of an index, in registers: the slice
/// comparison calls `memcmp`, which costs more than the key is long.
#[inline]
fn same_bytes(a: &[u8], b: &[u8]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    match (a.first_chunk::<8>(), a.last_chunk::<8>()) {
        (Some(a0), Some(a1)) if a.len() <= 16 => {
            b.first_chunk::<8>() == Some(a0) && b.last_chunk::<8>() == Some(a1)
        }
        _ if a.len() > 16 => a == b,
        // Four to seven bytes (most Arabic words of two or three letters,
        // which the text asks about most): the first and the last four,
        // which cover the key, rather than a loop byte by byte.
        _ => match (a.first_chunk::<4>(), a.last_chunk::<4>()) {
            (Some(a0), Some(a1)) => {
                b.first_chunk::<4>() == Some(a0) && b.last_chunk::<4>() == Some(a1)
            }
            _ => a.iter().zip(b).all(|(x, y)| x == y),
        },
    }
}

fn u32_at(b: &[u8], i: usize) -> u32 {
    // One bounds check for the four bytes.
    let mut w = [0u8; 4];
    w.copy_from_slice(&b[i..i + 4]);
    u32::from_le_bytes(w)
}

#[derive(Debug, Clone, Default)]
pub struct NameIndex {
    arena: Cow<'static, [u8]>,
    nodes: Cow<'static, [u8]>,
    postings: Cow<'static, [u8]>,
    slots: Cow<'static, [u8]>,
    /// A blocked Bloom filter of the keys (two bits in one 64-bit word per
    /// key, about 16 bits per key): most words of a text begin no name, and
    /// this small table answers them without touching the large ones.
    bloom: Cow<'static, [u8]>,
}

/// The Bloom word and bit mask of a hash.
fn bloom_probe(h: u64, n_words: usize) -> (usize, u64) {
    let word = ((h >> 40) as usize) & (n_words - 1);
    let bits = (1u64 << (h & 63)) | (1u64 << ((h >> 6) & 63));
    (word, bits)
}

impl NameIndex {
    // Inlined always: the hash and the Bloom test are a few instructions
    // and every word of a text is asked, some several times.
    #[inline(always)]
    pub fn get(&self, key: &str) -> Option<Hit<'_>> {
        let h = hash_key(key);
        // Most words of a text begin no name: the Bloom test answers them,
        // and is small enough to inline; the table probe stays out of line.
        let n_words = self.bloom.len() / 8;
        if n_words > 0 {
            let (w, bits) = bloom_probe(h, n_words);
            let mut b = [0u8; 8];
            b.copy_from_slice(&self.bloom[w * 8..w * 8 + 8]);
            if u64::from_le_bytes(b) & bits != bits {
                return None;
            }
        }
        self.probe(key, h)
    }

    /// The node of `key` (of hash `h`) in the slot table.
    #[inline(never)]
    fn probe(&self, key: &str, h: u64) -> Option<Hit<'_>> {
        // The tables as plain slices, once (not a `Cow` check per read).
        let (slots, nodes, arena) = (&*self.slots, &*self.nodes, &*self.arena);
        let n_slots = slots.len() / SLOT_BYTES;
        if n_slots == 0 {
            return None;
        }
        let mask = n_slots - 1;
        let finger = (h >> 32) as u32;
        let mut i = h as usize & mask;
        loop {
            let id = u32_at(slots, i * SLOT_BYTES);
            if id == EMPTY {
                return None;
            }
            if u32_at(slots, i * SLOT_BYTES + 4) != finger {
                i = (i + 1) & mask;
                continue;
            }
            let n = id as usize * NODE_BYTES;
            let off = u32_at(nodes, n) as usize;
            let len = u32_at(nodes, n + 4) as usize;
            if arena
                .get(off..off + len)
                .is_some_and(|k| same_bytes(k, key.as_bytes()))
            {
                let start = u32_at(nodes, n + 8) as usize * POSTING_BYTES;
                let count = u32::from(u16::from_le_bytes([nodes[n + 12], nodes[n + 13]])) as usize;
                return Some(Hit {
                    postings: &self.postings[start..start + count * POSTING_BYTES],
                    continues: nodes[n + 14] & 1 != 0,
                    head: nodes[n + 14] & 2 != 0,
                    node: id,
                });
            }
            i = (i + 1) & mask;
        }
    }

    /// Every key (prefixes included), in no particular order.
    pub fn keys(&self) -> impl Iterator<Item = &str> {
        self.nodes.chunks_exact(NODE_BYTES).filter_map(|n| {
            let off = u32_at(n, 0) as usize;
            let len = u32_at(n, 4) as usize;
            std::str::from_utf8(self.arena.get(off..off + len)?).ok()
        })
    }

    /// Number of keys (prefixes included).
    pub fn len(&self) -> usize {
        self.nodes.len() / NODE_BYTES
    }

    pub fn memory_bytes(&self) -> usize {
        self.arena.len()
            + self.nodes.len()
            + self.postings.len()
            + self.slots.len()
            + self.bloom.len()
    }

    /// Appends the index to an image (see `image.rs`).
    #[cfg_attr(not(test), allow(dead_code))]
    pub fn write(&self, out: &mut Vec<u8>) {
        for part in [
            &self.arena,
            &self.nodes,
            &self.postings,
            &self.slots,
            &self.bloom,
        ] {
            out.extend_from_slice(&(part.len() as u32).to_le_bytes());
            out.extend_from_slice(part);
        }
    }

    /// Reads an index written by [`NameIndex::write`] from `bytes` at `*pos`.
    pub fn read(bytes: &'static [u8], pos: &mut usize) -> Option<NameIndex> {
        let mut part = || {
            let len = u32::from_le_bytes(bytes.get(*pos..*pos + 4)?.try_into().ok()?) as usize;
            let s = bytes.get(*pos + 4..*pos + 4 + len)?;
            *pos += 4 + len;
            Some(Cow::Borrowed(s))
        };
        let ix = NameIndex {
            arena: part()?,
            nodes: part()?,
            postings: part()?,
            slots: part()?,
            bloom: part()?,
        };
        let whole = |len: usize, unit: usize| (len / unit) * unit == len;
        let ok = whole(ix.nodes.len(), NODE_BYTES)
            && whole(ix.postings.len(), POSTING_BYTES)
            && whole(ix.slots.len(), SLOT_BYTES)
            && (ix.slots.len() / SLOT_BYTES).is_power_of_two()
            && whole(ix.bloom.len(), 8)
            && (ix.bloom.is_empty() || (ix.bloom.len() / 8).is_power_of_two());
        ok.then_some(ix)
    }
}

/// A set of the nodes (keys) of a [`NameIndex`], as bits: an answer about
/// a key computed once when the tables are loaded, for every key of the
/// index it holds for (see `Tables::stop_nodes`).
#[derive(Debug, Clone, Default)]
pub struct NodeSet {
    bits: Vec<u64>,
}

impl NodeSet {
    /// The nodes of `ix` whose keys are among `keys`.
    pub fn of<'k>(ix: &NameIndex, keys: impl IntoIterator<Item = &'k str>) -> NodeSet {
        let mut bits = vec![0u64; ix.len().div_ceil(64)];
        for k in keys {
            if let Some(h) = ix.get(k) {
                let n = h.node as usize;
                if let Some(w) = bits.get_mut(n / 64) {
                    *w |= 1 << (n % 64);
                }
            }
        }
        NodeSet { bits }
    }

    #[inline]
    pub fn contains(&self, node: u32) -> bool {
        let n = node as usize;
        self.bits
            .get(n / 64)
            .is_some_and(|w| w & (1 << (n % 64)) != 0)
    }
}

/// A filter of the one-word keys of an index by a hash of their
/// characters ([`crate::keys::loose_key_hash`]), built when the tables are
/// loaded: the matcher tries the loose form of every long Arabic word that
/// no exact name took, and this answers most of them from a hash computed
/// while reading the word, before the loose key is written and looked up.
#[derive(Debug, Clone)]
pub struct FirstWords {
    bits: Vec<u64>,
}

impl Default for FirstWords {
    fn default() -> Self {
        FirstWords { bits: vec![0; 1] }
    }
}

impl FirstWords {
    /// The filter of the one-word keys of `ix`, hashed by `hash`.
    pub fn of(ix: &NameIndex, hash: impl Fn(&str) -> u64) -> FirstWords {
        let keys: Vec<&str> = ix.keys().filter(|k| !k.contains(' ')).collect();
        // About 16 bits a key, a power of two.
        let n_words = (keys.len() / 4).next_power_of_two().max(1);
        let mut bits = vec![0u64; n_words];
        for k in keys {
            let (w, b) = Self::bit(hash(k), n_words);
            bits[w] |= b;
        }
        FirstWords { bits }
    }

    #[inline(always)]
    fn bit(h: u64, n_words: usize) -> (usize, u64) {
        let h = h ^ (h >> 29);
        ((h >> 6) as usize & (n_words - 1), 1u64 << (h & 63))
    }

    /// False: no one-word key has this hash.
    #[inline(always)]
    pub fn may_hold(&self, h: u64) -> bool {
        let (w, b) = Self::bit(h, self.bits.len());
        self.bits.get(w).is_some_and(|x| x & b != 0)
    }
}

struct Node {
    key_off: u32,
    key_len: u32,
    continues: bool,
    head: bool,
}

/// Collects keys and postings, then freezes them into a [`NameIndex`].
#[derive(Default)]
pub struct IndexBuilder {
    arena: String,
    nodes: Vec<Node>,
    /// Interning table during the build (key → node).
    lookup: rustc_hash::FxHashMap<Box<str>, u32>,
    pairs: Vec<(u32, Posting)>,
}

impl IndexBuilder {
    fn intern(&mut self, key: &str) -> u32 {
        if let Some(&id) = self.lookup.get(key) {
            return id;
        }
        let id = self.nodes.len() as u32;
        self.nodes.push(Node {
            key_off: self.arena.len() as u32,
            key_len: key.len() as u32,
            continues: false,
            head: false,
        });
        self.arena.push_str(key);
        self.lookup.insert(key.into(), id);
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
                self.nodes[id as usize].continues = true;
            } else {
                self.pairs.push((id, posting));
            }
        }
    }

    /// Marks a one-word key as the first word of a key of another index
    /// (the country names), so that one lookup in this index tells whether
    /// the other needs one.
    pub fn mark_head(&mut self, word: &str) {
        let id = self.intern(word);
        self.nodes[id as usize].head = true;
    }

    /// Adds a key given as one string whose words are separated by spaces.
    pub fn add_key(&mut self, key: &str, posting: Posting) {
        let words: Vec<&str> = key.split(' ').filter(|w| !w.is_empty()).collect();
        self.add(&words, posting);
    }

    pub fn build(mut self) -> NameIndex {
        self.pairs.sort_unstable_by_key(|(n, p)| (*n, p.entry));
        let mut ranges = vec![(0u32, 0u16); self.nodes.len()];
        let mut postings: Vec<Posting> = Vec::with_capacity(self.pairs.len());
        let mut i = 0;
        while i < self.pairs.len() {
            let node = self.pairs[i].0;
            let start = postings.len();
            while i < self.pairs.len() && self.pairs[i].0 == node {
                let p = self.pairs[i].1;
                // The same record under the same key twice (a name and its
                // French form spelled alike): keep one, with both origins'
                // flags; it is a derived variant only if both were.
                let has_own = postings.len() > start;
                match postings.last_mut() {
                    Some(last) if has_own && last.entry == p.entry => {
                        let variant = last.flags & p.flags & VARIANT;
                        last.flags = ((last.flags | p.flags) & !VARIANT) | variant;
                    }
                    _ => postings.push(p),
                }
                i += 1;
            }
            // A key naming more than 65 535 records would be a data error;
            // keep the first ones.
            let count = (postings.len() - start).min(u16::MAX as usize);
            postings.truncate(start + count);
            ranges[node as usize] = (start as u32, count as u16);
        }
        let mut nodes = Vec::with_capacity(self.nodes.len() * NODE_BYTES);
        for (n, &(start, count)) in self.nodes.iter().zip(&ranges) {
            nodes.extend_from_slice(&n.key_off.to_le_bytes());
            nodes.extend_from_slice(&n.key_len.to_le_bytes());
            nodes.extend_from_slice(&start.to_le_bytes());
            nodes.extend_from_slice(&count.to_le_bytes());
            nodes.push(u8::from(n.continues) | u8::from(n.head) << 1);
            nodes.push(0);
        }
        let mut pbytes = Vec::with_capacity(postings.len() * POSTING_BYTES);
        for p in &postings {
            pbytes.extend_from_slice(&p.entry.to_le_bytes());
            pbytes.push(p.flags);
        }
        // Open addressing at a load factor of at most one half.
        let n_slots = (self.nodes.len() * 2).next_power_of_two().max(8);
        let mask = n_slots - 1;
        let mut slots = vec![(EMPTY, 0u32); n_slots];
        let n_words = (self.nodes.len() / 4).next_power_of_two().max(8);
        let mut bloom = vec![0u64; n_words];
        for (id, n) in self.nodes.iter().enumerate() {
            let key = &self.arena[n.key_off as usize..(n.key_off + n.key_len) as usize];
            let h = hash_key(key);
            let (w, bits) = bloom_probe(h, n_words);
            bloom[w] |= bits;
            let mut s = h as usize & mask;
            while slots[s].0 != EMPTY {
                s = (s + 1) & mask;
            }
            slots[s] = (id as u32, (h >> 32) as u32);
        }
        let mut sbytes = Vec::with_capacity(n_slots * SLOT_BYTES);
        for (id, finger) in slots {
            sbytes.extend_from_slice(&id.to_le_bytes());
            sbytes.extend_from_slice(&finger.to_le_bytes());
        }
        NameIndex {
            arena: Cow::Owned(self.arena.into_bytes()),
            nodes: Cow::Owned(nodes),
            postings: Cow::Owned(pbytes),
            slots: Cow::Owned(sbytes),
            bloom: Cow::Owned(bloom.iter().flat_map(|w| w.to_le_bytes()).collect()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_key_comparison_agrees_with_eq() {
        let keys = [
            "",
            "a",
            "ab",
            "abcdefg",
            "abcdefgh",
            "abcdefghi",
            "abcdefghijklmnop",
            "abcdefghijklmnopq",
            "abcdefghijklmnoq",
            "bbcdefghijklmnop",
        ];
        for a in keys {
            for b in keys {
                assert_eq!(same_bytes(a.as_bytes(), b.as_bytes()), a == b, "{a} {b}");
            }
        }
    }

    #[test]
    fn prefixes_continue_and_postings_merge() {
        let mut b = IndexBuilder::default();
        b.add(&["دير", "الزور"], Posting { entry: 7, flags: 0 });
        b.add(&["دير"], Posting { entry: 3, flags: 0 });
        b.add(
            &["دير"],
            Posting {
                entry: 3,
                flags: ALIAS,
            },
        );
        b.add_key(
            "gao",
            Posting {
                entry: 1,
                flags: LATIN,
            },
        );
        let ix = b.build();
        let d = ix.get("دير").unwrap();
        assert!(d.continues);
        assert_eq!(
            d.postings().collect::<Vec<_>>(),
            [Posting {
                entry: 3,
                flags: ALIAS
            }]
        );
        let dz = ix.get("دير الزور").unwrap();
        assert!(!dz.continues);
        assert_eq!(dz.postings().next().unwrap().entry, 7);
        assert!(ix.get("الزور").is_none());
        assert!(ix.get("").is_none());
        assert_eq!(
            ix.get("gao").unwrap().postings().next().unwrap().flags,
            LATIN
        );
    }

    #[test]
    fn survives_a_round_trip_through_bytes() {
        let mut b = IndexBuilder::default();
        for i in 0..1000u32 {
            b.add_key(&format!("name{i} x"), Posting { entry: i, flags: 0 });
        }
        let ix = b.build();
        let mut bytes = Vec::new();
        ix.write(&mut bytes);
        let bytes: &'static [u8] = Box::leak(bytes.into_boxed_slice());
        let mut pos = 0;
        let back = NameIndex::read(bytes, &mut pos).unwrap();
        assert_eq!(pos, bytes.len());
        for i in (0..1000u32).step_by(37) {
            let h = back.get(&format!("name{i} x")).unwrap();
            assert_eq!(h.postings().next().unwrap().entry, i);
            assert!(back.get(&format!("name{i}")).unwrap().continues);
        }
        assert!(NameIndex::read(&bytes[..10], &mut 0).is_none());
    }
}
