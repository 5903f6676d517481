package dev.toolverdicts.devstack.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EarlierLogsTest {

    @TempDir
    Path logs;

    @Test
    void eachRestartKeepsThePreviousLogUnderTheNextNumber() throws Exception {
        Path log = logs.resolve("kafka.log");
        Files.writeString(log, "first run");
        assertThat(EarlierLogs.keep(log)).contains(logs.resolve("kafka.1.log"));
        Files.writeString(log, "second run");
        assertThat(EarlierLogs.keep(log)).contains(logs.resolve("kafka.2.log"));

        assertThat(log).doesNotExist();
        assertThat(logs.resolve("kafka.1.log")).hasContent("first run");
        assertThat(logs.resolve("kafka.2.log")).hasContent("second run");
    }

    @Test
    void noLogNothingKept() throws Exception {
        assertThat(EarlierLogs.keep(logs.resolve("gateway.log"))).isEmpty();
        assertThat(logs).isEmptyDirectory();
    }
}
