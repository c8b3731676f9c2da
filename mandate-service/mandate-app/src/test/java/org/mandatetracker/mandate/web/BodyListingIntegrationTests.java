package org.mandatetracker.mandate.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.mandatetracker.mandate.Api;
import org.mandatetracker.mandate.MandateServiceIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Bodies are listed a page at a time: by text, by parent, or the top of the tree, each with its count of children. */
@MandateServiceIntegrationTest
class BodyListingIntegrationTests {

    @Autowired
    TestRestTemplate rest;
    @Autowired
    ObjectMapper json;

    private Api api;

    private String establish(String id, String name, String parent, String decision) {
        ResponseEntity<String> answer = api.post("/bodies", """
                {"id": "%s", "name": "%s", "shortName": "%s", "kind": "%s", %s
                 "establishedOn": "2008-10-17", "establishedBy": {"document": "%s"}}"""
                .formatted(id, name, name, parent == null ? "PLENARY" : "WORKING_GROUP",
                        parent == null ? "" : "\"parentBodyId\": \"" + parent + "\",", decision));
        assertThat(answer.getStatusCode()).as(answer.getBody()).isEqualTo(HttpStatus.CREATED);
        return id;
    }

    private List<String> names(String query) {
        ResponseEntity<String> answer = api.get("/bodies?" + query);
        assertThat(answer.getStatusCode()).as(answer.getBody()).isEqualTo(HttpStatus.OK);
        List<String> names = new ArrayList<>();
        api.read(answer.getBody()).forEach(body -> names.add(body.get("name").asText()));
        return names;
    }

    @Test
    void bodiesAreFoundByTextByParentAndAtTheTopOfTheTreeAPageAtATime() {
        api = new Api(rest, json);
        String tag = "Listing" + UUID.randomUUID().toString().substring(0, 8);
        String root = establish(Api.unique("root"), tag + " root", null, "A/RES/55/25");
        String alpha = establish(Api.unique("alpha"), tag + " alpha", root, "4/4");
        establish(Api.unique("beta"), tag + " beta 50% share", root, "A/RES/55/25");
        String grandchild = establish(Api.unique("gamma"), tag + " gamma", alpha, "A/RES/55/25");
        await().atMost(Duration.ofSeconds(30))
                .until(() -> api.get("/bodies/" + grandchild).getStatusCode() == HttpStatus.OK);

        ResponseEntity<String> children = api.get("/bodies?parent=" + root);
        JsonNode listed = api.read(children.getBody());
        assertThat(listed).hasSize(2);
        assertThat(listed.get(0).get("name").asText()).isEqualTo(tag + " alpha");
        assertThat(listed.get(0).get("children").asInt()).isEqualTo(1);
        assertThat(listed.get(1).get("children").asInt()).isZero();
        assertThat(api.read(api.get("/bodies/" + root).getBody()).get("children").asInt()).isEqualTo(2);
        assertThat(listed.get(0).get("parentName").asText()).isEqualTo(tag + " root");
        assertThat(api.read(api.get("/bodies/" + grandchild).getBody()).get("parentName").asText())
                .isEqualTo(tag + " alpha");
        assertThat(api.read(api.get("/bodies/" + root).getBody()).get("parentName").isNull()).isTrue();

        assertThat(names("q=" + tag.toUpperCase(Locale.ROOT))).containsExactly(tag + " alpha", tag + " beta 50% share",
                tag + " gamma", tag + " root");
        assertThat(names("q=" + tag + " beta 50%")).containsExactly(tag + " beta 50% share");
        assertThat(names("q=" + tag + " b%ta")).as("a % in the text is a percent sign, not a wildcard").isEmpty();
        assertThat(names("q=" + tag + "&topLevel=true")).containsExactly(tag + " root");
        assertThat(names("q=" + alpha)).as("by id").containsExactly(tag + " alpha");
        assertThat(names("id=" + root + "&id=" + grandchild + "," + Api.unique("unknown")))
                .as("named by id, unknown ones left out").containsExactly(tag + " gamma", tag + " root");
        JsonNode byDecision = api.read(api.get("/bodies?q=4/4&size=500").getBody());
        assertThat(byDecision).isNotEmpty().allSatisfy(body ->
                assertThat(body.at("/establishedBy/document").asText()).isEqualTo("4/4"));
        assertThat(byDecision.findValuesAsText("id")).contains(alpha);

        ResponseEntity<String> first = api.get("/bodies?q=" + tag + "&size=3");
        assertThat(api.read(first.getBody())).hasSize(3);
        assertThat(first.getHeaders().getFirst(HttpHeaders.LINK)).contains("page=1", "rel=\"next\"");
        ResponseEntity<String> last = api.get("/bodies?q=" + tag + "&size=3&page=1");
        assertThat(api.read(last.getBody())).hasSize(1);
        assertThat(last.getHeaders().getFirst(HttpHeaders.LINK)).doesNotContain("rel=\"next\"");

        ResponseEntity<String> both = api.get("/bodies?parent=" + root + "&topLevel=true");
        assertThat(both.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(api.read(both.getBody()).at("/errors/0/field").asText()).isEqualTo("topLevel");
        ResponseEntity<String> tooMany = api.get("/bodies?size=501");
        assertThat(tooMany.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(api.read(tooMany.getBody()).at("/errors/0/field").asText()).isEqualTo("size");
    }
}
