package dev.toolverdicts.devstack.compose;

import static dev.toolverdicts.devstack.compose.RenderedManifests.at;
import static dev.toolverdicts.devstack.compose.RenderedManifests.list;
import static dev.toolverdicts.devstack.compose.RenderedManifests.map;
import static dev.toolverdicts.devstack.compose.RenderedManifests.maps;

import java.util.List;
import java.util.Map;

/**
 * Kubernetes NetworkPolicy semantics, small enough to read, so a test can ask "may this pod open that port on that
 * pod or address?" of the rendered policies without a cluster: a pod selected by a policy of a direction is isolated
 * in that direction, and then only a rule of one of those policies lets a connection through; a connection needs
 * both the source's egress and the destination's ingress.
 */
final class NetworkPolicyModel {

    /** A pod (namespace, its namespace's labels, its labels, its named container ports) or an address outside. */
    record Endpoint(String namespace, Map<String, String> namespaceLabels, Map<String, String> labels,
            Map<String, Integer> ports, String ip) {

        static Endpoint pod(String namespace, Map<String, String> labels, Map<String, Integer> ports) {
            return new Endpoint(namespace, Map.of("kubernetes.io/metadata.name", namespace), labels, ports, null);
        }

        static Endpoint address(String ip) {
            return new Endpoint(null, Map.of(), Map.of(), Map.of(), ip);
        }

        boolean isPod() {
            return ip == null;
        }
    }

    private final List<Map<String, Object>> policies;

    NetworkPolicyModel(List<Map<String, Object>> policies) {
        this.policies = policies;
    }

    boolean allows(Endpoint from, Endpoint to, int port, String protocol) {
        return allowedBy(from, "Egress", "egress", "to", to, port, protocol)
                && allowedBy(to, "Ingress", "ingress", "from", from, port, protocol);
    }

    boolean allowsTcp(Endpoint from, Endpoint to, int port) {
        return allows(from, to, port, "TCP");
    }

    /** The policies that select the pod, the catch-all ones ({@code podSelector: {}}) left out. */
    List<String> ownPoliciesOf(Endpoint pod, String type) {
        return policies.stream().filter(p -> selects(p, pod) && types(p).contains(type))
                .filter(p -> !map(at(p, "spec", "podSelector")).isEmpty()).map(RenderedManifests::name).toList();
    }

    private boolean allowedBy(Endpoint subject, String type, String rulesKey, String peersKey, Endpoint peer,
            int port, String protocol) {
        if (!subject.isPod()) {
            return true;
        }
        List<Map<String, Object>> selecting = policies.stream()
                .filter(p -> selects(p, subject) && types(p).contains(type)).toList();
        if (selecting.isEmpty()) {
            return true;
        }
        Endpoint destination = type.equals("Egress") ? peer : subject;
        for (Map<String, Object> policy : selecting) {
            String namespace = (String) at(policy, "metadata", "namespace");
            for (Map<String, Object> rule : maps(at(policy, "spec", rulesKey))) {
                boolean peerMatches = !rule.containsKey(peersKey)
                        || maps(rule.get(peersKey)).stream().anyMatch(p -> peerMatches(p, namespace, peer));
                boolean portMatches = !rule.containsKey("ports")
                        || maps(rule.get("ports")).stream().anyMatch(p -> portMatches(p, destination, port, protocol));
                if (peerMatches && portMatches) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean selects(Map<String, Object> policy, Endpoint pod) {
        return pod.isPod() && pod.namespace().equals(at(policy, "metadata", "namespace"))
                && matches(map(at(policy, "spec", "podSelector")), pod.labels());
    }

    private static List<Object> types(Map<String, Object> policy) {
        return list(at(policy, "spec", "policyTypes"));
    }

    private static boolean peerMatches(Map<String, Object> peer, String policyNamespace, Endpoint endpoint) {
        if (peer.containsKey("ipBlock")) {
            Map<String, Object> block = map(peer.get("ipBlock"));
            return !endpoint.isPod() && Ipv4.contains((String) block.get("cidr"), endpoint.ip())
                    && list(block.get("except")).stream().noneMatch(e -> Ipv4.contains((String) e, endpoint.ip()));
        }
        if (!endpoint.isPod()) {
            return false;
        }
        boolean namespaceMatches = peer.containsKey("namespaceSelector")
                ? matches(map(peer.get("namespaceSelector")), endpoint.namespaceLabels())
                : endpoint.namespace().equals(policyNamespace);
        boolean podMatches = !peer.containsKey("podSelector")
                || matches(map(peer.get("podSelector")), endpoint.labels());
        return namespaceMatches && podMatches;
    }

    private static boolean portMatches(Map<String, Object> rulePort, Endpoint destination, int port, String protocol) {
        if (!protocol.equals(rulePort.getOrDefault("protocol", "TCP"))) {
            return false;
        }
        Object wanted = rulePort.get("port");
        if (wanted == null) {
            return true;
        }
        if (wanted instanceof Integer number) {
            return number == port;
        }
        Integer named = destination.ports().get((String) wanted);
        return named != null && named == port;
    }

    static boolean matches(Map<String, Object> selector, Map<String, String> labels) {
        for (var entry : map(selector.get("matchLabels")).entrySet()) {
            if (!String.valueOf(entry.getValue()).equals(labels.get(entry.getKey()))) {
                return false;
            }
        }
        for (Map<String, Object> expression : maps(selector.get("matchExpressions"))) {
            String value = labels.get((String) expression.get("key"));
            List<Object> values = list(expression.get("values"));
            boolean ok = switch ((String) expression.get("operator")) {
                case "In" -> value != null && values.contains(value);
                case "NotIn" -> value == null || !values.contains(value);
                case "Exists" -> value != null;
                case "DoesNotExist" -> value == null;
                default -> throw new IllegalArgumentException("operator " + expression.get("operator"));
            };
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /** IPv4 CIDR arithmetic, all the ipBlocks here need. */
    static final class Ipv4 {

        private Ipv4() {
        }

        static boolean contains(String cidr, String ip) {
            String[] parts = cidr.split("/");
            int bits = Integer.parseInt(parts[1]);
            long mask = bits == 0 ? 0 : (0xFFFFFFFFL << (32 - bits)) & 0xFFFFFFFFL;
            return (value(parts[0]) & mask) == (value(ip) & mask);
        }

        /** An address inside the block: its first host (or the address itself for a /32). */
        static String inside(String cidr) {
            String[] parts = cidr.split("/");
            long address = value(parts[0]) + (Integer.parseInt(parts[1]) < 31 ? 1 : 0);
            return (address >> 24 & 255) + "." + (address >> 16 & 255) + "." + (address >> 8 & 255) + "."
                    + (address & 255);
        }

        private static long value(String ip) {
            long value = 0;
            for (String octet : ip.split("\\.")) {
                value = value << 8 | Integer.parseInt(octet);
            }
            return value;
        }
    }
}
