#!/usr/bin/env python3
"""List the frequent Arabic words that the skeleton bridge could read as a
place, so that it never does.

The bridge (crates/gazetteer/src/bridge.rs) reads an Arabic spelling the
gazetteer does not know as a place of the document's country whose name has
the same consonant skeleton (crates/gazetteer/src/skeleton.rs): باتيبو is
Batibo. Any three consonants are also the skeleton of many Arabic words:
مليوني ("two million of") is Moulane in Mali, جانبي ("both sides of")
Ganba in Niger. This script lists the words of the `wordfreq` Arabic
frequency list whose skeleton is the skeleton of some place, among those
the bridge could take:

- after a bare preposition (في، على، بين) the bridge only takes a word
  with no article that ends in a long vowel, three consonants or more, in
  a country whose names reach Arabic as transliterations: such words at
  or above --min-zipf (3.0, about once per million words);
- after a type noun (قرية، بلدة، منطقة) it takes any word that does not end
  in ة: the very frequent ones, at or above --min-zipf-typed (4.0).

Words already in common_words.tsv are left out (the bridge skips them
too). The fourth column says where a word is blocked: `any` (frequent
enough for both) or `prep` (only after a bare preposition). The third column is the skeleton, as this script computes it; a test
of the gazetteer checks that the Rust code computes the same one, so the
two stay in step.

Run from the repository root (pip install wordfreq):

  python3 scripts/gazetteer/bridge_words.py
"""
import argparse
import os
import re
import unicodedata

from gazetteer_words import ARABIC_WORD, DATA, TRANSLIT, fold, rows


LATIN_ARTICLES = set("al el ar as ash ad adh an az at ath ed es er ez et en ul aj ay".split())
ARABIC_ONLY = re.compile(r"[\u0621-\u064A]+")

# Consonant classes (see the table in src/skeleton.rs).
AR_CLASS = {}
for letters, cls in [("بپ", "b"), ("تطث", "t"), ("دضذظ", "d"), ("سص", "s"), ("زژ", "z"),
                     ("ش", "x"), ("جغقكگڭڠچ", "g"), ("خ", "k"), ("فڤ", "f"), ("ح", "h"),
                     ("ل", "l"), ("م", "m"), ("ن", "n"), ("ر", "r")]:
    for c in letters:
        AR_CLASS[c] = cls



def strip_article(w):
    return w[2:] if w.startswith("ال") and len(w) >= 4 else w


def arabic_word(w):
    out, prev, i = [], None, 0
    while i < len(w):
        c = w[i]
        nxt = w[i + 1] if i + 1 < len(w) else None
        n = 1
        if c == "ت" and nxt == "ش":
            cls, n = "x", 2
        elif c == "د" and nxt == "ج":
            cls, n = "g", 2
        elif c == "ه":
            cls = None if i + 1 == len(w) else "h"
        else:
            cls = AR_CLASS.get(c)
        if cls is not None and cls != prev:
            out.append(cls)
        prev = cls
        i += n
    return "".join(out)


def arabic(words):
    return "".join(arabic_word(strip_article(w)) for w in words)


def is_vowel(c):
    return c in "aeiouyw"


def latin_word(b):
    out, prev, i = [], None, 0
    simple = {"b": "b", "p": "b", "t": "t", "d": "d", "s": "s", "z": "z", "c": "g", "g": "g",
              "j": "g", "k": "g", "q": "g", "f": "f", "v": "f", "l": "l", "m": "m", "n": "n",
              "r": "r"}
    while i < len(b):
        c = b[i]
        n1 = b[i + 1] if i + 1 < len(b) else None
        n2 = b[i + 2] if i + 2 < len(b) else None
        cls, n = None, 1
        if c == "t" and n1 in ("c", "s") and n2 == "h":
            cls, n = "x", 3
        elif c == "s" and n1 == "c" and n2 == "h":
            cls, n = "x", 3
        elif c in "sc" and n1 == "h":
            cls, n = "x", 2
        elif c + (n1 or "") in ("kh", "gh", "ph", "th", "dh", "zh", "dj", "ck"):
            cls, n = {"kh": "k", "gh": "g", "ph": "f", "th": "t", "dh": "d", "zh": "z",
                      "dj": "g", "ck": "g"}[c + n1], 2
        elif c == "c" and n1 in ("e", "i", "y"):
            cls = "s"
        elif c == "x":
            if prev != "g":
                out.append("g")
            prev, cls = "g", "s"
        elif c == "h":
            final = i + 1 == len(b) and i > 0 and is_vowel(b[i - 1])
            cls = None if final else "h"
        else:
            cls = simple.get(c)
        if cls is not None and cls != prev:
            out.append(cls)
        prev = cls
        i += n
    return "".join(out)


