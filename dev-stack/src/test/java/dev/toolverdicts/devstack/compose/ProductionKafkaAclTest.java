package dev.toolverdicts.devstack.compose;

import static dev.toolverdicts.devstack.compose.RenderedManifests.at;
import static dev.toolverdicts.devstack.compose.RenderedManifests.list;
import static dev.toolverdicts.devstack.compose.RenderedManifests.map;
import static dev.toolverdicts.devstack.compose.RenderedManifests.maps;
import static dev.toolverdicts.devstack.compose.RenderedManifests.name;
import static org.assertj.core.api.Assertions.assertThat;

import dev.toolverdicts.devstack.service.ServiceCatalog;
import dev.toolverdicts.devstack.service.ServiceSpec;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Kafka in production authenticates every client and authorises every request (issue 16, finding 5): each service
 * that names a topic in its code has a KafkaUser whose ACLs let it write the topics it owns (and the dead-letter
 * topics of what it consumes) and read what it consumes, and nothing else; no other pod gets a login.
 */
class ProductionKafkaAclTest {

    private static RenderedManifests manifests;

    @BeforeAll
    static void render() throws Exception {
        manifests = RenderedManifests.production();
    }

    @Test
    void theOnlyListenerIsTlsWithScramAndEveryRequestIsAuthorised() {
        Map<String, Object> kafka = manifests.get("Kafka", "toolverdicts");
        List<Map<String, Object>> listeners = maps(at(kafka, "spec", "kafka", "listeners"));
        assertThat(listeners).isNotEmpty().allSatisfy(listener -> {
            assertThat(listener.get("tls")).as(listener.get("name") + " tls").isEqualTo(true);
            assertThat(at(listener, "authentication", "type")).as(listener.get("name") + " authentication")
                    .isEqualTo("scram-sha-512");
        });
        assertThat(at(kafka, "spec", "kafka", "authorization", "type")).isEqualTo("simple");
        assertThat(map(at(kafka, "spec", "kafka", "config"))).doesNotContainKey("allow.everyone.if.no.acl.found");
    }

    @Test
    void everyTopicAServiceProducesHasAWriteAclAndEveryTopicItConsumesAReadAcl() {
        Set<String> producedSomewhere = new TreeSet<>();
        Set<String> users = new HashSet<>();
        for (ServiceSpec spec : ServiceCatalog.all()) {
            ServiceKafkaUsage usage = ServiceKafkaUsage.of(spec.name());
            if (usage.produced().isEmpty() && usage.consumed().isEmpty()) {
                assertThat(manifests.ofKind("KafkaUser").stream().map(RenderedManifests::name))
                        .as(spec.name() + " uses no Kafka, so it has no Kafka login").doesNotContain(spec.name());
                continue;
            }
            users.add(spec.name());
            KafkaAcls acls = KafkaAcls.of(manifests.get("KafkaUser", spec.name()));
            for (String topic : usage.produced()) {
                assertThat(acls.allows("topic", topic, "Write")).as(spec.name() + " writes " + topic).isTrue();
            }
            for (String topic : usage.consumed()) {
                assertThat(acls.allows("topic", topic, "Read")).as(spec.name() + " reads " + topic).isTrue();
                assertThat(acls.allows("topic", topic, "Describe")).as(spec.name() + " describes " + topic).isTrue();
                assertThat(acls.allows("topic", topic + ".DLT", "Write"))
                        .as(spec.name() + " dead-letters " + topic).isTrue();
            }
            for (String topic : usage.readsOwn()) {
                assertThat(acls.allows("topic", topic, "Read")).as(spec.name() + " reads its own " + topic).isTrue();
            }
            producedSomewhere.addAll(usage.produced());
        }
        assertThat(producedSomewhere).as("every contract topic is produced by its owner and so has a Write ACL")
                .containsExactlyInAnyOrderElementsOf(ServiceKafkaUsage.contractTopics().values());
        assertThat(manifests.ofKind("KafkaUser").stream().map(RenderedManifests::name).toList())
                .containsExactlyInAnyOrderElementsOf(users);
    }

