package dev.toolverdicts.comparison.ingest;

import dev.toolverdicts.events.Topics;
import java.util.List;

/** The topics the read model is projected from; a rebuild replays exactly these. */
public final class SourceTopics {

    public static final List<String> ALL = List.of(Topics.CATALOG_TOOL, Topics.CATALOG_MATCHUP, Topics.REVIEW_REVIEWER,
            Topics.REVIEW_VERDICT, Topics.VOTE_TALLY);

    private SourceTopics() {
    }
}