def latin_words(name):
    s = unicodedata.normalize("NFKD", name)
    s = "".join(c for c in s if not unicodedata.combining(c)).lower()
    return [w for w in re.split(r"[^a-z]+", s) if w]


def latin(words):
    many = len(words) > 1
    return "".join(latin_word(w) for k, w in enumerate(words)
                   if not (many and k + 1 < len(words) and w in LATIN_ARTICLES))




def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--min-zipf", type=float, default=3.0)
    ap.add_argument("--min-zipf-typed", type=float, default=4.0)
    ap.add_argument("--out", default=os.path.join(DATA, "bridge_words.tsv"))
    args = ap.parse_args()

    every, translit = set(), set()

    def add(key, cc):
        if len(key) >= 2:
            every.add(key)
            if cc in TRANSLIT and len(key) >= 3:
                translit.add(key)

    for c in rows(os.path.join(DATA, "places.tsv.gz")):
        for n in [c[1]] + c[10].split("|") + c[11].split("|"):
            ws = latin_words(n) if n and not ARABIC_WORD.search(n) else []
            if ws:
                add(latin(ws), c[3])
        for n in c[9].split("|"):
            ws = [fold(w) for w in ARABIC_WORD.findall(n)]
            if ws:
                add(arabic(ws), c[3])
    for c in rows(os.path.join(DATA, "admin.tsv.gz")):
        for n in [c[5]] + c[7].split("|"):
            ws = latin_words(n) if n else []
            if ws:
                add(latin(ws), c[1])

    common = {fold(c[0].strip()) for c in rows(os.path.join(DATA, "common_words.tsv"))}

    import wordfreq  # noqa: PLC0415

    zipf = {}
    for w in wordfreq.top_n_list("ar", 400_000):
        z = wordfreq.zipf_frequency(w, "ar")
        if z < min(args.min_zipf, args.min_zipf_typed):
            break
        k = fold(w)
        if ARABIC_ONLY.fullmatch(k):
            zipf[k] = max(zipf.get(k, 0.0), z)

    out = []
    for k, z in zipf.items():
        if k in common or k.endswith("ه") or len(k) < 3:
            continue
        sk = arabic([k])
        after_prep = (z >= args.min_zipf and not k.startswith("ال") and k[-1] in "ايو"
                      and not k.endswith("وا") and sk in translit)
        after_type = z >= args.min_zipf_typed and sk in every
        if after_type:
            out.append((k, z, sk, "any"))
        elif after_prep:
            out.append((k, z, sk, "prep"))
    out.sort()
    with open(args.out, "w", encoding="utf-8") as f:
        f.write("# Frequent Arabic words whose consonant skeleton is also the skeleton of\n"
                "# a place name: never read as a place through the skeleton bridge\n"
                "# (src/bridge.rs). Generated by scripts/gazetteer/bridge_words.py from\n"
                "# the wordfreq Arabic list; review like code (delete a line that is\n"
                "# really a place and say why in the commit).\n"
                "# blocks: `any` the word is never read through the bridge, `prep`\n"
                "# not after a bare preposition (a type noun may still announce it).\n"
                "# word<TAB>zipf<TAB>skeleton<TAB>blocks\n")
        for k, z, sk, blocks in out:
            f.write(f"{k}\t{z:.1f}\t{sk}\t{blocks}\n")
    print(f"{len(out)} words written to {args.out}")


if __name__ == "__main__":
    main()
