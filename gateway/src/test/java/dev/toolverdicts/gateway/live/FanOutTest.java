package dev.toolverdicts.gateway.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/**
 * One change is encoded once and written to every reader in a few batch tasks, not one task per reader; the frame is
 * what an EventSource parses.
 */
class FanOutTest {

    @Test
    void everyReaderGetsTheSameFrameFromAFewBatchTasks() {
        List<Runnable> tasks = new ArrayList<>();
        FanOut fanOut = new FanOut(tasks::add);
        Set<byte[]> framesSeen = ConcurrentHashMap.newKeySet();
        List<Counting> readers = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            readers.add(new Counting(framesSeen));
        }
        byte[] frame = SseFrames.encode(new LiveViews.Event("view-changed", "7", "{\"slug\":\"smolvlm-3b\"}"));

        fanOut.deliver(List.copyOf(readers), frame);
        tasks.forEach(Runnable::run);

        assertThat(tasks).hasSize((1_000 + FanOut.BATCH - 1) / FanOut.BATCH);
        assertThat(readers).allSatisfy(reader -> assertThat(reader.sent).isEqualTo(1));
        assertThat(framesSeen).as("one encoding for all readers").hasSize(1);
        assertThat(new String(frame, StandardCharsets.UTF_8))
                .isEqualTo("id:7\nevent:view-changed\ndata:{\"slug\":\"smolvlm-3b\"}\n\n");
    }

    @Test
    void multiLineDataKeepsEachLineAField() {
        assertThat(new String(SseFrames.encode(new LiveViews.Event(null, null, "a\nb")), StandardCharsets.UTF_8))
                .isEqualTo("data:a\ndata:b\n\n");
    }

    private static final class Counting implements LiveViews.Listener {
        private final Set<byte[]> framesSeen;
        int sent;

        Counting(Set<byte[]> framesSeen) {
            this.framesSeen = framesSeen;
        }

        @Override
        public void send(byte[] frame) {
            sent++;
            framesSeen.add(frame);
        }

        @Override
        public long lastWrite() {
            return 0;
        }

        @Override
        public void end() {
        }
    }
}
