#!/usr/bin/env python3
"""Validate devset/train.jsonl and devset/test.jsonl and print counts (standard library only).

    python3 devset/stats.py [--dir devset] [--no-templates]

Checks every record: required fields, id uniqueness, offsets (text[start:end] == value),
sorted and non-overlapping spans, known types, and re-checks values: Luhn for CREDIT_CARD
(13-19 digits), mod-97 for IBAN, SSN area/group/serial rules, ipaddress for IP_ADDRESS.
Also checks that no full PERSON string occurs in both parts. Exit code 1 on any error."""
import argparse
import collections
import ipaddress
import json
import os
import re
import sys

TYPES = ["PERSON", "EMAIL", "PHONE", "CREDIT_CARD", "US_SSN", "IBAN", "IP_ADDRESS", "SECRET"]


def luhn_ok(d):
    if not d.isdigit():
        return False
    s = 0
    for i, ch in enumerate(reversed(d)):
        x = int(ch)
        if i % 2:
            x *= 2
            if x > 9:
                x -= 9
        s += x
    return s % 10 == 0


def iban_ok(v):
    s = v.replace(" ", "")
    if not re.fullmatch(r"[A-Z]{2}\d{2}[A-Z0-9]{10,30}", s):
        return False
    return int("".join(str(int(c, 36)) for c in s[4:] + s[:4])) % 97 == 1


def ssn_ok(v):
    d = re.sub(r"[ -]", "", v)
    if not re.fullmatch(r"\d{9}", d) or not re.fullmatch(r"\d{3}-\d{2}-\d{4}|\d{3} \d{2} \d{4}|\d{9}", v):
        return False
    a, g, s = int(d[:3]), int(d[3:5]), int(d[5:])
    return 1 <= a <= 899 and a != 666 and g != 0 and s != 0


def check_record(r, errors):
    rid = r.get("id", "?")
    for k in ("id", "locale", "template", "text", "entities"):
        if k not in r:
            errors.append(f"{rid}: missing field {k}")
            return
    text = r["text"]
    prev = -1
    for e in r["entities"]:
        t, s, en, v = e.get("type"), e.get("start"), e.get("end"), e.get("value")
        if t not in TYPES:
            errors.append(f"{rid}: unknown type {t}")
        if not (isinstance(s, int) and isinstance(en, int) and 0 <= s < en <= len(text)):
            errors.append(f"{rid}: bad offsets {e}")
            continue
        if text[s:en] != v:
            errors.append(f"{rid}: text[{s}:{en}]={text[s:en]!r} != {v!r}")
        if s < prev:
            errors.append(f"{rid}: unsorted or overlapping span at {s}")
        prev = en
        if v != v.strip():
            errors.append(f"{rid}: span with surrounding whitespace {v!r}")
        if t == "CREDIT_CARD":
            d = re.sub(r"[ .-]", "", v)
            if not (13 <= len(d) <= 19 and luhn_ok(d)):
                errors.append(f"{rid}: card fails Luhn/length {v}")
        elif t == "IBAN" and not iban_ok(v):
            errors.append(f"{rid}: IBAN fails mod-97 {v}")
        elif t == "US_SSN" and not ssn_ok(v):
            errors.append(f"{rid}: SSN fails area/group/serial rules {v}")
        elif t == "IP_ADDRESS":
            try:
                ipaddress.ip_address(v)
            except ValueError:
                errors.append(f"{rid}: not an IP address {v}")


def size_bucket(n):
    for lim, name in ((100, "<100 B"), (1024, "100 B-1 KiB"), (4096, "1-4 KiB"), (8192, "4-8 KiB"), (20480, "8-20 KiB")):
        if n < lim:
            return name
    return ">20 KiB"


