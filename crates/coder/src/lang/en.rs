//! English: the word lists of `data/en/`.

use std::sync::LazyLock;

use super::{Grammar, LangData, LangFiles};

pub static FILES: LangFiles = LangFiles {
    name: "data/en",
    triggers: include_str!("../../data/en/triggers.tsv"),
    sides: include_str!("../../data/en/sides.tsv"),
    cues: include_str!("../../data/en/cues.tsv"),
    sources: include_str!("../../data/en/sources.tsv"),
    grammar: Grammar {
        subject_first: true,
        modifier_first: true,
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
