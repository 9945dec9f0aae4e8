#!/usr/bin/env python3
"""Filter the shared GeoNames/WOF extract into Rasd's own gazetteer sources.

Reads the read-only extract in ../shared/data/gazetteer (see its README for
columns, licences and attribution) and writes the compact, generated TSV
files the `rasd-gazetteer` crate embeds:

  crates/gazetteer/data/places.tsv.gz   populated places and named features
  crates/gazetteer/data/admin.tsv.gz    ADM1 and ADM2 areas of the 40 countries
  crates/gazetteer/data/countries.tsv   every country, with names in en/fr/ar

Hand-written files in the same folder (aliases, stop words, cue words,
demonyms, ACLED-style name overrides) are NOT touched: they are reviewed
like code. Run from the repository root:

  python3 scripts/gazetteer/build_data.py [--src ../shared/data]

Only the Python standard library is used.

What is kept (and why):
- every ADM1/ADM2 area of the 40 in-scope countries (events are reported
  per admin area);
- populated places (class P) from the GeoNames sources (cities500 and the
  full dumps of ML, BF, NE, MR, SN: the Sahel villages conflict reports
  name); WOF-only populated places when they have a population or an
  Arabic or French name, and all of them in the conflict areas of WOF_ALL
  (Chad, Somalia, Borno/Yobe/Adamawa, Far North Cameroon, Darfur); in TR,
  IR and AF only the GeoNames cities500 places;
- Latin alternates of big places (up to 12), and of every populated place
  of the countries whose names are transliterations (up to 6);
- named areas, regions, camps, airports, forts, mountains (L.AREA, L.RGN,
  S.CMP, S.AIRP, S.FT, T.MT(S)...) in the five Sahel full dumps and
  wherever they have an Arabic or French name.
Names are cleaned to the form ACLED analysts use: accents and ayn/hamza
marks removed, "Region"/"Cercle"/"Governorate" and similar dropped.
Missing admin1/admin2 codes are filled from the nearest coded place (or the
nearest admin centroid), and Mali's Ménaka cercle is put under the Ménaka
region (ACLED's pre-2023 regions).
"""
import argparse
import collections
import csv
import gzip
import math
import os
import re
import sys
import unicodedata

csv.field_size_limit(10**8)

SCOPE = set("ML BF NE TD MR NG BJ TG CM SN CI GH DZ LY TN MA EH EG SD SS SO DJ ER ET "
            "YE SA OM AE QA BH KW IQ SY LB JO PS IL TR IR AF".split())
FULL_DUMPS = {"ML", "BF", "NE", "MR", "SN"}
# Countries whose place names are transliterations (as in src/data.rs): the
# press spells them many ways, so their Latin alternates are worth keeping.
TRANSLIT = {"ML", "BF", "NE", "TD", "MR", "NG", "BJ", "TG", "CM", "SN", "CI", "GH", "SO", "DJ",
            "ER", "ET", "SS"}
# Conflict areas where the press names villages that only Who's On First
# lists, without a population or an Arabic or French name (Ngouboua on Lake
# Chad): every WOF populated place is kept there. Country, or (country,
# GeoNames admin1 code).
WOF_ALL = {"TD", "SO", ("NG", "27"), ("NG", "44"), ("NG", "35"), ("CM", "12"), ("SD", "55"),
           ("SD", "68"), ("SD", "69"), ("SD", "70"), ("SD", "71"), ("SD", "38"), ("SD", "29")}
PERIPHERAL = {"TR", "IR", "AF"}
KEEP_FEATURES = {"L.AREA", "L.RGN", "L.OAS", "S.CMP", "S.CMPRF", "S.AIRP", "S.AIRF", "S.FT",
                 "S.INSM", "S.DAM", "S.MN", "S.BDG", "T.MT", "T.MTS", "T.PLAT", "T.DSRT",
                 "T.ISL", "T.PEN", "T.VAL", "A.ADM1", "A.ADM2", "A.ADM3", "P.PPLQ"}
