package dev.toolverdicts.benchmarks.scenario;

import dev.toolverdicts.benchmarks.http.HttpConnection;
import dev.toolverdicts.benchmarks.http.HttpResponse;
import dev.toolverdicts.benchmarks.http.RawRequest;
import dev.toolverdicts.benchmarks.load.Latency;
import dev.toolverdicts.benchmarks.stack.StackPorts;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.HdrHistogram.Histogram;

/**
 * Watches one tool's comparison view the way a live page does: subscribes to its server-sent events and re-reads
 * the view on each one; a vote is visible once the view's {@code communityVersion} reaches the tally version the
 * vote's response carried. Without an event for 250 ms it re-reads anyway (counted, so a silent feed shows).
 */
final class ViewWatcher implements AutoCloseable {

    private static final Pattern COMMUNITY_VERSION = Pattern.compile("\"communityVersion\"\\s*:\\s*(\\d+)");

    private final String slug;
    private final Semaphore changed = new Semaphore(0);
    private final ConcurrentSkipListMap<Long, Long> pending = new ConcurrentSkipListMap<>();
    private final Histogram freshness = Latency.newHistogram();
    private final AtomicLong events = new AtomicLong();
    private final AtomicLong rereadsWithoutEvent = new AtomicLong();
    private volatile long visibleVersion = -1;
    private volatile boolean open = true;
    private final Socket stream;
    private final Thread reader;
    private final Thread checker;

    ViewWatcher(String slug) throws IOException {
        this.slug = slug;
        this.stream = new Socket(InetAddress.getLoopbackAddress(), StackPorts.COMPARISON);
        OutputStream out = stream.getOutputStream();
        out.write(("GET /api/comparisons/tools/" + slug + "/stream HTTP/1.1\r\nHost: localhost\r\n"
                + "Accept: text/event-stream\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        this.reader = Thread.ofPlatform().daemon().name("sse-" + slug).start(this::readEvents);
        this.checker = Thread.ofPlatform().daemon().name("view-" + slug).start(this::checkViews);
    }

    /** An accepted vote produced this tally version at this time (System.nanoTime). */
    void expect(long version, long acceptedAt) {
        if (version <= visibleVersion) {
            synchronized (freshness) {
                freshness.recordValue(Math.max(1, (System.nanoTime() - acceptedAt) / 1_000));
            }
            return;
        }
        // votes committed in one batch share a version: time them all from the earliest accepted one
        pending.merge(version, acceptedAt, Math::min);
        changed.release();
    }

    /** Waits until every expected version is visible, then returns and resets the freshness percentiles. */
    Latency drain(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!pending.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        synchronized (freshness) {
            Latency latency = Latency.of(freshness);
            freshness.reset();
            return latency;
        }
    }

    int stillInvisible() {
        return pending.size();
    }

    long events() {
        return events.get();
    }

    long rereadsWithoutEvent() {
        return rereadsWithoutEvent.get();
    }

    private void readEvents() {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(stream.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while (open && (line = lines.readLine()) != null) {
                if (line.startsWith("event:") && !line.contains("subscribed")) {
                    events.incrementAndGet();
                    changed.release();
                }
            }
        } catch (IOException closed) {
            open = false;
        }
    }

    private void checkViews() {
        byte[] read = RawRequest.get("/api/comparisons/tools/" + slug).bytes();
        HttpConnection connection = null;
        while (open) {
            try {
                boolean signalled = changed.tryAcquire(250, TimeUnit.MILLISECONDS);
                changed.drainPermits();
                if (pending.isEmpty()) {
                    continue;
                }
                if (!signalled) {
                    rereadsWithoutEvent.incrementAndGet();
                }
                if (connection == null) {
                    connection = HttpConnection.open(StackPorts.COMPARISON, null);
                }
                HttpResponse view = connection.exchange(read);
                long now = System.nanoTime();
                Matcher matcher = COMMUNITY_VERSION.matcher(HttpConnection.text(view));
                if (matcher.find()) {
                    long version = Long.parseLong(matcher.group(1));
                    visibleVersion = Math.max(visibleVersion, version);
                    Map<Long, Long> visible = pending.headMap(version, true);
                    synchronized (freshness) {
                        visible.values().forEach(at -> freshness.recordValue(Math.max(1, (now - at) / 1_000)));
                    }
                    visible.clear();
                }
            } catch (InterruptedException e) {
                return;
            } catch (IOException e) {
                if (connection != null) {
                    connection.close();
                }
                connection = null;
            }
        }
        if (connection != null) {
            connection.close();
        }
    }

    @Override
    public void close() {
        open = false;
        try {
            stream.close();
        } catch (IOException ignored) {
            open = false;
        }
        checker.interrupt();
        reader.interrupt();
    }
}
