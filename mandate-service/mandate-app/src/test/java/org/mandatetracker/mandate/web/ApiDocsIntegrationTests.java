package org.mandatetracker.mandate.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.mandatetracker.mandate.MandateServiceIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The OpenAPI document, as the gateway's Swagger UI uses it. */
@MandateServiceIntegrationTest
class ApiDocsIntegrationTests {

    @Autowired
    TestRestTemplate rest;
    @Autowired
    ObjectMapper json;

    @Test
    void theDocumentPointsAtTheGatewayWithABearerSchemeProblemsAndExamples() throws Exception {
        JsonNode docs = json.readTree(rest.getForObject("/v3/api-docs", String.class));
        assertThat(docs.at("/servers/0/url").asText()).isEqualTo("/api");
        assertThat(docs.at("/components/securitySchemes/bearer/scheme").asText()).isEqualTo("bearer");
        assertThat(docs.at("/components/schemas/Problem/properties/detail").isMissingNode()).isFalse();

        List<String> operations = new ArrayList<>();
        docs.get("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(method -> {
            String name = method.getKey().toUpperCase() + " " + path.getKey();
            operations.add(name);
            JsonNode responses = method.getValue().get("responses");
            assertThat(responses.fieldNames()).toIterable().as(name).anyMatch(status -> status.startsWith("2"))
                    .contains("401", "403", "429");
            JsonNode problem = responses.at("/401/content/application~1problem+json");
            assertThat(problem.at("/schema/$ref").asText()).as(name).isEqualTo("#/components/schemas/Problem");
            assertThat(problem.findValue("value").get("status").asInt()).as(name).isEqualTo(401);
            assertThat(method.getValue().get("security")).as(name).isNotEmpty();
            if (method.getKey().equals("post")) {
                assertThat(responses.fieldNames()).toIterable().as(name).contains("400", "409", "413", "422", "503");
            }
        }));
        assertThat(operations).contains("POST /bodies", "GET /bodies/{id}", "POST /mandates/{id}/fulfilment");

        JsonNode establish = docs.at("/paths/~1bodies/post");
        assertThat(establish.at("/responses/201/headers/Location").isMissingNode()).isFalse();
        assertThat(establish.at("/responses/200/description").asText()).contains("repeated");
        assertThat(establish.at("/requestBody/content/application~1json/examples").findValue("value")
                .get("establishedBy").get("document").asText()).isEqualTo("4/4");
        assertThat(docs.at("/paths/~1bodies~1{id}/get/responses/404/content/application~1problem+json")
                .isMissingNode()).isFalse();
    }
}
