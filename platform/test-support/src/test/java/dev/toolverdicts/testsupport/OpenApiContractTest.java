package dev.toolverdicts.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** The OpenAPI side of the contract check: operations are read as the controllers' mappings are named. */
class OpenApiContractTest {

    @Test
    void operationsAreMethodAndPath() {
        assertThat(OpenApiContract.documented("""
                {"paths": {"/api/x/{id}": {"get": {}, "put": {}, "parameters": []}, "/api/y": {"post": {}}}}"""))
                .containsExactly("GET /api/x/{id}", "POST /api/y", "PUT /api/x/{id}");
    }

    @Test
    void aPathVariablesPatternIsNotPartOfTheDocumentedPath() {
        assertThat(OpenApiContract.withoutRegex("/api/x/{slug:[a-z-]+}/y/{id}")).isEqualTo("/api/x/{slug}/y/{id}");
    }

    private static final String WITH_BODY = """
            {"paths": {"/api/v": {"put": {"requestBody": {"content": {"application/json":
              {"schema": {"$ref": "#/components/schemas/Vote"}}}}}}},
             "components": {"schemas": {"Vote": {"type": "object", "properties": {"vote": {"type": "string",
               "enum": ["SHIP", "SKIP"]}, "note": {"$ref": "#/components/schemas/Note"}}, "required": ["vote"]EXAMPLE},
               "Note": {"type": "object", "properties": {"text": {"type": "string", "maxLength": 5}}}}}}""";

    @Test
    void aRequestBodyNeedsAnExampleValidAgainstItsSchema() {
        assertThatCode(() -> check(", \"example\": {\"vote\": \"SHIP\", \"note\": {\"text\": \"fine\"}}"))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> check("")).hasMessageContaining("PUT /api/v: no example of #/components/schemas/Vote");
        assertThatThrownBy(() -> check(", \"example\": {\"vote\": \"MAYBE\"}")).hasMessageContaining("PUT /api/v")
                .hasMessageContaining("vote");
        assertThatThrownBy(() -> check(", \"example\": {\"vote\": \"SHIP\", \"note\": {\"text\": \"too long\"}}"))
                .hasMessageContaining("text");
        assertThatThrownBy(() -> check(", \"example\": {\"vote\": \"SHIP\", \"unknown\": 1}"))
                .as("the services refuse unknown fields").hasMessageContaining("unknown");
    }

    private static void check(String example) {
        OpenApiContract.assertEveryRequestBodyHasAValidExample(JsonMapper.builder().build()
                .readTree(WITH_BODY.replace("EXAMPLE", example)));
    }
}
