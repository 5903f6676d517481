package dev.toolverdicts.identity.login;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.session.security.SpringSessionBackedSessionRegistry;

/**
 * The authorization server's session registry (the {@code sid} of ID tokens, checked at RP-initiated logout) read
 * from the shared JDBC sessions instead of one instance's memory, so logout works on any instance.
 */
@Configuration(proxyBeanMethods = false)
class SharedSessions {

    @Bean
    <S extends Session> SessionRegistry sessionRegistry(FindByIndexNameSessionRepository<S> sessions) {
        return new SpringSessionBackedSessionRegistry<>(sessions);
    }
}
