package org.mandatetracker.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mandatetracker.testsupport.TopicRecords.header;

/** Checks records a write service really published against the AsyncAPI document it serves. */
public final class AsyncApiContract {

    private AsyncApiContract() {
    }

    /**
     * Each record's type has a message in the document, with a closed payload schema that requires its properties,
     * and the record's {@code ce_*} headers and JSON value validate against that message.
     */
    public static void assertConforms(JsonNode document, String topic, List<ConsumerRecord<String, byte[]>> records,
                                      ObjectMapper json) {
        assertThat(document.get("asyncapi").asText()).isEqualTo("3.0.0");
        assertThat(document.at("/channels").findValuesAsText("address")).contains(topic);
        assertThat(records).as("records to check").isNotEmpty();
        SchemaRegistry schemas = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7);
        for (ConsumerRecord<String, byte[]> record : records) {
            String type = header(record, "ce_type");
            JsonNode message = document.at("/components/messages/" + type.substring(type.lastIndexOf('.') + 1));
            assertThat(message.isMissingNode()).as("a message for " + type).isFalse();
            assertThat(message.at("/payload/additionalProperties").asBoolean(true)).as("a closed schema").isFalse();
            assertThat(message.at("/payload/required")).as("every property is written").isNotEmpty();
            var headers = json.createObjectNode();
            record.headers().forEach(h -> headers.put(h.key(), new String(h.value(), StandardCharsets.UTF_8)));
            assertThat(schemas.getSchema(message.get("headers")).validate(headers)).as(type + " headers").isEmpty();
            assertThat(schemas.getSchema(message.get("payload")).validate(read(json, record)))
                    .as(type + " payload").isEmpty();
        }
    }

    private static JsonNode read(ObjectMapper json, ConsumerRecord<String, byte[]> record) {
        try {
            return json.readTree(record.value());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
