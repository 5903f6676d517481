package dev.toolverdicts.vote.abuse;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * When a vote looks like part of a burst of fresh accounts on one tool.
 *
 * @param newAccountAge a member is new while their account (or their first vote here) is younger than this
 * @param burstWindow how far back votes on the same tool count towards a burst
 * @param burstThreshold how many recent votes from new members on one tool make the next one suspicious
 */
@ConfigurationProperties("vote.abuse")
public record AbuseProperties(
        @DefaultValue("30m") Duration newAccountAge,
        @DefaultValue("10m") Duration burstWindow,
        @DefaultValue("20") int burstThreshold) {
}
