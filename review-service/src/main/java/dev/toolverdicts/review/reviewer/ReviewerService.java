package dev.toolverdicts.review.reviewer;

import dev.toolverdicts.problem.FieldProblem;
import dev.toolverdicts.problem.IfMatch;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Editors' changes to the panel: each one commits the new state and its event together, or neither. */
@Service
class ReviewerService {

    private static final String WHAT = "reviewer";

    private final ReviewerRepository reviewers;
    private final ReviewerChanges changes;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ReviewerService(ReviewerRepository reviewers, ReviewerChanges changes, ApplicationEventPublisher events,
            Clock clock) {
        this.reviewers = reviewers;
        this.changes = changes;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    Reviewer create(NewReviewerRequest request) {
        if (reviewers.userIdExists(request.userId().strip())) {
            throw userTaken();
        }
        Reviewer reviewer = Reviewer.create(request, clock.instant());
        try {
            reviewers.insert(reviewer);
        } catch (DuplicateKeyException raced) {
            throw userTaken();
        }
        changes.recorded(reviewer);
        return reviewer;
    }

    /** An update that changes nothing emits nothing, so retries are safe. */
    @Transactional
    Reviewer update(UUID id, ReviewerUpdate update, IfMatch ifMatch) {
        Reviewer current = get(id);
        ifMatch.require(current.version(), WHAT);
        if (current.sameAs(update)) {
            return current;
        }
        Reviewer changed = current.changedTo(update, clock.instant());
        if (!reviewers.update(changed)) {
            throw IfMatch.stale(WHAT, current.version() + 1);
        }
        changes.recorded(changed);
        if (current.looksDifferentOnVerdicts(changed)) {
            events.publishEvent(new ReviewerChanged(changed));
        }
        return changed;
    }

    @Transactional(readOnly = true)
    Reviewer get(UUID id) {
        return reviewers.findById(id)
                .orElseThrow(() -> new FieldProblem(HttpStatus.NOT_FOUND, "id", "no reviewer has the id " + id));
    }

    @Transactional(readOnly = true)
    Reviewer ofUser(String userId) {
        return reviewers.findByUserId(userId)
                .orElseThrow(() -> new FieldProblem(HttpStatus.NOT_FOUND, "reviewer", "you have no reviewer profile"));
    }

    @Transactional(readOnly = true)
    List<Reviewer> all() {
        return reviewers.findAll();
    }

    private static FieldProblem userTaken() {
        return new FieldProblem(HttpStatus.CONFLICT, "userId", "already has a reviewer profile");
    }
}
