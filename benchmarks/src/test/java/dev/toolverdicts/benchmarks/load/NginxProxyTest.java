package dev.toolverdicts.benchmarks.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The peer baseline's nginx configuration: a keep-alive reverse proxy, with a shared cache only for 1d. */
class NginxProxyTest {

    @Test
    void aPlainProxyKeepsUpstreamConnectionsAndCachesNothing() {
        String config = NginxProxy.config(Path.of("/tmp/n"), 18080, 8084, false);

        assertThat(config).contains("listen 127.0.0.1:18080;", "server 127.0.0.1:8084;", "keepalive 64;",
                "proxy_http_version 1.1;", "proxy_set_header Connection \"\";", "pid /tmp/n/nginx.pid;");
        assertThat(config).doesNotContain("proxy_cache reads;");
    }

    @Test
    void theCachingProxyHonoursTheUpstreamsCacheControl() {
        String config = NginxProxy.config(Path.of("/tmp/n"), 18081, 8080, true);

        assertThat(config).contains("proxy_cache reads;", "proxy_cache_use_stale updating;",
                "add_header X-Cache-Status $upstream_cache_status;")
                .as("no proxy_cache_valid or proxy_ignore_headers: the answer's own Cache-Control decides")
                .doesNotContain("proxy_cache_valid", "proxy_ignore_headers");
    }
}
