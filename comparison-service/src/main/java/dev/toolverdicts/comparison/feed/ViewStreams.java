package dev.toolverdicts.comparison.feed;

import dev.toolverdicts.events.comparison.ViewChangedEvent;
import dev.toolverdicts.events.comparison.ViewChangedEvent.Kind;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The open server-sent-event streams of live pages, by view. Changes are pushed after their transaction commits, on
 * virtual threads of their own, so a slow browser never holds up the projection. Every stream gets a heartbeat
 * comment ({@code comparison.streams.heartbeat}, 5 s by default): a reader that went away is found by the failed
 * write and its stream freed, instead of being held until a change happens to come. Its readers are mostly gateways
 * (one stream per view each), so a gateway whose last reader of a view left frees it here within about 10 s.
 */
@Component
public class ViewStreams implements DisposableBean {

    static final String SUBSCRIBED = "subscribed";
    static final String VIEW_CHANGED = "view-changed";
    private static final Duration TIMEOUT = Duration.ofMinutes(30);

    private final Map<String, Set<SseEmitter>> byView = new ConcurrentHashMap<>();
    private final ExecutorService senders = Executors.newVirtualThreadPerTaskExecutor();
    private final ScheduledExecutorService heartbeats = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("view-stream-heartbeat").daemon().factory());

    ViewStreams(@Value("${comparison.streams.heartbeat:5s}") Duration heartbeat, MeterRegistry meters) {
        heartbeats.scheduleWithFixedDelay(this::beat, heartbeat.toMillis(), heartbeat.toMillis(),
                TimeUnit.MILLISECONDS);
        Gauge.builder("comparison.streams.open", this, ViewStreams::open)
                .description("live-page streams open on this instance").register(meters);
    }

    public SseEmitter open(Kind kind, String slug) throws IOException {
        String view = key(kind, slug);
        SseEmitter emitter = new SseEmitter(TIMEOUT.toMillis());
        Set<SseEmitter> emitters = byView.computeIfAbsent(view, k -> new CopyOnWriteArraySet<>());
        emitters.add(emitter);
        Runnable remove = () -> emitters.remove(emitter);
        emitter.onCompletion(remove);
        emitter.onTimeout(remove);
        emitter.onError(failure -> remove.run());
        emitter.send(SseEmitter.event().name(SUBSCRIBED).data(Map.of("kind", kind, "slug", slug)));
        return emitter;
    }

    /** How many streams are open on this instance. */
    public int open() {
        return byView.values().stream().mapToInt(Set::size).sum();
    }

    /** Pushes each change to the streams open on its view. */
    public void publish(List<ViewChangedEvent> changes) {
        for (ViewChangedEvent change : changes) {
            Set<SseEmitter> emitters = byView.get(key(change.kind(), change.slug()));
            if (emitters == null || emitters.isEmpty()) {
                continue;
            }
            for (SseEmitter emitter : emitters) {
                senders.execute(() -> send(emitter, emitters,
                        SseEmitter.event().name(VIEW_CHANGED).id(change.changedAt().toString()).data(change)));
            }
        }
    }

    @Override
    public void destroy() {
        heartbeats.shutdownNow();
        byView.values().forEach(emitters -> emitters.forEach(SseEmitter::complete));
        senders.shutdownNow();
    }

    private void beat() {
        byView.values().forEach(emitters -> emitters.forEach(emitter ->
                senders.execute(() -> send(emitter, emitters, SseEmitter.event().comment("")))));
    }

    private static void send(SseEmitter emitter, Set<SseEmitter> emitters, SseEmitter.SseEventBuilder event) {
        synchronized (emitter) {
            try {
                emitter.send(event);
            } catch (IOException | IllegalStateException gone) {
                emitters.remove(emitter);
                emitter.completeWithError(gone);
            }
        }
    }

    private static String key(Kind kind, String slug) {
        return kind + ":" + slug;
    }
}
