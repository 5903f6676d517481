package dev.toolverdicts.benchmarks.live;

import dev.toolverdicts.benchmarks.http.SourceAddresses;
import dev.toolverdicts.benchmarks.load.Latency;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;

/**
 * Many live-page readers on one thread: non-blocking sockets from many loopback source addresses, each sending
 * {@code GET <path>} with {@code Accept: text/event-stream} and parsing what comes back ({@link SseStreamParser}).
 * A reader counts as open once its response head is a 200 and its first event arrived. After {@link #changeSent} each
 * reader records, at its first {@code view-changed} event, how long after the change was sent it arrived, so the
 * percentiles are over every stream and include this client's own time to get to each socket (conservative).
 */
public final class LiveStreamClients implements AutoCloseable {

    private static final int MAX_CONNECTING = 256;

    private final InetSocketAddress gateway;
    private final byte[] request;
    private final SourceAddresses sources;
    private final int perAddress;
    private final Selector selector;
    private final Thread loop;
    private final ByteBuffer buffer = ByteBuffer.allocateDirect(64 * 1024);
    private final List<Reader> readers = new ArrayList<>();
    private final ConcurrentLinkedQueue<Runnable> commands = new ConcurrentLinkedQueue<>();
    private final AtomicInteger toOpen = new AtomicInteger();
    private final AtomicInteger connecting = new AtomicInteger();
    private final AtomicInteger open = new AtomicInteger();
    private final AtomicInteger failedToOpen = new AtomicInteger();
    private final AtomicInteger endedByServer = new AtomicInteger();
    private final Map<Integer, AtomicInteger> statuses = new TreeMap<>();
    private final AtomicLong heartbeats = new AtomicLong();
    private final Histogram arrivals = Latency.newHistogram();
    private final AtomicInteger arrived = new AtomicInteger();
    private volatile long firstArrivalMicros;
    private volatile long lastArrivalMicros;
    private volatile int change;
    private volatile long changeSentAt;
    private volatile boolean running = true;
    private InetSocketAddress source;
    private int onSource;

