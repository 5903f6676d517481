package dev.toolverdicts.vote.moderation;

import dev.toolverdicts.problem.FieldProblem;
import dev.toolverdicts.vote.abuse.Flag;
import dev.toolverdicts.vote.abuse.Flags;
import dev.toolverdicts.vote.abuse.Resolution;
import dev.toolverdicts.vote.ballot.BallotService;
import java.time.Clock;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Admins' work on flags: list them, and resolve each once. Rejecting stops counting the vote (its ballot stays, marked
 * rejected); keeping clears the flag. Either way the tally and its event follow in the same transaction.
 */
@Service
class FlagResolutions {

    private static final int MAX_LISTED = 500;

    private final Flags flags;
    private final BallotService ballots;
    private final Clock clock;

    FlagResolutions(Flags flags, BallotService ballots, Clock clock) {
        this.flags = flags;
        this.ballots = ballots;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    List<Flag> list(boolean open) {
        return flags.list(open, MAX_LISTED);
    }

    /** Resolving again with the same decision changes nothing, so retries are safe; a different one is a 409. */
    @Transactional
    Flag resolve(long flagId, Resolution resolution, String admin) {
        Flag flag = flags.findForUpdate(flagId)
                .orElseThrow(() -> new FieldProblem(HttpStatus.NOT_FOUND, "flagId", "no flag " + flagId));
        if (flag.resolution() != null) {
            if (flag.resolution() != resolution) {
                throw new FieldProblem(HttpStatus.CONFLICT, "resolution",
                        "flag " + flagId + " was already resolved as " + flag.resolution());
            }
            return flag;
        }
        flags.resolve(flagId, resolution, admin, clock.instant());
        ballots.resolveFlag(flag.toolId(), flag.slug(), flag.memberId(), flagId, resolution == Resolution.REJECT);
        return flags.findForUpdate(flagId).orElseThrow();
    }
}
