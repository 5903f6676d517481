package dev.toolverdicts.devstack.compose;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What a service's code does with Kafka, read from its sources and those of the platform libraries its pom names
 * (the test classpath has no service dependencies; platform/published-tools consumes catalog.tool.v1 for vote and
 * review): the contract topics it names through {@code Topics.X} or {@code EventTypes.X}, split by owner (a topic
 * belongs to the service its name starts with, as in {@code catalog.tool.v1}), and the consumer groups of its
 * listeners. {@code readsOwn}: its own topics it also reads with a plain {@code KafkaConsumer} (no group, no dead
 * letters), as every comparison replica reads {@code comparison.view.v1}. {@code listenerGroups}: the groups its consumers
 * join: {@code <service>.<purpose>} of each {@code EventConsumer} (platform/consumers), and the group of any
 * {@code @KafkaListener}.
 */
record ServiceKafkaUsage(String service, Set<String> produced, Set<String> consumed, Set<String> readsOwn,
        Set<String> listenerGroups) {

    private static final Path EVENTS = RenderedManifests.ROOT
            .resolve("platform/events/src/main/java/dev/toolverdicts/events");
    private static final Pattern TOPIC_CONSTANT = Pattern.compile(
            "public static final String (\\w+)\\s*=\\s*\"([^\"]+)\"");
    private static final Pattern EVENT_TYPE = Pattern.compile(
            "(\\w+)\\s*=\\s*new\\s+EventType<>\\(\\s*Topics\\.(\\w+)");
    private static final Pattern REFERENCE = Pattern.compile("\\b(Topics|EventTypes)\\.([A-Z][A-Z0-9_]*)\\b");
    private static final Pattern LISTENER = Pattern.compile("@KafkaListener\\(([^)]*)\\)");
    private static final Pattern PLATFORM_DEPENDENCY = Pattern.compile(
            "<groupId>dev\\.toolverdicts</groupId>\\s*<artifactId>([\\w-]+)</artifactId>");
    private static final Pattern LISTENER_ID = Pattern.compile("\\bid\\s*=\\s*\"([^\"]+)\"");
    private static final Pattern CONSUMER = Pattern.compile("(new EventConsumer|EventConsumer\\.of|EventConsumer\\.batched)\\(\\s*(\"([^\"]+)\"|PURPOSE)");
    private static final Pattern PURPOSE = Pattern.compile("String PURPOSE\\s*=\\s*\"([^\"]+)\"");

    /** Every topic of the published contract, by the name of its constant in {@code Topics}. */
    static Map<String, String> contractTopics() {
        Map<String, String> topics = new TreeMap<>();
        Matcher matcher = TOPIC_CONSTANT.matcher(read(EVENTS.resolve("Topics.java")));
        while (matcher.find()) {
            topics.put(matcher.group(1), matcher.group(2));
        }
        return topics;
    }

    static ServiceKafkaUsage of(String service) {
        Map<String, String> topics = contractTopics();
        Map<String, String> eventTypes = new TreeMap<>();
        Matcher types = EVENT_TYPE.matcher(read(EVENTS.resolve("EventTypes.java")));
        while (types.find()) {
            eventTypes.put(types.group(1), topics.get(types.group(2)));
        }
        String owner = service.replaceFirst("-service$", "") + ".";
        Set<String> produced = new TreeSet<>();
        Set<String> consumed = new TreeSet<>();
        Set<String> readsOwn = new TreeSet<>();
        Set<String> groups = new TreeSet<>();
        Path module = RenderedManifests.ROOT.resolve(service);
        String configuredGroup = configuredGroup(module.resolve("src/main/resources/application.yml"));
        List<Path> sources = new ArrayList<>(List.of(module.resolve("src/main/java")));
        Matcher dependency = PLATFORM_DEPENDENCY.matcher(read(module.resolve("pom.xml")));
        while (dependency.find()) {
            Path library = RenderedManifests.ROOT.resolve("platform").resolve(dependency.group(1)).resolve("src/main/java");
            if (Files.isDirectory(library) && !dependency.group(1).equals("events")) {
                sources.add(library);
            }
        }
        for (Path root : sources) {
            try (Stream<Path> files = Files.walk(root)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                    String source = read(file);
                    Matcher reference = REFERENCE.matcher(source);
                    while (reference.find()) {
                        String topic = (reference.group(1).equals("Topics") ? topics : eventTypes).get(reference.group(2));
                        if (topic != null) {
                            (topic.startsWith(owner) ? produced : consumed).add(topic);
                            if (topic.startsWith(owner) && source.contains("new KafkaConsumer<")) {
                                readsOwn.add(topic);
                            }
                        }
                    }
                    Matcher consumer = CONSUMER.matcher(source);
                    while (consumer.find()) {
                        Matcher purpose = PURPOSE.matcher(source);
                        String name = consumer.group(3) != null ? consumer.group(3)
                                : purpose.find() ? purpose.group(1) : "(no purpose: " + file.getFileName() + ")";
                        groups.add(service + "." + name);
                    }
                    Matcher listener = LISTENER.matcher(source);
                    while (listener.find()) {
                        String attributes = listener.group(1);
                        Matcher id = LISTENER_ID.matcher(attributes);
                        if (attributes.matches("(?s).*idIsGroup\\s*=\\s*false.*") || !id.find()) {
                            groups.add(configuredGroup == null ? "(no group id: " + file.getFileName() + ")"
                                    : configuredGroup);
                        } else {
                            groups.add(id.group(1));
                        }
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new ServiceKafkaUsage(service, produced, consumed, readsOwn, groups);
    }

    /** {@code spring.kafka.consumer.group-id}: the group of listeners whose id is not their group. */
    private static String configuredGroup(Path applicationYml) {
        if (!Files.exists(applicationYml)) {
            return null;
        }
        try {
            return RenderedManifests.loadAll(applicationYml).stream()
                    .map(doc -> RenderedManifests.at(doc, "spring", "kafka", "consumer", "group-id"))
                    .filter(String.class::isInstance).map(String.class::cast).findFirst().orElse(null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
