#!/usr/bin/env bash
# Hot swap under load: wrk (2 threads, 16 connections) posts one row to credit-risk while the stable
# version is swapped 10 times through the admin API (logistic 1 <-> XGBoost 2, one swap a second).
# Prints the failed requests: non-2xx answers plus socket errors (target 0).
set -euo pipefail
source "$(cd "$(dirname "$0")" && pwd)/common.sh"
PORT=${PORT:-18092}
TOKEN=bench-$RANDOM$RANDOM

need_wrk
need_jar
prepare_models
printf '%s\n' "$TOKEN" >"$WORK/admin-token"
start_serve "$PORT" --admin-token-file "$WORK/admin-token" --deploy credit-risk=1

URL=http://127.0.0.1:$PORT/v1/models/credit-risk:predict
wrk -t2 -c16 -d3s -s "$HERE/predict.lua" "$URL" >/dev/null   # warm-up
wrk -t2 -c16 -d14s --latency -s "$HERE/predict.lua" "$URL" >"$WORK/wrk-hotswap.txt" &
WRK=$!
sleep 1.5
swaps=0
for i in $(seq 1 10); do
  version=$(( i % 2 == 1 ? 2 : 1 ))
  code=$(curl -s -o "$WORK/swap-$i.json" -w '%{http_code}' -X PUT -H "Authorization: Bearer $TOKEN" \
    -H 'Content-Type: application/json' -d "{\"stable\": \"$version\"}" "http://127.0.0.1:$PORT/admin/models/credit-risk/traffic")
  if [ "$code" = 200 ]; then swaps=$((swaps + 1)); else echo "swap $i to $version: HTTP $code $(cat "$WORK/swap-$i.json")" >&2; fi
  sleep 1
done
wait "$WRK"

awk -v swaps="$swaps" '
  /requests in/ { total = $1 }
  /Requests\/sec:/ { rps = $2 }
  $1 == "99%" { p99 = $2 }
  /Non-2xx or 3xx responses:/ { non2xx = $5 }
  /Socket errors:/ { gsub(",", ""); errors = $4 + $6 + $8 + $10 }
  END {
    printf "hot swaps: %d of 10 under load; %d requests (%.0f req/s, p99 %s)\n", swaps, total, rps, p99
    printf "failed requests: %d (non-2xx %d, socket errors %d)\n", non2xx + errors, non2xx, errors
  }' "$WORK/wrk-hotswap.txt"
echo "answering version now: $(curl -s "http://127.0.0.1:$PORT/v1/models/credit-risk" | sed 's/.*"stable":"\([^"]*\)".*/\1/')"
