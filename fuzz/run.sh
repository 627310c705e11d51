#!/usr/bin/env bash
# Coverage-guided fuzzing (AFL++ through afl.rs, which works on stable Rust) of the
# detector, the token scanners and stream hold-back, the server-sent-event splitter, the
# proxy's reading of request bodies and JWT verification, each for FUZZ_SECONDS
# (default 60), starting from the committed corpus in fuzz/corpus/<target>. Exits 1 and
# names the inputs when any target crashed. Needs cargo-afl (`cargo install cargo-afl`).
#
#   fuzz/run.sh                    # every target, 60 s each
#   FUZZ_SECONDS=600 fuzz/run.sh detector
set -euo pipefail
cd "$(dirname "$0")"

SECONDS_EACH="${FUZZ_SECONDS:-60}"
TARGETS=("$@")
[ ${#TARGETS[@]} -gt 0 ] || TARGETS=(detector tokens sse request jwt)
OUT="${FUZZ_OUT:-$PWD/out}"

if ! cargo afl --version > /dev/null 2>&1; then
  echo "cargo-afl is missing: cargo install cargo-afl --locked" >&2
  exit 2
fi
# Its own target directory: instrumented builds must not replace the service's.
export CARGO_TARGET_DIR="$PWD/target"
cargo afl build --release --locked --quiet

# Unattended runs: no UI, no CPU governor or core-dump checks a CI machine cannot pass.
export AFL_NO_UI=1 AFL_SKIP_CPUFREQ=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1

failed=0
for target in "${TARGETS[@]}"; do
  rm -rf "${OUT:?}/$target"
  mkdir -p "$OUT/$target"
  cargo afl fuzz -V "$SECONDS_EACH" -i "corpus/$target" -o "$OUT/$target" \
    "target/release/$target" > "$OUT/$target.log" 2>&1
  stats="$OUT/$target/default/fuzzer_stats"
  execs=$(awk '/^execs_done/ { print $3 }' "$stats")
  paths=$(awk '/^corpus_count/ { print $3 }' "$stats")
  crashes=$(find "$OUT/$target/default/crashes" -type f -name 'id:*' | wc -l)
  echo "$target: $execs runs in ${SECONDS_EACH} s, $paths inputs in the queue, $crashes crashes"
  if [ "$crashes" -gt 0 ]; then
    failed=1
    find "$OUT/$target/default/crashes" -type f -name 'id:*' | head -5
  fi
done
exit "$failed"
