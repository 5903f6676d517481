#!/usr/bin/env bash
# CI: docker-compose.yml for real. Prepares podman (docker/ci/podman-setup.sh), builds the stand-in and service
# images (docker/ci/build-images.sh, from the jars of this checkout's build), then runs ComposeStackIT against
# podman's Docker API with the CI override: the whole stack up from nothing, the demo loader, the smoke scenario
# through the gateway, `down -v` leaving nothing. Stops the socket and the health-check loop if it started them.
# Called from .ci/run after `./mvnw -B verify` (which skips ComposeStackIT: COMPOSE_IT is not set there).
set -euo pipefail
cd "$(dirname "$0")/../.."
if [ -d /usr/lib/jvm/temurin-25-jdk-amd64 ]; then
  export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
  export PATH="$JAVA_HOME/bin:$PATH"
fi
start=$(date +%s)
stamp() { echo "compose-smoke: $1 after $(( $(date +%s) - start )) s"; }

docker/ci/podman-setup.sh
trap 'docker/ci/podman-setup.sh --stop' EXIT
stamp "podman ready"

jars_built=true
for module in catalog-service review-service vote-service comparison-service newsletter-service identity-service web gateway; do
  [ -f "$module/target/$module.jar" ] || jars_built=false
done
[ -d dev-stack/target/lib ] && [ -d dev-stack/target/classes ] || jars_built=false
if [ "$jars_built" != true ]; then
  ./mvnw -B -q -DskipTests package
  stamp "jars built"
fi
docker/ci/build-images.sh
stamp "images built"

export DOCKER_HOST=unix:///run/podman/podman.sock TESTCONTAINERS_RYUK_DISABLED=true
export COMPOSE_IT=1 COMPOSE_PREBUILT=1 COMPOSE_ENGINE=podman COMPOSE_SKIP_SERVICES=grafana \
  COMPOSE_FILES=docker-compose.yml:docker/ci/docker-compose.ci.yml
# Failsafe passes a test that skipped itself; its report says whether it ran (it-ran.sh prints the counts)
report=dev-stack/target/failsafe-reports/TEST-dev.toolverdicts.devstack.compose.ComposeStackIT.xml
rm -f "$report"
set +e
./mvnw -B -q -pl dev-stack -am verify -Dit.test=ComposeStackIT -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false \
  -Dit.failIfNoSpecifiedTests=false -Dfailsafe.failIfNoSpecifiedTests=false
result=$?
set -e
stamp "ComposeStackIT done (exit $result)"
docker/ci/it-ran.sh "$report" || [ "$result" != 0 ] || result=1
exit "$result"
