package org.mandatetracker.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The API of the real system {@link LaunchedSystem} starts, through the gateway, as any client sees it. */
@ExtendWith(LaunchedSystem.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EndToEndIntegrationTests {

    private static final Path ROOT = LaunchedSystem.ROOT;
    private static final Path RUN = LaunchedSystem.RUN;
    private static final String GATEWAY = LaunchedSystem.GATEWAY;

    private static final ObjectMapper json = new ObjectMapper();
    private static final HttpClient http = HttpClient.newHttpClient();
    private static String recorderToken;
    private static String readerToken;

    @BeforeAll
    static void readTheTokens() {
        recorderToken = LaunchedSystem.token("RECORDER_TOKEN");
        readerToken = LaunchedSystem.token("READER_TOKEN");
    }

    private static HttpResponse<String> send(String method, String url, String token, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).method(method,
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode get(String path) throws Exception {
        HttpResponse<String> response = send("GET", GATEWAY + path, null, null);
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    private static JsonNode mandate(JsonNode mandates, String id) {
        for (JsonNode mandate : mandates) {
            if (mandate.get("id").asText().equals(id)) {
                return mandate;
            }
        }
        throw new AssertionError("no mandate " + id + " in " + mandates);
    }

    @Test
    void asOfTheNewYear2011TheWorkingGroupHasAStandingMandateAndTwoOpenOnes() throws Exception {
        JsonNode mandates = get("/api/bodies/ctoc-wg-tip/mandates?asOf=2011-01-01");
        assertThat(mandates).hasSize(3);
        assertThat(mandate(mandates, "wg-tip-advise").get("status").asText()).isEqualTo("STANDING");
        JsonNode meeting = mandate(mandates, "wg-tip-intersessional-meeting");
        assertThat(meeting.get("status").asText()).isEqualTo("OPEN");
        assertThat(meeting.get("resolvedDue").asText()).isEqualTo("2012-10-14");
        assertThat(mandate(mandates, "wg-tip-recommendations").get("status").asText()).isEqualTo("OPEN");
    }

    @Test
    void asOfJuly2012TheMeetingMandateIsFulfilledByTheOctober2011Meeting() throws Exception {
        JsonNode meeting = mandate(get("/api/bodies/ctoc-wg-tip/mandates?asOf=2012-07-01"),
                "wg-tip-intersessional-meeting");
        assertThat(meeting.get("status").asText()).isEqualTo("FULFILLED");
        assertThat(meeting.at("/evidence/meetingId").asText()).isEqualTo("wg-tip-2011-10");
        JsonNode recommendations = get("/api/recommendations?body=ctoc-wg-tip");
        assertThat(recommendations).isNotEmpty();
        assertThat(recommendations.get(0).get("reportSymbol").asText()).isEqualTo("CTOC/COP/WG.4/2011/8");
    }

    @Test
    void aMandatesStatusHasOneAnswerWhetherReadAloneOrInItsBodysList() throws Exception {
        for (String asOf : List.of("2011-01-01", "2012-07-01", LocalDate.now().toString())) {
            JsonNode listed = get("/api/bodies/ctoc-wg-tip/mandates?asOf=" + asOf);
            assertThat(listed).as(asOf).hasSize(3);
            for (JsonNode entry : listed) {
                String id = entry.get("id").asText();
                JsonNode alone = get("/api/mandates/" + id + "?asOf=" + asOf);
                assertThat(alone.path("status").asText()).as(id + " as of " + asOf)
                        .isEqualTo(entry.get("status").asText());
                assertThat(alone).as(id + " as of " + asOf).isEqualTo(entry);
            }
        }
        assertThat(get("/api/mandates/wg-tip-advise?asOf=2011-01-01").get("status").asText()).isEqualTo("STANDING");
        assertThat(get("/api/mandates/wg-tip-advise").get("status").asText())
                .isEqualTo(mandate(get("/api/bodies/ctoc-wg-tip/mandates"), "wg-tip-advise").get("status").asText());

        HttpResponse<String> unknown = send("GET", GATEWAY + "/api/mandates/no-such-mandate", null, null);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type)
                .startsWith("application/problem+json"));
    }

    @Test
    void mandateServiceSaysOnlyWhetherAMandateMayStillChange() throws Exception {
        JsonNode recorded = get("/api/bodies/ctoc-wg-tip").get("mandates");
        assertThat(recorded).hasSize(3);
        for (JsonNode mandate : recorded) {
            assertThat(mandate.has("status")).as(mandate.get("id").asText()).isFalse();
        }
        assertThat(mandate(recorded, "wg-tip-advise").get("recording").asText()).isEqualTo("OPEN_TO_CHANGE");
        assertThat(mandate(recorded, "wg-tip-intersessional-meeting").get("recording").asText())
                .isEqualTo("CLOSED_FULFILLED");
    }

    @Test
    void everyProcessDiesOnRunningOutOfMemoryAndHasABoundedHeap() throws Exception {
        for (String name : List.of("mandate-service", "meeting-service", "report-service", "gateway", "web",
                "kafka")) {
            String pid = Files.readString(RUN.resolve("pids").resolve(name)).strip();
            List<String> arguments = List.of(Files.readString(Path.of("/proc", pid, "cmdline")).split("\0"));
            assertThat(arguments).as(name).contains("-XX:+ExitOnOutOfMemoryError")
                    .anyMatch(argument -> argument.startsWith("-Xmx"));
        }
    }

    @Test
    void theHistoryOfDecision44ListsItsFactsInRealWorldOrder() throws Exception {
        JsonNode history = get("/api/decisions/4%2F4/history");
        List<String> types = new ArrayList<>();
        history.forEach(entry -> {
            types.add(entry.get("eventType").asText());
            assertThat(entry.get("recordedBy").asText()).isEqualTo("local-recorder");
            assertThat(entry.at("/source/document").asText()).isNotBlank();
        });
        assertThat(types.subList(0, 3)).containsExactly("DecisionAdopted", "BodyEstablished", "MandateConferred");
        assertThat(types).containsSubsequence("MeetingHeld", "MandateConferred", "MandateConferred", "MeetingHeld",
                "RecommendationAdopted", "MandateFulfilled");
        assertThat(get("/api/decisions/4/4/history")).isEqualTo(history);
    }

    @Test
    void aSubscriberSeesANewRecommendationArrive() throws Exception {
        String id = "e2e-" + UUID.randomUUID().toString().substring(0, 8);
        HttpResponse<Stream<String>> stream = http.send(HttpRequest.newBuilder(URI.create(GATEWAY
                        + "/api/recommendations/stream?body=ctoc-wg-tip")).header("Accept", "text/event-stream")
                .header("Authorization", "Bearer " + readerToken).build(), HttpResponse.BodyHandlers.ofLines());
        assertThat(stream.statusCode()).isEqualTo(200);
        try (Stream<String> lines = stream.body()) {
            CompletableFuture<String> arrived = CompletableFuture.supplyAsync(() -> {
                Iterator<String> iterator = lines.iterator();
                while (iterator.hasNext()) {
                    String line = iterator.next();
                    if (line.startsWith("data:") && line.contains(id)) {
                        return line;
                    }
                }
                return null;
            });
            Thread.sleep(500);
            HttpResponse<String> recorded = send("POST", GATEWAY + "/api/meetings/wg-tip-2011-10/recommendations",
                    recorderToken, """
                            {"id": "%s", "text": "A recommendation recorded by the end-to-end test",
                             "addressee": {"description": "States parties"}, "reportSymbol": "CTOC/COP/WG.4/2011/8",
                             "adoptedOn": "2011-10-12", "source": {"document": "CTOC/COP/WG.4/2011/8"}}"""
                            .formatted(id));
            assertThat(recorded.statusCode()).as(recorded.body()).isEqualTo(200);
            assertThat(arrived.get(30, TimeUnit.SECONDS)).contains("A recommendation recorded by the end-to-end test");
        }
    }

    @Test
    void swaggerUiCanCallTheApiFromTheServedDocumentsServer() throws Exception {
        JsonNode docs = get("/v3/api-docs");
        assertThat(docs.at("/info/description").asText()).doesNotContain("Not shown");
        URI server = URI.create(GATEWAY + "/").resolve(docs.at("/servers/0/url").asText());
        assertThat(docs.at("/paths/~1bodies~1{id}~1mandates/get").isMissingNode()).isFalse();
        HttpResponse<String> read = send("GET", server + "/bodies/{id}/mandates".replace("{id}", "ctoc-wg-tip")
                + "?asOf=2011-01-01", null, null);
        assertThat(read.statusCode()).as(read.body()).isEqualTo(200);
        assertThat(json.readTree(read.body())).hasSize(3);

        JsonNode example = docs.at("/paths/~1bodies/post/requestBody/content/application~1json/examples")
                .findValue("value");
        HttpResponse<String> written = send("POST", server + "/bodies", recorderToken, example.toString());
        assertThat(written.statusCode()).as("the documented example is the worked example's: " + written.body())
                .isEqualTo(200);
        assertThat(json.readTree(written.body()).get("outcome").asText()).isEqualTo("UNCHANGED");
    }

    @Test
    void aCreatedBodysLocationLeadsToItThroughTheGateway() throws Exception {
        String id = "e2e-body-" + UUID.randomUUID().toString().substring(0, 8);
        HttpResponse<String> created = send("POST", GATEWAY + "/api/bodies", recorderToken, """
                {"id": "%s", "name": "Working Group on Firearms", "shortName": "WG on Firearms", "kind": "WORKING_GROUP",
                 "parentBodyId": "ctoc-cop",
                 "establishedOn": "2010-10-22", "establishedBy": {"document": "5/4", "paragraph": "1"}}"""
                .formatted(id));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String location = created.headers().firstValue("Location").orElseThrow();
        assertThat(location).isEqualTo("/api/bodies/" + id);
        // The body reads from a projection, which the command's answer does not wait for.
        HttpResponse<String> followed = send("GET", GATEWAY + location, readerToken, null);
        for (long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
             followed.statusCode() == 404 && System.nanoTime() < deadline; ) {
            Thread.sleep(200);
            followed = send("GET", GATEWAY + location, readerToken, null);
        }
        assertThat(followed.statusCode()).as(followed.body()).isEqualTo(200);
        assertThat(json.readTree(followed.body()).get("name").asText()).isEqualTo("Working Group on Firearms");

        HttpResponse<String> missing = send("GET", GATEWAY + "/api/bodies/no-such-body/timeline", readerToken, null);
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(json.readTree(missing.body()).get("instance").asText())
                .isEqualTo("/api/bodies/no-such-body/timeline");
    }

    /**
     * A W3C trace a client starts at the gateway goes on through mandate-service into the Kafka record of the event it
     * recorded, and report-service logs that record under the same trace id.
     */
    @Test
    void aTraceStartedAtTheGatewayReachesTheKafkaRecordAndReportServicesLog() throws Exception {
        String traceId = UUID.randomUUID().toString().replace("-", "");
        String id = "e2e-trace-" + traceId.substring(0, 8);
        HttpResponse<String> created = http.send(HttpRequest.newBuilder(URI.create(GATEWAY + "/api/bodies"))
                .header("Authorization", "Bearer " + recorderToken).header("Content-Type", "application/json")
                .header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01")
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"id": "%s", "name": "Traced group", "shortName": "TG", "kind": "WORKING_GROUP",
                         "establishedOn": "2010-10-22", "establishedBy": {"document": "5/4"}}""".formatted(id)))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);

        Properties consumer = new Properties();
        consumer.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:" + LaunchedSystem.port(1012));
        consumer.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        consumer.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        String traceparent = null;
        try (KafkaConsumer<String, byte[]> records = new KafkaConsumer<>(consumer)) {
            List<TopicPartition> partitions = records.partitionsFor("mandate.events.v1").stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            records.assign(partitions);
            records.seekToBeginning(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (traceparent == null && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> record : records.poll(Duration.ofMillis(500))) {
                    Header header = record.headers().lastHeader("traceparent");
                    if (id.equals(record.key()) && header != null) {
                        traceparent = new String(header.value(), StandardCharsets.UTF_8);
                    }
                }
            }
        }
        assertThat(traceparent).as("the traceparent on the record of " + id).startsWith("00-" + traceId + "-");

        Path log = RUN.resolve("logs/report-service.log");
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline && Files.readAllLines(log).stream()
                .noneMatch(line -> line.contains(traceId) && line.contains("Stored") && line.contains(id))) {
            Thread.sleep(500);
        }
        assertThat(Files.readAllLines(log)).as("report-service's log line for the record")
                .anyMatch(line -> line.contains(traceId) && line.contains("Stored") && line.contains(id));
    }

    @Test
    void readsThroughTheGatewayCarryOneCorrelationIdAnETagAndGzip() throws Exception {
        String timeline = GATEWAY + "/api/bodies/ctoc-wg-tip/timeline";
        HttpResponse<byte[]> zipped = http.send(HttpRequest.newBuilder(URI.create(timeline))
                .header("Accept-Encoding", "gzip").header("X-Correlation-Id", "e2e-once").build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(zipped.statusCode()).isEqualTo(200);
        assertThat(zipped.headers().allValues("X-Correlation-Id")).containsExactly("e2e-once");
        assertThat(zipped.headers().firstValue("Content-Encoding")).hasValue("gzip");
        JsonNode entries = json.readTree(new java.util.zip.GZIPInputStream(
                new java.io.ByteArrayInputStream(zipped.body())));
        assertThat(entries.size()).isGreaterThan(5);
        String etag = zipped.headers().firstValue("ETag").orElseThrow();
        HttpResponse<byte[]> unchanged = http.send(HttpRequest.newBuilder(URI.create(timeline))
                .header("Accept-Encoding", "gzip").header("If-None-Match", etag).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(unchanged.statusCode()).isEqualTo(304);
    }

    @Test
    void onlyRecordersWriteAndServicesAnswerOnlyTheGateway() throws Exception {
        String body = "{\"name\": \"x\"}";
        assertThat(send("POST", GATEWAY + "/api/bodies", readerToken, body).statusCode()).isEqualTo(403);
        assertThat(send("POST", GATEWAY + "/api/bodies", null, body).statusCode()).isEqualTo(401);
        assertThat(send("GET", "http://127.0.0.1:" + LaunchedSystem.port(1) + "/bodies", null, null).statusCode())
                .isEqualTo(401);
        assertThat(send("GET", "http://127.0.0.1:" + LaunchedSystem.port(3) + "/mandates", null, null).statusCode())
                .isEqualTo(401);
    }

    @Test
    void loadingTheExampleAgainChangesNothing() throws Exception {
        Path output = Path.of("target/e2e-loader.log");
        ProcessBuilder loader = new ProcessBuilder("java", "-jar",
                ROOT.resolve("deploy/loader/target/loader-0.1.0-SNAPSHOT.jar").toString(),
                ROOT.resolve("deploy/examples/ctoc-trafficking-in-persons.yaml").toString(), "--gateway", GATEWAY,
                "--token", recorderToken).redirectErrorStream(true).redirectOutput(output.toFile());
        Process process = loader.start();
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(process.exitValue()).isZero();
        assertThat(Files.readString(output)).contains("Done: 0 recorded");
    }

    @Test
    void theLoadersDryRunChecksAFileAgainstTheRulesTheServicesPublish() throws Exception {
        assertThat(loader("dry-run-example", ROOT.resolve("deploy/examples/ctoc-trafficking-in-persons.yaml")
                .toString(), "--dry-run", "--gateway", GATEWAY)).isZero();
        Path bad = Files.writeString(Path.of("target/e2e-bad.yaml"), """
                bodies:
                  - id: e2e-bad
                    name: A body without a short name
                    kind: PLENARY
                    establishedOn: 2004-06-28
                    establishedBy: {document: A/RES/55/25}
                meetings:
                  - id: e2e bad meeting
                    bodyId: e2e-bad
                    title: First session
                    session: 1
                    plannedStart: 1 March 2005
                    plannedEnd: 2005-03-04
                    scheduledOn: 2005-01-01
                    source: {document: A/RES/55/25}
                """);
        assertThat(loader("dry-run-bad", bad.toString(), "--dry-run", "--gateway", GATEWAY)).isEqualTo(3);
        List<String> lines = Files.readAllLines(Path.of("target/e2e-dry-run-bad.log"));
        assertThat(lines).filteredOn(line -> line.startsWith("e2e-bad.yaml:")).hasSize(3)
                .anyMatch(line -> line.startsWith("e2e-bad.yaml:2:5: body e2e-bad: shortName: "))
                .anyMatch(line -> line.startsWith("e2e-bad.yaml:8:9: meeting e2e bad meeting: id: "))
                .anyMatch(line -> line.startsWith("e2e-bad.yaml:12:19: meeting e2e bad meeting: plannedStart: "));
        assertThat(get("/api/bodies").toString()).doesNotContain("e2e-bad");
    }

    private static int loader(String log, String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of("java", "-jar",
                ROOT.resolve("deploy/loader/target/loader-0.1.0-SNAPSHOT.jar").toString()));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(Path.of("target/e2e-" + log + ".log").toFile()).start();
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
        return process.exitValue();
    }

    /**
     * The one fault CI runs (the full matrix is {@code deploy/faults/run}): report-service is killed with
     * {@code kill -9} under a write load and started again by the launcher's supervisor; every acknowledged command is then in its
     * event store and in report-service exactly once. Last, so that no other test meets report-service down.
     */
    @Test
    @Order(Integer.MAX_VALUE)
    void reportServiceKilledUnderLoadLosesAndDuplicatesNothing() throws Exception {
        String suffix = LaunchedSystem.dbSuffix();
        String prefix = "sf" + UUID.randomUUID().toString().substring(0, 6);
        ShortFault load = new ShortFault(GATEWAY, recorderToken, prefix, "wg-tip-2011-10");
        try (load) {
            load.start(3);
            Thread.sleep(4000);
            Path pidFile = RUN.resolve("pids").resolve("report-service");
            String pid = Files.readString(pidFile).strip();
            assertThat(new ProcessBuilder("kill", "-9", pid).start().waitFor()).isZero();
            long until = System.nanoTime() + Duration.ofMinutes(5).toNanos();
            while (!restartedAndReady(pidFile, pid) && System.nanoTime() < until) {
                Thread.sleep(1000);
            }
            assertThat(restartedAndReady(pidFile, pid))
                    .as("the launcher's supervisor started report-service again, and it is ready").isTrue();
            Thread.sleep(2000);
        }
        assertThat(load.refused).as("commands refused for good").isEmpty();
        assertThat(load.statuses).as("answers by status").doesNotContainKey(500);
        List<String> owed = load.acknowledged.stream().map(ShortFault.Command::key).toList();
        assertThat(owed).hasSizeGreaterThan(20).doesNotHaveDuplicates();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        Map<String, Integer> reported = load.report(suffix);
        while (!reported.keySet().containsAll(owed) && System.nanoTime() < deadline) {
            Thread.sleep(500);
            reported = load.report(suffix);
        }
        Map<String, Integer> stored = load.eventStores(suffix);
        for (String key : owed) {
            assertThat(stored.get(key)).as("event store: " + key).isEqualTo(1);
            assertThat(reported.get(key)).as("report-service: " + key).isEqualTo(1);
        }
    }

    private static boolean restartedAndReady(Path pidFile, String killed) throws Exception {
        if (!Files.exists(pidFile) || Files.readString(pidFile).strip().equals(killed)) {
            return false;
        }
        HttpRequest readiness = HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                + (LaunchedSystem.PORT_BASE + 3) + "/actuator/health/readiness")).timeout(Duration.ofSeconds(3)).build();
        try {
            return HttpClient.newHttpClient().send(readiness, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        }
    }
}
