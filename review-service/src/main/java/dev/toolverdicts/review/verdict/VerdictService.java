package dev.toolverdicts.review.verdict;

import dev.toolverdicts.problem.FieldProblem;
import dev.toolverdicts.problem.IfMatch;
import dev.toolverdicts.review.reviewer.Reviewer;
import dev.toolverdicts.review.reviewer.ReviewerRepository;
import dev.toolverdicts.publishedtools.PublishedTool;
import dev.toolverdicts.publishedtools.PublishedTools;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reviewers' changes to their own verdicts: submit, revise, withdraw, resubmit. Each write takes its tool's lock
 * first and only then reads, so it sees the latest verdict and reviewer; it commits the new state, its history
 * entry and its event together, or nothing.
 */
@Service
class VerdictService {

    private static final String WHAT = "verdict";

    private final VerdictRepository verdicts;
    private final ReviewerRepository reviewers;
    private final PublishedTools tools;
    private final VerdictChanges changes;
    private final Clock clock;
    private final EnumMap<RevisionKind, Counter> recorded = new EnumMap<>(RevisionKind.class);

    VerdictService(VerdictRepository verdicts, ReviewerRepository reviewers, PublishedTools tools,
            VerdictChanges changes, Clock clock, MeterRegistry meters) {
        this.verdicts = verdicts;
        this.reviewers = reviewers;
        this.tools = tools;
        this.changes = changes;
        this.clock = clock;
        for (RevisionKind kind : RevisionKind.values()) {
            recorded.put(kind, kind == RevisionKind.WITHDRAWN
                    ? Counter.builder("verdicts.withdrawn").description("Verdicts their reviewers withdrew")
                            .register(meters)
                    : Counter.builder("verdicts.submitted")
                            .description("Verdicts submitted, by kind: a first verdict, a revision, a resubmission")
                            .tag("kind", kind.name().toLowerCase(Locale.ROOT))
                            .register(meters));
        }
    }

    /** What a submission did: created the caller's first verdict on the tool, or changed the existing one. */
    record Submitted(VerdictResponse verdict, boolean created) {
    }

    @Transactional
    Submitted submitMine(String userId, String slug, VerdictRequest request, IfMatch ifMatch) {
        PublishedTool tool = toolTakingVerdicts(tools.findBySlug(slug).orElse(null), slug);
        verdicts.lockTool(tool.toolId());
        Reviewer reviewer = activeReviewer(reviewerOf(userId));
        var current = verdicts.findByReviewerAndTool(reviewer.id(), tool.toolId());
        if (current.isPresent()) {
            return new Submitted(change(current.get(), request.content(), ifMatch, tool, reviewer), false);
        }
        ifMatch.requireAbsent(WHAT);
        Verdict first = Verdict.first(tool.toolId(), reviewer.id(), request.content(), clock.instant());
        try {
            verdicts.insert(first);
        } catch (DuplicateKeyException raced) {
            throw changedMeanwhile();
        }
        record(null, first, RevisionKind.SUBMITTED, tool, reviewer);
        return new Submitted(VerdictResponse.of(first, tool, reviewer), true);
    }

    @Transactional
    VerdictResponse revise(String userId, UUID verdictId, VerdictRequest request, IfMatch ifMatch) {
        Verdict unlocked = find(verdictId);
        verdicts.lockTool(unlocked.toolId());
        Verdict current = find(verdictId);
        Reviewer reviewer = owner(reviewerOf(userId), current);
        activeReviewer(reviewer);
        PublishedTool tool = toolTakingVerdicts(tools.findById(current.toolId()).orElse(null), current.toolId().toString());
        return change(current, request.content(), ifMatch, tool, reviewer);
    }

    @Transactional
    VerdictResponse withdrawMine(String userId, String slug, IfMatch ifMatch) {
        PublishedTool tool = tools.findBySlug(slug).orElseThrow(() -> new FieldProblem(HttpStatus.NOT_FOUND, "slug",
                "review-service knows no tool called '" + slug + "'"));
        verdicts.lockTool(tool.toolId());
        Reviewer reviewer = reviewerOf(userId);
        Verdict current = verdicts.findByReviewerAndTool(reviewer.id(), tool.toolId())
                .orElseThrow(() -> new FieldProblem(HttpStatus.NOT_FOUND, WHAT,
                        "you have no verdict on '" + slug + "'"));
        return withdraw(current, ifMatch, tool, reviewer);
    }

    @Transactional
    VerdictResponse withdraw(String userId, UUID verdictId, IfMatch ifMatch) {
        Verdict unlocked = find(verdictId);
        verdicts.lockTool(unlocked.toolId());
        Verdict current = find(verdictId);
        Reviewer reviewer = owner(reviewerOf(userId), current);
        PublishedTool tool = tools.findById(current.toolId()).orElseThrow();
        return withdraw(current, ifMatch, tool, reviewer);
    }

