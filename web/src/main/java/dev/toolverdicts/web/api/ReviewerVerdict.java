package dev.toolverdicts.web.api;

/** One panel reviewer's current verdict on a tool, as a tool view carries it. */
public record ReviewerVerdict(String reviewerId, String reviewer, String lens, String verdict, String take,
        int revisionCount, String modelVersion) {
}
