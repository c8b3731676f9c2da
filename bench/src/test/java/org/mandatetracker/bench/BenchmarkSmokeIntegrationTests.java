package org.mandatetracker.bench;

import org.junit.jupiter.api.Test;
import org.mandatetracker.bench.measure.Page;
import org.mandatetracker.bench.measure.Query;
import org.mandatetracker.bench.measure.Visibility;
import org.mandatetracker.bench.report.Results;
import org.mandatetracker.bench.report.Row;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole benchmark at a tiny scale against the real system: every section must produce figures and no
 * acknowledged write may go missing. It asserts nothing about speed; the figures are for people to read.
 */
class BenchmarkSmokeIntegrationTests {

    private static final Path ROOT = Path.of("").toAbsolutePath().resolve("..").normalize();
    private static final Path OUTPUT = Path.of("target/bench-smoke").toAbsolutePath();

    /** The PostgreSQL server the launcher uses, so the JDBC baseline measures the same one. */
    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    @Test
    void everySectionProducesFiguresAndNoAcknowledgedWriteIsLost() throws Exception {
        // The held phase lasts 10 s, so that each tenth of it holds answers: with 0.3 s tenths a busy machine
        // answered nothing in the first.
        Settings settings = new Settings(ROOT, OUTPUT, 22080, "-Xmx256m", List.of(2_000L), List.of(1, 4),
                List.of(1, 4), List.of(20.0, 100.0), Duration.ofSeconds(1), Duration.ofMillis(200),
                Duration.ofSeconds(2), Duration.ofSeconds(30), 100, 4, Duration.ofMinutes(3), "report-service",
                env("PGHOST", "127.0.0.1"), Integer.parseInt(env("PGPORT", "5432")), env("PGUSER", "postgres"),
                Duration.ofSeconds(1), Duration.ZERO, Duration.ofSeconds(10), 0, Duration.ofSeconds(1),
                Duration.ofSeconds(1));

        Results.Document results = new Benchmark(settings).run();

        assertThat(results.failure()).isNull();
        assertThat(Results.read(OUTPUT.resolve("results.json")).rows()).hasSameSizeAs(results.rows());
        assertThat(OUTPUT.resolve("results.md")).isNotEmptyFile();
        Map<String, List<Row>> sections = results.rows().stream().collect(Collectors.groupingBy(Row::section));
        assertThat(sections).containsOnlyKeys("start-up", "jdbc", "kafka", "http-floor", "seed", "query", "page",
                "write", "visibility", "sustain", "cpu", "raw-consume", "rebuild", "rss");
        assertThat(sections.get("query")).hasSize(Query.values().length * 2);
        assertThat(sections.get("page")).as("every page answered, at 1 and 4 clients").hasSize(Page.values().length * 2)
                .allSatisfy(row -> assertThat(row.errors()).as(row.measure()).isZero());
        assertThat(sections.get("visibility")).hasSize(2 * 2);
        assertThat(sections.get("sustain")).as("a row for each tenth of the held phase, and the verdict")
                .hasSize(Visibility.Outcome.SLICES + 1);
        assertThat(sections.get("cpu"))
                .as("commands at 1 and 4 clients, two rates, the held rate, the rebuild from the topics")
                .hasSize(2 + 2 + 1 + 1).allSatisfy(row -> assertThat(row.value()).as(row.measure()).isPositive());
        results.rows().forEach(row -> {
            assertThat(row.count()).as(row.measure() + " at " + row.clients()).isPositive();
            assertThat(row.p99Millis() != null || row.value() != null).as(row.measure() + " has a figure").isTrue();
        });
        Stream.concat(sections.get("visibility").stream(), sections.get("sustain").stream())
                .forEach(row -> assertThat(row.missing()).as(row.measure() + " at "
                + row.clients() + ": acknowledged writes never seen").isZero());
    }
}
