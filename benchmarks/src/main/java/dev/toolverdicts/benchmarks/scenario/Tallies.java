package dev.toolverdicts.benchmarks.scenario;

import dev.toolverdicts.benchmarks.stack.JsonHttp;
import dev.toolverdicts.benchmarks.stack.StackPorts;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** Community counts per tool, as vote-service holds them and as the comparison view shows them. */
final class Tallies {

    /** Ship and skip votes of one tool. */
    record Count(long ship, long skip) {
    }

    private final JsonHttp http;

    Tallies(JsonHttp http) {
        this.http = http;
    }

    List<Count> inVoteService(List<String> tools) {
        List<Count> counts = new ArrayList<>();
        for (String tool : tools) {
            JsonNode tally = http.getJson(StackPorts.url(StackPorts.VOTE, "/api/votes/tools/" + tool + "/tally"), null);
            counts.add(new Count(tally.path("ship").asLong(), tally.path("skip").asLong()));
        }
        return counts;
    }

    List<Count> inComparisonView(List<String> tools) {
        List<Count> counts = new ArrayList<>();
        for (String tool : tools) {
            JsonNode view = http.getJson(StackPorts.url(StackPorts.COMPARISON, "/api/comparisons/tools/" + tool), null);
            long ship = view.path("community").path("ship").asLong();
            long total = view.path("community").path("total").asLong();
            counts.add(new Count(ship, total - ship));
        }
        return counts;
    }
}
