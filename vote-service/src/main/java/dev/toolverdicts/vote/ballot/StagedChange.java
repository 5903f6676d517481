package dev.toolverdicts.vote.ballot;

import dev.toolverdicts.vote.idempotency.Answer;
import dev.toolverdicts.vote.tally.Tally;
import dev.toolverdicts.vote.tally.TallyDelta;
import java.util.function.Function;

/**
 * One member's change, done inside its batch's transaction but not yet answered: how it moves the tally, and how to
 * answer once the batch knows the tally it commits. {@code idempotencyKey} is set when the answer must be stored.
 */
record StagedChange(TallyDelta delta, Function<Tally, Answer<?>> answer, String memberId, String idempotencyKey) {

    /** The stored answer of an earlier request with the same key: it changes nothing and is not stored again. */
    static StagedChange replay(Answer<?> earlier) {
        return new StagedChange(TallyDelta.NONE, tally -> earlier, null, null);
    }
}
