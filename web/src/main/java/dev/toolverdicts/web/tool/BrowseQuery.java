package dev.toolverdicts.web.tool;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The catalog browse form as typed into the address: search, filters, sort and page, checked here so a bad value
 * gets a clear message on the page instead of a service error.
 */
public record BrowseQuery(String q, String category, String license, String pricing, String openWeights, String sort,
        int page) {

    static final int PAGE_SIZE = 6;
    static final List<String> PRICING = List.of("FREE", "FREEMIUM", "PAID", "USAGE_BASED", "CONTACT");
    static final List<String> SORTS = List.of("name", "-name", "updated", "-updated", "released", "-released");

    static BrowseQuery of(String q, String category, String license, String pricing, String openWeights, String sort,
            String page) {
        return new BrowseQuery(trim(q, 200), trim(category, 60), trim(license, 100), oneOf(pricing, PRICING),
                oneOf(openWeights, List.of("true", "false")), oneOf(sort, SORTS), pageNumber(page));
    }

    /** The catalog API's query parameters for this form. */
    Map<String, String> apiParams() {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("q", q);
        params.put("category", category);
        params.put("license", license);
        params.put("pricing", pricing);
        params.put("openWeights", openWeights);
        params.put("sort", sort);
        params.put("page", String.valueOf(page));
        params.put("size", String.valueOf(PAGE_SIZE));
        return params;
    }

    /** The same query on another page, as a link. */
    public String link(int otherPage) {
        StringBuilder link = new StringBuilder("/tools?page=").append(otherPage);
        apiParams().forEach((name, value) -> {
            if (value != null && !value.isBlank() && !name.equals("page") && !name.equals("size")) {
                link.append('&').append(name).append('=')
                        .append(java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8));
            }
        });
        return link.toString();
    }

    public boolean filtered() {
        return q != null || category != null || license != null || pricing != null || openWeights != null;
    }

    private static String trim(String value, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String trimmed = value.strip();
        return trimmed.length() > max ? trimmed.substring(0, max) : trimmed;
    }

    private static String oneOf(String value, List<String> allowed) {
        return value != null && allowed.contains(value) ? value : null;
    }

    private static int pageNumber(String page) {
        try {
            int number = page == null ? 0 : Integer.parseInt(page.strip());
            return Math.max(0, Math.min(number, 10_000));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
