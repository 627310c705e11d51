# Shared by the benchmark scripts (sourced, not run). Needs BIN (the release build's
# directory) and PORT.

# start_service DIR URL: the release service in DIR on the store URL, with rate limits and
# anomaly blocks off (a benchmark is a burst from one caller); sets SERVICE and returns
# once /healthz answers.
start_service() {
  local dir="$1" url="$2"
  ( cd "$dir" && PROMPTVAULT_DATABASE_URL="$url" PROMPTVAULT_LISTEN="127.0.0.1:$PORT" \
      PROMPTVAULT_LOG=warn PROMPTVAULT_ANOMALY_BLOCK=none \
      PROMPTVAULT_RATE_LIMIT_TOKENIZE_PER_SUB=0 PROMPTVAULT_RATE_LIMIT_TOKENIZE_PER_TENANT=0 \
      PROMPTVAULT_RATE_LIMIT_DETOKENIZE_PER_SUB=0 PROMPTVAULT_RATE_LIMIT_DETOKENIZE_PER_TENANT=0 \
      exec "$BIN/promptvault" serve > service.log 2>&1 ) &
  SERVICE=$!
  for _ in $(seq 1 100); do
    curl -sf "http://127.0.0.1:$PORT/healthz" > /dev/null && return 0
    sleep 0.2
  done
  echo "the service did not start; see $dir/service.log" >&2
  return 1
}

# From a loadgen report: prompts/s, and p99 latency in ms.
rate() { awk '/^throughput/ { print $2 }' <<< "$1"; }
p99() { awk '/^latency/ { print $6 }' <<< "$1"; }

# a / b to two decimals, "n/a" when b is 0.
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "n/a" }'; }

# machine: the line every benchmark report starts with.
machine() {
  echo "machine: $(nproc) cores, $(awk '/model name/ { $1=$2=$3=""; print; exit }' /proc/cpuinfo | sed 's/^ *//')"
}
