package dev.toolverdicts.problem;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Import;

/** Gives every servlet service of the platform the same problem+json answers, with no wiring in the service. */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@Import(BadRequestAdvice.class)
public class ProblemAutoConfiguration {
}
