package dev.toolverdicts.web.api;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

/** newsletter-service: sign-up (double opt-in), the links in its mails, and the archive of issues that went out. */
public class NewsletterApi {

    private final RestClient http;

    NewsletterApi(RestClient http) {
        this.http = http;
    }

    public void subscribe(String email) {
        http.post().uri("/api/newsletter/subscriptions").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("email", email)).retrieve().toBodilessEntity();
    }

    public void checkConfirmLink(String token) {
        http.get().uri("/api/newsletter/subscriptions/confirm?token={token}", token)
                .accept(MediaType.APPLICATION_JSON).retrieve().toBodilessEntity();
    }

    public void confirm(String token) {
        http.post().uri("/api/newsletter/subscriptions/confirm?token={token}", token)
                .accept(MediaType.APPLICATION_JSON).retrieve().toBodilessEntity();
    }

    public void checkUnsubscribeLink(String token) {
        http.get().uri("/api/newsletter/subscriptions/unsubscribe?token={token}", token)
                .accept(MediaType.APPLICATION_JSON).retrieve().toBodilessEntity();
    }

    public void unsubscribe(String token) {
        http.post().uri("/api/newsletter/subscriptions/unsubscribe?token={token}", token)
                .accept(MediaType.APPLICATION_JSON).retrieve().toBodilessEntity();
    }

    public List<IssueSummary> issues(int limit) {
        return http.get().uri("/api/newsletter/issues?limit={limit}", limit).retrieve()
                .body(new ParameterizedTypeReference<>() {
                });
    }

    public Optional<IssueDetail> issue(String isoWeek) {
        return Found.orEmpty(() -> http.get().uri("/api/newsletter/issues/{week}", isoWeek).retrieve()
                .body(IssueDetail.class));
    }
}
