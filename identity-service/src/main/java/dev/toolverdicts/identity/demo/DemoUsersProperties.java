package dev.toolverdicts.identity.demo;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** Whether to seed the demo accounts of {@code demo/demo-users.csv}, and their shared password. */
@ConfigurationProperties("identity.demo-users")
public record DemoUsersProperties(@DefaultValue("false") boolean enabled, String password) {
}
