package dev.toolverdicts.comparison.deadletter;

import dev.toolverdicts.comparison.ingest.ProjectionConsumer;
import dev.toolverdicts.consumers.ConsumerDispatcher;
import dev.toolverdicts.consumers.RegisteredConsumers;
import dev.toolverdicts.events.EventCodecException;
import dev.toolverdicts.events.kafka.EventDeserializer;
import dev.toolverdicts.problem.FieldProblem;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * ADMIN: list dead letters, and re-apply one after a fix (through the same consumer handlers as live events, counted
 * alike, so the version guard makes a replay of something already applied harmless). Re-applying rather than re-publishing keeps
 * the comparison service from writing to topics other services own.
 */
@RestController
class DeadLetterController {

    private final DeadLetters deadLetters;
    private final ConsumerDispatcher projection;

    DeadLetterController(DeadLetters deadLetters, RegisteredConsumers consumers) {
        this.deadLetters = deadLetters;
        this.projection = consumers.byPurpose(ProjectionConsumer.PURPOSE).orElseThrow();
    }

    @GetMapping("/api/comparisons/admin/dead-letters")
    List<DeadLetter> list() {
        return deadLetters.list();
    }

    @PostMapping("/api/comparisons/admin/dead-letters/{topic}/{partition}/{offset}/replay")
    Map<String, Object> replay(@PathVariable String topic, @PathVariable int partition, @PathVariable long offset) {
        if (!deadLetters.topics().contains(topic)) {
            throw new FieldProblem(HttpStatus.NOT_FOUND, "topic", "not a dead-letter topic of this service: " + topic);
        }
        ConsumerRecord<String, byte[]> record = deadLetters.read(topic, partition, offset).orElseThrow(
                () -> new FieldProblem(HttpStatus.NOT_FOUND, "offset", "no record at " + topic + "/" + partition
                        + "/" + offset));
        DeadLetter letter = DeadLetters.describe(record);
        Object event;
        try {
            String source = letter.originalTopic() != null ? letter.originalTopic() : topic;
            event = new EventDeserializer().deserialize(source, record.headers(), record.value());
        } catch (EventCodecException e) {
            throw new FieldProblem(HttpStatus.UNPROCESSABLE_CONTENT, "record", "still cannot be read: " + e.getMessage());
        }
        boolean applied;
        try {
            applied = projection.apply(event);
        } catch (RuntimeException e) {
            throw new FieldProblem(HttpStatus.UNPROCESSABLE_CONTENT, "record", "still cannot be applied: " + e);
        }
        return Map.of("deadLetter", letter, "outcome", applied ? "applied" : "stale");
    }
}
