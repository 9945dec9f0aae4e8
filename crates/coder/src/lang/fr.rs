//! French: the word lists of `data/fr/`.

language!("fr", subject_first: true, modifier_first: false, min_rows: 150);
