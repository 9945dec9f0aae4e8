//! Decompresses the generated gazetteer tables into `OUT_DIR`, so the crate
//! embeds them uncompressed (`include_bytes!`) and loading costs no inflate.
//! The repository keeps them gzip-compressed (see `data/README.md`).

use std::io::Read;
use std::path::Path;

fn main() {
    let out = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    for name in ["places.tsv", "admin.tsv"] {
        let src = Path::new("data").join(format!("{name}.gz"));
        println!("cargo:rerun-if-changed={}", src.display());
        let file = std::fs::File::open(&src)
            .unwrap_or_else(|e| panic!("cannot open {}: {e}", src.display()));
        let mut text = Vec::new();
        flate2::read::GzDecoder::new(file)
            .read_to_end(&mut text)
            .unwrap_or_else(|e| panic!("{} is not valid gzip: {e}", src.display()));
        let dst = Path::new(&out).join(name);
        std::fs::write(&dst, text)
            .unwrap_or_else(|e| panic!("cannot write {}: {e}", dst.display()));
    }
    println!("cargo:rerun-if-changed=build.rs");
}
