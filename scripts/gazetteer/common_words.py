#!/usr/bin/env python3
"""List the Arabic words that are also a place name of the gazetteer.

A report is full of words that some village somewhere is called: سلطات
("authorities") is an alternate name of Settat, الساحل ("the coast") of
three Moroccan and Algerian villages, يونيو ("June") a Nigerian hamlet whose
Arabic name is the translation of its English one. Such a name must earn its
place with a cue (see crates/gazetteer/src/resolve.rs); this script finds
them, so that the rule meets every one of them and not only the few a
reviewer happened to see.

The words come from principled sources, not from reading documents:

- the frequency list of the `wordfreq` package (Arabic: subtitles, news,
  Wikipedia, web text), when it is installed: every word at or above
  --min-zipf (3.0 = about once per million words);
- the project's own Arabic dictionaries: the coder's event words, side
  nouns, cue words and source phrases (crates/coder/data/ar/*.tsv), the
  text layer's number words, day names and protected words
  (crates/text/data/*), the gazetteer's own cue words. Month names are read
  from crates/text at load time and need no line here.

A word is kept when it is itself a name key of the gazetteer, or it is one
when read as a proclitic and a name (لجان = ل + جان, a spelling of Dschang),
or it is with its article removed (الساحل → ساحل). It is dropped when the
name is a country or demonym, a curated spelling (aliases.tsv,
extra_places.tsv: a reviewer already decided it is a place), or the
name of a place big enough to explain the word's frequency: a capital, a
first-level area or a city of 500 000 for any word; a first-level seat or
a town of 20 000 for a word less frequent than zipf 4.3 (twenty per
million words). In the countries whose names are transliterations (the
Sahel, West and East Africa) no place explains a frequent Arabic word:
عدي is Ede in Nigeria, الساحل the Sahel region of Burkina Faso, and in an
Arabic report both are far more often a man's name and "the coast". The
output lists, for the reviewer, the frequency and the place each word
collides with.

Run from the repository root (only the standard library is needed; pip
install wordfreq for the frequency list):

  python3 scripts/gazetteer/common_words.py [--min-zipf 3.0]
"""
import argparse
import os
import re
import sys

from gazetteer_words import ARABIC_WORD, DATA, ROOT, TRANSLIT, fold, rows





def words_of(s):
    return [fold(w) for w in ARABIC_WORD.findall(s)]


def strip_article(w):
    return w[2:] if w.startswith("ال") and len(w) >= 4 else None


def readings(w):
    """The proclitic readings of a word, as the matcher tries them."""
    out = []
    bases = [w]
    if w[:1] in ("و", "ف") and len(w) >= 3:
        out.append(w[1:])
        bases.append(w[1:])
    for b in bases:
        if b[:1] in ("ب", "ل") and len(b) >= 3:
            out.append(b[1:])
            if b[:2] == "لل" and len(b) >= 4:
                out.append("ال" + b[2:])
    return out




