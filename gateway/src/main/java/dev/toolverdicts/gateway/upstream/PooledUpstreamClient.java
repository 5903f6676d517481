package dev.toolverdicts.gateway.upstream;

import java.time.Duration;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.pool.PoolConcurrencyPolicy;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;
import org.springframework.http.client.HttpComponentsClientHttpRequestFactory;

/**
 * One route's HTTP client to its upstream: Apache HttpClient 5 (classic, blocking), so the request's own virtual
 * thread writes the request and reads the answer on a pooled keep-alive connection. The JDK HttpClient it replaces
 * hands every exchange to its selector thread and executor and back (CompletableFuture chains, a body queue): on a
 * cached read that was most of the gateway's time per request while its CPU was not the limit (issue 21).
 * <p>
 * A proxy's client, not a browser's: no redirects followed, no cookies or auth kept between callers, no transparent
 * decompression (the body and its Content-Encoding pass through as the service sent them), no retries of its own
 * (UpstreamGuard decides which reads are tried again, and where).
 */
final class PooledUpstreamClient {

    /** Connections to one upstream instance: above Tomcat's max-connections, so a burst never waits for the pool. */
    static final int MAX_CONNECTIONS_PER_INSTANCE = 1024;

    // a pooled connection idle longer than this is checked before reuse: the service may have closed it (Tomcat's
    // keep-alive timeout), and a stale connection must not look like a service that cannot be reached
    private static final TimeValue VALIDATE_AFTER_IDLE = TimeValue.ofSeconds(1);
    private static final TimeValue TIME_TO_LIVE = TimeValue.ofMinutes(5);

    private PooledUpstreamClient() {
    }

    /**
     * The request factory of one route; {@code readTimeout} bounds each wait for bytes (zero: none, live streams),
     * {@code connectTimeout} a new connection and a wait for a pooled one.
     */
    static HttpComponentsClientHttpRequestFactory requestFactory(Duration connectTimeout, Duration readTimeout) {
        PoolingHttpClientConnectionManager connections = PoolingHttpClientConnectionManagerBuilder.create()
                .setMaxConnPerRoute(MAX_CONNECTIONS_PER_INSTANCE)
                .setMaxConnTotal(4 * MAX_CONNECTIONS_PER_INSTANCE)
                // LAX: no pool-wide lock on each lease and release
                .setPoolConcurrencyPolicy(PoolConcurrencyPolicy.LAX)
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(Timeout.of(connectTimeout))
                        .setSocketTimeout(Timeout.of(readTimeout))
                        .setValidateAfterInactivity(VALIDATE_AFTER_IDLE)
                        .setTimeToLive(TIME_TO_LIVE)
                        .build())
                .build();
        CloseableHttpClient client = HttpClients.custom()
                .setConnectionManager(connections)
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setConnectionRequestTimeout(Timeout.of(connectTimeout))
                        .setResponseTimeout(Timeout.of(readTimeout))
                        .setRedirectsEnabled(false)
                        .build())
                .disableRedirectHandling()
                .disableAutomaticRetries()
                .disableContentCompression()
                .disableCookieManagement()
                .disableAuthCaching()
                .disableConnectionState()
                .disableDefaultUserAgent()
                .build();
        return new HttpComponentsClientHttpRequestFactory(client);
    }
}
