package dev.toolverdicts.consumers;

import io.micrometer.observation.ObservationRegistry;
import java.util.Collection;
import java.util.regex.Pattern;
import org.springframework.kafka.config.KafkaListenerEndpoint;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.kafka.support.TopicPartitionOffset;
import org.springframework.kafka.support.converter.MessageConverter;

/**
 * The listener endpoint of one consumer, registered programmatically: its id and group id are the consumer's group,
 * its topics the handlers' topics, its listener the consumer's dispatcher (a batch listener if the consumer is
 * {@linkplain EventConsumer#batched batched}). The container comes from the service's
 * default listener container factory, so ack mode, observation and the dead-letter error handler apply as to any
 * listener.
 */
final class ConsumerEndpoint implements KafkaListenerEndpoint {

    private final ConsumerDispatcher dispatcher;
    private final ObservationRegistry observations;

    ConsumerEndpoint(ConsumerDispatcher dispatcher, ObservationRegistry observations) {
        this.dispatcher = dispatcher;
        this.observations = observations;
    }

    @Override
    public String getId() {
        return dispatcher.groupId();
    }

    @Override
    public String getGroupId() {
        return dispatcher.groupId();
    }

    @Override
    public String getGroup() {
        return null;
    }

    @Override
    public Collection<String> getTopics() {
        return dispatcher.topics();
    }

    @Override
    public TopicPartitionOffset[] getTopicPartitionsToAssign() {
        return new TopicPartitionOffset[0];
    }

    @Override
    public Pattern getTopicPattern() {
        return null;
    }

    @Override
    public String getClientIdPrefix() {
        return dispatcher.groupId();
    }

    @Override
    public Integer getConcurrency() {
        return null;
    }

    @Override
    public Boolean getAutoStartup() {
        return null;
    }

    @Override
    public void setupListenerContainer(MessageListenerContainer listenerContainer, MessageConverter messageConverter) {
        // the container's properties are read per batch: the factory fills them in after this call
        listenerContainer.setupMessageListener(dispatcher.consumer().isBatched()
                ? new BatchDispatcher(dispatcher, new RecordObservations(observations,
                        listenerContainer.getContainerProperties(), dispatcher.groupId()))
                : dispatcher);
    }

    @Override
    public boolean isSplitIterables() {
        return true;
    }
}
