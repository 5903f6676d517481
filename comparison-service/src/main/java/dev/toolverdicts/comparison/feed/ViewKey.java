package dev.toolverdicts.comparison.feed;

import dev.toolverdicts.events.comparison.ViewChangedEvent.Kind;
import java.util.UUID;

/** One view a reader can ask for: a tool's or a matchup's, by id and slug; {@code removed} when it is no longer shown. */
public record ViewKey(Kind kind, UUID id, String slug, boolean removed) {
}
