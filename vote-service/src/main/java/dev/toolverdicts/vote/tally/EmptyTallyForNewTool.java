package dev.toolverdicts.vote.tally;

import dev.toolverdicts.events.catalog.ToolEvent;
import dev.toolverdicts.publishedtools.ToolAppliedCallback;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A tool that lands in the copy of the catalog gets its empty tally row in the same transaction, so that votes only
 * ever update a row (and lock just that one).
 */
@Component
class EmptyTallyForNewTool implements ToolAppliedCallback {

    private final JdbcClient jdbc;

    EmptyTallyForNewTool(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void applied(ToolEvent event) {
        jdbc.sql("insert into tally (tool_id) values (?) on conflict (tool_id) do nothing").param(event.toolId())
                .update();
    }
}
