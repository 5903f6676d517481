import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URI;

/**
 * The service image's health check, so the image needs no shell and no curl: exits 0 when the service's readiness
 * endpoint on {@code HEALTH_PORT} answers 200, 1 otherwise. java.base only, so it starts in a fraction of a second.
 */
public final class ReadinessCheck {

    private ReadinessCheck() {
    }

    public static void main(String[] args) {
        String port = System.getenv().getOrDefault("HEALTH_PORT", "8080");
        String path = args.length > 0 ? args[0] : "/actuator/health/readiness";
        try {
            HttpURLConnection connection = (HttpURLConnection) URI.create("http://127.0.0.1:" + port + path)
                    .toURL().openConnection();
            connection.setConnectTimeout(2000);
            connection.setReadTimeout(2500);
            int status = connection.getResponseCode();
            connection.disconnect();
            if (status != 200) {
                System.err.println(path + " answered " + status);
                System.exit(1);
            }
        } catch (IOException e) {
            System.err.println(path + " did not answer: " + e);
            System.exit(1);
        }
    }
}
