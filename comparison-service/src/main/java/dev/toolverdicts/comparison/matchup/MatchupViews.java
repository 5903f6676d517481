package dev.toolverdicts.comparison.matchup;

import dev.toolverdicts.comparison.cache.ContentTags;
import dev.toolverdicts.comparison.cache.HotViews;
import dev.toolverdicts.comparison.cache.Tagged;
import dev.toolverdicts.comparison.cache.ViewCacheKeys;
import dev.toolverdicts.comparison.compare.Comparisons;
import dev.toolverdicts.comparison.store.ViewGenerations;
import dev.toolverdicts.comparison.store.ViewSchema;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Reads matchup views and lists: assembled from one generation's rows, hot from memory for the active one. */
@Component
public class MatchupViews {

    private final MatchupRows matchups;
    private final Comparisons comparisons;
    private final ViewGenerations generations;
    private final HotViews hot;
    private final ContentTags tags;

    MatchupViews(MatchupRows matchups, Comparisons comparisons, ViewGenerations generations, HotViews hot,
            ContentTags tags) {
        this.matchups = matchups;
        this.comparisons = comparisons;
        this.generations = generations;
        this.hot = hot;
        this.tags = tags;
    }

    public Optional<Tagged<MatchupView>> get(String slug) {
        return hot.get(ViewCacheKeys.matchup(slug), () -> load(generations.active(), slug).map(tags::tag));
    }

    public Optional<MatchupView> load(ViewSchema schema, String slug) {
        return matchups.findShown(schema, slug).flatMap(matchup -> comparisons
                .load(schema, List.of(matchup.toolA().slug(), matchup.toolB().slug()))
                .map(comparison -> new MatchupView(matchup.slug(), matchup.headline(), matchup.publishedAt(),
                        matchup.version(), comparison.tools(), comparison.scorecard(), comparison.summary())));
    }

    public MatchupList latest(ViewSchema schema, int offset, int limit) {
        List<MatchupList.Item> items = matchups.latest(schema, offset, limit).stream()
                .map(m -> new MatchupList.Item(m.slug(), m.headline(), m.publishedAt(), List.of(m.toolA(), m.toolB())))
                .toList();
        return new MatchupList(matchups.countShown(schema), offset, limit, items);
    }

    public MatchupList latest(int offset, int limit) {
        return latest(generations.active(), offset, limit);
    }
}
