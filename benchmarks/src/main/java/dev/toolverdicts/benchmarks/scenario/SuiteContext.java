package dev.toolverdicts.benchmarks.scenario;

import dev.toolverdicts.benchmarks.SuiteOptions;
import dev.toolverdicts.benchmarks.identity.Member;
import dev.toolverdicts.benchmarks.identity.MemberPool;
import dev.toolverdicts.benchmarks.report.SuiteReport;
import dev.toolverdicts.benchmarks.stack.JsonHttp;
import dev.toolverdicts.benchmarks.stack.StackPorts;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** What the benchmarks share within a run: options, the report, the signed-in members and the votable tools. */
public final class SuiteContext {

    private final SuiteOptions options;
    private final SuiteReport report;
    private final JsonHttp http = new JsonHttp();
    private List<Member> members;
    private List<String> tools;

    public SuiteContext(SuiteOptions options, SuiteReport report) {
        this.options = options;
        this.report = report;
    }

    public SuiteOptions options() {
        return options;
    }

    public SuiteReport report() {
        return report;
    }

    public JsonHttp http() {
        return http;
    }

    /** The benchmark members, signed in once per run (registered the first time the stack sees them). */
    public synchronized List<Member> members() throws InterruptedException {
        if (members == null) {
            long started = System.nanoTime();
            MemberPool pool = new MemberPool();
            members = pool.signIn(options.members());
            double seconds = (System.nanoTime() - started) / 1e9;
            System.out.printf("members: %d signed in (%d registered now) in %.1f s%n", members.size(),
                    pool.registeredThisRun(), seconds);
            report.detail("members", java.util.Map.of("count", members.size(), "registeredThisRun",
                    pool.registeredThisRun(), "signInSeconds", seconds));
        }
        return members;
    }

    /** Slugs of the published tools, from the comparison view's list. */
    public synchronized List<String> tools() {
        if (tools == null) {
            JsonNode list = http.getJson(StackPorts.url(StackPorts.COMPARISON, "/api/comparisons/tools?limit=100"), null);
            List<String> slugs = new ArrayList<>();
            for (JsonNode item : list.path("items")) {
                slugs.add(item.path("slug").asString());
            }
            if (slugs.isEmpty()) {
                throw new IllegalStateException("no published tools in the comparison view: is the demo data loaded?");
            }
            tools = List.copyOf(slugs);
        }
        return tools;
    }
}
