package org.mandatetracker.mandate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.UUID;

/** Small helpers for calling the service over real HTTP in integration tests. */
public record Api(TestRestTemplate rest, ObjectMapper json) {

    public static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public ResponseEntity<String> post(String path, String body) {
        return post(path, body, Map.of());
    }

    public ResponseEntity<String> post(String path, String body, Map<String, String> extraHeaders) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        extraHeaders.forEach(headers::add);
        return rest.exchange(path, HttpMethod.POST, new HttpEntity<>(body, headers), String.class);
    }

    public ResponseEntity<String> get(String path) {
        return rest.getForEntity(path, String.class);
    }

    public JsonNode read(String body) {
        try {
            return json.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String cop(String id) {
        return """
                {"id": "%s", "name": "Conference of the Parties to the United Nations Convention against \
                Transnational Organized Crime", "shortName": "COP", "kind": "PLENARY",
                 "establishedOn": "2004-06-28", "establishedBy": {"document": "A/RES/55/25", "paragraph": "32"}}
                """.formatted(id);
    }

    public static String workingGroup(String id, String copId) {
        return """
                {"id": "%s", "name": "Working Group on Trafficking in Persons", "shortName": "WG on TIP",
                 "kind": "WORKING_GROUP", "parentBodyId": "%s", "openEnded": true, "interim": true,
                 "chairArrangement": "chaired by a member of the Bureau",
                 "legalBasis": ["article 32, paragraph 3 of the Convention",
                                "rule 2, paragraph 2 of the rules of procedure"],
                 "establishedOn": "2008-10-17", "establishedBy": {"document": "4/4", "paragraph": "1"}}
                """.formatted(id, copId);
    }
}
