package org.mandatetracker.web.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.mandatetracker.web.WebProperties;
import org.mandatetracker.web.security.SignedIn;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.util.UriComponentsBuilder;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.stream.Stream;

/** The public API, reached only through the gateway, with the signed-in person's token (or the read token). */
@Component
public class Gateway {

    private final RestClient client;
    private final ObjectMapper json;
    private final WebProperties properties;
    private final SignedIn signedIn;
    private final HttpClient streams = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public Gateway(RestClient.Builder builder, ObjectMapper json, WebProperties properties, SignedIn signedIn) {
        this.client = builder.build();
        this.json = json;
        this.properties = properties;
        this.signedIn = signedIn;
    }

    /**
     * GET {@code /api + path} with query parameters (blank ones left out); {@code {}} placeholders in the path take
     * {@code variables}, encoded whole (a {@code /} in a decision number too). A 4xx or 5xx is an {@link ApiProblem}.
     */
    public JsonNode get(String path, Map<String, String> query, Object... variables) {
        return client.get().uri(uri(path, query, variables)).headers(this::authorize)
                .accept(MediaType.APPLICATION_JSON)
                .exchange((request, response) -> read(response.getStatusCode().value(), response.getBody()));
    }

    public JsonNode get(String path, Object... variables) {
        return get(path, Map.of(), variables);
    }

    /** POSTs a command; answers the API's {@code {"id", "outcome"}} or throws its problem. */
    public JsonNode post(String path, JsonNode body, Object... variables) {
        return client.post().uri(uri(path, Map.of(), variables)).headers(this::authorize)
                .contentType(MediaType.APPLICATION_JSON).body(body)
                .exchange((request, response) -> read(response.getStatusCode().value(), response.getBody()));
    }

    /** Copies a download (CSV, iCalendar) to {@code out} as the API sends it. */
    public void copy(String path, Map<String, String> query, OutputStream out) {
        client.get().uri(uri(path, query)).headers(this::authorize).exchange((request, response) -> {
            if (response.getStatusCode().isError()) {
                throw problem(response.getStatusCode().value(), response.getBody());
            }
            response.getBody().transferTo(out);
            return null;
        });
    }

    /** One event of a server-sent event stream: its id (possibly null) and its data. */
    public record StreamEvent(String id, String data) {
    }

    /**
     * Follows a server-sent event stream with {@code token} (it runs off the request's thread), from after
     * {@code lastEventId} when given; calls {@code onOpen} once the API has accepted the stream, then hands on each
     * event, and calls {@code onComment} for each comment (the API's keep-alive), until the stream ends or a callback
     * throws.
     */
    public void follow(String path, Map<String, String> query, Caller caller, String lastEventId, Runnable onOpen,
                       Consumer<StreamEvent> onEvent, Runnable onComment) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path, query))
                .header(HttpHeaders.ACCEPT, MediaType.TEXT_EVENT_STREAM_VALUE);
        caller.headers(request::header);
        if (lastEventId != null && !lastEventId.isBlank()) {
            request.header("Last-Event-ID", lastEventId);
        }
        HttpResponse<Stream<String>> response = streams.send(request.build(), HttpResponse.BodyHandlers.ofLines());
        if (response.statusCode() != 200) {
            response.body().close();
            throw new ApiProblem(response.statusCode(), null);
        }
        onOpen.run();
        try (Stream<String> lines = response.body()) {
            Iterator<String> iterator = lines.iterator();
            String id = null;
            StringBuilder data = new StringBuilder();
            while (iterator.hasNext()) {
                String line = iterator.next();
                if (line.isEmpty()) {
                    if (!data.isEmpty()) {
                        onEvent.accept(new StreamEvent(id, data.toString()));
                    }
                    id = null;
                    data.setLength(0);
                } else if (line.startsWith("data:")) {
                    data.append(data.isEmpty() ? "" : "\n").append(line.substring(5).strip());
                } else if (line.startsWith("id:")) {
                    id = line.substring(3).strip();
                } else if (line.startsWith(":")) {
                    onComment.run();
                }
            }
        }
    }

    /**
     * Whom the API is called for: the signed-in person's token (else the read token, if any), and the visitor's
     * address, which the gateway takes from this application as a trusted proxy, so that anonymous visitors do not
     * share one rate limit.
     */
    public record Caller(String token, String address) {

        void headers(BiConsumer<String, String> header) {
            if (token != null) {
                header.accept(HttpHeaders.AUTHORIZATION, "Bearer " + token);
            }
            if (address != null) {
                header.accept("X-Forwarded-For", address);
            }
        }
    }

    /** The caller of the current request (on another thread, capture it first and hand it on). */
    public Caller caller() {
        String token = signedIn.token();
        String address = RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes request
                ? request.getRequest().getRemoteAddr() : null;
        return new Caller(token != null ? token : blankToNull(properties.readToken()), address);
    }

    private void authorize(HttpHeaders headers) {
        caller().headers(headers::set);
    }

    private URI uri(String path, Map<String, String> query, Object... variables) {
        UriComponentsBuilder builder = UriComponentsBuilder.fromUriString(properties.gatewayUrl()).path("/api" + path);
        query.forEach((name, value) -> {
            if (value != null && !value.isBlank()) {
                builder.queryParam(name, "{" + name + "_q}");
            }
        });
        Map<String, Object> values = new HashMap<>();
        query.forEach((name, value) -> values.put(name + "_q", value));
        Iterator<Object> positional = Arrays.asList(variables).iterator();
        return builder.encode().build().expand(name -> values.containsKey(name) ? values.get(name)
                : positional.next()).toUri();
    }

    private JsonNode read(int status, InputStream body) throws IOException {
        if (status >= 400) {
            throw problem(status, body);
        }
        return json.readTree(body);
    }

    private ApiProblem problem(int status, InputStream body) {
        JsonNode problem;
        try {
            problem = json.readTree(body);
        } catch (IOException | RuntimeException notJson) {
            problem = null;
        }
        return new ApiProblem(status, problem);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
