#!/usr/bin/env bash
# Same-run throughput of the service on plain Postgres and on a Citus cluster: tokenize
# and detokenize, the corpus spread over TENANTS tenants (one JWT each), one after the
# other on this machine. Needs both databases and a release build; Citus is installed
# from its published packages (docs/citus.md).
#
#   CITUS_URL=postgres://postgres@127.0.0.1:9700/test bench/citus.sh
#   TENANTS=1 CONCURRENCY=16 PASSES=1 bench/citus.sh
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh

PG_URL="${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/test}"
CITUS_URL="${CITUS_URL:?name the Citus coordinator in CITUS_URL}"
TENANTS="${TENANTS:-8}"
CONCURRENCY="${CONCURRENCY:-32}"
PASSES="${PASSES:-2}"
PORT="${PORT:-18091}"
SCHEMA=pvbench_citus
BIN="$PWD/target/release"
CORPUS="${CORPUS:-$PWD/bench/prompts.jsonl}"

[ -f "$CORPUS" ] || bench/make_corpus.sh
cargo build --release --quiet --bin promptvault --example loadgen
WORK="$(mktemp -d)"
SERVICE=
trap '[ -n "$SERVICE" ] && kill "$SERVICE" 2>/dev/null; rm -rf "$WORK"' EXIT
export PGOPTIONS="-c client_min_messages=warning"

# measure URL: a fresh schema, the service on it, both loads; prints "tok p99 detok p99".
measure() {
  local url="$1" dir="$WORK/run-$RANDOM" separator='?' jwts=()
  [[ "$url" == *\?* ]] && separator='&'
  psql "$url" -qAt -v ON_ERROR_STOP=1 -c "DROP SCHEMA IF EXISTS $SCHEMA CASCADE; CREATE SCHEMA $SCHEMA"
  mkdir -p "$dir"
  start_service "$dir" "${url}${separator}options=-c%20search_path%3D${SCHEMA}"
  for n in $(seq 1 "$TENANTS"); do
    jwts+=("$(cd "$dir" && "$BIN/promptvault" token --tenant "bench-$n" --scope "tokenize detokenize")")
  done
  local load=("$BIN/examples/loadgen" --url "http://127.0.0.1:$PORT"
    --jwt "$(IFS=,; echo "${jwts[*]}")" --corpus "$CORPUS" --concurrency "$CONCURRENCY")
  local tok detok
  tok="$("${load[@]}" --passes "$PASSES" --mode tokenize)"
  detok="$("${load[@]}" --passes "$PASSES" --mode detokenize)"
  kill "$SERVICE"
  wait "$SERVICE" 2>/dev/null || true
  SERVICE=
  psql "$url" -qAt -c "DROP SCHEMA $SCHEMA CASCADE"
  echo "$(rate "$tok") $(p99 "$tok") $(rate "$detok") $(p99 "$detok")"
}

read -r pg_tok pg_tok99 pg_detok pg_detok99 <<< "$(measure "$PG_URL")"
read -r ci_tok ci_tok99 ci_detok ci_detok99 <<< "$(measure "$CITUS_URL")"
workers="$(psql "$CITUS_URL" -qAt -c "SELECT count(*) FROM citus_get_active_worker_nodes()")"

machine
echo "tenants $TENANTS, connections $CONCURRENCY, passes $PASSES over $(wc -l < "$CORPUS") prompts; Citus: $workers workers"
printf '%-9s %11s %11s %14s %14s\n' store "tokenize/s" "tok p99 ms" "detokenize/s" "detok p99 ms"
printf '%-9s %11s %11s %14s %14s\n' postgres "$pg_tok" "$pg_tok99" "$pg_detok" "$pg_detok99"
printf '%-9s %11s %11s %14s %14s\n' citus "$ci_tok" "$ci_tok99" "$ci_detok" "$ci_detok99"
printf '%-9s %11s %11s %14s %14s\n' "citus/pg" "$(ratio "$ci_tok" "$pg_tok")" "" "$(ratio "$ci_detok" "$pg_detok")" ""
