#!/bin/bash
# One-shot: creates the platform's topics on the compose broker with their cleanup policies, before any service
# starts (the broker does not auto-create topics, as in Kubernetes where Strimzi KafkaTopics own them).
# Partition counts match what the services declare (3); dead-letter topics have as many partitions as their
# source, because DeadLetterPublishingRecoverer writes to the same partition number.
set -euo pipefail
BOOTSTRAP="${BOOTSTRAP:-kafka:19092}"
TOPICS=/opt/kafka/bin/kafka-topics.sh

create() { # name partitions config...
  local name=$1 partitions=$2
  shift 2
  local configs=()
  for c in "$@"; do configs+=(--config "$c"); done
  # a broker that has just become healthy can still time out an admin request on a busy machine: retry
  for attempt in 1 2 3 4 5; do
    "$TOPICS" --bootstrap-server "$BOOTSTRAP" --create --if-not-exists --topic "$name" \
      --partitions "$partitions" --replication-factor 1 "${configs[@]}" && return
    echo "create-topics: $name failed (attempt $attempt), retrying" >&2
    sleep 5
  done
  return 1
}

compacted=(cleanup.policy=compact min.compaction.lag.ms=0)
kept=(cleanup.policy=delete retention.ms=-1 retention.bytes=-1)

create catalog.tool.v1      3 "${compacted[@]}"
create catalog.matchup.v1   3 "${compacted[@]}"
create review.reviewer.v1   3 "${compacted[@]}"
create review.verdict.v1    3 "${kept[@]}"
create vote.tally.v1        3 "${compacted[@]}"
create comparison.view.v1   3 "${compacted[@]}"
create newsletter.issue.v1  3 "${compacted[@]}"
for consumed in catalog.tool.v1 catalog.matchup.v1 review.reviewer.v1 review.verdict.v1 vote.tally.v1; do
  create "$consumed.DLT" 3 "${kept[@]}"
done
"$TOPICS" --bootstrap-server "$BOOTSTRAP" --describe --topics-with-overrides
