package dev.toolverdicts.events;

/** The Kafka topics of the published contract; every topic is keyed by the id of the aggregate it is about. */
public final class Topics {

    /** Whole state of a catalog tool, keyed by tool id; compacted. */
    public static final String CATALOG_TOOL = "catalog.tool.v1";

    private static final String DEAD_LETTER_SUFFIX = ".DLT";

    private Topics() {
    }

    /** Where a consumer parks records of {@code topic} that it cannot apply. */
    public static String deadLetter(String topic) {
        return topic + DEAD_LETTER_SUFFIX;
    }
}
