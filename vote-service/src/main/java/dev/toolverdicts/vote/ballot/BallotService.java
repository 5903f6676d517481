package dev.toolverdicts.vote.ballot;

import dev.toolverdicts.problem.FieldProblem;
import dev.toolverdicts.vote.abuse.BurstDetector;
import dev.toolverdicts.vote.abuse.Flags;
import dev.toolverdicts.vote.abuse.Member;
import dev.toolverdicts.vote.abuse.Members;
import dev.toolverdicts.vote.idempotency.Answer;
import dev.toolverdicts.vote.idempotency.IdempotentRequests;
import dev.toolverdicts.vote.tally.Tally;
import dev.toolverdicts.vote.tally.TallyBook;
import dev.toolverdicts.vote.tally.TallyDelta;
import dev.toolverdicts.vote.tally.TallyResponse;
import dev.toolverdicts.events.catalog.ToolStatus;
import dev.toolverdicts.publishedtools.PublishedTool;
import dev.toolverdicts.vote.tool.VotableTools;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Members' votes: each cast, change or retraction commits the ballot, the tally delta and the tally event together,
 * or none of them, in a batch of its tool's votes ({@link BallotBox}). Within a batch the locks are taken in one
 * order (ballots, then the tally row), and the tally row of the tool, the only contended one, is locked last and held
 * only for the tally update, the outbox insert and the stored answers.
 */
@Service
public class BallotService {

    private final VotableTools tools;
    private final BallotRepository ballots;
    private final BallotBox box;
    private final Members members;
    private final BurstDetector bursts;
    private final Flags flags;
    private final TallyBook tallies;
    private final IdempotentRequests idempotency;
    private final MeterRegistry meters;
    private final Clock clock;

    BallotService(VotableTools tools, BallotRepository ballots, BallotBox box, Members members, BurstDetector bursts,
            Flags flags, TallyBook tallies, IdempotentRequests idempotency, MeterRegistry meters, Clock clock) {
        this.tools = tools;
        this.ballots = ballots;
        this.box = box;
        this.members = members;
        this.bursts = bursts;
        this.flags = flags;
        this.tallies = tallies;
        this.idempotency = idempotency;
        this.meters = meters;
        this.clock = clock;
    }

    /** Not transactional itself: the request thread only waits while a batch commits its vote. */
    Answer<VoteResponse> cast(Voter voter, String slug, Choice choice, String idempotencyKey) {
        return box.submit(slug, voter.id(), castChange(voter, choice, idempotencyKey));
    }

    Answer<Void> retract(Voter voter, String slug, String idempotencyKey) {
        return box.submit(slug, voter.id(), retractChange(voter, idempotencyKey));
    }

    BallotChange castChange(Voter voter, Choice choice, String idempotencyKey) {
        Function<PublishedTool, String> request = tool -> "cast " + tool.toolId() + " " + choice;
        return BallotChange.ofMember(voter.id(), keyed(voter, idempotencyKey, request), tool -> idempotency
                .claim(voter.id(), idempotencyKey, request.apply(tool), VoteResponse.class)
                .map(StagedChange::replay)
                .orElseGet(() -> castOnce(voter, tool, choice, idempotencyKey)));
    }

    BallotChange retractChange(Voter voter, String idempotencyKey) {
        Function<PublishedTool, String> request = tool -> "retract " + tool.toolId();
        return BallotChange.ofMember(voter.id(), keyed(voter, idempotencyKey, request), tool -> idempotency
                .claim(voter.id(), idempotencyKey, request.apply(tool), Void.class)
                .map(StagedChange::replay)
                .orElseGet(() -> retractOnce(voter, tool, idempotencyKey)));
    }

    private static Function<PublishedTool, IdempotentRequests.Request> keyed(Voter voter, String idempotencyKey,
            Function<PublishedTool, String> request) {
        return tool -> idempotencyKey == null ? null
                : new IdempotentRequests.Request(voter.id(), idempotencyKey, request.apply(tool));
    }

