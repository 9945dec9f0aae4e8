//! The compiled gazetteer as bytes: written by the build script, read by
//! the library without rebuilding anything.
//!
//! Layout: a magic tag, then the tables in a fixed order, every number
//! little-endian and every string as a `u32` length and UTF-8 bytes. The
//! three name indexes are stored in their final form (see `index.rs`) and
//! used in place; the records are decoded into a vector (a few
//! milliseconds); the small tables (stop words, cues, country words) are
//! rebuilt as hash sets.

use rustc_hash::FxHashMap as HashMap;

use crate::data::{
    Class, CountryRec, CueKind, DataError, Entry, FormRec, Salience, Tables, TypeHint,
};
use crate::index::{FirstWords, NameIndex};
use crate::wordset::{PairSet, WordSet};
use crate::PlaceKind;
use rasd_text::KeyMap;

const MAGIC: &[u8; 8] = b"RASDGZ03";

const CLASSES: [Class; 11] = [
    Class::Country,
    Class::Admin1,
    Class::Admin2,
    Class::Capital,
    Class::Seat1,
    Class::Seat2,
    Class::Seat3,
    Class::Town,
    Class::Region,
    Class::Site,
    Class::Terrain,
];
const SALIENCES: [Salience; 3] = [Salience::Low, Salience::Medium, Salience::High];
const HINTS: [TypeHint; 5] = [
    TypeHint::Town,
    TypeHint::Admin1,
    TypeHint::Admin2,
    TypeHint::Area,
    TypeHint::Site,
];

#[cfg_attr(not(test), allow(dead_code))]
fn pos_of<T: PartialEq>(all: &[T], x: &T) -> u8 {
    all.iter().position(|y| y == x).unwrap_or(0) as u8
}

#[cfg_attr(not(test), allow(dead_code))]
struct W(Vec<u8>);

#[cfg_attr(not(test), allow(dead_code))]
impl W {
    fn u8(&mut self, v: u8) {
        self.0.push(v);
    }
    fn u16(&mut self, v: u16) {
        self.0.extend_from_slice(&v.to_le_bytes());
    }
    fn u32(&mut self, v: u32) {
        self.0.extend_from_slice(&v.to_le_bytes());
    }
    fn f32(&mut self, v: f32) {
        self.0.extend_from_slice(&v.to_le_bytes());
    }
    fn str(&mut self, s: &str) {
        self.u32(s.len() as u32);
        self.0.extend_from_slice(s.as_bytes());
    }
    /// A set of strings, sorted so that the image is reproducible.
    fn set(&mut self, set: &WordSet) {
        let mut v: Vec<&String> = set.iter().collect();
        v.sort();
        self.u32(v.len() as u32);
        for s in v {
            self.str(s);
        }
    }

    fn pairs(&mut self, set: &PairSet) {
        let mut v: Vec<(u16, &str)> = set.iter().collect();
        v.sort();
        self.u32(v.len() as u32);
        for (c, s) in v {
            self.u16(c);
            self.str(s);
        }
    }
}

