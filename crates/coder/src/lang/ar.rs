//! Arabic: the word lists of `data/ar/`.

language!("ar", subject_first: false, modifier_first: false, min_rows: 200);
