package dev.toolverdicts.web.api;

import java.util.List;

/** A page of a ranked tool list. */
public record ToolList(String rank, int total, int offset, int limit, List<RankedTool> items) {
}
