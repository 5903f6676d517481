package dev.toolverdicts.benchmarks.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class CountingSmtpSinkTest {

    @Test
    void countsEveryRecipientOfEachMailOnce() throws Exception {
        try (CountingSmtpSink sink = new CountingSmtpSink()) {
            try (PlainSmtpClient client = new PlainSmtpClient(sink.port())) {
                client.send("a@bench.test", 3_000);
                client.send("B@bench.test", 200);
                client.send("a@bench.test", 200);
            }
            assertThat(sink.accepted()).isEqualTo(3);
            assertThat(sink.byRecipient()).containsEntry("a@bench.test", 2).containsEntry("b@bench.test", 1);
            assertThat(sink.bytes()).isGreaterThan(3_400);
        }
    }

    @Test
    void aLineStartingWithADotDoesNotEndTheMailAndAMailCutOffIsNotCounted() throws Exception {
        try (CountingSmtpSink sink = new CountingSmtpSink();
                Socket socket = new Socket(InetAddress.getLoopbackAddress(), sink.port())) {
            OutputStream out = socket.getOutputStream();
            out.write(("EHLO x\r\nMAIL FROM:<f@x>\r\nRCPT TO:<c@bench.test>\r\nDATA\r\nSubject: s\r\n\r\n"
                    + "..stuffed\r\n.\r\nMAIL FROM:<f@x>\r\nRCPT TO:<d@bench.test>\r\nDATA\r\nhalf a mail\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            awaitAccepted(sink, 1);
            socket.close();
            Thread.sleep(200);
            assertThat(sink.byRecipient()).containsOnlyKeys("c@bench.test");
        }
    }

    @Test
    void readsTheAddressOfARcptLine() {
        assertThat(CountingSmtpSink.address("RCPT TO:<Reader@Example.COM> NOTIFY=NEVER")).isEqualTo("reader@example.com");
        assertThat(CountingSmtpSink.address("RCPT TO: plain@example.com")).isEqualTo("plain@example.com");
    }

    private static void awaitAccepted(CountingSmtpSink sink, long count) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (sink.accepted() < count && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
    }
}
