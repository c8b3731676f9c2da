package org.mandatetracker.mandate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mandatetracker.mandate.query.MandateProjection;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mandatetracker.mandate.Api.unique;

/**
 * An event the projection cannot apply is dead-lettered with its cause and holds back only its own aggregate's later
 * events; once the cause is fixed, a retry applies them all. The view refuses the event through a trigger, as it
 * would refuse a value PostgreSQL cannot hold.
 */
@MandateServiceIntegrationTest
class DeadLetterIntegrationTests {

    private static final String GROUP = MandateProjection.PROCESSING_GROUP;

    @Autowired
    TestRestTemplate rest;
    @Autowired
    ObjectMapper json;
    @Autowired
    JdbcClient jdbc;

    private Api api;
    private final String refused = unique("refused-task");

    @BeforeEach
    void setUp() {
        api = new Api(rest, json);
        jdbc.sql("""
                CREATE OR REPLACE FUNCTION refuse_task_%1$s() RETURNS trigger AS $$
                BEGIN
                  IF NEW.task LIKE '%2$s%%' THEN RAISE EXCEPTION 'the view refuses task %%', NEW.task; END IF;
                  RETURN NEW;
                END $$ LANGUAGE plpgsql""".formatted(suffix(), refused)).update();
        jdbc.sql("""
                CREATE TRIGGER refuse_task_%1$s BEFORE INSERT OR UPDATE ON mandate_view
                FOR EACH ROW EXECUTE FUNCTION refuse_task_%1$s()""".formatted(suffix())).update();
    }

    @AfterEach
    void dropTrigger() {
        jdbc.sql("DROP TRIGGER IF EXISTS refuse_task_%1$s ON mandate_view".formatted(suffix())).update();
        jdbc.sql("DROP FUNCTION IF EXISTS refuse_task_%1$s()".formatted(suffix())).update();
    }

    @Test
    void anEventTheViewCannotApplyWaitsWithItsCauseWhileOtherAggregatesFlowAndARetryAppliesIt() {
        String bodyId = unique("cop");
        assertThat(api.post("/bodies", Api.cop(bodyId)).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        await().atMost(Duration.ofSeconds(30)).until(() -> viewHasBody(bodyId));

        String poisoned = confer(bodyId, refused + " at first");
        ResponseEntity<String> amended = api.post("/mandates/" + poisoned + "/task-amendment", """
                {"task": "Amended later", "amendedOn": "2021-02-01", "source": {"document": "2/2"}}""");
        assertThat(amended.getStatusCode()).as(amended.getBody()).isEqualTo(HttpStatus.OK);

        List<String> others = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            long acknowledged = System.nanoTime();
            String other = confer(bodyId, "Report on item " + i);
            others.add(other);
            await().atMost(Duration.ofSeconds(1)).pollInterval(Duration.ofMillis(10))
                    .until(() -> viewHasMandate(other));
            assertThat(Duration.ofNanos(System.nanoTime() - acknowledged)).isLessThan(Duration.ofSeconds(1));
        }

        List<JsonNode> waiting = await().atMost(Duration.ofSeconds(10))
                .until(() -> lettersOf(poisoned), letters -> letters.size() == 2);
        assertThat(waiting.get(0).get("eventType").asText()).endsWith("MandateConferred");
        assertThat(waiting.get(0).get("causeMessage").asText()).contains("the view refuses task " + refused);
        assertThat(waiting.get(1).get("eventType").asText()).endsWith("MandateTaskAmended");
        assertThat(waiting.get(1).get("sequenceIndex").asLong()).isGreaterThan(waiting.get(0).get("sequenceIndex")
                .asLong());
        assertThat(viewHasMandate(poisoned)).isFalse();
        assertThat(others).allMatch(this::viewHasMandate);

        JsonNode health = api.read(api.get("/actuator/health/readiness").getBody());
        assertThat(health.at("/status").asText()).isEqualTo("UP");
        assertThat(health.at("/components/deadLetters/details/" + GROUP + "/deadLetters").asLong())
                .isGreaterThanOrEqualTo(2);
        assertThat(api.get("/actuator/prometheus").getBody())
                .containsPattern("tracker_dead_letters\\{[^}]*queue=\"" + GROUP + "\"[^}]*} [1-9]");

        ResponseEntity<String> stillRefused = retry(waiting.get(0).get("id").asText());
        assertThat(stillRefused.getStatusCode()).as(stillRefused.getBody()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(lettersOf(poisoned)).hasSize(2);

        dropTrigger();
        ResponseEntity<String> retried = retry(waiting.get(0).get("id").asText());
        assertThat(retried.getStatusCode()).as(retried.getBody()).isEqualTo(HttpStatus.OK);
        assertThat(lettersOf(poisoned)).isEmpty();
        assertThat(jdbc.sql("SELECT task FROM mandate_view WHERE mandate_id = ?").param(poisoned)
                .query(String.class).single()).isEqualTo("Amended later");
    }

    @Test
    void anEvictedLetterLeavesTheQueueAndAnUnknownOneIsNotFound() {
        String bodyId = unique("cop");
        assertThat(api.post("/bodies", Api.cop(bodyId)).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String poisoned = confer(bodyId, refused + " for good");
        JsonNode letter = await().atMost(Duration.ofSeconds(10))
                .until(() -> lettersOf(poisoned), letters -> letters.size() == 1).get(0);

        String path = "/admin/dead-letters/" + GROUP + "/" + letter.get("id").asText();
        assertThat(rest.exchange(path, HttpMethod.DELETE, null, String.class).getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(lettersOf(poisoned)).isEmpty();
        assertThat(rest.exchange(path, HttpMethod.DELETE, null, String.class).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(rest.postForEntity("/admin/dead-letters/no-such-projection/retry", null, String.class)
                .getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    private ResponseEntity<String> retry(String letterId) {
        return rest.postForEntity("/admin/dead-letters/" + GROUP + "/" + letterId + "/retry", null, String.class);
    }

    private List<JsonNode> lettersOf(String aggregateId) {
        List<JsonNode> letters = new ArrayList<>();
        api.read(api.get("/admin/dead-letters").getBody()).path(GROUP).forEach(letter -> {
            if (letter.get("aggregateId").asText().equals(aggregateId)) {
                letters.add(letter);
            }
        });
        return letters;
    }

    private String confer(String bodyId, String task) {
        ResponseEntity<String> response = api.post("/bodies/" + bodyId + "/mandates", """
                {"task": "%s", "deadline": {"form": "standing"}, "conferredOn": "2021-01-01",
                 "source": {"document": "1/1"}}""".formatted(task));
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.CREATED);
        return api.read(response.getBody()).get("id").asText();
    }

    private boolean viewHasBody(String bodyId) {
        return jdbc.sql("SELECT count(*) FROM body_view WHERE body_id = ?").param(bodyId).query(Long.class)
                .single() > 0;
    }

    private boolean viewHasMandate(String mandateId) {
        return jdbc.sql("SELECT count(*) FROM mandate_view WHERE mandate_id = ?").param(mandateId)
                .query(Long.class).single() > 0;
    }

    private String suffix() {
        return refused.replaceAll("[^A-Za-z0-9]", "_");
    }
}
