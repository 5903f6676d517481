package dev.toolverdicts.gateway.docs;

import dev.toolverdicts.gateway.docs.DocumentedServices.Documented;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.node.StringNode;

/**
 * One OpenAPI document of the whole public API, merged from each service's own: their paths are disjoint (each
 * service owns its prefix), components are shared by name and renamed {@code <service>.<Name>} where two services
 * mean different things by one name. Kept for a short while so a burst of readers costs the services one fetch; a
 * service that does not answer is listed under {@code x-unavailable} and the rest is still served.
 */
@Component
class MergedOpenApi {

    static final Duration FRESH_FOR = Duration.ofSeconds(30);
    private static final Duration TIMEOUT = Duration.ofSeconds(3);

    private record Merged(String json, Instant at) {
    }

    private final DocumentedServices services;
    private final Clock clock;
    private final JsonMapper json = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    private final AtomicReference<Merged> last = new AtomicReference<>();

    MergedOpenApi(DocumentedServices services, Clock clock) {
        this.services = services;
        this.clock = clock;
    }

    String document() {
        Merged merged = last.get();
        if (merged == null || merged.at().plus(FRESH_FOR).isBefore(clock.instant())) {
            merged = new Merged(merge().toString(), clock.instant());
            last.set(merged);
        }
        return merged.json();
    }

    ObjectNode merge() {
        ObjectNode merged = json.createObjectNode().put("openapi", "3.1.0");
        merged.putObject("info").put("title", "Tool Verdicts API").put("version", "v1").put("description", """
                Every public API of Tool Verdicts behind one door, the gateway. Reads are anonymous; writes need \
                a bearer token of identity-service (or a signed-in browser session). Errors are RFC 9457 \
                `application/problem+json` naming each wrong field. Each service's own document is at \
                `/api/<service>/openapi`; the events are described in AsyncAPI at `/api/docs/events`.""");
        merged.putArray("servers").addObject().put("url", "/").put("description", "this gateway");
        ObjectNode paths = merged.putObject("paths");
        ObjectNode components = merged.putObject("components");
        List<String> unavailable = new ArrayList<>();
        for (Documented service : services.all()) {
            JsonNode document = fetch(service);
            if (document == null) {
                unavailable.add(service.name());
                continue;
            }
            Map<String, String> renames = mergeComponents(service.name(), document.path("components"), components);
            JsonNode servicePaths = renamed(document.path("paths"), renames);
            servicePaths.properties().forEach(path -> paths.set(path.getKey(), path.getValue()));
            merged.withArray("tags").addObject().put("name", service.name())
                    .put("description", "its own document: " + service.path());
        }
        if (!unavailable.isEmpty()) {
            unavailable.forEach(merged.putArray("x-unavailable")::add);
        }
        return merged;
    }

    private JsonNode fetch(Documented service) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(service.location()).timeout(TIMEOUT)
                    .header("Accept", "application/json").build(), HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 ? json.readTree(response.body()) : null;
        } catch (java.io.IOException | RuntimeException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /**
     * Adds one service's components; answers the {@code $ref}s that had to be renamed, old to new. Every component
     * the service added (renamed or not) then has its own {@code $ref}s to renamed ones rewritten too: a service's
     * {@code Page} whose items are its {@code Tool} must point at {@code <service>.Tool}, not at another's.
     */
    private static Map<String, String> mergeComponents(String service, JsonNode from, ObjectNode into) {
        Map<String, String> renames = new java.util.HashMap<>();
        List<Map.Entry<ObjectNode, String>> added = new ArrayList<>();
        from.properties().forEach(section -> {
            ObjectNode target = into.withObject(section.getKey());
            section.getValue().properties().forEach(component -> {
                String name = component.getKey();
                JsonNode existing = target.get(name);
                if (existing == null) {
                    target.set(name, component.getValue());
                    added.add(Map.entry(target, name));
                } else if (!existing.equals(component.getValue())) {
                    String renamed = service + "." + name;
                    renames.put("#/components/" + section.getKey() + "/" + name,
                            "#/components/" + section.getKey() + "/" + renamed);
                    target.set(renamed, component.getValue());
                    added.add(Map.entry(target, renamed));
                }
            });
        });
        if (!renames.isEmpty()) {
            added.forEach(component -> component.getKey().set(component.getValue(),
                    renamed(component.getKey().get(component.getValue()), renames)));
        }
        return renames;
    }

    private static JsonNode renamed(JsonNode node, Map<String, String> renames) {
        if (renames.isEmpty()) {
            return node;
        }
        JsonNode copy = node.deepCopy();
        rename(copy, renames);
        return copy;
    }

    private static void rename(JsonNode node, Map<String, String> renames) {
        if (node instanceof ObjectNode object) {
            JsonNode ref = object.get("$ref");
            if (ref != null && ref.isString() && renames.containsKey(ref.asString())) {
                object.set("$ref", StringNode.valueOf(renames.get(ref.asString())));
            }
        }
        node.forEach(child -> rename(child, renames));
    }
}
