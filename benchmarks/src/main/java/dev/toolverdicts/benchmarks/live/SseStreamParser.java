package dev.toolverdicts.benchmarks.live;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Reads one HTTP/1.1 server-sent-event response as it arrives, in pieces of any size: the response head (status,
 * chunked or not), the chunked framing, then the event stream's lines. Each complete event (and each comment, the
 * heartbeats) is handed to the {@link Listener} as soon as its closing blank line arrives. One parser per connection,
 * fed from a non-blocking socket, so it keeps only the bytes of an unfinished line.
 */
public final class SseStreamParser {

    /** What the stream said. */
    public interface Listener {
        void head(int status);

        void event(String name, String data);

        default void comment() {
        }
    }

    private enum State { HEAD, CHUNK_SIZE, CHUNK_DATA, CHUNK_END, IDENTITY, DONE }

    private static final int MAX_LINE = 1 << 20;

    private final Listener listener;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream(128);
    private final StringBuilder head = new StringBuilder();
    private State state = State.HEAD;
    private long chunkLeft;
    private String eventName;
    private StringBuilder data;

    public SseStreamParser(Listener listener) {
        this.listener = listener;
    }

    /** Consumes every remaining byte of the buffer. */
    public void feed(ByteBuffer bytes) {
        while (bytes.hasRemaining() && state != State.DONE) {
            switch (state) {
                case HEAD -> readHead(bytes);
                case CHUNK_SIZE -> readChunkSize(bytes);
                case CHUNK_DATA -> {
                    int n = (int) Math.min(chunkLeft, bytes.remaining());
                    for (int i = 0; i < n; i++) {
                        body(bytes.get());
                    }
                    chunkLeft -= n;
                    if (chunkLeft == 0) {
                        state = State.CHUNK_END;
                    }
                }
                case CHUNK_END -> {
                    if (bytes.get() == '\n') {
                        state = State.CHUNK_SIZE;
                    }
                }
                case IDENTITY -> body(bytes.get());
                default -> bytes.position(bytes.limit());
            }
        }
    }

    /** True once the response's last chunk arrived (the server ended the stream). */
    public boolean ended() {
        return state == State.DONE;
    }

    private void readHead(ByteBuffer bytes) {
        while (bytes.hasRemaining()) {
            head.append((char) (bytes.get() & 0xff));
            int n = head.length();
            if (n >= 4 && head.charAt(n - 1) == '\n' && head.charAt(n - 2) == '\r' && head.charAt(n - 3) == '\n'
                    && head.charAt(n - 4) == '\r') {
                String text = head.toString();
                String[] statusLine = text.substring(0, text.indexOf('\r')).split(" ");
                int status = statusLine.length > 1 ? Integer.parseInt(statusLine[1]) : 0;
                state = text.toLowerCase(Locale.ROOT).contains("\r\ntransfer-encoding: chunked") ? State.CHUNK_SIZE
                        : State.IDENTITY;
                head.setLength(0);
                listener.head(status);
                return;
            }
        }
    }

    private void readChunkSize(ByteBuffer bytes) {
        while (bytes.hasRemaining()) {
            byte b = bytes.get();
            if (b == '\n') {
                String size = line.toString(StandardCharsets.US_ASCII).strip();
                line.reset();
                int extension = size.indexOf(';');
                chunkLeft = Long.parseLong(extension < 0 ? size : size.substring(0, extension), 16);
                state = chunkLeft == 0 ? State.DONE : State.CHUNK_DATA;
                return;
            }
            line.write(b);
        }
    }

    private void body(byte b) {
        if (b != '\n') {
            if (line.size() < MAX_LINE) {
                line.write(b);
            }
            return;
        }
        byte[] raw = line.toByteArray();
        int length = raw.length > 0 && raw[raw.length - 1] == '\r' ? raw.length - 1 : raw.length;
        String text = new String(raw, 0, length, StandardCharsets.UTF_8);
        line.reset();
        field(text);
    }

    private void field(String text) {
        if (text.isEmpty()) {
            if (eventName != null || data != null) {
                listener.event(eventName == null ? "message" : eventName, data == null ? "" : data.toString());
            }
            eventName = null;
            data = null;
            return;
        }
        if (text.charAt(0) == ':') {
            listener.comment();
            return;
        }
        int colon = text.indexOf(':');
        String name = colon < 0 ? text : text.substring(0, colon);
        String value = colon < 0 ? "" : text.substring(colon + 1);
        if (value.startsWith(" ")) {
            value = value.substring(1);
        }
        switch (name) {
            case "event" -> eventName = value;
            case "data" -> {
                if (data == null) {
                    data = new StringBuilder(value);
                } else {
                    data.append('\n').append(value);
                }
            }
            default -> {
                // id and retry are the browser's business
            }
        }
    }
}
