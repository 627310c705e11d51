#!/usr/bin/env bash
# Soak: the release service under steady mixed load (tokenize, then detokenize of what it
# tokenized, over and over) for DURATION seconds, its resident memory sampled every
# SAMPLE seconds. Memory should level off once the caches (reveal cache, keys, rate
# counters) are full, and stay flat. Not part of CI; the README has the last run's figures.
#
#   bench/soak.sh                         # 30 minutes on SQLite
#   DURATION=600 STORE=postgres bench/soak.sh
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh

DURATION="${DURATION:-1800}"
SAMPLE="${SAMPLE:-60}"
CONCURRENCY="${CONCURRENCY:-8}"
STORE="${STORE:-sqlite}"
PORT="${PORT:-18095}"
PG_URL="${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/test}"
CORPUS="${CORPUS:-$PWD/bench/prompts.jsonl}"
BIN="$PWD/target/release"

[ -f "$CORPUS" ] || bench/make_corpus.sh
cargo build --release --quiet --bin promptvault --example loadgen
WORK="$(mktemp -d)"
SERVICE=
LOAD=
stop() {
  # The load loop first (its running load generator with it), then the service.
  if [ -n "$LOAD" ]; then pkill -P "$LOAD" 2>/dev/null; kill "$LOAD" 2>/dev/null; fi
  if [ -n "$SERVICE" ]; then kill "$SERVICE" 2>/dev/null; fi
  rm -rf "$WORK"
}
trap stop EXIT

case "$STORE" in
  sqlite) URL="sqlite://$WORK/soak.db" ;;
  postgres)
    psql "$PG_URL" -qAt -c "DROP SCHEMA IF EXISTS pvsoak CASCADE; CREATE SCHEMA pvsoak" > /dev/null
    URL="${PG_URL}?options=-c%20search_path%3Dpvsoak" ;;
  *) echo "STORE is sqlite or postgres" >&2; exit 2 ;;
esac

start_service "$WORK" "$URL"
JWT="$(cd "$WORK" && "$BIN/promptvault" token --tenant soak --scope "tokenize detokenize" --ttl 1d)"

# Detokenize mode tokenizes the corpus (new tokens every round, since each round is a new
# request) and then reveals it: both paths, every round.
( while true; do
    "$BIN/examples/loadgen" --url "http://127.0.0.1:$PORT" --jwt "$JWT" --corpus "$CORPUS" \
      --concurrency "$CONCURRENCY" --passes 1 --mode detokenize > /dev/null || true
  done ) &
LOAD=$!

rss() { awk '/^VmRSS/ { print $2 }' "/proc/$SERVICE/status"; }
echo "store $STORE, $CONCURRENCY connections, $DURATION s, RSS every $SAMPLE s"
printf '%8s %10s\n' seconds "rss KiB"
start=$(date +%s)
samples=()
while true; do
  now=$(( $(date +%s) - start ))
  value=$(rss)
  samples+=("$value")
  printf '%8d %10d\n' "$now" "$value"
  [ "$now" -ge "$DURATION" ] && break
  sleep "$SAMPLE"
done
count=${#samples[@]}
quarter=$(( count / 4 ))
echo "first $((samples[0])) KiB; after a quarter $((samples[quarter])) KiB; last $((samples[count - 1])) KiB"
echo "growth over the last three quarters: $(( samples[count - 1] - samples[quarter] )) KiB"
