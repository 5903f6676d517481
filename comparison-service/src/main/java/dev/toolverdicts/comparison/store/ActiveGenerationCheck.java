package dev.toolverdicts.comparison.store;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * A rebuild swaps the generation on the replica that ran it; every other replica learns of it here, by reading the
 * ACTIVE row every {@code comparison.generations.check-interval} (1 s by default: one indexed single-row read). Polling
 * the row rather than listening for a signal means a replica that was down or disconnected during the swap cannot
 * miss it; a swap moves their caches out with {@link ActiveGenerationChanged}.
 */
@Component
class ActiveGenerationCheck {

    private final ViewGenerations generations;

    ActiveGenerationCheck(ViewGenerations generations) {
        this.generations = generations;
    }

    @Scheduled(fixedDelayString = "${comparison.generations.check-interval:1s}",
            initialDelayString = "${comparison.generations.check-interval:1s}")
    void check() {
        generations.refresh();
    }
}
