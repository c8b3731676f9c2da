package org.mandatetracker.bench.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Each process's peak RSS in each phase of a run, so that a peak over the limit is traced to what the system was
 * doing. The kernel keeps one high-water mark per process (VmHWM); writing 5 to {@code /proc/<pid>/clear_refs}
 * resets it, which needs the process's owner or root. Where it cannot be reset, the marks are cumulative, and
 * {@link #lines()} says so.
 */
public final class MemoryPeaks {

    private final CpuUse.Processes processes;
    private final Map<String, Map<String, Double>> byPhase = new LinkedHashMap<>();
    private final Map<String, Double> highest = new HashMap<>();
    private boolean cumulative;

    public MemoryPeaks(CpuUse.Processes processes) {
        this.processes = processes;
        reset(now());
    }

    /** Reads every process's peak since the last phase ended, then starts the next phase's. */
    public void phaseEnded(String phase) {
        Map<String, Long> now = now();
        Map<String, Double> peaks = new LinkedHashMap<>();
        now.forEach((name, pid) -> Machine.procField("/proc/" + pid + "/status", "VmHWM").map(Machine::kilobytes)
                .ifPresent(kb -> peaks.put(name, kb / 1024.0)));
        peaks.forEach((name, mb) -> highest.merge(name, mb, Math::max));
        byPhase.put(phase, peaks);
        reset(now);
    }

    /** The highest peak a process reached in any phase so far, in MB, or 0 if none was read. */
    public double highest(String process) {
        return highest.getOrDefault(process, 0.0);
    }

    /** One line per phase: each process's peak in it, in MB. */
    public List<String> lines() {
        List<String> lines = byPhase.entrySet().stream().map(phase -> "peak RSS during " + phase.getKey() + ": "
                + (phase.getValue().isEmpty() ? "none read" : phase.getValue().entrySet().stream()
                .map(e -> String.format(Locale.ROOT, "%s %.0f", e.getKey(), e.getValue()))
                .collect(Collectors.joining(", ")) + " MB")).collect(Collectors.toList());
        if (cumulative) {
            lines.add("the peaks could not be reset between phases, so each is the highest since the process started");
        }
        return lines;
    }

    private Map<String, Long> now() {
        try {
            return processes.now();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void reset(Map<String, Long> processes) {
        for (long pid : processes.values()) {
            try {
                Files.writeString(Path.of("/proc/" + pid + "/clear_refs"), "5");
            } catch (IOException | SecurityException e) {
                cumulative = true;
            }
        }
    }
}
