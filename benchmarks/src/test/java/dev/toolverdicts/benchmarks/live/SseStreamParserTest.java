package dev.toolverdicts.benchmarks.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The stream parser finds the same events however the bytes are split across reads. */
class SseStreamParserTest {

    private static final String CHUNKED = "HTTP/1.1 200 \r\nContent-Type: text/event-stream\r\n"
            + "Transfer-Encoding: chunked\r\n\r\n"
            + chunk("event:subscribed\ndata:{\"slug\":\"smolvlm-3b\"}\n\n")
            + chunk(":\n\n")
            + chunk("id:2026-12-03T10:00:00Z\nevent:view-changed\ndata:{\"a\":1,\n") + chunk("data:\"b\":\"é\"}\n\n")
            + "0\r\n\r\n";

    @Test
    void aChunkedStreamSplitAtEveryByteGivesTheSameEvents() {
        for (int piece = 1; piece <= CHUNKED.length(); piece++) {
            Recorder recorder = new Recorder();
            SseStreamParser parser = new SseStreamParser(recorder);
            byte[] bytes = CHUNKED.getBytes(StandardCharsets.UTF_8);
            for (int from = 0; from < bytes.length; from += piece) {
                parser.feed(ByteBuffer.wrap(bytes, from, Math.min(piece, bytes.length - from)));
            }
            assertThat(recorder.seen).as("pieces of %d bytes", piece).containsExactly("head 200",
                    "subscribed {\"slug\":\"smolvlm-3b\"}", "comment", "view-changed {\"a\":1,\n\"b\":\"é\"}");
            assertThat(parser.ended()).isTrue();
        }
    }

    @Test
    void aReaderThatOnlyCountsEventsGetsTheirNamesWithoutTheirData() {
        Recorder names = new Recorder(false);
        SseStreamParser parser = new SseStreamParser(names);
        byte[] bytes = CHUNKED.getBytes(StandardCharsets.UTF_8);
        for (int from = 0; from < bytes.length; from += 7) {
            parser.feed(ByteBuffer.wrap(bytes, from, Math.min(7, bytes.length - from)));
        }
        assertThat(names.seen).containsExactly("head 200", "subscribed ", "comment", "view-changed ");
    }

    @Test
    void aRefusalIsItsStatusAndAnUnchunkedStreamIsReadToo() {
        Recorder recorder = new Recorder();
        SseStreamParser parser = new SseStreamParser(recorder);
        parser.feed(ByteBuffer.wrap(("HTTP/1.1 429 \r\nContent-Type: application/problem+json\r\n\r\n"
                + "{\"type\":\"x\"}").getBytes(StandardCharsets.UTF_8)));
        assertThat(recorder.seen).containsExactly("head 429");

        Recorder plain = new Recorder();
        new SseStreamParser(plain).feed(ByteBuffer.wrap("HTTP/1.1 200 OK\r\n\r\nevent: e\r\ndata: x\r\n\r\n"
                .getBytes(StandardCharsets.UTF_8)));
        assertThat(plain.seen).containsExactly("head 200", "e x");
    }

    private static String chunk(String text) {
        return Integer.toHexString(text.getBytes(StandardCharsets.UTF_8).length) + "\r\n" + text + "\r\n";
    }

    private static final class Recorder implements SseStreamParser.Listener {
        final List<String> seen = new ArrayList<>();
        private final boolean wantsData;

        Recorder() {
            this(true);
        }

        Recorder(boolean wantsData) {
            this.wantsData = wantsData;
        }

        @Override
        public boolean wantsData() {
            return wantsData;
        }

        @Override
        public void head(int status) {
            seen.add("head " + status);
        }

        @Override
        public void event(String name, String data) {
            seen.add(name + " " + data);
        }

        @Override
        public void comment() {
            seen.add("comment");
        }
    }
}
