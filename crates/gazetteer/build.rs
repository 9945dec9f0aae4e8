//! Compiles the gazetteer at build time.
//!
//! Reads the TSV sources of `data/` (the generated tables are kept
//! gzip-compressed in the repository), runs the same loader the library
//! uses, and writes the compiled tables and name indexes as one image
//! (`OUT_DIR/gazetteer.bin`) that the library embeds and uses in place: the
//! binary needs no data file and loading costs a few milliseconds. The
//! decompressed tables are written to `OUT_DIR` too, for
//! `Sources::embedded()`.

#![allow(dead_code)]

#[path = "src/data.rs"]
mod data;
#[path = "src/image.rs"]
mod image;
#[path = "src/index.rs"]
mod index;
#[path = "src/keys.rs"]
mod keys;
#[path = "src/kind.rs"]
mod kind;
#[path = "src/skeleton.rs"]
mod skeleton;
#[path = "src/wordset.rs"]
mod wordset;

use kind::PlaceKind;

use std::io::Read;
use std::path::Path;

fn read(path: &Path) -> &'static str {
    println!("cargo:rerun-if-changed={}", path.display());
    let bytes =
        std::fs::read(path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    let text = if path.extension().is_some_and(|x| x == "gz") {
        let mut out = Vec::new();
        flate2::read::GzDecoder::new(&bytes[..])
            .read_to_end(&mut out)
            .unwrap_or_else(|e| panic!("{} is not valid gzip: {e}", path.display()));
        out
    } else {
        bytes
    };
    let text =
        String::from_utf8(text).unwrap_or_else(|e| panic!("{} is not UTF-8: {e}", path.display()));
    Box::leak(text.into_boxed_str())
}

fn main() {
    let out = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    let out = Path::new(&out);
    let data = Path::new("data");
    let sources = data::Sources {
        places: read(&data.join("places.tsv.gz")),
        admin: read(&data.join("admin.tsv.gz")),
        countries: read(&data.join("countries.tsv")),
        admin1_names: read(&data.join("admin1_names.tsv")),
        names: read(&data.join("names.tsv")),
        aliases: read(&data.join("aliases.tsv")),
        extra_places: read(&data.join("extra_places.tsv")),
        stopwords: read(&data.join("stopwords.tsv")),
        common_words: read(&data.join("common_words.tsv")),
        given_names: read(&data.join("given_names.tsv")),
        bridge_words: read(&data.join("bridge_words.tsv")),
        cues: read(&data.join("cues.tsv")),
        country_words: read(&data.join("country_words.tsv")),
        name_drops: read(&data.join("name_drops.tsv")),
    };
    for (name, text) in [("places.tsv", sources.places), ("admin.tsv", sources.admin)] {
        std::fs::write(out.join(name), text).expect("write decompressed table");
    }
    let tables = data::load(&sources);
    std::fs::write(out.join("gazetteer.bin"), image::write(&tables)).expect("write image");
    for f in [
        "data.rs",
        "image.rs",
        "index.rs",
        "keys.rs",
        "kind.rs",
        "skeleton.rs",
    ] {
        println!("cargo:rerun-if-changed=src/{f}");
    }
    println!("cargo:rerun-if-changed=build.rs");
}
