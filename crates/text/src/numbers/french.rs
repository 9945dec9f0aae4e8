//! French number words: the lexicon (`data/numbers_fr.tsv`) and its
//! peculiarities: `et` before un/une/onze (`vingt et un`, `soixante et
//! onze`), the vigesimal tens (`soixante-dix` = 60 + 10, `quatre-vingt` =
//! 4 × 20, `quatre-vingt-dix-sept` = 80 + 10 + 7), the approximate nouns
//! (`une vingtaine` ≈ 20) and the vague plurals (`des dizaines`).

use std::sync::LazyLock;

use super::Lexicon;

pub(super) static LEXICON: LazyLock<Lexicon> =
    LazyLock::new(|| Lexicon::load(include_str!("../../data/numbers_fr.tsv")));

pub(super) const AND: &str = "et";
pub(super) const OF: &[&str] = &["de", "d"];

/// Tens that take a teen or `dix` after them (`soixante-dix`, `quatre-vingt-onze`).
pub(super) fn takes_teen(tens: u64) -> bool {
    tens == 60 || tens == 80
}

/// `quatre-vingt`: a unit of four times twenty makes eighty.
pub(super) fn vigesimal(units: u64, ten: u64) -> Option<u64> {
    (units == 4 && ten == 20).then_some(80)
}
