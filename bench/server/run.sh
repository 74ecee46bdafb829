#!/usr/bin/env bash
# Throughput of mlgate serve against a raw Jetty hello handler, in the same run on the same machine:
# wrk (2 threads, 16 connections, ~10 s each, after a short warm-up) posts one Lending Club row to
#   - a raw Jetty 12 hello handler (the ceiling),
#   - POST /v1/models/credit-risk-linear:predict (logistic regression),
#   - POST /v1/models/credit-risk-xgb:predict (XGBoost, 150 trees),
# and prints req/s, p50/p99 latency and the ratio to the hello ceiling (target >= 0.8).
# Usage: bench/server/run.sh            (DURATION=10s THREADS=2 CONNECTIONS=16 to change)
set -euo pipefail
source "$(cd "$(dirname "$0")" && pwd)/common.sh"
DURATION=${DURATION:-10s}
WARMUP=${WARMUP:-3s}
THREADS=${THREADS:-2}
CONNECTIONS=${CONNECTIONS:-16}
HELLO_PORT=${HELLO_PORT:-18090}
SERVE_PORT=${SERVE_PORT:-18091}

need_wrk
need_jar
prepare_models
start_hello "$HELLO_PORT"
start_serve "$SERVE_PORT" --deploy credit-risk-linear=1 --deploy credit-risk-xgb=1

# one real answer first, so a broken setup fails loudly instead of benchmarking 4xx responses
body=$(sed -n "s/^wrk.body = '\(.*\)'$/\1/p; s/^  \.\. '\(.*\)'$/\1/p" "$HERE/predict.lua" | tr -d '\n')
for m in credit-risk-linear credit-risk-xgb; do
  curl -sf -H 'Content-Type: application/json' -d "$body" "http://127.0.0.1:$SERVE_PORT/v1/models/$m:predict" \
    >"$WORK/sample-$m.json" || { echo "predict on $m failed" >&2; cat "$WORK/serve-$SERVE_PORT.log" >&2; exit 1; }
done
echo "sample answer: $(cat "$WORK/sample-credit-risk-xgb.json")"

# bench NAME URL -> "req/s p50 p99 non2xx errors"
bench() {
  local url=$2
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" -s "$HERE/predict.lua" "$url" >/dev/null
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency -s "$HERE/predict.lua" "$url" >"$WORK/wrk-$1.txt"
  awk '
    /Requests\/sec:/ { rps = $2 }
    $1 == "50%" { p50 = $2 }
    $1 == "99%" { p99 = $2 }
    /Non-2xx or 3xx responses:/ { non2xx = $5 }
    /Socket errors:/ { gsub(",", ""); errors = $4 + $6 + $8 + $10 }
    END { printf "%s %s %s %d %d\n", rps, p50, p99, non2xx, errors }' "$WORK/wrk-$1.txt"
}

echo
echo "wrk -t$THREADS -c$CONNECTIONS -d$DURATION, one row per request, 127.0.0.1, $(nproc) cores"
read -r hello_rps hello_p50 hello_p99 hello_bad hello_err < <(bench hello "http://127.0.0.1:$HELLO_PORT/hello")
read -r lin_rps lin_p50 lin_p99 lin_bad lin_err < <(bench linear "http://127.0.0.1:$SERVE_PORT/v1/models/credit-risk-linear:predict")
read -r xgb_rps xgb_p50 xgb_p99 xgb_bad xgb_err < <(bench xgboost "http://127.0.0.1:$SERVE_PORT/v1/models/credit-risk-xgb:predict")

printf "%-22s %12s %10s %10s %8s %10s\n" target "req/s" p50 p99 ratio failed
row() {
  printf "%-22s %12.0f %10s %10s %8.2f %10d\n" "$1" "$2" "$3" "$4" "$(awk -v a="$2" -v b="$hello_rps" 'BEGIN { print a / b }')" "$(($5 + $6))"
}
row "jetty hello (ceiling)" "$hello_rps" "$hello_p50" "$hello_p99" "$hello_bad" "$hello_err"
row "predict logistic" "$lin_rps" "$lin_p50" "$lin_p99" "$lin_bad" "$lin_err"
row "predict xgboost" "$xgb_rps" "$xgb_p50" "$xgb_p99" "$xgb_bad" "$xgb_err"
echo "(ratio = req/s / hello req/s; target >= 0.8. wrk output in $WORK/wrk-*.txt)"
