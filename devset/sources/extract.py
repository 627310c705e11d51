#!/usr/bin/env python3
"""Extract per-locale name lists for the promptvault dev corpus.

The corpus generator (devset/generate.py) uses the Python standard library only and
reads the files this script writes: devset/sources/names/<locale>.txt.  Those files are
committed, so this script only needs to be re-run to refresh or extend them.

Sources (all permissively licensed, see devset/README.md):
  * mimesis            (PyPI, MIT)  -- its bundled datasets/<locale>/person.json
  * @faker-js/faker    (npm,  MIT)  -- the person definitions of its locale modules
  * own_names.tsv      (this folder) -- hand-written lists for regions the packages lack
Non-Latin names are romanised with anyascii (PyPI, ISC).  unidecode is NOT used (GPL).

Steps (what produced the committed files):

    python3 -m venv /tmp/xvenv
    /tmp/xvenv/bin/pip install mimesis==22.2.0 anyascii==0.3.3
    mkdir -p /tmp/fjs && (cd /tmp/fjs && npm init -y && npm install @faker-js/faker@10.6.0)
    /tmp/xvenv/bin/python devset/sources/extract.py --fakerjs-dir /tmp/fjs

Output format, one entry per line, tab-separated:
    first|last <TAB> f|m|u <TAB> romanised form [<TAB> native-script form]
Lines starting with '#' are comments (source and licence notes).
"""
import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import unicodedata

import anyascii
import mimesis

HERE = os.path.dirname(os.path.abspath(__file__))
OUT_DIR = os.path.join(HERE, "names")
MIMESIS_DATA = os.path.join(os.path.dirname(mimesis.__file__), "datasets")
CAP = 260  # max entries per (kind, gender) and locale, picked with an even stride
OWN_KEEP = set()  # hand-written entries are always kept (not subject to CAP)

MIMESIS_VERSION = getattr(mimesis, "__version__", "?")
ANYASCII_VERSION = "0.3.3"
FAKERJS_VERSION = "10.6.0"

# locale -> (description, list of source specs).  A spec is a tuple:
#   ("mim", <mimesis locale>, kinds)          kinds: "first", "last" or "both"
#   ("fjs", <faker-js locale>, kinds)
#   ("own", kinds)                            rows of own_names.tsv for this locale
#   ("mim_fjs_common_first", <mim>, <fjs>)    first names present in both sources
LOCALES = {
    "en": ("English (US/UK/AU)", [("mim_fjs_common_first", "en", "en"), ("mim", "en", "last")]),
    "de": ("German", [("fjs", "de", "both"), ("own", "last")]),
    "fr": ("French", [("fjs", "fr", "both"), ("own", "last")]),
    "es": ("Spanish (Spain)", [("fjs", "es", "both"), ("mim", "es", "last"), ("own", "last")]),
    "es_latam": ("Spanish (Mexico / Latin America)", [("fjs", "es_MX", "both"), ("own", "last")]),
    "pt_br": ("Portuguese (Brazil)", [("fjs", "pt_BR", "both"), ("mim", "pt-br", "last"), ("own", "last")]),
    "pt_pt": ("Portuguese (Portugal)", [("fjs", "pt_PT", "both"), ("own", "last")]),
    "it": ("Italian", [("fjs", "it", "both"), ("own", "last")]),
    "nl": ("Dutch", [("fjs", "nl", "both"), ("own", "last")]),
    "sv": ("Swedish", [("fjs", "sv", "both")]),
    "nb": ("Norwegian", [("fjs", "nb_NO", "both")]),
    "da": ("Danish", [("fjs", "da", "both")]),
    "fi": ("Finnish", [("fjs", "fi", "both"), ("mim", "fi", "last")]),
    "is": ("Icelandic", [("mim", "is", "both")]),
    "pl": ("Polish", [("fjs", "pl", "first"), ("mim", "pl", "last")]),
    "cs": ("Czech", [("fjs", "cs_CZ", "both")]),
    "ru": ("Russian (Cyrillic, romanised)", [("mim", "ru", "both")]),
    "uk": ("Ukrainian (Cyrillic, romanised)", [("mim", "uk", "both")]),
    "sr_hr": ("Serbian / Croatian (Latin)", [("fjs", "sr_RS_latin", "both"), ("fjs", "hr", "first")]),
    "ro": ("Romanian", [("fjs", "ro", "both")]),
    "el": ("Greek (romanised + Greek script)", [("mim", "el", "both")]),
    "tr": ("Turkish", [("fjs", "tr", "both")]),
    "hu": ("Hungarian", [("fjs", "hu", "both")]),
    "ar": ("Arabic (romanised + Arabic script)", [("own", "both")]),
    "he": ("Hebrew (romanised + Hebrew script)", [("own", "both")]),
    "zh": ("Chinese (pinyin + Han)", [("mim", "zh", "both")]),
    "ja": ("Japanese (romaji + kana/kanji)", [("mim", "ja", "first"), ("own", "both")]),
    "ko": ("Korean (romanised + Hangul)", [("mim", "ko", "first"), ("own", "last")]),
    "vi": ("Vietnamese", [("fjs", "vi", "both")]),
    "hi": ("Hindi / North India (romanised, some Devanagari)", [("fjs", "en_IN", "first"), ("own", "both")]),
    "ta": ("Tamil (romanised)", [("own", "both")]),
    "bn": ("Bengali (romanised)", [("own", "both")]),
    "id": ("Indonesian", [("fjs", "id_ID", "both")]),
    "ms": ("Malay", [("own", "both")]),
    "fil": ("Filipino", [("own", "both")]),
    "yo": ("Yoruba", [("fjs", "yo_NG", "both")]),
    "ig": ("Igbo", [("own", "both")]),
    "ha": ("Hausa", [("own", "both")]),
    "ak": ("Akan / Ghana", [("fjs", "en_GH", "both")]),
    "zu": ("Zulu", [("fjs", "zu_ZA", "both")]),
    "xh": ("Xhosa", [("own", "both")]),
    "af": ("Afrikaans", [("fjs", "af_ZA", "both")]),
    "sw": ("Swahili / East Africa", [("own", "both")]),
    "wo": ("Senegal (Wolof/Pulaar names)", [("fjs", "fr_SN", "both")]),
    "ga": ("Irish", [("own", "both")]),
}

