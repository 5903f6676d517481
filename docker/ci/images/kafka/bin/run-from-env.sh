#!/bin/bash
# Entry point of the stand-in, as apache/kafka's: every KAFKA_<NAME> variable becomes the property <name>
# (lower case, "_" -> ".", "__" -> "_", "___" -> "-"), except the JVM options; CLUSTER_ID formats empty storage.
set -euo pipefail
props=/opt/kafka/config/server.properties
: > "$props"
while IFS='=' read -r name value; do
  case "$name" in
    KAFKA_HEAP_OPTS|KAFKA_OPTS|KAFKA_JVM_PERFORMANCE_OPTS|KAFKA_LOG4J_OPTS|KAFKA_GC_LOG_OPTS|KAFKA_JMX_OPTS) continue ;;
    KAFKA_*) ;;
    *) continue ;;
  esac
  key=${name#KAFKA_}
  key=$(echo "$key" | tr '[:upper:]' '[:lower:]' | sed -e 's/___/-/g' -e 's/__/@/g' -e 's/_/./g' -e 's/@/_/g')
  echo "$key=$value" >> "$props"
done < <(env)
log_dirs=$(sed -n 's/^log\.dirs=//p' "$props")
log_dirs=${log_dirs:-/tmp/kraft-combined-logs}
if [ ! -f "${log_dirs%%,*}/meta.properties" ]; then
  /opt/kafka/bin/kafka-run-class.sh kafka.tools.StorageTool format -t "${CLUSTER_ID:?CLUSTER_ID is needed}" -c "$props"
fi
exec /opt/kafka/bin/kafka-run-class.sh kafka.Kafka "$props"
