#!/usr/bin/env bash
# JMH benchmark of single-row predictions (Predictor.predictRow): compiled plain-Java path vs
# the Tribuo path, for an XGBoost and a logistic model on the Lending Club example.
# Usage: bench/jmh/run.sh [extra JMH options]   (from anywhere; default: a short run)
# Needs Maven and JDK 17; the first run fetches jmh-generator-annprocess from Maven Central.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"

# mlgate-core (and the parent pom) into the local repository, as the benchmark depends on it
(cd "$root" && mvn -q -o -pl mlgate-core -am install -DskipTests)
(cd "$here" && mvn -q package)

cd "$root"
if [ "$#" -eq 0 ]; then
  set -- -f 1 -wi 3 -i 5 -w 1s -r 1s
fi
exec java -Dmlgate.data="$root/examples/lending-club/data" -jar "$here/target/benchmarks.jar" PredictRowBenchmark "$@"
