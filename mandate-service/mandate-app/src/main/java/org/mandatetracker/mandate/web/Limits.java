package org.mandatetracker.mandate.web;

/** The size and shape limits on what a request may carry, in one place. */
final class Limits {

    /** Client-chosen ids: a letter or digit, then letters, digits, '.', '_' or '-'; 64 characters at most. */
    static final String ID = "[A-Za-z0-9][A-Za-z0-9._-]{0,63}";
    static final String ID_MESSAGE = "must be 1 to 64 letters, digits, '.', '_' or '-', starting with a letter or digit";
    /** One line of printable text. */
    static final String LINE = "[^\\p{Cntrl}]*";
    static final String LINE_MESSAGE = "must be a single line without control characters";
    static final int NAME = 300;
    static final int SHORT_NAME = 60;
    static final int CHAIR_ARRANGEMENT = 500;
    static final int LEGAL_BASIS_ENTRIES = 20;
    static final int CITATION = 300;
    static final int TASK = 4000;
    static final int REASON = 1000;
    static final int SESSION = 999;

    private Limits() {
    }
}
