package org.mandatetracker.web.record;

import java.util.List;

/**
 * One input of a form, named by its path in the API's request body ({@code source.document}), so the API's problem
 * for that path lands beside it.
 *
 * @param options a select's values; for a text input, suggestions ({@code bodies}, {@code meetings}) or none
 */
public record Field(String name, Type type, boolean required, List<String> options, String suggestions) {

    public enum Type { ID, TEXT, TEXTAREA, DATE, NUMBER, CHECKBOX, SELECT, LINES, PARAGRAPHS }

    static Field of(String name, Type type) {
        return new Field(name, type, false, List.of(), null);
    }

    static Field required(String name, Type type) {
        return new Field(name, type, true, List.of(), null);
    }

    static Field select(String name, boolean required, String... options) {
        return new Field(name, Type.SELECT, required, List.of(options), null);
    }

    Field suggesting(String list) {
        return new Field(name, type, required, options, list);
    }

    /** Safe as an HTML id: {@code source.document} becomes {@code source-document}. */
    public String htmlId() {
        return name.replace('.', '-');
    }
}