def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--min-zipf", type=float, default=3.0)
    ap.add_argument("--out", default=os.path.join(DATA, "common_words.tsv"))
    args = ap.parse_args()

    # ---- gazetteer names (one-word keys) and what they name
    names = {}  # key -> [(label, size)]: size 2 very big, 1 major, 0 other
    sizes = {}  # "geonameid" and "Name@CC" -> size

    def add(name, label, major):
        ws = words_of(name)
        if len(ws) != 1:
            return
        names.setdefault(ws[0], []).append((label, major))

    for c in rows(os.path.join(DATA, "places.tsv.gz")):
        pop = int(c[8] or 0)
        size = 0
        if c[2] == "P.PPLC" or pop >= 500_000:
            size = 2
        elif c[2] == "P.PPLA" or pop >= 20_000:
            size = 1
        sizes[c[0]] = size
        key = f"{c[1]}@{c[3]}"
        sizes[key] = max(sizes.get(key, 0), size)
        for i, n in enumerate(c[9].split("|")):
            if n:
                add(n, f"{c[1]} {c[3]}", size)
    for c in rows(os.path.join(DATA, "admin.tsv.gz")):
        for i, n in enumerate(c[6].split("|")):
            if n and c[0] == "ADM1" and i == 0:
                # A transliterated area name (the Sahel region of Burkina
                # Faso) does not explain a very frequent Arabic word.
                add(n, f"{c[5]} {c[1]}", 1 if c[1] in TRANSLIT else 2)
            elif n:
                add(n, f"{c[5]} {c[1]}", 0)
    protected = set()
    # One-word country names and adjectives (not the words of longer ones:
    # ساحل العاج does not make ساحل a name).
    for c in rows(os.path.join(DATA, "countries.tsv")):
        for n in c[9].split("|"):
            if len(words_of(n)) == 1:
                protected.update(words_of(n))
    for c in rows(os.path.join(DATA, "country_words.tsv")):
        if len(c) >= 4 and c[2] in ("name", "adj", "demonym") and len(words_of(c[3])) == 1:
            w = words_of(c[3])[0]
            protected.update([w, "ال" + w, w + "ه", "ال" + w + "ه"])
    # Curated spellings: a reviewer decided they are places. They are names
    # like any other, and they protect a word unless it is a frequent word
    # (إنكار "denial" is also a press spelling of Inékar: it stays a place,
    # after a cue).
    # A curated name of a region, an admin area or a town of 20 000 always
    # protects (دارفور is frequent because Darfur is).
    curated = []
    for c in rows(os.path.join(DATA, "aliases.tsv")):
        target = c[1]
        big = not (target.startswith("id:") or target.startswith("new:") or "@" in target)
        if target.startswith("id:"):
            big = sizes.get(target[3:], 0) >= 1
        elif "@" in target:
            big = sizes.get(target, 0) >= 1
        curated.append((c[0], f"alias {target}", big))
    for c in rows(os.path.join(DATA, "extra_places.tsv")):
        big = c[2].startswith("L.") or int(c[8] or 0) >= 20_000
        curated += [(n, c[1], big) for n in c[9].split("|") if n]

    # ---- words
    sources = {}  # word -> (source label, zipf or None)

    def take(word, label, zipf=None):
        if len(word) >= 2:
            sources.setdefault(word, (label, zipf))

    zipf_of = None
    try:
        import wordfreq  # noqa: PLC0415

        by_key = {}

        def zipf_of(k):
            return by_key.get(k, 0.0)

        for w in wordfreq.top_n_list("ar", 400_000):
            z = wordfreq.zipf_frequency(w, "ar")
            if z < args.min_zipf:
                break
            for f in words_of(w):
                take(f, f"{z:.1f}", z)
                by_key[f] = max(by_key.get(f, 0.0), z)
    except ImportError:
        print("wordfreq not installed: project dictionaries only", file=sys.stderr)
    dictionaries = [
        ("coder", os.path.join(ROOT, "crates", "coder", "data", "ar", f))
        for f in ("triggers.tsv", "sides.tsv", "cues.tsv", "sources.tsv")
    ] + [
        ("text", os.path.join(ROOT, "crates", "text", "data", f))
        for f in ("numbers_ar.tsv", "weekdays.tsv", "dates.tsv", "qualifiers.tsv",
                  "number_context.tsv")
    ] + [("cue", os.path.join(DATA, "cues.tsv"))]
    for label, path in dictionaries:
        if not os.path.exists(path):
            continue
        for c in rows(path):
            for col in c[:2]:
                for w in words_of(col.rstrip("*")):
                    take(w, label)

    for n, label, big in curated:
        ws = words_of(n)
        if len(ws) == 1:
            names.setdefault(ws[0], []).append((label, 0))
            if big or zipf_of is None or zipf_of(ws[0]) < 3.5:
                protected.add(ws[0])

    # ---- collisions
    out = []
    for w, (src, zipf) in sources.items():
        hits = []
        for k in [w, strip_article(w)] + readings(w):
            if k and k in names:
                hits.append((k, names[k]))
        if not hits or w in protected or any(k in protected for k, _ in hits):
            continue
        # The usual name of a major place explains a word of middling
        # frequency; only a very big one explains a very frequent word
        # (الساحل is "the coast" before it is a district of Cairo).
        size = max((s for k, ps in hits if k == w for _, s in ps), default=0)
        if size == 2 or (size == 1 and (zipf is None or zipf < 4.3)):
            continue
        # A proclitic (or the article) and the name of a major place is that
        # place (ببيروت، والموصل), unless the whole word is more frequent
        # than the name alone, as a word of its own is (لجان، بلاد).
        def explained(k, ps):
            size = max(s for _, s in ps)
            zk = zipf_of(k) if zipf_of else 0.0
            return size == 2 or (size == 1 and zk < 4.3)

        if all(k != w for k, _ in hits) and any(
                explained(k, ps) and (zipf is None or zipf < zipf_of(k)) for k, ps in hits):
            continue
        k, ps = hits[0]
        note = f"{src}; {'' if k == w else k + ': '}{ps[0][0]}"
        out.append((w, note))
    out.sort()
    with open(args.out, "w", encoding="utf-8") as f:
        f.write(
            "# Arabic words that are also a place name of the gazetteer (itself, with\n"
            "# its article dropped, or read as a proclitic and a name: لجان = ل + جان).\n"
            "# Generated by scripts/gazetteer/common_words.py from word frequencies\n"
            "# (the wordfreq package's Arabic list) and the project's own Arabic\n"
            "# dictionaries; reviewed like code: delete a line that is really a place,\n"
            "# and say why in the commit. Such a name needs a cue before it is\n"
            "# accepted (see src/resolve.rs). The note says which place it collides with.\n"
            "# word<TAB>note\n")
        for w, note in out:
            f.write(f"{w}\t{note}\n")
    print(f"{len(out)} words of {len(sources)} collide with a place name", file=sys.stderr)


if __name__ == "__main__":
    main()
