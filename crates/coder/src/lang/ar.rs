//! Arabic: the word lists of `data/ar/`.

use std::sync::LazyLock;

use super::{Grammar, LangData, LangFiles};

pub static FILES: LangFiles = LangFiles {
    name: "data/ar",
    triggers: include_str!("../../data/ar/triggers.tsv"),
    sides: include_str!("../../data/ar/sides.tsv"),
    cues: include_str!("../../data/ar/cues.tsv"),
    sources: include_str!("../../data/ar/sources.tsv"),
    grammar: Grammar {
        subject_first: false,
        modifier_first: false,
    },
};

/// Compiled on first use.
pub static DATA: LazyLock<LangData> = LazyLock::new(|| LangData::compile(&FILES));

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_row_is_well_formed() {
        assert!(DATA.errors.is_empty(), "{:#?}", DATA.errors);
        assert!(DATA.triggers.len() > 200);
        assert!(DATA.cues.len() > 200);
    }
}
