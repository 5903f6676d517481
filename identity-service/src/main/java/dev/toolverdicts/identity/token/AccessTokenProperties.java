package dev.toolverdicts.identity.token;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The audience every access token is issued for ({@code identity.tokens.audience}): the one API audience all
 * resource servers check, so an ID token (audience = the client) or a token for someone else is refused.
 */
@ConfigurationProperties("identity.tokens")
public record AccessTokenProperties(@DefaultValue(AccessTokenProperties.API_AUDIENCE) String audience) {

    public static final String API_AUDIENCE = "toolverdicts-api";
}
