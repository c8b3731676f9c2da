package org.mandatetracker.web.read;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;

/** The API's answers as maps and lists, which templates read by name. */
@Component
public class Json {

    private final ObjectMapper mapper;

    public Json(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public Map<String, Object> map(JsonNode node) {
        return mapper.convertValue(node, new TypeReference<>() {
        });
    }

    public List<Map<String, Object>> list(JsonNode node) {
        return mapper.convertValue(node, new TypeReference<>() {
        });
    }
}
