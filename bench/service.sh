#!/usr/bin/env bash
# Same-run comparisons on this machine, because its speed swings from hour to hour:
# - tokenize (Postgres) against the database's own ceiling for one 13-row insert per
#   transaction, measured by pgbench right before it;
# - detokenize against the same service's GET /healthz rate;
# - both paths on Postgres and on SQLite.
# Prints one table with the ratios. Needs Postgres (DATABASE_URL, default the local test
# database) and pgbench; the corpus is generated when missing.
#
#   bench/service.sh            # 32 connections, 3 passes over the corpus
#   CONCURRENCY=16 PASSES=1 bench/service.sh
#   CORPUS=devset/test.jsonl bench/service.sh   # any file in the corpus format
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh

PG_URL="${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/test}"
CONCURRENCY="${CONCURRENCY:-32}"
PASSES="${PASSES:-3}"
PORT="${PORT:-18090}"
SCHEMA=pvbench_service
BIN="$PWD/target/release"
CORPUS="${CORPUS:-$PWD/bench/prompts.jsonl}"

[ -f "$CORPUS" ] || bench/make_corpus.sh
cargo build --release --quiet --bin promptvault --example loadgen
WORK="$(mktemp -d)"
SERVICE=
trap '[ -n "$SERVICE" ] && kill "$SERVICE" 2>/dev/null; rm -rf "$WORK"' EXIT

export PGOPTIONS="-c client_min_messages=warning"
psql_admin() { psql "$PG_URL" -qAt -v ON_ERROR_STOP=1 -c "$1"; }

# The database's ceiling: one autocommitted 13-row insert of ids and bytes per
# transaction, from as many clients as the service has connections to it.
pg_ceiling() {
  psql_admin "DROP SCHEMA IF EXISTS ${SCHEMA}_pgbench CASCADE; CREATE SCHEMA ${SCHEMA}_pgbench;
    CREATE TABLE ${SCHEMA}_pgbench.rows (id text PRIMARY KEY, sealed bytea NOT NULL, at bigint NOT NULL);"
  cat > "$WORK/insert.sql" <<SQL
INSERT INTO ${SCHEMA}_pgbench.rows
SELECT md5(random()::text || g), decode(md5(g::text), 'hex'), g FROM generate_series(1, 13) AS g;
SQL
  pgbench "$PG_URL" -n -c "$CONCURRENCY" -j 2 -T 15 -f "$WORK/insert.sql" 2>/dev/null |
    awk '/^tps/ { printf "%.0f", $3 }'
  psql_admin "DROP SCHEMA ${SCHEMA}_pgbench CASCADE"
}

# Starts the service on a store URL, runs the three loads, prints "tok p99 detok p99 healthz".
measure() {
  local url="$1" dir="$WORK/run-$RANDOM"
  mkdir -p "$dir"
  start_service "$dir" "$url"
  local jwt
  jwt="$(cd "$dir" && "$BIN/promptvault" token --tenant bench --scope "tokenize detokenize")"
  local load=("$BIN/examples/loadgen" --url "http://127.0.0.1:$PORT" --jwt "$jwt"
    --corpus "$CORPUS" --concurrency "$CONCURRENCY")
  local tok detok health
  tok="$("${load[@]}" --passes "$PASSES" --mode tokenize)"
  detok="$("${load[@]}" --passes "$PASSES" --mode detokenize)"
  health="$("${load[@]}" --passes $((PASSES * 10)) --mode healthz)"
  kill "$SERVICE"
  wait "$SERVICE" 2>/dev/null || true
  SERVICE=
  echo "$(rate "$tok") $(p99 "$tok") $(rate "$detok") $(p99 "$detok") $(rate "$health")"
}

ceiling="$(pg_ceiling)"
psql_admin "DROP SCHEMA IF EXISTS $SCHEMA CASCADE; CREATE SCHEMA $SCHEMA"
separator='?'
[[ "$PG_URL" == *\?* ]] && separator='&'
read -r pg_tok pg_tok99 pg_detok pg_detok99 pg_health \
  <<< "$(measure "${PG_URL}${separator}options=-c%20search_path%3D${SCHEMA}")"
psql_admin "DROP SCHEMA $SCHEMA CASCADE"
read -r sq_tok sq_tok99 sq_detok sq_detok99 sq_health \
  <<< "$(measure "sqlite://$WORK/bench.db")"

machine
echo "connections $CONCURRENCY, passes $PASSES over $(wc -l < "$CORPUS") prompts"
printf '%-9s %12s %9s %14s %9s %11s %14s %9s %11s\n' store "pg ceiling/s" "tokenize/s" "tok p99 ms" "ratio" \
  "detokenize/s" "detok p99 ms" "healthz/s" "ratio"
printf '%-9s %12s %9s %14s %9s %11s %14s %9s %11s\n' postgres "$ceiling" "$pg_tok" "$pg_tok99" \
  "$(ratio "$pg_tok" "$ceiling")" "$pg_detok" "$pg_detok99" "$pg_health" "$(ratio "$pg_detok" "$pg_health")"
printf '%-9s %12s %9s %14s %9s %11s %14s %9s %11s\n' sqlite "-" "$sq_tok" "$sq_tok99" "-" \
  "$sq_detok" "$sq_detok99" "$sq_health" "$(ratio "$sq_detok" "$sq_health")"
