#!/usr/bin/env bash
# Regenerates the benchmark corpus, bench/prompts.jsonl (2,000 prompts, 4.39 MB), byte for
# byte: a virtual environment with the one Faker version the generator accepts, then the
# generator with the seed and count every figure in the README was measured on.
set -euo pipefail
cd "$(dirname "$0")"
if [ ! -x .venv/bin/python ]; then
  python3 -m venv .venv
fi
.venv/bin/pip install --quiet --disable-pip-version-check "faker==40.54.0"
.venv/bin/python gen_corpus.py --seed 20261125 --n 2000 --out prompts.jsonl
echo "expected md5 50b6d34024df2362bc78d6bb18243e0c"
md5sum prompts.jsonl
