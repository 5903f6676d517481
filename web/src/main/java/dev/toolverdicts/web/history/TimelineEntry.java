package dev.toolverdicts.web.history;

import dev.toolverdicts.web.api.Revision;
import dev.toolverdicts.web.api.Verdict;
import dev.toolverdicts.web.reviewer.PanelMember;

/** One change in the panel's calls on a tool: who, when, what the call became, on which model version, and why. */
public record TimelineEntry(Verdict verdict, PanelMember member, Revision revision) {

    public String reviewerName() {
        return member != null ? member.reviewer().displayName() : verdict.reviewerDisplayName();
    }

    public String lens() {
        return member != null ? member.reviewer().lens() : verdict.lens();
    }

    /** What happened, in words before the call badges: "First call", "Flipped", "Withdrew", ... */
    public String change() {
        return switch (revision.kind()) {
            case "SUBMITTED" -> "First call";
            case "WITHDRAWN" -> "Withdrew";
            case "RESUBMITTED" -> "Back with";
            default -> revision.flipped() ? "Flipped" : "Revised, still";
        };
    }

    /** The change as one line of text, e.g. "Flipped SHIP → SKIP after moving from 3B to 3B v2". */
    public String summary() {
        String calls = revision.flipped() ? revision.oldVerdict() + " → " + revision.newVerdict()
                : "WITHDRAWN".equals(revision.kind()) ? String.valueOf(revision.oldVerdict())
                : String.valueOf(revision.newVerdict());
        String model = modelNote();
        return change() + " " + calls + (model.isEmpty() ? "" : " " + model);
    }

    /** "after 3B-Instruct v2" when the pinned model version moved with this change, else "on 3B", else "". */
    public String modelNote() {
        if (revision.modelVersionChanged()) {
            return "after moving from " + revision.oldModelVersion() + " to "
                    + (revision.newModelVersion() == null ? "no pinned version" : revision.newModelVersion());
        }
        return revision.newModelVersion() == null ? "" : "on " + revision.newModelVersion();
    }

    /** The verdict as it stands after this change (null for a withdrawal). */
    public String call() {
        return revision.newVerdict();
    }

    public String previousCall() {
        return revision.oldVerdict();
    }
}
