package org.mandatetracker.loader;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Map;

/**
 * One request the data file asks for.
 *
 * @param label     where it comes from in the file, e.g. {@code meetings[2].held}
 * @param name      what it records, by id, e.g. {@code meeting ctoc-cop-6 held}
 * @param locations the {@code line:column} of each field of the body, by its dotted path, for precise errors
 */
public record Step(String label, String name, String path, ObjectNode body, String location,
                   Map<String, String> locations) {

    /** Where a field of this step's body is written in the file; the step itself when the field is unknown. */
    public String locate(String field) {
        if (field != null) {
            for (String candidate = field; !candidate.isEmpty();
                 candidate = candidate.contains(".") ? candidate.substring(0, candidate.lastIndexOf('.')) : "") {
                String found = locations.get(candidate.replaceAll("\\[\\d+]", ""));
                if (found != null) {
                    return found;
                }
            }
        }
        return location;
    }
}
