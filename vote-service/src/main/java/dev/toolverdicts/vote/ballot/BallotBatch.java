package dev.toolverdicts.vote.ballot;

import dev.toolverdicts.publishedtools.PublishedTool;
import dev.toolverdicts.vote.idempotency.Answer;
import dev.toolverdicts.vote.idempotency.IdempotentRequests;
import dev.toolverdicts.vote.tally.Tally;
import dev.toolverdicts.vote.tally.TallyBook;
import dev.toolverdicts.vote.tally.TallyDelta;
import dev.toolverdicts.vote.tool.VotableTools;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One transaction for a batch of one tool's changes: the tool looked up once, each change isolated from the others (a
 * change that fails rolls back to its own savepoint and fails alone, with its own error), then the tally moved once
 * by the sum (its row lock taken last and held only for that update, the outbox insert, the stored answers and the
 * commit).
 */
@Component
class BallotBatch {

    private final VotableTools tools;
    private final BallotRepository ballots;
    private final TallyBook tallies;
    private final IdempotentRequests idempotency;
    private final TransactionTemplate transaction;
    private final TransactionTemplate savepoint;

    BallotBatch(VotableTools tools, BallotRepository ballots, TallyBook tallies, IdempotentRequests idempotency,
            PlatformTransactionManager transactions) {
        this.tools = tools;
        this.ballots = ballots;
        this.tallies = tallies;
        this.idempotency = idempotency;
        this.transaction = new TransactionTemplate(transactions);
        this.savepoint = new TransactionTemplate(transactions);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    /**
     * The outcome of each change, in order; throws if the batch as a whole did not commit. Savepoints cost two round
     * trips per change, so the batch first runs without them, its members' ballots read in one statement and written
     * in one per kind ({@link BallotRepository#beginBatch}), their idempotency keys claimed in one
     * ({@link IdempotentRequests#claimAhead}); only when a change fails (or a new ballot meets one
     * committed meanwhile) is it rolled back and run again the way it always was, a savepoint and its own statements
     * per change, so that the failing change fails alone.
     */
    List<Outcome> run(String slug, List<BallotChange> changes) {
        try {
            return transaction.execute(status -> stageAndCommit(slug, changes, false));
        } catch (SomeChangeFailed rolledBack) {
            return transaction.execute(status -> stageAndCommit(slug, changes, true));
        }
    }

    private List<Outcome> stageAndCommit(String slug, List<BallotChange> changes, boolean savepoints) {
        PublishedTool tool = tools.votable(slug);
        if (savepoints) {
            return stageAndCommit(tool, changes, true);
        }
        try {
            // in (member, key) order, so that two batches waiting on each other's keys wait in one order
            idempotency.claimAhead(changes.stream().map(change -> change.claim(tool)).filter(Objects::nonNull)
                    .sorted(Comparator.comparing(IdempotentRequests.Request::memberId)
                            .thenComparing(IdempotentRequests.Request::key))
                    .toList());
            ballots.beginBatch(tool.toolId(), changes.stream().map(BallotChange::memberId).filter(Objects::nonNull)
                    .distinct().sorted().toList());
            return stageAndCommit(tool, changes, false);
        } finally {
            ballots.endBatch();
            idempotency.endClaimAhead();
        }
    }

    private List<Outcome> stageAndCommit(PublishedTool tool, List<BallotChange> changes, boolean savepoints) {
        List<StagedChange> staged = new ArrayList<>(changes.size());
        List<RuntimeException> failures = new ArrayList<>(changes.size());
        TallyDelta sum = TallyDelta.NONE;
        for (BallotChange change : changes) {
            try {
                StagedChange done = savepoints ? savepoint.execute(inner -> change.stage(tool)) : change.stage(tool);
                staged.add(done);
                failures.add(null);
                sum = sum.plus(done.delta());
            } catch (RuntimeException failure) {
                if (!savepoints) {
                    throw new SomeChangeFailed(failure);
                }
                staged.add(null);
                failures.add(failure);
            }
        }
        if (!savepoints && !ballots.flush().isEmpty()) {
            throw new SomeChangeFailed(new ConcurrentBallot());
        }
        Tally tally = tallies.record(tool, sum);
        List<Outcome> outcomes = new ArrayList<>(changes.size());
        List<IdempotentRequests.Claimed> answers = new ArrayList<>();
        for (int i = 0; i < changes.size(); i++) {
            StagedChange done = staged.get(i);
            if (done == null) {
                outcomes.add(new Outcome(null, failures.get(i)));
                continue;
            }
            Answer<?> answer = done.answer().apply(tally);
            if (done.idempotencyKey() != null) {
                answers.add(new IdempotentRequests.Claimed(done.memberId(), done.idempotencyKey(), answer));
            }
            outcomes.add(new Outcome(answer, null));
        }
        idempotency.storeAll(answers);
        return outcomes;
    }

    /** A conflict that another try, in a later transaction, resolves: not the change's fault. */
    static boolean isTransient(Throwable failure) {
        return failure instanceof ConcurrentBallot || failure instanceof PessimisticLockingFailureException
                || failure instanceof TransientDataAccessException;
    }

    /** Rolls back a batch run without savepoints, to run it again with them. */
    private static final class SomeChangeFailed extends RuntimeException {

        SomeChangeFailed(RuntimeException cause) {
            super("a change of the batch failed", cause, false, false);
        }
    }

    /** A change's committed answer, or what it failed with. */
    record Outcome(Answer<?> answer, RuntimeException failure) {
    }
}
