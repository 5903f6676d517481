package dev.toolverdicts.newsletter.digest;

import java.util.Arrays;
import java.util.List;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** The items of an issue as stored with it (JSON), so the archive shows exactly what was mailed. */
@Component
class IssueContent {

    private final JsonMapper json;

    IssueContent(JsonMapper json) {
        this.json = json;
    }

    String write(List<DigestItem> items) {
        return json.writeValueAsString(items);
    }

    List<DigestItem> read(String itemsJson) {
        return Arrays.asList(json.readValue(itemsJson, DigestItem[].class));
    }
}