def table(title, rows, cols):
    print(f"\n{title}")
    w0 = max([len(str(r[0])) for r in rows] + [4])
    print("  " + "".ljust(w0) + "".join(c.rjust(10) for c in cols))
    for r in rows:
        print("  " + str(r[0]).ljust(w0) + "".join(str(x).rjust(10) for x in r[1:]))


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--dir", default=os.path.dirname(os.path.abspath(__file__)))
    ap.add_argument("--no-templates", action="store_true", help="do not print the per-template counts")
    args = ap.parse_args()
    parts = ["train", "test"]
    data = {}
    errors = []
    for p in parts:
        with open(os.path.join(args.dir, f"{p}.jsonl"), encoding="utf-8") as fh:
            data[p] = [json.loads(l) for l in fh]
    ids = collections.Counter(r["id"] for p in parts for r in data[p])
    errors += [f"duplicate id {i}" for i, c in ids.items() if c > 1]
    for p in parts:
        for r in data[p]:
            check_record(r, errors)

    persons = {p: {e["value"] for r in data[p] for e in r["entities"] if e["type"] == "PERSON"} for p in parts}
    shared = sorted(v for v in persons["train"] & persons["test"] if " " in v.strip())
    if shared:
        errors.append(f"{len(shared)} full PERSON strings occur in both parts, e.g. {shared[:5]}")
    tmpl = {p: {r["template"] for r in data[p]} for p in parts}
    test_only_templates = sorted(tmpl["test"] - tmpl["train"])

    by_type = {p: collections.Counter(e["type"] for r in data[p] for e in r["entities"]) for p in parts}
    table("Entities per type", [[t] + [by_type[p][t] for p in parts] for t in TYPES] +
          [["total"] + [sum(by_type[p].values()) for p in parts]], parts)
    v6 = {p: sum(1 for r in data[p] for e in r["entities"] if e["type"] == "IP_ADDRESS" and ":" in e["value"]) for p in parts}
    print("  (IPv6 among IP_ADDRESS: " + ", ".join(f"{p} {v6[p]}" for p in parts) + ")")
    with_ = {p: collections.Counter() for p in parts}
    for p in parts:
        for r in data[p]:
            for t in {e["type"] for e in r["entities"]}:
                with_[p][t] += 1
    table("Prompts containing each type", [[t] + [with_[p][t] for p in parts] for t in TYPES], parts)

    neg = {p: sum(1 for r in data[p] if not r["entities"]) for p in parts}
    table("Prompts", [["total"] + [len(data[p]) for p in parts], ["no label (negative)"] + [neg[p] for p in parts],
                      ["share negative %"] + [f"{100 * neg[p] / max(1, len(data[p])):.1f}" for p in parts]], parts)
    loc = {p: collections.Counter(r["locale"] for r in data[p]) for p in parts}
    table("Prompts per locale (prose language)", [[l] + [loc[p][l] for p in parts] for l in sorted(set(loc["train"]) | set(loc["test"]))], parts)
    fam = {p: collections.Counter(r["template"].split(".")[0] for r in data[p]) for p in parts}
    table("Prompts per template family", [[f] + [fam[p][f] for p in parts] for f in sorted(set(fam["train"]) | set(fam["test"]))], parts)
    sizes = {p: collections.Counter(size_bucket(len(r["text"].encode("utf-8"))) for r in data[p]) for p in parts}
    order = ["<100 B", "100 B-1 KiB", "1-4 KiB", "4-8 KiB", "8-20 KiB", ">20 KiB"]
    table("Prompt sizes (UTF-8 bytes)", [[b] + [sizes[p][b] for p in parts] for b in order], parts)
    nonascii = {p: sum(1 for r in data[p] for e in r["entities"] if e["type"] == "PERSON" and not all(ord(c) < 0x250 for c in e["value"])) for p in parts}
    print(f"\nPERSON values in a non-Latin script: " + ", ".join(f"{p} {nonascii[p]} ({100 * nonascii[p] / max(1, by_type[p]['PERSON']):.1f}%)" for p in parts))
    tcount = {p: collections.Counter(r["template"] for r in data[p]) for p in parts}
    print(f"Templates: train {len(tmpl['train'])}, test {len(tmpl['test'])}, test-only {len(test_only_templates)}")
    if not args.no_templates:
        table("Prompts per template", [[t] + [tcount[p][t] for p in parts] for t in sorted(tmpl["train"] | tmpl["test"])], parts)
    print(f"Full PERSON strings shared by train and test: {len(shared)}")
    if errors:
        print(f"\n{len(errors)} ERRORS", file=sys.stderr)
        for e in errors[:50]:
            print("  " + e, file=sys.stderr)
        sys.exit(1)
    print("\nAll records valid.")


if __name__ == "__main__":
    main()
