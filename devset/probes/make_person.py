#!/usr/bin/env python3
"""Build devset/probes/person.jsonl - a hand-written evaluation set for
PERSON (plus EMAIL / PHONE) detection, en / de / fr / es.

The texts live in devset/probes/person_data/{en,de,fr,es}.py as (template, text)
pairs.  Labelled values are written inline as

    ⟦P:Chiamaka Eze|ig⟧   PERSON  (optional |origin code, first mention only)
    ⟦E:a.b@example.org⟧   EMAIL
    ⟦T:+44 20 7946 0321⟧  PHONE

The markers are stripped, the ordered (type, value) list is kept, and the
offsets are then computed by locating each value with str.index() from a
running position (end of the previous entity).  That result must equal the
marker position (so no earlier unlabelled copy of the value can be hit), and
every entity is verified with text[start:end] == value and for non-overlap.
Texts without any marker are hard negatives.
All names, addresses, numbers and e-mail addresses are invented.
"""
import collections
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "person_data"))

import en, de, fr, es  # noqa: E402

OUT = os.path.join(HERE, "person.jsonl")

TYPES = {"P": "PERSON", "E": "EMAIL", "T": "PHONE"}
MARK = re.compile(r"⟦([PET]):([^⟦⟧|]+)(?:\|([a-z_]+))?⟧")

ORIGINS = {
    # Africa
    "yo": "Yoruba", "ig": "Igbo", "ha": "Hausa", "ak": "Akan (Ghana)", "ee": "Ewe",
    "am": "Amharic/Ethiopian", "ti": "Tigrinya/Eritrean", "sw": "Swahili/East African",
    "ki": "Kikuyu/Kenyan", "luo": "Luo", "zu": "Zulu", "xh": "Xhosa", "st": "Sotho/Tswana",
    "sn": "Shona", "so": "Somali", "wo": "Wolof/Senegalese", "bm": "Mandinka/Bambara (Mali, Guinea)",
    "ci": "Ivorian (Baoulé)", "bf": "Burkinabè (Mossi)", "cd": "Congolese", "mg": "Malagasy", "ber": "Amazigh/Kabyle",
    "cm": "Cameroonian", "gq": "Equatoguinean (Fang)",
    # Middle East / Central Asia
    "ar": "Arabic", "ma": "Maghrebi Arabic", "fa": "Persian", "tr": "Turkish", "he": "Hebrew",
    "ku": "Kurdish", "kk": "Kazakh", "uz": "Uzbek", "af": "Afghan (Pashto/Dari)",
    "hy": "Armenian", "ka": "Georgian",
    # South Asia
    "hi": "Hindi", "ta": "Tamil", "te": "Telugu", "bn": "Bengali", "pa": "Punjabi",
    "ml": "Malayalam", "mr": "Marathi", "kn": "Kannada", "gu": "Gujarati",
    "pk": "Pakistani (Urdu)", "bd": "Bangladeshi", "lk": "Sri Lankan (Sinhala)", "ne": "Nepali",
    # East / SE Asia, Pacific
    "zh": "Chinese (Pinyin)", "yue": "Cantonese/HK", "tw": "Taiwanese", "ko": "Korean",
    "ja": "Japanese", "vi": "Vietnamese", "th": "Thai", "id": "Indonesian", "ms": "Malay",
    "ph": "Filipino", "mi": "Māori", "to": "Tongan", "haw": "Hawaiian", "mn": "Mongolian",
    # Europe
    "pl": "Polish", "cs": "Czech", "sk": "Slovak", "uk": "Ukrainian", "ru": "Russian",
    "sr": "Serbian", "hr": "Croatian", "bs": "Bosnian", "sl": "Slovene", "bg": "Bulgarian",
    "mk": "Macedonian", "sq": "Albanian", "lt": "Lithuanian", "lv": "Latvian", "et": "Estonian",
    "hu": "Hungarian", "ro": "Romanian", "el": "Greek", "nl": "Dutch", "fl": "Flemish",
    "sv": "Swedish", "no": "Norwegian", "da": "Danish", "is": "Icelandic", "fi": "Finnish",
    "sami": "Sámi", "pt": "Portuguese", "br": "Brazilian", "es": "Spanish",
    "gl": "Galician", "eu": "Basque", "ca": "Catalan", "ga": "Irish", "gd": "Scottish",
    "cy": "Welsh", "kw": "Cornish", "it": "Italian", "fr": "French", "bre": "Breton",
    "qc": "Québécois", "de": "German", "at": "Austrian", "ch": "Swiss German",
    "en": "English (incl. rarer names)", "mt": "Maltese",
    # Americas
    "mx": "Mexican", "nah": "Nahuatl", "qu": "Quechua/Aymara (Andean)", "co": "Colombian",
    "ve": "Venezuelan", "cl": "Chilean", "ar_la": "Argentine", "cu": "Cuban",
    "pe": "Peruvian", "gn": "Guaraní/Paraguayan", "ec": "Ecuadorian",
    "ht": "Haitian", "jm": "Jamaican/Caribbean", "aa": "African-American",
    "nv": "Native American",
}