LATIN_OK = re.compile(r"^[A-Za-z\u00C0-\u024F\u1E00-\u1EFF'\u2019 .-]+$")
KANA = re.compile(r"^[\u3040-\u30FF]+$")


def fakerjs_dump(fjs_dir, locales):
    """Return {locale: person definitions} from @faker-js/faker via node."""
    script = (
        "import * as F from '@faker-js/faker';\n"
        "const out = {};\n"
        "for (const l of process.argv.slice(2)) { out[l] = (F[l] && F[l].person) || {}; }\n"
        "process.stdout.write(JSON.stringify(out));\n"
    )
    with tempfile.NamedTemporaryFile("w", suffix=".mjs", dir=fjs_dir, delete=False) as fh:
        fh.write(script)
        path = fh.name
    try:
        res = subprocess.run(["node", path] + sorted(locales), capture_output=True, text=True, check=True)
    finally:
        os.unlink(path)
    return json.loads(res.stdout)


def mimesis_person(loc):
    with open(os.path.join(MIMESIS_DATA, loc, "person.json"), encoding="utf-8") as fh:
        return json.load(fh)


def gendered(value):
    """Normalise a list or {gender: list} into [(gender, name)]."""
    out = []
    if isinstance(value, list):
        out += [("u", v) for v in value]
    elif isinstance(value, dict):
        for g, names in value.items():
            gg = {"female": "f", "male": "m"}.get(g, "u")
            if isinstance(names, list):
                out += [(gg, v) for v in names]
    return out


def is_latin(s):
    return bool(LATIN_OK.match(s))


def romanise(locale, native):
    """Return the romanised form of a native-script name, or None if unsuitable."""
    if locale == "ja":
        if not KANA.match(native):
            return None  # kanji readings cannot be derived; kanji names come from own_names.tsv
        r = anyascii.anyascii(native).lower()
        r = re.sub(r"ou(?=[^aeiou]|$)", "o", r).replace("uu", "u")
        return r.capitalize() if r.isalpha() else None
    r = anyascii.anyascii(native)
    if locale == "ko":
        syll = re.findall(r"[A-Z][a-z]*", r)
        if not syll:
            return None
        return syll[0] + ("-" + "".join(syll[1:]).lower() if len(syll) > 1 else "")
    if locale == "zh":
        return r.capitalize() if r.isalpha() else None
    if locale == "el":
        r = r.replace("oy", "ou").replace("Oy", "Ou")
    if locale in ("ru", "uk"):
        r = r.replace("'", "")  # soft sign
    r = r.strip()
    if not r or not re.match(r"^[A-Za-z' -]+$", r):
        return None
    return r[0].upper() + r[1:]


def clean_latin(name):
    name = unicodedata.normalize("NFC", name.strip())
    if not (2 <= len(name) <= 24) or not is_latin(name):
        return None
    if name.upper() == name or name.count(" ") > 2:
        return None
    particles = {"de", "del", "van", "von", "vom", "zu", "ter", "da", "das", "dos", "do", "du", "le", "la", "los", "las",
                 "der", "den", "y", "e", "di", "bin", "binti", "al", "'t"}
    toks = name.split(" ")
    toks = [t if (t in particles and i < len(toks) - 1) or not t[:1].islower() else t[:1].upper() + t[1:]
            for i, t in enumerate(toks)]
    name = " ".join(toks)
    if re.search(r"(aa|ii|uu)", name[1:]):
        return None  # drop doubled-vowel transcriptions (e.g. "Baalaaditya")
    return name


