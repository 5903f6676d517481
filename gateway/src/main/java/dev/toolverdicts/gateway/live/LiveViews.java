package dev.toolverdicts.gateway.live;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The fan-out of live streams at this gateway instance: one upstream subscription per view (tool or matchup
 * stream path), however many readers listen to it here. The first reader opens it, the last one to leave closes
 * it (so the upstream connection is freed at once), and every event the upstream sends is encoded once and written
 * to the readers in batches ({@link FanOut}). Idle readers get a heartbeat from here on their own schedule, spread
 * over the period, so a reader that went away is found by a failed write whatever the upstream does.
 */
final class LiveViews implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LiveViews.class);
    private static final int MAX_REFUSAL_BYTES = 16 * 1024;
    private static final int STRIPES = 64;

    /** What a reader gets: a view to join, or the upstream's own refusal (404 problem for an unknown slug). */
    record Opened(View view, Refusal refusal) {
    }

    /** The upstream's answer when it would not stream, relayed as it came. */
    record Refusal(int status, String contentType, byte[] body) {
    }

    /** One event as the upstream framed it (comments are not copied: each hop beats on its own). */
    record Event(String name, String id, String data) {
    }

    /** Someone listening to a view. */
    interface Listener {
        /** Writes one encoded frame ({@link SseFrames}); a reader that is gone leaves its view instead. */
        void send(byte[] frame);

        /** When this reader was last written to (System.nanoTime), so a busy stream gets no heartbeat. */
        long lastWrite();

        void end();
    }

    /** Heartbeats go out in this many slices over one period, not to every reader at the same instant. */
    private static final int HEARTBEAT_SLICES = 10;

    private final HttpClient http;
    private final Duration responseTimeout;
    private final Map<String, View> views = new ConcurrentHashMap<>();
    private final Object[] locks = new Object[STRIPES];
    private final ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor();
    private final FanOut fanOut = new FanOut(workers);
    private final long heartbeatNanos;
    private int slice;
    private final ScheduledExecutorService heartbeats = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("live-stream-heartbeat").daemon().factory());

    LiveViews(Duration connectTimeout, Duration responseTimeout, Duration heartbeat) {
        this.http = HttpClient.newBuilder().connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER).version(HttpClient.Version.HTTP_1_1).build();
        this.responseTimeout = responseTimeout;
        for (int i = 0; i < STRIPES; i++) {
            locks[i] = new Object();
        }
        this.heartbeatNanos = heartbeat.toNanos();
        long sliceMillis = Math.max(1, heartbeat.toMillis() / HEARTBEAT_SLICES);
        heartbeats.scheduleWithFixedDelay(this::beat, sliceMillis, sliceMillis, TimeUnit.MILLISECONDS);
    }

    /**
     * Reserves a place on the view at {@code path}, subscribing at the comparison-service {@code instance} if nobody
     * here listens to it yet. The caller must {@link View#join} or {@link View#release} the reservation. Throws when
     * the instance is unreachable.
     */
    Opened open(URI instance, String path) throws IOException {
        synchronized (lock(path)) {
            View view = views.get(path);
            if (view != null && view.reserve()) {
                return new Opened(view, null);
            }
            Opened opened = subscribe(instance, path);
            if (opened.view() != null) {
                views.put(path, opened.view());
                opened.view().reserve();
                workers.execute(opened.view()::pump);
            }
            return opened;
        }
    }

    /** Upstream subscriptions open here (one per view with readers). */
    int upstreamSubscriptions() {
        return views.size();
    }

    /** Readers listening here, over all views. */
    int listeners() {
        return views.values().stream().mapToInt(view -> view.listeners.size()).sum();
    }

    @Override
    public void close() {
        heartbeats.shutdownNow();
        views.values().forEach(View::shut);
        workers.shutdownNow();
    }

    private Opened subscribe(URI instance, String path) throws IOException {
        HttpRequest request = HttpRequest.newBuilder(instance.resolve(path)).timeout(responseTimeout)
                .header("Accept", "text/event-stream").GET().build();
        HttpResponse<InputStream> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while subscribing", e);
        }
        String contentType = response.headers().firstValue("Content-Type").orElse("");
        if (response.statusCode() != 200 || !contentType.startsWith("text/event-stream")) {
            try (InputStream body = response.body()) {
                return new Opened(null, new Refusal(response.statusCode(), contentType,
                        body.readNBytes(MAX_REFUSAL_BYTES)));
            }
        }
        BufferedReader reader = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8));
        Future<Event> first = workers.submit(() -> readEvent(reader));
        try {
            Event greeting = first.get(responseTimeout.toMillis(), TimeUnit.MILLISECONDS);
            if (greeting == null) {
                throw new IOException("the upstream ended the stream at once");
            }
            return new Opened(new View(path, response.body(), reader, greeting), null);
        } catch (TimeoutException e) {
            response.body().close();
            throw new java.net.http.HttpTimeoutException("no first event within " + responseTimeout);
        } catch (java.util.concurrent.ExecutionException e) {
            response.body().close();
            throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            response.body().close();
            throw new IOException("interrupted while subscribing", e);
        }
    }

    /** The next event of the stream, skipping comments; null at its end. */
    static Event readEvent(BufferedReader reader) throws IOException {
        String name = null;
        String id = null;
        List<String> data = new ArrayList<>();
        for (String line; (line = reader.readLine()) != null; ) {
            if (line.isEmpty()) {
                if (name != null || !data.isEmpty()) {
                    return new Event(name, id, data.isEmpty() ? null : String.join("\n", data));
                }
                continue;
            }
            if (line.startsWith(":")) {
                continue;
            }
            int colon = line.indexOf(':');
            String field = colon < 0 ? line : line.substring(0, colon);
            String value = colon < 0 ? "" : line.substring(colon + 1);
            if (value.startsWith(" ")) {
                value = value.substring(1);
            }
            switch (field) {
                case "event" -> name = value;
                case "id" -> id = value;
                case "data" -> data.add(value);
                default -> {
                    // retry and unknown fields are the upstream's own business
                }
            }
        }
        return null;
    }

    /**
     * One slice of the heartbeat: readers in this slice that were not written to for a period get a comment line.
     * A reader that went away is found by the write failing (the servlet container does not watch a held request's
     * socket), so a closed stream is freed within about two periods.
     */
    private void beat() {
        int current = slice;
        slice = (slice + 1) % HEARTBEAT_SLICES;
        // half a period: a reader beaten one period ago must be due again, whatever the scheduling jitter
        long idleSince = System.nanoTime() - heartbeatNanos / 2;
        List<Listener> due = new ArrayList<>();
        views.values().forEach(view -> view.listeners.forEach(listener -> {
            if (Math.floorMod(System.identityHashCode(listener), HEARTBEAT_SLICES) == current
                    && listener.lastWrite() - idleSince <= 0) {
                due.add(listener);
            }
        }));
        if (!due.isEmpty()) {
            fanOut.deliver(due, SseFrames.HEARTBEAT);
        }
    }

    private Object lock(String path) {
        return locks[Math.floorMod(path.hashCode(), STRIPES)];
    }

    /** One upstream subscription and the readers here that listen to it. */
    final class View {
        private final String path;
        private final InputStream body;
        private final BufferedReader reader;
        private final byte[] greeting;
        private final Set<Listener> listeners = ConcurrentHashMap.newKeySet();
        private int reservations;
        private volatile boolean shut;
        private volatile Thread pumping;

        private View(String path, InputStream body, BufferedReader reader, Event greeting) {
            this.path = path;
            this.body = body;
            this.reader = reader;
            this.greeting = SseFrames.encode(greeting);
        }

        /** Takes a reader in: it gets the upstream's greeting (its "subscribed" event), then every event. */
        void join(Listener listener) {
            boolean ended;
            synchronized (lock(path)) {
                ended = shut;
                if (!ended) {
                    listeners.add(listener);
                }
            }
            if (ended) {
                listener.end();
                release();
                return;
            }
            listener.send(greeting);
        }

        /** A reader left (or never joined): the last one out closes the upstream subscription. */
        void leave(Listener listener) {
            synchronized (lock(path)) {
                if (!listeners.remove(listener)) {
                    return;
                }
            }
            release();
        }

        void release() {
            synchronized (lock(path)) {
                reservations--;
                if (reservations > 0 || shut) {
                    return;
                }
                shut = true;
                views.remove(path, this);
            }
            closeUpstream();
        }

        private boolean reserve() {
            if (shut) {
                return false;
            }
            reservations++;
            return true;
        }

        private void pump() {
            pumping = Thread.currentThread();
            try {
                for (Event event; (event = readEvent(reader)) != null; ) {
                    fanOut.deliver(listeners, SseFrames.encode(event));
                }
            } catch (IOException | RuntimeException e) {
                if (!shut) {
                    LOG.info("live stream {} from upstream ended: {}", path, e.toString());
                }
            }
            shut();
        }

        private void shut() {
            List<Listener> left;
            synchronized (lock(path)) {
                shut = true;
                views.remove(path, this);
                left = List.copyOf(listeners);
            }
            closeUpstream();
            left.forEach(Listener::end);
        }

        /** Closes the upstream connection and wakes the reader blocked on it. */
        private void closeUpstream() {
            try {
                body.close();
            } catch (IOException ignored) {
                // closing is all that is left to do
            }
            Thread reading = pumping;
            if (reading != null && reading != Thread.currentThread()) {
                reading.interrupt();
            }
        }
    }
}
