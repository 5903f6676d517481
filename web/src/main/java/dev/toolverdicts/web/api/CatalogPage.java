package dev.toolverdicts.web.api;

import java.util.List;

/** One page of a catalog list. */
public record CatalogPage<T>(List<T> items, int page, int size, long totalItems, int totalPages) {
}
