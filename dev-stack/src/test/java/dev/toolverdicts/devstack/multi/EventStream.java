package dev.toolverdicts.devstack.multi;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** One open server-sent-event stream read on a raw socket, as a live page holds it; records the event names. */
final class EventStream implements AutoCloseable {

    private final Socket socket;
    private final List<String> events = new CopyOnWriteArrayList<>();
    private volatile String status = "";

    EventStream(int port, String path) throws IOException {
        socket = new Socket(InetAddress.getLoopbackAddress(), port);
        OutputStream out = socket.getOutputStream();
        out.write(("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nAccept: text/event-stream\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        out.flush();
        Thread.ofVirtual().name("sse-" + port).start(this::read);
    }

    private void read() {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                StandardCharsets.UTF_8))) {
            status = lines.readLine();
            for (String line; (line = lines.readLine()) != null; ) {
                if (line.startsWith("event:")) {
                    events.add(line.substring("event:".length()).trim());
                }
            }
        } catch (IOException closed) {
            // the test closed it, or the server went away: what was read stays
        }
    }

    boolean subscribed() {
        return events.contains("subscribed");
    }

    /** Events other than the greeting, i.e. changes. */
    long changes() {
        return events.stream().filter(name -> !name.equals("subscribed")).count();
    }

    String statusLine() {
        return status;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
