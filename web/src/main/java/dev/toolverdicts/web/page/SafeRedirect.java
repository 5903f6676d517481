package dev.toolverdicts.web.page;

/** Where a form may send the browser back to: only a path on this site, never another origin. */
public final class SafeRedirect {

    private SafeRedirect() {
    }

    public static String back(String path, String fallback) {
        if (path == null || !path.startsWith("/") || path.startsWith("//") || path.contains("\\")
                || path.chars().anyMatch(c -> c < 0x20)) {
            return fallback;
        }
        return path;
    }
}
