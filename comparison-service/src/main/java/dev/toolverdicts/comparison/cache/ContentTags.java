package dev.toolverdicts.comparison.cache;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Strong ETags from content: a hash of the view's JSON, or of the tags of the views a composite is made of. The JSON is
 * made by the same {@code JsonMapper} the HTTP converter writes with, and is kept with the tag for sending.
 */
@Component
public class ContentTags {

    private final JsonMapper json;

    ContentTags(JsonMapper json) {
        this.json = json;
    }

    public <T> Tagged<T> tag(T view) {
        byte[] bytes = json.writeValueAsBytes(view);
        return new Tagged<>(view, quoted(digest(bytes)), new SerializedView<>(bytes));
    }

    public <T> Tagged<T> composite(T view, List<String> parts) {
        return new Tagged<>(view, quoted(digest(String.join("|", parts).getBytes(StandardCharsets.UTF_8))), null);
    }

    private static String digest(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes), 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String quoted(String tag) {
        return "\"" + tag + "\"";
    }
}
