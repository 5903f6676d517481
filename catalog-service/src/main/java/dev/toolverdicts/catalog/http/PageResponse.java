package dev.toolverdicts.catalog.http;

import java.util.List;

/** One page of a public list: the items, where the page is, and how many there are in all. */
public record PageResponse<T>(List<T> items, int page, int size, long totalItems, int totalPages) {

    public static <T> PageResponse<T> of(List<T> items, PageParams params, long totalItems) {
        int totalPages = (int) ((totalItems + params.size() - 1) / params.size());
        return new PageResponse<>(items, params.page(), params.size(), totalItems, totalPages);
    }
}
