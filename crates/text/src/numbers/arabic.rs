//! Arabic number words: the lexicon (`data/numbers_ar.tsv`) and the rules
//! for joining words into one number.
//!
//! Arabic puts units before tens and joins every part with the conjunction
//! و, written as a proclitic (`خمسة وعشرين`, `مئة وثلاثة`). Only three
//! joins need no و: a unit and عشر/عشرة (a teen: `ثلاثة عشر`), a unit and
//! مئة (`ثلاث مئة`), and a group and its multiplier (`ثلاثة آلاف`).

use std::sync::LazyLock;

use super::Lexicon;
use crate::words::W;

pub(super) static LEXICON: LazyLock<Lexicon> =
    LazyLock::new(|| Lexicon::load(include_str!("../../data/numbers_ar.tsv")));

/// The proclitic prefixes a word may carry and still continue a number,
/// and whether the prefix is the conjunction.
pub(super) fn continuation_prefix(w: &W) -> Option<bool> {
    match w.prefix() {
        "" => Some(false),
        "و" | "وال" => Some(true),
        _ => None,
    }
}

/// A free-standing conjunction word (`خمسة و عشرين`).
pub(super) fn is_conjunction_word(w: &W) -> bool {
    w.key() == "و"
}
