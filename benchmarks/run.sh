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

# benchmark 1c/1d's peer baseline: Debian's nginx (a plain reverse proxy, then a shared cache)
if [ ! -x /usr/sbin/nginx ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "installing nginx-light for benchmarks 1c and 1d"
    apt-get install -y -q nginx-light >/dev/null || (apt-get update -q >/dev/null && apt-get install -y -q nginx-light >/dev/null) \
      || echo "benchmarks: could not install nginx-light; 1c and 1d will be reported as not measured" >&2
  else
    echo "benchmarks: no nginx (apt-get install -y nginx-light); 1c and 1d will be reported as not measured" >&2
  fi
fi

if [ "${BENCHMARKS_SKIP_BUILD:-}" != "1" ]; then
  ./mvnw -B -q -pl benchmarks -am -DskipTests package
fi

exec "$JAVA" -Xmx512m -XX:+UseSerialGC -Dbenchmarks.repoRoot="$PWD" \
  -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
  -cp "benchmarks/target/classes:benchmarks/target/lib/*" \
  dev.toolverdicts.benchmarks.BenchmarkSuite "$@"
