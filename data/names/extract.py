#!/usr/bin/env python3
"""Regenerates the list files of data/names/ (data only; see README.md) from three PyPI
packages, downloaded and unpacked by hand:

    pip download --no-deps names==0.3.0 faker==40.54.0 stopwordsiso==0.7.1 -d pkgs
    tar xzf pkgs/names-0.3.0.tar.gz -C pkgs
    unzip -q pkgs/faker-40.54.0-py3-none-any.whl -d pkgs/faker
    unzip -q pkgs/stopwordsiso-0.7.1-py3-none-any.whl -d pkgs/stopwordsiso
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
