package dev.toolverdicts.devstack.entry;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The entry balancer on real sockets: connections go to the backends in turn, one that refuses is skipped, a
 * half-close reaches the backend (which answers after the client's end of input), and the backend sees the client's
 * own loopback address.
 */
class EntryBalancerTest {

    private final List<Backend> backends = new ArrayList<>();
    private EntryBalancer balancer;

    @AfterEach
    void stop() {
        if (balancer != null) {
            balancer.stop(Duration.ZERO);
        }
        backends.forEach(Backend::close);
    }

    @Test
    void connectionsTakeTheGatewaysInTurnAndSkipOneThatIsDown() throws Exception {
        Backend first = backend("first");
        Backend second = backend("second");
        start(first, second);

        assertThat(List.of(exchange("a"), exchange("b"), exchange("c"), exchange("d")))
                .containsExactly("first:a", "second:b", "first:c", "second:d");

        second.close();
        assertThat(List.of(exchange("e"), exchange("f"), exchange("g"))).containsOnly("first:e", "first:f", "first:g");
        assertThat(balancer.isReady()).isTrue();
    }

    @Test
    void theBackendSeesTheClientsOwnLoopbackAddress() throws Exception {
        Backend only = backend("only");
        start(only);

        try (Socket client = new Socket()) {
            client.bind(new InetSocketAddress(InetAddress.getByName("127.0.3.4"), 0));
            client.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), balancer.ports().getFirst()));
            client.getOutputStream().write("x".getBytes(StandardCharsets.US_ASCII));
            client.shutdownOutput();
            assertThat(new String(client.getInputStream().readAllBytes(), StandardCharsets.US_ASCII))
                    .isEqualTo("only:x");
        }
        assertThat(only.peers).containsExactly("127.0.3.4");
    }

    /** Sends {@code text}, half-closes, and reads the whole answer (the backend answers only after end of input). */
    private String exchange(String text) throws IOException {
        try (Socket client = new Socket(InetAddress.getLoopbackAddress(), balancer.ports().getFirst())) {
            client.setSoTimeout(5_000);
            client.getOutputStream().write(text.getBytes(StandardCharsets.US_ASCII));
            client.shutdownOutput();
            return new String(client.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
        }
    }

    private void start(Backend... targets) throws IOException {
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        Path log = Files.createTempDirectory("entry").resolve("entry.log");
        balancer = new EntryBalancer(port, List.of(targets).stream().map(b -> b.port).toList(), log);
        balancer.start();
    }

    private Backend backend(String name) throws IOException {
        Backend backend = new Backend(name);
        backends.add(backend);
        return backend;
    }

    /** Reads everything until the client's end of output, then answers "name:what-it-read" and closes. */
    private static final class Backend {
        final int port;
        final List<String> peers = new java.util.concurrent.CopyOnWriteArrayList<>();
        private final ServerSocket server;
        private final Thread acceptor;

        Backend(String name) throws IOException {
            server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            port = server.getLocalPort();
            acceptor = Thread.ofVirtual().start(() -> {
                while (!server.isClosed()) {
                    try (Socket socket = server.accept()) {
                        peers.add(socket.getInetAddress().getHostAddress());
                        InputStream in = socket.getInputStream();
                        String read = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
                        OutputStream out = socket.getOutputStream();
                        out.write((name + ":" + read).getBytes(StandardCharsets.US_ASCII));
                    } catch (IOException closed) {
                        // the test closed the backend
                    }
                }
            });
        }

        /**
         * Closes the listening socket and waits for the accepting thread to leave: the JDK defers the real close of
         * a socket a thread is blocked on until that thread wakes, and until then the port still accepts (a CI run
         * saw the balancer connect to a "closed" backend and get an empty answer).
         */
        void close() {
            try {
                server.close();
            } catch (IOException ignored) {
                // closing twice is fine
            }
            try {
                if (!acceptor.join(Duration.ofSeconds(5))) {
                    throw new IllegalStateException("backend " + port + " still accepting 5 s after close");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
