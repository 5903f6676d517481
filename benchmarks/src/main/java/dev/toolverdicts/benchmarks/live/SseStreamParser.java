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

        /** False when only the events' names matter: data lines are then counted, not decoded (10,000 readers). */
        default boolean wantsData() {
            return true;
        }
    }

    private enum State { HEAD, CHUNK_SIZE, CHUNK_DATA, CHUNK_END, IDENTITY, DONE }

    private static final int MAX_LINE = 1 << 20;

    private final Listener listener;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream(128);
    private byte[] text = new byte[256];
    private int textLength;
    private final boolean wantsData;
    private final StringBuilder head = new StringBuilder();
    private State state = State.HEAD;
    private long chunkLeft;
    private String eventName;
    private StringBuilder data;

    public SseStreamParser(Listener listener) {
        this.listener = listener;
        this.wantsData = listener.wantsData();
    }

    /** Consumes every remaining byte of the buffer. */
    public void feed(ByteBuffer bytes) {
        while (bytes.hasRemaining() && state != State.DONE) {
            switch (state) {
                case HEAD -> readHead(bytes);
                case CHUNK_SIZE -> readChunkSize(bytes);
                case CHUNK_DATA -> {
                    int n = (int) Math.min(chunkLeft, bytes.remaining());
                    body(bytes, n);
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
                case IDENTITY -> body(bytes, bytes.remaining());
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

    /** The next n bytes of the event stream: whole lines go to {@link #line(int)}, the rest waits for more. */
    private void body(ByteBuffer bytes, int n) {
        int end = bytes.position() + n;
        while (bytes.position() < end) {
            int from = bytes.position();
            int newline = -1;
            for (int i = from; i < end; i++) {
                if (bytes.get(i) == '\n') {
                    newline = i;
                    break;
                }
            }
            int upTo = newline < 0 ? end : newline;
            int length = upTo - from;
            if (textLength + length > text.length && textLength + length <= MAX_LINE) {
                text = java.util.Arrays.copyOf(text, Math.max(text.length * 2, textLength + length));
            }
            int kept = Math.min(length, text.length - textLength);
            bytes.get(from, text, textLength, kept);
            textLength += kept;
            bytes.position(upTo);
            if (newline >= 0) {
                bytes.position(newline + 1);
                int lineLength = textLength > 0 && text[textLength - 1] == '\r' ? textLength - 1 : textLength;
                textLength = 0;
                line(lineLength);
            }
        }
    }

    private void line(int length) {
        if (!wantsData && length >= 5 && text[0] == 'd' && text[1] == 'a' && text[2] == 't' && text[3] == 'a'
                && text[4] == ':') {
            if (data == null) {
                data = new StringBuilder();
            }
            return;
        }
        field(new String(text, 0, length, StandardCharsets.UTF_8));
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
