package org.mandatetracker.meeting;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mandatetracker.citation.DocumentReference;
import org.mandatetracker.citation.SourceCitation;
import org.mandatetracker.meeting.api.MeetingCancelled;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mandatetracker.meeting.Harness.unique;

/**
 * A meeting stays in memory between commands, and is loaded afresh when another writer (a second replica) has
 * appended to it since: its rules then judge the meeting as the event store has it.
 */
@MeetingServiceIntegrationTest
class AggregateCacheIntegrationTests {

    @Autowired
    TestRestTemplate rest;
    @Autowired
    ObjectMapper json;
    @Autowired
    KafkaTemplate<String, byte[]> kafka;
    @Autowired
    KafkaAdmin admin;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    EventStore eventStore;
    @Autowired
    TransactionManager transactions;
    @Autowired
    MeterRegistry meters;

    private Harness harness;

    @BeforeEach
    void setUp() {
        harness = new Harness(rest, json, kafka);
        Harness.createMandateTopic(admin);
    }

    @Test
    void aMeetingIsAnsweredFromMemoryUntilAnotherWriterAppendsToIt() {
        String wg = unique("wg");
        String meeting = unique("cached");
        harness.scheduleMeetingInSession(wg, meeting);

        double hits = lookups("hit");
        for (int i = 0; i < 120; i++) {
            assertThat(adopt(meeting, "rec-" + i).getStatusCode()).isEqualTo(HttpStatus.OK);
        }
        assertThat(lookups("hit")).as("the meeting, from memory, across snapshots").isEqualTo(hits + 120);

        long last = jdbc.sql("SELECT max(sequencenumber) FROM domainevententry WHERE aggregateidentifier = ?")
                .param(meeting).query(Long.class).single();
        appendAsAnotherReplica(meeting, last + 1, new MeetingCancelled(meeting, wg, "No quorum",
                LocalDate.of(2011, 10, 1), new SourceCitation(DocumentReference.parse("5/2"), "5")));

        double stale = lookups("stale");
        ResponseEntity<String> afterCancellation = adopt(meeting, "rec-last");
        assertThat(afterCancellation.getStatusCode()).as(afterCancellation.getBody())
                .isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(afterCancellation.getBody()).contains("meeting-in-session").contains("cancelled");
        assertThat(lookups("stale")).isEqualTo(stale + 1);
        assertThat(jdbc.sql("SELECT count(*) FROM domainevententry WHERE aggregateidentifier = ?")
                .param(meeting).query(Long.class).single()).isEqualTo(last + 2);
    }

    private void appendAsAnotherReplica(String meeting, long sequence, Object event) {
        DefaultUnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
        unitOfWork.attachTransaction(transactions);
        unitOfWork.execute(() -> eventStore.publish(
                new GenericDomainEventMessage<>("Meeting", meeting, sequence, event)));
    }

    private ResponseEntity<String> adopt(String meeting, String id) {
        return harness.post("/meetings/" + meeting + "/recommendations", """
                {"id": "%s", "text": "States parties should consider establishing national rapporteurs.",
                 "addressee": {"description": "States parties"}, "paragraph": "1",
                 "reportSymbol": "CTOC/COP/WG.4/2011/8", "adoptedOn": "2011-10-11",
                 "source": {"document": "CTOC/COP/WG.4/2011/8", "paragraph": "1"}}""".formatted(meeting + "-" + id));
    }

    private double lookups(String result) {
        return meters.get("tracker.aggregate.cache").tag("result", result).counter().count();
    }
}
