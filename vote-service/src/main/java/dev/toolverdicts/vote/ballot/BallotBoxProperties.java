package dev.toolverdicts.vote.ballot;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the ballot box groups votes into transactions.
 *
 * @param maxBatch most changes in one transaction; each has its own savepoint, and PostgreSQL keeps up to 64
 *     subtransactions per transaction in shared memory before every snapshot has to look them up on disk
 * @param writersPerTool batches of one tool in flight at once: with 2 the next one does its ballots while the previous
 *     one holds the tally row lock for its last statements and commit; 1 makes fewer, larger batches, which measured
 *     better on 2 busy cores (benchmark 2: 557 vs 447 votes/s direct)
 * @param writers batches in flight over all tools, i.e. database connections the ballot box takes from the pool
 * @param attempts how often a change that met a transient conflict (a deadlock, a concurrent first ballot) is tried
 */
@ConfigurationProperties("vote.ballot-box")
record BallotBoxProperties(
        @DefaultValue("50") int maxBatch,
        @DefaultValue("1") int writersPerTool,
        @DefaultValue("4") int writers,
        @DefaultValue("3") int attempts) {
}