/// Serializes the tables (used by the build script and the tests).
#[cfg_attr(not(test), allow(dead_code))]
pub fn write(t: &Tables) -> Vec<u8> {
    let mut w = W(Vec::with_capacity(16 << 20));
    w.0.extend_from_slice(MAGIC);
    w.u32(t.entries.len() as u32);
    for e in &t.entries {
        w.str(e.name);
        w.u8(pos_of(&PlaceKind::ALL, &e.kind));
        w.u8(pos_of(&CLASSES, &e.class));
        w.u16(e.country);
        w.u32(e.admin1);
        w.u32(e.admin2);
        w.f32(e.lat);
        w.f32(e.lon);
        w.u32(e.population);
        w.f32(e.prior);
        w.u8(pos_of(&SALIENCES, &e.salience));
    }
    w.u32(t.countries.len() as u32);
    for c in &t.countries {
        w.str(c.iso2);
        w.str(c.iso3);
        w.str(c.name);
        w.u32(c.entry);
        w.u8(u8::from(c.translit));
    }
    t.names.write(&mut w.0);
    t.loose.write(&mut w.0);
    t.skeleton.write(&mut w.0);
    t.country_index.write(&mut w.0);
    for set in [
        &t.stopwords,
        &t.common,
        &t.given,
        &t.named,
        &t.bridge_words,
        &t.bridge_prep,
    ] {
        w.set(set);
    }
    let mut cues: Vec<(&String, &CueKind)> = t.cues.iter().collect();
    cues.sort_by(|a, b| a.0.cmp(b.0));
    w.u32(cues.len() as u32);
    for (k, kind) in cues {
        w.str(k);
        match kind {
            CueKind::Type(h) => {
                w.u8(0);
                w.u8(pos_of(&HINTS, h));
            }
            CueKind::Near => w.u8(1),
            CueKind::Prep => w.u8(2),
            CueKind::Dir(d) => {
                w.u8(3);
                w.str(d);
            }
            CueKind::Unit => w.u8(4),
            CueKind::Intro => w.u8(5),
            CueKind::Link => w.u8(6),
            CueKind::Num(v) => {
                w.u8(7);
                w.u32(*v);
            }
        }
    }
    w.u32(t.cue_max_words as u32);
    w.u32(t.country_forms.len() as u32);
    for f in &t.country_forms {
        w.u16(f.country);
        w.u8(u8::from(f.demonym) | u8::from(f.article) << 1);
    }
    w.pairs(&t.not_after);
    w.pairs(&t.not_before);
    w.pairs(&t.ambiguous);
    w.pairs(&t.confirm_after);
    w.u32(t.problems.len() as u32);
    for p in &t.problems {
        w.str(p.file);
        w.u32(p.line as u32);
        w.str(&p.reason);
    }
    w.0
}

struct R {
    b: &'static [u8],
    pos: usize,
}

impl R {
    fn take(&mut self, n: usize) -> Result<&'static [u8], String> {
        let s = self
            .b
            .get(self.pos..self.pos + n)
            .ok_or_else(|| format!("image truncated at byte {}", self.pos))?;
        self.pos += n;
        Ok(s)
    }
    fn u8(&mut self) -> Result<u8, String> {
        Ok(self.take(1)?[0])
    }
    fn u16(&mut self) -> Result<u16, String> {
        let s = self.take(2)?;
        Ok(u16::from_le_bytes([s[0], s[1]]))
    }
    fn u32(&mut self) -> Result<u32, String> {
        let s = self.take(4)?;
        Ok(u32::from_le_bytes([s[0], s[1], s[2], s[3]]))
    }
    fn f32(&mut self) -> Result<f32, String> {
        Ok(f32::from_bits(self.u32()?))
    }
    fn str(&mut self) -> Result<&'static str, String> {
        let n = self.u32()? as usize;
        let at = self.pos;
        std::str::from_utf8(self.take(n)?).map_err(|e| format!("bad UTF-8 at byte {at}: {e}"))
    }
    fn pick<T: Copy>(&mut self, all: &[T]) -> Result<T, String> {
        let i = self.u8()? as usize;
        all.get(i)
            .copied()
            .ok_or_else(|| format!("bad tag {i} at byte {}", self.pos))
    }
    fn index(&mut self) -> Result<NameIndex, String> {
        let at = self.pos;
        NameIndex::read(self.b, &mut self.pos).ok_or_else(|| format!("bad index at byte {at}"))
    }
    fn set(&mut self) -> Result<WordSet, String> {
        let n = self.u32()?;
        let mut set = WordSet::with_capacity(n as usize);
        for _ in 0..n {
            set.insert(self.str()?.to_string());
        }
        Ok(set)
    }

    fn pairs(&mut self) -> Result<PairSet, String> {
        let n = self.u32()?;
        let mut set = PairSet::with_capacity(n as usize);
        for _ in 0..n {
            let c = self.u16()?;
            set.insert((c, self.str()?.to_string()));
        }
        Ok(set)
    }
}