    @Test
    void aServiceWritesOnlyItsOwnTopicsAndTheDeadLettersOfWhatItConsumes() {
        for (Map<String, Object> user : manifests.ofKind("KafkaUser")) {
            ServiceKafkaUsage usage = ServiceKafkaUsage.of(name(user));
            Set<String> writable = new TreeSet<>(usage.produced());
            usage.consumed().forEach(topic -> writable.add(topic + ".DLT"));
            KafkaAcls acls = KafkaAcls.of(user);
            for (KafkaAcls.Acl acl : acls.all()) {
                assertThat(acl.operations()).as(name(user) + " " + acl)
                        .doesNotContain("All", "Create", "Delete", "Alter", "AlterConfigs");
                assertThat(acl.name()).as(name(user) + " " + acl).isNotEqualTo("*");
                if (acl.type().equals("topic") && acl.operations().contains("Write")) {
                    assertThat(acl.patternType()).as(name(user) + " " + acl).isEqualTo("literal");
                    assertThat(writable).as(name(user) + " may write " + acl.name()).contains(acl.name());
                }
                if (acl.type().equals("topic") && acl.operations().contains("Read")) {
                    assertThat(acl.name().replaceFirst("\\.DLT$", "")).as(name(user) + " may read " + acl.name())
                            .isIn(union(usage.consumed(), usage.readsOwn()));
                }
            }
            assertThat(acls.allows("cluster", "kafka-cluster", "IdempotentWrite")).as(name(user)).isTrue();
        }
    }

    @Test
    void theGroupsOfTheServicesEventConsumersAreTheOnesTheAclsAreCheckedFor() {
        // platform/consumers names a consumer's group <service>.<purpose>: no @KafkaListener is left to read them from
        assertThat(ServiceKafkaUsage.of("comparison-service").listenerGroups())
                .containsExactly("comparison-service.projection");
        assertThat(ServiceKafkaUsage.of("newsletter-service").listenerGroups())
                .containsExactly("newsletter-service.digest-feed");
        assertThat(ServiceKafkaUsage.of("vote-service").listenerGroups()).containsExactly("vote-service.published-tools");
        assertThat(ServiceKafkaUsage.of("review-service").listenerGroups())
                .containsExactly("review-service.published-tools");
        assertThat(ServiceKafkaUsage.of("catalog-service").listenerGroups()).isEmpty();
    }

    @Test
    void everyConsumerGroupIsCoveredByItsServiceAndByNoOtherService() {
        List<Map<String, Object>> users = manifests.ofKind("KafkaUser");
        for (Map<String, Object> user : users) {
            ServiceKafkaUsage usage = ServiceKafkaUsage.of(name(user));
            KafkaAcls acls = KafkaAcls.of(user);
            if (!usage.consumed().isEmpty()) {
                assertThat(acls.allows("group", name(user) + ".anything", "Read"))
                        .as(name(user) + " may use the group ids <service>.<purpose>").isTrue();
            }
            for (String group : usage.listenerGroups()) {
                assertThat(acls.allows("group", group, "Read")).as(name(user) + " joins group " + group).isTrue();
                for (Map<String, Object> other : users) {
                    if (other != user) {
                        assertThat(KafkaAcls.of(other).allows("group", group, "Read"))
                                .as(name(other) + " must not join " + name(user) + "'s group " + group).isFalse();
                    }
                }
            }
        }
    }

    @Test
    void everyTopicTheServicesNameExistsAsAKafkaTopicWithTheDeadLettersOfConsumedOnes() {
        Set<String> declared = new TreeSet<>();
        for (Map<String, Object> topic : manifests.ofKind("KafkaTopic")) {
            declared.add((String) at(topic, "spec", "topicName"));
        }
        for (ServiceSpec spec : ServiceCatalog.all()) {
            ServiceKafkaUsage usage = ServiceKafkaUsage.of(spec.name());
            assertThat(declared).as(spec.name()).containsAll(usage.produced()).containsAll(usage.consumed());
            usage.consumed().forEach(topic -> assertThat(declared).as(spec.name()).contains(topic + ".DLT"));
        }
    }

