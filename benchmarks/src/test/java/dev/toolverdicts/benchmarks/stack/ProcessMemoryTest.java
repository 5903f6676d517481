package dev.toolverdicts.benchmarks.stack;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProcessMemoryTest {

    @Test
    void aServiceIsNamedByItsJarEvenWithAPostgresUrlOnItsCommandLine() {
        assertThat(ProcessMemory.partOf("java -Xmx256m -jar /x/vote-service/target/vote-service.jar "
                + "--spring.datasource.url=jdbc:postgresql://127.0.0.1:5442/vote")).isEqualTo("vote-service");
        assertThat(ProcessMemory.partOf("postgres: postgres vote 127.0.0.1(5) idle")).isEqualTo("postgres");
        assertThat(ProcessMemory.partOf("/x/.dev-stack/runtime/postgres-binaries/PG-1/bin/postgres -D d"))
                .isEqualTo("postgres");
        // quick mode runs the extracted copy of the jar, next to its AOT cache
        assertThat(ProcessMemory.partOf("java -XX:AOTCache=/x/web/target/aot/app.aot -jar "
                + "/x/web/target/aot/app/web.jar --server.port=8086")).isEqualTo("web");
        assertThat(ProcessMemory.partOf("java -cp k/* kafka.Kafka server.properties")).isEqualTo("kafka");
    }
}
