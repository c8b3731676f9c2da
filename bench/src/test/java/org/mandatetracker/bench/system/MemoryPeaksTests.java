package org.mandatetracker.bench.system;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

class MemoryPeaksTests {

    private static final long SELF = ProcessHandle.current().pid();

    @Test
    void eachPhaseNotesEachProcessPeakAndTheHighestIsTheLargestOfThem() {
        MemoryPeaks peaks = new MemoryPeaks(() -> Map.of("this test", SELF));
        peaks.phaseEnded("the first");
        peaks.phaseEnded("the second");

        assertThat(peaks.lines()).hasSize(2);
        assertThat(peaks.lines().get(0)).matches("peak RSS during the first: this test \\d+ MB");
        assertThat(peaks.lines().get(1)).matches("peak RSS during the second: this test \\d+ MB");
        double first = megabytes(peaks.lines().get(0));
        double second = megabytes(peaks.lines().get(1));
        assertThat(peaks.highest("this test")).isPositive().isCloseTo(Math.max(first, second), offset(1.0));
    }

    @Test
    void saysSoWhenAPeakCannotBeReset() {
        MemoryPeaks peaks = new MemoryPeaks(() -> Map.of("gone", Long.MAX_VALUE));
        peaks.phaseEnded("a phase");

        assertThat(peaks.lines()).containsExactly("peak RSS during a phase: none read",
                "the peaks could not be reset between phases, so each is the highest since the process started");
        assertThat(peaks.highest("gone")).isZero();
    }

    private static double megabytes(String line) {
        return Double.parseDouble(line.replaceAll(".* (\\d+) MB$", "$1"));
    }
}