    @Test
    void theServicesLogInFromTheirKafkaUsersSecretAndTrustTheClusterCa() {
        Map<String, Object> kafkaClient = manifests.configMap("kafka-client-config");
        assertThat(kafkaClient).containsEntry("SPRING_KAFKA_SECURITY_PROTOCOL", "SASL_SSL")
                .containsEntry("SPRING_KAFKA_PROPERTIES_SASL_MECHANISM", "SCRAM-SHA-512")
                .containsEntry("SPRING_KAFKA_SSL_TRUSTSTORETYPE", "PEM")
                .containsEntry("SPRING_KAFKA_ADMIN_AUTOCREATE", "false");
        int listenerPort = (Integer) maps(at(manifests.get("Kafka", "toolverdicts"), "spec", "kafka", "listeners"))
                .getFirst().get("port");
        assertThat((String) kafkaClient.get("SPRING_KAFKA_BOOTSTRAPSERVERS"))
                .isEqualTo("toolverdicts-kafka-bootstrap:" + listenerPort);
        assertThat(manifests.configMap("platform-config")).doesNotContainKey("SPRING_KAFKA_BOOTSTRAPSERVERS");
        for (Map<String, Object> user : manifests.ofKind("KafkaUser")) {
            assertThat(at(user, "spec", "authentication", "type")).isEqualTo("scram-sha-512");
            assertThat(map(at(user, "metadata", "labels"))).containsEntry("strimzi.io/cluster", "toolverdicts");
            Map<String, Object> container = maps(at(manifests.get("Deployment", name(user)), "spec", "template",
                    "spec", "containers")).getFirst();
            Map<String, Map<String, Object>> env = new HashMap<>();
            maps(container.get("env")).forEach(e -> env.put((String) e.get("name"),
                    map(at(e, "valueFrom", "secretKeyRef"))));
            assertThat(env.get("SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG")).as(name(user))
                    .containsEntry("name", name(user)).containsEntry("key", "sasl.jaas.config");
            assertThat(env.get("SPRING_KAFKA_SSL_TRUSTSTORECERTIFICATES")).as(name(user))
                    .containsEntry("name", "toolverdicts-cluster-ca-cert").containsEntry("key", "ca.crt");
            assertThat(maps(container.get("envFrom")).stream().map(s -> (String) map(s.get("configMapRef")).get("name"))
                    .filter(n -> n != null && n.startsWith("kafka-client-config"))).as(name(user)).hasSize(1);
        }
    }

    /** The ACL rules of one KafkaUser, and whether they grant an operation on a resource as Kafka decides it. */
    record KafkaAcls(List<Acl> all) {

        record Acl(String type, String name, String patternType, List<Object> operations) {
        }

        static KafkaAcls of(Map<String, Object> user) {
            assertThat(at(user, "spec", "authorization", "type")).as(name(user)).isEqualTo("simple");
            return new KafkaAcls(maps(at(user, "spec", "authorization", "acls")).stream().map(acl -> {
                Map<String, Object> resource = map(acl.get("resource"));
                assertThat(acl.getOrDefault("type", "allow")).isEqualTo("allow");
                return new Acl((String) resource.get("type"), (String) resource.getOrDefault("name", "kafka-cluster"),
                        (String) resource.getOrDefault("patternType", "literal"), list(acl.get("operations")));
            }).toList());
        }

        /** Read, Write, Delete and Alter imply Describe, as in Kafka's authorizer. */
        boolean allows(String type, String name, String operation) {
            return all.stream().filter(acl -> acl.type().equals(type)).filter(acl -> acl.patternType().equals("prefix")
                    ? name.startsWith(acl.name()) : acl.name().equals(name)).anyMatch(acl -> acl.operations()
                    .contains(operation) || operation.equals("Describe") && acl.operations().stream()
                    .anyMatch(o -> List.of("Read", "Write", "Delete", "Alter").contains(o)));
        }
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> both = new TreeSet<>(a);
        both.addAll(b);
        return both;
    }
}
