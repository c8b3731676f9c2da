package org.mandatetracker.web.record;

import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.mandatetracker.web.record.Field.Type.CHECKBOX;
import static org.mandatetracker.web.record.Field.Type.DATE;
import static org.mandatetracker.web.record.Field.Type.ID;
import static org.mandatetracker.web.record.Field.Type.LINES;
import static org.mandatetracker.web.record.Field.Type.NUMBER;
import static org.mandatetracker.web.record.Field.Type.PARAGRAPHS;
import static org.mandatetracker.web.record.Field.Type.TEXT;
import static org.mandatetracker.web.record.Field.Type.TEXTAREA;

/** The common facts a recorder records, each as the API's request for it. */
@Component
public class Forms {

    private static final String BODIES = "bodies";
    private static final String MEETINGS = "meetings";

    private final Map<String, RecordForm> forms = new LinkedHashMap<>();

    public Forms() {
        add("body", "/bodies", "/bodies/{id}", establishment(""));
        List<Field> correction = new ArrayList<>(List.of(Field.required("bodyId", TEXT).suggesting(BODIES)));
        correction.addAll(establishment("establishment."));
        correction.add(Field.required("reason", TEXTAREA));
        add("correction", "/bodies/{bodyId}/correction", "/bodies/{bodyId}", correction);
        add("mandate", "/bodies/{bodyId}/mandates", "/mandates/{id}",
                Field.required("bodyId", TEXT).suggesting(BODIES), Field.of("id", ID),
                Field.required("task", TEXTAREA),
                Field.select("deadline.form", true, "on-date", "before-session", "at-session", "standing"),
                Field.of("deadline.date", DATE), Field.of("deadline.bodyId", TEXT).suggesting(BODIES),
                Field.of("deadline.session", NUMBER), Field.required("conferredOn", DATE),
                Field.required("source.document", TEXT), Field.of("source.paragraph", TEXT));
        add("meeting", "/meetings", "/meetings/{id}", Field.of("id", ID),
                Field.required("bodyId", TEXT).suggesting(BODIES), Field.required("title", TEXT),
                Field.of("session", NUMBER), Field.select("kind", false, "REGULAR", "SPECIAL", "INTERSESSIONAL",
                        "RESUMED"), Field.of("venue", TEXT), Field.required("plannedStart", DATE),
                Field.required("plannedEnd", DATE), Field.required("scheduledOn", DATE),
                Field.required("source.document", TEXT), Field.of("source.paragraph", TEXT));
        add("rescheduling", "/meetings/{meetingId}/rescheduling", "/meetings/{meetingId}", meeting(),
                Field.required("plannedStart", DATE), Field.required("plannedEnd", DATE), Field.of("reason", TEXT),
                Field.required("rescheduledOn", DATE), Field.required("source.document", TEXT),
                Field.of("source.paragraph", TEXT));
        add("holding", "/meetings/{meetingId}/held", "/meetings/{meetingId}", meeting(),
                Field.required("heldFrom", DATE), Field.required("heldTo", DATE),
                Field.required("source.document", TEXT), Field.of("source.paragraph", TEXT));
        add("decision", "/meetings/{meetingId}/decisions", "/meetings/{meetingId}", meeting(),
                Field.required("reference", TEXT), Field.select("type", true, "DECISION", "RESOLUTION"),
                Field.required("title", TEXT), Field.of("paragraphs", PARAGRAPHS), Field.required("adoptedOn", DATE),
                Field.required("source.document", TEXT), Field.of("source.paragraph", TEXT));
        add("recommendation", "/meetings/{meetingId}/recommendations", "/meetings/{meetingId}", meeting(),
                Field.of("id", ID), Field.required("text", TEXTAREA),
                Field.of("addressee.bodyId", TEXT).suggesting(BODIES), Field.of("addressee.description", TEXT),
                Field.of("paragraph", TEXT), Field.required("reportSymbol", TEXT), Field.required("adoptedOn", DATE),
                Field.required("source.document", TEXT), Field.of("source.paragraph", TEXT));
        add("document", "/meetings/{meetingId}/documents", "/meetings/{meetingId}", meeting(),
                Field.required("symbol", TEXT), Field.required("title", TEXT), Field.of("agendaItem", TEXT),
                Field.of("originalLanguage", TEXT), Field.required("distributedOn", DATE),
                Field.of("source.document", TEXT), Field.of("source.paragraph", TEXT));
        add("fulfilment", "/mandates/{mandateId}/fulfilment", "/mandates/{mandateId}",
                Field.required("mandateId", TEXT), Field.of("evidence.meetingId", TEXT).suggesting(MEETINGS),
                Field.of("evidence.document", TEXT), Field.required("fulfilledOn", DATE),
                Field.required("source.document", TEXT), Field.of("source.paragraph", TEXT));
    }

    private static Field meeting() {
        return Field.required("meetingId", TEXT).suggesting(MEETINGS);
    }

    private static List<Field> establishment(String prefix) {
        List<Field> fields = new ArrayList<>();
        if (prefix.isEmpty()) {
            fields.add(Field.of("id", ID));
        }
        fields.addAll(List.of(Field.required(prefix + "name", TEXT), Field.required(prefix + "shortName", TEXT),
                Field.select(prefix + "kind", true, "PLENARY", "SUBSIDIARY", "WORKING_GROUP", "EXPERT_GROUP", "OTHER"),
                Field.of(prefix + "parentBodyId", TEXT).suggesting(BODIES), Field.of(prefix + "openEnded", CHECKBOX),
                Field.of(prefix + "interim", CHECKBOX), Field.of(prefix + "chairArrangement", TEXT),
                Field.of(prefix + "legalBasis", LINES), Field.required(prefix + "establishedOn", DATE),
                Field.required(prefix + "establishedBy.document", TEXT),
                Field.of(prefix + "establishedBy.paragraph", TEXT)));
        return fields;
    }

    private void add(String key, String path, String shownAt, Field... fields) {
        add(key, path, shownAt, Arrays.asList(fields));
    }

    private void add(String key, String path, String shownAt, List<Field> fields) {
        forms.put(key, new RecordForm(key, path, shownAt, List.copyOf(fields)));
    }

    public RecordForm get(String key) {
        return forms.get(key);
    }

    public List<RecordForm> all() {
        return List.copyOf(forms.values());
    }
}
