#!/usr/bin/env bash
# Prepares this kind of machine (root, no Docker engine, no image registry) to run docker-compose.yml:
# podman with the workarounds of STACK-NOTES "Containers", its Docker API socket, a loop that runs the
# containers' health checks (health-loop.sh: nothing else does without systemd), and a Debian base image made with debootstrap.
# Idempotent: every step is skipped when its result is already there. Safe to source or run.
#   docker/ci/podman-setup.sh            install/configure, build the base image, start socket + health loop
#   docker/ci/podman-setup.sh --stop     stop the socket and the health loop this script started
set -euo pipefail

SOCKET=/run/podman/podman.sock
STATE=/run/toolverdicts-ci
BASE_IMAGE=localhost/debian-base:bookworm
MIRROR=${DEBIAN_MIRROR:-http://deb.debian.org/debian}

log() { echo "podman-setup: $*"; }

stop_started() {
  for name in health-loop podman-service; do
    if [ -f "$STATE/$name.pid" ]; then
      kill "$(cat "$STATE/$name.pid")" 2>/dev/null || true
      rm -f "$STATE/$name.pid"
      log "stopped $name"
    fi
  done
}

if [ "${1:-}" = "--stop" ]; then
  stop_started
  exit 0
fi

install_packages() {
  local missing=()
  command -v podman >/dev/null 2>&1 || missing+=(podman)
  command -v runc >/dev/null 2>&1 || missing+=(runc)
  command -v debootstrap >/dev/null 2>&1 || missing+=(debootstrap)
  command -v docker-compose >/dev/null 2>&1 || missing+=(docker-compose)
  command -v curl >/dev/null 2>&1 || missing+=(curl)
  # containers find each other by name (kafka, postgres) through the CNI dnsname plugin, which podman does not pull
  # in: without it a fresh machine's kafka-init could not resolve "kafka" and compose up failed
  [ -x /usr/lib/cni/dnsname ] || missing+=(golang-github-containernetworking-plugin-dnsname)
  if [ ${#missing[@]} -gt 0 ]; then
    log "installing ${missing[*]}"
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null \
      || { apt-get update -qq && apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null; }
  fi
}

configure_engine() {
  local conf=/etc/containers/containers.conf
  if ! grep -qs 'toolverdicts-ci' "$conf"; then
    log "writing $conf (runc, cgroupfs, file events, ulimits)"
    mkdir -p /etc/containers
    cat > "$conf" <<'CONF'
# written by docker/ci/podman-setup.sh (toolverdicts-ci): crun fails on this VM (setrlimit not permitted,
# hybrid cgroups unsupported) and there is no systemd/journald.
[containers]
default_ulimits = ["nofile=20000:20000", "nproc=32768:32768"]

[engine]
runtime = "runc"
cgroup_manager = "cgroupfs"
events_logger = "file"
CONF
  fi
}

start_socket() {
  mkdir -p "$STATE" "$(dirname "$SOCKET")"
  if curl -fsS --max-time 3 --unix-socket "$SOCKET" http://d/_ping >/dev/null 2>&1; then
    return
  fi
  log "starting the Docker API on $SOCKET"
  nohup podman system service --time=0 "unix://$SOCKET" >"$STATE/podman-service.log" 2>&1 &
  echo $! > "$STATE/podman-service.pid"
  for _ in $(seq 1 50); do
    curl -fsS --max-time 3 --unix-socket "$SOCKET" http://d/_ping >/dev/null 2>&1 && return
    sleep 0.2
  done
  log "the Docker API did not answer; see $STATE/podman-service.log" >&2
  exit 1
}

start_health_loop() {
  if [ -f "$STATE/health-loop.pid" ] && kill -0 "$(cat "$STATE/health-loop.pid")" 2>/dev/null; then
    return
  fi
  log "starting the health-check loop"
  nohup "$(dirname "$0")/health-loop.sh" >"$STATE/health-loop.log" 2>&1 &
  echo $! > "$STATE/health-loop.pid"
}

build_base_image() {
  if podman image exists "$BASE_IMAGE"; then
    return
  fi
  log "building $BASE_IMAGE with debootstrap (once per machine)"
  local rootfs
  rootfs=$(mktemp -d /var/tmp/debian-base.XXXXXX)
  debootstrap --variant=minbase bookworm "$rootfs" "$MIRROR" >"$STATE/debootstrap.log" 2>&1 \
    || { log "debootstrap failed; see $STATE/debootstrap.log" >&2; rm -rf "$rootfs"; exit 1; }
  rm -rf "$rootfs"/var/cache/apt/archives/*.deb "$rootfs"/var/lib/apt/lists/*
  tar -C "$rootfs" -c . | podman import -q - "$BASE_IMAGE" >/dev/null
  rm -rf "$rootfs"
}

install_packages
configure_engine
mkdir -p "$STATE"
build_base_image
start_socket
start_health_loop
log "ready: DOCKER_HOST=unix://$SOCKET"
