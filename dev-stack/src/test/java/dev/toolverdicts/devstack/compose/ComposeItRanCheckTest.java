package dev.toolverdicts.devstack.compose;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * docker/ci/it-ran.sh is what makes .ci/run fail when ComposeStackIT did not really run: Failsafe passes a skipped
 * test (an assumption that did not hold) or no test at all, and Maven runs quietly there, so only the report tells.
 */
class ComposeItRanCheckTest {

    private static final Path SCRIPT = Path.of(System.getProperty("devstack.repoRoot", "..")).toAbsolutePath()
            .normalize().resolve("docker/ci/it-ran.sh");

    @TempDir
    Path dir;

    @Test
    void aTestThatRanAndPassedIsAccepted() throws Exception {
        Result result = check(report(1, 0, 0, 0));
        assertThat(result.exit()).as(result.output()).isZero();
        assertThat(result.output()).contains("ComposeStackIT ran: tests=1 failures=0 errors=0 skipped=0");
    }

    @Test
    void aSkippedTestIsRefused() throws Exception {
        Result result = check(report(1, 0, 0, 1));
        assertThat(result.exit()).as(result.output()).isNotZero();
        assertThat(result.output()).contains("skipped=1");
    }

    @Test
    void aFailedTestIsRefused() throws Exception {
        assertThat(check(report(1, 1, 0, 0)).exit()).isNotZero();
        assertThat(check(report(1, 0, 1, 0)).exit()).isNotZero();
    }

    @Test
    void noReportOrNoTestIsRefused() throws Exception {
        Result missing = check(dir.resolve("absent.xml"));
        assertThat(missing.exit()).isNotZero();
        assertThat(missing.output()).contains("no report");
        assertThat(check(report(0, 0, 0, 0)).exit()).isNotZero();
    }

    private Path report(int tests, int failures, int errors, int skipped) throws IOException {
        Path file = Files.createTempFile(dir, "TEST-", ".xml");
        // as Failsafe 3 writes it: the suite's attributes on one line after the XML declaration
        Files.writeString(file, """
                <?xml version="1.0" encoding="UTF-8"?>
                <testsuite xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" \
                xsi:noNamespaceSchemaLocation="https://maven.apache.org/surefire/maven-surefire-plugin/xsd/surefire-test-report.xsd" \
                version="3.0.2" name="dev.toolverdicts.devstack.compose.ComposeStackIT" time="231.4" tests="%d" \
                errors="%d" skipped="%d" failures="%d">
                  <properties/>
                  <testcase name="wholeStackFromNothingServesTheSmokeScenarioAndLeavesNothingBehind" time="231.2"/>
                </testsuite>
                """.formatted(tests, errors, skipped, failures));
        return file;
    }

    private static Result check(Path report) throws Exception {
        Process process = new ProcessBuilder("bash", SCRIPT.toString(), report.toString()).redirectErrorStream(true)
                .start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return new Result(process.exitValue(), output);
    }

    private record Result(int exit, String output) {
    }
}