# Letters that fold to an Arabic letter in Rasd's text layer; any other
# non-Arabic letter (Urdu, Pashto, Kurdish...) marks a name no Arabic report writes.
FOLDABLE_EXTRA = set("پچژگکیڤ")
ARABIC_LETTERS = {chr(c) for c in range(0x0621, 0x064B)} | FOLDABLE_EXTRA
ARABIC_MARKS = {chr(c) for c in range(0x064B, 0x0660)} | {"\u0670", "\u0640"}
INVISIBLE = {"\u200c", "\u200d", "\u200e", "\u200f", "\u202a", "\u202b", "\u202c", "\u202d",
             "\u202e", "\ufeff", "\u061c"}

AYN_MARKS = "‘ʻʿʾʼ`´"
ADMIN_SUFFIXES = [" Region", " region", " Governorate", " governorate", " Gouvernorat",
                  " Cercle", " cercle", " Province", " State", " District", " Prefecture",
                  " Department", " Municipality", " Emirate", " Wilaya"]
ADMIN_PREFIXES = ["Province du ", "Province de la ", "Province des ", "Province de l'",
                  "Cercle de ", "Cercle d’ ", "Cercle d'", "Cercle d’", "Cercled'",
                  "Région de ", "Region de ", "Province de ", "Préfecture de ",
                  "Muhafazat ", "Muḩāfaz̧at ", "Wilayat ", "Département de "]


def ascii_fold(s):
    out = []
    for c in unicodedata.normalize("NFKD", s):
        if unicodedata.combining(c):
            continue
        out.append(c)
    return "".join(out)


def clean_latin(name):
    """The analyst-facing Latin form: no accents, no ayn/hamza marks."""
    s = name.strip()
    # N’Djaména, d’Abeïbara: a right quote after one letter is an apostrophe.
    s = re.sub(r"\b([A-Za-z])’", r"\1'", s)
    s = s.replace("’", "")
    for m in AYN_MARKS:
        s = s.replace(m, "")
    s = ascii_fold(s)
    # "Ma'rib", "Sa'dah": an apostrophe inside a word marks an ayn or a
    # hamza, which analysts do not write; after one initial letter it is
    # an elision and stays ("N'Djamena", "Fada N'Gourma").
    s = re.sub(r"(?<=[A-Za-z]{2})'(?=[a-z])", "", s)
    s = s.replace("ı", "i").replace("ł", "l").replace("ø", "o").replace("đ", "d")
    s = re.sub(r"\s+", " ", s).strip()
    return s


def clean_admin(name):
    s = name
    for p in ADMIN_PREFIXES:
        if s.startswith(p):
            s = s[len(p):]
    for suf in ADMIN_SUFFIXES:
        if s.endswith(suf) and len(s) > len(suf) + 2:
            s = s[: -len(suf)]
    return clean_latin(s)


def ar_ok(s):
    s = "".join(c for c in s if c not in INVISIBLE).strip()
    if not s or len(s) > 60:
        return None
    words = s.split()
    if len(words) > 4:
        return None
    for c in s:
        if c == " " or c in ARABIC_LETTERS or c in ARABIC_MARKS:
            continue
        return None
    return " ".join(words)


def ar_fold(s):
    out = []
    for c in s:
        if c in ARABIC_MARKS:
            continue
        c = {"أ": "ا", "إ": "ا", "آ": "ا", "ى": "ي", "ئ": "ي", "ی": "ي", "ة": "ه", "ؤ": "و",
             "ک": "ك", "پ": "ب", "چ": "ج", "ڤ": "ف", "ژ": "ز", "گ": "غ"}.get(c, c)
        out.append(c)
    return "".join(out)


