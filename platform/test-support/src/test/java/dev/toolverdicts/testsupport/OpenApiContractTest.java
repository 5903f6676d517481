package dev.toolverdicts.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

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
}
