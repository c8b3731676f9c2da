package org.mandatetracker.bench.system;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Where a phase's CPU went, read from {@code /proc}: each process of the system, PostgreSQL (every backend, and
 * those that exited meanwhile through the postmaster's reaped children), the benchmark itself as the load generator,
 * and the machine as a whole, with the time the hypervisor stole from it. On two cores the pipeline's cost per
 * operation, summed over every process, is what caps its throughput, so a phase's figures say where a target went.
 */
public final class CpuUse {

    /** Linux reports process CPU in clock ticks of 1/100 s (USER_HZ) on every architecture the JDK runs on here. */
    private static final double MILLIS_PER_TICK = 10;
    public static final String POSTGRES = "postgresql";
    public static final String BENCH = "bench (load)";
    public static final String OTHER = "other";

    /**
     * CPU ticks by process, the process ids they were read from, and the machine's busy, stolen and total ticks, at
     * one moment.
     */
    public record Sample(Map<String, Long> processes, Map<String, Long> pids, long busy, long steal, long total) {
    }

    /**
     * A phase's CPU.
     *
     * @param millis     CPU milliseconds by process, {@link #OTHER} for the machine's busy time no listed process had
     * @param busyShare  the machine's busy time over its whole time (all cores), 0 to 1
     * @param stealShare time the hypervisor gave to other machines, over the whole time
     */
    public record Use(Map<String, Double> millis, double busyShare, double stealShare) {

        public double totalMillis() {
            return millis.values().stream().mapToDouble(Double::doubleValue).sum();
        }

        /** Each process's milliseconds per operation, largest first, and the machine's load. */
        public String perOperation(long operations, String what) {
            String each = millis.entrySet().stream()
                    .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                    .map(e -> String.format(Locale.ROOT, "%s %.2f", e.getKey(), e.getValue() / operations))
                    .collect(Collectors.joining(", "));
            return String.format(Locale.ROOT, "CPU ms per %s: %s; the machine was %.0f%% busy, %.0f%% stolen by the "
                    + "hypervisor", what, each, busyShare * 100, stealShare * 100);
        }
    }

    /** The system's processes by name, as they are now: a supervised process that exited has a new id. */
    public interface Processes {
        Map<String, Long> now() throws IOException;
    }

    private final Processes processes;

    public CpuUse(Processes processes) {
        this.processes = processes;
    }

    public Sample sample() throws IOException {
        Map<String, Long> ticks = new LinkedHashMap<>();
        Map<String, Long> pids = processes.now();
        pids.forEach((name, pid) -> ticks.put(name, processTicks(Path.of("/proc/" + pid + "/stat"), false)
                .orElse(0L)));
        ticks.put(POSTGRES, postgresTicks());
        ticks.put(BENCH, processTicks(Path.of("/proc/self/stat"), false).orElse(0L));
        String[] cpu = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
        long user = field(cpu, 1), nice = field(cpu, 2), system = field(cpu, 3), idle = field(cpu, 4);
        long iowait = field(cpu, 5), irq = field(cpu, 6), softirq = field(cpu, 7), steal = field(cpu, 8);
        long busy = user + nice + system + irq + softirq;
        return new Sample(ticks, pids, busy, steal, busy + idle + iowait + steal);
    }

    public static Use between(Sample before, Sample after) {
        Map<String, Double> millis = new LinkedHashMap<>();
        double listed = 0;
        for (var entry : after.processes().entrySet()) {
            String name = entry.getKey();
            // A process that exited and was started again counts from its new start; its old self's share is lost.
            boolean restarted = !Objects.equals(before.pids().get(name), after.pids().get(name));
            double ms = Math.max(0, entry.getValue() - (restarted ? 0 : before.processes().getOrDefault(name, 0L)))
                    * MILLIS_PER_TICK;
            millis.put(restarted ? name + " (restarted)" : name, ms);
            listed += ms;
        }
        double busy = (after.busy() - before.busy()) * MILLIS_PER_TICK;
        millis.put(OTHER, Math.max(0, busy - listed));
        double total = Math.max(1, after.total() - before.total());
        return new Use(millis, (after.busy() - before.busy()) / total, (after.steal() - before.steal()) / total);
    }

    private static long postgresTicks() throws IOException {
        long ticks = 0;
        try (DirectoryStream<Path> processes = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
            for (Path process : processes) {
                Optional<String> stat = read(process.resolve("stat"));
                if (stat.isEmpty() || !stat.get().contains("(postgres)")) {
                    continue;
                }
                // The postmaster (whose parent is not PostgreSQL) also counts the backends that exited meanwhile.
                boolean postmaster = !read(Path.of("/proc/" + field(afterName(stat.get()), 1) + "/stat"))
                        .map(parent -> parent.contains("(postgres)")).orElse(false);
                ticks += processTicks(stat.get(), postmaster);
            }
        }
        return ticks;
    }

    private static Optional<Long> processTicks(Path stat, boolean withChildren) {
        return read(stat).map(line -> processTicks(line, withChildren));
    }

    /** A {@code /proc} file, or nothing if its process has exited. */
    private static Optional<String> read(Path file) {
        try {
            return Optional.of(Files.readString(file));
        } catch (IOException gone) {
            return Optional.empty();
        }
    }

    /** utime + stime (fields 14 and 15 of {@code /proc/<pid>/stat}), and with children cutime + cstime (16, 17). */
    private static long processTicks(String stat, boolean withChildren) {
        String[] fields = afterName(stat);
        long own = field(fields, 11) + field(fields, 12);
        return withChildren ? own + field(fields, 13) + field(fields, 14) : own;
    }

    /** The fields after the command name, which may itself hold spaces and parentheses: field 3 first. */
    private static String[] afterName(String stat) {
        return stat.substring(stat.lastIndexOf(')') + 2).trim().split("\\s+");
    }

    private static long field(String[] fields, int index) {
        return index < fields.length ? Long.parseLong(fields[index]) : 0;
    }
}
