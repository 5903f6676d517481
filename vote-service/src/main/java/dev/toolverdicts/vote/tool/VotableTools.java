package dev.toolverdicts.vote.tool;

import dev.toolverdicts.problem.FieldProblem;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/** Answers "may members vote on this tool?" from the local copy of the catalog, never by calling the catalog. */
@Component
public class PublishedTools {

    private final KnownToolRepository tools;

    PublishedTools(KnownToolRepository tools) {
        this.tools = tools;
    }

    public Optional<KnownTool> find(String slug) {
        return tools.findPublished(slug);
    }

    /** The published tool with this slug, or a 422 naming the slug: a vote on it cannot be processed. */
    public KnownTool votable(String slug) {
        return find(slug).orElseThrow(() -> new FieldProblem(HttpStatus.UNPROCESSABLE_CONTENT, "slug",
                "no published tool is called " + slug));
    }

    /** The published tool with this slug, or a 404 naming the slug. */
    public KnownTool readable(String slug) {
        return find(slug).orElseThrow(() -> new FieldProblem(HttpStatus.NOT_FOUND, "slug",
                "no published tool is called " + slug));
    }
}
