package dev.toolverdicts.comparison;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The read model of verdict views, projected from the event topics; nothing in it is authoritative. */
@SpringBootApplication
@EnableScheduling
public class ComparisonApplication {

    public static void main(String[] args) {
        SpringApplication.run(ComparisonApplication.class, args);
    }
}
