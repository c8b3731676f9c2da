package org.mandatetracker.mandate.api;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import org.mandatetracker.citation.DocumentSymbol;

/** What shows a mandate was fulfilled: a meeting that was held, or a document that was issued. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
@JsonSubTypes({
        @JsonSubTypes.Type(value = Evidence.Meeting.class, name = "meeting"),
        @JsonSubTypes.Type(value = Evidence.Document.class, name = "document")})
public sealed interface Evidence {

    record Meeting(String meetingId) implements Evidence {
    }

    record Document(DocumentSymbol symbol) implements Evidence {
    }
}