# First consonant of an Arabic name, as the set of Latin initials it is
# written with; None = a letter too variable to judge (vowels, ayn, waw, ya).
AR_INITIAL = {
    "ب": "bp", "ت": "t", "ث": "t", "ج": "jgdz", "ح": "h", "خ": "k", "د": "d", "ذ": "dzt",
    "ر": "r", "ز": "z", "س": "sc", "ش": "sc", "ص": "s", "ض": "d", "ط": "t", "ظ": "zd",
    "غ": "gr", "ف": "fpv", "ق": "qkg", "ك": "kcq", "ل": "l", "م": "m", "ن": "n",
}
LATIN_ARTICLE = re.compile(r"^(al|el|ar|as|ash|ad|adh|an|az|at|ath|ed|es|er|ez|et|en|ul)[ \-']", re.I)


def ar_initial(ar):
    s = ar_fold(ar).replace(" ", "")
    if s.startswith("ال") and len(s) > 3:
        s = s[2:]
    for c in s[:1]:
        return AR_INITIAL.get(c)
    return None


def latin_initial(name):
    s = ascii_fold(name).lower()
    s = LATIN_ARTICLE.sub("", s)
    s = re.sub(r"[^a-z]", "", s)
    s = s.lstrip("aeiouyw'h")
    if s.startswith("h"):
        s = s[1:]
    return s[:1] or None


def fits(ar, latin):
    """Whether the first consonant of the Arabic name can begin the Latin
    name or one of its words ("جوبا الوسطى" fits "Middle Juba")."""
    a = ar_initial(ar)
    if a is None:
        return True
    for word in re.split(r"[ \-]+", latin):
        lat = latin_initial(word)
        if lat is None or lat in a:
            return True
    return False


def latin_ok(s):
    s = s.strip()
    if len(s) < 3 or len(s) > 50:
        return False
    if s.isupper() and len(s) <= 4:
        return False  # IATA codes and abbreviations
    if any(ch.isdigit() for ch in s):
        return False
    f = ascii_fold(s)
    return bool(re.fullmatch(r"[A-Za-z][A-Za-z '\-’‘ʻʼ`.]*", f))


def read_tsv(path):
    opener = gzip.open if path.endswith(".gz") else open
    with opener(path, "rt", encoding="utf-8", newline="") as f:
        r = csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE)
        header = next(r)
        for row in r:
            if len(row) < len(header):
                row += [""] * (len(header) - len(row))
            yield dict(zip(header, row))


def split(s):
    return [x for x in s.split("|") if x.strip()]


