package dev.toolverdicts.testsupport;

import java.util.List;

import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;

/** Keeps an in-JVM broker from flooding test output: its loggers at WARN, now and for every Boot context started later. */
final class QuietKafkaLogs {

    private static final List<String> LOGGERS = List.of("kafka", "org.apache.kafka", "state.change.logger",
            "org.apache.zookeeper", "org.springframework.kafka.test");

    private QuietKafkaLogs() {
    }

    static void apply() {
        for (String logger : LOGGERS) {
            // Boot re-reads logging.level.* from the environment (system properties included) per context
            System.setProperty("logging.level." + logger, "WARN");
        }
        try {
            LoggingSystem system = LoggingSystem.get(QuietKafkaLogs.class.getClassLoader());
            LOGGERS.forEach(logger -> system.setLogLevel(logger, LogLevel.WARN));
        } catch (IllegalStateException noLoggingSystem) {
            // no supported logging backend on the classpath: nothing to quiet
        }
    }
}
