package dev.toolverdicts.benchmarks.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class NewsletterInstanceTest {

    @Test
    void keepsTheStacksFlagsAndPointsPortDatabaseMailAndGroupElsewhere() {
        List<String> running = List.of("/jdk/bin/java", "-Xmx576m", "-Ddevstack.jvm=perf", "-jar",
                "/repo/newsletter-service/target/newsletter-service.jar", "--server.port=8085",
                "--spring.kafka.bootstrap-servers=127.0.0.1:9092",
                "--spring.datasource.url=jdbc:postgresql://127.0.0.1:5442/newsletter", "--spring.mail.host=127.0.0.1",
                "--spring.mail.port=3025", "--spring.profiles.active=dev");

        List<String> command = NewsletterInstance.rewrite(running, "newsletter_bench", 40125, 8089, "bench-1");

        assertThat(command).startsWith("/jdk/bin/java", "-Xmx576m", "-Ddevstack.jvm=perf", "-jar",
                        "/repo/newsletter-service/target/newsletter-service.jar")
                .contains("--spring.datasource.url=jdbc:postgresql://127.0.0.1:5442/newsletter_bench",
                        "--spring.kafka.bootstrap-servers=127.0.0.1:9092", "--spring.profiles.active=dev")
                .containsOnlyOnce("--server.port=8089", "--spring.mail.port=40125",
                        "--platform.consumers.group-prefix=bench-1")
                .doesNotContain("--server.port=8085", "--spring.mail.port=3025",
                        "--spring.datasource.url=jdbc:postgresql://127.0.0.1:5442/newsletter");
    }

    @Test
    void leavesTheWritingOfTheStacksAotCacheToTheStacksInstance() {
        List<String> running = List.of("/jdk/bin/java", "-Ddevstack.jvm=quick", "-Xlog:aot=error,cds=error",
                "-XX:AOTCacheOutput=/r/newsletter-service/target/aot/app.aot", "-jar",
                "/r/newsletter-service/target/aot/app/newsletter-service.jar", "--server.port=8085");

        List<String> command = NewsletterInstance.rewrite(running, "newsletter_bench", 40125, 8089, "bench-1");

        assertThat(command).noneMatch(arg -> arg.startsWith("-XX:AOTCacheOutput="))
                .contains("-jar", "/r/newsletter-service/target/aot/app/newsletter-service.jar");
    }
}
