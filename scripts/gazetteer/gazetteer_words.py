"""What the word-list scripts of this folder share: where the gazetteer's
data lives, how it is read, and how an Arabic word is folded to the key the
matcher uses (as in crates/text and src/data.rs).

Imported by common_words.py and bridge_words.py, which run from the
repository root with only the standard library.
"""
import gzip
import os
import re

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
DATA = os.path.join(ROOT, "crates", "gazetteer", "data")

# Vowel marks and tatweel, dropped; letter variants, folded.
MARKS = set(chr(c) for c in range(0x064B, 0x0660)) | {"\u0670", "\u0640"}
FOLD = {"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ئ": "ي", "ة": "ه", "ؤ": "و",
        "ی": "ي", "ک": "ك", "گ": "غ", "ڭ": "غ", "پ": "ب", "چ": "ج", "ڤ": "ف", "ژ": "ز"}
# Countries whose place names reach Arabic as transliterations (as in
# src/data.rs): a frequent Arabic word that spells one of their places is a
# coincidence, however big the place.
TRANSLIT = set("ML BF NE TD MR NG BJ TG CM SN CI GH SO DJ ER ET SS".split())
ARABIC_WORD = re.compile(r"[\u0621-\u064A\u0670-\u06D3]+")


def fold(s):
    """An Arabic word as the matcher's key."""
    return "".join(FOLD.get(c, c) for c in s if c not in MARKS)


def rows(path):
    """The tab-separated fields of each entry of a data file (gzip or
    plain), skipping blank lines and # comments."""
    opener = gzip.open if path.endswith(".gz") else open
    with opener(path, "rt", encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            yield line.rstrip("\n").split("\t")
