#!/usr/bin/env bash
# Flame graphs of the running service under load, one per path:
#   docs/flamegraphs/tokenize.svg and docs/flamegraphs/detokenize.svg.
# Needs Linux perf (Debian: linux-perf) and inferno (`cargo install inferno`), Postgres
# (DATABASE_URL, default the local test database) and the benchmark corpus. The service is
# built with frame pointers and line tables in its own target folder, so the normal
# release build is left alone.
#
#   bench/flamegraph.sh
set -euo pipefail
cd "$(dirname "$0")/.."

PG_URL="${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/test}"
PORT="${PORT:-18095}"
SCHEMA=pvbench_flame
TARGET="${FLAME_TARGET_DIR:-target/flamegraph}"
CORPUS="${CORPUS:-$PWD/bench/prompts.jsonl}"
OUT="$PWD/docs/flamegraphs"

[ -f "$CORPUS" ] || bench/make_corpus.sh
CARGO_TARGET_DIR="$TARGET" CARGO_PROFILE_RELEASE_DEBUG=line-tables-only \
  RUSTFLAGS="-Cforce-frame-pointers=yes" cargo build --release --quiet --bin promptvault
cargo build --release --quiet --example loadgen
BIN="$(cd "$TARGET" && pwd)/release/promptvault"
WORK="$(mktemp -d)"
SERVICE=
trap '[ -n "$SERVICE" ] && kill "$SERVICE" 2>/dev/null; rm -rf "$WORK"' EXIT
mkdir -p "$OUT"

export PGOPTIONS="-c client_min_messages=warning"
psql "$PG_URL" -qAt -v ON_ERROR_STOP=1 -c "DROP SCHEMA IF EXISTS $SCHEMA CASCADE; CREATE SCHEMA $SCHEMA"
( cd "$WORK" && PROMPTVAULT_DATABASE_URL="$PG_URL?options=-c%20search_path%3D$SCHEMA" \
    PROMPTVAULT_LISTEN="127.0.0.1:$PORT" PROMPTVAULT_LOG=warn PROMPTVAULT_ANOMALY_BLOCK=none \
    PROMPTVAULT_RATE_LIMIT_TOKENIZE_PER_SUB=0 PROMPTVAULT_RATE_LIMIT_TOKENIZE_PER_TENANT=0 \
    PROMPTVAULT_RATE_LIMIT_DETOKENIZE_PER_SUB=0 PROMPTVAULT_RATE_LIMIT_DETOKENIZE_PER_TENANT=0 \
    exec "$BIN" serve > service.log 2>&1 ) &
SERVICE=$!
for _ in $(seq 1 100); do
  curl -sf "http://127.0.0.1:$PORT/healthz" > /dev/null && break
  sleep 0.2
done
JWT="$(cd "$WORK" && "$BIN" token --tenant bench --scope "tokenize detokenize")"

for mode in tokenize detokenize; do
  target/release/examples/loadgen --url "http://127.0.0.1:$PORT" --jwt "$JWT" \
    --corpus "$CORPUS" --concurrency 32 --passes 20 --mode "$mode" > "$WORK/$mode.txt" &
  load=$!
  sleep 2
  perf record -F 499 -g -p "$SERVICE" -o "$WORK/$mode.data" -- sleep 5 > /dev/null 2>&1
  wait "$load"
  perf script -i "$WORK/$mode.data" 2> /dev/null | inferno-collapse-perf |
    inferno-flamegraph --title "promptvault $mode under load (32 connections, Postgres)" \
      > "$OUT/$mode.svg"
  echo "$mode: $(awk '/^throughput/ { print $2, $3 }' "$WORK/$mode.txt") -> $OUT/$mode.svg"
done
psql "$PG_URL" -qAt -c "DROP SCHEMA $SCHEMA CASCADE"