def stride_pick(rows, cap=CAP):
    rows = sorted(set(rows))
    if len(rows) <= cap:
        return rows
    step = len(rows) / cap
    return [rows[int(i * step)] for i in range(cap)]


def collect(locale, specs, fjs, own_rows):
    entries = {"first": [], "last": []}
    used = []
    for spec in specs:
        src = spec[0]
        if src == "own":
            kinds = spec[1]
            for (loc, kind, g, latin, native) in own_rows:
                if loc == locale and (kinds == "both" or kinds == kind):
                    entries[kind].append((g, latin, native))
                    OWN_KEEP.add((locale, kind, latin))
            used.append("own_names.tsv (hand-written)")
            continue
        if src == "mim_fjs_common_first":
            mim = mimesis_person(spec[1])
            fj = fjs[spec[2]]
            fj_names = {n for _, n in gendered(fj.get("first_name", {}))}
            for g, n in gendered(mim.get("names", {})):
                if n in fj_names:
                    entries["first"].append((g, n, ""))
            used.append(f"mimesis {MIMESIS_VERSION} datasets/{spec[1]} ∩ @faker-js/faker {FAKERJS_VERSION} {spec[2]} (first names)")
            continue
        kinds = spec[2]
        if src == "mim":
            data = mimesis_person(spec[1])
            first, last = data.get("names", {}), data.get("surnames", [])
            used.append(f"mimesis {MIMESIS_VERSION} datasets/{spec[1]}/person.json ({kinds})")
        else:
            data = fjs[spec[1]]
            first, last = data.get("first_name", {}), data.get("last_name", {})
            used.append(f"@faker-js/faker {FAKERJS_VERSION} locale {spec[1]} ({kinds})")
        for kind, value in (("first", first), ("last", last)):
            if kinds not in ("both", kind):
                continue
            for g, n in gendered(value):
                if is_latin(n):
                    latin, native = clean_latin(n), ""
                else:
                    latin, native = romanise(locale, n), n
                    if latin:
                        latin = clean_latin(latin)
                if latin:
                    entries[kind].append((g, latin, native))
    return entries, used


def write_locale(locale, desc, entries, used):
    path = os.path.join(OUT_DIR, f"{locale}.txt")
    lines = [f"# locale: {locale} -- {desc}"]
    for u in used:
        lines.append(f"# source: {u}")
    if any(native for kind in entries for (_, _, native) in entries[kind]):
        lines.append(f"# romanised with anyascii {ANYASCII_VERSION} (ISC) unless hand-written; column 4 = native script")
    lines.append("# columns: kind, gender (f/m/u), romanised, [native]")
    count = 0
    for kind in ("first", "last"):
        by_gender = {}
        seen = set()
        genders = {}
        for g, latin, _ in entries[kind]:
            genders.setdefault(latin, set()).add(g)
        for g, latin, native in entries[kind]:
            if len(genders[latin] - {"u"}) > 1:
                g = "u"  # listed as both female and male: gender-neutral
            key = (g, latin)
            if key in seen:
                continue
            seen.add(key)
            by_gender.setdefault(g, []).append((latin, native))
        for g in sorted(by_gender):
            rows = by_gender[g]
            own = [r for r in rows if (locale, kind, r[0]) in OWN_KEEP]
            rest = [r for r in rows if (locale, kind, r[0]) not in OWN_KEEP]
            for latin, native in sorted(set(stride_pick(rest) + own)):
                lines.append("\t".join([kind, g, latin] + ([native] if native else [])))
                count += 1
    with open(path, "w", encoding="utf-8") as fh:
        fh.write("\n".join(lines) + "\n")
    return count


def read_own():
    rows = []
    with open(os.path.join(HERE, "own_names.tsv"), encoding="utf-8") as fh:
        for line in fh:
            line = line.rstrip("\n")
            if not line or line.startswith("#"):
                continue
            parts = line.split("\t")
            parts += [""] * (5 - len(parts))
            rows.append(tuple(parts[:5]))
    return rows


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--fakerjs-dir", required=True, help="folder where @faker-js/faker is npm-installed")
    args = ap.parse_args()
    os.makedirs(OUT_DIR, exist_ok=True)
    fjs_locales = set()
    for _, specs in LOCALES.values():
        for s in specs:
            if s[0] == "fjs":
                fjs_locales.add(s[1])
            elif s[0] == "mim_fjs_common_first":
                fjs_locales.add(s[2])
    fjs = fakerjs_dump(os.path.abspath(args.fakerjs_dir), fjs_locales)
    own = read_own()
    total = 0
    for locale, (desc, specs) in LOCALES.items():
        entries, used = collect(locale, specs, fjs, own)
        n = write_locale(locale, desc, entries, used)
        total += n
        print(f"{locale:9s} {n:5d}  {desc}", file=sys.stderr)
    print(f"{len(LOCALES)} locales, {total} entries -> {OUT_DIR}", file=sys.stderr)


if __name__ == "__main__":
    main()
