package org.mandatetracker.support.asyncapi;

import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.victools.jsonschema.generator.CustomDefinition;
import com.github.victools.jsonschema.generator.Option;
import com.github.victools.jsonschema.generator.OptionPreset;
import com.github.victools.jsonschema.generator.SchemaGenerator;
import com.github.victools.jsonschema.generator.SchemaGeneratorConfigBuilder;
import com.github.victools.jsonschema.generator.SchemaVersion;
import com.github.victools.jsonschema.module.jackson.JacksonModule;
import org.mandatetracker.support.cloudevents.CloudEventRecords;
import org.mandatetracker.support.relay.EventPublication;

import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/**
 * The AsyncAPI 3.0 document of the topic a write service publishes: one message per CloudEvents type, with the
 * binary-mode headers and a payload schema generated from the event record itself, so the document cannot drift
 * from what the relay sends. Every property is present in a payload (null when it has no value), and no other.
 */
public final class AsyncApiDocument {

    private AsyncApiDocument() {
    }

    public static ObjectNode of(String service, EventPublication publication, ObjectMapper json) {
        SchemaGenerator schemas = generator();
        ObjectNode document = json.createObjectNode();
        document.put("asyncapi", "3.0.0");
        document.putObject("info").put("title", service + " events").put("version", "1")
                .put("description", "Every fact " + service + " records, in the order recorded per aggregate, as "
                        + "CloudEvents 1.0 in Kafka binary mode: ce_* headers, the aggregate id as key, the event "
                        + "record's JSON as value. Delivery is at least once; deduplicate on ce_id.");
        document.put("defaultContentType", "application/json");
        String channel = publication.topic().replace('.', '-');
        ObjectNode channelNode = document.putObject("channels").putObject(channel);
        channelNode.put("address", publication.topic());
        ObjectNode channelMessages = channelNode.putObject("messages");
        ObjectNode operation = document.putObject("operations").putObject("publish-" + channel);
        operation.put("action", "send");
        operation.putObject("channel").put("$ref", "#/channels/" + channel);
        var operationMessages = operation.putArray("messages");
        ObjectNode messages = document.putObject("components").putObject("messages");
        Map<String, Class<?>> events = new TreeMap<>(publication.events());
        events.forEach((type, eventClass) -> {
            String name = eventClass.getSimpleName();
            ObjectNode message = messages.putObject(name);
            message.put("name", name).put("title", type).put("contentType", "application/json");
            message.set("headers", headers(json, type, publication.source()));
            message.set("payload", schemas.generateSchema(eventClass));
            message.putObject("bindings").putObject("kafka").putObject("key").put("type", "string")
                    .put("description", "the aggregate id, also ce_subject");
            channelMessages.putObject(name).put("$ref", "#/components/messages/" + name);
            operationMessages.addObject().put("$ref", "#/channels/" + channel + "/messages/" + name);
        });
        return document;
    }

    private static ObjectNode headers(ObjectMapper json, String type, String source) {
        ObjectNode headers = json.createObjectNode().put("type", "object");
        ObjectNode properties = headers.putObject("properties");
        properties.putObject("ce_specversion").put("const", "1.0");
        properties.putObject("ce_id").put("type", "string").put("description", "the event id, unique for ever");
        properties.putObject("ce_type").put("const", type);
        properties.putObject("ce_source").put("const", source);
        properties.putObject("ce_subject").put("type", "string").put("description", "the aggregate id");
        properties.putObject("ce_time").put("type", "string").put("format", "date-time");
        properties.putObject("content-type").put("const", "application/json");
        properties.putObject("ce_" + CloudEventRecords.AGGREGATE_SEQUENCE).put("type", "string")
                .put("description", "the event's position in its aggregate's stream, from 0");
        properties.putObject("ce_" + CloudEventRecords.RECORDED_BY).put("type", "string");
        properties.putObject("ce_" + CloudEventRecords.CORRELATION_ID).put("type", "string");
        properties.putObject("traceparent").put("type", "string")
                .put("description", "W3C trace context of the request that recorded the event");
        headers.putArray("required").add("ce_specversion").add("ce_id").add("ce_type").add("ce_source")
                .add("ce_subject").add("ce_time");
        return headers;
    }

    private static SchemaGenerator generator() {
        SchemaGeneratorConfigBuilder config = new SchemaGeneratorConfigBuilder(SchemaVersion.DRAFT_7,
                OptionPreset.PLAIN_JSON)
                .with(new JacksonModule())
                .with(Option.INLINE_ALL_SCHEMAS, Option.EXTRA_OPEN_API_FORMAT_VALUES,
                        Option.NULLABLE_FIELDS_BY_DEFAULT, Option.FORBIDDEN_ADDITIONAL_PROPERTIES_BY_DEFAULT)
                .without(Option.SCHEMA_VERSION_INDICATOR);
        config.forFields().withRequiredCheck(field -> true);
        // Value types written as their text (a document symbol, a decision number) are strings in JSON.
        config.forTypesInGeneral().withCustomDefinitionProvider((type, context) ->
                Arrays.stream(type.getErasedType().getMethods()).anyMatch(m -> m.isAnnotationPresent(JsonValue.class)
                        && m.getReturnType() == String.class)
                        ? new CustomDefinition(context.getGeneratorConfig().createObjectNode().put("type", "string"))
                        : null);
        return new SchemaGenerator(config.build());
    }
}