class Grid:
    """Nearest-neighbour lookup on a 0.5° grid."""

    def __init__(self, cell=0.5):
        self.cell = cell
        self.cells = collections.defaultdict(list)

    def add(self, lat, lon, item):
        self.cells[(int(lat // self.cell), int(lon // self.cell))].append((lat, lon, item))

    def nearest(self, lat, lon, max_deg):
        ci, cj = int(lat // self.cell), int(lon // self.cell)
        r = int(math.ceil(max_deg / self.cell))
        best, bd = None, max_deg * max_deg
        for i in range(ci - r, ci + r + 1):
            for j in range(cj - r, cj + r + 1):
                for (a, b, item) in self.cells.get((i, j), ()):
                    d = (a - lat) ** 2 + ((b - lon) * math.cos(math.radians(lat))) ** 2
                    if d < bd:
                        best, bd = item, d
        return best


def fmt_coord(x):
    return f"{float(x):.4f}" if x not in ("", None) else ""


def main():
    ap = argparse.ArgumentParser()
    here = os.path.dirname(os.path.abspath(__file__))
    root = os.path.dirname(os.path.dirname(here))
    ap.add_argument("--src", default=os.path.join(root, "..", "shared", "data"),
                    help="the shared data folder (default: ../shared/data from the project root)")
    ap.add_argument("--out", default=os.path.join(root, "crates", "gazetteer", "data"))
    args = ap.parse_args()
    src = args.src
    if not os.path.exists(os.path.join(src, "gazetteer", "places.tsv.gz")):
        for cand in ["/work/shared/data", os.path.join(root, "..", "shared", "data")]:
            if os.path.exists(os.path.join(cand, "gazetteer", "places.tsv.gz")):
                src = cand
                break
    gz = os.path.join(src, "gazetteer")

    # ---------------------------------------------------------- countries
    labels = {}
    for d in read_tsv(os.path.join(src, "boundaries", "ne_admin0_attributes.tsv")):
        for k in (d.get("ISO_A3"), d.get("ISO_A3_EH"), d.get("ADM0_A3")):
            if k and k != "-99" and d.get("LABEL_Y"):
                labels.setdefault(k, (d["LABEL_Y"], d["LABEL_X"]))
    countries = []
    for d in read_tsv(os.path.join(gz, "countries.tsv")):
        lat, lon = labels.get(d["iso3"], ("", ""))
        countries.append([
            d["iso2"], d["iso3"], d["name_en"], fmt_coord(lat), fmt_coord(lon),
            d["population"] or "0", d["in_scope"], d["names_en_all"], d["names_fr_all"],
            "|".join(n for n in (ar_ok(x) for x in split(d["names_ar_all"])) if n), d["capital"],
        ])
    countries.sort(key=lambda r: r[1])

    # ---------------------------------------------------------- admin areas
    admins = []
    adm1_centroids = collections.defaultdict(list)  # cc -> [(lat, lon, a1)]
    adm2_centroids = collections.defaultdict(list)  # (cc, a1) -> [(lat, lon, a2)]
    adm2_by_name = {}  # (cc, a1, name) -> a2: a cercle's seat carries its name
    for d in read_tsv(os.path.join(gz, "admin_areas.tsv")):
        cc = d["country_code"]
        if cc not in SCOPE:
            continue
        ar = [n for n in (ar_ok(x) for x in split(d["arabic_names"])) if n]
        fr = [x.strip() for x in split(d["french_names"]) if latin_ok(x)]
        admins.append({
            "level": d["level"], "cc": cc, "a1": d["admin1_code"], "a2": d["admin2_code"],
            "id": d["geonameid"], "name": clean_admin(d["name"]), "raw": d["name"],
            "ar": ar, "fr": fr, "lat": fmt_coord(d["lat"]), "lon": fmt_coord(d["lon"]),
        })
        if d["lat"] and d["lon"]:
            if d["level"] == "ADM1":
                adm1_centroids[cc].append((float(d["lat"]), float(d["lon"]), d["admin1_code"]))
            else:
                adm2_centroids[(cc, d["admin1_code"])].append((float(d["lat"]), float(d["lon"]), d["admin2_code"]))
        if d["level"] == "ADM2":
            adm2_by_name[(cc, d["admin1_code"], clean_admin(d["name"]).lower())] = d["admin2_code"]
    adm1_codes = {(a["cc"], a["a1"]) for a in admins if a["level"] == "ADM1"}
    adm2_codes = {(a["cc"], a["a1"], a["a2"]) for a in admins if a["level"] == "ADM2"}

    # ---------------------------------------------------------- places
    kept = []
    gn_names = collections.defaultdict(list)  # (cc, folded name) -> [(lat, lon)] of GeoNames rows
    for d in read_tsv(os.path.join(gz, "places.tsv.gz")):
        cc = d["country_code"]
        if cc not in SCOPE or not d["lat"] or not d["lon"]:
            continue
        sources = d["sources"].split(",")
        gn = any(s.startswith("gn-") for s in sources)
        cities500 = "gn-cities500" in sources
        code = f'{d["feature_class"]}.{d["feature_code"]}'
        ar = [n for n in (ar_ok(x) for x in split(d["arabic_names"])) if n]
        fr = [x.strip() for x in split(d["french_names"]) if latin_ok(x)]
        pop = int(d["population"] or 0)
        if d["feature_class"] == "P" and code != "P.PPLQ":
            if cc in PERIPHERAL:
                keep = cities500
            elif gn:
                keep = True
            else:
                keep = (pop > 0 or bool(ar) or bool(fr) or cc in WOF_ALL
                        or (cc, d["admin1_code"]) in WOF_ALL)
        elif code in KEEP_FEATURES:
            keep = (cc in FULL_DUMPS and gn) or bool(ar) or bool(fr)
        else:
            keep = False
        if not keep:
            continue
        if code.startswith("A.ADM1") or code.startswith("A.ADM2"):
            continue  # the admin table carries these
        alts = []
        # A town that bears its first-level area's name is its seat (Ma'rib),
        # whatever cities500's missing feature code says.
        seat = clean_admin(d["admin1_name"]).lower() == clean_latin(d["name"]).lower()
        important = (pop >= 20000 or seat
                     or d["feature_code"] in ("PPLA", "PPLA2", "PPLC", "PPLG"))
        # A village of the Sahel or West Africa is written many ways
        # (Buulobarde, Bulo Burte, Buloburde): keep its alternates too.
        if important or (cc in TRANSLIT and d["feature_class"] == "P"):
            seen = set()
            for x in split(d["other_alternates"]):
                # Lower-case alternates are machine transliterations of
                # other scripts ("ga'o", "rbk"), not names the press writes.
                if latin_ok(x) and not x.isupper() and x.strip()[:1].isupper():
                    k = ascii_fold(x).lower()
                    if k not in seen:
                        seen.add(k)
                        alts.append(x.strip())
                if len(alts) >= (12 if important else 6):
                    break
        lat, lon = float(d["lat"]), float(d["lon"])
        pid = d["geonameid"] or ("w" + d["wof_id"])
        row = {
            "id": pid, "name": clean_latin(d["name"]), "code": code, "cc": cc,
            "a1": d["admin1_code"] if d["admin1_code"] not in ("00",) else "",
            "a2": d["admin2_code"], "lat": lat, "lon": lon, "pop": pop, "ar": ar, "fr": fr,
            "alt": alts, "gn": gn,
        }
        kept.append(row)
        if gn:
            gn_names[(cc, row["name"].lower())].append((lat, lon))

    # WOF-only copies of GeoNames places: same country, same name, < 0.2°.
    deduped = []
    for r in kept:
        if not r["gn"]:
            near = gn_names.get((r["cc"], r["name"].lower()), [])
            if any(abs(a - r["lat"]) < 0.2 and abs(b - r["lon"]) < 0.2 for a, b in near):
                continue
        deduped.append(r)
    kept = deduped

    # Fill missing/unknown admin codes.
    grid = collections.defaultdict(Grid)
    for r in kept:
        if (r["cc"], r["a1"]) in adm1_codes:
            grid[r["cc"]].add(r["lat"], r["lon"], r["a1"])
    filled1 = filled2 = 0
    for r in kept:
        if (r["cc"], r["a1"]) not in adm1_codes:
            a1 = grid[r["cc"]].nearest(r["lat"], r["lon"], 0.5)
            if a1 is None:
                best, bd = None, 4.0
                for (a, b, code) in adm1_centroids.get(r["cc"], []):
                    dd = (a - r["lat"]) ** 2 + (b - r["lon"]) ** 2
                    if dd < bd:
                        best, bd = code, dd
                a1 = best
            if a1:
                r["a1"] = a1
                r["a2"] = ""
                filled1 += 1
        # Mali: Gao and Ménaka share one pool of cercles so that the
        # Ménaka cercle lands in the Ménaka region.
        pool_keys = [(r["cc"], r["a1"])]
        if r["cc"] == "ML" and r["a1"] in ("09", "12070577"):
            pool_keys = [("ML", "09"), ("ML", "12070577")]
        if (r["cc"], r["a1"], r["a2"]) not in adm2_codes:
            for pk in pool_keys:
                for n in [r["name"]] + r["fr"]:
                    a2 = adm2_by_name.get((pk[0], pk[1], clean_latin(n).lower()))
                    if a2 and r["code"].startswith("P.PPLA"):
                        r["a1"], r["a2"] = pk[1], a2
                        break
        if (r["cc"], r["a1"], r["a2"]) not in adm2_codes:
            best, bd = None, 9.0
            for pk in pool_keys:
                for (a, b, code) in adm2_centroids.get(pk, []):
                    dd = (a - r["lat"]) ** 2 + ((b - r["lon"]) * math.cos(math.radians(a))) ** 2
                    if dd < bd:
                        best, bd = (pk[1], code), dd
            if best:
                r["a1"], r["a2"] = best
                filled2 += 1
            else:
                r["a2"] = ""
        if r["cc"] == "ML" and r["a2"] == "8631539":
            r["a1"] = "12070577"

    # Arabic names that belong to another place of the same country: GeoNames
    # alternates sometimes list a neighbour's name (Omdurman "حلفا", Kosti
    # "ربك", the Sanaa governorate "تعز"). A name whose first consonant does
    # not fit the Latin name is dropped when a place of the same country
    # carries it and fits.
    owners = collections.defaultdict(list)
    for r in kept:
        for a in r["ar"]:
            owners[(r["cc"], ar_fold(a))].append(r)
    for a in admins:
        for n in a["ar"]:
            owners[(a["cc"], ar_fold(n))].append(a)
    dropped = 0
    for (cc, key), rs in owners.items():
        if len(rs) < 2:
            continue
        fit = [r for r in rs if any(fits(n, r["name"]) for n in [key])]
        if not fit or len(fit) == len(rs):
            continue
        for r in rs:
            if r in fit:
                continue
            before = len(r["ar"])
            r["ar"] = [n for n in r["ar"] if ar_fold(n) != key]
            dropped += before - len(r["ar"])

    kept.sort(key=lambda r: (r["cc"], r["name"], r["id"]))
    os.makedirs(args.out, exist_ok=True)
    with gzip.GzipFile(os.path.join(args.out, "places.tsv.gz"), "wb", mtime=0) as f:
        f.write(("# Generated by scripts/gazetteer/build_data.py from the GeoNames / Who's On First extract.\n"
                 "# Place names and coordinates (c) GeoNames (geonames.org), CC BY 4.0; see crates/gazetteer/data/NOTICE.md.\n"
                 "#id\tname\tcode\tcc\tadmin1\tadmin2\tlat\tlon\tpopulation\tarabic\tfrench\tlatin\n").encode())
        for r in kept:
            line = "\t".join([
                r["id"], r["name"], r["code"], r["cc"], r["a1"], r["a2"], fmt_coord(r["lat"]),
                fmt_coord(r["lon"]), str(r["pop"]), "|".join(r["ar"]), "|".join(r["fr"]),
                "|".join(r["alt"]),
            ])
            f.write((line + "\n").encode())
    admins.sort(key=lambda a: (a["level"], a["cc"], a["a1"], a["a2"]))
    with gzip.GzipFile(os.path.join(args.out, "admin.tsv.gz"), "wb", mtime=0) as f:
        f.write(("# Generated by scripts/gazetteer/build_data.py (GeoNames admin codes, CC BY 4.0).\n"
                 "#level\tcc\tadmin1\tadmin2\tid\tname\tarabic\tfrench\tlat\tlon\n").encode())
        for a in admins:
            f.write(("\t".join([a["level"], a["cc"], a["a1"], a["a2"], a["id"], a["name"],
                                "|".join(a["ar"]), "|".join(a["fr"]), a["lat"], a["lon"]]) + "\n").encode())
    with open(os.path.join(args.out, "countries.tsv"), "w", encoding="utf-8") as f:
        f.write("# Generated by scripts/gazetteer/build_data.py (GeoNames, i18n-iso-countries, Natural Earth).\n"
                "#iso2\tiso3\tname\tlat\tlon\tpopulation\tin_scope\tenglish\tfrench\tarabic\tcapital\n")
        for c in countries:
            f.write("\t".join(c) + "\n")
    print(f"places {len(kept)}, admin {len(admins)}, countries {len(countries)}; "
          f"admin1 filled {filled1}, admin2 filled {filled2}, foreign Arabic names dropped {dropped}",
          file=sys.stderr)


if __name__ == "__main__":
    main()
