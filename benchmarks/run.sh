#!/usr/bin/env bash
# Runs the benchmark suite against a running dev stack and writes benchmarks/results/<date>.json, .html and latest.md.
# Usage: ./benchmarks/run.sh [--only 1,2,3,4,5,6] [--quick] [--cold-start] [--members N]
# BENCHMARKS_SKIP_BUILD=1 skips the Maven build of the module.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ -d /usr/lib/jvm/temurin-25-jdk-amd64 ]; then
  export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
fi
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"

if [ "${BENCHMARKS_SKIP_BUILD:-}" != "1" ]; then
  ./mvnw -B -q -pl benchmarks -am -DskipTests package
fi

exec "$JAVA" -Xmx512m -XX:+UseSerialGC -Dbenchmarks.repoRoot="$PWD" \
  -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
  -cp "benchmarks/target/classes:benchmarks/target/lib/*" \
  dev.toolverdicts.benchmarks.BenchmarkSuite "$@"
