#!/bin/bash
# kafka-run-class.sh of the stand-in: the broker's jars, KAFKA_HEAP_OPTS and KAFKA_OPTS as in Kafka's own script.
exec java ${KAFKA_HEAP_OPTS:--Xmx256m} -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Djava.awt.headless=true \
  -Dlog4j2.configurationFile=/opt/kafka/config/log4j2.properties ${KAFKA_OPTS:-} \
  -cp '/opt/kafka/libs/*' "$@"
