package dev.toolverdicts.benchmarks.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class HttpConnectionTest {

    @Test
    void readsAChunkedResponseAndLeavesTheNextOneInTheStream() throws IOException {
        InputStream in = stream("HTTP/1.1 200 \r\nETag: \"7\"\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "5\r\nhello\r\n6;ext=1\r\n world\r\n0\r\n\r\n"
                + "HTTP/1.1 429 Too Many Requests\r\nContent-Length: 2\r\n\r\n{}");

        HttpResponse first = HttpConnection.readResponse(in);
        HttpResponse second = HttpConnection.readResponse(in);

        assertThat(first.status()).isEqualTo(200);
        assertThat(HttpConnection.text(first)).isEqualTo("hello world");
        assertThat(first.etag()).isEqualTo("\"7\"");
        assertThat(second.status()).isEqualTo(429);
        assertThat(HttpConnection.text(second)).isEqualTo("{}");
        assertThat(second.closes()).isFalse();
    }

    @Test
    void aResponseWithoutLengthEndsWithTheConnection() throws IOException {
        HttpResponse response = HttpConnection.readResponse(stream("HTTP/1.1 200 OK\r\n\r\nrest"));

        assertThat(HttpConnection.text(response)).isEqualTo("rest");
        assertThat(response.closes()).isTrue();
    }

    @Test
    void requestBytesCarryTheBodyLength() {
        String request = new String(RawRequest.put("/api/votes/tools/x/mine", "{\"vote\":\"SHIP\"}").bearer("t").bytes(),
                StandardCharsets.US_ASCII);

        assertThat(request).startsWith("PUT /api/votes/tools/x/mine HTTP/1.1\r\n")
                .contains("Authorization: Bearer t\r\n", "Content-Length: 15\r\n")
                .endsWith("\r\n\r\n{\"vote\":\"SHIP\"}");
    }

    private static InputStream stream(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.US_ASCII));
    }
}
