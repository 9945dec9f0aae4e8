//! English: the word lists of `data/en/`.

language!("en", subject_first: true, modifier_first: true, min_rows: 150);
