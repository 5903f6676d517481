package dev.toolverdicts.web.api;

import java.net.http.HttpClient;
import java.time.Duration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

/**
 * One HTTP client per service: plain HTTP/1.1 (no h2c upgrade attempts towards Tomcat) with bounded timeouts, so a
 * slow service makes a clear error page, not a hung one.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ServiceUris.class)
class ApiClients {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(10);

    @Bean
    ComparisonApi comparisonApi(RestClient.Builder builder, ServiceUris uris) {
        return new ComparisonApi(client(builder, uris.comparison()));
    }

    @Bean
    CatalogApi catalogApi(RestClient.Builder builder, ServiceUris uris) {
        return new CatalogApi(client(builder, uris.catalog()));
    }

    @Bean
    ReviewApi reviewApi(RestClient.Builder builder, ServiceUris uris) {
        return new ReviewApi(client(builder, uris.review()));
    }

    @Bean
    VoteApi voteApi(RestClient.Builder builder, ServiceUris uris) {
        return new VoteApi(client(builder, uris.vote()));
    }

    @Bean
    NewsletterApi newsletterApi(RestClient.Builder builder, ServiceUris uris) {
        return new NewsletterApi(client(builder, uris.newsletter()));
    }

    private static RestClient client(RestClient.Builder builder, ServiceUris.Service service) {
        HttpClient jdk = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(CONNECT_TIMEOUT)
                .build();
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(jdk);
        requests.setReadTimeout(READ_TIMEOUT);
        return builder.clone()
                .baseUrl(service.uri().toString())
                .requestFactory(requests)
                .defaultStatusHandler(status -> status.isError(), ServiceFailure::raise)
                .build();
    }
}
