package dev.toolverdicts.gateway.live;

import java.nio.charset.StandardCharsets;

/**
 * Server-sent events as the bytes written to readers. A change is encoded once for all of a view's readers, not once
 * per reader (at 10,000 readers that was 10,000 builders and string copies per change).
 */
final class SseFrames {

    /** An empty comment line: keeps proxies from timing the stream out and finds readers that went away. */
    static final byte[] HEARTBEAT = ":\n\n".getBytes(StandardCharsets.US_ASCII);

    private SseFrames() {
    }

    static byte[] encode(LiveViews.Event event) {
        StringBuilder frame = new StringBuilder(64 + (event.data() == null ? 0 : event.data().length()));
        if (event.id() != null && !event.id().isEmpty()) {
            frame.append("id:").append(singleLine(event.id())).append('\n');
        }
        if (event.name() != null && !event.name().isEmpty()) {
            frame.append("event:").append(singleLine(event.name())).append('\n');
        }
        if (event.data() != null) {
            for (String line : event.data().split("\n", -1)) {
                frame.append("data:").append(line).append('\n');
            }
        } else {
            frame.append("data:\n");
        }
        return frame.append('\n').toString().getBytes(StandardCharsets.UTF_8);
    }

    // a line break in an id or name would start a field of its own
    private static String singleLine(String value) {
        return value.replace('\n', ' ').replace('\r', ' ');
    }
}
