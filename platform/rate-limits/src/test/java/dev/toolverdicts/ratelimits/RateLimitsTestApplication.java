package dev.toolverdicts.ratelimits;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** A minimal service using the rate-limits auto-configuration, for the tests. */
@SpringBootApplication
public class RateLimitsTestApplication {
}
