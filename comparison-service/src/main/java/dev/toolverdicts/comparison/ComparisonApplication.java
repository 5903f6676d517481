package dev.toolverdicts.comparison;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class ComparisonApplication {

    public static void main(String[] args) {
        SpringApplication.run(ComparisonApplication.class, args);
    }
}
