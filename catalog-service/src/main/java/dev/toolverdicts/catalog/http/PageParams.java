package dev.toolverdicts.catalog.http;

/** A validated page request: zero-based page number and page size. */
public record PageParams(int page, int size) {

    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_SIZE = 100;
    public static final int MAX_PAGE = 10_000;

    public static PageParams of(Integer page, Integer size) {
        return new PageParams(page == null ? 0 : page, size == null ? DEFAULT_SIZE : size);
    }

    public int offset() {
        return page * size;
    }
}
