package dev.toolverdicts.vote.abuse;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The anomaly signal: a vote from a new member on a tool that already got many votes from new members within the
 * window. It only flags (the vote still counts until an admin rejects it), so a false alarm costs an admin's look,
 * never a member's vote.
 */
@Component
@EnableConfigurationProperties(AbuseProperties.class)
public class BurstDetector {

    private final JdbcClient jdbc;
    private final AbuseProperties properties;

    BurstDetector(JdbcClient jdbc, AbuseProperties properties) {
        this.jdbc = jdbc;
        this.properties = properties;
    }

    /** Whether this member's votes are watched for bursts now (new members only); the others cost no round trip. */
    public boolean watches(Member member, Instant now) {
        return member.isNewAt(now, properties.newAccountAge());
    }

    /** Why this vote looks like part of a burst, or empty when it does not; reads at most threshold rows. */
    public Optional<String> suspicion(UUID toolId, Member member, Instant now) {
        if (!watches(member, now)) {
            return Optional.empty();
        }
        long recentFromNewMembers = jdbc.sql("""
                        select count(*) from (
                            select 1 from ballot b join member m on m.member_id = b.member_id
                             where b.tool_id = ? and b.updated_at > ? and b.member_id <> ?
                               and coalesce(m.account_created_at, m.first_seen_at)
                                   > b.updated_at - ? * interval '1 second'
                             limit ?) as recent""")
                .params(toolId, Timestamp.from(now.minus(properties.burstWindow())), member.id(),
                        properties.newAccountAge().toSeconds(), properties.burstThreshold())
                .query(Long.class)
                .single();
        if (recentFromNewMembers < properties.burstThreshold()) {
            return Optional.empty();
        }
        return Optional.of("burst: at least %d votes on this tool within %s from accounts younger than %s"
                .formatted(recentFromNewMembers, properties.burstWindow(), properties.newAccountAge()));
    }
}
