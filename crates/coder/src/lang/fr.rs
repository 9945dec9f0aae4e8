//! French: the word lists of `data/fr/`.

use std::sync::LazyLock;

use super::{Grammar, LangData, LangFiles};

pub static FILES: LangFiles = LangFiles {
    name: "data/fr",
    triggers: include_str!("../../data/fr/triggers.tsv"),
    sides: include_str!("../../data/fr/sides.tsv"),
    cues: include_str!("../../data/fr/cues.tsv"),
    sources: include_str!("../../data/fr/sources.tsv"),
    grammar: Grammar {
        subject_first: true,
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
        assert!(DATA.triggers.len() > 150);
        assert!(DATA.cues.len() > 150);
    }
}
