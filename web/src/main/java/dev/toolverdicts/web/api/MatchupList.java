package dev.toolverdicts.web.api;

import java.util.List;

/** A page of matchups, latest published first. */
public record MatchupList(int total, int offset, int limit, List<MatchupItem> items) {
}
