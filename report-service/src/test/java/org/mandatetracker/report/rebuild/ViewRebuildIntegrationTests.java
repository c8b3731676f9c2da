package org.mandatetracker.report.rebuild;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.mandatetracker.citation.SourceCitation;
import org.mandatetracker.mandate.api.BodyEstablished;
import org.mandatetracker.mandate.api.BodyKind;
import org.mandatetracker.mandate.api.BodyProfile;
import org.mandatetracker.mandate.api.Deadline;
import org.mandatetracker.mandate.api.MandateConferred;
import org.mandatetracker.report.Publisher;
import org.mandatetracker.report.ReportServiceIntegrationTest;
import org.mandatetracker.report.projection.FactLog;
import org.mandatetracker.report.query.MandateQuery;
import org.mandatetracker.report.query.MandateReport;
import org.mandatetracker.report.query.MandateReports;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Refolding the views from the fact log: what was lost comes back, and facts stored meanwhile are not missed. */
@ReportServiceIntegrationTest
class ViewRebuildIntegrationTests {

    private static final LocalDate ON = LocalDate.of(2015, 3, 3);

    @Autowired
    ViewRebuild rebuild;
    @Autowired
    FactLog facts;
    @Autowired
    MandateReports reports;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ObjectMapper json;
    @Autowired
    KafkaTemplate<String, byte[]> kafka;
    @Autowired
    KafkaAdmin admin;

    @Test
    void aRebuildRestoresLostRowsAndKeepsFactsStoredWhileItRan() throws IOException {
        Publisher publisher = new Publisher(kafka, json, admin);
        String body = "body-" + UUID.randomUUID().toString().substring(0, 6);
        SourceCitation source = SourceCitation.of("3/3", null);
        facts.append(Publisher.received(publisher.record(new BodyEstablished(body, new BodyProfile("Body", "B",
                BodyKind.OTHER, null, false, false, null, List.of()), ON, source), "recorder")));
        facts.append(Publisher.received(publisher.record(new MandateConferred(body + "-first", body, "First",
                new Deadline.OnDate(ON.plusYears(1)), ON, source), "recorder")));
        List<MandateReport> before = reports.matching(MandateQuery.ofBody(body, ON));
        assertThat(before).hasSize(1);
        jdbc.sql("DELETE FROM mandate_version WHERE body_id = ?").param(body).update();
        assertThat(reports.matching(MandateQuery.ofBody(body, ON))).isEmpty();

        List<Long> progress = new ArrayList<>();
        rebuild.run(new ViewRebuild.Progress() {
            @Override
            public void started(long total) {
                progress.add(total);
                try {
                    facts.append(Publisher.received(publisher.record(new MandateConferred(body + "-second", body, "Second",
                            new Deadline.Standing(), ON, source), "recorder")));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }

            @Override
            public void read(long done) {
                progress.add(done);
            }
        });

        List<MandateReport> after = reports.matching(MandateQuery.ofBody(body, ON));
        assertThat(after).extracting(MandateReport::id).containsExactly(body + "-first", body + "-second");
        assertThat(after.get(0)).isEqualTo(before.get(0));
        assertThat(progress.get(0)).isPositive();
        assertThat(progress.get(progress.size() - 1)).as("every fact read").isEqualTo(progress.get(0));
        assertThat(jdbc.sql("SELECT generation FROM view_generation").query(Integer.class).single())
                .isEqualTo(ViewRebuild.GENERATION);
        assertThat(jdbc.sql("""
                SELECT count(*) FROM mandate_count d
                WHERE (SELECT sum(delta) FROM mandate_count c WHERE c.day <= d.day)
                   <> (SELECT count(*) FROM mandate_version m WHERE m.valid_from <= d.day AND d.day < m.valid_to)""")
                .query(Long.class).single()).as("days whose summed count differs from the versions on them").isZero();
    }
}
