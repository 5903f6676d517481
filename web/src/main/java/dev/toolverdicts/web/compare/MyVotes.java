package dev.toolverdicts.web.compare;

import dev.toolverdicts.web.api.Ballot;
import dev.toolverdicts.web.api.ServiceFailure;
import dev.toolverdicts.web.api.ToolView;
import dev.toolverdicts.web.api.VoteApi;
import dev.toolverdicts.web.page.Viewer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.ResourceAccessException;

/**
 * A member's own current votes on the tools a page shows, so their buttons show what they chose. When vote-service
 * is down the page still renders (the figures come from the comparison view): the ballots say voting is unavailable
 * and the vote box says so instead of offering buttons that would fail.
 */
@Component
public class MyVotes {

    private static final Logger LOG = LoggerFactory.getLogger(MyVotes.class);

    private final VoteApi votes;

    MyVotes(VoteApi votes) {
        this.votes = votes;
    }

    /** The viewer's votes by tool slug, or none with {@code unavailable} when vote-service could not be asked. */
    public record Ballots(Map<String, String> bySlug, boolean unavailable) {

        static final Ballots NONE = new Ballots(Map.of(), false);

        public String of(String slug) {
            return bySlug.get(slug);
        }
    }

    public Ballots of(List<ToolView> tools, Viewer viewer) {
        if (!viewer.isMember()) {
            return Ballots.NONE;
        }
        Map<String, String> mine = new HashMap<>();
        try {
            for (ToolView tool : tools) {
                votes.mine(tool.slug(), viewer.token().orElseThrow()).map(Ballot::vote)
                        .ifPresent(vote -> mine.put(tool.slug(), vote));
            }
        } catch (ResourceAccessException | ServiceFailure failure) {
            if (failure instanceof ServiceFailure answered && answered.status() < 500) {
                throw answered;
            }
            LOG.warn("vote-service unavailable; the page shows voting as unavailable: {}", failure.getMessage());
            return new Ballots(Map.of(), true);
        }
        return new Ballots(Map.copyOf(mine), false);
    }
}
