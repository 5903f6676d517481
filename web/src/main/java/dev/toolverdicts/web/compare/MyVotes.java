package dev.toolverdicts.web.compare;

import dev.toolverdicts.web.api.Ballot;
import dev.toolverdicts.web.api.ToolView;
import dev.toolverdicts.web.api.VoteApi;
import dev.toolverdicts.web.page.Viewer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** A member's own current votes on the tools a page shows, so their buttons show what they chose. */
@Component
public class MyVotes {

    private final VoteApi votes;

    MyVotes(VoteApi votes) {
        this.votes = votes;
    }

    public Map<String, String> of(List<ToolView> tools, Viewer viewer) {
        Map<String, String> mine = new HashMap<>();
        if (!viewer.isMember()) {
            return mine;
        }
        for (ToolView tool : tools) {
            votes.mine(tool.slug(), viewer.token().orElseThrow()).map(Ballot::vote)
                    .ifPresent(vote -> mine.put(tool.slug(), vote));
        }
        return mine;
    }
}
