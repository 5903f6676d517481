package dev.toolverdicts.comparison.cache;

/** The names of cached views, shared by the readers that fill them and the projection that invalidates them. */
public final class ViewCacheKeys {

    public static final String ROSTER = "roster";

    private ViewCacheKeys() {
    }

    public static String tool(String slug) {
        return "tool:" + slug;
    }

    public static String matchup(String slug) {
        return "matchup:" + slug;
    }
}
