package dev.toolverdicts.events;

/**
 * One kind of event in the contract: the topic it travels on, its CloudEvents {@code ce_type}, and the record
 * its JSON body maps to.
 */
public record EventType<T>(String topic, String name, Class<T> payload) {
}
