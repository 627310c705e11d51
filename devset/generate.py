#!/usr/bin/env python3
"""Generate the promptvault dev corpus (standard library only).

    python3 devset/generate.py --seed 7301 --out-dir devset

writes train.jsonl (~2,400 prompts) and test.jsonl (~1,200 prompts). Output is
byte-identical for the same seed. See devset/README.md."""
import argparse
import json
import os
import random
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from lib.core import selfcheck, Reject  # noqa: E402
from lib.ctx import Ctx  # noqa: E402
from lib import fam_tables, fam_config, fam_code, fam_logs, fam_comms, fam_notes, fam_short, fam_mix, fam_negative  # noqa: E402

LANG_SHARE = [("en", 40), ("de", 20), ("fr", 20), ("es", 20)]
NEGATIVE_SHARE = 0.20
MAX_BYTES = 20 * 1024
TEST_ONLY_BOOST = 0.2  # extra probability of drawing a test-only variant in the test part

# family -> (module, weight among positive prompts, prose-native names allowed)
FAMILIES = {
    "table": (fam_tables, 17, True),
    "config": (fam_config, 10, False),
    "code": (fam_code, 10, False),
    "log": (fam_logs, 8, False),
    "comms": (fam_comms, 22, True),
    "notes": (fam_notes, 13, True),
    "short": (fam_short, 9, True),
    "mix": (fam_mix, 11, True),
}


def load_variants():
    out = {}
    for fam, (mod, _, _) in FAMILIES.items():
        out[fam] = mod.variants()
    out["negative"] = fam_negative.variants()
    return out


def pick_variant(rng, variants, part):
    if part == "train":
        pool = [v for v in variants if not v[2]]
        return rng.choice(pool)
    test_only = [v for v in variants if v[2]]
    if test_only and rng.random() < TEST_ONLY_BOOST:
        return rng.choice(test_only)
    return rng.choice(variants)


def plan(seed, part, n):
    """Deterministic list of (lang, family) for a part."""
    rng = random.Random(f"plan|{seed}|{part}")
    langs = []
    for lang, share in LANG_SHARE:
        langs += [lang] * round(n * share / 100)
    langs = (langs + ["en"] * n)[:n]
    rng.shuffle(langs)
    n_neg = round(n * NEGATIVE_SHARE)
    fams = ["negative"] * n_neg
    names = list(FAMILIES)
    weights = [FAMILIES[f][1] for f in names]
    total = sum(weights)
    counts = [round((n - n_neg) * w / total) for w in weights]
    for f, c in zip(names, counts):
        fams += [f] * c
    fams = (fams + ["comms"] * n)[:n]
    rng.shuffle(fams)
    return list(zip(langs, fams))


def generate_part(seed, part, n, variants, stats):
    records = []
    for i, (lang, fam) in enumerate(plan(seed, part, n)):
        prng = random.Random(f"variant|{seed}|{part}|{i}")
        name, fn, _ = pick_variant(prng, variants[fam], part)
        native_ok = FAMILIES[fam][2] if fam in FAMILIES else False
        for attempt in range(60):
            rng = random.Random(f"draft|{seed}|{part}|{i}|{attempt}")
            ctx = Ctx(rng, lang, part, native_ok=native_ok)
            try:
                doc = fn(ctx)
            except Reject as e:
                stats["reject:" + str(e)] = stats.get("reject:" + str(e), 0) + 1
                continue
            text = doc.text()
            ents = sorted(doc.ents, key=lambda e: e["start"])
            if len(text.encode("utf-8")) > MAX_BYTES or len(text.encode("utf-8")) < 100:
                stats["reject:size"] = stats.get("reject:size", 0) + 1
                continue
            if fam == "negative" and ents:
                raise AssertionError(f"negative template {name} produced entities")
            probs = selfcheck(text, ents)
            if probs:
                key = "selfcheck:" + probs[0].split(" ")[0] + " " + probs[0].split(" ")[1]
                stats[key] = stats.get(key, 0) + 1
                if os.environ.get("DEVSET_DEBUG"):
                    print(name, probs[:3], file=sys.stderr)
                continue
            records.append({"id": f"d-{part}-{i:05d}", "locale": lang, "template": name, "text": text,
                            "entities": [{"type": e["type"], "start": e["start"], "end": e["end"], "value": e["value"]} for e in ents]})
            break
        else:
            raise RuntimeError(f"could not build {part} #{i} ({name})")
    return records


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--seed", type=int, default=7301)
    ap.add_argument("--out-dir", default=os.path.dirname(os.path.abspath(__file__)))
    ap.add_argument("--train", type=int, default=2400)
    ap.add_argument("--test", type=int, default=1200)
    ap.add_argument("--only", help="generate only this family (debugging); writes nothing")
    args = ap.parse_args()
    variants = load_variants()
    stats = {}
    if args.only:
        variants = {k: (v if k == args.only else variants[args.only]) for k, v in variants.items()}
    for part, n in (("train", args.train), ("test", args.test)):
        recs = generate_part(args.seed, part, n, variants, stats)
        if args.only:
            print(f"{part}: {len(recs)} ok", file=sys.stderr)
            continue
        path = os.path.join(args.out_dir, f"{part}.jsonl")
        with open(path, "w", encoding="utf-8", newline="\n") as fh:
            for r in recs:
                fh.write(json.dumps(r, ensure_ascii=False) + "\n")
        print(f"wrote {len(recs)} records to {path}", file=sys.stderr)
    for k in sorted(stats):
        print(f"  {k}: {stats[k]}", file=sys.stderr)


if __name__ == "__main__":
    main()
