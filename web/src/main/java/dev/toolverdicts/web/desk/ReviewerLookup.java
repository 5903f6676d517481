package dev.toolverdicts.web.desk;

import dev.toolverdicts.web.api.ReviewApi;
import dev.toolverdicts.web.api.Reviewer;
import dev.toolverdicts.web.api.Verdict;
import dev.toolverdicts.web.page.Viewer;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Which panel reviewer the signed-in user is. review-service keeps the user-to-reviewer link private and has no
 * "me" read yet, so this asks it per reviewer whether the caller owns one of their verdicts (a write that cannot
 * apply, see {@link ReviewApi#owns}); the answer is remembered per user id. A reviewer without verdicts is found
 * after their first submission, whose answer names them.
 */
@Component
class ReviewerLookup {

    private final ReviewApi reviews;
    private final Map<String, String> reviewerIdBySubject = new ConcurrentHashMap<>();

    ReviewerLookup(ReviewApi reviews) {
        this.reviews = reviews;
    }

    Optional<Reviewer> find(Viewer viewer) {
        List<Reviewer> panel = reviews.reviewers();
        String known = reviewerIdBySubject.get(viewer.subject());
        if (known != null) {
            return panel.stream().filter(r -> r.id().equals(known)).findFirst();
        }
        for (Reviewer reviewer : panel) {
            List<Verdict> verdicts = reviews.verdictsOf(reviewer.id());
            if (!verdicts.isEmpty() && reviews.owns(verdicts.getFirst(), viewer.token().orElseThrow())) {
                remember(viewer, reviewer.id());
                return Optional.of(reviewer);
            }
        }
        return Optional.empty();
    }

    void remember(Viewer viewer, String reviewerId) {
        reviewerIdBySubject.put(viewer.subject(), reviewerId);
    }
}
