package dev.toolverdicts.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

@SpringBootTest
@WithPostgres
@WithKafka
class SecondDatabaseTest {

    @Autowired
    JdbcTemplate jdbc;

    @Value("${spring.kafka.consumer.group-id}")
    String groupId;

    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;

    @Test
    void getsADatabaseAndAConsumerGroupOfItsOwn() {
        String database = jdbc.queryForObject("select current_database()", String.class);
        assertThat(database).startsWith("seconddatabasetest_");
        jdbc.execute("create table only_mine (id int)");
        assertThat(groupId).startsWith("seconddatabasetest_");
        assertThat(bootstrapServers).isEqualTo(TestKafka.bootstrapServers());
    }
}
