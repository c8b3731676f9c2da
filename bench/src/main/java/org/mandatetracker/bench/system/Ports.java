package org.mandatetracker.bench.system;

/**
 * The ports the launcher is told to use, so a run never meets the default system or the end-to-end test. Keep them
 * below the kernel's ephemeral range (from 32768), where an outgoing connection may hold a port for a while.
 */
public record Ports(int gateway, int mandate, int meeting, int report, int kafka, int kafkaController, int web) {

    /**
     * The gateway on {@code base}, the services on the next three, the web application on the fourth, the broker and
     * controller at 1012 and 1013 above.
     */
    public static Ports from(int base) {
        return new Ports(base, base + 1, base + 2, base + 3, base + 1012, base + 1013, base + 4);
    }
}
