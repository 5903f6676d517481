package dev.toolverdicts.web.desk;

import dev.toolverdicts.web.api.ReviewApi;
import dev.toolverdicts.web.api.Reviewer;
import dev.toolverdicts.web.page.Viewer;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Which panel reviewer the signed-in user is, as review-service knows them by the token's subject. */
@Component
class ReviewerLookup {

    private final ReviewApi reviews;

    ReviewerLookup(ReviewApi reviews) {
        this.reviews = reviews;
    }

    Optional<Reviewer> find(Viewer viewer) {
        return viewer.token().flatMap(reviews::me);
    }
}