def build(marked, where):
    marked = marked.strip("\n")
    pieces, ents = [], []
    pos = cur = 0
    for m in MARK.finditer(marked):
        lit = marked[pos:m.start()]
        pieces.append(lit)
        cur += len(lit)
        t, v, o = m.groups()
        ents.append((TYPES[t], v, o, cur))
        pieces.append(v)
        cur += len(v)
        pos = m.end()
    pieces.append(marked[pos:])
    text = "".join(pieces)
    if "⟦" in text or "⟧" in text:
        raise SystemExit(f"{where}: unparsed marker left in text")

    # offsets from a running position with str.index, cross-checked
    run = 0
    out, origins = [], []
    for typ, v, o, expected in ents:
        try:
            s = text.index(v, run)
        except ValueError:
            raise SystemExit(f"{where}: value {v!r} not found after {run}")
        if s != expected:
            raise SystemExit(f"{where}: {v!r} found at {s} but marked at {expected} "
                             f"(an unlabelled copy precedes it)")
        e = s + len(v)
        assert text[s:e] == v
        out.append({"type": typ, "start": s, "end": e, "value": v})
        run = e
        if o:
            if o not in ORIGINS:
                raise SystemExit(f"{where}: unknown origin code {o!r}")
            origins.append(o)
    return text, out, origins


TITLE_RE = re.compile(r"^(Dr|Mr|Mrs|Ms|Mx|Prof|Herr|Frau|Mme|Mlle|Me|Sr|Sra|Srta|Dña|Dª|Don|Doña|Dra|Lic|Ing|Pr|Mag|Sir|Dame|MR|MRS|MS)\.?\s")
FR_M_RE = re.compile(r"^M\.\s")
EMAIL_RE = re.compile(r"[A-Za-z0-9._%+\-]+@[A-Za-z0-9.\-]+\.[A-Za-z]{2,}")
PHONE_RE = re.compile(r"(?<![\w+])(?:\+\d[\d ()\-./]{6,}\d|0\d{1,4}[ /\-.]\d[\d \-./]{4,}\d)(?!\w)")


def lint(text, ents, where, loc):
    problems = []
    spans = sorted((e["start"], e["end"], e["type"]) for e in ents)
    for (s1, e1, _), (s2, e2, _) in zip(spans, spans[1:]):
        if s2 < e1:
            raise SystemExit(f"{where}: overlapping entities {s1}-{e1} / {s2}-{e2}")
    for e in ents:
        v = e["value"]
        if not v or v != v.strip():
            raise SystemExit(f"{where}: empty or padded value {v!r}")
        if e["type"] == "PERSON":
            if TITLE_RE.match(v) or (loc == "fr" and FR_M_RE.match(v)):
                raise SystemExit(f"{where}: title inside PERSON {v!r}")
            if v.endswith("'s") or v.endswith("’s"):
                raise SystemExit(f"{where}: possessive inside PERSON {v!r}")
        if e["type"] == "EMAIL" and not EMAIL_RE.fullmatch(v):
            raise SystemExit(f"{where}: odd EMAIL {v!r}")

    def covered(s, e, typ):
        return any(x["type"] == typ and x["start"] <= s and e <= x["end"] for x in ents)

    for m in EMAIL_RE.finditer(text):
        if text[max(0, m.start() - 1)] == "@" and m.start() > 0:
            continue
        if not covered(m.start(), m.end(), "EMAIL"):
            raise SystemExit(f"{where}: unlabelled e-mail {m.group()!r}")
    for m in PHONE_RE.finditer(text):
        if not covered(m.start(), m.end(), "PHONE"):
            problems.append(f"{where}: phone-like unlabelled {m.group()!r}")
    return problems


def main():
    records, all_origins, warnings = [], collections.Counter(), []
    for mod in (en, de, fr, es):
        loc = mod.__name__
        for i, (template, marked) in enumerate(mod.ITEMS):
            where = f"{loc}[{i}] {template}"
            text, ents, origins = build(marked, where)
            warnings += lint(text, ents, where, loc)
            all_origins.update(origins)
            records.append({"locale": loc, "template": template, "text": text,
                            "entities": ents})

    with open(OUT, "w", encoding="utf-8") as fh:
        for n, r in enumerate(records, 1):
            rec = {"id": f"pn-{n:04d}", "locale": r["locale"], "template": r["template"],
                   "text": r["text"], "entities": r["entities"]}
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")

    # re-read and re-verify what was written
    with open(OUT, encoding="utf-8") as fh:
        back = [json.loads(l) for l in fh]
    for r in back:
        for e in r["entities"]:
            assert r["text"][e["start"]:e["end"]] == e["value"], (r["id"], e)

    by_type = collections.Counter(e["type"] for r in back for e in r["entities"])
    by_loc = collections.Counter(r["locale"] for r in back)
    neg_loc = collections.Counter(r["locale"] for r in back if not r["entities"])
    ent_loc = collections.Counter((r["locale"], e["type"]) for r in back for e in r["entities"])
    n_neg = sum(neg_loc.values())

    print(f"wrote {OUT}: {len(back)} prompts")
    print("entities per type:", dict(by_type), "total", sum(by_type.values()))
    print("prompts per locale:", {k: f"{v} ({100*v/len(back):.0f}%)" for k, v in by_loc.items()})
    print("hard negatives (no entity):", n_neg, f"({100*n_neg/len(back):.0f}%)", dict(neg_loc))
    print("entities per locale/type:", {f"{a}/{b}": c for (a, b), c in sorted(ent_loc.items())})
    print("distinct templates:", len({r["template"] for r in back}))
    print(f"distinct name origins tagged: {len(all_origins)}")
    print("  " + ", ".join(f"{ORIGINS[k]}={v}" for k, v in sorted(all_origins.items(),
                                                                   key=lambda kv: -kv[1])))
    for w in warnings:
        print("WARN", w)


if __name__ == "__main__":
    main()
