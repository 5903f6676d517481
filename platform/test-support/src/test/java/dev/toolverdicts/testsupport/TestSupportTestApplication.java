package dev.toolverdicts.testsupport;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The smallest Boot application, for testing the annotations against a real context. */
@SpringBootApplication
public class TestSupportTestApplication {
}
