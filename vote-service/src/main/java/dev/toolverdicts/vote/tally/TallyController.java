package dev.toolverdicts.vote.tally;

import dev.toolverdicts.publishedtools.PublishedTool;
import dev.toolverdicts.vote.tool.VotableTools;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** Public reads of a tool's tally; the ETag is the tally's version. */
@RestController
class TallyController {

    private final VotableTools tools;
    private final TallyBook tallies;

    TallyController(VotableTools tools, TallyBook tallies) {
        this.tools = tools;
        this.tallies = tallies;
    }

    @GetMapping("/api/votes/tools/{slug}/tally")
    @Transactional(readOnly = true)
    ResponseEntity<TallyResponse> tally(@PathVariable String slug) {
        PublishedTool tool = tools.readable(slug);
        Tally tally = tallies.current(tool);
        return ResponseEntity.ok().eTag("\"" + tally.version() + "\"").body(TallyResponse.of(tool.slug(), tally));
    }
}
