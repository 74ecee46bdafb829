#!/usr/bin/env bash
# One command for the whole benchmark: installs the Python peers when missing, builds the jar when
# missing, generates the data, runs mlgate (one JVM) and the peers (one Python), prints the table.
#
#   bench/run.sh [key=value ...]     e.g. bench/run.sh reps=3 train_reps=1 probe=false
#
# Options go to both sides: reps (5), train_reps (3), rounds (200), depth (6), eta (0.1),
# threads (2), seed (42); mlgate only: probe (true), probe_train_reps (1); peers only: softprob (true).
# Everything is written under bench/work/ (gitignored). Bounded: each side is killed after its timeout.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
WORK=bench/work
JAR=mlgate-cli/target/mlgate.jar
PY=/usr/bin/python3            # Debian's python with Debian's pandas/sklearn/xgboost, not a pyenv one
JAVA_TIMEOUT=${JAVA_TIMEOUT:-420}
PEER_TIMEOUT=${PEER_TIMEOUT:-300}
mkdir -p "$WORK"

# --- peers (Debian packages)
if ! "$PY" -c 'import pandas, sklearn, xgboost, scipy' 2>/dev/null; then
    echo "installing the Python peers (python3-sklearn python3-pandas python3-xgboost)" >&2
    SUDO=""
    if [ "$(id -u)" -ne 0 ]; then SUDO=sudo; fi
    $SUDO apt-get update -q
    $SUDO apt-get install -y python3-sklearn python3-pandas python3-xgboost
fi

# --- mlgate jar
if [ ! -f "$JAR" ]; then
    echo "building $JAR" >&2
    mvn -B -q -o -DskipTests install || mvn -B -q -ntp -DskipTests install
fi

# --- data (regenerated when the generator changed)
if [ ! -f "$WORK/train.csv" ] || [ ! -f "$WORK/holdout.csv" ] || [ bench/generate.py -nt "$WORK/train.csv" ]; then
    "$PY" bench/generate.py "$WORK"
fi

# --- harness
rm -rf "$WORK/classes"
javac -nowarn -cp "$JAR" -d "$WORK/classes" bench/java/*.java

echo "load before: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores" > "$WORK/machine.txt"
echo "running mlgate (one JVM) ..." >&2
timeout "$JAVA_TIMEOUT" java -Xms2g -Xmx4g -cp "$JAR:$WORK/classes" Bench "$WORK/train.csv" "$WORK/holdout.csv" "$@" \
    > "$WORK/mlgate.tsv" 2> "$WORK/mlgate.log" || { echo "mlgate side failed, see $WORK/mlgate.log" >&2; tail -20 "$WORK/mlgate.log" >&2; exit 1; }
echo "running the Python peers ..." >&2
timeout "$PEER_TIMEOUT" env OMP_NUM_THREADS=2 OPENBLAS_NUM_THREADS=2 MKL_NUM_THREADS=2 \
    "$PY" bench/peers.py "$WORK/train.csv" "$WORK/holdout.csv" "$@" \
    > "$WORK/peer.tsv" 2> "$WORK/peer.log" || { echo "peer side failed, see $WORK/peer.log" >&2; tail -20 "$WORK/peer.log" >&2; exit 1; }
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)" >> "$WORK/machine.txt"

{
    echo "mlgate bench $(date -u +%Y-%m-%dT%H:%MZ) $(uname -srm), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(nproc) cores"
    cat "$WORK/machine.txt"
    echo
    "$PY" bench/table.py "$WORK/mlgate.tsv" "$WORK/peer.tsv"
} | tee "$WORK/table.txt"
