#!/usr/bin/env bash
# The software bill of materials: a CycloneDX 1.5 JSON document of every crate in
# Cargo.lock, written to OUT (default target/sbom/promptvault.cdx.json).
# cargo-cyclonedx lists what the service is built from (every target platform); the
# crates only tests and benchmarks use are added after it with scope "excluded", so the
# document accounts for the whole lock file. Needs cargo-cyclonedx
# (`cargo install cargo-cyclonedx --locked`) and Python 3.
#
#   deploy/sbom.sh                      # target/sbom/promptvault.cdx.json
#   OUT=/tmp/pv.cdx.json deploy/sbom.sh
set -euo pipefail
cd "$(dirname "$0")/.."
OUT="${OUT:-$PWD/target/sbom/promptvault.cdx.json}"
mkdir -p "$(dirname "$OUT")"
if ! cargo cyclonedx --version > /dev/null 2>&1; then
  echo "cargo-cyclonedx is missing: cargo install cargo-cyclonedx --locked" >&2
  exit 2
fi
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
cargo cyclonedx --quiet --format json --spec-version 1.5 --target all \
  --override-filename promptvault.cdx
mv promptvault.cdx.json "$WORK/built.json"
python3 deploy/sbom.py complete "$WORK/built.json" Cargo.lock "$OUT"
echo "$OUT"
