package dev.toolverdicts.gateway.bodylimit;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/** The largest request body the gateway forwards ({@code gateway.body-limit.max-size}). */
@ConfigurationProperties("gateway.body-limit")
public record BodyLimitProperties(@DefaultValue("64KB") DataSize maxSize) {
}
