package dev.toolverdicts.vote.tool;

import dev.toolverdicts.problem.FieldProblem;
import dev.toolverdicts.publishedtools.PublishedTool;
import dev.toolverdicts.publishedtools.PublishedTools;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/** Answers "may members vote on this tool?" from the service's copy of published catalog tools (platform/published-tools). */
@Component
public class VotableTools {

    private final PublishedTools tools;

    VotableTools(PublishedTools tools) {
        this.tools = tools;
    }

    public Optional<PublishedTool> find(String slug) {
        return tools.findPublished(slug);
    }

    /** The published tool with this slug, or a 422 naming the slug: a vote on it cannot be processed. */
    public PublishedTool votable(String slug) {
        return find(slug).orElseThrow(() -> new FieldProblem(HttpStatus.UNPROCESSABLE_CONTENT, "slug",
                "no published tool is called " + slug));
    }

    /** The published tool with this slug, or a 404 naming the slug. */
    public PublishedTool readable(String slug) {
        return find(slug).orElseThrow(() -> new FieldProblem(HttpStatus.NOT_FOUND, "slug",
                "no published tool is called " + slug));
    }
}
