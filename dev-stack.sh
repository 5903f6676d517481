#!/usr/bin/env bash
# One command from a fresh clone: builds the jars, then starts PostgreSQL, Kafka, a mail sink and every service.
# Usage: ./dev-stack.sh [--reset] [--only catalog-service,comparison-service,gateway] [--replicas comparison-service=2,gateway=2] [--no-demo-data] [--perf]
# DEV_STACK_SKIP_BUILD=1 skips the Maven build (when the jars are fresh).
set -euo pipefail
cd "$(dirname "$0")"

if [ -d /usr/lib/jvm/temurin-25-jdk-amd64 ]; then
  export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
fi
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
CLASSPATH_LAUNCHER="dev-stack/target/classes:dev-stack/target/lib/*"

for arg in "$@"; do
  if [ "$arg" = "-h" ] || [ "$arg" = "--help" ]; then
    if [ -d dev-stack/target/classes ]; then
      exec "$JAVA" -cp "$CLASSPATH_LAUNCHER" dev.toolverdicts.devstack.DevStack --help
    fi
    sed -n '3,4p' "$0" | cut -c3-
    exit 0
  fi
done

if [ "${DEV_STACK_SKIP_BUILD:-}" != "1" ]; then
  echo "building: ./mvnw -B -q -DskipTests package"
  build_started=$(date +%s)
  ./mvnw -B -q -DskipTests package
  echo "built in $(( $(date +%s) - build_started )) s"
elif [ ! -d dev-stack/target/classes ] || [ ! -d dev-stack/target/lib ]; then
  echo "dev-stack: dev-stack/target is not built yet; run without DEV_STACK_SKIP_BUILD=1" >&2
  exit 1
fi

mkdir -p .dev-stack/tmp
exec "$JAVA" -Xmx192m -XX:TieredStopAtLevel=1 -XX:+UseSerialGC \
  -Djava.io.tmpdir="$PWD/.dev-stack/tmp" -Ddevstack.repoRoot="$PWD" \
  -cp "$CLASSPATH_LAUNCHER" \
  dev.toolverdicts.devstack.DevStack "$@"
