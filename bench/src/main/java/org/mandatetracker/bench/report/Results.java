package org.mandatetracker.bench.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.mandatetracker.bench.system.Machine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The rows of a run, added as they are measured, and written as {@code results.md} and {@code results.json}. */
public final class Results {

    /** Everything {@code results.json} holds. */
    public record Document(Instant startedAt, Instant finishedAt, Machine machine, Map<String, Object> settings,
                           List<Row> rows, List<String> notes, String failure) {
    }

    private static final ObjectMapper JSON = JsonMapper.builder().addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    private final Instant startedAt = Instant.now();
    private final Machine machine;
    private final Map<String, Object> settings;
    private final List<Row> rows = Collections.synchronizedList(new ArrayList<>());
    private final List<String> notes = Collections.synchronizedList(new ArrayList<>());

    public Results(Machine machine, Map<String, Object> settings) {
        this.machine = machine;
        this.settings = settings;
    }

    public Row add(Row row) {
        rows.add(row);
        System.out.println(line(row));
        return row;
    }

    public void note(String note) {
        notes.add(note);
        System.out.println("note: " + note);
    }

    public List<Row> rows() {
        return List.copyOf(rows);
    }

    public Document write(Path directory, String failure) throws IOException {
        Files.createDirectories(directory);
        Document document = new Document(startedAt, Instant.now(), machine, settings, rows(), List.copyOf(notes),
                failure);
        JSON.writeValue(directory.resolve("results.json").toFile(), document);
        Files.writeString(directory.resolve("results.md"), markdown(document));
        return document;
    }

    public static Document read(Path json) throws IOException {
        return JSON.readValue(json.toFile(), Document.class);
    }

    static String markdown(Document document) {
        StringBuilder out = new StringBuilder("# Mandate Tracker benchmark\n\n");
        Machine machine = document.machine();
        out.append("Run ").append(document.startedAt()).append(" to ").append(document.finishedAt()).append(" on ")
                .append(machine.processors()).append(" processors (").append(machine.cpuModel()).append("), ")
                .append(machine.memoryMegabytes()).append(" MB memory, Java ").append(machine.javaVersion())
                .append(", ").append(machine.os()).append(".\n\n");
        out.append("Settings: ").append(document.settings()).append("\n\n");
        if (document.failure() != null) {
            out.append("**The run failed:** ").append(document.failure()).append("\n\n");
        }
        out.append("| measure | scale | clients | p50 ms | p99 ms | rate / value | ops | errors | missing | baseline "
                + "| ratio | target | met? |\n");
        out.append("|---|---|---|---:|---:|---:|---:|---:|---:|---|---:|---|---|\n");
        for (Row row : document.rows()) {
            out.append(line(row)).append('\n');
        }
        if (!document.notes().isEmpty()) {
            out.append("\n");
            document.notes().forEach(note -> out.append("- ").append(note).append('\n'));
        }
        out.append("\nLatencies are in milliseconds; a target's verdict is in parentheses at a scale other than the "
                + "one the target is set for.\n");
        return out.toString();
    }

    private static String line(Row row) {
        return "| " + String.join(" | ", row.measure(), text(row.scale()), text(row.clients()), number(row.p50Millis()),
                number(row.p99Millis()), row.value() == null ? "" : number(row.value()) + " " + row.unit(),
                Long.toString(row.count()), Long.toString(row.errors()), Long.toString(row.missing()),
                text(row.baseline()), row.ratio() == null ? "" : String.format(Locale.ROOT, "%.2f", row.ratio()),
                text(row.target()), text(row.met())) + " |";
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }

    private static String number(Double value) {
        if (value == null) {
            return "";
        }
        return String.format(Locale.ROOT, value >= 100 ? "%.0f" : value >= 10 ? "%.1f" : "%.2f", value);
    }
}