    @Transactional(readOnly = true)
    VoteResponse mine(Voter voter, String slug) {
        PublishedTool tool = tools.readable(slug);
        Ballot ballot = ballots.find(tool.toolId(), voter.id())
                .orElseThrow(() -> new FieldProblem(HttpStatus.NOT_FOUND, "vote", "you have not voted on " + slug));
        return response(tool, ballot, tallies.current(tool));
    }

    /** Applies an admin's decision to the flagged ballot, if the member still holds it. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void resolveFlag(UUID toolId, String slug, String memberId, long flagId, boolean reject) {
        Optional<Ballot> flagged = ballots.findForUpdate(toolId, memberId)
                .filter(ballot -> ballot.flagged() && Long.valueOf(flagId).equals(ballot.flagId()));
        if (flagged.isEmpty()) {
            return;
        }
        Ballot before = flagged.get();
        Ballot after = before.resolved(reject);
        ballots.save(after);
        tallies.record(new PublishedTool(toolId, slug, ToolStatus.PUBLISHED, 0), after.contribution().minus(before.contribution()));
    }

    private StagedChange castOnce(Voter voter, PublishedTool tool, Choice choice, String idempotencyKey) {
        Instant now = now();
        Member member = members.touch(voter.id(), voter.accountCreatedAt(), now);
        Ballot before = ballots.findForUpdate(tool.toolId(), voter.id()).orElse(null);
        if (before != null && before.choice() == choice) {
            return new StagedChange(TallyDelta.NONE,
                    tally -> Answer.fresh(HttpStatus.OK.value(), response(tool, before, tally)), voter.id(),
                    idempotencyKey);
        }
        Ballot changed = before == null ? Ballot.cast(tool.toolId(), voter.id(), choice, now)
                : before.changedTo(choice, now);
        if (!changed.flagged() && !changed.rejected() && bursts.watches(member, now)) {
            // the burst counts the earlier votes of this batch too: write them first
            if (!ballots.flush().isEmpty()) {
                throw new ConcurrentBallot();
            }
            Optional<String> suspicion = bursts.suspicion(tool.toolId(), member, now);
            if (suspicion.isPresent()) {
                changed = changed.flaggedAs(
                        flags.raise(tool.toolId(), voter.id(), choice.name(), suspicion.get(), now));
            }
        }
        Ballot after = changed;
        if (before == null) {
            if (!ballots.insertIfAbsent(after)) {
                throw new ConcurrentBallot();
            }
        } else {
            ballots.save(after);
        }
        return new StagedChange(after.contribution().minus(Ballot.contribution(before)), tally -> {
            meters.counter("votes.cast", "vote", choice.name(), "flagged", String.valueOf(after.flagged())).increment();
            return Answer.fresh(HttpStatus.OK.value(), response(tool, after, tally));
        }, voter.id(), idempotencyKey);
    }

    private StagedChange retractOnce(Voter voter, PublishedTool tool, String idempotencyKey) {
        Optional<Ballot> before = ballots.findForUpdate(tool.toolId(), voter.id());
        if (before.isEmpty()) {
            return new StagedChange(TallyDelta.NONE, tally -> Answer.fresh(HttpStatus.NO_CONTENT.value(), null),
                    voter.id(), idempotencyKey);
        }
        ballots.delete(before.get());
        return new StagedChange(Ballot.contribution(null).minus(before.get().contribution()), tally -> {
            meters.counter("votes.retracted").increment();
            return Answer.fresh(HttpStatus.NO_CONTENT.value(), null);
        }, voter.id(), idempotencyKey);
    }

    private static VoteResponse response(PublishedTool tool, Ballot ballot, Tally tally) {
        return new VoteResponse(tool.slug(), ballot.choice(), ballot.castAt(), ballot.updatedAt(),
                TallyResponse.of(tool.slug(), tally));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
