package org.mandatetracker.bench.system;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** The machine a run measured, so results from different machines are not compared as if alike. */
public record Machine(int processors, long memoryMegabytes, String cpuModel, String javaVersion, String os) {

    public static Machine current() {
        return new Machine(Runtime.getRuntime().availableProcessors(),
                procField("/proc/meminfo", "MemTotal").map(Machine::kilobytes).orElse(-1L) / 1024,
                procField("/proc/cpuinfo", "model name").orElse("unknown"),
                System.getProperty("java.runtime.version") + " (" + System.getProperty("java.vm.name") + ")",
                System.getProperty("os.name") + " " + System.getProperty("os.version"));
    }

    /** A field of a {@code /proc} file shaped as {@code name: value}, e.g. VmRSS of {@code /proc/<pid>/status}. */
    public static Optional<String> procField(String file, String name) {
        try {
            List<String> lines = Files.readAllLines(Path.of(file));
            return lines.stream().filter(line -> line.startsWith(name) && line.indexOf(':') > 0
                            && line.substring(0, line.indexOf(':')).trim().equals(name))
                    .map(line -> line.substring(line.indexOf(':') + 1).trim()).findFirst();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** {@code "123456 kB"} as 123456. */
    public static long kilobytes(String value) {
        return Long.parseLong(value.replace("kB", "").trim());
    }
}
