package org.mandatetracker.support.web;

/** The size and shape limits on what a request may carry, in one place. */
public final class Limits {

    /** Client-chosen ids: a letter or digit, then letters, digits, '.', '_' or '-'; 64 characters at most. */
    public static final String ID = "[A-Za-z0-9][A-Za-z0-9._-]{0,63}";
    public static final String ID_MESSAGE = "must be 1 to 64 letters, digits, '.', '_' or '-', starting with a letter or digit";
    public static final int NAME = 300;
    public static final int SHORT_NAME = 60;
    public static final int CHAIR_ARRANGEMENT = 500;
    public static final int LEGAL_BASIS_ENTRIES = 20;
    public static final int CITATION = 300;
    public static final int TASK = 4000;
    public static final int REASON = 1000;
    public static final int SESSION = 999;

    private Limits() {
    }
}
