package dev.toolverdicts.newsletter;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Subscribers with double opt-in, the local copy of what changed, and the weekly digest sent from it. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class NewsletterApplication {

    public static void main(String[] args) {
        SpringApplication.run(NewsletterApplication.class, args);
    }
}
