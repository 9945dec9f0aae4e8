//! English number words: the lexicon (`data/numbers_en.tsv`) and its
//! connectors. English puts tens before units, joined by a hyphen
//! (`twenty-five`), and allows `and` after hundreds and thousands (`one
//! hundred and five`).

use std::sync::LazyLock;

use super::Lexicon;

pub(super) static LEXICON: LazyLock<Lexicon> =
    LazyLock::new(|| Lexicon::load(include_str!("../../data/numbers_en.tsv")));

/// The word that joins parts of a number.
pub(super) const AND: &str = "and";
/// The word that links a vague quantity to its multiplier (`tens of
/// thousands`) or a vague word to its noun (`scores of`).
pub(super) const OF: &str = "of";
