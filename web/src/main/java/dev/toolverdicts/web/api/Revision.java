package dev.toolverdicts.web.api;

import java.time.Instant;
import java.util.Objects;

/** One entry of a verdict's history: what the call, take and pinned model version were before and after. */
public record Revision(int number, String kind, String oldVerdict, String newVerdict, String oldTake, String newTake,
        String oldModelVersion, String newModelVersion, Instant changedAt) {

    /** The call went from SHIP to SKIP or back. */
    public boolean flipped() {
        return oldVerdict != null && newVerdict != null && !oldVerdict.equals(newVerdict);
    }

    public boolean takeChanged() {
        return oldTake != null && newTake != null && !oldTake.equals(newTake);
    }

    public boolean modelVersionChanged() {
        return oldModelVersion != null && !Objects.equals(oldModelVersion, newModelVersion);
    }
}
