package dev.toolverdicts.consumers;

import java.util.List;

/**
 * How a consumer that opts into batches applies a poll's events at once: in one transaction, in their order (per
 * partition, so per key), each of a type one of the consumer's handlers takes. Returns, for each event, whether it
 * changed local state (false for duplicates and older versions). An exception means the batch as a whole could not
 * be applied and nothing of it was: the platform then applies the events one at a time through their handlers, so
 * the one it cannot apply is retried and dead-lettered alone.
 */
@FunctionalInterface
public interface BatchHandler {

    List<Boolean> applyAll(List<Object> events);
}