/// Reads tables written by [`write`].
pub fn read(bytes: &'static [u8]) -> Result<Tables, String> {
    let mut r = R { b: bytes, pos: 0 };
    if r.take(MAGIC.len())? != MAGIC {
        return Err("not a gazetteer image (bad magic)".into());
    }
    let n = r.u32()? as usize;
    let mut entries = Vec::with_capacity(n);
    for _ in 0..n {
        entries.push(Entry {
            name: r.str()?,
            kind: r.pick(&PlaceKind::ALL)?,
            class: r.pick(&CLASSES)?,
            country: r.u16()?,
            admin1: r.u32()?,
            admin2: r.u32()?,
            lat: r.f32()?,
            lon: r.f32()?,
            population: r.u32()?,
            prior: r.f32()?,
            salience: r.pick(&SALIENCES)?,
        });
    }
    let n = r.u32()? as usize;
    let mut countries = Vec::with_capacity(n);
    let mut country_by_iso3 = HashMap::with_capacity_and_hasher(n, Default::default());
    for i in 0..n {
        let c = CountryRec {
            iso2: r.str()?,
            iso3: r.str()?,
            name: r.str()?,
            entry: r.u32()?,
            translit: r.u8()? != 0,
        };
        country_by_iso3.insert(c.iso3, i as u16);
        countries.push(c);
    }
    let names = r.index()?;
    let loose = r.index()?;
    let loose_first = FirstWords::of(&loose, crate::keys::loose_key_hash);
    let skeleton = r.index()?;
    let country_index = r.index()?;
    let stopwords = r.set()?;
    let common = r.set()?;
    let given = r.set()?;
    let named = r.set()?;
    let bridge_words = r.set()?;
    let bridge_prep = r.set()?;
    let n = r.u32()?;
    let mut cues = KeyMap::with_capacity(n as usize);
    for _ in 0..n {
        let key = r.str()?.to_string();
        let kind = match r.u8()? {
            0 => CueKind::Type(r.pick(&HINTS)?),
            1 => CueKind::Near,
            2 => CueKind::Prep,
            3 => CueKind::Dir(r.str()?),
            4 => CueKind::Unit,
            5 => CueKind::Intro,
            6 => CueKind::Link,
            7 => CueKind::Num(r.u32()?),
            k => return Err(format!("bad cue kind {k}")),
        };
        cues.insert_first(key, kind);
    }
    let cue_max_words = r.u32()? as usize;
    let cue_heads = cues
        .keys()
        .filter_map(|k: &String| k.split_once(' '))
        .map(|(head, _)| head.to_string())
        .collect();
    let cue_tails = cues
        .keys()
        .filter_map(|k: &String| k.split(' ').next_back())
        .map(str::to_string)
        .collect();
    let n = r.u32()?;
    let mut country_forms = Vec::with_capacity(n as usize);
    for _ in 0..n {
        let country = r.u16()?;
        let bits = r.u8()?;
        country_forms.push(FormRec {
            country,
            demonym: bits & 1 != 0,
            article: bits & 2 != 0,
        });
    }
    let not_after = r.pairs()?;
    let not_before = r.pairs()?;
    let ambiguous = r.pairs()?;
    let confirm_after = r.pairs()?;
    let n = r.u32()?;
    let mut problems = Vec::new();
    for _ in 0..n {
        problems.push(DataError {
            file: r.str()?,
            line: r.u32()? as usize,
            reason: r.str()?.to_string(),
        });
    }
    if r.pos != bytes.len() {
        return Err(format!("{} trailing bytes", bytes.len() - r.pos));
    }
    let listed = crate::data::listed(&stopwords, &common, &given, &bridge_words);
    let tail_cues = crate::data::tail_cues(&cue_tails, &cues);
    let (stop_nodes, cue_nodes) = crate::data::node_sets(&names, &stopwords, &cues);
    Ok(Tables {
        listed,
        tail_cues,
        stop_nodes,
        cue_nodes,
        entries,
        countries,
        country_by_iso3,
        names,
        loose,
        loose_first,
        skeleton,
        stopwords,
        common,
        given,
        named,
        bridge_words,
        bridge_prep,
        cues,
        cue_max_words,
        cue_heads,
        cue_tails,
        country_index,
        country_forms,
        not_after,
        not_before,
        ambiguous,
        confirm_after,
        problems,
        capitals: std::sync::OnceLock::new(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::{load, Sources};

    fn tiny() -> Sources {
        Sources {
            places: "1\tGao\tP.PPLA\tML\t09\t\t16.27\t-0.04\t133110\tجاو|غاو\tGao\t\n\
                     2\tTessit\tP.PPL\tML\t09\t\t15.2\t-0.3\t13588\t\tTessit\t\n",
            admin: "ADM1\tML\t09\t\t2457161\tGao\tمنطقة جاو\tRégion de Gao\t16.6\t1.6\n",
            countries: "ML\tMLI\tMali\t17\t-4\t100\t1\tMali\tMali\tمالي\tBamako\n",
            admin1_names: "",
            names: "",
            aliases: "تيسيت\tid:2\tTessit\n",
            extra_places: "",
            stopwords: "ar\tفي\n",
            common_words: "سلطات\tword\n",
            given_names: "آدم\n",
            bridge_words: "بشكل\t5.1\tbxgl\tany\nمليوني\t3.8\tmln\tprep\n",
            cues: "town\tمدينة\nprep\tفي\ndir:east\tشرق\nnum:20\tعشرين\n",
            country_words: "MLI\tar\tadj\tمالي\nMLI\tar\tambiguous\tمالي\n",
            name_drops: "",
        }
    }

    #[test]
    fn tables_survive_a_round_trip() {
        let t = load(&tiny());
        assert!(t.problems.is_empty(), "{:?}", t.problems);
        let bytes: &'static [u8] = Box::leak(write(&t).into_boxed_slice());
        let back = read(bytes).unwrap();
        assert_eq!(back.entries.len(), t.entries.len());
        for (a, b) in back.entries.iter().zip(&t.entries) {
            assert_eq!(
                (a.name, a.kind, a.class, a.admin1),
                (b.name, b.kind, b.class, b.admin1)
            );
            assert_eq!((a.lat, a.prior, a.salience), (b.lat, b.prior, b.salience));
        }
        for key in ["جاو", "غاو", "gao", "تيسيت", "tessit"] {
            let x: Vec<_> = t.names.get(key).unwrap().postings().collect();
            let y: Vec<_> = back.names.get(key).unwrap().postings().collect();
            assert_eq!(x, y, "{key}");
        }
        assert_eq!(back.cues, t.cues);
        assert_eq!(back.stopwords, t.stopwords);
        assert_eq!(back.common, t.common);
        assert!(back.common.contains("سلطات") && back.common.contains("يونيو"));
        assert_eq!(back.given, t.given);
        assert!(back.bridge_words.contains("بشكل"));
        assert!(back.bridge_prep.contains("مليوني"));
        // Tessit has no Arabic name but its alias: both scripts meet on
        // one skeleton.
        let tessit: Vec<_> = back.skeleton.get("tst").unwrap().postings().collect();
        assert_eq!(tessit.len(), 1);
        assert_eq!(
            tessit,
            t.skeleton
                .get("tst")
                .unwrap()
                .postings()
                .collect::<Vec<_>>()
        );
        assert_eq!(back.ambiguous, t.ambiguous);
        assert_eq!(back.country_forms, t.country_forms);
        assert!(read(&bytes[..bytes.len() - 1]).is_err());
        assert!(read(b"not an image").is_err());
    }
}
