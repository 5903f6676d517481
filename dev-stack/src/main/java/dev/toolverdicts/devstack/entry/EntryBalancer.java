package dev.toolverdicts.devstack.entry;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import dev.toolverdicts.devstack.Part;

/**
 * The dev stack's one public port in front of several gateways: a TCP balancer that hands each new connection to
 * the next gateway in turn (round-robin), skipping one that refuses the connection, and copies bytes both ways on
 * virtual threads, passing a half-close on (one side's end of output ends the other's) so HTTP/1.1 keep-alive, SSE
 * and a client that shuts down its sending side all behave as without it.
 * <p>
 * Why a Java balancer and not nginx or HAProxy from Debian: the launcher needs nothing but a JDK (CI machines and
 * laptops would otherwise need {@code apt-get install}), it starts and stops with the stack, and the gateway is
 * where HTTP is understood anyway. Why TCP and not HTTP: no header rewriting, streams pass untouched. The one
 * thing a TCP proxy loses is the client's address, which the gateway's per-address limits use: for a loopback
 * client (any 127.x.y.z, as the benchmarks and tests use) the connection to the gateway is made from that same
 * address, so the gateway sees the real client; other clients appear as 127.0.0.1.
 */
public final class EntryBalancer implements Part {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(1);
    private static final InetAddress IPV4_LOOPBACK = InetAddress.getLoopbackAddress();

    private final int port;
    private final List<Integer> backends;
    private final Path log;
    private final AtomicInteger next = new AtomicInteger();
    private final AtomicLong connections = new AtomicLong();
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private volatile ServerSocket server;
    private volatile String failure;

    public EntryBalancer(int port, List<Integer> backends, Path log) {
        if (backends.isEmpty()) {
            throw new IllegalArgumentException("a balancer needs at least one backend");
        }
        this.port = port;
        this.backends = List.copyOf(backends);
        this.log = log;
    }

    @Override
    public String name() {
        return "entry";
    }

    @Override
    public List<Integer> ports() {
        return List.of(port);
    }

    @Override
    public void start() throws IOException {
        Files.createDirectories(log.getParent());
        Files.writeString(log, "");
        ServerSocket socket = new ServerSocket();
        socket.setReuseAddress(true);
        socket.bind(new InetSocketAddress(port), 512);
        server = socket;
        note("listening on " + port + ", round-robin over gateways on " + backends);
        Thread.ofVirtual().name("entry-accept").start(this::accept);
    }

    /** Connections handed to a gateway since the start. */
    public long connections() {
        return connections.get();
    }

    public List<Integer> backends() {
        return backends;
    }

    private void accept() {
        ServerSocket socket = server;
        while (!socket.isClosed()) {
            try {
                Socket client = socket.accept();
                Thread.ofVirtual().name("entry-conn").start(() -> serve(client));
            } catch (IOException e) {
                if (!socket.isClosed()) {
                    failure = "accept failed: " + e;
                    note(failure);
                    close(socket);
                }
            }
        }
    }

    private void serve(Socket client) {
        open.add(client);
        int first = Math.floorMod(next.getAndIncrement(), backends.size());
        for (int i = 0; i < backends.size(); i++) {
            int backend = backends.get((first + i) % backends.size());
            Socket upstream = new Socket();
            try {
                InetAddress from = client.getInetAddress();
                InetAddress to = IPV4_LOOPBACK;
                if (from.isLoopbackAddress()) {
                    upstream.bind(new InetSocketAddress(from, 0));
                    to = from instanceof Inet6Address ? from : IPV4_LOOPBACK;
                }
                upstream.connect(new InetSocketAddress(to, backend), (int) CONNECT_TIMEOUT.toMillis());
            } catch (IOException e) {
                close(upstream);
                note("gateway on " + backend + " refused a connection (" + e.getMessage() + "); trying the next");
                continue;
            }
            connections.incrementAndGet();
            pipe(client, upstream);
            return;
        }
        note("no gateway accepted a connection; closing the client's");
        open.remove(client);
        close(client);
    }

    private void pipe(Socket client, Socket upstream) {
        open.add(upstream);
        Thread up = Thread.ofVirtual().name("entry-up").start(() -> copy(client, upstream));
        copy(upstream, client);
        try {
            up.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        open.remove(client);
        open.remove(upstream);
        close(client);
        close(upstream);
    }

    /** Copies until {@code from} ends its output, then ends {@code to}'s; on a reset, closes both. */
    private void copy(Socket from, Socket to) {
        try {
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            in.transferTo(out);
            to.shutdownOutput();
        } catch (IOException e) {
            close(from);
            close(to);
        }
    }

    @Override
    public boolean isReady() {
        ServerSocket socket = server;
        return socket != null && socket.isBound() && !socket.isClosed();
    }

    @Override
    public Optional<String> failure() {
        return Optional.ofNullable(failure);
    }

    @Override
    public void stop(Duration grace) {
        ServerSocket socket = server;
        if (socket != null) {
            close(socket);
        }
        open.forEach(EntryBalancer::close);
        open.clear();
    }

    @Override
    public Path log() {
        return log;
    }

    @Override
    public List<ProcessHandle> processes() {
        return List.of();
    }

    @Override
    public String address() {
        return "http://localhost:" + port + " -> gateways " + backends;
    }

    private synchronized void note(String line) {
        try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(log, StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND))) {
            out.println(Instant.now() + " " + line);
        } catch (IOException ignored) {
            // the log is for people; the balancer works without it
        }
    }

    private static void close(java.io.Closeable closeable) {
        try {
            closeable.close();
        } catch (IOException ignored) {
            // already closed or reset: nothing left to release
        }
    }
}
