package org.mandatetracker.support.jdbc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Date;
import java.time.LocalDate;

/**
 * Values to and from {@code jsonb} and {@code date} columns, with the application's JSON mapping, so that what a
 * projection stores reads back as the same records. A {@code null} column reads as {@code null}.
 */
public class JsonColumns {

    private final ObjectMapper json;

    public JsonColumns(ObjectMapper json) {
        this.json = json;
    }

    public String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    public <T> T read(String column, Class<T> type) {
        try {
            return column == null ? null : json.readValue(column, type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public <T> T read(String column, TypeReference<T> type) {
        try {
            return column == null ? null : json.readValue(column, type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public JsonNode tree(String column) {
        return read(column, JsonNode.class);
    }

    public static LocalDate date(Date column) {
        return column == null ? null : column.toLocalDate();
    }
}
