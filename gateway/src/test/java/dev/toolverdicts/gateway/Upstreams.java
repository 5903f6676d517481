package dev.toolverdicts.gateway;

import java.util.LinkedHashMap;
import java.util.Map;

/** One {@link Upstream} per routed service of a test class, with the {@code services.*.uri} properties naming them. */
public final class Upstreams implements AutoCloseable {

    private static final String[] SERVICES = {"catalog", "comparison", "review", "vote", "newsletter", "web", "identity"};

    private final Map<String, Upstream> byName = new LinkedHashMap<>();

    public Upstreams() {
        for (String service : SERVICES) {
            byName.put(service, Upstream.start(service));
        }
    }

    public Upstream get(String service) {
        return byName.get(service);
    }

    /** {@code services.<name>.uri=...} for every service. */
    public Map<String, String> properties() {
        Map<String, String> properties = new LinkedHashMap<>();
        byName.forEach((name, upstream) -> properties.put("services." + name + ".uri", upstream.uri()));
        return properties;
    }

    @Override
    public void close() {
        byName.values().forEach(Upstream::close);
    }
}
