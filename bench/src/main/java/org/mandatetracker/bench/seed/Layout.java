package org.mandatetracker.bench.seed;

import java.time.LocalDate;

/**
 * Where everything in the generated record is, computed from a body's number alone, so the generator and the
 * queries agree without sharing state. Bodies come in groups of ten: a plenary (number divisible by ten) and nine
 * subsidiaries it established by decisions adopted at its first two sessions.
 */
public final class Layout {

    public static final int SESSIONS = 5;
    public static final int HELD_SESSIONS = 3;
    public static final int MANDATES = 10;
    public static final int DECISIONS_PER_MEETING = 6;
    public static final int RECOMMENDATIONS_PER_MEETING = 12;
    public static final int DOCUMENTS_PER_MEETING = 6;
    static final int GROUP = 10;

    private static final LocalDate EPOCH = LocalDate.of(2012, 1, 1);

    private final String prefix;

    /** @param prefix distinguishes this run's ids from any other's, e.g. {@code bench-1a2b} */
    public Layout(String prefix) {
        this.prefix = prefix;
    }

    public String bodyId(int body) {
        return prefix + "-b" + body;
    }

    public String meetingId(int body, int session) {
        return bodyId(body) + "-s" + session;
    }

    public String mandateId(int body, int mandate) {
        return bodyId(body) + "-m" + mandate;
    }

    public String recommendationId(int body, int session, int recommendation) {
        return bodyId(body) + "-s" + session + "-r" + recommendation;
    }

    static boolean isPlenary(int body) {
        return body % GROUP == 0;
    }

    static int plenaryOf(int body) {
        return body - body % GROUP;
    }

    /** The symbol of a body's own document, e.g. {@code BENCH/B12/S3/DEC.4}: unique across runs' bodies. */
    public String symbol(int body, int session, String document) {
        return symbolPrefix() + "/B" + body + "/S" + session + "/" + document;
    }

    private String symbolPrefix() {
        return "BENCH" + "/" + prefix.substring(prefix.lastIndexOf('-') + 1).toUpperCase();
    }

    public String decisionSymbol(int body, int session, int decision) {
        return symbol(body, session, "DEC." + decision);
    }

    /** The decision that established the body: for a subsidiary one of its plenary's, for a plenary an outside one. */
    public String establishingDecision(int body) {
        if (isPlenary(body)) {
            return symbolPrefix() + "/ROOT/" + body / GROUP;
        }
        int index = body % GROUP - 1;
        return decisionSymbol(plenaryOf(body), index / DECISIONS_PER_MEETING + 1, index % DECISIONS_PER_MEETING + 1);
    }

    public LocalDate establishedOn(int body) {
        if (isPlenary(body)) {
            return EPOCH.plusDays((body / GROUP * 37L) % 2000);
        }
        int index = body % GROUP - 1;
        return sessionEnd(plenaryOf(body), index / DECISIONS_PER_MEETING + 1);
    }

    public LocalDate sessionStart(int body, int session) {
        return establishedOn(body).plusDays(session * 365L + body % 5);
    }

    public LocalDate sessionEnd(int body, int session) {
        return sessionStart(body, session).plusDays(4);
    }

    /** A date in the middle of the body's life, when its mandates are in every state. */
    public LocalDate midLife(int body) {
        return establishedOn(body).plusYears(3).plusDays(180);
    }
}