    public LiveStreamClients(int gatewayPort, String path, SourceAddresses sources, int perAddress) throws IOException {
        this.gateway = new InetSocketAddress("127.0.0.1", gatewayPort);
        this.request = ("GET " + path + " HTTP/1.1\r\nHost: localhost:" + gatewayPort + "\r\n"
                + "Accept: text/event-stream\r\nCache-Control: no-cache\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        this.sources = sources;
        this.perAddress = perAddress;
        this.selector = Selector.open();
        this.loop = Thread.ofPlatform().name("live-stream-clients").daemon().start(this::run);
    }

    /** Asks for n more streams; they open in the background, at most 256 handshakes at a time. */
    public void open(int n) {
        toOpen.addAndGet(n);
        selector.wakeup();
    }

    public int opened() {
        return open.get();
    }

    /** Streams that could not be opened (refused status, connection failure) or were closed before their first event. */
    public int failedToOpen() {
        return failedToOpen.get();
    }

    /** Streams the server ended after they were open. */
    public int endedByServer() {
        return endedByServer.get();
    }

    public boolean opening() {
        return toOpen.get() > 0 || connecting.get() > 0;
    }

    public synchronized Map<Integer, Integer> statuses() {
        Map<Integer, Integer> copy = new TreeMap<>();
        statuses.forEach((status, count) -> copy.put(status, count.get()));
        return copy;
    }

    public long heartbeats() {
        return heartbeats.get();
    }

    /** A change was just sent (System.nanoTime): every open stream's next view-changed event is timed from it. */
    public void changeSent(long sentAt) {
        arrived.set(0);
        firstArrivalMicros = 0;
        lastArrivalMicros = 0;
        changeSentAt = sentAt;
        change++;
    }

    /** Open streams that have had the current change. */
    public int arrived() {
        return arrived.get();
    }

    /**
     * The current change's first and latest arrival (ms after it was sent): the first is the pipeline up to the
     * gateway (vote, outbox, Kafka, view, upstream stream), the spread to the latest is the fan-out.
     */
    public double[] firstAndLastArrivalMs() {
        return new double[] {firstArrivalMicros / 1000.0, lastArrivalMicros / 1000.0};
    }

    /** Forgets the arrivals so far (after a warm-up change). */
    public void resetArrivals() {
        synchronized (arrivals) {
            arrivals.reset();
        }
    }

    /** Arrival latency over every stream and every change so far. */
    public Latency arrivals() {
        synchronized (arrivals) {
            return Latency.of(arrivals);
        }
    }

    /** Closes every stream's socket (as readers leaving the page), on the client thread; returns when done. */
    public void closeAll() throws InterruptedException {
        Object done = new Object();
        boolean[] finished = {false};
        commands.add(() -> {
            for (Reader reader : readers) {
                reader.close();
            }
            readers.clear();
            open.set(0);
            synchronized (done) {
                finished[0] = true;
                done.notifyAll();
            }
        });
        selector.wakeup();
        synchronized (done) {
            while (!finished[0]) {
                done.wait();
            }
        }
    }

    @Override
    public void close() throws IOException {
        running = false;
        selector.wakeup();
        try {
            loop.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (Reader reader : readers) {
            reader.close();
        }
        selector.close();
    }

    private void run() {
        try {
            while (running) {
                for (Runnable command; (command = commands.poll()) != null; ) {
                    command.run();
                }
                startConnections();
                selector.select(100);
                for (SelectionKey key : selector.selectedKeys()) {
                    Reader reader = (Reader) key.attachment();
                    if (!key.isValid()) {
                        continue;
                    }
                    if (key.isConnectable()) {
                        reader.connected();
                    } else if (key.isReadable()) {
                        reader.read();
                    }
                }
                selector.selectedKeys().clear();
            }
        } catch (IOException | RuntimeException e) {
            System.out.println("  live stream client loop failed: " + e);
        }
    }

    private void startConnections() {
        while (toOpen.get() > 0 && connecting.get() < MAX_CONNECTING) {
            toOpen.decrementAndGet();
            connecting.incrementAndGet();
            Reader reader = new Reader();
            readers.add(reader);
            try {
                if (source == null || onSource >= perAddress) {
                    source = new InetSocketAddress(sources.next(), 0);
                    onSource = 0;
                }
                onSource++;
                SocketChannel channel = SocketChannel.open();
                channel.configureBlocking(false);
                channel.bind(source);
                reader.channel = channel;
                reader.key = channel.register(selector, SelectionKey.OP_CONNECT, reader);
                if (channel.connect(gateway)) {
                    reader.connected();
                }
            } catch (IOException e) {
                reader.failed();
            }
        }
    }

    private synchronized void status(int status) {
        statuses.computeIfAbsent(status, s -> new AtomicInteger()).incrementAndGet();
    }

    /** One stream: its socket, its parser, and where it is in its life. */
    private final class Reader implements SseStreamParser.Listener {
        private SocketChannel channel;
        private SelectionKey key;
        private final SseStreamParser parser = new SseStreamParser(this);
        private boolean isOpen;
        private boolean done;
        private int timedChange;

        void connected() {
            try {
                channel.finishConnect();
                ByteBuffer out = ByteBuffer.wrap(request);
                while (out.hasRemaining()) {
                    if (channel.write(out) == 0) {
                        Thread.onSpinWait();
                    }
                }
                key.interestOps(SelectionKey.OP_READ);
            } catch (IOException e) {
                failed();
            }
        }

        void read() {
            try {
                buffer.clear();
                int n = channel.read(buffer);
                if (n < 0) {
                    ended();
                    return;
                }
                buffer.flip();
                parser.feed(buffer);
                if (parser.ended()) {
                    ended();
                }
            } catch (IOException | RuntimeException e) {
                ended();
            }
        }

        @Override
        public void head(int status) {
            status(status);
            if (status != 200) {
                failed();
            }
        }

        @Override
        public void event(String name, String data) {
            if (!isOpen) {
                isOpen = true;
                connecting.decrementAndGet();
                open.incrementAndGet();
                timedChange = change;
                return;
            }
            if ("view-changed".equals(name) && timedChange != change) {
                timedChange = change;
                long micros = Math.max(1, (System.nanoTime() - changeSentAt) / 1_000);
                synchronized (arrivals) {
                    arrivals.recordValue(Math.min(micros, arrivals.getHighestTrackableValue()));
                }
                if (firstArrivalMicros == 0) {
                    firstArrivalMicros = micros;
                }
                lastArrivalMicros = micros;
                arrived.incrementAndGet();
            }
        }

        @Override
        public void comment() {
            heartbeats.incrementAndGet();
        }

        @Override
        public boolean wantsData() {
            return false;
        }

        void failed() {
            if (!done && !isOpen) {
                connecting.decrementAndGet();
                failedToOpen.incrementAndGet();
            }
            close();
        }

        void ended() {
            if (isOpen && !done) {
                open.decrementAndGet();
                endedByServer.incrementAndGet();
                close();
            } else {
                failed();
            }
        }

        void close() {
            if (done) {
                return;
            }
            done = true;
            try {
                if (channel != null) {
                    channel.close();
                }
            } catch (IOException ignored) {
                // closing is all there is to do
            }
        }
    }
}
