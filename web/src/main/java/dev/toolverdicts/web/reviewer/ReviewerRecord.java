package dev.toolverdicts.web.reviewer;

import dev.toolverdicts.web.api.Revision;
import dev.toolverdicts.web.api.Share;
import dev.toolverdicts.web.api.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A reviewer's public record: how many current verdicts they gave, their SHIP rate, how often they flipped a call,
 * and how often their call matched the community's majority on tools where at least {@link #COMMUNITY_THRESHOLD}
 * members voted (fewer votes say too little; a tie has no majority and is left out).
 */
public record ReviewerRecord(int verdictsGiven, int ships, int flips, int comparable, int agreed,
        List<Entry> entries) {

    public static final int COMMUNITY_THRESHOLD = 10;

    public ReviewerRecord {
        entries = List.copyOf(entries);
    }

    /**
     * @param verdicts   the reviewer's current verdicts (withdrawn ones are shown but not counted)
     * @param revisions  each verdict's history by verdict id
     * @param community  the community share by tool slug
     * @param toolNames  tool names by slug
     */
    public static ReviewerRecord of(List<Verdict> verdicts, Map<String, List<Revision>> revisions,
            Map<String, Share> community, Map<String, String> toolNames) {
        int given = 0;
        int ships = 0;
        int flips = 0;
        int comparable = 0;
        int agreed = 0;
        List<Entry> entries = new ArrayList<>();
        for (Verdict verdict : verdicts) {
            List<Revision> history = revisions.getOrDefault(verdict.id(), List.of());
            flips += (int) history.stream().filter(Revision::flipped).count();
            Share votes = community.get(verdict.toolSlug());
            String majority = majority(votes);
            Boolean agrees = null;
            if (!verdict.withdrawn()) {
                given++;
                if ("SHIP".equals(verdict.verdict())) {
                    ships++;
                }
                if (majority != null) {
                    comparable++;
                    agrees = majority.equals(verdict.verdict());
                    if (agrees) {
                        agreed++;
                    }
                }
            }
            entries.add(new Entry(verdict, toolNames.getOrDefault(verdict.toolSlug(), verdict.toolSlug()), votes,
                    majority, agrees, history));
        }
        return new ReviewerRecord(given, ships, flips, comparable, agreed, entries);
    }

    /** SHIP or SKIP when enough members voted and one side has more than half, else null. */
    static String majority(Share votes) {
        if (votes == null || votes.total() < COMMUNITY_THRESHOLD || votes.ship() * 2 == votes.total()) {
            return null;
        }
        return votes.ship() * 2 > votes.total() ? "SHIP" : "SKIP";
    }

    /** "75%", or "—" before any verdict. */
    public String shipRate() {
        return verdictsGiven == 0 ? Share.NO_DATA : Math.round(100f * ships / verdictsGiven) + "%";
    }

    /** "50%", or "—" while no tool has enough community votes. */
    public String agreement() {
        return comparable == 0 ? Share.NO_DATA : Math.round(100f * agreed / comparable) + "%";
    }

    public int threshold() {
        return COMMUNITY_THRESHOLD;
    }

    /** One current verdict with the community's view of the same tool. */
    public record Entry(Verdict verdict, String toolName, Share community, String communityMajority, Boolean agrees,
            List<Revision> revisions) {
    }
}
