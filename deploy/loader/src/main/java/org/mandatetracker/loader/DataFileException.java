package org.mandatetracker.loader;

import java.util.List;

/** A data file that cannot be recorded, with every problem found, each at its line, column and field. */
public class DataFileException extends Exception {

    private final List<String> problems;

    public DataFileException(List<String> problems) {
        super(String.join("\n", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
