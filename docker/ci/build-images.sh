#!/usr/bin/env bash
# Builds every image the CI compose run needs, without any registry (docker/ci/podman-setup.sh ran first):
#   localhost/toolverdicts-ci/{jdk,jre}:25        the machine's Temurin 25 (JDK; jlink'd JRE) on the debootstrap base
#   localhost/toolverdicts-ci/{kafka,postgres,mail,prometheus}:ci   stand-ins for the public images (docker/ci/images)
#   toolverdicts/<service>:dev, toolverdicts/demo-loader:dev      docker/Dockerfile on the CI JDK/JRE, from the jars
#                                                                the host build left in */target (JARS=prebuilt)
# JDK and JRE images are made once per machine; the others rebuild on podman's layer cache (seconds when unchanged).
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
CI=docker/ci
JDK_HOME=${CI_JDK_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
BASE_IMAGE=localhost/debian-base:bookworm
JDK_IMAGE=localhost/toolverdicts-ci/jdk:25
JRE_IMAGE=localhost/toolverdicts-ci/jre:25
STAGE=$(mktemp -d /var/tmp/toolverdicts-ci-images.XXXXXX)
trap 'rm -rf "$STAGE"' EXIT
export JAVA_HOME=$JDK_HOME PATH=$JDK_HOME/bin:$PATH

log() { echo "build-images: $*"; }
build() { # tag containerfile context [extra args]
  local tag=$1 file=$2 context=$3
  shift 3
  local t=$(date +%s)
  podman build -q --format docker --layers --build-arg BASE_IMAGE=$BASE_IMAGE --build-arg JRE_IMAGE=$JRE_IMAGE \
    -f "$file" -t "$tag" "$@" "$context" >/dev/null
  log "$tag ($(( $(date +%s) - t )) s)"
}

podman image exists "$BASE_IMAGE" || { log "no $BASE_IMAGE: run $CI/podman-setup.sh first" >&2; exit 1; }

if ! podman image exists "$JDK_IMAGE"; then
  build "$JDK_IMAGE" "$ROOT/$CI/images/jre/Containerfile.jdk" "$JDK_HOME"
fi
if ! podman image exists "$JRE_IMAGE"; then
  # the runtime modules of a Temurin JRE: everything but the development tools
  modules=$(java --list-modules | sed 's/@.*//' | grep -vxE 'jdk\.(compiler|javadoc|jshell|jdeps|jlink|jpackage|jartool|jdi|jdwp\.agent|jconsole|jstatd|editpad|hotspot\.agent|internal\.ed|internal\.le|internal\.opt|internal\.md|graal\.compiler(\.management)?|internal\.vm\.ci)' | paste -sd,)
  jlink --add-modules "$modules" --strip-debug --no-man-pages --no-header-files --generate-cds-archive \
    --output "$STAGE/jre"
  build "$JRE_IMAGE" "$ROOT/$CI/images/jre/Containerfile" "$STAGE/jre"
fi

# Kafka: the broker and tool jars from Maven Central (~/.m2 after the first run)
mkdir -p "$STAGE/kafka"
cp -r $CI/images/kafka/bin $CI/images/kafka/log4j2.properties "$STAGE/kafka/"
./mvnw -B -q -f $CI/images/kafka/pom.xml dependency:copy-dependencies -DoutputDirectory="$STAGE/kafka/libs" \
  -Dmdep.useRepositoryLayout=false >/dev/null
build localhost/toolverdicts-ci/kafka:ci "$ROOT/$CI/images/kafka/Containerfile" "$STAGE/kafka"

build localhost/toolverdicts-ci/postgres:ci "$ROOT/$CI/images/postgres/Containerfile" "$ROOT/$CI/images/postgres"
build localhost/toolverdicts-ci/prometheus:ci "$ROOT/$CI/images/prometheus/Containerfile" "$ROOT/$CI/images/prometheus"

mkdir -p "$STAGE/mail"
cp $CI/images/mail/mailpit "$STAGE/mail/"
greenmail_version=$(sed -n 's:.*<greenmail.version>\(.*\)</greenmail.version>.*:\1:p' pom.xml)
./mvnw -B -q -N dependency:copy -Dartifact=com.icegreen:greenmail-standalone:$greenmail_version \
  -DoutputDirectory="$STAGE/mail" -Dmdep.stripVersion=true >/dev/null
build localhost/toolverdicts-ci/mail:ci "$ROOT/$CI/images/mail/Containerfile" "$STAGE/mail"

# The product's own images, from docker/Dockerfile exactly as users build them, but on the CI JDK/JRE and with the
# jars of this checkout's build. Module and port as docker-compose.yml passes them.
for jar in catalog-service review-service vote-service comparison-service newsletter-service identity-service web gateway; do
  [ -f "$jar/target/$jar.jar" ] || { log "no $jar/target/$jar.jar: build the jars first (./mvnw -DskipTests package)" >&2; exit 1; }
done
[ -d dev-stack/target/lib ] || { log "no dev-stack/target/lib: build the jars first" >&2; exit 1; }
common=(--build-arg JDK_IMAGE=$JDK_IMAGE --build-arg JARS=prebuilt --ignorefile $CI/prebuilt.dockerignore)
while read -r module port; do
  build "toolverdicts/$module:dev" "$ROOT/docker/Dockerfile" "$ROOT" "${common[@]}" \
    --build-arg MODULE="$module" --build-arg PORT="$port" --target service
done <<'SERVICES'
identity-service 9000
catalog-service 8081
review-service 8082
vote-service 8083
comparison-service 8084
newsletter-service 8085
web 8086
gateway 8080
SERVICES
build toolverdicts/demo-loader:dev "$ROOT/docker/Dockerfile" "$ROOT" "${common[@]}" --target demo-loader