    @Transactional(readOnly = true)
    List<VerdictResponse> currentForTool(String slug) {
        PublishedTool tool = tools.findBySlug(slug).orElseThrow(() -> new FieldProblem(HttpStatus.NOT_FOUND, "slug",
                "review-service knows no tool called '" + slug + "'"));
        return verdicts.currentForTool(tool.toolId());
    }

    @Transactional(readOnly = true)
    List<VerdictResponse> currentForReviewer(UUID reviewerId) {
        if (reviewers.findById(reviewerId).isEmpty()) {
            throw new FieldProblem(HttpStatus.NOT_FOUND, "id", "no reviewer has the id " + reviewerId);
        }
        return verdicts.currentForReviewer(reviewerId);
    }

    @Transactional(readOnly = true)
    VerdictResponse get(UUID verdictId) {
        return verdicts.view(verdictId).orElseThrow(() -> notFound(verdictId));
    }

    @Transactional(readOnly = true)
    List<Revision> revisions(UUID verdictId) {
        find(verdictId);
        return verdicts.revisions(verdictId);
    }

    /** Resubmitting exactly what is there already changes nothing and emits nothing, so retries are safe. */
    private VerdictResponse change(Verdict current, VerdictContent content, IfMatch ifMatch, PublishedTool tool,
            Reviewer reviewer) {
        ifMatch.require(current.version(), WHAT);
        if (!current.withdrawn() && current.content().equals(content)) {
            return VerdictResponse.of(current, tool, reviewer);
        }
        Verdict next = current.changedTo(content, clock.instant());
        save(current, next, current.withdrawn() ? RevisionKind.RESUBMITTED : RevisionKind.REVISED, tool, reviewer);
        return VerdictResponse.of(next, tool, reviewer);
    }

    /** Withdrawing a withdrawn verdict changes nothing and emits nothing. */
    private VerdictResponse withdraw(Verdict current, IfMatch ifMatch, PublishedTool tool, Reviewer reviewer) {
        ifMatch.require(current.version(), WHAT);
        if (current.withdrawn()) {
            return VerdictResponse.of(current, tool, reviewer);
        }
        Verdict next = current.withdrawnAt(clock.instant());
        save(current, next, RevisionKind.WITHDRAWN, tool, reviewer);
        return VerdictResponse.of(next, tool, reviewer);
    }

    private void save(Verdict current, Verdict next, RevisionKind kind, PublishedTool tool, Reviewer reviewer) {
        if (!verdicts.update(next)) {
            throw changedMeanwhile();
        }
        record(current, next, kind, tool, reviewer);
    }

    private void record(Verdict before, Verdict after, RevisionKind kind, PublishedTool tool, Reviewer reviewer) {
        verdicts.insertRevision(Revision.between(before, after, kind));
        changes.recorded(after, tool, reviewer);
        recorded.get(kind).increment();
    }

    private Reviewer reviewerOf(String userId) {
        return reviewers.findByUserId(userId).orElseThrow(() -> new FieldProblem(HttpStatus.FORBIDDEN, "reviewer",
                "you have no reviewer profile on the panel"));
    }

    private static Reviewer activeReviewer(Reviewer reviewer) {
        if (!reviewer.active()) {
            throw new FieldProblem(HttpStatus.FORBIDDEN, "reviewer",
                    "your reviewer profile is inactive and cannot submit verdicts");
        }
        return reviewer;
    }

    private static Reviewer owner(Reviewer caller, Verdict verdict) {
        if (!verdict.reviewerId().equals(caller.id())) {
            throw new FieldProblem(HttpStatus.FORBIDDEN, WHAT, "is another reviewer's verdict");
        }
        return caller;
    }

    /** 422 naming the tool unless review-service knows it as PUBLISHED. */
    private static PublishedTool toolTakingVerdicts(PublishedTool tool, String name) {
        if (tool == null) {
            throw new FieldProblem(HttpStatus.UNPROCESSABLE_CONTENT, "tool",
                    "'" + name + "' is not a published tool that review-service knows of");
        }
        if (!tool.published()) {
            throw new FieldProblem(HttpStatus.UNPROCESSABLE_CONTENT, "tool",
                    "'" + tool.slug() + "' is " + tool.status() + " and takes no verdicts");
        }
        return tool;
    }

    private Verdict find(UUID verdictId) {
        return verdicts.findById(verdictId).orElseThrow(() -> notFound(verdictId));
    }

    private static FieldProblem notFound(UUID verdictId) {
        return new FieldProblem(HttpStatus.NOT_FOUND, "id", "no verdict has the id " + verdictId);
    }

    private static FieldProblem changedMeanwhile() {
        return new FieldProblem(HttpStatus.CONFLICT, WHAT, "changed meanwhile; read it and retry");
    }
}
