package org.mandatetracker.web.record;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A form for one command: the API path it posts to, whose {@code {placeholders}} are fields of the form, and the page
 * shown once it is recorded, whose placeholders are fields too or {@code {id}}, the id the API answered with.
 */
public record RecordForm(String key, String path, String shownAt, List<Field> fields) {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z.]+)}");

    /** The fields named in the path: they choose what the command is about, and are not part of its body. */
    public List<String> pathFields() {
        return placeholders(path);
    }

    static List<String> placeholders(String template) {
        List<String> names = new ArrayList<>();
        Matcher matcher = PLACEHOLDER.matcher(template);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }
}
