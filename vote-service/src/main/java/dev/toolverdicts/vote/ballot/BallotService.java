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
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Members' votes: each cast, change or retraction commits the ballot, the tally delta and the tally event together,
 * or none of them. Locks are taken in one order everywhere (member, ballot, tally), and the tally row of the tool,
 * the only contended one, is locked last and held only for the tally update and the outbox insert.
 */
@Service
public class BallotService {

    private final VotableTools tools;
    private final BallotRepository ballots;
    private final Members members;
    private final BurstDetector bursts;
    private final Flags flags;
    private final TallyBook tallies;
    private final IdempotentRequests idempotency;
    private final MeterRegistry meters;
    private final Clock clock;

    BallotService(VotableTools tools, BallotRepository ballots, Members members, BurstDetector bursts, Flags flags,
            TallyBook tallies, IdempotentRequests idempotency, MeterRegistry meters, Clock clock) {
        this.tools = tools;
        this.ballots = ballots;
        this.members = members;
        this.bursts = bursts;
        this.flags = flags;
        this.tallies = tallies;
        this.idempotency = idempotency;
        this.meters = meters;
        this.clock = clock;
    }

    @Transactional
    Answer<VoteResponse> cast(Voter voter, String slug, Choice choice, String idempotencyKey) {
        PublishedTool tool = tools.votable(slug);
        return idempotency.once(voter.id(), idempotencyKey, "cast " + tool.toolId() + " " + choice, VoteResponse.class,
                () -> Answer.fresh(HttpStatus.OK.value(), castOnce(voter, tool, choice)));
    }

    @Transactional
    Answer<Void> retract(Voter voter, String slug, String idempotencyKey) {
        PublishedTool tool = tools.votable(slug);
        return idempotency.once(voter.id(), idempotencyKey, "retract " + tool.toolId(), Void.class, () -> {
            retractOnce(voter, tool);
            return Answer.fresh(HttpStatus.NO_CONTENT.value(), null);
        });
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

    private VoteResponse castOnce(Voter voter, PublishedTool tool, Choice choice) {
        Instant now = now();
        Member member = members.touch(voter.id(), voter.accountCreatedAt(), now);
        Ballot before = ballots.findForUpdate(tool.toolId(), voter.id()).orElse(null);
        if (before != null && before.choice() == choice) {
            return response(tool, before, tallies.current(tool));
        }
        Ballot after = before == null ? Ballot.cast(tool.toolId(), voter.id(), choice, now) : before.changedTo(choice, now);
        if (!after.flagged() && !after.rejected()) {
            Optional<String> suspicion = bursts.suspicion(tool.toolId(), member, now);
            if (suspicion.isPresent()) {
                after = after.flaggedAs(flags.raise(tool.toolId(), voter.id(), choice.name(), suspicion.get(), now));
            }
        }
        ballots.save(after);
        Tally tally = tallies.record(tool, after.contribution().minus(Ballot.contribution(before)));
        meters.counter("votes.cast", "vote", choice.name(), "flagged", String.valueOf(after.flagged())).increment();
        return response(tool, after, tally);
    }

    private void retractOnce(Voter voter, PublishedTool tool) {
        members.touch(voter.id(), voter.accountCreatedAt(), now());
        Optional<Ballot> before = ballots.findForUpdate(tool.toolId(), voter.id());
        if (before.isEmpty()) {
            return;
        }
        ballots.delete(before.get());
        tallies.record(tool, Ballot.contribution(null).minus(before.get().contribution()));
        meters.counter("votes.retracted").increment();
    }

    private static VoteResponse response(PublishedTool tool, Ballot ballot, Tally tally) {
        return new VoteResponse(tool.slug(), ballot.choice(), ballot.castAt(), ballot.updatedAt(),
                TallyResponse.of(tool.slug(), tally));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
