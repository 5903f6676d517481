#!/usr/bin/env bash
# podman runs a container's health check only when asked (it relies on systemd timers, absent here). This loop
# asks, for every running container that has a health check, once per its own interval (as Docker's engine
# does), never two runs of one container at a time. Started and stopped by docker/ci/podman-setup.sh.
set -uo pipefail
declare -A interval next running
while true; do
  now=$(date +%s)
  seen=" "
  while read -r id status; do
    case "$status" in *"(starting)"*|*"(healthy)"*|*"(unhealthy)"*) ;; *) continue ;; esac
    seen+="$id "
    if [ -z "${interval[$id]:-}" ]; then
      secs=$(podman inspect -f '{{.Config.Healthcheck.Interval.Seconds}}' "$id" 2>/dev/null | cut -d. -f1)
      interval[$id]=${secs:-10}
      [ "${interval[$id]}" -ge 1 ] 2>/dev/null || interval[$id]=10
      next[$id]=$now
    fi
    if [ -n "${running[$id]:-}" ] && kill -0 "${running[$id]}" 2>/dev/null; then
      continue
    fi
    if [ "$now" -ge "${next[$id]}" ]; then
      podman healthcheck run "$id" >/dev/null 2>&1 &
      running[$id]=$!
      next[$id]=$(( now + ${interval[$id]} ))
    fi
  done < <(podman ps --no-trunc=false --format '{{.ID}} {{.Status}}' 2>/dev/null)
  for id in "${!interval[@]}"; do
    case "$seen" in *" $id "*) ;; *) unset "interval[$id]" "next[$id]" "running[$id]" ;; esac
  done
  sleep 1
done
