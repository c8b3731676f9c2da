package org.mandatetracker.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mandatetracker.citation.SourceCitation;
import org.mandatetracker.mandate.api.BodyDissolved;
import org.mandatetracker.mandate.api.MandateEventTypes;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A record carrying the W3C trace of the request that recorded it is consumed in a span of that trace. */
@ReportServiceIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class TracingIntegrationTests {

    private static final String CONSUMER = "org.mandatetracker.report.projection.TopicConsumers";

    @Autowired
    KafkaTemplate<String, byte[]> kafka;
    @Autowired
    KafkaAdmin admin;
    @Autowired
    ObjectMapper json;
    @Autowired
    LoggingSystem logging;

    @Test
    void theLogLineOfAConsumedRecordCarriesItsTraceId(CapturedOutput output) {
        logging.setLogLevel(CONSUMER, LogLevel.DEBUG);
        try {
            Publisher publisher = new Publisher(kafka, json, admin);
            String traceId = UUID.randomUUID().toString().replace("-", "");
            ProducerRecord<String, byte[]> record = publisher.record(new BodyDissolved("traced-" + traceId.substring(0,
                    6), LocalDate.of(2020, 1, 1), SourceCitation.of("9/9", null)), "recorder");
            RecordHeaders headers = new RecordHeaders(record.headers().toArray());
            headers.add("traceparent", ("00-" + traceId + "-00f067aa0ba902b7-01").getBytes(StandardCharsets.UTF_8));
            String eventId = new String(headers.lastHeader("ce_id").value(), StandardCharsets.UTF_8);
            publisher.send(new ProducerRecord<>(MandateEventTypes.TOPIC, null, record.key(), record.value(), headers));

            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(output.getOut().lines()
                    .filter(line -> line.contains("Stored " + MandateEventTypes.typeOf(BodyDissolved.class) + " "
                            + eventId)))
                    .singleElement().asString().matches(".*\\[" + traceId + ",[0-9a-f]{16}\\].*")
                    .doesNotContain("00f067aa0ba902b7"));
        } finally {
            logging.setLogLevel(CONSUMER, null);
        }
    }
}
