# Shared helpers of bench/server/run.sh and hotswap.sh (sourced, not run).
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
JAR=$ROOT/mlgate-cli/target/mlgate.jar
WORK=${WORK:-$ROOT/bench/work/server}
REGISTRY=file:$WORK/registry
JAVA_OPTS=${JAVA_OPTS:--Xmx1g}
PIDS=()

cleanup() {
  for pid in "${PIDS[@]}"; do
    kill "$pid" 2>/dev/null || true
  done
  for pid in "${PIDS[@]}"; do
    wait "$pid" 2>/dev/null || true
  done
}
trap cleanup EXIT

need_wrk() {
  if ! command -v wrk >/dev/null; then
    echo "installing wrk (Debian package)..." >&2
    local sudo=""
    [ "$(id -u)" -eq 0 ] || sudo=sudo
    $sudo apt-get update -qq && $sudo apt-get install -y -qq wrk >/dev/null
  fi
}

need_jar() {
  if [ ! -f "$JAR" ]; then
    echo "building $JAR ..." >&2
    (cd "$ROOT" && mvn -B -q -ntp -DskipTests package)
  fi
}

mlgate() {
  java $JAVA_OPTS -jar "$JAR" "$@"
}

# Trains a logistic and an XGBoost model on the Lending Club example once, and registers them as
#   credit-risk-linear 1 (logistic), credit-risk-xgb 1 (xgboost), credit-risk 1 (logistic) and 2 (xgboost).
prepare_models() {
  if [ -f "$WORK/models.ready" ]; then
    return
  fi
  rm -rf "$WORK"
  mkdir -p "$WORK"
  cp -r "$ROOT/examples/lending-club" "$WORK/lc"
  rm -rf "$WORK/lc/.mlgate" "$WORK/lc/mlgate.contract.yaml"
  local cfg=$WORK/lc/mlgate.yaml
  echo "training a logistic and an XGBoost model on examples/lending-club ..." >&2
  mlgate train --config "$cfg" --no-progress --set train.trainer=logistic --set 'train.params={epochs: 5}' \
    --model-dir "$WORK/model-logistic" >/dev/null
  mlgate train --config "$cfg" --no-progress --model-dir "$WORK/model-xgboost" >/dev/null
  mlgate register --config "$cfg" --registry "$REGISTRY" --model credit-risk-linear --model-dir "$WORK/model-logistic" >/dev/null
  mlgate register --config "$cfg" --registry "$REGISTRY" --model credit-risk-xgb --model-dir "$WORK/model-xgboost" >/dev/null
  mlgate register --config "$cfg" --registry "$REGISTRY" --model credit-risk --model-dir "$WORK/model-logistic" >/dev/null
  mlgate register --config "$cfg" --registry "$REGISTRY" --model credit-risk --model-dir "$WORK/model-xgboost" >/dev/null
  touch "$WORK/models.ready"
}

# start_serve PORT ARGS... : starts mlgate serve in the background and waits for /health.
start_serve() {
  local port=$1
  shift
  # java directly (not the mlgate function): $! must be the JVM itself so cleanup can stop it
  java $JAVA_OPTS -jar "$JAR" serve --registry "$REGISTRY" --port "$port" "$@" >"$WORK/serve-$port.log" 2>&1 &
  PIDS+=($!)
  wait_healthy "http://127.0.0.1:$port/health" "$WORK/serve-$port.log"
}

# start_hello PORT : the raw Jetty hello handler, compiled against mlgate.jar.
start_hello() {
  local port=$1
  mkdir -p "$WORK/hello-classes"
  javac -nowarn -d "$WORK/hello-classes" -cp "$JAR" "$HERE/java/Hello.java"
  java $JAVA_OPTS -cp "$JAR:$WORK/hello-classes" Hello "$port" >"$WORK/hello-$port.log" 2>&1 &
  PIDS+=($!)
  wait_healthy "http://127.0.0.1:$port/" "$WORK/hello-$port.log"
}

wait_healthy() {
  local url=$1 log=$2
  for _ in $(seq 1 120); do
    if curl -sf -o /dev/null "$url"; then
      return
    fi
    sleep 0.5
  done
  echo "server at $url did not come up; its log:" >&2
  cat "$log" >&2
  exit 1
}
